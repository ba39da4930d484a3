import type { INodeProperties } from 'n8n-workflow';

import { operationProperty, returnAllLimit, show } from '../../../../shared/kit';
import {
	filtersCollection,
	getAllHandler,
	getHandler,
	locator,
	optionsField,
	updatedSinceDef,
	updatedSinceFilter,
	type FilterDef,
	type Handler,
} from './common';

const filters: FilterDef[] = [
	{ key: 'projectId', label: 'Project', kind: 'id', fields: ['project_id'] },
	{ key: 'search', label: 'Title Contains', kind: 'text', fields: ['title'] },
	updatedSinceDef,
];

export const categoryDescription: INodeProperties[] = [
	operationProperty(
		'category',
		[
			{ name: 'Get', value: 'get', description: 'Get a category by ID', action: 'Get a category' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List categories of items',
				action: 'Get many categories',
			},
		],
		'getAll',
	),
	locator('category', {
		name: 'categoryId',
		displayName: 'Category',
		description: 'The item category (categories group the items of a project)',
		displayOptions: show('category', 'get'),
	}),
	...returnAllLimit('category', 'getAll'),
	filtersCollection('category', [
		optionsField('projectId', 'Project', 'getProjects'),
		{
			displayName: 'Title Contains',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Only categories whose title contains this text (not case-sensitive)',
		},
		updatedSinceFilter,
	]),
];

export const categoryOperations: Record<string, Handler> = {
	get: getHandler('category', 'categoryId', 'Category'),
	getAll: getAllHandler('category', filters),
};
