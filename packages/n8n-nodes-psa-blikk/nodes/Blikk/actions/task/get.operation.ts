import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { readTask } from './fields';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a task',
	readOnly: true,
	async handler(this: IExecuteFunctions, i: number) {
		return await readTask(this, i, readId(this, i, 'taskId', 'Task'));
	},
});
