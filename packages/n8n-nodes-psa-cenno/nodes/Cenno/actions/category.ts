import { defineOperation, defineResource } from '../../../../shared/operation';
import { returnAllLimit, show } from '../../../../shared/kit';
import {
	filtersCollection,
	getAllHandler,
	getHandler,
	locator,
	optionsField,
	updatedSinceDef,
	updatedSinceFilter,
} from './common';

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a category',
	description: 'Get a category by ID',
	readOnly: true,
	properties: [
		locator('category', {
			name: 'categoryId',
			displayName: 'Category',
			description: 'The item category (categories group the items of a project)',
			displayOptions: show('category', 'get'),
		}),
	],
	handler: getHandler('category', 'categoryId', 'Category'),
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many categories',
	description: 'List categories of items',
	readOnly: true,
	properties: [
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
	],
	handler: getAllHandler('category', [
		{ key: 'projectId', label: 'Project', kind: 'id', fields: ['project_id'] },
		{ key: 'search', label: 'Title Contains', kind: 'text', fields: ['title'] },
		updatedSinceDef,
	]),
});

export const category = defineResource({
	value: 'category',
	name: 'Category',
	defaultOperation: getAll.value,
	operations: [get, getAll],
});
