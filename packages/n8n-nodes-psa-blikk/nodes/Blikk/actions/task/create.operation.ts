import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readOptionalId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { requireString } from '../../../../../shared/validation';
import { blikkRequest } from '../../transport';
import { locator } from '../common';
import { TASK, taskFields, writeFields } from './fields';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a task',
	description: 'Create a task for a crew, optionally on a board and project',
	readOnly: false,
	properties: [
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			required: true,
			displayOptions: show(TASK, 'create'),
			placeholder: 'e.g. Measure the kitchen',
		},
		{
			displayName: 'Board Column Name or ID',
			name: 'taskBoardColumnId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTaskBoardColumns' },
			default: '',
			displayOptions: show(TASK, 'create'),
			description:
				'Task board column to put the task in (leave empty for no board). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		locator('project', 'Project', 'searchProjects', show(TASK, 'create'), {
			required: false,
			description: 'Project to connect the task to (optional)',
		}),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(TASK, 'create'),
			options: taskFields(false),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const body: IDataObject = {
			title: requireString(this.getNode(), i, 'Title', this.getNodeParameter('title', i)),
			...writeFields(this, i, 'additionalFields'),
		};
		const columnId = readOptionalId(this, i, 'taskBoardColumnId', 'Board Column');
		if (columnId) body.taskBoardColumnId = columnId;
		const projectId = readOptionalId(this, i, 'project', 'Project');
		if (projectId) body.projectId = projectId;
		return await blikkRequest.call(this, {
			method: 'POST',
			path: '/v1/Core/Tasks',
			body,
			itemIndex: i,
		});
	},
});
