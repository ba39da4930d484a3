/** What the absence operations share: fields, the absence list, the read-back. */
import type { IDataObject } from 'n8n-workflow';

import { get, type Ctx, type FieldSpec } from '../common';

export const R = 'absence';

export const STATUS: Array<[string, string]> = [
	['Approved', 'approved'],
	['Rejected', 'rejected'],
	['Submitted', 'submitted'],
];

const DETAILS: FieldSpec[] = [
	{ name: 'comment', label: 'Comment', kind: 'text' },
	{
		name: 'endDateMinutes',
		label: 'Minutes Absent on Last Day',
		kind: 'minutes',
		description:
			'For a part day: minutes absent on the last day, e.g. 240 = half of an 8-hour day. Empty: the whole working day.',
	},
	{
		name: 'locked',
		label: 'Locked',
		kind: 'boolean',
		description: 'Whether the absence is locked against changes',
	},
	{
		name: 'startDateMinutes',
		label: 'Minutes Absent on First Day',
		kind: 'minutes',
		description:
			'For a part day: minutes absent on the first day, e.g. 240 = half of an 8-hour day. Empty: the whole working day.',
	},
	{
		name: 'status',
		label: 'Status',
		kind: 'options',
		options: STATUS,
		default: 'submitted',
		description: 'Only for absence types that need approval',
	},
];
export const CREATE: FieldSpec[] = [
	...DETAILS,
	{
		name: 'externalId',
		label: 'External ID',
		kind: 'string',
		description:
			'Your own key, e.g. the leave request ID in the HR system. If empty, the node sets one to read the absence back.',
	},
];
export const UPDATE: FieldSpec[] = [
	...DETAILS,
	{ name: 'startDate', label: 'Start Date', kind: 'date' },
	{ name: 'endDate', label: 'End Date', kind: 'date' },
	{ name: 'absenceTypeId', label: 'Absence Type (ID or Name)', kind: 'string' },
];

export async function absencesOf(ctx: Ctx, i?: number): Promise<IDataObject[]> {
	const list = await get(ctx, i, 'integration/absence/json');
	return Array.isArray(list) ? list : [];
}

export const ENVELOPE = { key: 'absence', timezone: true };

export function readBack(ctx: Ctx, find: (a: IDataObject) => boolean) {
	return {
		key: 'absences',
		fetch: async () => await absencesOf(ctx),
		match: (list: IDataObject[]) => list.find(find),
	};
}
