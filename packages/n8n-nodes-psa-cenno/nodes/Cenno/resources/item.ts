import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	operationProperty,
	pick,
	returnAllLimit,
	show,
	simplifyOption,
} from '../../../../shared/kit';
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
	{ key: 'categoryId', label: 'Category', kind: 'id', fields: ['category_id'] },
	{ key: 'assigneeId', label: 'Assignee', kind: 'id', fields: ['assignee_id'] },
	{ key: 'statusType', label: 'Status', kind: 'choice', fields: ['status_type'] },
	{ key: 'search', label: 'Title Contains', kind: 'text', fields: ['title'] },
	updatedSinceDef,
];

export function simplifyItem(record: IDataObject): IDataObject {
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

export const itemDescription: INodeProperties[] = [
	operationProperty(
		'item',
		[
			{
				name: 'Get',
				value: 'get',
				description: 'Get an item (task) by ID',
				action: 'Get an item (task)',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List items (tasks), filtered by project, category, assignee or status',
				action: 'Get many items (tasks)',
			},
		],
		'getAll',
	),
	locator('item', {
		name: 'itemId',
		displayName: 'Item',
		description: 'The item (task) in Cenno',
		displayOptions: show('item', 'get'),
	}),
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
	simplifyOption(show('item', ['get', 'getAll'])),
];

export const itemOperations: Record<string, Handler> = {
	get: getHandler('item', 'itemId', 'Item', simplifyItem),
	getAll: getAllHandler('item', filters, simplifyItem),
};
