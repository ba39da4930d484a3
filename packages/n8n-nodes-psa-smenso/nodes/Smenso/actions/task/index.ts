/** Task: the core work item of a project. */
import { defineResource } from '../../../../../shared/operation';
import { projectLocator, show, taskLocator } from '../common';
import { R } from './common';
import { create } from './create.operation';
import { createFromTemplate } from './createFromTemplate.operation';
import { deleteTask } from './delete.operation';
import { addDependency, removeDependencies } from './dependencies.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getTree } from './getTree.operation';
import { update } from './update.operation';

export const task = defineResource({
	value: R,
	name: 'Task',
	defaultOperation: getAll.value,
	properties: [
		projectLocator(
			show(R, [
				'addDependency',
				'create',
				'createFromTemplate',
				'delete',
				'get',
				'getAll',
				'getTree',
				'removeDependencies',
				'update',
			]),
			'projectId',
			'Project',
			'The project the task belongs to',
		),
		taskLocator(
			show(R, ['addDependency', 'delete', 'get', 'getTree', 'removeDependencies', 'update']),
		),
	],
	operations: [
		addDependency,
		create,
		createFromTemplate,
		deleteTask,
		get,
		getAll,
		getTree,
		removeDependencies,
		update,
	],
});
