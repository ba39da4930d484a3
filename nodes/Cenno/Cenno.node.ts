import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { listSearch, loadOptions } from './methods';
import { categoryDescription, categoryOperations } from './resources/category';
import type { Handler } from './resources/common';
import { companyDescription, companyOperations } from './resources/company';
import { itemDescription, itemOperations } from './resources/item';
import { projectDescription, projectOperations } from './resources/project';
import { timeEntryDescription, timeEntryOperations } from './resources/timeEntry';
import { userDescription, userOperations } from './resources/user';

const OPERATIONS: Record<string, Record<string, Handler>> = {
	category: categoryOperations,
	company: companyOperations,
	item: itemOperations,
	project: projectOperations,
	timeEntry: timeEntryOperations,
	user: userOperations,
};

export class Cenno implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cenno',
		name: 'cenno',
		icon: { light: 'file:cenno.svg', dark: 'file:cenno.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Log time and read projects, items, users and companies in Cenno',
		defaults: { name: 'Cenno' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cennoApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Category', value: 'category' },
					{ name: 'Company', value: 'company' },
					{ name: 'Item', value: 'item' },
					{ name: 'Project', value: 'project' },
					{ name: 'Time Entry', value: 'timeEntry' },
					{ name: 'User', value: 'user' },
				],
				default: 'timeEntry',
			},
			...categoryDescription,
			...companyDescription,
			...itemDescription,
			...projectDescription,
			...timeEntryDescription,
			...userDescription,
		],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const resource = this.getNodeParameter('resource', i) as string;
				const operation = this.getNodeParameter('operation', i) as string;
				const handler = OPERATIONS[resource]?.[operation];
				if (!handler) {
					throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for "${resource}"`, { itemIndex: i });
				}
				const result = await handler.call(this, i);
				const records: IDataObject[] = Array.isArray(result) ? result : [result];
				for (const json of records) out.push({ json, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				// Both constructors hand back an error that is already of their class unchanged.
				if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			}
		}
		return [out];
	}
}
