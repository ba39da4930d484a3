/**
 * In-process test harness: runs our node classes through n8n-core's real execution contexts
 * (ExecuteContext via WorkflowExecute.runNode, PollContext, LoadOptionsContext, HookContext,
 * WebhookContext, RoutingNode for credential tests) against local sandbox HTTP servers.
 *
 * Usage (jest, project `unit`):
 *
 *   import { runNode, runPoll, CredentialStore } from '../harness/inprocess';
 *   const { items, error } = await runNode({
 *     nodeType: new Blikk(),
 *     credentialTypes: [new BlikkApi()],
 *     credentials: { psaBlikkApi: { baseUrl: sandbox.url, appId: 'a', appSecret: 's', accessToken: '' } },
 *     parameters: { resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
 *     input: [{ id: 1 }, { id: 2 }],
 *   });
 *
 *   // Credential data persists across runs like n8n's saved credential: passing the same `credentials`
 *   // object (or the same CredentialStore) again reuses the token preAuthentication stored; a new
 *   // object starts fresh. Counting token exchanges:
 *   const store = new CredentialStore({ psaBlikkApi: {...} });
 *   const r1 = await runNode({ ..., credentials: store });
 *   const r2 = await runNode({ ..., credentials: store });
 *   expect(store.preAuthCount('psaBlikkApi')).toBe(1);   // r1.preAuthentications is per run
 *
 *   // Polling triggers: static data round-trips.
 *   const p1 = await runPoll({ nodeType, parameters, credentials, credentialTypes });
 *   const p2 = await runPoll({ ..., staticData: p1.staticData });
 *
 * What is real n8n-core / n8n-workflow:
 * - Workflow (defaults for parameters not given are filled by the Workflow constructor with
 *   NodeHelpers.getNodeParameters, so displayOptions/defaults behave as in the editor), expression
 *   resolution per item ($json, $input, $parameter, …), getNodeParameter validation, static data.
 * - WorkflowExecute.runNode → ExecuteContext (execute); PollContext; LoadOptionsContext; HookContext;
 *   WebhookContext; RoutingNode (credential test); all request helpers: httpRequest and
 *   httpRequestWithAuthentication (preAuthentication, a single re-auth on 401, NodeApiError with the
 *   axios error in `cause`) going over the network through n8n's DI `OutboundHttp` (axios, SSRF
 *   protection off as by default). Binary helpers (prepareBinaryData, getBinaryDataBuffer, …) with
 *   n8n's BinaryDataService in filesystem mode (n8n 2.x's default) in a temp user folder; switch to
 *   the in-memory base64 mode with `setBinaryDataMode('memory')`.
 *
 * What is emulated (n8n's CLI, not part of n8n-core):
 * - TestCredentialsHelper mirrors packages/cli/src/credentials-helper.ts: `authenticate` (generic
 *   headers/qs/body/auth with `={{$credentials.x}}` resolved by n8n-workflow's expression engine, or a
 *   function), `preAuthentication` (runs when the hidden `expirable` field is empty, on
 *   `credentialsExpired`, or in a credential test; persists the result like n8n's DB update),
 *   `getDecrypted` (defaults of the credential properties + expression resolution). Storage is the
 *   in-memory CredentialStore instead of the encrypted DB.
 * - The surrounding workflow engine, around the real WorkflowExecute.runNode and with WorkflowExecute's
 *   own methods where they exist: Retry On Fail (getRetryParams), output processing, paired items
 *   (assignPairedItems), Always Output Data; a thrown error with continueOnFail/onError passes the
 *   input through and is returned in `error` (handleNodeExecutionError). Poll in trigger mode mirrors
 *   n8n 2.x's poll engine: static data changes are kept when the poll returns (items or null) and
 *   discarded when it throws (the staged cursor is not committed).
 * - runCredentialTest mirrors packages/cli/src/services/credentials-tester.service.ts for declarative
 *   `test` requests (and `testedBy` functions via CredentialTestContext when `nodeType` is given).
 * - Webhook requests are a plain object standing in for express's Request (body, headers, query,
 *   params, method); the response object records status/headers/body.
 *
 * Known limits: the input comes from one upstream node named `Start` (`$('Start').item` works, other
 * node names do not); no OAuth2 flows; no credential overwrites/external secrets; runHook,
 * runWebhook and runLoadOptions reject (throw) when the node throws.
 */
import './env';

import { Container } from '@n8n/di';
import {
	BinaryDataConfig,
	BinaryDataService,
	CredentialTestContext,
	ExecuteContext,
	HookContext,
	LoadOptionsContext,
	PollContext,
	RoutingNode,
	WebhookContext,
	WorkflowExecute,
	getAdditionalKeys,
} from 'n8n-core';
import type {
	CredentialInformation,
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsDecrypted,
	ICredentialsExpressionResolveValues,
	ICredentialTestFunction,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IGetDecryptedCredentialsOptions,
	IHttpRequestHelper,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IRunExecutionData,
	ITaskDataConnections,
	IVersionedNodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WebhookType,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	Workflow,
	createRunExecutionData,
	deepCopy,
	getCredentialOwnRequestAllowedDomains,
	isExpression,
	UserError,
} from 'n8n-workflow';
import { randomUUID } from 'crypto';

export { harnessUserFolder } from './env';

/** Package prefix n8n's loader gives our node and credential types. */
export const PACKAGE_NAME = 'n8n-nodes-psa';

// ---------------------------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------------------------

