/**
 * Shared set-up for the Resource Management in-process tests: one sandbox per test file, the node and
 * credential classes, and small wrappers around the harness.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ResourceManagementApi } from '../../packages/n8n-nodes-psa-resource-management/credentials/ResourceManagementApi.credentials';
import { ResourceManagement } from '../../packages/n8n-nodes-psa-resource-management/nodes/ResourceManagement/ResourceManagement.node';
import { ResourceManagementTrigger } from '../../packages/n8n-nodes-psa-resource-management/nodes/ResourceManagement/ResourceManagementTrigger.node';
import { resetPacers } from '../../packages/shared/limiter';
import { runLoadOptions, runNode } from '../harness/inprocess';
import { checkOutputSchema } from '../harness/schema';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { create } = require('../../sandbox/rm/index.js');

export interface RmSandbox {
	url: string;
	token: string;
	config: IDataObject;
	listen(port?: number): Promise<string>;
	close(): Promise<void>;
	reset(): void;
	addFault(spec: IDataObject): void;
	stats: {
		requests: number;
		rateLimited: number;
		byRoute: Record<string, number>;
		byStatus: Record<string, number>;
		log: IDataObject[];
	};
	resetStats(): void;
	state(): Record<string, IDataObject[]>;
	deliveries(): IDataObject[];
	/** Non-GET requests that reached a route handler, with their bodies. */
	writes(): Array<{ method: string; path: string; query: IDataObject; body: IDataObject }>;
	demoCredential(): { type: string; name: string; data: IDataObject };
}

export function startSandbox(options: IDataObject = {}): {
	sandbox: () => RmSandbox;
	credentials: () => IDataObject;
} {
	let sandbox: RmSandbox;
	beforeAll(async () => {
		sandbox = create(options);
		await sandbox.listen(0);
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => {
		sandbox.reset();
		resetPacers();
	});
	return {
		sandbox: () => sandbox,
		credentials: () => sandbox.demoCredential().data,
	};
}

export const credentialTypes = [new ResourceManagementApi()];

export async function run(
	credentials: IDataObject,
	parameters: INodeParameters,
	input?: IDataObject[],
	continueOnFail = false,
): Promise<{ items: INodeExecutionData[]; json: IDataObject[]; error?: Error }> {
	const result = await runNode({
		nodeType: new ResourceManagement(),
		parameters,
		credentials: { psaResourceManagementApi: credentials as never },
		credentialTypes,
		input,
		continueOnFail,
	});
	const items = result.items[0] ?? [];
	const json = items.map((i) => i.json);
	// Every output is checked against the operation's committed output schema (PSA_WRITE_SCHEMAS=1 writes it).
	if (
		!result.error &&
		typeof parameters.resource === 'string' &&
		typeof parameters.operation === 'string'
	) {
		checkOutputSchema('ResourceManagement', parameters.resource, parameters.operation, json);
	}
	return { items, json, error: result.error };
}

/** Runs and throws the node error, for tests that expect success. */
export async function ok(
	credentials: IDataObject,
	parameters: INodeParameters,
	input?: IDataObject[],
): Promise<IDataObject[]> {
	const r = await run(credentials, parameters, input);
	if (r.error) throw r.error;
	return r.json;
}

export async function fails(
	credentials: IDataObject,
	parameters: INodeParameters,
	input?: IDataObject[],
): Promise<Error & { httpCode?: string; description?: string }> {
	const r = await run(credentials, parameters, input);
	if (!r.error) throw new Error(`expected an error, got ${JSON.stringify(r.json).slice(0, 300)}`);
	return r.error as Error & { httpCode?: string };
}

export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

export async function loadOptions(
	credentials: IDataObject,
	kind: 'loadOptions' | 'listSearch',
	method: string,
	parameters: INodeParameters = {},
	filter?: string,
) {
	return await runLoadOptions({
		nodeType: new ResourceManagement(),
		kind,
		method,
		parameters,
		credentials: { psaResourceManagementApi: credentials as never },
		credentialTypes,
		filter,
	});
}

export { ResourceManagement, ResourceManagementTrigger, ResourceManagementApi };
