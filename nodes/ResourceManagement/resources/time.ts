import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { invalidInput } from '../../shared/validation';
import type { ResourceModule } from './common';
import {
	api,
	compact,
	date,
	fieldsOption,
	fieldsQuery,
	idField,
	idList,
	idOf,
	list,
	listEvery,
	locator,
	number,
	operationProperty,
	optionalDate,
	optionalId,
	returnAllLimit,
	show,
	unwrap,
} from './common';

// =================================================================================================
// Time entries
// =================================================================================================

const TE = 'timeEntry';

function checkText(ctx: IExecuteFunctions, i: number, label: string, value: unknown): void {
	if (value !== undefined && value !== null && String(value).length >= 256) {
		throw invalidInput(ctx.getNode(), i, label, `must be fewer than 256 characters (got ${String(value).length})`);
	}
}

function hours(ctx: IExecuteFunctions, i: number, value: unknown): number {
	return number(ctx, i, 'Hours', value, { min: 0, max: 24 });
}

const timeEntryProperties: INodeProperties[] = [
	operationProperty(
		TE,
		[
			{ name: 'Log Time', value: 'create', action: 'Log time', description: 'Create a confirmed time entry for a person on a project, phase or leave type' },
			{ name: 'Delete', value: 'delete', action: 'Delete a time entry' },
			{ name: 'Get', value: 'get', action: 'Get a time entry' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many time entries', description: 'List time entries of the account, a person or a project, optionally in a date range' },
			{ name: 'Update', value: 'update', action: 'Update a time entry' },
		],
		'create',
	),
	locator('user', 'userId', 'Person', show(TE, 'create'), { description: 'Whose time this is (licensed users only; placeholders and managed resources cannot log time)' }),
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
	locator('leaveType', 'leaveTypeId', 'Leave Type', show(TE, 'create', { assignableType: ['leaveType'] })),
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
			{ displayName: 'Bill Rate ID', name: 'bill_rate_id', type: 'number', default: 0, description: 'A bill rate matching this person and project; empty lets Resource Management pick one' },
			{ displayName: 'Notes', name: 'notes', type: 'string', default: '', typeOptions: { rows: 2 }, description: 'Fewer than 256 characters' },
			locator('phase', 'phaseId', 'Phase', { show: {} }, { required: false, description: 'Log on a phase of the chosen project instead of the project itself' }),
			{ displayName: 'Task', name: 'task', type: 'string', default: '', description: 'A task category, e.g. Design (fewer than 256 characters)' },
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
			{ displayName: 'Assignable ID', name: 'assignable_id', type: 'string', default: '', description: 'Move the entry to another project, phase or leave type (its ID)' },
			{ displayName: 'Bill Rate ID', name: 'bill_rate_id', type: 'number', default: 0 },
			{ displayName: 'Date', name: 'date', type: 'dateTime', default: '' },
			{ displayName: 'Hours', name: 'hours', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 24, numberPrecision: 2 } },
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
			{ displayName: 'From', name: 'from', type: 'dateTime', default: '', description: 'Entries on or after this date' },
			{ displayName: 'Include Suggested Time', name: 'with_suggestions', type: 'boolean', default: false, description: 'Whether to include suggested (unconfirmed) entries generated from assignments (is_suggestion: true, read-only)' },
			{ displayName: 'Sort By', name: 'sort_field', type: 'options', default: 'created', options: [{ name: 'Created', value: 'created' }, { name: 'Updated', value: 'updated' }] },
			{ displayName: 'Sort Order', name: 'sort_order', type: 'options', default: 'ascending', options: [{ name: 'Ascending', value: 'ascending' }, { name: 'Descending', value: 'descending' }] },
			{ displayName: 'To', name: 'to', type: 'dateTime', default: '', description: 'Entries on or before this date' },
		],
	},
	fieldsOption(show(TE, ['get', 'getAll']), [['approvals', 'Approvals']]),
];

async function entryOwner(ctx: IExecuteFunctions, i: number, id: number): Promise<IDataObject> {
	return await api(ctx, i, 'GET', `/time_entries/${id}`, { notFound: `Time entry ${id}` });
}