/**
 * The "database" of credentials for one or more runs: holds the stored data per credential type,
 * takes the updates n8n would persist after preAuthentication, and counts preAuthentication calls.
 * Pass the same store to several run* calls to share a token between them (as n8n does).
 */
export class CredentialStore {
	/** Stored (persisted) data per credential type name. */
	readonly data: Record<string, ICredentialDataDecryptedObject> = {};
	/** preAuthentication calls per credential type name (over the life of this store). */
	readonly preAuthCalls: Record<string, number> = {};
	/** How often each credential type's data was written back (after preAuthentication). */
	readonly updates: Record<string, number> = {};
	/** Each preAuthentication call in order: the type and whether n8n called it because of a 401. */
	readonly preAuthLog: Array<{ type: string; expired: boolean; testing: boolean }> = [];

	constructor(initial: Record<string, ICredentialDataDecryptedObject> = {}) {
		for (const [type, value] of Object.entries(initial)) this.data[type] = deepCopy(value);
	}

	preAuthCount(type?: string): number {
		if (type) return this.preAuthCalls[type] ?? 0;
		return Object.values(this.preAuthCalls).reduce((a, b) => a + b, 0);
	}

	/** The stored data of one credential (a copy). */
	get(type: string): ICredentialDataDecryptedObject | undefined {
		return this.data[type] ? deepCopy(this.data[type]) : undefined;
	}

	set(type: string, value: ICredentialDataDecryptedObject): void {
		this.data[type] = deepCopy(value);
	}
}

export type CredentialsInput = Record<string, ICredentialDataDecryptedObject> | CredentialStore;

const storesByRecord = new WeakMap<object, CredentialStore>();

/**
 * The store behind a run's `credentials`: a CredentialStore as given; for a plain record, one store
 * per record object, so passing the same object again is "the same saved credential" (its token from
 * preAuthentication is reused, as n8n persists it), while a fresh object starts from its own data.
 */
export function credentialStoreFor(credentials: CredentialsInput | undefined): CredentialStore {
	if (credentials instanceof CredentialStore) return credentials;
	if (!credentials) return new CredentialStore();
	let store = storesByRecord.get(credentials);
	if (!store) {
		store = new CredentialStore(credentials);
		storesByRecord.set(credentials, store);
	}
	return store;
}

const toStore = credentialStoreFor;

/** ICredentials over the store (what `credentialsHelper.getCredentials` returns in n8n). */
class StoredCredentials implements ICredentials {
	id?: string;
	name: string;
	type: string;
	data: string | undefined;

	constructor(
		private readonly store: CredentialStore,
		details: INodeCredentialsDetails,
		type: string,
	) {
		this.id = details.id ?? undefined;
		this.name = details.name;
		this.type = type;
		this.data = undefined;
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		const data = this.store.data[this.type];
		if (!data) throw new UserError(`Credential "${this.type}" is not in the test credential store`);
		return deepCopy(data);
	}

	getDataToSave() {
		return {
			id: this.id,
			name: this.name,
			type: this.type,
			data: JSON.stringify(this.store.data[this.type] ?? {}),
		};
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.store.data[this.type] = deepCopy(data);
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const current = {
			...(this.store.data[this.type] ?? {}),
			...toUpdate,
		} as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete current[key];
		this.store.data[this.type] = current;
	}
}

const mockNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};
const mockNodeTypes: INodeTypes = {
	getByName: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getByNameAndVersion: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getKnownTypes: () => ({}),
};

