import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations } from '../../../shared/execute';
import { subtitleFor } from '../../../shared/kit';
import { operationTable, resourceProperties } from '../../../shared/operation';
import { RESOURCES } from './actions';
import { listSearch, loadOptions } from './methods';

/** resource → operation → handler, run by the shared execute loop. */
const OPERATIONS = operationTable(RESOURCES);

const properties = resourceProperties(RESOURCES, 'task');

/**
 * n8n's node picker merges a trigger into the action node of the same name and shows the
 * *trigger's* description for both (editor-ui useActionsGeneration: "default to trigger
 * description"). Both nodes therefore carry one description that says what the pair does.
 */
export const BLIKK_DESCRIPTION =
	'Log time, manage tasks, contacts and time reports in Blikk (field service and construction), and start workflows when they change';

export class Blikk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Blikk',
		name: 'blikk',
		icon: { light: 'file:blikk.svg', dark: 'file:blikk.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleFor(properties),
		description: BLIKK_DESCRIPTION,
		defaults: { name: 'Blikk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'psaBlikkApi', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, OPERATIONS);
	}
}
