import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllLimit } from '../../../../shared/kit';
import { blikkList, blikkRequest } from '../transport';
import { locator, show, sortOptions } from './common';
import { idList, idParam, listOptions, listQuery, type Handler } from './util';

/** Read-only lists: the project and task board registries and Blikk's admin registers (all `GET ?page=`). */
interface Register {
	resource: string;
	name: string;
	plural: string;
	path: string;
	sortBy: string[];
	query?: string;
	description?: string;
}

export const REGISTERS: Register[] = [
	{
		resource: 'absenceProject',
		name: 'Absence Project',
		plural: 'absence projects',
		path: '/v1/Admin/AbsenceProjects',
		sortBy: ['name'],
	},
	{
		resource: 'activity',
		name: 'Activity',
		plural: 'activities',
		path: '/v1/Admin/Activities',
		sortBy: ['name', 'createdDate', 'updatedDate'],
	},
	{
		resource: 'allowance',
		name: 'Allowance',
		plural: 'allowances',
		path: '/v1/Admin/Allowances',
		sortBy: ['name', 'createdDate', 'updatedDate'],
	},
	{
		resource: 'article',
		name: 'Article',
		plural: 'articles',
		path: '/v1/Admin/Articles',
		sortBy: ['name', 'articleNumber', 'createdDate', 'updatedDate'],
		query: 'Matches the article number or name',
	},
	{
		resource: 'companyCar',
		name: 'Company Car',
		plural: 'company cars',
		path: '/v1/Admin/CompanyCars',
		sortBy: ['name', 'createdDate', 'updatedDate'],
	},
	{
		resource: 'contactTag',
		name: 'Contact Tag',
		plural: 'contact tags',
		path: '/v1/Admin/ContactTags',
		sortBy: ['name', 'createdDate'],
	},
	{
		resource: 'country',
		name: 'Country',
		plural: 'countries',
		path: '/v1/Admin/Countries',
		sortBy: ['name'],
	},
	{
		resource: 'equipment',
		name: 'Equipment',
		plural: 'equipments',
		path: '/v1/Admin/Equipments',
		sortBy: ['name', 'createdDate', 'updatedDate'],
	},
	{
		resource: 'internalProject',
		name: 'Internal Project',
		plural: 'internal projects',
		path: '/v1/Admin/InternalProjects',
		sortBy: ['name'],
	},
	{
		resource: 'project',
		name: 'Project',
		plural: 'projects',
		path: '/v1/Core/Projects',
		sortBy: ['orderNumber', 'title', 'createdDate', 'updatedDate'],
		query: 'Matches the project number, name or customer name',
	},
	{
		resource: 'taskBoard',
		name: 'Task Board',
		plural: 'task boards',
		path: '/v1/Core/TaskBoards',
		sortBy: ['name', 'createdDate', 'updatedDate'],
		query: 'Matches the board name',
		description: 'Boards with their columns, tags and members',
	},
	{
		resource: 'timeAddition',
		name: 'Time Addition',
		plural: 'time additions',
		path: '/v1/Admin/TimeAdditions',
		sortBy: ['name', 'createdDate', 'updatedDate'],
	},
	{
		resource: 'timeArticle',
		name: 'Time Article',
		plural: 'time articles',
		path: '/v1/Admin/TimeArticles',
		sortBy: ['name', 'createdDate', 'updatedDate'],
	},
	{
		resource: 'timeCode',
		name: 'Time Code',
		plural: 'time codes',
		path: '/v1/Admin/TimeCodes',
		sortBy: ['name', 'createdDate', 'updatedDate'],
	},
	{
		resource: 'user',
		name: 'User',
		plural: 'users',
		path: '/v1/Admin/Users',
		sortBy: ['name'],
		query: 'Matches the user’s name',
	},
];

export const registerResourceOptions: INodePropertyOptions[] = REGISTERS.map((r) => ({
	name: r.name,
	value: r.resource,
}));

export const registerDescription: INodeProperties[] = REGISTERS.flatMap((r): INodeProperties[] => {
	const operations: INodePropertyOptions[] = [
		{
			name: 'Get Many',
			value: 'getAll',
			action: `Get many ${r.plural}`,
			description: r.description ?? `List the ${r.plural} register`,
		},
	];
	if (r.resource === 'user')
		operations.unshift({
			name: 'Get',
			value: 'get',
			action: 'Get a user',
			description: 'One user with details such as standard activity and time article',
		});
	const filters: INodeProperties[] = [];
	if (r.query)
		filters.push({
			displayName: 'Search Text',
			name: 'query',
			type: 'string',
			default: '',
			description: r.query,
		});
	if (r.resource === 'taskBoard')
		filters.push({
			displayName: 'Project IDs',
			name: 'projectIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 15,16',
			description: 'Only boards connected to these projects (comma-separated IDs)',
		});
	const props: INodeProperties[] = [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: show(r.resource),
			default: 'getAll',
			options: operations,
		},
	];
	if (r.resource === 'user')
		props.push(locator('userId', 'User', 'searchUsers', show('user', 'get')));
	props.push(...returnAllLimit(r.resource, 'getAll', {}, { maxLimit: 100000 }));
	if (filters.length)
		props.push({
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show(r.resource, 'getAll'),
			options: filters,
		});
	props.push({
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(r.resource, 'getAll'),
		options: sortOptions(r.sortBy),
	});
	return props;
});

export const registerHandlers: Record<string, Record<string, Handler>> = Object.fromEntries(
	REGISTERS.map((r) => {
		const handlers: Record<string, Handler> = {
			async getAll(i) {
				const f = this.getNodeParameter('filters', i, {}) as IDataObject;
				const qs = listQuery(
					{ query: f.query, projectIds: idList(this, i, 'Project IDs', f.projectIds) },
					this.getNodeParameter('options', i, {}) as IDataObject,
				);
				return await blikkList.call(
					this,
					{ method: 'GET', path: r.path, qs, itemIndex: i },
					listOptions(this, i),
				);
			},
		};
		if (r.resource === 'user') {
			handlers.get = async function (this, i) {
				const id = idParam(this, i, 'userId', 'User');
				return await blikkRequest.call(this, {
					method: 'GET',
					path: `/v1/Admin/Users/${id}`,
					itemIndex: i,
					notFoundLabel: `User ${id}`,
				});
			};
		}
		return [r.resource, handlers];
	}),
);
