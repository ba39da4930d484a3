import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { executeOperations } from '../../../shared/execute';
import { subtitleFor } from '../../../shared/kit';
import { operationTable, resourceProperties } from '../../../shared/operation';
import { RESOURCES } from './actions';
import { flush } from './engine';
import { listSearch } from './methods';

/**
 * resource → operation → handler, run by the shared execute loop (asynchronous writes via `flush`).
 */
const OPERATIONS = operationTable(RESOURCES);

const properties: INodeProperties[] = resourceProperties(RESOURCES, 'task');

/**
 * n8n's node picker merges a trigger into the action node of the same name and shows the
 * *trigger's* description for both (editor-ui useActionsGeneration). Both nodes carry one
 * description of the pair.
 */
export const SMENSO_DESCRIPTION =
	'Log time, record absences and manage projects, tasks, status reports, comments and files in smenso (waits for its asynchronous saves), and start workflows when they change';

export class Smenso implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'smenso',
		name: 'smenso',
		icon: { light: 'file:smenso.svg', dark: 'file:smenso.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleFor(properties),
		description: SMENSO_DESCRIPTION,
		defaults: { name: 'smenso' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'psaSmensoApi', required: true }],
		properties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, OPERATIONS, { batch: { flush } });
	}
}