/**
 * ICredentialsHelper for tests, following n8n's CLI CredentialsHelper (credentials-helper.ts) in what
 * matters to nodes: authenticate, preAuthentication (+ persistence), getDecrypted with defaults and
 * expressions, parent types, credential properties.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	constructor(
		readonly store: CredentialStore,
		credentialTypes: ICredentialType[] = [],
	) {
		super();
		for (const type of credentialTypes) this.types.set(type.name, type);
	}

	/** preAuthentication calls made through this helper (one run). */
	preAuthentications = 0;

	getCredentialType(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) {
			throw new UnexpectedError(
				`Unknown credential type "${name}": pass its class in \`credentialTypes\` (known: ${[...this.types.keys()].join(', ') || 'none'})`,
			);
		}
		return type;
	}

	getParentTypes(name: string): string[] {
		const type = this.types.get(name);
		if (!type?.extends) return [];
		const parents: string[] = [];
		for (const parent of type.extends) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return parents;
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions & Record<string, unknown>;
		const credentialType = this.getCredentialType(typeName);
		const { authenticate } = credentialType;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (!workflow || !node) {
			throw new UnexpectedError(
				'Workflow and node are required for declarative credential authentication',
			);
		}
		if (requestOptions.headers === undefined) requestOptions.headers = {};
		if (authenticate.type === 'generic') {
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					const keyResolved = this.resolveValue(key, credentials, workflow, node);
					const valueResolved = this.resolveValue(value, credentials, workflow, node);
					if (!requestOptions[outerKey]) requestOptions[outerKey] = {};
					(requestOptions[outerKey] as Record<string, string>)[keyResolved] = valueResolved;
				}
			}
		}
		return requestOptions;
	}

	private resolveValue(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials } as never,
			undefined,
			'',
		);
		if (!resolved) return '';
		return resolved.toString();
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.getCredentialType(typeName);
		const expirableProperty = credentialType.properties.find(
			(property) => property.type === 'hidden' && property?.typeOptions?.expirable === true,
		);
		if (expirableProperty?.name === undefined) return undefined;

		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		if (!(credentials[expirableProperty.name] === '' || credentialsExpired || isTestingCredentials))
			return undefined;

		this.preAuthentications++;
		this.store.preAuthCalls[typeName] = (this.store.preAuthCalls[typeName] ?? 0) + 1;
		this.store.preAuthLog.push({
			type: typeName,
			expired: credentialsExpired,
			testing: isTestingCredentials,
		});

		const output = await credentialType.preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		);
		if (output[expirableProperty.name] === undefined) return undefined;

		if (node.credentials) {
			const nodeCredentials = node.credentials[credentialType.name];
			if (nodeCredentials && this.store.data[typeName]) {
				const storedData = await (await this.getCredentials(nodeCredentials, typeName)).getData();
				const dataToPersist: ICredentialDataDecryptedObject = { ...storedData };
				for (const [key, value] of Object.entries(output)) {
					if (key === expirableProperty.name || !isExpression(storedData[key]))
						dataToPersist[key] = value as CredentialInformation;
				}
				await this.updateCredentials(nodeCredentials, typeName, dataToPersist);
			}
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.getCredentialType(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const output = await credentialType.preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		);
		return (output as ICredentialDataDecryptedObject) ?? undefined;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		return new StoredCredentials(this.store, nodeCredentials, type);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
		_options?: IGetDecryptedCredentialsOptions,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = await (await this.getCredentials(nodeCredentials, type)).getData();
		if (raw === true) return stored;
		return await this.applyDefaultsAndOverwrites(
			additionalData,
			stored,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const properties = this.getCredentialsProperties(type);
		let decryptedData = NodeHelpers.getNodeParameters(
			properties,
			{ ...decryptedDataOriginal } as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (decryptedDataOriginal.oauthTokenData !== undefined)
			decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		if (expressionResolveValues) {
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				(e as Error).message += ' [Error resolving credentials]';
				throw e;
			}
		} else {
			const workflow = new Workflow({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: mockNodeTypes,
			});
			decryptedData = workflow.expression.getComplexParameterValue(
				mockNode,
				decryptedData as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decryptedData,
			) as ICredentialDataDecryptedObject;
		}
		return decryptedData;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const credentials = await this.getCredentials(nodeCredentials, type);
		await credentials.setData(data);
		this.store.updates[type] = (this.store.updates[type] ?? 0) + 1;
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const credentials = await this.getCredentials(nodeCredentials, type);
		await credentials.updateData({ oauthTokenData: data.oauthTokenData as CredentialInformation });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialTypeData = this.getCredentialType(type);
		if (credentialTypeData.extends === undefined) return credentialTypeData.properties;
		const combined: INodeProperties[] = [];
		for (const parent of credentialTypeData.extends) {
			if (this.types.has(parent))
				NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialTypeData.properties);
		return combined;
	}
}

/** As n8n's CLI: the preAuthentication hook only gets `httpRequest`, limited to the credential's domains. */
function restrictToCredentialDomains(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions): Promise<unknown> => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) return await helpers.helpers.httpRequest(requestOptions);
				if (requestOptions.allowedDomains !== undefined) {
					throw new UserError(
						'This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.',
					);
				}
				return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
			},
		},
	} as IHttpRequestHelper;
}

// ---------------------------------------------------------------------------------------------
// Binary data
// ---------------------------------------------------------------------------------------------

let binaryMode: 'filesystem' | 'memory' = 'filesystem';
let binaryReady: Promise<void> | undefined;

/**
 * How binary data is kept. `filesystem` (default, as n8n 2.x runs: items carry an `id`
 * `filesystem-v2:…` and `data: 'filesystem-v2'`, bytes in files under the harness user folder) or
 * `memory` (no manager: bytes as base64 in `data`, as n8n's old "default" mode). Nodes must work with
 * both: read bytes with `this.helpers.getBinaryDataBuffer`, never from `binary.data` directly.
 */
export async function setBinaryDataMode(mode: 'filesystem' | 'memory'): Promise<void> {
	binaryMode = mode;
	binaryReady = undefined;
	await ensureBinaryData();
}

async function ensureBinaryData(): Promise<void> {
	binaryReady ??= (async () => {
		const service = Container.get(BinaryDataService) as unknown as {
			managers: Record<string, unknown>;
			mode: string;
			init(): Promise<void>;
		};
		if (binaryMode === 'memory') {
			service.managers = {};
			return;
		}
		Container.get(BinaryDataConfig).mode = 'filesystem';
		await service.init();
	})();
	await binaryReady;
}

// ---------------------------------------------------------------------------------------------
// Node types, workflow, additional data
// ---------------------------------------------------------------------------------------------

/** Full type name as n8n's loader registers it: `n8n-nodes-psa.<description.name>`. */
export function fullTypeName(nodeType: INodeType | IVersionedNodeType): string {
	const name = nodeType.description.name;
	return name.includes('.') ? name : `${PACKAGE_NAME}.${name}`;
}

function defaultVersion(nodeType: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	const version = nodeType.description.version;
	return Array.isArray(version) ? version[version.length - 1] : version;
}

class TestNodeTypes implements INodeTypes {
	private readonly byName = new Map<string, INodeType | IVersionedNodeType>();

