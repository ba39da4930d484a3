import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from './common';
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
} from './common';

const EX = 'expenseItem';

const expenseProperties: INodeProperties[] = [
	operationProperty(
		EX,
		[
			{ name: 'Create', value: 'create', action: 'Log an expense' },
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
	locator(
		'project',
		'scopeProjectId',
		'Project',
		show(EX, ['getAll', 'get'], { scope: ['project'] }),
	),
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
	locator(
		'leaveType',
		'leaveTypeId',
		'Leave Type',
		show(EX, 'create', { assignableType: ['leaveType'] }),
	),
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: show(EX, 'create'),
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { numberPrecision: 2 },
		displayOptions: show(EX, 'create'),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(EX, 'create'),
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'string',
				default: '',
				description: 'An expense budget category, e.g. Travel',
			},
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
			{
				displayName: 'Amount',
				name: 'amount',
				type: 'number',
				default: 0,
				typeOptions: { numberPrecision: 2 },
			},
			{
				displayName: 'Assignable ID',
				name: 'assignable_id',
				type: 'string',
				default: '',
				description: 'Move the expense to another project, phase or leave type',
			},
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
			{
				displayName: 'From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Expenses on or after this date',
			},
			{
				displayName: 'To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Expenses on or before this date',
			},
		],
	},
	fieldsOption(show(EX, ['get', 'getAll']), [['approvals', 'Approvals']]),
];

function expenseScopePath(ctx: IExecuteFunctions, i: number): string {
	const scope = ctx.getNodeParameter('scope', i) as string;
	return scope === 'project'
		? `/projects/${idOf(ctx, 'scopeProjectId', i, 'Project')}`
		: `/users/${idOf(ctx, 'scopeUserId', i, 'Person')}`;
}

const expenseHandlers: ResourceModule['handlers'] = {
	async create(this: IExecuteFunctions, i: number) {
		const uid = idOf(this, 'userId', i, 'Person');
		const type = this.getNodeParameter('assignableType', i) as string;
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = compact({
			[type === 'leaveType' ? 'leave_type_id' : 'project_id']:
				type === 'leaveType'
					? idOf(this, 'leaveTypeId', i, 'Leave Type')
					: idOf(this, 'projectId', i, 'Project'),
			date: date(this, i, 'Date', this.getNodeParameter('date', i)),
			amount: number(this, i, 'Amount', this.getNodeParameter('amount', i)),
			category: extra.category as string,
			notes: extra.notes as string,
		});
		return await api(this, i, 'POST', `/users/${uid}/expense_items`, {
			body,
			notFound: `Person ${uid}`,
		});
	},
	async get(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'expenseItemId', i, 'Expense Item ID');
		return await api(this, i, 'GET', `${expenseScopePath(this, i)}/expense_items/${id}`, {
			qs: fieldsQuery(this, i),
			notFound: `Expense item ${id}`,
		});
	},
	async getAll(this: IExecuteFunctions, i: number) {
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		return await list(this, i, `${expenseScopePath(this, i)}/expense_items`, {
			...fieldsQuery(this, i),
			from: optionalDate(this, i, 'From', f.from),
			to: optionalDate(this, i, 'To', f.to),
		});
	},
	async update(this: IExecuteFunctions, i: number) {
		const uid = idOf(this, 'userId', i, 'Person');
		const id = idOf(this, 'expenseItemId', i, 'Expense Item ID');
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body: IDataObject = {};
		if (fields.date) body.date = date(this, i, 'Date', fields.date);
		if (fields.amount !== undefined) body.amount = number(this, i, 'Amount', fields.amount);
		if (fields.assignable_id)
			body.assignable_id = optionalId(this, fields.assignable_id, i, 'Assignable ID');
		for (const key of ['category', 'notes']) if (fields[key] !== undefined) body[key] = fields[key];
		requireChanges(this, i, body);
		const current = await api<IDataObject>(this, i, 'GET', `/users/${uid}/expense_items/${id}`, {
			notFound: `Expense item ${id} of person ${uid}`,
		});
		return await api(
			this,
			i,
			'PUT',
			`/projects/${current.assignable_id as number}/users/${uid}/expense_items/${id}`,
			{ body, notFound: `Expense item ${id}` },
		);
	},
	async delete(this: IExecuteFunctions, i: number) {
		const uid = idOf(this, 'userId', i, 'Person');
		const id = idOf(this, 'expenseItemId', i, 'Expense Item ID');
		await api(this, i, 'DELETE', `/users/${uid}/expense_items/${id}`, {
			notFound: `Expense item ${id} of person ${uid}`,
		});
		return { id, deleted: true };
	},
};

export const expenseItem: ResourceModule = {
	resource: { name: 'Expense Item', value: EX },
	properties: expenseProperties,
	handlers: expenseHandlers,
};
