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
import { approval } from './actions/approval';
import { assignable } from './actions/assignable';
import { assignment } from './actions/assignment';
import { availability } from './actions/availability';
import { billRate } from './actions/billRate';
import { budgetItem } from './actions/budgetItem';
import { budgetItemCategory } from './actions/budgetItemCategory';
import { toResource, type ResourceModule } from './actions/common';
import { customField } from './actions/customField';
import { customFieldValue } from './actions/customFieldValue';
import { expenseItem } from './actions/expenseItem';
import { holiday } from './actions/holiday';
import { discipline, leaveType, role } from './actions/lookups';
import { phase } from './actions/phase';
import { placeholderResource } from './actions/placeholderResource';
import { project } from './actions/project';
import { report } from './actions/report';
import { statusOption } from './actions/statusOption';
import { subtask } from './actions/subtask';
import { tag } from './actions/tag';
import { timeEntry } from './actions/timeEntry';
import { user } from './actions/user';
import { userStatus } from './actions/userStatus';
import { webhook } from './actions/webhook';

const MAIN = [NodeConnectionTypes.Main];

/** One file per resource under actions/ (tag.ts is the worked example of the one operation shape). */
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
