import type { IDataObject } from 'n8n-workflow';

import { defineOperation, defineResource } from '../../../../shared/operation';
import { pick, returnAllLimit, show, simplifyOption } from '../../../../shared/kit';
import {
	filtersCollection,
	getAllHandler,
	getHandler,
	locator,
	optionsField,
	updatedSinceDef,
	updatedSinceFilter,
} from './common';

function simplifyItem(record: IDataObject): IDataObject {
	return pick(record, [
		'id',
		'title',
		'project_id',
		'category_id',
		'assignee_id',
		'owner_id',
		'status_type',
		'start_date',
		'end_date',
		'estimated_hours',
		'spent_hours',
		'remaining_hours',
		'progress_percent',
		'external_id',
		'created_at',
		'updated_at',
	]);
}

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an item (task)',
	description: 'Get an item (task) by ID',
	readOnly: true,
	properties: [
		locator('item', {
			name: 'itemId',
			displayName: 'Item',
			description: 'The item (task) in Cenno',
			displayOptions: show('item', 'get'),
		}),
		simplifyOption(show('item', 'get')),
	],
	handler: getHandler('item', 'itemId', 'Item', simplifyItem),
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many items (tasks)',
	description: 'List items (tasks), filtered by project, category, assignee or status',
	readOnly: true,
	properties: [
		...returnAllLimit('item', 'getAll'),
		filtersCollection('item', [
			optionsField('assigneeId', 'Assignee', 'getUsers'),
			optionsField('categoryId', 'Category', 'getCategories', ['filters.projectId']),
			optionsField('projectId', 'Project', 'getProjects'),
			{
				displayName: 'Status',
				name: 'statusType',
				type: 'options',
				options: [
					{ name: 'Closed', value: 'closed' },
					{ name: 'Open', value: 'open' },
				],
				default: 'open',
				description: 'Only open or only closed items',
			},
			{
				displayName: 'Title Contains',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only items whose title contains this text (not case-sensitive)',
			},
			updatedSinceFilter,
		]),
		simplifyOption(show('item', 'getAll')),
	],
	handler: getAllHandler(
		'item',
		[
			{ key: 'projectId', label: 'Project', kind: 'id', fields: ['project_id'] },
			{ key: 'categoryId', label: 'Category', kind: 'id', fields: ['category_id'] },
			{ key: 'assigneeId', label: 'Assignee', kind: 'id', fields: ['assignee_id'] },
			{ key: 'statusType', label: 'Status', kind: 'choice', fields: ['status_type'] },
			{ key: 'search', label: 'Title Contains', kind: 'text', fields: ['title'] },
			updatedSinceDef,
		],
		simplifyItem,
	),
});

export const item = defineResource({
	value: 'item',
	name: 'Item (Task)',
	defaultOperation: getAll.value,
	operations: [get, getAll],
});
