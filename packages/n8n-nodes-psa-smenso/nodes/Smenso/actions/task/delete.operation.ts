/** Task › Delete. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { plan, writeTail } from '../common';
import { R, taskOf } from './common';

export const deleteTask = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a task',
	readOnly: false,
	properties: writeTail(R, 'delete'),
	async handler(this: IExecuteFunctions, i: number) {
		const id = taskOf(this, i);
		return await plan(this, i, {
			group: 'task:delete',
			method: 'DELETE',
			paths: [`integration/task/json/${id}`],
			route: 'task:delete',
			batchable: false,
			expect: 'deleted',
			echo: { id, deleted: true },
			notFoundLabel: `Task ${id}`,
		});
	},
});