	add(name: string, nodeType: INodeType | IVersionedNodeType) {
		this.byName.set(name, nodeType);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const found = this.byName.get(nodeType);
		if (!found) throw new UnexpectedError(`Unknown node type "${nodeType}"`);
		return found;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}
}

export interface HarnessResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
	ended: boolean;
}

function buildAdditionalData(
	credentialsHelper: ICredentialsHelper,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
) {
	const notSupported = (what: string) => async () => {
		throw new UnexpectedError(`${what} is not supported by the in-process test harness`);
	};
	const additionalData = {
		credentialsHelper,
		executeWorkflow: notSupported('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executionId: `test-${randomUUID()}`,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: notSupported('startRunnerTask'),
		...extra,
	};
	return additionalData as unknown as IWorkflowExecuteAdditionalData;
}

export interface BaseOptions {
	nodeType: INodeType | IVersionedNodeType;
	parameters?: INodeParameters;
	/** Credential data per credential type name, or a CredentialStore to share across runs. */
	credentials?: CredentialsInput;
	credentialTypes?: ICredentialType[];
	nodeName?: string;
	typeVersion?: number;
	/** Node settings as stored in a workflow (alwaysOutputData, retryOnFail, onError, …). */
	nodeSettings?: Partial<INode>;
	/** Workflow timezone (default UTC). */
	timezone?: string;
}

interface Setup {
	workflow: Workflow;
	node: INode;
	nodeTypes: TestNodeTypes;
	store: CredentialStore;
	credentialsHelper: TestCredentialsHelper;
	additionalData: IWorkflowExecuteAdditionalData;
}

/** Name of the upstream node runNode's input appears to come from (`$('Start').item.json`). */
export const START_NODE_NAME = 'Start';
const START_NODE_TYPE = 'n8n-nodes-base.manualTrigger';
const startNodeType = {
	description: {
		displayName: 'Manual Trigger',
		name: START_NODE_TYPE,
		group: ['trigger'],
		version: 1,
		description: 'Stand-in for the node that produced the test input',
		defaults: { name: START_NODE_NAME },
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
	async trigger() {
		return {};
	},
} as unknown as INodeType;

function setup(
	options: BaseOptions,
	staticData?: IDataObject,
	extraAdditional?: Partial<IWorkflowExecuteAdditionalData>,
	withStartNode = false,
): Setup {
	const nodeTypes = new TestNodeTypes();
	nodeTypes.add(START_NODE_TYPE, startNodeType);
	const type = fullTypeName(options.nodeType);
	nodeTypes.add(type, options.nodeType);
	const typeVersion = options.typeVersion ?? defaultVersion(options.nodeType);
	const store = toStore(options.credentials);
	const credentialsHelper = new TestCredentialsHelper(store, options.credentialTypes ?? []);
	const nodeName = options.nodeName ?? 'Test Node';
	if (withStartNode && nodeName === START_NODE_NAME)
		throw new UnexpectedError(`nodeName "${START_NODE_NAME}" is reserved by the harness`);

	const credentials: INode['credentials'] = {};
	for (const credentialType of Object.keys(store.data)) {
		credentials[credentialType] = {
			id: `cred-${credentialType}`,
			name: `${credentialType} (test)`,
		};
	}

	const node: INode = {
		id: 'test-node-id',
		name: nodeName,
		type,
		typeVersion,
		position: [0, 0],
		parameters: deepCopy(options.parameters ?? {}),
		credentials,
		webhookId: 'test-webhook-id',
		...(options.nodeSettings ?? {}),
	};

	const workflowStaticData: IDataObject = {};
	if (staticData) workflowStaticData[`node:${nodeName}`] = deepCopy(staticData);

	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test workflow',
		nodes: withStartNode
			? [
					{
						id: 'start-node-id',
						name: START_NODE_NAME,
						type: START_NODE_TYPE,
						typeVersion: 1,
						position: [-200, 0],
						parameters: {},
					},
					node,
				]
			: [node],
		connections: withStartNode
			? { [START_NODE_NAME]: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } }
			: {},
		active: false,
		nodeTypes,
		staticData: workflowStaticData,
		settings: { timezone: options.timezone ?? 'UTC', executionOrder: 'v1' },
	});
	// The Workflow constructor replaced node.parameters with the full set (defaults filled in).
	const resolvedNode = workflow.getNode(nodeName)!;
	const additionalData = buildAdditionalData(credentialsHelper, extraAdditional);
	return { workflow, node: resolvedNode, nodeTypes, store, credentialsHelper, additionalData };
}

function readStaticData(workflow: Workflow, node: INode): IDataObject {
	const data = workflow.getStaticData('node', node);
	return toPlain(data) as IDataObject;
}

function toPlain<T>(value: T): T {
	if (value === undefined || value === null) return value;
	return JSON.parse(
		JSON.stringify(value, (key, v) => (key === '__dataChanged' ? undefined : v)),
	) as T;
}

async function withIsolate<T>(workflow: Workflow, fn: () => Promise<T>): Promise<T> {
	await ensureBinaryData();
	const acquired = await workflow.expression.acquireIsolate();
	try {
		return await fn();
	} finally {
		if (acquired) await workflow.expression.releaseIsolate();
	}
}

function toError(error: unknown): Error {
	return error instanceof Error ? error : new Error(String(error));
}

