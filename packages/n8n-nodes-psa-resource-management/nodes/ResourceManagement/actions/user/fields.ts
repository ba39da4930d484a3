import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readId, show, simplifyOption } from '../../../../../shared/kit';
import { invalidInput } from '../../../../../shared/validation';
import { api, fieldsOption, fieldsQuery, fieldsToBody, maybeSimplify } from '../common';

/** What the person operations share: fields, the person body and the one Simplify shape. */

export const US = 'user';

const USER_KEYS = [
	'id',
	'first_name',
	'last_name',
	'display_name',
	'email',
	'user_type_id',
	'license_type',
	'role',
	'discipline',
	'location',
	'employee_number',
	'billable',
	'archived',
	'type',
	'hire_date',
	'termination_date',
	'created_at',
	'updated_at',
];

const USER_FIELDS: Array<[string, string]> = [
	['assignments', 'Assignments'],
	['availabilities', 'Availabilities'],
	['custom_field_values', 'Custom Field Values'],
	['tags', 'Tags'],
];

const USER_TYPES = [
	{ name: 'Contractor', value: 5 },
	{ name: 'None', value: 0 },
	{ name: 'Project Manager', value: 2 },
	{ name: 'Restricted Team Member', value: 4 },
	{ name: 'Scheduler', value: 7 },
	{ name: 'Team Member', value: 3 },
];

/** Include Fields of one read operation. */
export const includeFields = (operation: string): INodeProperties =>
	fieldsOption(show(US, operation), USER_FIELDS);

/** Simplify of one operation (writes and reads answer with one person shape). */
export const simplifyField = (operation: string): INodeProperties =>
	simplifyOption(show(US, operation));

/** Filters of Get Many and Find by Email or Name. */
export const userFilters = (operation: string): INodeProperties => ({
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	displayOptions: show(US, operation),
	options: [
		{
			displayName: 'Include Archived',
			name: 'with_archived',
			type: 'boolean',
			default: false,
			description: 'Whether to include archived people',
		},
		{
			displayName: 'Include Phases',
			name: 'with_phases',
			type: 'boolean',
			default: false,
			description:
				"Whether to include people assigned to the project's phases (project scope only)",
		},
		{
			displayName: 'Include Placeholders',
			name: 'include_placeholders',
			type: 'boolean',
			default: false,
			description: 'Whether to include placeholder resources',
		},
		{
			displayName: 'Sort By',
			name: 'sort_field',
			type: 'options',
			default: 'last_name',
			options: [
				{ name: 'Created', value: 'created' },
				{ name: 'First Name', value: 'first_name' },
				{ name: 'Hire Date', value: 'hire_date' },
				{ name: 'Last Name', value: 'last_name' },
				{ name: 'Termination Date', value: 'termination_date' },
				{ name: 'Updated', value: 'updated' },
			],
		},
		{
			displayName: 'Sort Order',
			name: 'sort_order',
			type: 'options',
			default: 'ascending',
			options: [
				{ name: 'Ascending', value: 'ascending' },
				{ name: 'Descending', value: 'descending' },
			],
		},
	],
});

export const userWritable = (forUpdate: boolean): INodeProperties[] =>
	[
		{
			displayName: 'Billable',
			name: 'billable',
			type: 'boolean',
			default: true,
			description: "Whether the person's time is billable",
		},
		{
			displayName: 'Discipline Name or ID',
			name: 'discipline',
			type: 'options',
			default: '',
			typeOptions: { loadOptionsMethod: 'getDisciplineNames' },
			description:
				'Choose from the list, or specify a name using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		...(forUpdate
			? [
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
					} as INodeProperties,
				]
			: []),
		{ displayName: 'Employee Number', name: 'employee_number', type: 'string', default: '' },
		...(forUpdate
			? [
					{
						displayName: 'First Name',
						name: 'first_name',
						type: 'string',
						default: '',
					} as INodeProperties,
				]
			: []),
		{ displayName: 'Hire Date', name: 'hire_date', type: 'dateTime', default: '' },
		...(forUpdate
			? [
					{
						displayName: 'Last Name',
						name: 'last_name',
						type: 'string',
						default: '',
					} as INodeProperties,
				]
			: []),
		{
			displayName: 'License Type',
			name: 'license_type',
			type: 'options',
			default: 'licensed',
			options: [
				{ name: 'Licensed', value: 'licensed' },
				{
					name: 'Managed Resource',
					value: 'managed_resource',
					description: 'Scheduled, but cannot log confirmed time',
				},
			],
		},
		{ displayName: 'Location', name: 'location', type: 'string', default: '' },
		{ displayName: 'Mobile Phone', name: 'mobile_phone', type: 'string', default: '' },
		{ displayName: 'Office Phone', name: 'office_phone', type: 'string', default: '' },
		{
			displayName: 'Role Name or ID',
			name: 'role',
			type: 'options',
			default: '',
			typeOptions: { loadOptionsMethod: 'getRoleNames' },
			description:
				'Choose from the list, or specify a name using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{ displayName: 'Termination Date', name: 'termination_date', type: 'dateTime', default: '' },
		{
			displayName: 'User Type',
			name: 'user_type_id',
			type: 'options',
			default: 3,
			options: USER_TYPES,
			description: 'Permission level. Administrators can only be made in the app.',
		},
	] as INodeProperties[];

/** A person body: dates to YYYY-MM-DD, a plausible email, no administrators. */
export function userBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body = fieldsToBody(ctx, i, fields, {
		dates: ['hire_date', 'termination_date'],
		labels: { hire_date: 'Hire Date', termination_date: 'Termination Date' },
	});
	if (body.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(body.email)))
		throw invalidInput(
			ctx.getNode(),
			i,
			'Email',
			`is not an email address: "${String(body.email)}"`,
		);
	if (body.user_type_id !== undefined && Number(body.user_type_id) === 1)
		throw invalidInput(ctx.getNode(), i, 'User Type', 'administrators can only be made in the app');
	return body;
}

/** One shape for a person in every operation: Simplify keeps the same keys for writes and reads. */
export const simple = (ctx: IExecuteFunctions, i: number, records: IDataObject | IDataObject[]) =>
	maybeSimplify(ctx, i, records, USER_KEYS);

/** The list query of Get Many and Find by Email or Name. */
export function listQuery(ctx: IExecuteFunctions, i: number, f: IDataObject): IDataObject {
	return {
		...fieldsQuery(ctx, i),
		with_archived: f.with_archived ? true : undefined,
		include_placeholders: f.include_placeholders ? true : undefined,
		sort_field: f.sort_field,
		sort_order: f.sort_order,
	};
}

/** Archive / Unarchive: one PUT of `archived`. */
export async function setArchived(
	ctx: IExecuteFunctions,
	i: number,
	archived: boolean,
): Promise<IDataObject | IDataObject[]> {
	const id = readId(ctx, i, 'userId', 'Person');
	return simple(
		ctx,
		i,
		await api(ctx, i, 'PUT', `/users/${id}`, { body: { archived }, notFound: `Person ${id}` }),
	);
}
