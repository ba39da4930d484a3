import { show } from '../../../../../shared/kit';
import { defineResource } from '../../../../../shared/operation';
import { locator } from '../common';
import { complete } from './complete.operation';
import { create } from './create.operation';
import { deleteTask } from './delete.operation';
import { TASK } from './fields';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

/** Tasks for a crew, on a task board and project (comments, checklists, attachments apart). */
export const task = defineResource({
	value: TASK,
	name: 'Task',
	defaultOperation: 'create',
	properties: [
		locator('taskId', 'Task', 'searchTasks', show(TASK, ['complete', 'delete', 'get', 'update'])),
	],
	operations: [create, update, getAll, complete, get, deleteTask],
});
