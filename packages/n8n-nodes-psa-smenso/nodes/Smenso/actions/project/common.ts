/** What the project operations share: fields, paths, the read-back. */
import type { IDataObject } from 'n8n-workflow';

import {
	checkOrder,
	get,
	locatorValue,
	sameId,
	wireRecord,
	type Ctx,
	type FieldSpec,
} from '../common';

export const R = 'project';

export const TITLE: FieldSpec = { name: 'title', label: 'Title', kind: 'string' };

export const FOLDER: FieldSpec = {
	name: 'phaseId',
	label: 'Project Folder ID',
	kind: 'string',
	description:
		'The numeric ID of the project folder ("phase"); smenso shows it through a Formula flavor',
};
export const TYPE: FieldSpec = {
	name: 'typeId',
	label: 'Project Type ID',
	kind: 'string',
	description: 'The numeric ID of the project type',
};

export const DETAILS: FieldSpec[] = [
	{ name: 'benefit', label: 'Benefit', kind: 'text' },
	{
		name: 'blockTimeRecording',
		label: 'Block Time Recording',
		kind: 'boolean',
		description: 'Whether booking time on the project is blocked',
	},
	{ name: 'budget', label: 'Budget', kind: 'number', min: 0 },
	{
		name: 'currency',
		label: 'Currency',
		kind: 'options',
		options: [
			['AUD', 'AUD'],
			['CAD', 'CAD'],
			['CHF', 'CHF'],
			['EUR', 'EUR'],
			['GBP', 'GBP'],
			['USD', 'USD'],
		],
		default: 'EUR',
	},
	{ name: 'description', label: 'Description', kind: 'text' },
	{ name: 'endDate', label: 'End Date', kind: 'date' },
	{
		name: 'externalId',
		label: 'External ID',
		kind: 'string',
		description:
			'Your own key for the project, e.g. the ID in the CRM. If empty on create, the node sets one so it can read the project back.',
	},
	{ name: 'flavors', label: 'Custom Fields (Flavors)', kind: 'flavors', wire: 'flavor' },
	{ name: 'goal', label: 'Goal', kind: 'text' },
	{ name: 'hourlyRate', label: 'Hourly Rate', kind: 'number', min: 0 },
	{ name: 'locationId', label: 'Location ID', kind: 'integer' },
	{
		name: 'projectManager',
		label: 'Project Manager',
		kind: 'user',
		description: "The manager's e-mail address or GUID",
	},
	{ name: 'startDate', label: 'Start Date', kind: 'date' },
	{ name: 'statusId', label: 'Status ID', kind: 'integer' },
	{ name: 'usePersonalHourlyRates', label: 'Use Personal Hourly Rates', kind: 'boolean' },
];
export const CREATE_ONLY: FieldSpec[] = [
	{ name: 'workflowId', label: 'Workflow ID', kind: 'integer' },
];
export const UPDATE_ONLY: FieldSpec[] = [
	{ ...FOLDER },
	{ ...TYPE },
	{ name: 'parentId', label: 'Parent Project ID', kind: 'guid' },
	TITLE,
];
/**
 * Project flavors: P14 says projects carry them; the write shape is the vendor node's member
 * update.
 */
export const DISPUTED = ['flavors'];

/**
 * phaseId/typeId: numbers on the wire (N-new, XML integers); other text as given (P13: string or
 * number).
 */
export const idNumber = (value: string) => (/^\d+$/.test(value) ? Number(value) : value);

export const projectsPath = 'integration/project/json';
export const projectId = (ctx: Ctx, i: number) => locatorValue(ctx, i, 'projectId', 'Project');

export function readBackById(
	ctx: Ctx,
	id: string,
	check: (p: IDataObject) => boolean = () => true,
) {
	return {
		key: `project:${id}`,
		fetch: async () => [await get<IDataObject>(ctx, undefined, `${projectsPath}/${id}`)],
		match: (list: IDataObject[]) => list.find((p) => sameId(p.id, id) && check(p)),
	};
}

export async function details(
	ctx: Ctx,
	i: number,
	source: IDataObject,
	zone: string,
	fields: FieldSpec[],
): Promise<IDataObject> {
	const out = wireRecord(ctx, i, fields, source, zone);
	for (const key of ['phaseId', 'typeId'])
		if (typeof out[key] === 'string') out[key] = idNumber(out[key] as string);
	checkOrder(ctx, i, out, 'startDate', 'endDate', 'Start Date', 'End Date');
	return out;
}
