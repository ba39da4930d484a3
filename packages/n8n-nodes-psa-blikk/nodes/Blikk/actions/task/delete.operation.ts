import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { blikkRequest } from '../../transport';

export const deleteTask = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a task',
	description: 'Delete a task (Blikk refuses when time is reported on it)',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'taskId', 'Task');
		await blikkRequest.call(this, {
			method: 'DELETE',
			path: `/v1/Core/Tasks/${id}`,
			itemIndex: i,
			idempotent: true,
		});
		return { id, deleted: true };
	},
});