const timeEntryHandlers: ResourceModule['handlers'] = {
	async create(ctx, i) {
		const userId = idOf(ctx, 'userId', i, 'Person');
		const type = ctx.getNodeParameter('assignableType', i) as string;
		const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
		let assignableId = type === 'leaveType' ? idOf(ctx, 'leaveTypeId', i, 'Leave Type') : idOf(ctx, 'projectId', i, 'Project');
		const phase = optionalId(ctx, extra.phaseId, i, 'Phase');
		if (phase && type === 'project') assignableId = phase;
		checkText(ctx, i, 'Task', extra.task);
		checkText(ctx, i, 'Notes', extra.notes);
		const body = compact({
			user_id: userId,
			assignable_id: assignableId,
			date: date(ctx, i, 'Date', ctx.getNodeParameter('date', i)),
			hours: hours(ctx, i, ctx.getNodeParameter('hours', i)),
			task: extra.task as string,
			notes: extra.notes as string,
			bill_rate_id: extra.bill_rate_id ? optionalId(ctx, extra.bill_rate_id, i, 'Bill Rate ID') : undefined,
		});
		return await api(ctx, i, 'POST', `/users/${userId}/time_entries`, { body, notFound: `Person ${userId}` });
	},
	async get(ctx, i) {
		const id = idOf(ctx, 'timeEntryId', i, 'Time Entry ID');
		return await api(ctx, i, 'GET', `/time_entries/${id}`, { qs: fieldsQuery(ctx, i), notFound: `Time entry ${id}` });
	},
	async update(ctx, i) {
		const id = idOf(ctx, 'timeEntryId', i, 'Time Entry ID');
		const fields = ctx.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body: IDataObject = {};
		if (fields.date) body.date = date(ctx, i, 'Date', fields.date);
		if (fields.hours !== undefined) body.hours = hours(ctx, i, fields.hours);
		if (fields.assignable_id) body.assignable_id = optionalId(ctx, fields.assignable_id, i, 'Assignable ID');
		if (fields.bill_rate_id) body.bill_rate_id = optionalId(ctx, fields.bill_rate_id, i, 'Bill Rate ID');
		for (const key of ['task', 'notes']) {
			if (fields[key] !== undefined) {
				checkText(ctx, i, key === 'task' ? 'Task' : 'Notes', fields[key]);
				body[key] = fields[key];
			}
		}
		if (!Object.keys(body).length) throw invalidInput(ctx.getNode(), i, 'Update Fields', 'choose at least one field to change');
		const entry = await entryOwner(ctx, i, id);
		return await api(ctx, i, 'PUT', `/users/${entry.user_id as number}/time_entries/${id}`, { body, notFound: `Time entry ${id}` });
	},
	async delete(ctx, i) {
		const id = idOf(ctx, 'timeEntryId', i, 'Time Entry ID');
		const entry = await entryOwner(ctx, i, id);
		await api(ctx, i, 'DELETE', `/users/${entry.user_id as number}/time_entries/${id}`, { notFound: `Time entry ${id}` });
		return { id, deleted: true };
	},
	async getAll(ctx, i) {
		const scope = ctx.getNodeParameter('scope', i) as string;
		const f = ctx.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {
			...fieldsQuery(ctx, i),
			from: optionalDate(ctx, i, 'From', f.from),
			to: optionalDate(ctx, i, 'To', f.to),
			with_suggestions: f.with_suggestions ? true : undefined,
			sort_field: f.sort_field,
			sort_order: f.sort_order,
		};
		if (qs.from && qs.to && String(qs.from) > String(qs.to)) throw invalidInput(ctx.getNode(), i, 'To', `must not be before From (${String(qs.from)})`);
		if (scope === 'user') {
			const uid = idOf(ctx, 'scopeUserId', i, 'Person');
			return await list(ctx, i, `/users/${uid}/time_entries`, qs, `Person ${uid}`);
		}
		if (scope === 'project') {
			const pid = idOf(ctx, 'scopeProjectId', i, 'Project');
			return await list(ctx, i, `/projects/${pid}/time_entries`, qs, `Project ${pid}`);
		}
		return await list(ctx, i, '/time_entries', qs);
	},
};

// =================================================================================================
// Approvals
// =================================================================================================

const AP = 'approval';

