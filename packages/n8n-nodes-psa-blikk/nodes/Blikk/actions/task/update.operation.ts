import type { IExecuteFunctions } from 'n8n-workflow';

import { readId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { MERGE_HINT } from '../common';
import { TASK, mergeAndPut, taskFields, writeFields } from './fields';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a task',
	description:
		'Rename, move or reschedule a task; only the fields you set change (read, merge, write)',
	readOnly: false,
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(TASK, 'update'),
			description: MERGE_HINT,
			hint: MERGE_HINT,
			options: taskFields(true),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'taskId', 'Task');
		return await mergeAndPut(this, i, id, writeFields(this, i, 'updateFields'));
	},
});
