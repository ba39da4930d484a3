import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../../../shared/validation';
import type { ResourceModule } from '../common';
import {
	api,
	list,
	idOf,
	optionalId,
	date,
	optionalDate,
	number,
	fieldsQuery,
	locator,
	fieldsOption,
	compact,
	idField,
	operationProperty,
	show,
	returnAllLimit,
	requireChanges,
} from '../common';

const TE = 'timeEntry';

function checkText(ctx: IExecuteFunctions, i: number, label: string, value: unknown): void {
	if (value !== undefined && value !== null && String(value).length >= 256) {
		throw invalidInput(
			ctx.getNode(),
			i,
			label,
			`must be fewer than 256 characters (got ${String(value).length})`,
		);
	}
}

function hours(ctx: IExecuteFunctions, i: number, value: unknown): number {
	return number(ctx, i, 'Hours', value, { min: 0, max: 24 });
}

const timeEntryProperties: INodeProperties[] = [
	operationProperty(
		TE,
		[
			{
				name: 'Log Time',
				value: 'create',
				action: 'Log time',
				description: 'Create a confirmed time entry for a person on a project, phase or leave type',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete logged time' },
			{ name: 'Get', value: 'get', action: 'Get a time entry' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many time entries (timesheet)',
				description:
					'List time entries of the account, a person or a project, optionally in a date range',
			},
			{ name: 'Update', value: 'update', action: 'Correct logged time' },
		],
		'create',
	),
	locator('user', 'userId', 'Person', show(TE, 'create'), {
		description:
			'Whose time this is (licensed users only; placeholders and managed resources cannot log time)',
	}),
	{
		displayName: 'Log Time On',
		name: 'assignableType',
		type: 'options',
		default: 'project',
		displayOptions: show(TE, 'create'),
		options: [
			{ name: 'Project (or One of Its Phases)', value: 'project' },
			{ name: 'Leave Type', value: 'leaveType' },
		],
	},
	locator('project', 'projectId', 'Project', show(TE, 'create', { assignableType: ['project'] })),
	locator(
		'leaveType',
		'leaveTypeId',
		'Leave Type',
		show(TE, 'create', { assignableType: ['leaveType'] }),
	),
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'The day worked (only the date part is used)',
		displayOptions: show(TE, 'create'),
	},
	{
		displayName: 'Hours',
		name: 'hours',
		type: 'number',
		required: true,
		default: 8,
		typeOptions: { minValue: 0, maxValue: 24, numberPrecision: 2 },
		displayOptions: show(TE, 'create'),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(TE, 'create'),
		options: [
			{
				displayName: 'Bill Rate ID',
				name: 'bill_rate_id',
				type: 'number',
				default: 0,
				description:
					'A bill rate matching this person and project; empty lets Resource Management pick one',
			},
			{
				displayName: 'Notes',
				name: 'notes',
				type: 'string',
				default: '',
				typeOptions: { rows: 2 },
				description: 'Fewer than 256 characters',
			},
			locator(
				'phase',
				'phaseId',
				'Phase',
				{ show: {} },
				{
					required: false,
					description: 'Log on a phase of the chosen project instead of the project itself',
				},
			),
			{
				displayName: 'Task',
				name: 'task',
				type: 'string',
				default: '',
				description: 'A task category, e.g. Design (fewer than 256 characters)',
			},
		],
	},
	idField('timeEntryId', 'Time Entry ID', show(TE, ['get', 'update', 'delete'])),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(TE, 'update'),
		options: [
			{
				displayName: 'Assignable ID',
				name: 'assignable_id',
				type: 'string',
				default: '',
				description: 'Move the entry to another project, phase or leave type (its ID)',
			},
			{ displayName: 'Bill Rate ID', name: 'bill_rate_id', type: 'number', default: 0 },
			{ displayName: 'Date', name: 'date', type: 'dateTime', default: '' },
			{
				displayName: 'Hours',
				name: 'hours',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, maxValue: 24, numberPrecision: 2 },
			},
			{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
			{ displayName: 'Task', name: 'task', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'account',
		displayOptions: show(TE, 'getAll'),
		options: [
			{ name: 'Whole Account', value: 'account' },
			{ name: 'One Person', value: 'user' },
			{ name: 'One Project', value: 'project', description: 'Includes the time on its phases' },
		],
	},
	locator('user', 'scopeUserId', 'Person', show(TE, 'getAll', { scope: ['user'] })),
	locator('project', 'scopeProjectId', 'Project', show(TE, 'getAll', { scope: ['project'] })),
	...returnAllLimit(TE, 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(TE, 'getAll'),
		options: [
			{
				displayName: 'From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Entries on or after this date',
			},
			{
				displayName: 'Include Suggested Time',
				name: 'with_suggestions',
				type: 'boolean',
				default: false,
				description:
					'Whether to include suggested (unconfirmed) entries generated from assignments (is_suggestion: true, read-only)',
			},
			{
				displayName: 'Sort By',
				name: 'sort_field',
				type: 'options',
				default: 'created',
				options: [
					{ name: 'Created', value: 'created' },
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
			{
				displayName: 'To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Entries on or before this date',
			},
		],
	},
	fieldsOption(show(TE, ['get', 'getAll']), [['approvals', 'Approvals']]),
];

async function entryOwner(ctx: IExecuteFunctions, i: number, id: number): Promise<IDataObject> {
	return await api(ctx, i, 'GET', `/time_entries/${id}`, { notFound: `Time entry ${id}` });
}

const timeEntryHandlers: ResourceModule['handlers'] = {
	async create(this: IExecuteFunctions, i: number) {
		const userId = idOf(this, 'userId', i, 'Person');
		const type = this.getNodeParameter('assignableType', i) as string;
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		let assignableId =
			type === 'leaveType'
				? idOf(this, 'leaveTypeId', i, 'Leave Type')
				: idOf(this, 'projectId', i, 'Project');
		const phase = optionalId(this, extra.phaseId, i, 'Phase');
		if (phase && type === 'project') assignableId = phase;
		checkText(this, i, 'Task', extra.task);
		checkText(this, i, 'Notes', extra.notes);
		const body = compact({
			user_id: userId,
			assignable_id: assignableId,
			date: date(this, i, 'Date', this.getNodeParameter('date', i)),
			hours: hours(this, i, this.getNodeParameter('hours', i)),
			task: extra.task as string,
			notes: extra.notes as string,
			bill_rate_id: extra.bill_rate_id
				? optionalId(this, extra.bill_rate_id, i, 'Bill Rate ID')
				: undefined,
		});
		return await api(this, i, 'POST', `/users/${userId}/time_entries`, {
			body,
			notFound: `Person ${userId}`,
		});
	},
	async get(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'timeEntryId', i, 'Time Entry ID');
		return await api(this, i, 'GET', `/time_entries/${id}`, {
			qs: fieldsQuery(this, i),
			notFound: `Time entry ${id}`,
		});
	},
	async update(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'timeEntryId', i, 'Time Entry ID');
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body: IDataObject = {};
		if (fields.date) body.date = date(this, i, 'Date', fields.date);
		if (fields.hours !== undefined) body.hours = hours(this, i, fields.hours);
		if (fields.assignable_id)
			body.assignable_id = optionalId(this, fields.assignable_id, i, 'Assignable ID');
		if (fields.bill_rate_id)
			body.bill_rate_id = optionalId(this, fields.bill_rate_id, i, 'Bill Rate ID');
		for (const key of ['task', 'notes']) {
			if (fields[key] !== undefined) {
				checkText(this, i, key === 'task' ? 'Task' : 'Notes', fields[key]);
				body[key] = fields[key];
			}
		}
		requireChanges(this, i, body);
		const entry = await entryOwner(this, i, id);
		return await api(this, i, 'PUT', `/users/${entry.user_id as number}/time_entries/${id}`, {
			body,
			notFound: `Time entry ${id}`,
		});
	},
	async delete(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'timeEntryId', i, 'Time Entry ID');
		const entry = await entryOwner(this, i, id);
		await api(this, i, 'DELETE', `/users/${entry.user_id as number}/time_entries/${id}`, {
			notFound: `Time entry ${id}`,
		});
		return { id, deleted: true };
	},
	async getAll(this: IExecuteFunctions, i: number) {
		const scope = this.getNodeParameter('scope', i) as string;
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {
			...fieldsQuery(this, i),
			from: optionalDate(this, i, 'From', f.from),
			to: optionalDate(this, i, 'To', f.to),
			with_suggestions: f.with_suggestions ? true : undefined,
			sort_field: f.sort_field,
			sort_order: f.sort_order,
		};
		if (qs.from && qs.to && String(qs.from) > String(qs.to))
			throw invalidInput(this.getNode(), i, 'To', `must not be before From (${String(qs.from)})`);
		if (scope === 'user') {
			const uid = idOf(this, 'scopeUserId', i, 'Person');
			return await list(this, i, `/users/${uid}/time_entries`, qs, { notFound: `Person ${uid}` });
		}
		if (scope === 'project') {
			const pid = idOf(this, 'scopeProjectId', i, 'Project');
			return await list(this, i, `/projects/${pid}/time_entries`, qs, {
				notFound: `Project ${pid}`,
			});
		}
		return await list(this, i, '/time_entries', qs);
	},
};

export const timeEntry: ResourceModule = {
	resource: { name: 'Time Entry', value: TE },
	properties: timeEntryProperties,
	handlers: timeEntryHandlers,
};
