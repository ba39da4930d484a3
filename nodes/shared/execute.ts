import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** One operation of an action node, run for one input item. */
export type OperationHandler = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<IDataObject | IDataObject[] | INodeExecutionData[]>;

/** resource → operation → handler. */
export type OperationTable = Record<string, Record<string, OperationHandler>>;

/** The error to throw from a catch block: our n8n errors unchanged, anything else wrapped with the item. */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return new NodeApiError(node, error as unknown as JsonObject);
	if (error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, itemIndex === undefined ? {} : { itemIndex });
}

function isExecutionData(value: unknown): value is INodeExecutionData {
	return !!value && typeof value === 'object' && typeof (value as INodeExecutionData).json === 'object' && 'pairedItem' in (value as object);
}

/**
 * The execute() loop every action node shares: per item, find the resource/operation handler, run it,
 * pair each output record with its input item, and honour Continue On Fail (the failed item carries
 * `error` and the rest go on). Handlers may return records, or ready items with their own pairing.
 */
export async function executeOperations(this: IExecuteFunctions, table: OperationTable): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const resource = this.getNodeParameter('resource', i) as string;
			const operation = this.getNodeParameter('operation', i) as string;
			const handler = table[resource]?.[operation];
			if (!handler) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`, { itemIndex: i });
			}
			const result = await handler.call(this, i);
			const list = Array.isArray(result) ? result : [result];
			for (const entry of list) {
				out.push(isExecutionData(entry) ? entry : { json: entry as IDataObject, pairedItem: { item: i } });
			}
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
