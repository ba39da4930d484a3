/**
 * Task › Get Many: the tasks of a project, filtered after the request (no paging in any source).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { contains, limitList, readOptions, sameId, show } from '../common';
import { R, projectOf, tasksOf } from './common';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many tasks',
	description: 'Get the tasks of a project',
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
					displayName: 'Responsible Member',
					name: 'responsibleUserId',
					type: 'string',
					default: '',
					description: 'Only tasks of this member (GUID or e-mail)',
				},
				{
					displayName: 'Search',
					name: 'search',
					type: 'string',
					default: '',
					description: 'Only tasks whose title or external ID contains this text',
				},
				{
					displayName: 'Status',
					name: 'statusId',
					type: 'options',
					options: [
						{ name: 'Done', value: 3 },
						{ name: 'In Progress', value: 2 },
						{ name: 'Open', value: 1 },
					],
					default: 1,
				},
			],
		},
		readOptions(R, ['getAll']),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const projectId = projectOf(this, i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const list = await tasksOf(this, i, projectId);
		return limitList(
			this,
			i,
			list,
			(t) =>
				contains(t, filters.search, ['title', 'externalId']) &&
				(filters.statusId === undefined || Number(t.statusId) === Number(filters.statusId)) &&
				(!filters.responsibleUserId ||
					sameId(t.responsibleUserId, filters.responsibleUserId) ||
					sameId(t.responsibleUserEmail, filters.responsibleUserId)),
		);
	},
});
