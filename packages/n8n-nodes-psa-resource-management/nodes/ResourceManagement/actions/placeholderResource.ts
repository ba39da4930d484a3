import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, readId, returnAllLimit, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import {
	api,
	fieldsOption,
	fieldsQuery,
	list,
	locator,
	requireChanges,
	requiredText,
} from './common';

const PL = 'placeholderResource';

const placeholderFields: INodeProperties[] = [
	{ displayName: 'Discipline', name: 'discipline', type: 'string', default: '' },
	{ displayName: 'Location', name: 'location', type: 'string', default: '' },
	{ displayName: 'Role', name: 'role', type: 'string', default: '' },
];

const PLACEHOLDER_FIELDS: Array<[string, string]> = [
	['assignments', 'Assignments'],
	['custom_field_values', 'Custom Field Values'],
];

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a placeholder',
	readOnly: false,
	properties: [
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Designer',
			displayOptions: show(PL, 'create'),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(PL, 'create'),
			options: placeholderFields,
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const title = requiredText(this, i, 'title', 'Title');
		return await api(this, i, 'POST', '/placeholder_resources', {
			body: compact({
				...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
				title,
			}),
		});
	},
});

const remove = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a placeholder',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'placeholderId', 'Placeholder');
		await api(this, i, 'DELETE', `/placeholder_resources/${id}`, { notFound: `Placeholder ${id}` });
		return { id, deleted: true };
	},
});

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a placeholder',
	readOnly: true,
	properties: [fieldsOption(show(PL, 'get'), PLACEHOLDER_FIELDS)],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'placeholderId', 'Placeholder');
		return await api(this, i, 'GET', `/placeholder_resources/${id}`, {
			qs: fieldsQuery(this, i),
			notFound: `Placeholder ${id}`,
		});
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many placeholders',
	readOnly: true,
	properties: [
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			default: 'account',
			displayOptions: show(PL, 'getAll'),
			options: [
				{ name: 'Whole Account', value: 'account' },
				{ name: 'Placeholders on One Project', value: 'project' },
			],
		},
		locator('project', 'scopeProjectId', 'Project', show(PL, 'getAll', { scope: ['project'] })),
		...returnAllLimit(PL, 'getAll'),
		fieldsOption(show(PL, 'getAll'), PLACEHOLDER_FIELDS),
	],
	async handler(this: IExecuteFunctions, i: number) {
		if (this.getNodeParameter('scope', i) === 'project') {
			const pid = readId(this, i, 'scopeProjectId', 'Project');
			return await list(this, i, `/projects/${pid}/placeholder_resources`, fieldsQuery(this, i), {
				notFound: `Project ${pid}`,
			});
		}
		return await list(this, i, '/placeholder_resources', fieldsQuery(this, i));
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a placeholder',
	readOnly: false,
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(PL, 'update'),
			options: [
				...placeholderFields,
				{ displayName: 'Title', name: 'title', type: 'string', default: '' } as INodeProperties,
			],
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'placeholderId', 'Placeholder');
		const body = compact(this.getNodeParameter('updateFields', i, {}) as IDataObject);
		requireChanges(this, i, body);
		return await api(this, i, 'PUT', `/placeholder_resources/${id}`, {
			body,
			notFound: `Placeholder ${id}`,
		});
	},
});

export const placeholderResource = defineResource({
	value: PL,
	name: 'Placeholder Resource',
	defaultOperation: getAll.value,
	// Which placeholder (Get, Update, Delete).
	properties: [
		locator('placeholder', 'placeholderId', 'Placeholder', show(PL, ['delete', 'get', 'update'])),
	],
	operations: [create, remove, get, getAll, update],
});
