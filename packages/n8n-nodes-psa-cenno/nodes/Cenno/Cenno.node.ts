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

/**
 * resource → operation → handler, run by the shared execute loop (from the declarations in
 * actions/).
 */
const OPERATIONS = operationTable(RESOURCES);

const PROPERTIES: INodeProperties[] = resourceProperties(RESOURCES, 'timeEntry');

/**
 * n8n's node picker merges a trigger into the action node of the same name and shows the
 * *trigger's* description for both (editor-ui useActionsGeneration). Both nodes carry one
 * description of the pair.
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