/** Items as n8n passes them: `{ json, pairedItem }`; plain objects are wrapped. */
export function toItems(
	input: IDataObject[] | INodeExecutionData[] | undefined,
): INodeExecutionData[] {
	if (input === undefined) return [{ json: {}, pairedItem: { item: 0 } }];
	const isExecutionData = (value: unknown): value is INodeExecutionData =>
		typeof value === 'object' &&
		value !== null &&
		typeof (value as INodeExecutionData).json === 'object' &&
		(value as INodeExecutionData).json !== null &&
		Object.keys(value).every((key) =>
			['json', 'binary', 'pairedItem', 'error', 'index'].includes(key),
		);
	return input.map((entry, index) =>
		isExecutionData(entry)
			? { ...deepCopy(entry), pairedItem: entry.pairedItem ?? { item: index } }
			: { json: deepCopy(entry as IDataObject), pairedItem: { item: index } },
	);
}

// ---------------------------------------------------------------------------------------------
// runNode
// ---------------------------------------------------------------------------------------------

export interface RunNodeOptions extends BaseOptions {
	input?: IDataObject[] | INodeExecutionData[];
	continueOnFail?: boolean;
	mode?: WorkflowExecuteMode;
	staticData?: IDataObject;
}

export interface RunNodeResult {
	items: INodeExecutionData[][];
	error?: Error;
	/** Hints the node added with `this.addExecutionHints`. */
	hints?: unknown[];
	/** How often the node ran (more than 1 with `nodeSettings: { retryOnFail: true }`). */
	tries: number;
	/** preAuthentication calls during this run. */
	preAuthentications: number;
	/** The credential store (stored data after this run, counters). */
	credentials: CredentialStore;
	staticData: IDataObject;
	/** The node as executed (parameters with defaults). */
	node: INode;
}

/** The WorkflowExecute methods runNode uses (public in JS, not all in the typings). */
interface WorkflowExecuteInternals {
	getRetryParams(executeData: IExecuteData): [number, number];
	runNode(
		workflow: Workflow,
		executeData: IExecuteData,
		runExecutionData: IRunExecutionData,
		runIndex: number,
		additionalData: IWorkflowExecuteAdditionalData,
		mode: WorkflowExecuteMode,
	): Promise<{ data?: INodeExecutionData[][] | null; hints?: unknown[] }>;
	processNodeOutput(
		runNodeData: { data?: INodeExecutionData[][] | null },
		workflow: Workflow,
		executeData: IExecuteData,
		taskStartedData: { hints: unknown[] },
		runIndex: number,
	): Promise<{ nodeSuccessData: INodeExecutionData[][] | null | undefined }>;
	assignPairedItems(
		data: INodeExecutionData[][] | null | undefined,
		executeData: IExecuteData,
	): INodeExecutionData[][] | null | undefined;
	ensureAlwaysOutputData(
		data: INodeExecutionData[][] | null | undefined,
		executeData: IExecuteData,
	): INodeExecutionData[][] | null | undefined;
}

/** Runs a node's `execute` as n8n's WorkflowExecute does, with `input` as the items of input 0. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const mode = options.mode ?? 'manual';
	const nodeSettings: Partial<INode> = { ...(options.nodeSettings ?? {}) };
	if (options.continueOnFail) nodeSettings.onError = 'continueRegularOutput';
	const { workflow, node, store, credentialsHelper, additionalData } = setup(
		{ ...options, nodeSettings },
		options.staticData,
		undefined,
		true,
	);
	if (options.continueOnFail) node.continueOnFail = true;

	// The input comes from a real upstream node run, so `$json`, `$input`, `$('Start')` and paired
	// items resolve as in a workflow.
	const inputItems = toItems(options.input);
	const startItems = inputItems.map(({ pairedItem: _pairedItem, ...rest }) => deepCopy(rest));
	const inputData: ITaskDataConnections = { main: [inputItems] };
	const executeData: IExecuteData = {
		node,
		data: inputData,
		source: {
			main: [{ previousNode: START_NODE_NAME, previousNodeOutput: 0, previousNodeRun: 0 }],
		},
	};
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		resultData: {
			runData: {
				[START_NODE_NAME]: [
					{
						startTime: Date.now(),
						executionTime: 0,
						executionIndex: 0,
						source: [],
						data: { main: [startItems] },
					},
				],
			},
			lastNodeExecuted: START_NODE_NAME,
		},
		executionData: { nodeExecutionStack: [executeData] },
	});

	const base = () => ({
		preAuthentications: credentialsHelper.preAuthentications,
		credentials: store,
		staticData: readStaticData(workflow, node),
		node: deepCopy(node),
	});

	// WorkflowExecute.processRunExecutionData's per-node step, with its own methods: Retry On Fail
	// (tries, wait, a first-item `json.error` counts as failure), output processing (error output),
	// paired items, Always Output Data; a thrown error with continueOnFail passes the input through.
	const workflowExecute = new WorkflowExecute(
		additionalData,
		mode,
		runExecutionData,
	) as unknown as WorkflowExecuteInternals;
	const [maxTries, waitBetweenTries] = workflowExecute.getRetryParams(executeData);
	const isErrorValue = (v: unknown) => v !== undefined && v !== null && v !== false;
	let lastError: Error | undefined;
	let tries = 0;
	for (let tryIndex = 0; tryIndex < maxTries; tryIndex++) {
		try {
			if (tryIndex !== 0) {
				lastError = undefined;
				if (waitBetweenTries !== 0)
					await new Promise((resolve) => setTimeout(resolve, waitBetweenTries));
			}
			tries++;
			let runNodeData = await withIsolate(
				workflow,
				async () =>
					await workflowExecute.runNode(
						workflow,
						executeData,
						runExecutionData,
						0,
						additionalData,
						mode,
					),
			);
			while (isErrorValue(runNodeData.data?.[0]?.[0]?.json?.error) && tryIndex !== maxTries - 1) {
				await new Promise((resolve) => setTimeout(resolve, waitBetweenTries));
				tries++;
				runNodeData = await withIsolate(
					workflow,
					async () =>
						await workflowExecute.runNode(
							workflow,
							executeData,
							runExecutionData,
							0,
							additionalData,
							mode,
						),
				);
				tryIndex++;
			}
			const taskStartedData = { hints: [] as unknown[] };
			const output = await workflowExecute.processNodeOutput(
				runNodeData,
				workflow,
				executeData,
				taskStartedData,
				0,
			);
			let items = workflowExecute.assignPairedItems(output.nodeSuccessData, executeData);
			items = workflowExecute.ensureAlwaysOutputData(items, executeData);
			const hints = [...(runNodeData.hints ?? []), ...taskStartedData.hints];
			return { items: items ?? [], hints, tries, ...base() };
		} catch (caught) {
			lastError = toError(caught);
		}
	}
	const error = lastError ?? new UnexpectedError('Node failed');
	if (
		node.continueOnFail === true ||
		['continueRegularOutput', 'continueErrorOutput'].includes(node.onError ?? '')
	) {
		return { items: [inputItems], error, tries, ...base() };
	}
	return { items: [], error, tries, ...base() };
}

// ---------------------------------------------------------------------------------------------
// runPoll
// ---------------------------------------------------------------------------------------------

export interface RunPollOptions extends BaseOptions {
	staticData?: IDataObject;
	mode?: 'trigger' | 'manual';
}

export interface RunPollResult {
	items: INodeExecutionData[][] | null;
	/** Static data as n8n keeps it after this poll (unchanged from the input when the poll threw). */
	staticData: IDataObject;
	/** Static data as the node left it in memory, also when the poll threw. */
	staticDataInMemory: IDataObject;
	error?: Error;
	preAuthentications: number;
	credentials: CredentialStore;
}

