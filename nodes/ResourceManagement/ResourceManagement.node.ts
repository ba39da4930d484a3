import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations, type OperationTable } from '../shared/execute';

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

/** RM handlers take the context as an argument; the shared loop calls them with `this`. */
const OPERATIONS: OperationTable = Object.fromEntries(
	MODULES.map((m) => [
		m.resource.value as string,
		Object.fromEntries(
			Object.entries(m.handlers).map(([operation, handler]) => [
				operation,
				async function (this: IExecuteFunctions, i: number) {
					return await handler(this, i);
				},
			]),
		),
	]),
);

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
		credentials: [{ name: 'psaResourceManagementApi', required: true }],
		properties: [resourceProperty, ...MODULES.flatMap((m) => m.properties)],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, OPERATIONS);
	}
}
