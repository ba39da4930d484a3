import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readId, show, simplifyOption } from '../../../../../shared/kit';
import { invalidInput } from '../../../../../shared/validation';
import { api, fieldsOption, fieldsToBody, maybeSimplify } from '../common';

/** What the project operations share (and Phase, whose records are projects): fields and bodies. */

export const PR = 'project';

const PROJECT_KEYS = [
	'id',
	'name',
	'phase_name',
	'parent_id',
	'project_code',
	'client',
	'project_state',
	'starts_at',
	'ends_at',
	'archived',
	'timeentry_lockout',
	'type',
	'created_at',
	'updated_at',
];

const PROJECT_FIELDS: Array<[string, string]> = [
	['budget_items', 'Budget Items'],
	['children', 'Phases (Children)'],
	['custom_field_values', 'Custom Field Values'],
	['phase_count', 'Phase Count'],
	['project_state', 'Project State'],
	['summary', 'Summary (Hours and Amounts)'],
	['tags', 'Tags'],
];

/** Include Fields of one read operation. */
export const includeFields = (operation: string): INodeProperties =>
	fieldsOption(show(PR, operation), PROJECT_FIELDS);

/** Simplify of one operation (writes and reads answer with one project shape). */
export const simplifyField = (operation: string): INodeProperties =>
	simplifyOption(show(PR, operation));

export const projectWritable = (forUpdate: boolean): INodeProperties[] => [
	{ displayName: 'Client', name: 'client', type: 'string', default: '' },
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
	},
	...(forUpdate
		? [
				{
					displayName: 'End Date',
					name: 'ends_at',
					type: 'dateTime',
					default: '',
				} as INodeProperties,
			]
		: []),
	...(forUpdate
		? [{ displayName: 'Name', name: 'name', type: 'string', default: '' } as INodeProperties]
		: []),
	{ displayName: 'Project Code', name: 'project_code', type: 'string', default: '' },
	{
		displayName: 'Project State',
		name: 'project_state',
		type: 'options',
		default: 'Confirmed',
		options: [
			{ name: 'Confirmed', value: 'Confirmed' },
			{ name: 'Internal', value: 'Internal' },
			{ name: 'Tentative', value: 'Tentative' },
		],
	},
	...(forUpdate
		? [
				{
					displayName: 'Start Date',
					name: 'starts_at',
					type: 'dateTime',
					default: '',
				} as INodeProperties,
			]
		: []),
	{
		displayName: 'Time Entry Lockout (Days)',
		name: 'timeentry_lockout',
		type: 'number',
		default: -1,
		typeOptions: { minValue: -1 },
		description:
			'-1: not locked; 0: locked; N: entries older than N days are locked. Set it on each phase too.',
	},
];

/**
 * A project (or phase) body: dates to YYYY-MM-DD, the end not before the start, a valid lockout.
 */
export function projectBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body = fieldsToBody(ctx, i, fields, {
		dates: ['starts_at', 'ends_at'],
		numbers: ['timeentry_lockout'],
		labels: {
			starts_at: 'Start Date',
			ends_at: 'End Date',
			timeentry_lockout: 'Time Entry Lockout (Days)',
		},
	});
	if (body.starts_at && body.ends_at && String(body.ends_at) < String(body.starts_at))
		throw invalidInput(
			ctx.getNode(),
			i,
			'End Date',
			`must not be before the start date (${String(body.starts_at)})`,
		);
	if (
		body.timeentry_lockout !== undefined &&
		(!Number.isInteger(body.timeentry_lockout) || (body.timeentry_lockout as number) < -1)
	) {
		throw invalidInput(
			ctx.getNode(),
			i,
			'Time Entry Lockout (Days)',
			'must be -1, 0 or a whole number of days',
		);
	}
	return body;
}

/**
 * One shape for a project in every operation: Simplify keeps the same keys for writes and reads.
 */
export const simple = (ctx: IExecuteFunctions, i: number, records: IDataObject | IDataObject[]) =>
	maybeSimplify(ctx, i, records, PROJECT_KEYS);

/** Archive / Unarchive: one PUT of `archived`. */
export async function setArchived(
	ctx: IExecuteFunctions,
	i: number,
	archived: boolean,
): Promise<IDataObject | IDataObject[]> {
	const id = readId(ctx, i, 'projectId', 'Project');
	return simple(
		ctx,
		i,
		await api(ctx, i, 'PUT', `/projects/${id}`, { body: { archived }, notFound: `Project ${id}` }),
	);
}
