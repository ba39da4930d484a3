import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations } from '../../../shared/execute';
import { subtitleFor } from '../../../shared/kit';
import { operationTable, resourceProperties } from '../../../shared/operation';
import { RESOURCES } from './actions';
import { listSearch, loadOptions } from './methods';

const MAIN = [NodeConnectionTypes.Main];

/**
 * resource → operation → handler, run by the shared execute loop (read-only operations as reads).
 */
const OPERATIONS = operationTable(RESOURCES);

/** The Resource and Operation dropdowns and every field, from the declarations in actions/. */
const properties: INodeProperties[] = resourceProperties(RESOURCES, 'timeEntry');

/**
 * n8n's node picker merges a trigger into the action node of the same name and shows the
 * *trigger's* description for both (editor-ui useActionsGeneration). Both nodes carry one
 * description of the pair.
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
