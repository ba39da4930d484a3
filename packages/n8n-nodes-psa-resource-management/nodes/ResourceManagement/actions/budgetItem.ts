import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from './common';
import {
	api,
	list,
	idOf,
	number,
	fieldsToBody,
	locator,
	idField,
	operationProperty,
	show,
	returnAllLimit,
	requireChanges,
} from './common';

const BI = 'budgetItem';
const ITEM_TYPES = [
	{ name: 'Expenses (Amount)', value: 'Expenses' },
	{ name: 'Time Fees (Amount)', value: 'TimeFees' },
	{ name: 'Time Fees Days (in Hours)', value: 'TimeFeesDays' },
];

const budgetFields: INodeProperties[] = [
	{
		displayName: 'Category',
		name: 'category',
		type: 'string',
		default: '',
		description: 'A budget category name; empty for an uncategorised line',
	},
	{ displayName: 'Per Item Amount', name: 'peritem_amount', type: 'number', default: 0 },
	{ displayName: 'Per Item Label', name: 'peritem_label', type: 'string', default: '' },
];

const budgetItemProperties: INodeProperties[] = [
	operationProperty(
		BI,
		[
			{ name: 'Create', value: 'create', action: 'Create a budget item' },
			{ name: 'Delete', value: 'delete', action: 'Delete a budget item' },
			{ name: 'Get', value: 'get', action: 'Get a budget item' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many budget items of a project' },
			{ name: 'Update', value: 'update', action: 'Update a budget item' },
		],
		'getAll',
	),
	locator('project', 'projectId', 'Project', show(BI, ['create', 'getAll'])),
	idField('budgetItemId', 'Budget Item ID', show(BI, ['delete', 'get', 'update'])),
	{
		displayName: 'Item Type',
		name: 'itemType',
		type: 'options',
		default: 'TimeFees',
		options: ITEM_TYPES,
		displayOptions: show(BI, ['create', 'getAll']),
		description: 'Budgets keep amounts and hours apart: every request names one type',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { numberPrecision: 2 },
		displayOptions: show(BI, 'create'),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(BI, 'create'),
		options: budgetFields,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(BI, 'update'),
		options: [
			{
				displayName: 'Amount',
				name: 'amount',
				type: 'number',
				default: 0,
				typeOptions: { numberPrecision: 2 },
			} as INodeProperties,
			...budgetFields,
		],
	},
	...returnAllLimit(BI, 'getAll'),
];

const budgetItemHandlers: ResourceModule['handlers'] = {
	async getAll(this: IExecuteFunctions, i: number) {
		const pid = idOf(this, 'projectId', i, 'Project');
		return await list(
			this,
			i,
			`/projects/${pid}/budget_items`,
			{ item_type: this.getNodeParameter('itemType', i) as string },
			{ notFound: `Project ${pid}` },
		);
	},
	async get(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'budgetItemId', i, 'Budget Item ID');
		return await api(this, i, 'GET', `/budget_items/${id}`, { notFound: `Budget item ${id}` });
	},
	async create(this: IExecuteFunctions, i: number) {
		const pid = idOf(this, 'projectId', i, 'Project');
		const body = {
			...fieldsToBody(this, i, this.getNodeParameter('additionalFields', i, {}) as IDataObject, {
				numbers: ['peritem_amount'],
			}),
			item_type: this.getNodeParameter('itemType', i) as string,
			amount: number(this, i, 'Amount', this.getNodeParameter('amount', i)),
		};
		return await api(this, i, 'POST', `/projects/${pid}/budget_items`, {
			body,
			notFound: `Project ${pid}`,
		});
	},
	async update(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'budgetItemId', i, 'Budget Item ID');
		const body = fieldsToBody(
			this,
			i,
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
			{ numbers: ['amount', 'peritem_amount'], labels: { amount: 'Amount' } },
		);
		requireChanges(this, i, body);
		return await api(this, i, 'PUT', `/budget_items/${id}`, {
			body,
			notFound: `Budget item ${id}`,
		});
	},
	async delete(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'budgetItemId', i, 'Budget Item ID');
		await api(this, i, 'DELETE', `/budget_items/${id}`, { notFound: `Budget item ${id}` });
		return { id, deleted: true };
	},
};

export const budgetItem: ResourceModule = {
	resource: { name: 'Budget Item', value: BI },
	properties: budgetItemProperties,
	handlers: budgetItemHandlers,
};
