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
import { categoryDescription, categoryOperations } from './resources/category';
import { companyDescription, companyOperations } from './resources/company';
import { itemDescription, itemOperations } from './resources/item';
import { projectDescription, projectOperations } from './resources/project';
import { timeEntryDescription, timeEntryOperations } from './resources/timeEntry';
import { userDescription, userOperations } from './resources/user';

const OPERATIONS: OperationTable = {
	category: categoryOperations,
	company: companyOperations,
	item: itemOperations,
	project: projectOperations,
	timeEntry: timeEntryOperations,
	user: userOperations,
};

const PROPERTIES: INodeTypeDescription['properties'] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Category', value: 'category' },
			{ name: 'Company', value: 'company' },
			{ name: 'Item (Task)', value: 'item' },
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
];

/**
 * n8n's node picker merges a trigger into the action node of the same name and shows the *trigger's*
 * description for both (editor-ui useActionsGeneration). Both nodes carry one description of the pair.
 */
export const CENNO_DESCRIPTION =
	'Log time (timesheets), read projects, items (tasks), users and companies in Cenno, and start workflows when they change';

export class Cenno implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cenno',
		name: 'cenno',
		icon: { light: 'file:cenno.svg', dark: 'file:cenno.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleFor(PROPERTIES),
		description: CENNO_DESCRIPTION,
		defaults: { name: 'Cenno' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'psaCennoApi', required: true }],
		properties: PROPERTIES,
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, OPERATIONS);
	}
}
