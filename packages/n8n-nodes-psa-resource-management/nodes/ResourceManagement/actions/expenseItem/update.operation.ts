import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readId, readOptionalId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api, date, number, requireChanges } from '../common';
import { EX } from './fields';

export const update = defineOperation({
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
