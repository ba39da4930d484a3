import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

const MAIN = [NodeConnectionTypes.Main];

import { listSearch, loadOptions } from './methods';
import { approval, expenseItem, timeEntry } from './resources/time';
import {
	assignable,
	assignment,
	billRate,
	budgetItem,
	budgetItemCategory,
	phase,
	project,
	subtask,
} from './resources/projects';
import { availability, customField, customFieldValue, placeholderResource, tag, user, userStatus } from './resources/people';
import { discipline, holiday, leaveType, report, role, statusOption, webhook } from './resources/account';
import type { ResourceModule } from './resources/common';
import { asNodeError } from './resources/common';

const MODULES: ResourceModule[] = [
	approval,
	assignable,
	assignment,
	billRate,
	budgetItem,
	budgetItemCategory,
	customField,
	customFieldValue,
	discipline,
	expenseItem,
	holiday,
	leaveType,
	availability,
	userStatus,
	user,
	phase,
	placeholderResource,
	project,
	report,
	role,
	statusOption,
	subtask,
	tag,
	timeEntry,
	webhook,
].sort((a, b) => a.resource.name.localeCompare(b.resource.name));

const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: MODULES.map((m) => m.resource),
	default: 'timeEntry',
};

export class ResourceManagement implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Resource Management by Smartsheet (10,000ft)',
		name: 'resourceManagement',
		icon: { light: 'file:resourcemanagement.svg', dark: 'file:resourcemanagement.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Log time, submit it for approval, staff projects and manage people in Resource Management by Smartsheet (10,000ft)',
		defaults: { name: 'Resource Management' },
		usableAsTool: true,
		inputs: MAIN,
		outputs: MAIN,
		credentials: [{ name: 'resourceManagementApi', required: true }],
		properties: [resourceProperty, ...MODULES.flatMap((m) => m.properties)],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		const handlers = new Map(MODULES.map((m) => [m.resource.value as string, m.handlers]));
		for (let i = 0; i < items.length; i++) {
			try {
				const resource = this.getNodeParameter('resource', i) as string;
				const operation = this.getNodeParameter('operation', i) as string;
				const handler = handlers.get(resource)?.[operation];
				if (!handler) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for "${resource}"`, { itemIndex: i });
				const result = await handler(this, i);
				const records: IDataObject[] = Array.isArray(result) ? result : [result];
				for (const json of records) out.push({ json, pairedItem: { item: i } });
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
