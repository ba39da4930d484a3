/** Project › Get Many: filtered after the request (no paging in any source). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { isArchived, isTemplate } from '../../methods';
import { contains, get, limitList, readOptions, show } from '../common';
import { R, projectsPath } from './common';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many projects',
	readOnly: true,
	properties: [
		...returnAllLimit(R, 'getAll'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show(R, ['getAll']),
			options: [
				{
					displayName: 'Include Archived',
					name: 'includeArchived',
					type: 'boolean',
					default: false,
					description:
						'Whether to include archived projects. For a documented filter use Report › Get Projects (Projects: Archived).',
					hint: "smenso's reads do not document the archived flag; this filter checks isArchived and archived (a project with neither is kept)",
				},
				{
					displayName: 'Include Templates',
					name: 'includeTemplates',
					type: 'boolean',
					default: false,
					description:
						'Whether to include template projects. For a documented filter use Report › Get Projects (Projects: Templates).',
					hint: "smenso's reads do not document the template flag; this filter checks isTemplate and template (a project with neither is kept)",
				},
				{
					displayName: 'Search',
					name: 'search',
					type: 'string',
					default: '',
					description: 'Only projects whose title, number or external ID contains this text',
				},
			],
		},
		readOptions(R, ['getAll']),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const list = await get(this, i, projectsPath);
		return limitList(
			this,
			i,
			list,
			(p) =>
				!!(filters.includeArchived || !isArchived(p)) &&
				!!(filters.includeTemplates || !isTemplate(p)) &&
				contains(p, filters.search, ['title', 'number', 'externalId', 'code']),
		);
	},
});
