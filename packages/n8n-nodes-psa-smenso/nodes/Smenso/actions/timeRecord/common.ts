/** What the time record operations share: fields, a project's time records, the read-back. */
import type { IDataObject } from 'n8n-workflow';

import { get, withHours, type Ctx, type FieldSpec } from '../common';

export const R = 'timeRecord';

export const EXTRA: FieldSpec[] = [
	{ name: 'description', label: 'Description', kind: 'text' },
	{
		name: 'externalId',
		label: 'External ID',
		kind: 'string',
		description:
			'Your own key, e.g. the ID in the source time sheet. If empty, the node sets one to read the record back.',
	},
	{ name: 'flavors', label: 'Custom Fields (Flavors)', kind: 'flavors', wire: 'flavor' },
	{
		name: 'locked',
		label: 'Locked',
		kind: 'boolean',
		description: 'Whether the record is locked against changes',
	},
	{ name: 'statusId', label: 'Status ID', kind: 'integer' },
];
export const UPDATE: FieldSpec[] = [
	{ name: 'date', label: 'Date', kind: 'date' },
	{
		name: 'hours',
		label: 'Duration (Hours)',
		kind: 'hours',
		wire: 'duration',
		description: 'Time worked, e.g. 1.5 or 1:30 (sent to smenso as minutes)',
	},
	{ name: 'startDate', label: 'Start', kind: 'dateTime' },
	{ name: 'endDate', label: 'End', kind: 'dateTime' },
	...EXTRA.filter((f) => f.name !== 'externalId'),
];

/**
 * Time record fields no source shows for time records: flavors (P12/P14 say they exist) and a
 * description.
 */
export const DISPUTED = ['flavors', 'description'];

/** Minutes on the wire → hours beside them in the output. */
const TIME_HOURS = { duration: 'hours' };

export async function timeRecordsOf(
	ctx: Ctx,
	i: number | undefined,
	projectId: string,
): Promise<IDataObject[]> {
	const list = await get(
		ctx,
		i,
		`integration/timerecord/json/${projectId}`,
		undefined,
		`Project ${projectId}`,
	);
	return (Array.isArray(list) ? list : []).map((r) => withHours(r, TIME_HOURS));
}

export function readBack(ctx: Ctx, projectId: string, find: (r: IDataObject) => boolean) {
	return {
		key: `timerecords:${projectId}`,
		fetch: async () => await timeRecordsOf(ctx, undefined, projectId),
		match: (list: IDataObject[]) => list.find(find),
	};
}

export const wrapTop = (projectId: string) => ({
	key: 'timeRecord',
	timezone: true,
	top: { projectId },
});
