/** Task › Create From Template (N-new: a flat body, one request per row). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { guidField, locatorValue, plan, show, writeTail } from '../common';
import { R, projectOf } from './common';

export const createFromTemplate = defineOperation({
	value: 'createFromTemplate',
	name: 'Create From Template',
	action: 'Create a task from a template',
	readOnly: false,
	properties: [
		guidField(
			'taskTemplateId',
			'Task Template ID',
			show(R, ['createFromTemplate']),
			'GUID of the task template',
		),
		{
			displayName: 'Additional Fields',
			name: 'templateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(R, ['createFromTemplate']),
			options: [
				{
					displayName: 'Override Priority',
					name: 'overridePriority',
					type: 'boolean',
					default: false,
					description: "Whether to use the template's priority",
				},
				{
					displayName: 'Override Status',
					name: 'overrideStatus',
					type: 'boolean',
					default: false,
					description: "Whether to use the template's status",
				},
				{
					displayName: 'Override Workflow',
					name: 'overrideWorkflow',
					type: 'boolean',
					default: false,
					description: "Whether to use the template's workflow",
				},
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: "Empty: the template's title",
				},
			],
		},
		...writeTail(R, 'createFromTemplate'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const projectId = projectOf(this, i);
		const templateId = locatorValue(this, i, 'taskTemplateId', 'Task Template ID');
		const extra = this.getNodeParameter('templateFields', i, {}) as IDataObject;
		const body: IDataObject = {
			projectId,
			title: String(extra.title ?? '').trim() || null,
			overrideStatus: extra.overrideStatus === true,
			overridePriority: extra.overridePriority === true,
			overrideWorkflow: extra.overrideWorkflow === true,
		};
		return await plan(this, i, {
			group: 'task:fromTemplate',
			method: 'POST',
			paths: [`integration/task/json/${templateId}`],
			route: 'task:fromTemplate',
			body,
			batchable: false,
			echo: { projectId, templateId },
			notFoundLabel: `Task template ${templateId}`,
		});
	},
});
