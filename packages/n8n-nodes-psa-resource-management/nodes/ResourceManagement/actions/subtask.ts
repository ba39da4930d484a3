import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from './common';
import {
	api,
	list,
	idOf,
	locator,
	compact,
	idField,
	operationProperty,
	show,
	returnAllLimit,
	requireChanges,
	requiredText,
} from './common';

const ST = 'subtask';

const subtaskProperties: INodeProperties[] = [
	operationProperty(
		ST,
		[
			{ name: 'Create', value: 'create', action: 'Create a subtask' },
			{ name: 'Delete', value: 'delete', action: 'Delete a subtask' },
			{ name: 'Get', value: 'get', action: 'Get a subtask' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many subtasks of an assignment' },
			{ name: 'Update', value: 'update', action: 'Update a subtask' },
		],
		'create',
	),
	locator(
		'project',
		'projectId',
		'Project',
		show(ST, ['create', 'delete', 'get', 'getAll', 'update']),
	),
	idField(
		'assignmentId',
		'Assignment ID',
		show(ST, ['create', 'delete', 'get', 'getAll', 'update']),
	),
	idField('subtaskId', 'Subtask ID', show(ST, ['delete', 'get', 'update'])),
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(ST, 'create'),
	},
	{
		displayName: 'Completed',
		name: 'completed',
		type: 'boolean',
		default: false,
		description: 'Whether the subtask is done',
		displayOptions: show(ST, 'create'),
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(ST, 'update'),
		options: [
			{
				displayName: 'Completed',
				name: 'completed',
				type: 'boolean',
				default: true,
				description: 'Whether the subtask is done',
			},
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		],
	},
	...returnAllLimit(ST, 'getAll'),
];

function subtaskBase(ctx: IExecuteFunctions, i: number): string {
	return `/projects/${idOf(ctx, 'projectId', i, 'Project')}/assignments/${idOf(ctx, 'assignmentId', i, 'Assignment ID')}/subtasks`;
}

const subtaskHandlers: ResourceModule['handlers'] = {
	async create(this: IExecuteFunctions, i: number) {
		const description = requiredText(this, i, 'description', 'Description');
		return await api(this, i, 'POST', subtaskBase(this, i), {
			body: { description, completed: this.getNodeParameter('completed', i, false) as boolean },
		});
	},
	async get(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'subtaskId', i, 'Subtask ID');
		return await api(this, i, 'GET', `${subtaskBase(this, i)}/${id}`, {
			notFound: `Subtask ${id}`,
		});
	},
	async getAll(this: IExecuteFunctions, i: number) {
		return await list(this, i, subtaskBase(this, i));
	},
	async update(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'subtaskId', i, 'Subtask ID');
		const body = compact(this.getNodeParameter('updateFields', i, {}) as IDataObject);
		requireChanges(this, i, body);
		return await api(this, i, 'PUT', `${subtaskBase(this, i)}/${id}`, {
			body,
			notFound: `Subtask ${id}`,
		});
	},
	async delete(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'subtaskId', i, 'Subtask ID');
		await api(this, i, 'DELETE', `${subtaskBase(this, i)}/${id}`, { notFound: `Subtask ${id}` });
		return { id, deleted: true };
	},
};

export const subtask: ResourceModule = {
	resource: { name: 'Subtask', value: ST },
	properties: subtaskProperties,
	handlers: subtaskHandlers,
};
