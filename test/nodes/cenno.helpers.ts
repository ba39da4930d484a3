/** Shared set-up for the Cenno in-process tests: the sandbox, the node classes, run helpers, secret checks. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CennoApi } from '../../packages/n8n-nodes-psa-cenno/credentials/CennoApi.credentials';
import { Cenno } from '../../packages/n8n-nodes-psa-cenno/nodes/Cenno/Cenno.node';
import { CennoTrigger } from '../../packages/n8n-nodes-psa-cenno/nodes/Cenno/CennoTrigger.node';
import { runLoadOptions, runNode, runPoll } from '../harness/inprocess';
import { checkOutputSchema } from '../harness/schema';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { create } = require('../../sandbox/cenno');

export interface CennoState {
	companies: IDataObject[];
	users: IDataObject[];
	projects: IDataObject[];
	categories: IDataObject[];
	items: IDataObject[];
	time_entries: IDataObject[];
	nextId: Record<string, number>;
}

export interface CennoSandbox {
	url: string;
	config: IDataObject;
	stats: {
		requests: number;
		byRoute: Record<string, number>;
		byStatus: Record<string, number>;
		log: Array<{ method: string; path: string; status: number }>;
	};
	listen(): Promise<string>;
	close(): Promise<void>;
	reset(): void;
	addFault(spec: IDataObject): void;
	clearFaults(): void;
	state(): CennoState;
	/** API writes that reached the sandbox's handlers, with their bodies. */
	received(): Array<{ method: string; path: string; body: IDataObject | null }>;
	demoCredential(): { type: string; name: string; data: IDataObject };
}

export const API_KEY = 'cenno-sandbox-key';
export const SECRET_FIELDS = [
	'crypted_password',
	'password_salt',
	'persistence_token',
	'perishable_token',
	'token',
];

export function createCennoSandbox(options: IDataObject = {}): CennoSandbox {
	return create(options) as CennoSandbox;
}

export const credentialTypes = [new CennoApi()];

export function credentialsFor(sandbox: CennoSandbox, extra: IDataObject = {}) {
	return {
		psaCennoApi: {
			connection: 'customUrl',
			account: '',
			baseUrl: `${sandbox.url}/api`,
			apiKey: API_KEY,
			...extra,
		},
	};
}

/**
 * Runs the Cenno node in-process. Every successful output is checked against the operation's output
 * schema (nodes/Cenno/__schema__; `PSA_WRITE_SCHEMAS=1` writes them instead).
 */
export async function run(
	sandbox: CennoSandbox,
	parameters: INodeParameters,
	input?: IDataObject[],
	options: {
		continueOnFail?: boolean;
		credentials?: IDataObject;
		timezone?: string;
		noCredential?: boolean;
	} = {},
) {
	const result = await runNode({
		nodeType: new Cenno(),
		parameters,
		credentialTypes,
		credentials: options.noCredential ? {} : credentialsFor(sandbox, options.credentials),
		input,
		continueOnFail: options.continueOnFail,
		timezone: options.timezone,
	});
	if (!result.error) {
		const { resource, operation } = result.node.parameters as {
			resource: string;
			operation: string;
		};
		checkOutputSchema(
			'Cenno',
			resource,
			operation,
			(result.items[0] ?? []).map((i) => i.json),
		);
	}
	return result;
}

export function poll(
	sandbox: CennoSandbox,
	parameters: INodeParameters,
	staticData?: IDataObject,
	mode: 'trigger' | 'manual' = 'trigger',
) {
	return runPoll({
		nodeType: new CennoTrigger(),
		parameters,
		credentialTypes,
		credentials: credentialsFor(sandbox),
		staticData,
		mode,
	});
}

export function loadOptions(
	sandbox: CennoSandbox,
	kind: 'loadOptions' | 'listSearch',
	method: string,
	parameters: INodeParameters = {},
	filter?: string,
	nodeType: 'action' | 'trigger' = 'action',
	withCredential = true,
) {
	return runLoadOptions({
		nodeType: nodeType === 'action' ? new Cenno() : new CennoTrigger(),
		kind,
		method,
		parameters,
		credentialTypes,
		credentials: withCredential ? credentialsFor(sandbox) : {},
		filter,
	});
}

export const rl = (value: string | number, mode = 'id') => ({
	__rl: true,
	mode,
	value: String(value),
});

/**
 * Every secret value of every /users record in the sandbox (hashes, salts, tokens), to search outputs for:
 * a stripped key is not enough if the value came through under another name.
 */
export function userSecrets(sandbox: CennoSandbox): string[] {
	return sandbox
		.state()
		.users.flatMap((u) => SECRET_FIELDS.map((k) => u[k]))
		.filter((v): v is string => typeof v === 'string' && v.length >= 6);
}

/** Fails with the offending key or value when anything secret is in `output`. */
export function expectNoSecrets(sandbox: CennoSandbox, output: unknown): void {
	const text = JSON.stringify(output) ?? '';
	for (const key of [...SECRET_FIELDS, 'password', 'salt']) {
		expect(text).not.toMatch(new RegExp(`"[a-z_]*${key}[a-z_]*"\\s*:`));
	}
	for (const secret of userSecrets(sandbox)) expect(text).not.toContain(secret);
	expect(text).not.toContain(API_KEY);
	expect(text).not.toContain(Buffer.from(`${API_KEY}:`).toString('base64'));
}
