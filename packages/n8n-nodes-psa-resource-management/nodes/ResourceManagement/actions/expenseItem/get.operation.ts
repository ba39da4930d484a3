import type { IExecuteFunctions } from 'n8n-workflow';

import { readId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api, fieldsOption, fieldsQuery } from '../common';
import { EX, EXPENSE_FIELDS, expenseScopePath } from './fields';

export const get = defineOperation({
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
