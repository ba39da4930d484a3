import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from './common';
import { list, idOf, locator, operationProperty, show, returnAllLimit } from './common';

const BC = 'budgetItemCategory';

const budgetCategoryProperties: INodeProperties[] = [
	operationProperty(
		BC,
		[{ name: 'Get Many', value: 'getAll', action: 'Get many budget item categories' }],
		'getAll',
	),
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
];

const budgetCategoryHandlers: ResourceModule['handlers'] = {
	async getAll(this: IExecuteFunctions, i: number) {
		const kind =
			this.getNodeParameter('kind', i) === 'expense'
				? 'expense_item_categories'
				: 'time_entry_categories';
		if (this.getNodeParameter('scope', i) === 'project') {
			const pid = idOf(this, 'scopeProjectId', i, 'Project');
			return await list(this, i, `/projects/${pid}/${kind}`, {}, { notFound: `Project ${pid}` });
		}
		return await list(this, i, `/${kind}`);
	},
};

export const budgetItemCategory: ResourceModule = {
	resource: { name: 'Budget Item Category', value: BC },
	properties: budgetCategoryProperties,
	handlers: budgetCategoryHandlers,
};
