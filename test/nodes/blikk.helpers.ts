/** Shared set-up for the Blikk in-process tests: sandbox, credentials, run wrappers. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { BlikkApi } from '../../packages/n8n-nodes-psa-blikk/credentials/BlikkApi.credentials';
import { Blikk } from '../../packages/n8n-nodes-psa-blikk/nodes/Blikk/Blikk.node';
import { BlikkTrigger } from '../../packages/n8n-nodes-psa-blikk/nodes/Blikk/BlikkTrigger.node';
import { resetPacers } from '../../packages/shared/limiter';
import { CredentialStore, runLoadOptions, runNode, runPoll } from '../harness/inprocess';
import { checkOutputSchema } from '../harness/schema';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { create } = require('../../sandbox/blikk') as {
	create: (options?: IDataObject) => BlikkSandbox;
};

export interface BlikkSandbox {
	url: string;
	config: IDataObject;
	stats: {
		requests: number;
		byStatus: Record<string, number>;
		byRoute: Record<string, number>;
		rateLimited: number;
		log: Array<{ t: number; method: string; path: string; status: number }>;
	};
	listen(port?: number): Promise<string>;
	close(): Promise<void>;
	reset(): void;
	resetStats(): void;
	addFault(spec: IDataObject): void;
	store(): {
		contacts: IDataObject[];
		tasks: IDataObject[];
		timeReports: IDataObject[];
		projects: IDataObject[];
		users: IDataObject[];
		comments: IDataObject[];
		checklists: IDataObject[];
		attachments: IDataObject[];
		taskBoards: IDataObject[];
		registers: Record<string, IDataObject[]>;
	};
	tokens: Map<string, { appId: string; expiresAt: number }>;
	demoCredential(): { type: string; name: string; data: IDataObject };
}

export function createBlikkSandbox(options: IDataObject = {}): BlikkSandbox {
	return create(options);
}

export function blikkCredentials(sandbox: BlikkSandbox, overrides: IDataObject = {}): IDataObject {
	return {
		applicationId: 'sandbox-app',
		applicationSecret: 'sandbox-secret',
		baseUrl: sandbox.url,
		accessToken: '',
		tokenExpires: '',
		...overrides,
	};
}

/** A credential store per test so tokens are shared across runs only when a test wants it. */
export function storeFor(sandbox: BlikkSandbox, overrides: IDataObject = {}): CredentialStore {
	return new CredentialStore({ psaBlikkApi: blikkCredentials(sandbox, overrides) as never });
}

export const rl = (value: string | number, mode: 'id' | 'list' = 'id') => ({
	__rl: true,
	mode,
	value: String(value),
});

export async function run(
	sandbox: BlikkSandbox,
	parameters: INodeParameters,
	extra: { input?: IDataObject[]; continueOnFail?: boolean; store?: CredentialStore } = {},
) {
	const result = await runNode({
		nodeType: new Blikk(),
		parameters,
		credentials: extra.store ?? storeFor(sandbox),
		credentialTypes: [new BlikkApi()],
		input: extra.input,
		continueOnFail: extra.continueOnFail,
	});
	// Every output is checked against the operation's committed output schema (PSA_WRITE_SCHEMAS=1 writes it).
	if (
		!result.error &&
		typeof parameters.resource === 'string' &&
		typeof parameters.operation === 'string'
	) {
		checkOutputSchema(
			'Blikk',
			parameters.resource,
			parameters.operation,
			(result.items[0] ?? []).map((i) => i.json),
		);
	}
	return result;
}

export async function poll(
	sandbox: BlikkSandbox,
	event: string,
	staticData: IDataObject | undefined,
	store: CredentialStore,
	mode: 'trigger' | 'manual' = 'trigger',
) {
	return await runPoll({
		nodeType: new BlikkTrigger(),
		parameters: { event },
		credentials: store,
		credentialTypes: [new BlikkApi()],
		staticData,
		mode,
	});
}

const loadStores = new WeakMap<object, CredentialStore>();

/** Dropdowns and searches, sharing one saved credential (token) per sandbox, as the editor does. */
export async function load(
	sandbox: BlikkSandbox,
	kind: 'loadOptions' | 'listSearch',
	method: string,
	filter?: string,
	paginationToken?: string,
	credentials?: CredentialStore,
) {
	let store = credentials ?? loadStores.get(sandbox);
	if (!store) {
		store = storeFor(sandbox);
		loadStores.set(sandbox, store);
	}
	return await runLoadOptions({
		nodeType: new Blikk(),
		kind,
		method,
		filter,
		paginationToken,
		credentials: store,
		credentialTypes: [new BlikkApi()],
		parameters: { resource: 'task', operation: 'create' },
	});
}

export const json = (items: INodeExecutionData[][]) => (items[0] ?? []).map((i) => i.json);

export { resetPacers };