/** Runs a polling trigger's `poll` once, in trigger mode (default, as when active) or manual mode. */
export async function runPoll(options: RunPollOptions): Promise<RunPollResult> {
	const mode = options.mode ?? 'trigger';
	const before = deepCopy(options.staticData ?? {});
	const { workflow, node, store, credentialsHelper, additionalData } = setup(
		options,
		options.staticData ?? {},
	);
	const activation: WorkflowActivateMode = mode === 'manual' ? 'manual' : 'activate';
	const context = new PollContext(workflow, node, additionalData, mode, activation);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (!nodeType.poll) throw new UnexpectedError(`Node type "${node.type}" has no poll function`);
	try {
		const items = await withIsolate(workflow, async () => await nodeType.poll!.call(context));
		const staticData = readStaticData(workflow, node);
		return {
			items,
			staticData,
			staticDataInMemory: staticData,
			preAuthentications: credentialsHelper.preAuthentications,
			credentials: store,
		};
	} catch (caught) {
		return {
			items: null,
			error: toError(caught),
			staticData: mode === 'trigger' ? before : readStaticData(workflow, node),
			staticDataInMemory: readStaticData(workflow, node),
			preAuthentications: credentialsHelper.preAuthentications,
			credentials: store,
		};
	}
}

// ---------------------------------------------------------------------------------------------
// runLoadOptions
// ---------------------------------------------------------------------------------------------

export interface RunLoadOptionsOptions extends BaseOptions {
	kind: 'loadOptions' | 'listSearch';
	method: string;
	filter?: string;
	paginationToken?: string;
	/** The parameter path being loaded (e.g. `parameters.projectId`); default `parameters.<method>`. */
	path?: string;
}

/** Calls `methods.loadOptions[method]` or `methods.listSearch[method](filter, paginationToken)`. */
export async function runLoadOptions(options: RunLoadOptionsOptions): Promise<unknown> {
	const { workflow, node, additionalData } = setup(options);
	// n8n passes the editor's current parameters as currentNodeParameters (with defaults).
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData,
		options.path ?? `parameters.${options.method}`,
	);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	return await withIsolate(workflow, async () => {
		if (options.kind === 'loadOptions') {
			const method = nodeType.methods?.loadOptions?.[options.method];
			if (!method)
				throw new UnexpectedError(`Node type has no loadOptions method "${options.method}"`);
			return await method.call(context);
		}
		const method = nodeType.methods?.listSearch?.[options.method];
		if (!method)
			throw new UnexpectedError(`Node type has no listSearch method "${options.method}"`);
		return await method.call(context, options.filter, options.paginationToken);
	});
}

// ---------------------------------------------------------------------------------------------
// runHook / runWebhook
// ---------------------------------------------------------------------------------------------

function webhookDescriptionOf(nodeType: INodeType, name = 'default'): IWebhookDescription {
	const found = nodeType.description.webhooks?.find((webhook) => webhook.name === name);
	if (!found) throw new UnexpectedError(`Node type has no webhook named "${name}"`);
	return found;
}

