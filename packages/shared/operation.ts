import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationHandler, OperationTable } from './execute';
import { runAsRead } from './rehearsal';

/**
 * The one shape of an operation, for every vendor (after n8n's Airtable v2 `actions/<resource>/<op>
 * .operation.ts` + `router.ts`, with the dropdowns derived from the declarations as our Resource
 * Management modules did): an operation is declared once, with its dropdown entry, its fields,
 * whether it only reads, and its handler. Its output schema sits by convention in
 * `__schema__/v1.0.0/<resource>/<operation>.json` beside the node. The node's Resource and
 * Operation dropdowns and the router (resource → operation → handler) are built from these
 * declarations, so an operation cannot be listed without a handler or the reverse.
 */
export interface OperationDefinition {
	/** Parameter value (`create`, `getAll`, `logTime`). */
	value: string;
	/** Dropdown label (`Create`, `Get Many`). */
	name: string;
	/** The action label n8n shows in the node picker and the AI-tool list (`Create a task`). */
	action: string;
	description?: string;
	/**
	 * Changes nothing on the server, whatever HTTP method it uses (a report sent as POST, say): the
	 * execute loop's checking pass never stops on it, it finishes there, and a failed request is
	 * never reported as "may have been applied".
	 */
	readOnly: boolean;
	/** Fields of this operation only, each with its own displayOptions (`show(resource, value)`). */
	properties?: INodeProperties[];
	handler: OperationHandler;
}

export interface ResourceDefinition {
	/** Parameter value (`timeEntry`) and dropdown label (`Time Entry`). */
	value: string;
	name: string;
	description?: string;
	/** The operation chosen when the resource is picked. */
	defaultOperation: string;
	operations: OperationDefinition[];
	/** Fields several operations of this resource share (each with its own displayOptions). */
	properties?: INodeProperties[];
}

/** Declares one operation (typed; nothing else). */
export const defineOperation = (definition: OperationDefinition): OperationDefinition => definition;

/** Declares one resource; throws at load time when the declaration contradicts itself. */
export function defineResource(definition: ResourceDefinition): ResourceDefinition {
	const values = definition.operations.map((o) => o.value);
	const twice = values.find((v, i) => values.indexOf(v) !== i);
	if (twice) throw new Error(`Resource ${definition.value} declares the operation ${twice} twice`);
	if (!values.includes(definition.defaultOperation)) {
		throw new Error(
			`Resource ${definition.value}: default operation ${definition.defaultOperation} is not declared`,
		);
	}
	return definition;
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/** The Operation dropdown of one resource, options sorted by name (as n8n's lint demands). */
function operationDropdown(resource: ResourceDefinition): INodeProperties {
	const options: INodePropertyOptions[] = resource.operations
		.map((o) => ({
			name: o.name,
			value: o.value,
			action: o.action,
			...(o.description ? { description: o.description } : {}),
		}))
		.sort(byName);
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options,
		default: resource.defaultOperation,
	};
}

/**
 * A node's properties from its resources: the Resource dropdown (sorted by name), then per resource
 * its Operation dropdown, its shared fields and each operation's fields, in declaration order.
 */
export function resourceProperties(
	resources: ResourceDefinition[],
	defaultResource: string,
): INodeProperties[] {
	if (!resources.some((r) => r.value === defaultResource))
		throw new Error(`Default resource ${defaultResource} is not declared`);
	const sorted = [...resources].sort(byName);
	const resourceDropdown: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: sorted.map((r) => ({
			name: r.name,
			value: r.value,
			...(r.description ? { description: r.description } : {}),
		})),
		default: defaultResource,
	};
	return [
		resourceDropdown,
		...sorted.flatMap((r) => [
			operationDropdown(r),
			...(r.properties ?? []),
			...r.operations.flatMap((o) => o.properties ?? []),
		]),
	];
}

/** The router: resource → operation → handler, for the shared execute loop. */
export function operationTable(resources: ResourceDefinition[]): OperationTable {
	const table: OperationTable = {};
	for (const r of resources) {
		if (table[r.value]) throw new Error(`Resource ${r.value} is declared twice`);
		table[r.value] = Object.fromEntries(r.operations.map((o) => [o.value, readOnlyAware(o)]));
	}
	return table;
}

/** resource → operation → whether it only reads (for tests and docs). */
export function readOnlyTable(
	resources: ResourceDefinition[],
): Record<string, Record<string, boolean>> {
	return Object.fromEntries(
		resources.map((r) => [
			r.value,
			Object.fromEntries(r.operations.map((o) => [o.value, o.readOnly])),
		]),
	);
}

/** A read-only operation's handler runs as a read: every request it sends counts as one. */
function readOnlyAware(operation: OperationDefinition): OperationHandler {
	if (!operation.readOnly) return operation.handler;
	const handler = operation.handler;
	return async function (this, itemIndex) {
		return await runAsRead(this, async () => await handler.call(this, itemIndex));
	};
}