const approvalProperties: INodeProperties[] = [
	operationProperty(
		AP,
		[
			{ name: 'Approve', value: 'approve', action: 'Approve time or expenses', description: 'Approve time entries or expense items (administrators and project managers only)' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many approvals' },
			{ name: 'Submit for Approval', value: 'submit', action: 'Submit time or expenses for approval', description: 'Submit time entries or expense items; the node reads their current updated_at itself' },
			{ name: 'Withdraw', value: 'withdraw', action: 'Withdraw a submission', description: 'Delete the pending approval of time entries or expense items' },
		],
		'submit',
	),
	{
		displayName: 'Record Type',
		name: 'approvableType',
		type: 'options',
		default: 'TimeEntry',
		displayOptions: show(AP, ['submit', 'approve', 'withdraw']),
		options: [
			{ name: 'Time Entries', value: 'TimeEntry' },
			{ name: 'Expense Items', value: 'ExpenseItem' },
		],
	},
	{
		displayName: 'Record IDs',
		name: 'approvableIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 123, 124',
		description: 'One ID or several separated by commas. Each input item is sent as one request.',
		displayOptions: show(AP, ['submit', 'approve', 'withdraw']),
	},
	locator('user', 'expenseUserId', 'Expense Owner', show(AP, ['submit', 'approve', 'withdraw'], { approvableType: ['ExpenseItem'] }), {
		description: 'The person the expense items belong to (needed to read them)',
	}),
	{
		displayName: 'Status',
		name: 'statusFilter',
		type: 'options',
		default: 'any',
		displayOptions: show(AP, 'getAll'),
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Approved', value: 'approved' },
			{ name: 'Pending', value: 'pending' },
		],
		description: 'Keep only approvals in this state (filtered after reading)',
	},
	...returnAllLimit(AP, 'getAll'),
	fieldsOption(show(AP, 'getAll'), [['approvables', 'Approvables (the Time Entry or Expense)']]),
];

interface Approvable {
	id: number;
	record: IDataObject;
}

async function readApprovables(ctx: IExecuteFunctions, i: number, withApprovals = false): Promise<{ type: string; items: Approvable[] }> {
	const type = ctx.getNodeParameter('approvableType', i) as string;
	const ids = idList(ctx, ctx.getNodeParameter('approvableIds', i), i, 'Record IDs');
	const qs = withApprovals ? { fields: 'approvals' } : undefined;
	const items: Approvable[] = [];
	if (type === 'TimeEntry') {
		for (const id of ids) items.push({ id, record: await api(ctx, i, 'GET', `/time_entries/${id}`, { qs, notFound: `Time entry ${id}` }) });
	} else {
		const uid = idOf(ctx, 'expenseUserId', i, 'Expense Owner');
		for (const id of ids) items.push({ id, record: await api(ctx, i, 'GET', `/users/${uid}/expense_items/${id}`, { qs, notFound: `Expense item ${id} of person ${uid}` }) });
	}
	return { type, items };
}

async function submitOrApprove(ctx: IExecuteFunctions, i: number, status: 'pending' | 'approved'): Promise<IDataObject[]> {
	const { type, items } = await readApprovables(ctx, i);
	for (const item of items) {
		if (item.record.is_suggestion === true) {
			throw invalidInput(ctx.getNode(), i, 'Record IDs', `${item.id} is a suggested time entry; only confirmed time can be submitted`);
		}
	}
	const body = {
		approvables: items.map((item) => ({ id: item.id, type, updated_at: item.record.updated_at as string })),
		status,
	};
	const answer = await api<IDataObject>(ctx, i, 'POST', '/approvals', { body });
	const approvals = (unwrap(answer) as IDataObject[]) ?? [];
	const done = new Set((Array.isArray(approvals) ? approvals : [approvals]).map((a) => Number(a.approvable_id)));
	const missing = items.filter((item) => !done.has(item.id)).map((item) => item.id);
	if (missing.length) {
		throw new NodeOperationError(ctx.getNode(), `Resource Management did not ${status === 'approved' ? 'approve' : 'submit'} ${type === 'TimeEntry' ? 'time entry' : 'expense item'} ${missing.join(', ')} (item ${i})`, {
			itemIndex: i,
			description: 'The record changed between reading it and sending the approval (its updated_at no longer matched). Run the node again to use the current version.',
		});
	}
	return Array.isArray(approvals) ? approvals : [approvals];
}

