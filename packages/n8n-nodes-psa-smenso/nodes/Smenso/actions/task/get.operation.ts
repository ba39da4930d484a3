/** Task › Get: one task, picked from its project's list (no single-task read in any source). */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { readOptions, sameId } from '../common';
import { R, projectOf, taskOf, tasksOf } from './common';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a task',
	readOnly: true,
	properties: [readOptions(R, ['get'])],
	async handler(this: IExecuteFunctions, i: number) {
		const projectId = projectOf(this, i);
		const taskId = taskOf(this, i);
		// No single-task GET in any source: the project's list is read and the task picked from it.
		const task = (await tasksOf(this, i, projectId)).find((t) => sameId(t.id, taskId));
		if (!task)
			throw new NodeOperationError(
				this.getNode(),
				`Task ${taskId} was not found in project ${projectId} (row ${i + 1})`,
				{ itemIndex: i },
			);
		return task;
	},
});
