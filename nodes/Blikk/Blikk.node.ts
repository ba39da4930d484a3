import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations, type OperationTable } from '../shared/execute';

import { listSearch, loadOptions } from './methods';
import { contactDescription, contactHandlers } from './resources/contact';
import { registerDescription, registerHandlers, registerResourceOptions } from './resources/registers';
import { taskDescription, taskHandlers } from './resources/task';
import {
	taskAttachmentDescription,
	taskAttachmentHandlers,
	taskChecklistDescription,
	taskChecklistHandlers,
	taskCommentDescription,
	taskCommentHandlers,
} from './resources/taskParts';
import { timeReportDescription, timeReportHandlers, userDayStatisticDescription, userDayStatisticHandlers } from './resources/timeReport';

const handlers: OperationTable = {
	contact: contactHandlers,
	task: taskHandlers,
	taskAttachment: taskAttachmentHandlers,
	taskChecklist: taskChecklistHandlers,
	taskComment: taskCommentHandlers,
	timeReport: timeReportHandlers,
	userDayStatistic: userDayStatisticHandlers,
	...registerHandlers,
};

export class Blikk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Blikk',
		name: 'blikk',
		icon: { light: 'file:blikk.svg', dark: 'file:blikk.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Tasks, time reports, contacts and registers in Blikk (field service and construction)',
		defaults: { name: 'Blikk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'psaBlikkApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				default: 'task',
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'Task', value: 'task' },
					{ name: 'Task Attachment', value: 'taskAttachment' },
					{ name: 'Task Checklist', value: 'taskChecklist' },
					{ name: 'Task Comment', value: 'taskComment' },
					{ name: 'Time Report', value: 'timeReport' },
					{ name: 'User Day Statistic', value: 'userDayStatistic' },
					...registerResourceOptions,
				].sort((a, b) => a.name.localeCompare(b.name)),
			},
			...contactDescription,
			...taskDescription,
			...taskCommentDescription,
			...taskChecklistDescription,
			...taskAttachmentDescription,
			...timeReportDescription,
			...userDayStatisticDescription,
			...registerDescription,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, handlers);
	}
}