function webhookDataFor(
	workflow: Workflow,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
	description: IWebhookDescription,
): IWebhookData {
	const method = workflow.expression.getSimpleParameterValue(
		node,
		description.httpMethod,
		'internal',
		{},
		undefined,
		'POST',
	);
	const path = workflow.expression.getSimpleParameterValue(
		node,
		description.path,
		'internal',
		{},
		undefined,
		'',
	);
	return {
		httpMethod: String(method) as IHttpRequestMethods,
		node: node.name,
		path: String(path),
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	};
}

export interface RunHookOptions extends BaseOptions {
	hook: 'checkExists' | 'create' | 'delete';
	staticData?: IDataObject;
	/** What `this.getNodeWebhookUrl('default')` returns; default: n8n's URL for the node's webhook. */
	webhookUrl?: string;
	/** Webhook description name (default `default`). */
	webhookName?: string;
	mode?: WorkflowExecuteMode;
	activation?: WorkflowActivateMode;
}

export interface RunHookResult {
	result: unknown;
	staticData: IDataObject;
	preAuthentications: number;
	credentials: CredentialStore;
}

/** Runs one webhook lifecycle method (`webhookMethods[name][hook]`) with a real HookContext. */
export async function runHook(options: RunHookOptions): Promise<RunHookResult> {
	const { workflow, node, store, credentialsHelper, additionalData } = setup(
		options,
		options.staticData ?? {},
	);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const webhookName = options.webhookName ?? 'default';
	const description = webhookDescriptionOf(nodeType, webhookName);
	const webhookData = webhookDataFor(workflow, node, additionalData, description);
	const context = new HookContext(
		workflow,
		node,
		additionalData,
		options.mode ?? 'trigger',
		options.activation ?? 'activate',
		webhookData,
	);
	if (options.webhookUrl !== undefined) {
		const url = options.webhookUrl;
		(
			context as unknown as { getNodeWebhookUrl: (name: string) => string | undefined }
		).getNodeWebhookUrl = (name: string) =>
			name === webhookName
				? url
				: HookContext.prototype.getNodeWebhookUrl.call(context, name as WebhookType);
	}
	const method = nodeType.webhookMethods?.[webhookName as WebhookType]?.[options.hook];
	if (!method)
		throw new UnexpectedError(`Node type has no webhookMethods.${webhookName}.${options.hook}`);
	const done = (result: unknown): RunHookResult => ({
		result,
		staticData: readStaticData(workflow, node),
		preAuthentications: credentialsHelper.preAuthentications,
		credentials: store,
	});
	const result = await withIsolate(workflow, async () => await method.call(context));
	return done(result);
}

export interface RunWebhookOptions extends BaseOptions {
	body: unknown;
	headers?: Record<string, string>;
	query?: IDataObject;
	params?: IDataObject;
	method?: IHttpRequestMethods;
	/** Raw body as received (for signature checks); default: JSON of `body`. */
	rawBody?: Buffer | string;
	staticData?: IDataObject;
	webhookName?: string;
	mode?: WorkflowExecuteMode;
}

export interface RunWebhookResult extends IWebhookResponseData {
	workflowData?: INodeExecutionData[][];
	webhookResponse?: unknown;
	noWebhookResponse?: boolean;
	/** What the node wrote to the response object directly (with noWebhookResponse). */
	response: HarnessResponse;
	staticData: IDataObject;
	preAuthentications: number;
	credentials: CredentialStore;
}

/** Delivers one HTTP request to the node's `webhook` method with a real WebhookContext. */
export async function runWebhook(options: RunWebhookOptions): Promise<RunWebhookResult> {
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries(options.headers ?? {}))
		headers[key.toLowerCase()] = value;
	if (!headers['content-type'] && options.body !== undefined && typeof options.body === 'object')
		headers['content-type'] = 'application/json';
	const rawBody =
		options.rawBody !== undefined
			? Buffer.from(options.rawBody)
			: Buffer.from(
					typeof options.body === 'string' ? options.body : JSON.stringify(options.body ?? {}),
				);
	const request = {
		method: options.method ?? 'POST',
		body: options.body,
		rawBody,
		headers,
		query: options.query ?? {},
		params: options.params ?? {},
		header: (name: string) => headers[name.toLowerCase()],
		get: (name: string) => headers[name.toLowerCase()],
	};
	const response: HarnessResponse = { statusCode: 200, headers: {}, body: undefined, ended: false };
	const responseObject = {
		status(code: number) {
			response.statusCode = code;
			return responseObject;
		},
		setHeader(name: string, value: string) {
			response.headers[name.toLowerCase()] = value;
			return responseObject;
		},
		header(name: string, value: string) {
			response.headers[name.toLowerCase()] = value;
			return responseObject;
		},
		json(body: unknown) {
			response.body = body;
			response.ended = true;
			return responseObject;
		},
		send(body: unknown) {
			response.body = body;
			response.ended = true;
			return responseObject;
		},
		end(body?: unknown) {
			if (body !== undefined) response.body = body;
			response.ended = true;
			return responseObject;
		},
		get statusCode() {
			return response.statusCode;
		},
		set statusCode(code: number) {
			response.statusCode = code;
		},
	};

	const { workflow, node, store, credentialsHelper, additionalData } = setup(
		options,
		options.staticData ?? {},
		{
			httpRequest: request as never,
			httpResponse: responseObject as never,
		},
	);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (!nodeType.webhook)
		throw new UnexpectedError(`Node type "${node.type}" has no webhook function`);
	const description = webhookDescriptionOf(nodeType, options.webhookName ?? 'default');
	const webhookData = webhookDataFor(workflow, node, additionalData, description);
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		options.mode ?? 'webhook',
		webhookData,
		[],
		null,
	);
	const result = await withIsolate(workflow, async () => await nodeType.webhook!.call(context));
	return {
		...result,
		response,
		staticData: readStaticData(workflow, node),
		preAuthentications: credentialsHelper.preAuthentications,
		credentials: store,
	};
}

