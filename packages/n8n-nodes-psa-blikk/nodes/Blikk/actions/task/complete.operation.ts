import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { mergeAndPut } from './fields';

export const complete = defineOperation({
	value: 'complete',
	name: 'Complete',
	action: 'Complete a task',
	description: 'Mark a task as completed (read, merge, write)',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'taskId', 'Task');
		return await mergeAndPut(this, i, id, { isCompleted: true });
	},
});
