import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	compact,
	idField,
	readId,
	readOptionalId,
	returnAllLimit,
	show,
} from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import {
	api,
	date,
	fieldsOption,
	fieldsQuery,
	list,
	locator,
	number,
	optionalDate,
	requireChanges,
} from './common';

const EX = 'expenseItem';
const READS = ['getAll', 'get'];
const WRITES = ['create', 'update', 'delete'];
const EXPENSE_FIELDS: Array<[string, string]> = [['approvals', 'Approvals']];

function expenseScopePath(ctx: IExecuteFunctions, i: number): string {
	const scope = ctx.getNodeParameter('scope', i) as string;
	return scope === 'project'
		? `/projects/${readId(ctx, i, 'scopeProjectId', 'Project')}`
		: `/users/${readId(ctx, i, 'scopeUserId', 'Person')}`;
}

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Log an expense',
	readOnly: false,
	properties: [
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
	],
	async handler(this: IExecuteFunctions, i: number) {
		const uid = readId(this, i, 'userId', 'Person');
		const type = this.getNodeParameter('assignableType', i) as string;
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = compact({
			[type === 'leaveType' ? 'leave_type_id' : 'project_id']:
				type === 'leaveType'
					? readId(this, i, 'leaveTypeId', 'Leave Type')
					: readId(this, i, 'projectId', 'Project'),
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
});

const remove = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an expense item',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const uid = readId(this, i, 'userId', 'Person');
		const id = readId(this, i, 'expenseItemId', 'Expense Item ID');
		await api(this, i, 'DELETE', `/users/${uid}/expense_items/${id}`, {
			notFound: `Expense item ${id} of person ${uid}`,
		});
		return { id, deleted: true };
	},
});

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an expense item',
	readOnly: true,
	properties: [fieldsOption(show(EX, 'get'), EXPENSE_FIELDS)],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'expenseItemId', 'Expense Item ID');
		return await api(this, i, 'GET', `${expenseScopePath(this, i)}/expense_items/${id}`, {
			qs: fieldsQuery(this, i),
			notFound: `Expense item ${id}`,
		});
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many expense items',
	readOnly: true,
	properties: [
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
		fieldsOption(show(EX, 'getAll'), EXPENSE_FIELDS),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		return await list(this, i, `${expenseScopePath(this, i)}/expense_items`, {
			...fieldsQuery(this, i),
			from: optionalDate(this, i, 'From', f.from),
			to: optionalDate(this, i, 'To', f.to),
		});
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an expense item',
	readOnly: false,
	properties: [
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
	],
	async handler(this: IExecuteFunctions, i: number) {
		const uid = readId(this, i, 'userId', 'Person');
		const id = readId(this, i, 'expenseItemId', 'Expense Item ID');
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body: IDataObject = {};
		if (fields.date) body.date = date(this, i, 'Date', fields.date);
		if (fields.amount !== undefined) body.amount = number(this, i, 'Amount', fields.amount);
		const assignableId = readOptionalId(this, i, 'updateFields.assignable_id', 'Assignable ID');
		if (assignableId !== undefined) body.assignable_id = assignableId;
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
});

export const expenseItem = defineResource({
	value: EX,
	name: 'Expense Item',
	defaultOperation: create.value,
	// Where to read (Get, Get Many) or whose expense (Create, Update, Delete), and which one.
	properties: [
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			default: 'user',
			displayOptions: show(EX, READS),
			options: [
				{ name: 'One Person', value: 'user' },
				{ name: 'One Project', value: 'project' },
			],
		},
		locator('user', 'userId', 'Person', show(EX, WRITES)),
		locator('user', 'scopeUserId', 'Person', show(EX, READS, { scope: ['user'] })),
		locator('project', 'scopeProjectId', 'Project', show(EX, READS, { scope: ['project'] })),
		idField('expenseItemId', 'Expense Item ID', show(EX, ['get', 'update', 'delete'])),
	],
	operations: [create, remove, get, getAll, update],
});
