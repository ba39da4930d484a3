/**
 * Self-test of the in-process harness (test/harness/inprocess.ts): a tiny inline node, trigger and
 * two credential types against a tiny sandbox server, run through n8n-core's real contexts.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestHelper,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	CredentialStore,
	runCredentialTest,
	runHook,
	runLoadOptions,
	runNode,
	runPoll,
	runWebhook,
	setBinaryDataMode,
} from '../harness/inprocess';
import { vendorRequest } from '../../packages/shared/transport';
import type { VendorProfile } from '../../packages/shared/types';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSandbox } = require('../../sandbox/lib/server.js');

// ---------------------------------------------------------------- sandbox
const state = {
	tokens: new Set<string>(),
	issued: 0,
	events: [] as IDataObject[],
	hooks: new Map<string, string>(),
	seen: [] as IDataObject[],
};

const sandbox = createSandbox({
	name: 'harness',
	publicPaths: [/^\/token$/],
	authenticate(ctx: { headers: Record<string, string>; path: string }) {
		const key = ctx.headers['x-api-key'];
		const bearer = (ctx.headers.authorization ?? '').replace(/^Bearer /, '');
		if (key === 'good-key' || state.tokens.has(bearer)) return null;
		return { status: 401, body: { message: 'Not authenticated' } };
	},
	routes: [
		{
			method: 'POST',
			path: '/token',
			handler: (ctx: { body: IDataObject }) => {
				if (ctx.body?.secret !== 's3cret') return { status: 403, body: { message: 'bad secret' } };
				const token = `tok-${++state.issued}`;
				state.tokens.add(token);
				return { status: 200, body: { token } };
			},
		},
		{
			method: 'GET',
			path: '/items/:id',
			handler: (ctx: { params: { id: string }; query: IDataObject; headers: IDataObject }) => {
				state.seen.push({
					id: ctx.params.id,
					query: ctx.query,
					auth: ctx.headers.authorization ?? ctx.headers['x-api-key'],
				});
				if (ctx.params.id === 'missing') return { status: 404, body: { message: 'No such item' } };
				return { status: 200, body: { id: ctx.params.id, label: ctx.query.label ?? null } };
			},
		},
		{
			method: 'GET',
			path: '/me',
			handler: () => ({ status: 200, body: { ok: true, disabled: false } }),
		},
		{
			method: 'GET',
			path: '/events',
			handler: (ctx: { query: { after?: string } }) => ({
				status: 200,
				body: state.events.filter((e) => Number(e.id) > Number(ctx.query.after ?? 0)),
			}),
		},
		{
			method: 'GET',
			path: '/projects',
			handler: () => ({
				status: 200,
				body: [
					{ id: 2, name: 'Beta' },
					{ id: 1, name: 'Alpha' },
				],
			}),
		},
		{
			method: 'POST',
			path: '/hooks',
			handler: (ctx: { body: { url: string } }) => {
				const id = `h${state.hooks.size + 1}`;
				state.hooks.set(id, ctx.body.url);
				return { status: 201, body: { id } };
			},
		},
		{
			method: 'DELETE',
			path: '/hooks/:id',
			handler: (ctx: { params: { id: string } }) => {
				state.hooks.delete(ctx.params.id);
				return { status: 204 };
			},
		},
	],
	reset() {
		state.tokens.clear();
		state.issued = 0;
		state.events = [];
		state.hooks.clear();
		state.seen = [];
	},
});

// ---------------------------------------------------------------- credential types
class HeaderApi implements ICredentialType {
	name = 'harnessHeaderApi';
	displayName = 'Harness Header API';
	properties = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string' as const, default: '' },
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string' as const,
			typeOptions: { password: true },
			default: '',
		},
	];
	authenticate = {
		type: 'generic' as const,
		properties: { headers: { 'X-Api-Key': '={{$credentials.apiKey}}' } },
	};
	test = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/me' },
		rules: [
			{
				type: 'responseSuccessBody' as const,
				properties: { key: 'disabled', value: true, message: 'Account disabled' },
			},
		],
	};
}

class TokenApi implements ICredentialType {
	name = 'harnessTokenApi';
	displayName = 'Harness Token API';
	properties = [
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden' as const,
			typeOptions: { expirable: true },
			default: '',
		},
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string' as const, default: '' },
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string' as const,
			typeOptions: { password: true },
			default: '',
		},
	];
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { token } = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${credentials.baseUrl as string}/token`,
			body: { secret: credentials.secret },
			json: true,
		})) as { token: string };
		return { sessionToken: token };
	}
	authenticate = {
		type: 'generic' as const,
		properties: { headers: { Authorization: '=Bearer {{$credentials.sessionToken}}' } },
	};
	test = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/me' },
		rules: [
			{ type: 'responseCode' as const, properties: { value: 401, message: 'Token refused' } },
		],
	};
}

// ---------------------------------------------------------------- test node + trigger
class HarnessNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness',
		name: 'harness',
		group: ['transform'],
		version: 1,
		description: 'test',
		defaults: { name: 'Harness' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [
			{
				name: 'harnessHeaderApi',
				required: true,
				displayOptions: { show: { authentication: ['header'] } },
			},
			{
				name: 'harnessTokenApi',
				required: true,
				displayOptions: { show: { authentication: ['token'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Header', value: 'header' },
					{ name: 'Token', value: 'token' },
				],
				default: 'header',
			},
			{ displayName: 'Item ID', name: 'itemId', type: 'string', default: '1' },
			{ displayName: 'Label', name: 'label', type: 'string', default: 'default-label' },
			{
				displayName: 'Extra',
				name: 'extra',
				type: 'string',
				default: 'only-when-shown',
				displayOptions: { show: { authentication: ['token'] } },
			},
			{ displayName: 'Attach', name: 'attach', type: 'boolean', default: false },
		],
	};

	methods = {
		loadOptions: {
			async getProjects(this: ILoadOptionsFunctions) {
				const credentials = await this.getCredentials('harnessHeaderApi');
				const projects = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					'harnessHeaderApi',
					{
						url: `${credentials.baseUrl as string}/projects`,
						json: true,
					},
				)) as Array<{ id: number; name: string }>;
				return projects
					.map((p) => ({ name: p.name, value: p.id }))
					.sort((a, b) => a.name.localeCompare(b.name));
			},
		},
		listSearch: {
			async searchProjects(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
				return {
					results: [{ name: `filter=${filter}`, value: 1 }],
					paginationToken: paginationToken ? undefined : 'next',
				};
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		const authentication = this.getNodeParameter('authentication', 0) as string;
		const credentialType = authentication === 'token' ? 'harnessTokenApi' : 'harnessHeaderApi';
		const credentials = await this.getCredentials(credentialType);
		for (let i = 0; i < items.length; i++) {
			try {
				const itemId = this.getNodeParameter('itemId', i) as string;
				const label = this.getNodeParameter('label', i) as string;
				const response = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					credentialType,
					{
						method: 'GET',
						url: `${credentials.baseUrl as string}/items/${itemId}`,
						qs: { label },
						json: true,
						returnFullResponse: true,
					},
				)) as { body: IDataObject; statusCode: number };
				const item: INodeExecutionData = {
					json: {
						...response.body,
						statusCode: response.statusCode,
						extra: this.getNodeParameter('extra', i, null),
					},
					pairedItem: { item: i },
				};
				if (this.getNodeParameter('attach', i) as boolean) {
					const binary = await this.helpers.prepareBinaryData(
						Buffer.from(`id;label\n${itemId};${label}\n`),
						'items.csv',
						'text/csv',
					);
					item.binary = { data: binary };
				}
				out.push(item);
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw error;
			}
		}
		return [out];
	}
}

class HarnessTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Trigger',
		name: 'harnessTrigger',
		group: ['trigger'],
		version: 1,
		description: 'test',
		defaults: { name: 'Harness Trigger' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		credentials: [{ name: 'harnessHeaderApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [{ displayName: 'Prefix', name: 'prefix', type: 'string', default: 'evt' }],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				return data.hookId !== undefined;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const credentials = await this.getCredentials('harnessHeaderApi');
				const { id } = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					'harnessHeaderApi',
					{
						method: 'POST',
						url: `${credentials.baseUrl as string}/hooks`,
						body: { url: this.getNodeWebhookUrl('default') },
						json: true,
					},
				)) as { id: string };
				this.getWorkflowStaticData('node').hookId = id;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const credentials = await this.getCredentials('harnessHeaderApi');
				const data = this.getWorkflowStaticData('node');
				await this.helpers.httpRequestWithAuthentication.call(this, 'harnessHeaderApi', {
					method: 'DELETE',
					url: `${credentials.baseUrl as string}/hooks/${data.hookId as string}`,
				});
				delete data.hookId;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = this.getBodyData();
		const prefix = this.getNodeParameter('prefix') as string;
		if (this.getHeaderData()['x-signature'] !== 'ok') {
			this.getResponseObject().status(401).send('bad signature');
			return { noWebhookResponse: true };
		}
		return { workflowData: [[{ json: { prefix, ...body } }]] };
	}

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const data = this.getWorkflowStaticData('node');
		const credentials = await this.getCredentials('harnessHeaderApi');
		const events = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			'harnessHeaderApi',
			{
				url: `${credentials.baseUrl as string}/events`,
				qs: { after: (data.lastId as number) ?? 0 },
				json: true,
			},
		)) as IDataObject[];
		if (this.getMode() === 'manual')
			return events.length ? [this.helpers.returnJsonArray(events.slice(0, 1))] : null;
		if (events.length === 0) return null;
		data.lastId = Math.max(...events.map((e) => Number(e.id)));
		return [this.helpers.returnJsonArray(events)];
	}
}

// ---------------------------------------------------------------- tests
let baseUrl: string;
const credentialTypes = [new HeaderApi(), new TokenApi()];
const headerCreds = () => ({ harnessHeaderApi: { baseUrl, apiKey: 'good-key' } });
const tokenCreds = () => ({ harnessTokenApi: { baseUrl, secret: 's3cret', sessionToken: '' } });

beforeAll(async () => {
	baseUrl = await sandbox.listen();
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => sandbox.reset());

describe('runNode', () => {
	it('fills defaults and resolves expressions per item', async () => {
		const { items, error, node } = await runNode({
			nodeType: new HarnessNode(),
			credentialTypes,
			credentials: headerCreds(),
			parameters: { itemId: '={{ $json.id }}', label: '=L-{{ $json.id * 2 }}' },
			input: [{ id: 1 }, { id: 2 }, { id: 3 }],
		});
		expect(error).toBeUndefined();
		expect(node.parameters).toMatchObject({ authentication: 'header', attach: false });
		expect(node.parameters.extra).toBeUndefined(); // hidden by displayOptions, as in the editor
		expect(items[0].map((i) => i.json)).toEqual([
			{ id: '1', label: 'L-2', statusCode: 200, extra: null },
			{ id: '2', label: 'L-4', statusCode: 200, extra: null },
			{ id: '3', label: 'L-6', statusCode: 200, extra: null },
		]);
		expect(state.seen.map((s) => s.auth)).toEqual(['good-key', 'good-key', 'good-key']);
	});

	it('uses parameter defaults when no parameters are given', async () => {
		const { items } = await runNode({
			nodeType: new HarnessNode(),
			credentialTypes,
			credentials: headerCreds(),
			parameters: {},
		});
		expect(items[0][0].json).toMatchObject({ id: '1', label: 'default-label' });
	});

	it('runs preAuthentication once, persists the token and re-authenticates exactly once on a 401', async () => {
		const store = new CredentialStore(tokenCreds());
		const first = await runNode({
			nodeType: new HarnessNode(),
			credentialTypes,
			credentials: store,
			parameters: { authentication: 'token', itemId: '={{ $json.id }}' },
			input: [{ id: 1 }, { id: 2 }],
		});
		expect(first.error).toBeUndefined();
		expect(first.preAuthentications).toBe(1);
		expect(store.get('harnessTokenApi')?.sessionToken).toBe('tok-1');
		expect(first.items[0][0].json.extra).toBe('only-when-shown');

		// The server forgets the token: the next request gets a 401, n8n re-authenticates once and retries.
		state.tokens.clear();
		const second = await runNode({
			nodeType: new HarnessNode(),
			credentialTypes,
			credentials: store,
			parameters: { authentication: 'token' },
		});
		expect(second.error).toBeUndefined();
		expect(second.preAuthentications).toBe(1);
		expect(store.preAuthCount('harnessTokenApi')).toBe(2);
		expect(store.preAuthLog.map((l) => l.expired)).toEqual([false, true]);
		expect(store.get('harnessTokenApi')?.sessionToken).toBe('tok-2');
		expect(state.seen.at(-1)?.auth).toBe('Bearer tok-2');
	});

	it('the same credentials object is the same saved credential across runs', async () => {
		const credentials = tokenCreds();
		const run = () =>
			runNode({
				nodeType: new HarnessNode(),
				credentialTypes,
				credentials,
				parameters: { authentication: 'token' },
			});
		const a = await run();
		const b = await run();
		expect([a.preAuthentications, b.preAuthentications]).toEqual([1, 0]);
		expect(a.credentials).toBe(b.credentials);
		expect(credentials.harnessTokenApi.sessionToken).toBe(''); // the test's object is not mutated
		const fresh = await runNode({
			nodeType: new HarnessNode(),
			credentialTypes,
			credentials: tokenCreds(),
			parameters: { authentication: 'token' },
		});
		expect(fresh.preAuthentications).toBe(1);
	});

	it('gives up after one re-auth when the 401 persists, with a NodeApiError', async () => {
		const store = new CredentialStore(tokenCreds());
		sandbox.addFault({
			type: 'status',
			status: 401,
			path: '^/items',
			count: -1,
			body: { message: 'still no' },
		});
		const { error, items } = await runNode({
			nodeType: new HarnessNode(),
			credentialTypes,
			credentials: store,
			parameters: { authentication: 'token' },
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('401');
		expect(store.preAuthCount()).toBe(2); // empty token, then once after the 401
		expect(items).toEqual([]);
	});

	it('surfaces the helper NodeApiError (axios error in cause) as `error`', async () => {
		const { error } = await runNode({
			nodeType: new HarnessNode(),
			credentialTypes,
			credentials: headerCreds(),
			parameters: { itemId: 'missing' },
		});
		expect(error).toBeInstanceOf(NodeApiError);
		const apiError = error as NodeApiError;
		expect(apiError.httpCode).toBe('404');
		expect(
			(apiError.cause as { response?: { status: number; data: unknown } }).response?.status,
		).toBe(404);
		expect((apiError.cause as { response?: { data: unknown } }).response?.data).toEqual({
			message: 'No such item',
		});
	});

	it('wrong credentials give a 401 NodeApiError', async () => {
		const { error } = await runNode({
			nodeType: new HarnessNode(),
			credentialTypes,
			credentials: { harnessHeaderApi: { baseUrl, apiKey: 'wrong' } },
			parameters: {},
		});
		expect((error as NodeApiError).httpCode).toBe('401');
	});

	it('continueOnFail: the node turns failed items into error items', async () => {
		const { items, error } = await runNode({
			nodeType: new HarnessNode(),
			credentialTypes,
			credentials: headerCreds(),
			parameters: { itemId: '={{ $json.id }}' },
			input: [{ id: 1 }, { id: 'missing' }, { id: 3 }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items[0].map((i) => i.json.id ?? 'error')).toEqual(['1', 'error', '3']);
		expect(items[0][1].json.error).toMatch(/could not be found/);
	});

	it('continueOnFail: a thrown error passes the input through, as WorkflowExecute does', async () => {
		const throwing = new HarnessNode();
		throwing.execute = async function (this: IExecuteFunctions) {
			throw new NodeOperationError(this.getNode(), 'boom');
		};
		const { items, error } = await runNode({
			nodeType: throwing,
			credentialTypes,
			credentials: headerCreds(),
			parameters: {},
			input: [{ a: 1 }],
			continueOnFail: true,
		});
		expect(error?.message).toBe('boom');
		expect(items[0][0].json).toEqual({ a: 1 });
	});

	it('binary helpers work (prepareBinaryData / getBinaryDataBuffer)', async () => {
		const { items, error } = await runNode({
			nodeType: new HarnessNode(),
			credentialTypes,
			credentials: headerCreds(),
			parameters: { attach: true, label: 'x' },
		});
		expect(error).toBeUndefined();
		const binary = items[0][0].binary!.data;
		// n8n 2.x keeps binary data in files: the item carries an id, not the bytes.
		expect(binary).toMatchObject({
			fileName: 'items.csv',
			mimeType: 'text/csv',
			data: 'filesystem-v2',
		});
		expect(binary.id).toMatch(/^filesystem-v2:/);

		// getBinaryDataBuffer on an incoming item
		const reader = new HarnessNode();
		reader.execute = async function (this: IExecuteFunctions) {
			const buffer = await this.helpers.getBinaryDataBuffer(0, 'data');
			return [[{ json: { text: buffer.toString() } }]];
		};
		const read = await runNode({
			nodeType: reader,
			credentialTypes,
			parameters: {},
			input: items[0],
		});
		expect(read.error).toBeUndefined();
		expect(read.items[0][0].json.text).toBe('id;label\n1;x\n');
	});
});

describe('binary data modes', () => {
	afterAll(async () => setBinaryDataMode('filesystem'));
	it('memory mode keeps the bytes base64 in the item', async () => {
		await setBinaryDataMode('memory');
		const { items } = await runNode({
			nodeType: new HarnessNode(),
			credentialTypes,
			credentials: headerCreds(),
			parameters: { attach: true, label: 'm' },
		});
		const binary = items[0][0].binary!.data;
		expect(binary.id).toBeUndefined();
		expect(Buffer.from(binary.data, 'base64').toString()).toBe('id;label\n1;m\n');
	});
});

describe('runNode: workflow-engine behaviour', () => {
	it("resolves $input and $('Start') references and assigns paired items", async () => {
		const { items, error } = await runNode({
			nodeType: new HarnessNode(),
			credentialTypes,
			credentials: headerCreds(),
			parameters: {
				itemId: "={{ $('Start').item.json.id }}",
				label: '={{ $input.item.json.name }}-{{ $itemIndex }}',
			},
			input: [
				{ id: 7, name: 'a' },
				{ id: 8, name: 'b' },
			],
		});
		expect(error).toBeUndefined();
		expect(items[0].map((i) => [i.json.id, i.json.label, i.pairedItem])).toEqual([
			['7', 'a-0', { item: 0 }],
			['8', 'b-1', { item: 1 }],
		]);
	});

	it('Retry On Fail re-runs the node as n8n does', async () => {
		sandbox.addFault({ type: 'status', status: 500, path: '^/items', count: 2 });
		const result = await runNode({
			nodeType: new HarnessNode(),
			credentialTypes,
			credentials: headerCreds(),
			parameters: {},
			nodeSettings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 }, // 0 would mean n8n's default 1000 ms
		});
		expect(result.error).toBeUndefined();
		expect(result.tries).toBe(3);
	});

	it('Always Output Data gives one empty item', async () => {
		const empty = new HarnessNode();
		empty.execute = async () => [[]];
		const { items } = await runNode({
			nodeType: empty,
			parameters: {},
			input: [{ a: 1 }],
			nodeSettings: { alwaysOutputData: true },
		});
		expect(items).toEqual([[{ json: {}, pairedItem: [{ item: 0, input: 0 }] }]]);
	});
});

describe('runPoll', () => {
	it('persists static data between polls and returns null when nothing is new', async () => {
		state.events = [{ id: 1 }, { id: 2 }];
		const nodeType = new HarnessTrigger();
		const first = await runPoll({
			nodeType,
			credentialTypes,
			credentials: headerCreds(),
			parameters: {},
		});
		expect(first.items?.[0].map((i) => i.json.id)).toEqual([1, 2]);
		expect(first.staticData).toEqual({ lastId: 2 });

		const second = await runPoll({
			nodeType,
			credentialTypes,
			credentials: headerCreds(),
			parameters: {},
			staticData: first.staticData,
		});
		expect(second.items).toBeNull();
		expect(second.staticData).toEqual({ lastId: 2 });

		state.events.push({ id: 3 });
		const third = await runPoll({
			nodeType,
			credentialTypes,
			credentials: headerCreds(),
			parameters: {},
			staticData: second.staticData,
		});
		expect(third.items?.[0].map((i) => i.json.id)).toEqual([3]);
		expect(third.staticData).toEqual({ lastId: 3 });
	});

	it('manual mode returns a sample and leaves the cursor alone', async () => {
		state.events = [{ id: 1 }, { id: 2 }];
		const result = await runPoll({
			nodeType: new HarnessTrigger(),
			credentialTypes,
			credentials: headerCreds(),
			parameters: {},
			mode: 'manual',
		});
		expect(result.items?.[0]).toHaveLength(1);
		expect(result.staticData).toEqual({});
	});

	it('returns a poll error and keeps the previous static data', async () => {
		const result = await runPoll({
			nodeType: new HarnessTrigger(),
			credentialTypes,
			credentials: { harnessHeaderApi: { baseUrl, apiKey: 'wrong' } },
			parameters: {},
			staticData: { lastId: 7 },
		});
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.staticData).toEqual({ lastId: 7 });
	});
});

describe('runLoadOptions', () => {
	it('calls loadOptions and listSearch methods', async () => {
		const options = await runLoadOptions({
			nodeType: new HarnessNode(),
			kind: 'loadOptions',
			method: 'getProjects',
			credentialTypes,
			credentials: headerCreds(),
		});
		expect(options).toEqual([
			{ name: 'Alpha', value: 1 },
			{ name: 'Beta', value: 2 },
		]);
		const search = await runLoadOptions({
			nodeType: new HarnessNode(),
			kind: 'listSearch',
			method: 'searchProjects',
			credentialTypes,
			credentials: headerCreds(),
			filter: 'al',
		});
		expect(search).toEqual({ results: [{ name: 'filter=al', value: 1 }], paginationToken: 'next' });
	});
});

describe('runHook / runWebhook', () => {
	it('creates, checks and deletes a webhook, keeping the id in static data', async () => {
		const nodeType = new HarnessTrigger();
		const common = {
			nodeType,
			credentialTypes,
			credentials: headerCreds(),
			parameters: {},
			webhookUrl: 'https://n8n.example/webhook/abc',
		};
		const exists = await runHook({ ...common, hook: 'checkExists' });
		expect(exists.result).toBe(false);
		const created = await runHook({ ...common, hook: 'create' });
		expect(created.result).toBe(true);
		expect(created.staticData).toEqual({ hookId: 'h1' });
		expect(state.hooks.get('h1')).toBe('https://n8n.example/webhook/abc');
		const existsNow = await runHook({
			...common,
			hook: 'checkExists',
			staticData: created.staticData,
		});
		expect(existsNow.result).toBe(true);
		const deleted = await runHook({ ...common, hook: 'delete', staticData: created.staticData });
		expect(deleted.staticData).toEqual({});
		expect(state.hooks.size).toBe(0);
	});

	it('without webhookUrl, getNodeWebhookUrl is n8n’s own URL', async () => {
		await runHook({
			nodeType: new HarnessTrigger(),
			credentialTypes,
			credentials: headerCreds(),
			parameters: {},
			hook: 'create',
		});
		expect(state.hooks.get('h1')).toBe('http://127.0.0.1:5678/webhook/test-webhook-id/webhook');
	});

	it('delivers a webhook request', async () => {
		const ok = await runWebhook({
			nodeType: new HarnessTrigger(),
			credentialTypes,
			credentials: headerCreds(),
			parameters: { prefix: 'p' },
			body: { event: 'created' },
			headers: { 'X-Signature': 'ok' },
		});
		expect(ok.workflowData).toEqual([[{ json: { prefix: 'p', event: 'created' } }]]);
		const bad = await runWebhook({
			nodeType: new HarnessTrigger(),
			credentialTypes,
			credentials: headerCreds(),
			parameters: {},
			body: {},
		});
		expect(bad.noWebhookResponse).toBe(true);
		expect(bad.response).toMatchObject({ statusCode: 401, body: 'bad signature' });
	});
});

describe('runCredentialTest', () => {
	it('passes good credentials and fails bad ones (header auth)', async () => {
		expect(
			await runCredentialTest({
				credentialType: new HeaderApi(),
				data: { baseUrl, apiKey: 'good-key' },
			}),
		).toMatchObject({
			status: 'OK',
			message: 'Connection successful!',
		});
		const bad = await runCredentialTest({
			credentialType: new HeaderApi(),
			data: { baseUrl, apiKey: 'nope' },
		});
		expect(bad.status).toBe('Error');
		expect(bad.message).toMatch(/Unauthorized|401/);
	});

	it('runs preAuthentication then the test request (token auth) and applies rules', async () => {
		const ok = await runCredentialTest({
			credentialType: new TokenApi(),
			data: { baseUrl, secret: 's3cret', sessionToken: 'stale' },
		});
		expect(ok).toMatchObject({ status: 'OK', preAuthentications: 1 });

		sandbox.addFault({ type: 'status', status: 401, path: '^/me', count: -1 });
		const refused = await runCredentialTest({
			credentialType: new TokenApi(),
			data: { baseUrl, secret: 's3cret', sessionToken: '' },
		});
		expect(refused).toMatchObject({ status: 'Error', message: 'Token refused' });

		const badSecret = await runCredentialTest({
			credentialType: new TokenApi(),
			data: { baseUrl, secret: 'wrong', sessionToken: '' },
		});
		expect(badSecret.status).toBe('Error');
	});
});

describe('with the shared request helper (nodes/shared)', () => {
	const profile: VendorProfile = {
		name: 'Harness',
		credentialType: 'harnessTokenApi',
		baseUrl: (c) => String(c.baseUrl),
		paging: { style: 'none' },
		limiterKey: (c) => String(c.secret),
	};
	class SharedHelperNode extends HarnessNode {
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const out: INodeExecutionData[] = [];
			for (let i = 0; i < this.getInputData().length; i++) {
				const itemId = this.getNodeParameter('itemId', i) as string;
				const body = await vendorRequest.call(this, profile, {
					method: 'GET',
					path: `/items/${itemId}`,
					itemIndex: i,
					notFoundLabel: `Item ${itemId}`,
				});
				out.push({ json: body as IDataObject, pairedItem: { item: i } });
			}
			return [out];
		}
	}

	it('authenticates with preAuthentication, re-auths once on 401 and maps a 404', async () => {
		const store = new CredentialStore(tokenCreds());
		const ok = await runNode({
			nodeType: new SharedHelperNode(),
			credentialTypes,
			credentials: store,
			parameters: { authentication: 'token', itemId: '={{ $json.id }}' },
			input: [{ id: 'a' }, { id: 'b' }],
		});
		expect(ok.error).toBeUndefined();
		expect(ok.items[0].map((i) => i.json.id)).toEqual(['a', 'b']);
		expect(store.preAuthCount()).toBe(1);

		state.tokens.clear();
		const missing = await runNode({
			nodeType: new SharedHelperNode(),
			credentialTypes,
			credentials: store,
			parameters: { authentication: 'token', itemId: 'missing' },
		});
		expect(store.preAuthCount()).toBe(2);
		expect(missing.error).toBeInstanceOf(NodeApiError);
		expect(missing.error?.message).toMatch(/Item missing was not found/);
	});
});