const approvalHandlers: ResourceModule['handlers'] = {
	async submit(ctx, i) {
		return await submitOrApprove(ctx, i, 'pending');
	},
	async approve(ctx, i) {
		return await submitOrApprove(ctx, i, 'approved');
	},
	async withdraw(ctx, i) {
		const { type, items } = await readApprovables(ctx, i, true);
		const out: IDataObject[] = [];
		for (const item of items) {
			const approvals = ((item.record.approvals as IDataObject | undefined)?.data as IDataObject[] | undefined) ?? [];
			const pending = approvals.find((a) => a.status === 'pending');
			if (!pending) {
				const state = approvals[0]?.status ? `its approval is ${String(approvals[0].status)}` : 'it was never submitted';
				throw invalidInput(ctx.getNode(), i, 'Record IDs', `${type === 'TimeEntry' ? 'time entry' : 'expense item'} ${item.id} has no pending approval to withdraw (${state})`);
			}
			await api(ctx, i, 'DELETE', `/approvals/${pending.id as number}`, { notFound: `Approval ${String(pending.id)}` });
			out.push({ ...pending, status: 'withdrawn', withdrawn: true });
		}
		return out;
	},
	async getAll(ctx, i) {
		const status = ctx.getNodeParameter('statusFilter', i, 'any') as string;
		const qs = fieldsQuery(ctx, i);
		if (status === 'any') return await list(ctx, i, '/approvals', qs);
		const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
		const limit = ctx.getNodeParameter('limit', i, 50) as number;
		const all = (await listEvery(ctx, i, '/approvals', qs)).filter((a) => a.status === status);
		return returnAll ? all : all.slice(0, limit);
	},
};

// =================================================================================================
// Expense items
// =================================================================================================

const EX = 'expenseItem';

