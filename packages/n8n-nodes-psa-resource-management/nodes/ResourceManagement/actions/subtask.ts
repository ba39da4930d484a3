import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact, idField, readId, returnAllLimit, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { api, list, locator, requireChanges, requiredText } from './common';

const ST = 'subtask';
const ALL = ['create', 'delete', 'get', 'getAll', 'update'];

function subtaskBase(ctx: IExecuteFunctions, i: number): string {
	const projectId = readId(ctx, i, 'projectId', 'Project');
	const assignmentId = readId(ctx, i, 'assignmentId', 'Assignment ID');
	return `/projects/${projectId}/assignments/${assignmentId}/subtasks`;
}

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a subtask',
	readOnly: false,
	properties: [
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
	],
	async handler(this: IExecuteFunctions, i: number) {
		const description = requiredText(this, i, 'description', 'Description');
		return await api(this, i, 'POST', subtaskBase(this, i), {
			body: { description, completed: this.getNodeParameter('completed', i, false) as boolean },
		});
	},
});

const remove = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a subtask',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'subtaskId', 'Subtask ID');
		await api(this, i, 'DELETE', `${subtaskBase(this, i)}/${id}`, { notFound: `Subtask ${id}` });
		return { id, deleted: true };
	},
});

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a subtask',
	readOnly: true,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'subtaskId', 'Subtask ID');
		return await api(this, i, 'GET', `${subtaskBase(this, i)}/${id}`, {
			notFound: `Subtask ${id}`,
		});
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many subtasks of an assignment',
	readOnly: true,
	properties: returnAllLimit(ST, 'getAll'),
	async handler(this: IExecuteFunctions, i: number) {
		return await list(this, i, subtaskBase(this, i));
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a subtask',
	readOnly: false,
	properties: [
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
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'subtaskId', 'Subtask ID');
		const body = compact(this.getNodeParameter('updateFields', i, {}) as IDataObject);
		requireChanges(this, i, body);
		return await api(this, i, 'PUT', `${subtaskBase(this, i)}/${id}`, {
			body,
			notFound: `Subtask ${id}`,
		});
	},
});

export const subtask = defineResource({
	value: ST,
	name: 'Subtask',
	defaultOperation: create.value,
	// Which assignment (every operation) and which of its subtasks.
	properties: [
		locator('project', 'projectId', 'Project', show(ST, ALL)),
		idField('assignmentId', 'Assignment ID', show(ST, ALL)),
		idField('subtaskId', 'Subtask ID', show(ST, ['delete', 'get', 'update'])),
	],
	operations: [create, remove, get, getAll, update],
});
