/** Task › Get Tree: a task with its subtasks. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { getWithFallback, readOptions } from '../common';
import { R, projectOf, taskOf, withTaskHours } from './common';

export const getTree = defineOperation({
	value: 'getTree',
	name: 'Get Tree',
	action: 'Get a task with its subtasks',
	readOnly: true,
	properties: [readOptions(R, ['getTree'])],
	async handler(this: IExecuteFunctions, i: number) {
		const projectId = projectOf(this, i);
		const taskId = taskOf(this, i);
		const tree = await getWithFallback<IDataObject>(
			this,
			i,
			'task:tree',
			[
				{ path: `integration/task/json/${projectId}/${taskId}` },
				{ path: `integration/task/json/${taskId}/tree` },
			],
			`Task ${taskId}`,
		);
		return withTaskHours(tree);
	},
});
