import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api } from '../common';

export const remove = defineOperation({
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
