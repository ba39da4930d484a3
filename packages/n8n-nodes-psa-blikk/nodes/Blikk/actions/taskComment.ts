import type { IExecuteFunctions } from 'n8n-workflow';

import { readId, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { requireString } from '../../../../shared/validation';
import { blikkRequest } from '../transport';
import { locator } from './common';
import { taskPartDelete, taskPartGetAll, type TaskPart } from './taskPart';

const C = 'taskComment';
const path = (taskId: number) => `/v1/Core/Tasks/${taskId}/Comments`;

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Add a comment to a task',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const taskId = readId(this, i, 'taskId', 'Task');
		const text = requireString(this.getNode(), i, 'Text', this.getNodeParameter('text', i));
		return await blikkRequest.call(this, {
			method: 'POST',
			path: path(taskId),
			body: { text },
			itemIndex: i,
		});
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a task comment',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const taskId = readId(this, i, 'taskId', 'Task');
		const id = readId(this, i, 'commentId', 'Comment ID');
		const text = requireString(this.getNode(), i, 'Text', this.getNodeParameter('text', i));
		return await blikkRequest.call(this, {
			method: 'PUT',
			path: `${path(taskId)}/${id}`,
			body: { text },
			itemIndex: i,
			idempotent: true,
		});
	},
});

const part: TaskPart = {
	resource: C,
	path,
	idParam: 'commentId',
	idLabel: 'Comment ID',
	plural: 'comments',
	sortKeys: ['createdDate'],
};
const deleteComment = taskPartDelete(part);
const getAll = taskPartGetAll(part);

/** Comments on a task. */
export const taskComment = defineResource({
	value: C,
	name: 'Task Comment',
	defaultOperation: 'create',
	properties: [
		locator('taskId', 'Task', 'searchTasks', show(C)),
		{
			displayName: 'Comment ID',
			name: 'commentId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: show(C, ['delete', 'update']),
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			displayOptions: show(C, ['create', 'update']),
		},
	],
	operations: [create, update, deleteComment, getAll],
});