// ---------------------------------------------------------------------------------------------
// runCredentialTest
// ---------------------------------------------------------------------------------------------

export interface RunCredentialTestOptions {
	credentialType: ICredentialType;
	data: ICredentialDataDecryptedObject;
	/** Other credential types it extends. */
	credentialTypes?: ICredentialType[];
	/** For `testedBy` on a node: the node type whose `methods.credentialTest[name]` or request to use. */
	nodeType?: INodeType;
	/** Store to read/update (default: a fresh one holding `data`). */
	store?: CredentialStore;
}

export interface RunCredentialTestResult extends INodeCredentialTestResult {
	preAuthentications: number;
}

/** Tests credential data the way n8n's CredentialsTester does (Test button in the credential modal). */
export async function runCredentialTest(
	options: RunCredentialTestOptions,
): Promise<RunCredentialTestResult> {
	const credentialType = options.credentialType;
	const typeName = credentialType.name;
	const store = options.store ?? new CredentialStore({ [typeName]: options.data });
	const credentialsHelper = new TestCredentialsHelper(store, [
		credentialType,
		...(options.credentialTypes ?? []),
	]);
	const done = (result: INodeCredentialTestResult): RunCredentialTestResult => ({
		...result,
		preAuthentications: credentialsHelper.preAuthentications,
	});

	// Which test: the credential's own `test`, else the node's `testedBy`.
	let testRequest: ICredentialTestRequest | undefined = credentialType.test;
	let testFunction: ICredentialTestFunction | undefined;
	let testNodeType: INodeType | undefined;
	if (!testRequest && options.nodeType) {
		const description = options.nodeType.description.credentials?.find((c) => c.name === typeName);
		const testedBy = description?.testedBy;
		if (typeof testedBy === 'string')
			testFunction = options.nodeType.methods?.credentialTest?.[testedBy];
		else if (testedBy) {
			testRequest = testedBy;
			testNodeType = options.nodeType;
		}
	}
	if (!testRequest && !testFunction)
		return done({ status: 'Error', message: 'No testing function found for this credential.' });

	const credentialsDecrypted: ICredentialsDecrypted = {
		id: `cred-${typeName}`,
		name: `${typeName} (test)`,
		type: typeName,
		data: deepCopy(options.data),
	};
	const baseAdditionalData = buildAdditionalData(credentialsHelper);
	try {
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndOverwrites(
			baseAdditionalData,
			credentialsDecrypted.data!,
			typeName,
			'internal',
		);
	} catch (error) {
		return done({ status: 'Error', message: String((error as Error).message) });
	}

	if (testFunction) {
		const context = new CredentialTestContext();
		const result = await testFunction.call(context, credentialsDecrypted);
		return done(result);
	}

	const nodeType: INodeType =
		testNodeType ??
		({
			description: { name: 'n8n-nodes-base.noOp', version: 1, properties: [] },
		} as unknown as INodeType);
	const nodeTypeCopy: INodeType = {
		description: {
			...nodeType.description,
			name: 'n8n-nodes-base.noOp',
			credentials: [{ name: typeName, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest!.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		parameters: { temp: '' },
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: Array.isArray(nodeType.description.version)
			? nodeType.description.version.slice(-1)[0]
			: (nodeType.description.version as number),
		position: [0, 0],
		credentials: { [typeName]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
	};
	const nodeTypes = new TestNodeTypes();
	nodeTypes.add('n8n-nodes-base.noOp', nodeTypeCopy);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
	const runExecutionData = createRunExecutionData();
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		baseAdditionalData,
		'internal',
		runExecutionData,
		0,
		[],
		inputData,
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, nodeTypeCopy, credentialsDecrypted);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await withIsolate(workflow, async () => await routingNode.runNode());
	} catch (caught) {
		const error = caught as Error & {
			cause?: { response?: { status: number; statusText?: string }; code?: string };
		};
		if (error.cause?.response) {
			const statusCode = error.cause.response.status;
			const statusMessage = error.cause.response.statusText;
			for (const rule of testRequest!.rules ?? []) {
				if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
					return done({ status: 'Error', message: rule.properties.message });
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return done({
					status: 'Error',
					message: statusMessage || `Received HTTP status code: ${statusCode}`,
				});
			}
		} else if (error.cause?.code) {
			return done({ status: 'Error', message: error.cause.code });
		}
		return done({ status: 'Error', message: String(error.message) });
	}
	for (const rule of testRequest!.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const json = response?.[0]?.[0]?.json;
			if (getPath(json, rule.properties.key) === rule.properties.value) {
				return done({ status: 'Error', message: rule.properties.message });
			}
		}
	}
	return done({ status: 'OK', message: 'Connection successful!' });
}

function getPath(value: unknown, path: string): unknown {
	let current = value as Record<string, unknown> | undefined;
	for (const key of path.split('.')) {
		if (current === undefined || current === null || typeof current !== 'object') return undefined;
		current = current[key] as Record<string, unknown> | undefined;
	}
	return current;
}

/** The DI container n8n-core uses, for tests that need to reach a service (e.g. OutboundHttp). */
export { Container };
