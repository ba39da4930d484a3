import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { formatIsoDate, parseDate } from '../../../../shared/dates';
import { operationProperty, returnAllLimit, show } from '../../../../shared/kit';
import { vendorRequest } from '../../../../shared/transport';
import { invalidInput, requireNumber, requirePositiveInteger } from '../../../../shared/validation';
import { clean, cennoProfile, getOne } from '../transport';
import {
	filtersCollection,
	getAllHandler,
	getHandler,
	idParam,
	locator,
	optionsField,
	updatedSinceDef,
	updatedSinceFilter,
	type FilterDef,
	type Handler,
} from './common';

const filters: FilterDef[] = [
	{ key: 'projectId', label: 'Project', kind: 'id', fields: ['project_id'] },
	{ key: 'itemId', label: 'Item', kind: 'id', fields: ['item_id'] },
	{ key: 'userId', label: 'User', kind: 'id', fields: ['user_id'] },
	{ key: 'dateFrom', label: 'Date From', kind: 'dateFrom', fields: ['date'] },
	{ key: 'dateTo', label: 'Date To', kind: 'dateTo', fields: ['date'] },
	{ key: 'billable', label: 'Billable', kind: 'choice', fields: ['billable'] },
	updatedSinceDef,
];

const entryFields = (prefix: string): INodeProperties[] => [
	{
		displayName: 'Billable',
		name: 'billable',
		type: 'boolean',
		default: true,
		description: 'Whether the hours can be invoiced to the customer',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'What the time was spent on',
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description: 'Your own reference for this entry, e.g. the ID in the system the hours come from',
	},
	{
		...optionsField('itemId', 'Item', 'getItems', [`${prefix}projectId`]),
		description:
			'The item (task) the hours belong to; it must be in the chosen project. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const timeEntryDescription: INodeProperties[] = [
	operationProperty(
		'timeEntry',
		[
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a time entry (hours logged by mistake)',
				action: 'Delete logged time',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one time entry by ID',
				action: 'Get a time entry',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List logged hours (timesheet), filtered by project, user, date or billable',
				action: 'Get many time entries (timesheet)',
			},
			{
				name: 'Log Time',
				value: 'create',
				description: 'Log hours on a project (and item): a new time entry',
				action: 'Log time',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Correct the hours, date, item or description of a time entry',
				action: 'Update logged time',
			},
		],
		'create',
	),
	locator('timeEntry', {
		name: 'timeEntryId',
		displayName: 'Time Entry',
		description: 'The time entry',
		displayOptions: show('timeEntry', ['get', 'update', 'delete']),
	}),
	// ---- Log Time ----
	locator('project', {
		name: 'projectId',
		displayName: 'Project',
		description: 'The project the hours are logged on',
		displayOptions: show('timeEntry', 'create'),
	}),
	locator('user', {
		name: 'userId',
		displayName: 'User',
		description: 'Whose hours these are',
		displayOptions: show('timeEntry', 'create'),
	}),
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'The day the work was done (only the date is used)',
		displayOptions: show('timeEntry', 'create'),
	},
	{
		displayName: 'Hours',
		name: 'hours',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 1,
		required: true,
		description: 'Hours worked, more than 0 (e.g. 1.5 for an hour and a half)',
		displayOptions: show('timeEntry', 'create'),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('timeEntry', 'create'),
		options: entryFields(''),
	},
	// ---- Update ----
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are changed; everything else stays as it is',
		displayOptions: show('timeEntry', 'update'),
		options: (
			[
				...entryFields('updateFields.'),
				{
					displayName: 'Date',
					name: 'date',
					type: 'dateTime',
					default: '',
					description: 'The day the work was done (only the date is used)',
				},
				{
					displayName: 'Hours',
					name: 'hours',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 1,
					description: 'Hours worked, more than 0',
				},
				optionsField('projectId', 'Project', 'getProjects'),
				optionsField('userId', 'User', 'getUsers'),
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	// ---- Get Many ----
	...returnAllLimit('timeEntry', 'getAll'),
	filtersCollection('timeEntry', [
		{
			displayName: 'Billable',
			name: 'billable',
			type: 'options',
			options: [
				{ name: 'Any', value: 'any' },
				{ name: 'Billable Only', value: true },
				{ name: 'Non-Billable Only', value: false },
			],
			default: 'any',
			description: 'Whether to return only billable or only non-billable hours',
		},
		{
			displayName: 'Date From',
			name: 'dateFrom',
			type: 'dateTime',
			default: '',
			description: 'Only entries on or after this day',
		},
		{
			displayName: 'Date To',
			name: 'dateTo',
			type: 'dateTime',
			default: '',
			description: 'Only entries on or before this day',
		},
		optionsField('itemId', 'Item', 'getItems', ['filters.projectId']),
		optionsField('projectId', 'Project', 'getProjects'),
		updatedSinceFilter,
		optionsField('userId', 'User', 'getUsers'),
	]),
];

/** The day of a date field (a time after it is ignored; `{{ $now }}` gives the workflow zone's day). */
function dateValue(ctx: IExecuteFunctions, i: number, label: string, value: unknown): string {
	return formatIsoDate(parseDate(ctx.getNode(), i, label, value));
}

function hoursValue(ctx: IExecuteFunctions, i: number, label: string, value: unknown): number {
	return requireNumber(ctx.getNode(), i, label, value, { exclusiveMin: 0 });
}

function optionalId(
	ctx: IExecuteFunctions,
	i: number,
	label: string,
	value: unknown,
): number | undefined {
	const raw =
		value && typeof value === 'object' && 'value' in (value as IDataObject)
			? (value as IDataObject).value
			: value;
	if (raw === undefined || raw === null || raw === '') return undefined;
	return requirePositiveInteger(ctx.getNode(), i, label, raw);
}

/** The optional fields shared by Log Time and Update, checked before anything is sent. */
function commonFields(
	ctx: IExecuteFunctions,
	i: number,
	fields: IDataObject,
	group: string,
): IDataObject {
	const out: IDataObject = {};
	const itemId = optionalId(ctx, i, `${group} → Item`, fields.itemId);
	if (itemId !== undefined) out.item_id = itemId;
	if (fields.description !== undefined) out.description = String(fields.description);
	if (fields.billable !== undefined) out.billable = Boolean(fields.billable);
	if (fields.externalId !== undefined) out.external_id = String(fields.externalId).trim() || null;
	return out;
}

const logTime: Handler = async function (this: IExecuteFunctions, i: number) {
	const projectId = idParam(this, 'projectId', 'Project', i);
	const userId = idParam(this, 'userId', 'User', i);
	const date = dateValue(this, i, 'Date', this.getNodeParameter('date', i, ''));
	const hours = hoursValue(this, i, 'Hours', this.getNodeParameter('hours', i, 0));
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const timeEntry: IDataObject = {
		user_id: userId,
		project_id: projectId,
		date,
		hours,
		...commonFields(this, i, additional, 'Additional Fields'),
	};
	const created = await vendorRequest.call(this, cennoProfile, {
		method: 'POST',
		path: '/time_entries',
		body: { time_entry: timeEntry },
		itemIndex: i,
	});
	return clean(created as IDataObject);
};

const update: Handler = async function (this: IExecuteFunctions, i: number) {
	const id = idParam(this, 'timeEntryId', 'Time Entry', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes: IDataObject = commonFields(this, i, fields, 'Update Fields');
	const projectId = optionalId(this, i, 'Update Fields → Project', fields.projectId);
	if (projectId !== undefined) changes.project_id = projectId;
	const userId = optionalId(this, i, 'Update Fields → User', fields.userId);
	if (userId !== undefined) changes.user_id = userId;
	if (fields.date !== undefined && fields.date !== '')
		changes.date = dateValue(this, i, 'Update Fields → Date', fields.date);
	if (fields.hours !== undefined)
		changes.hours = hoursValue(this, i, 'Update Fields → Hours', fields.hours);
	if (!Object.keys(changes).length) {
		throw invalidInput(this.getNode(), i, 'Update Fields', 'add at least one field to change');
	}
	// Cenno changes the fields sent and keeps the others (Rails `update(params)`): only what the user set
	// is sent, so nothing the user did not touch can be changed (no read-merge-write). Not marked
	// idempotent: the execute loop's rehearsal must stop at this write, and a PUT that failed with a 5xx
	// is reported as "may have been applied" rather than resent.
	const updated = await vendorRequest.call(this, cennoProfile, {
		method: 'PUT',
		path: `/time_entries/${id}`,
		body: { time_entry: changes },
		itemIndex: i,
		notFoundLabel: `Time entry ${id}`,
	});
	if (
		updated &&
		typeof updated === 'object' &&
		!Array.isArray(updated) &&
		'id' in (updated as IDataObject)
	) {
		return clean(updated as IDataObject);
	}
	// An answer without the record (e.g. 204): read it back.
	return await getOne.call(this, 'timeEntry', id, i);
};

const remove: Handler = async function (this: IExecuteFunctions, i: number) {
	const id = idParam(this, 'timeEntryId', 'Time Entry', i);
	await vendorRequest.call(this, cennoProfile, {
		method: 'DELETE',
		path: `/time_entries/${id}`,
		itemIndex: i,
		notFoundLabel: `Time entry ${id}`,
	});
	return { id, deleted: true };
};

export const timeEntryOperations: Record<string, Handler> = {
	create: logTime,
	delete: remove,
	get: getHandler('timeEntry', 'timeEntryId', 'Time Entry'),
	getAll: getAllHandler('timeEntry', filters),
	update,
};
