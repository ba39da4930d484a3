import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations } from '../../../shared/execute';
import {
	operationTable,
	resourceProperties,
	type ResourceDefinition,
} from '../../../shared/operation';
import { subtitleFor } from '../../../shared/kit';
import { listSearch, loadOptions } from './methods';
import { approval } from './resources/approval';
import { assignable } from './resources/assignable';
import { assignment } from './resources/assignment';
import { availability } from './resources/availability';
import { billRate } from './resources/billRate';
import { budgetItem } from './resources/budgetItem';
import { budgetItemCategory } from './resources/budgetItemCategory';
import { toResource, type ResourceModule } from './resources/common';
import { customField } from './resources/customField';
import { customFieldValue } from './resources/customFieldValue';
import { expenseItem } from './resources/expenseItem';
import { holiday } from './resources/holiday';
import { discipline, leaveType, role } from './resources/lookups';
import { phase } from './resources/phase';
import { placeholderResource } from './resources/placeholderResource';
import { project } from './resources/project';
import { report } from './resources/report';
import { statusOption } from './resources/statusOption';
import { subtask } from './resources/subtask';
import { tag } from './resources/tag';
import { timeEntry } from './resources/timeEntry';
import { user } from './resources/user';
import { userStatus } from './resources/userStatus';
import { webhook } from './resources/webhook';

const MAIN = [NodeConnectionTypes.Main];

/** One file per resource under resources/ (tag.ts is the worked example of the one operation shape). */
const MODULES: Array<ResourceModule | ResourceDefinition> = [
	approval,
	assignable,
	assignment,
	availability,
	billRate,
	budgetItem,
	budgetItemCategory,
	customField,
	customFieldValue,
	discipline,
	expenseItem,
	holiday,
	leaveType,
	phase,
	placeholderResource,
	project,
	report,
	role,
	statusOption,
	subtask,
	tag,
	timeEntry,
	user,
	userStatus,
	webhook,
];
const RESOURCES: ResourceDefinition[] = MODULES.map((m) => ('operations' in m ? m : toResource(m)));

/** resource → operation → handler, run by the shared execute loop. */
export const OPERATIONS = operationTable(RESOURCES);

const properties: INodeProperties[] = resourceProperties(RESOURCES, 'timeEntry');

/**
 * n8n's node picker merges a trigger into the action node of the same name and shows the *trigger's*
 * description for both (editor-ui useActionsGeneration). Both nodes carry one description of the pair.
 */
export const RM_DESCRIPTION =
	'Log time, submit it for approval, staff projects and manage people in Resource Management by Smartsheet (10,000ft), and start workflows when they change';

export class ResourceManagement implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Resource Management by Smartsheet (10,000ft)',
		name: 'resourceManagement',
		icon: { light: 'file:resourcemanagement.svg', dark: 'file:resourcemanagement.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleFor(properties),
		description: RM_DESCRIPTION,
		defaults: { name: 'Resource Management' },
		usableAsTool: true,
		inputs: MAIN,
		outputs: MAIN,
		credentials: [{ name: 'psaResourceManagementApi', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, OPERATIONS);
	}
}
