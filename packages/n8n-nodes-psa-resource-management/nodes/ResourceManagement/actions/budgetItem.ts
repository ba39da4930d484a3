import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idField, readId, returnAllLimit, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { api, fieldsToBody, list, locator, number, requireChanges } from './common';

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

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a budget item',
	readOnly: false,
	properties: [
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
	],
	async handler(this: IExecuteFunctions, i: number) {
		const pid = readId(this, i, 'projectId', 'Project');
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
});

const remove = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a budget item',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'budgetItemId', 'Budget Item ID');
		await api(this, i, 'DELETE', `/budget_items/${id}`, { notFound: `Budget item ${id}` });
		return { id, deleted: true };
	},
});

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a budget item',
	readOnly: true,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'budgetItemId', 'Budget Item ID');
		return await api(this, i, 'GET', `/budget_items/${id}`, { notFound: `Budget item ${id}` });
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many budget items of a project',
	readOnly: true,
	properties: returnAllLimit(BI, 'getAll'),
	async handler(this: IExecuteFunctions, i: number) {
		const pid = readId(this, i, 'projectId', 'Project');
		return await list(
			this,
			i,
			`/projects/${pid}/budget_items`,
			{ item_type: this.getNodeParameter('itemType', i) as string },
			{ notFound: `Project ${pid}` },
		);
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a budget item',
	readOnly: false,
	properties: [
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
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'budgetItemId', 'Budget Item ID');
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
});

export const budgetItem = defineResource({
	value: BI,
	name: 'Budget Item',
	defaultOperation: getAll.value,
	// Which project and item type (Create, Get Many), or which budget item (Get, Update, Delete).
	properties: [
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
	],
	operations: [create, remove, get, getAll, update],
});
