import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from './common';
import {
	api,
	list,
	idOf,
	fieldsQuery,
	locator,
	fieldsOption,
	compact,
	operationProperty,
	show,
	returnAllLimit,
	requireChanges,
	requiredText,
} from './common';

const PL = 'placeholderResource';

const placeholderFields: INodeProperties[] = [
	{ displayName: 'Discipline', name: 'discipline', type: 'string', default: '' },
	{ displayName: 'Location', name: 'location', type: 'string', default: '' },
	{ displayName: 'Role', name: 'role', type: 'string', default: '' },
];

const placeholderProperties: INodeProperties[] = [
	operationProperty(
		PL,
		[
			{ name: 'Create', value: 'create', action: 'Create a placeholder' },
			{ name: 'Delete', value: 'delete', action: 'Delete a placeholder' },
			{ name: 'Get', value: 'get', action: 'Get a placeholder' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many placeholders' },
			{ name: 'Update', value: 'update', action: 'Update a placeholder' },
		],
		'getAll',
	),
	locator('placeholder', 'placeholderId', 'Placeholder', show(PL, ['delete', 'get', 'update'])),
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
	fieldsOption(show(PL, ['get', 'getAll']), [
		['assignments', 'Assignments'],
		['custom_field_values', 'Custom Field Values'],
	]),
];

const placeholderHandlers: ResourceModule['handlers'] = {
	async create(this: IExecuteFunctions, i: number) {
		const title = requiredText(this, i, 'title', 'Title');
		return await api(this, i, 'POST', '/placeholder_resources', {
			body: compact({
				...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
				title,
			}),
		});
	},
	async get(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'placeholderId', i, 'Placeholder');
		return await api(this, i, 'GET', `/placeholder_resources/${id}`, {
			qs: fieldsQuery(this, i),
			notFound: `Placeholder ${id}`,
		});
	},
	async update(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'placeholderId', i, 'Placeholder');
		const body = compact(this.getNodeParameter('updateFields', i, {}) as IDataObject);
		requireChanges(this, i, body);
		return await api(this, i, 'PUT', `/placeholder_resources/${id}`, {
			body,
			notFound: `Placeholder ${id}`,
		});
	},
	async delete(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'placeholderId', i, 'Placeholder');
		await api(this, i, 'DELETE', `/placeholder_resources/${id}`, { notFound: `Placeholder ${id}` });
		return { id, deleted: true };
	},
	async getAll(this: IExecuteFunctions, i: number) {
		if (this.getNodeParameter('scope', i) === 'project') {
			const pid = idOf(this, 'scopeProjectId', i, 'Project');
			return await list(this, i, `/projects/${pid}/placeholder_resources`, fieldsQuery(this, i), {
				notFound: `Project ${pid}`,
			});
		}
		return await list(this, i, '/placeholder_resources', fieldsQuery(this, i));
	},
};

export const placeholderResource: ResourceModule = {
	resource: { name: 'Placeholder Resource', value: PL },
	properties: placeholderProperties,
	handlers: placeholderHandlers,
};
