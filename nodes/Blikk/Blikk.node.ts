import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

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
import { asNodeError, type Handler } from './resources/util';

const handlers: Record<string, Record<string, Handler>> = {
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
		credentials: [{ name: 'blikkApi', required: true }],
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
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const resource = this.getNodeParameter('resource', i) as string;
				const operation = this.getNodeParameter('operation', i) as string;
				const handler = handlers[resource]?.[operation];
				if (!handler) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`, { itemIndex: i });
				const result = await handler.call(this, i);
				if (Array.isArray(result) && result.length && typeof (result[0] as INodeExecutionData).json === 'object' && 'pairedItem' in (result[0] as INodeExecutionData)) {
					out.push(...(result as INodeExecutionData[]));
				} else {
					const rows = (Array.isArray(result) ? result : [result]) as IDataObject[];
					out.push(...rows.map((json) => ({ json, pairedItem: { item: i } })));
				}
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw asNodeError(this.getNode(), error, i);
			}
		}
		return [out];
	}
}
