/** Shared set-up for the smenso in-process tests: one sandbox, the node classes, a run helper. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SmensoApi } from '../../packages/n8n-nodes-psa-smenso/credentials/SmensoApi.credentials';
import { Smenso } from '../../packages/n8n-nodes-psa-smenso/nodes/Smenso/Smenso.node';
import { SmensoTrigger } from '../../packages/n8n-nodes-psa-smenso/nodes/Smenso/SmensoTrigger.node';
import { runLoadOptions, runNode, runPoll } from '../harness/inprocess';
import { checkOutputSchema } from '../harness/schema';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { create } = require('../../sandbox/smenso');

export interface SmensoSandbox {
	url: string;
	config: IDataObject;
	counters: {
		ticketsCreated: number;
		recordsReceived: number;
		writes: number;
		timezones: Record<string, number>;
		timezoneIds: Record<string, number>;
		/** Accept headers of attachment downloads, in order. */
		downloadAccepts: string[];
		/** The options of the last create-from-template request. */
		templateOptions: IDataObject | null;
	};
	stats: {
		requests: number;
		byRoute: Record<string, number>;
		byStatus: Record<string, number>;
		rateLimited: number;
		log: Array<{ method: string; path: string; status: number }>;
	};
	listen(): Promise<string>;
	close(): Promise<void>;
	reset(): void;
	addFault(spec: IDataObject): void;
	baseUrl(): string;
	state(): {
		[key: string]: IDataObject[];
		members: IDataObject[];
		absenceTypes: IDataObject[];
		phases: IDataObject[];
		types: IDataObject[];
		projects: IDataObject[];
		tasks: IDataObject[];
		timeRecords: IDataObject[];
		absences: IDataObject[];
		statusReports: IDataObject[];
		statusReportTemplates: IDataObject[];
		views: IDataObject[];
	};
	flushTickets(): void;
	demoCredential(): { type: string; name: string; data: IDataObject };
}

export function createSmensoSandbox(options: IDataObject = {}): SmensoSandbox {
	return create({ ticketDelayMs: 50, ...options }) as SmensoSandbox;
}

export const credentialTypes = [new SmensoApi()];

export function credentialsFor(sandbox: SmensoSandbox, extra: IDataObject = {}) {
	return {
		psaSmensoApi: {
			connection: 'customUrl',
			workspace: '',
			baseUrl: sandbox.baseUrl(),
			token: 'smenso-sandbox-token',
			timezone: 'Europe/Berlin',
			...extra,
		},
	};
}

/** Runs the smenso node in-process; the records it outputs are checked against the operation's output schema. */
export async function run(
	sandbox: SmensoSandbox,
	parameters: IDataObject,
	input?: IDataObject[] | INodeExecutionData[],
	options: { continueOnFail?: boolean; credentials?: IDataObject; timezone?: string } = {},
) {
	const result = await runNode({
		nodeType: new Smenso(),
		parameters: { maxWait: 10, ...parameters } as INodeParameters,
		credentialTypes,
		credentials: credentialsFor(sandbox, options.credentials),
		input,
		continueOnFail: options.continueOnFail,
		timezone: options.timezone,
	});
	if (!result.error && parameters.resource && parameters.operation) {
		checkOutputSchema(
			'Smenso',
			String(parameters.resource),
			String(parameters.operation),
			(result.items[0] ?? []).map((item) => item.json),
		);
	}
	return result;
}

export function poll(
	sandbox: SmensoSandbox,
	parameters: IDataObject,
	staticData?: IDataObject,
	mode: 'trigger' | 'manual' = 'trigger',
) {
	return runPoll({
		nodeType: new SmensoTrigger(),
		parameters: parameters as INodeParameters,
		credentialTypes,
		credentials: credentialsFor(sandbox),
		staticData,
		mode,
	});
}

export function loadOptions(
	sandbox: SmensoSandbox,
	kind: 'loadOptions' | 'listSearch',
	method: string,
	parameters: IDataObject = {},
	filter?: string,
	nodeType: 'action' | 'trigger' = 'action',
) {
	return runLoadOptions({
		nodeType: nodeType === 'action' ? new Smenso() : new SmensoTrigger(),
		kind,
		method,
		parameters: parameters as INodeParameters,
		credentialTypes,
		credentials: credentialsFor(sandbox),
		filter,
	});
}

export const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });

/** Requests that reached the sandbox's write routes (POST/PUT/DELETE on /integration/). */
export function writesSent(sandbox: SmensoSandbox): number {
	return sandbox.stats.log.filter(
		(entry) => entry.method !== 'GET' && entry.path.includes('/integration/'),
	).length;
}
