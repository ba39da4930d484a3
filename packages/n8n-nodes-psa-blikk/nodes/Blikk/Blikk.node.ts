import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations, type OperationTable } from '../../../shared/execute';
import { subtitleFor } from '../../../shared/kit';

import { listSearch, loadOptions } from './methods';
import { contactDescription, contactHandlers } from './resources/contact';
import {
	registerDescription,
	registerHandlers,
	registerResourceOptions,
} from './resources/registers';
import { taskDescription, taskHandlers } from './resources/task';
import {
	taskAttachmentDescription,
	taskAttachmentHandlers,
	taskChecklistDescription,
	taskChecklistHandlers,
	taskCommentDescription,
	taskCommentHandlers,
} from './resources/taskParts';
import {
	timeReportDescription,
	timeReportHandlers,
	userDayStatisticDescription,
	userDayStatisticHandlers,
} from './resources/timeReport';

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

const properties: INodeTypeDescription['properties'] = [
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
];

/**
 * n8n's node picker merges a trigger into the action node of the same name and shows the *trigger's*
 * description for both (editor-ui useActionsGeneration: "default to trigger description"). Both nodes
 * therefore carry one description that says what the pair does.
 */
export const BLIKK_DESCRIPTION =
	'Log time, manage tasks, contacts and time reports in Blikk (field service and construction), and start workflows when they change';

export class Blikk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Blikk',
		name: 'blikk',
		icon: { light: 'file:blikk.svg', dark: 'file:blikk.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleFor(properties),
		description: BLIKK_DESCRIPTION,
		defaults: { name: 'Blikk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'psaBlikkApi', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, handlers);
	}
}
