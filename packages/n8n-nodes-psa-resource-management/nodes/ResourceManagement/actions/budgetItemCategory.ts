import type { IExecuteFunctions } from 'n8n-workflow';

import { readId, returnAllLimit, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { list, locator } from './common';

const BC = 'budgetItemCategory';

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many budget item categories',
	readOnly: true,
	properties: [
		{
			displayName: 'Kind',
			name: 'kind',
			type: 'options',
			default: 'time',
			displayOptions: show(BC, 'getAll'),
			options: [
				{ name: 'Expense Categories', value: 'expense' },
				{ name: 'Time Fee Categories', value: 'time' },
			],
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			default: 'account',
			displayOptions: show(BC, 'getAll'),
			options: [
				{ name: 'Account Categories', value: 'account' },
				{ name: "One Project's Budget Lines", value: 'project' },
			],
		},
		locator('project', 'scopeProjectId', 'Project', show(BC, 'getAll', { scope: ['project'] })),
		...returnAllLimit(BC, 'getAll'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const kind =
			this.getNodeParameter('kind', i) === 'expense'
				? 'expense_item_categories'
				: 'time_entry_categories';
		if (this.getNodeParameter('scope', i) === 'project') {
			const pid = readId(this, i, 'scopeProjectId', 'Project');
			return await list(this, i, `/projects/${pid}/${kind}`, {}, { notFound: `Project ${pid}` });
		}
		return await list(this, i, `/${kind}`);
	},
});

export const budgetItemCategory = defineResource({
	value: BC,
	name: 'Budget Item Category',
	defaultOperation: getAll.value,
	operations: [getAll],
});