const expenseProperties: INodeProperties[] = [
	operationProperty(
		EX,
		[
			{ name: 'Create', value: 'create', action: 'Create an expense item' },
			{ name: 'Delete', value: 'delete', action: 'Delete an expense item' },
			{ name: 'Get', value: 'get', action: 'Get an expense item' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many expense items' },
			{ name: 'Update', value: 'update', action: 'Update an expense item' },
		],
		'create',
	),
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'user',
		displayOptions: show(EX, ['getAll', 'get']),
		options: [
			{ name: 'One Person', value: 'user' },
			{ name: 'One Project', value: 'project' },
		],
	},
	locator('user', 'userId', 'Person', show(EX, ['create', 'update', 'delete'])),
	locator('user', 'scopeUserId', 'Person', show(EX, ['getAll', 'get'], { scope: ['user'] })),
	locator('project', 'scopeProjectId', 'Project', show(EX, ['getAll', 'get'], { scope: ['project'] })),
	idField('expenseItemId', 'Expense Item ID', show(EX, ['get', 'update', 'delete'])),
	{
		displayName: 'Spent On',
		name: 'assignableType',
		type: 'options',
		default: 'project',
		displayOptions: show(EX, 'create'),
		options: [
			{ name: 'Project or Phase', value: 'project' },
			{ name: 'Leave Type', value: 'leaveType' },
		],
	},
	locator('project', 'projectId', 'Project', show(EX, 'create', { assignableType: ['project'] })),
	locator('leaveType', 'leaveTypeId', 'Leave Type', show(EX, 'create', { assignableType: ['leaveType'] })),
	{ displayName: 'Date', name: 'date', type: 'dateTime', required: true, default: '', displayOptions: show(EX, 'create') },
	{ displayName: 'Amount', name: 'amount', type: 'number', required: true, default: 0, typeOptions: { numberPrecision: 2 }, displayOptions: show(EX, 'create') },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(EX, 'create'),
		options: [
			{ displayName: 'Category', name: 'category', type: 'string', default: '', description: 'An expense budget category, e.g. Travel' },
			{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(EX, 'update'),
		options: [
			{ displayName: 'Amount', name: 'amount', type: 'number', default: 0, typeOptions: { numberPrecision: 2 } },
			{ displayName: 'Assignable ID', name: 'assignable_id', type: 'string', default: '', description: 'Move the expense to another project, phase or leave type' },
			{ displayName: 'Category', name: 'category', type: 'string', default: '' },
			{ displayName: 'Date', name: 'date', type: 'dateTime', default: '' },
			{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
		],
	},
	...returnAllLimit(EX, 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(EX, 'getAll'),
		options: [
			{ displayName: 'From', name: 'from', type: 'dateTime', default: '', description: 'Expenses on or after this date' },
			{ displayName: 'To', name: 'to', type: 'dateTime', default: '', description: 'Expenses on or before this date' },
		],
	},
	fieldsOption(show(EX, ['get', 'getAll']), [['approvals', 'Approvals']]),
];

function expenseScopePath(ctx: IExecuteFunctions, i: number): string {
	const scope = ctx.getNodeParameter('scope', i) as string;
	return scope === 'project' ? `/projects/${idOf(ctx, 'scopeProjectId', i, 'Project')}` : `/users/${idOf(ctx, 'scopeUserId', i, 'Person')}`;
}

const expenseHandlers: ResourceModule['handlers'] = {
	async create(ctx, i) {
		const uid = idOf(ctx, 'userId', i, 'Person');
		const type = ctx.getNodeParameter('assignableType', i) as string;
		const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = compact({
			[type === 'leaveType' ? 'leave_type_id' : 'project_id']: type === 'leaveType' ? idOf(ctx, 'leaveTypeId', i, 'Leave Type') : idOf(ctx, 'projectId', i, 'Project'),
			date: date(ctx, i, 'Date', ctx.getNodeParameter('date', i)),
			amount: number(ctx, i, 'Amount', ctx.getNodeParameter('amount', i)),
			category: extra.category as string,
			notes: extra.notes as string,
		});
		return await api(ctx, i, 'POST', `/users/${uid}/expense_items`, { body, notFound: `Person ${uid}` });
	},
	async get(ctx, i) {
		const id = idOf(ctx, 'expenseItemId', i, 'Expense Item ID');
		return await api(ctx, i, 'GET', `${expenseScopePath(ctx, i)}/expense_items/${id}`, { qs: fieldsQuery(ctx, i), notFound: `Expense item ${id}` });
	},
	async getAll(ctx, i) {
		const f = ctx.getNodeParameter('filters', i, {}) as IDataObject;
		return await list(ctx, i, `${expenseScopePath(ctx, i)}/expense_items`, {
			...fieldsQuery(ctx, i),
			from: optionalDate(ctx, i, 'From', f.from),
			to: optionalDate(ctx, i, 'To', f.to),
		});
	},
	async update(ctx, i) {
		const uid = idOf(ctx, 'userId', i, 'Person');
		const id = idOf(ctx, 'expenseItemId', i, 'Expense Item ID');
		const fields = ctx.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body: IDataObject = {};
		if (fields.date) body.date = date(ctx, i, 'Date', fields.date);
		if (fields.amount !== undefined) body.amount = number(ctx, i, 'Amount', fields.amount);
		if (fields.assignable_id) body.assignable_id = optionalId(ctx, fields.assignable_id, i, 'Assignable ID');
		for (const key of ['category', 'notes']) if (fields[key] !== undefined) body[key] = fields[key];
		if (!Object.keys(body).length) throw invalidInput(ctx.getNode(), i, 'Update Fields', 'choose at least one field to change');
		const current = await api<IDataObject>(ctx, i, 'GET', `/users/${uid}/expense_items/${id}`, { notFound: `Expense item ${id} of person ${uid}` });
		return await api(ctx, i, 'PUT', `/projects/${current.assignable_id as number}/users/${uid}/expense_items/${id}`, { body, notFound: `Expense item ${id}` });
	},
	async delete(ctx, i) {
		const uid = idOf(ctx, 'userId', i, 'Person');
		const id = idOf(ctx, 'expenseItemId', i, 'Expense Item ID');
		await api(ctx, i, 'DELETE', `/users/${uid}/expense_items/${id}`, { notFound: `Expense item ${id} of person ${uid}` });
		return { id, deleted: true };
	},
};

export const timeEntry: ResourceModule = {
	resource: { name: 'Time Entry', value: TE },
	properties: timeEntryProperties,
	handlers: timeEntryHandlers,
};

export const approval: ResourceModule = {
	resource: { name: 'Approval', value: AP },
	properties: approvalProperties,
	handlers: approvalHandlers,
};

export const expenseItem: ResourceModule = {
	resource: { name: 'Expense Item', value: EX },
	properties: expenseProperties,
	handlers: expenseHandlers,
};
