import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { fieldsOption, fieldsQuery, list, optionalDate } from '../common';
import { EX, EXPENSE_FIELDS, expenseScopePath } from './fields';

export const getAll = defineOperation({
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
