/**
 * E2E harness: what test/e2e/*.test.ts import to drive the real n8n started by scripts/e2e.js.
 *
 * scripts/e2e.js starts the sandboxes and a real n8n with one or all of our packages (one per vendor,
 * vendors.json) installed as community packages, then runs jest with N8N_PSA_E2E=<json file>. Everything
 * here reads that file. A vendor's e2e files run with that vendor's package alone (n8n 2.x) and with every
 * package side by side (n8n 1.x): see `e2e().mode` and `e2e().packages`. Nothing here names a vendor: the
 * examples below use `acme` for any vendors.json key.
 *
 *   import { e2e, nodeType, createSandboxCredential, runViaWebhook, sandboxControl } from './harness';
 *   const cred = await createSandboxCredential('acme');
 *   const r = await runViaWebhook(workflowWith(nodeType('acme'), cred), { any: 'body' });
 *   expect(r.status).toBe(200); expect(r.items[0].id).toBeDefined();
 *
 * Fast path: runViaWebhook (≈0.1-0.2 s per run; the webhook copy of a workflow is created and activated
 * once, then reused). Slow path: runManual (`n8n execute --id`, a fresh n8n process, ≈5 s).
 * Inside a webhook-run workflow the request body is at `{{$json.body.<field>}}`.
 *
 * Node types: `nodeType('acme')` → `n8n-nodes-psa-acme.acme` (`<package>.<node>`). Workflows created
 * here may still use the old single-package types (`n8n-nodes-psa.acme`): createWorkflow, runViaWebhook,
 * runManual and loadWorkflowFile rewrite them to the vendor's package.
 */
import { spawn } from 'child_process';
import { createHash, randomUUID } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as nodePath from 'path';

// ------------------------------------------------------------------ types
/** A vendor key from vendors.json (whatever keys the manifest holds). */
export type Vendor = string;

/** One of our packages installed in the running n8n. */
export interface InstalledPackage {
	key: Vendor;
	name: string;
	/** `<package>.`, e.g. `n8n-nodes-psa-acme.` */
	nodeTypePrefix: string;
	/** Node names (`acme`, `acmeTrigger`). */
	nodes: string[];
	version: string;
}

export interface DemoCredential {
	type: string;
	name: string;
	data: Record<string, unknown>;
}

export interface E2EInfo {
	n8n: {
		version: string;
		major: number;
		baseUrl: string;
		port: number;
		apiKey: string;
		cookie: string;
		browserId: string;
		userFolder: string;
		logFile: string;
		nodeBin: string;
		n8nBin: string;
		env: Record<string, string>;
	};
	/** 'alone': one vendor's package in a fresh n8n; 'together': all of them side by side. */
	mode?: 'alone' | 'together';
	/** The packages installed in this n8n. */
	packages?: InstalledPackage[];
	/** The first installed package's prefix and name (kept for older readers; use `packages`). */
	nodeTypePrefix: string;
	packageName: string;
	sandboxes: Partial<
		Record<Vendor, { url: string; port: number; demoCredential: DemoCredential | null }>
	>;
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	disabled?: boolean;
	notes?: string;
	notesInFlow?: boolean;
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
	alwaysOutputData?: boolean;
	executeOnce?: boolean;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
}

/** A node for `chain()`: position, typeVersion (default 1) and id are filled in. */
export type NodeInput = Omit<WorkflowNode, 'position' | 'typeVersion' | 'id'> &
	Partial<Pick<WorkflowNode, 'position' | 'typeVersion' | 'id'>>;

export interface Workflow {
	id?: string;
	name?: string;
	nodes: WorkflowNode[];
	connections: Record<
		string,
		{ main?: Array<Array<{ node: string; type: string; index: number }> | null> }
	>;
	settings?: Record<string, unknown>;
	staticData?: unknown;
	[key: string]: unknown;
}

export interface CreatedCredential {
	id: string;
	name: string;
	type: string;
}

// ------------------------------------------------------------------ connection info
let cached: E2EInfo | undefined;

/** The connection info written by scripts/e2e.js. Throws with a hint when run outside it. */
export function e2e(): E2EInfo {
	if (cached) return cached;
	const file = process.env.N8N_PSA_E2E;
	if (!file)
		throw new Error(
			'N8N_PSA_E2E is not set: run the e2e tier with `npm run test:e2e` (scripts/e2e.js starts n8n)',
		);
	cached = JSON.parse(fs.readFileSync(file, 'utf8')) as E2EInfo;
	return cached;
}

// ------------------------------------------------------------------ packages and node types
interface ManifestVendor {
	key: string;
	package: string;
	displayName: string;
	nodes: string[];
	credentials: string[];
	examples?: string | string[];
}

/** The repository root and the vendor manifest (vendors.json). */
export const REPO = nodePath.resolve(__dirname, '..', '..');
let manifestCache: ManifestVendor[] | undefined;
export function manifestVendors(): ManifestVendor[] {
	// scripts/lib/vendors.js reads vendors.json and each package's package.json (nodes, credentials).
	manifestCache ??= (
		require(nodePath.join(REPO, 'scripts', 'lib', 'vendors.js')) as {
			vendors: () => ManifestVendor[];
		}
	).vendors();
	return manifestCache;
}
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** Node names of a manifest vendor: `nodes/Acme/AcmeTrigger.node.ts` (in its package) → `acmeTrigger`. */
export const manifestNodeNames = (v: ManifestVendor): string[] =>
	v.nodes.map((f) => lowerFirst(nodePath.basename(f).replace(/\.node\.ts$/, '')));

/**
 * The prefix of the single package this repository shipped before it was split per vendor. Only for
 * reading old workflows: types are `<package>.<node>` now (see nodeType, nodeTypePrefix).
 * @deprecated
 */
export const NODE_TYPE_PREFIX = 'n8n-nodes-psa.';

function vendorOfNode(name: string): ManifestVendor | undefined {
	return manifestVendors().find((v) => manifestNodeNames(v).includes(name));
}

/** The npm package of a vendor: `packageName('acme')` → `n8n-nodes-psa-acme`. */
export function packageName(vendor: Vendor): string {
	const v = manifestVendors().find((x) => x.key === vendor);
	if (!v) throw new Error(`vendors.json has no vendor "${vendor}"`);
	return v.package;
}

/** `nodeTypePrefix('acme')` → `n8n-nodes-psa-acme.` */
export const nodeTypePrefix = (vendor: Vendor): string => `${packageName(vendor)}.`;

/**
 * The type n8n registers a node under: `nodeType('acme')` → `n8n-nodes-psa-acme.acme`, `nodeType('acmeTrigger')`
 * → `n8n-nodes-psa-acme.acmeTrigger` (the package is the one whose package.json lists the node).
 * A legacy `n8n-nodes-psa.<node>` is mapped too.
 */
export function nodeType(name: string): string {
	const bare = name.startsWith(NODE_TYPE_PREFIX) ? name.slice(NODE_TYPE_PREFIX.length) : name;
	const v = vendorOfNode(bare);
	if (!v) throw new Error(`no vendor in vendors.json has a node named "${bare}"`);
	return `${v.package}.${bare}`;
}

/** Rewrite legacy `n8n-nodes-psa.<node>` types in a workflow to the vendor packages' types (returns a copy). */
export function upgradeNodeTypes<T extends { nodes: Array<{ type: string }> }>(wf: T): T {
	if (!wf.nodes.some((n) => n.type.startsWith(NODE_TYPE_PREFIX))) return wf;
	return {
		...wf,
		nodes: wf.nodes.map((n) =>
			n.type.startsWith(NODE_TYPE_PREFIX) && vendorOfNode(n.type.slice(NODE_TYPE_PREFIX.length))
				? { ...n, type: nodeType(n.type) }
				: n,
		),
	};
}

/** The packages installed in the running n8n (one in an 'alone' run, all in a 'together' run). */
export function installedPackages(): InstalledPackage[] {
	const info = e2e();
	if (info.packages?.length) return info.packages;
	return [
		{
			key: info.packageName,
			name: info.packageName,
			nodeTypePrefix: info.nodeTypePrefix,
			nodes: [],
			version: '',
		},
	];
}

/** Whether a vendor's package is installed in the running n8n. */
export const isInstalled = (vendor: Vendor): boolean =>
	installedPackages().some((p) => p.key === vendor);

/** The sandbox base URL of a vendor (throws if that sandbox is not running). */
export function sandboxUrl(vendor: Vendor): string {
	const s = e2e().sandboxes[vendor];
	if (!s) throw new Error(`the ${vendor} sandbox is not running in this e2e session`);
	return s.url;
}

// ------------------------------------------------------------------ HTTP
export class HttpError extends Error {
	constructor(
		message: string,
		public status: number,
		public body: unknown,
	) {
		super(message);
	}
}

/**
 * fetch, retried (twice, after 200 ms) when the connection was closed under it: undici reuses keep-alive
 * sockets that n8n's server may close at the same moment (seen as "other side closed" / ECONNRESET on a
 * busy machine). Such a request never reached n8n's handlers, so repeating it is safe.
 */
export async function fetchRetryingStaleSockets(url: string, init: RequestInit): Promise<Response> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await fetch(url, init);
		} catch (e) {
			const cause = (e as { cause?: { code?: string; message?: string } }).cause;
			const stale =
				cause?.code === 'UND_ERR_SOCKET' ||
				cause?.code === 'ECONNRESET' ||
				/other side closed/.test(cause?.message ?? '');
			if (!stale || attempt >= 2) throw e;
			await new Promise((r) => setTimeout(r, 200));
		}
	}
}

async function http<T = any>(
	method: string,
	url: string,
	opts: { body?: unknown; cookie?: boolean; apiKey?: boolean } = {},
): Promise<T> {
	const info = e2e();
	const headers: Record<string, string> = {
		accept: 'application/json',
		'browser-id': info.n8n.browserId,
	};
	if (opts.body !== undefined) headers['content-type'] = 'application/json';
	if (opts.cookie) headers.cookie = info.n8n.cookie;
	if (opts.apiKey) headers['x-n8n-api-key'] = info.n8n.apiKey;
	let res: Response;
	let text: string;
	for (let attempt = 0; ; attempt++) {
		res = await fetchRetryingStaleSockets(url, {
			method,
			headers,
			body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
		});
		text = await res.text();
		// n8n 1.x on SQLite sometimes refuses a request while its own background work (a polling
		// trigger's execution, say) holds a transaction: "cannot start a transaction within a
		// transaction". Its transaction was rolled back, so nothing was stored: ask again (seen once on
		// 1.123.81 creating a credential while the Cenno trigger test's workflow polled).
		if (
			res.status !== 500 ||
			!/cannot start a transaction within a transaction/.test(text) ||
			attempt >= 3
		)
			break;
		await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
	}
	let json: any;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = text;
	}
	if (!res.ok)
		throw new HttpError(
			`${method} ${new URL(url).pathname} → ${res.status}: ${text.slice(0, 500)}`,
			res.status,
			json,
		);
	return json as T;
}

/** Public API call (`/api/v1…`, X-N8N-API-KEY). */
export const publicApi = <T = any>(method: string, path: string, body?: unknown): Promise<T> =>
	http<T>(method, `${e2e().n8n.baseUrl}/api/v1${path}`, { body, apiKey: true });
/** Internal REST call (`/rest…`, owner cookie). */
export const restApi = <T = any>(method: string, path: string, body?: unknown): Promise<T> =>
	http<T>(method, `${e2e().n8n.baseUrl}/rest${path}`, { body, cookie: true });

// ------------------------------------------------------------------ credentials
const createdCredentialData = new Map<string, Record<string, unknown>>();

/** Create a credential through the public API. */
export async function createCredential(cred: DemoCredential): Promise<CreatedCredential> {
	let r: { id: string; name: string; type: string };
	try {
		r = await publicApi('POST', '/credentials', {
			name: cred.name,
			type: cred.type,
			data: cred.data,
		});
	} catch (e) {
		// n8n 1.x validates public-API credential data against a schema built from the properties and
		// rejects valid data for properties with displayOptions; the editor's REST route does not.
		if (!(e instanceof HttpError) || e.status !== 400 || !/does not match/.test(e.message)) throw e;
		const rest = await restApi<any>('POST', '/credentials', {
			name: cred.name,
			type: cred.type,
			data: cred.data,
		});
		r = rest.data ?? rest;
	}
	createdCredentialData.set(r.id, cred.data);
	return { id: r.id, name: r.name, type: r.type };
}

/**
 * Create a credential from a sandbox's `demoCredential`, with `data` fields overridden (e.g. a wrong
 * token) and a unique name.
 */
export async function createSandboxCredential(
	vendor: Vendor,
	dataOverrides: Record<string, unknown> = {},
	name?: string,
): Promise<CreatedCredential> {
	const demo = e2e().sandboxes[vendor]?.demoCredential;
	if (!demo) throw new Error(`no demoCredential for the ${vendor} sandbox`);
	return createCredential({
		type: demo.type,
		name: name ?? `${demo.name} ${randomUUID().slice(0, 8)}`,
		data: { ...demo.data, ...dataOverrides },
	});
}

/**
 * Run a credential's test request (what the editor's "Test" / "Retry" does).
 * Without `data`: tests the stored credential (`POST /api/v1/credentials/{id}/test` on 2.x; on 1.x the
 * data it was created with through this harness). With `data`: tests exactly that data (give ALL fields:
 * `/rest/credentials/test` does not merge partial data with the stored one).
 */
export async function testCredential(
	cred: CreatedCredential,
	data?: Record<string, unknown>,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	if (!data) {
		try {
			return await publicApi('POST', `/credentials/${cred.id}/test`);
		} catch (e) {
			if (!(e instanceof HttpError) || (e.status !== 404 && e.status !== 405)) throw e;
		}
		data = createdCredentialData.get(cred.id) ?? {};
	}
	const r = await restApi<any>('POST', '/credentials/test', {
		credentials: { id: cred.id, name: cred.name, type: cred.type, data },
	});
	return r.data ?? r;
}

// ------------------------------------------------------------------ workflows
const SETTINGS_KEYS = [
	'saveExecutionProgress',
	'saveManualExecutions',
	'saveDataErrorExecution',
	'saveDataSuccessExecution',
	'executionTimeout',
	'errorWorkflow',
	'timezone',
	'executionOrder',
	'callerPolicy',
	'callerIds',
];

/** Only the fields POST /api/v1/workflows accepts. */
export function sanitizeWorkflow(wf: Workflow): Workflow {
	const settings: Record<string, unknown> = {};
	for (const k of SETTINGS_KEYS) if (wf.settings?.[k] !== undefined) settings[k] = wf.settings[k];
	if (!settings.executionOrder) settings.executionOrder = 'v1';
	const out: Workflow = {
		name: wf.name ?? `e2e ${randomUUID().slice(0, 8)}`,
		nodes: upgradeNodeTypes(wf).nodes,
		connections: wf.connections ?? {},
		settings,
	};
	if (wf.staticData) out.staticData = wf.staticData;
	return out;
}

export interface Substitutions {
	/** Exact-string replacements applied to the file's JSON text, e.g. { '{{SANDBOX_URL}}': url }. */
	text?: Record<string, string>;
	/** Point every node credential of a type at a created credential: { psaAcmeApi: cred }. */
	credentials?: Record<string, CreatedCredential>;
	/** Override node parameters by node name: { 'Get Projects': { limit: 5 } } (shallow merge). */
	parameters?: Record<string, Record<string, unknown>>;
	name?: string;
}

/** Read a workflow JSON (e.g. examples/acme-*.json) and apply substitutions; nothing is created. */
export function loadWorkflowFile(file: string, subs: Substitutions = {}): Workflow {
	let text = fs.readFileSync(file, 'utf8');
	for (const [from, to] of Object.entries(subs.text ?? {})) text = text.split(from).join(to);
	const wf = upgradeNodeTypes(JSON.parse(text) as Workflow);
	return applySubstitutions(wf, subs);
}

/** Apply `credentials` / `parameters` / `name` substitutions to a workflow object (returns a copy). */
export function applySubstitutions(wf: Workflow, subs: Substitutions = {}): Workflow {
	const copy = JSON.parse(JSON.stringify(wf)) as Workflow;
	for (const node of copy.nodes) {
		for (const [type, cred] of Object.entries(subs.credentials ?? {})) {
			if (
				node.credentials?.[type] ||
				(cred && node.credentials && Object.keys(node.credentials).length === 0)
			) {
				node.credentials = { ...node.credentials, [type]: { id: cred.id, name: cred.name } };
			}
		}
		const p = subs.parameters?.[node.name];
		if (p) node.parameters = { ...node.parameters, ...p };
	}
	if (subs.name) copy.name = subs.name;
	return copy;
}

/** Create a workflow through the public API. */
export async function createWorkflow(wf: Workflow): Promise<Workflow & { id: string }> {
	return publicApi('POST', '/workflows', sanitizeWorkflow(wf));
}

/** Load + substitute + create a workflow file (e.g. `examples/acme-list-projects.json`). */
export async function createWorkflowFromFile(
	file: string,
	subs: Substitutions = {},
): Promise<Workflow & { id: string }> {
	return createWorkflow(loadWorkflowFile(file, subs));
}

export const activate = (id: string) => publicApi('POST', `/workflows/${id}/activate`);
export const deactivate = (id: string) => publicApi('POST', `/workflows/${id}/deactivate`);
export const deleteWorkflow = (id: string) => publicApi('DELETE', `/workflows/${id}`);

/** A linear workflow from nodes: each node feeds the next (positions and ids filled in). */
export function chain(...nodes: NodeInput[]): Workflow {
	const full: WorkflowNode[] = nodes.map((n, i) => ({
		id: randomUUID(),
		typeVersion: 1,
		position: [i * 220, 0] as [number, number],
		...n,
	}));
	const connections: Workflow['connections'] = {};
	for (let i = 0; i < full.length - 1; i++)
		connections[full[i].name] = { main: [[{ node: full[i + 1].name, type: 'main', index: 0 }]] };
	return { name: `e2e ${randomUUID().slice(0, 8)}`, nodes: full, connections };
}

// ------------------------------------------------------------------ executions
export interface Execution {
	id: string;
	workflowId: string;
	status?: string;
	finished: boolean;
	mode: string;
	startedAt: string;
	stoppedAt: string | null;
	data?: any;
}

export async function listExecutions(
	opts: { workflowId?: string; includeData?: boolean; status?: string; limit?: number } = {},
): Promise<Execution[]> {
	const q = new URLSearchParams({
		includeData: String(opts.includeData ?? false),
		limit: String(opts.limit ?? 100),
	});
	if (opts.workflowId) q.set('workflowId', opts.workflowId);
	if (opts.status) q.set('status', opts.status);
	return (await publicApi<{ data: Execution[] }>('GET', `/executions?${q}`)).data;
}

/**
 * Wait for a finished execution of a workflow that is not in `ignoreIds` (pass the ids seen before the
 * action). Returns it with data.
 */
export async function waitForExecution(
	workflowId: string,
	opts: { ignoreIds?: string[]; timeoutMs?: number; intervalMs?: number } = {},
): Promise<Execution> {
	const deadline = Date.now() + (opts.timeoutMs ?? 60000);
	const ignore = new Set((opts.ignoreIds ?? []).map(String));
	for (;;) {
		const list = await listExecutions({ workflowId, includeData: true, limit: 20 });
		const hit = list.find(
			(e) =>
				!ignore.has(String(e.id)) &&
				e.stoppedAt &&
				e.status !== 'running' &&
				e.status !== 'new' &&
				e.status !== 'waiting',
		);
		if (hit) return hit;
		if (Date.now() > deadline)
			throw new Error(
				`no finished execution of workflow ${workflowId} within ${opts.timeoutMs ?? 60000} ms`,
			);
		await new Promise((r) => setTimeout(r, opts.intervalMs ?? 250));
	}
}

/** Items (json only) a node produced in an execution's run data (`execution.data` or an IRun). */
export function nodeOutput(
	runOrExecution: any,
	nodeName: string,
	outputIndex = 0,
): Array<Record<string, unknown>> {
	const data = runOrExecution?.data?.resultData ? runOrExecution.data : runOrExecution;
	const runs = data?.resultData?.runData?.[nodeName];
	if (!runs) return [];
	const last = runs[runs.length - 1];
	return (last?.data?.main?.[outputIndex] ?? []).map((i: any) => i.json);
}

/** The error message of a failed run, if any. */
export function runError(
	runOrExecution: any,
): { message: string; description?: string; node?: string; httpCode?: string } | undefined {
	const data = runOrExecution?.data?.resultData ? runOrExecution.data : runOrExecution;
	const err = data?.resultData?.error;
	if (!err) return undefined;
	return {
		message: err.message,
		description: err.description,
		node: err.node?.name,
		httpCode: err.httpCode,
	};
}

// ------------------------------------------------------------------ webhook fast path
const WEBHOOK = 'n8n-nodes-base.webhook';
const MANUAL = 'n8n-nodes-base.manualTrigger';

/**
 * A copy of `wf` with a Webhook node (POST, responseMode lastNode, responseData allEntries) in front:
 * a Manual Trigger is replaced; otherwise the webhook feeds every node without incoming connections.
 */
export function withWebhook(wf: Workflow, path: string): Workflow {
	const copy = JSON.parse(JSON.stringify(wf)) as Workflow;
	const params = {
		httpMethod: 'POST',
		path,
		responseMode: 'lastNode',
		responseData: 'allEntries',
		options: {},
	};
	const existing = copy.nodes.find((n) => n.type === WEBHOOK);
	if (existing) {
		existing.parameters = { ...existing.parameters, ...params };
		existing.webhookId = path;
		return copy;
	}
	let targets: string[];
	const manual = copy.nodes.find((n) => n.type === MANUAL);
	if (manual) {
		targets = (copy.connections[manual.name]?.main?.[0] ?? []).map((c) => c.node);
		copy.nodes = copy.nodes.filter((n) => n !== manual);
		delete copy.connections[manual.name];
	} else {
		const incoming = new Set<string>();
		for (const src of Object.values(copy.connections))
			for (const outs of src.main ?? []) for (const c of outs ?? []) incoming.add(c.node);
		targets = copy.nodes
			.filter((n) => !incoming.has(n.name) && !/trigger/i.test(n.type))
			.map((n) => n.name);
	}
	const name = copy.nodes.some((n) => n.name === 'Webhook') ? `Webhook ${path}` : 'Webhook';
	copy.nodes.unshift({
		id: randomUUID(),
		name,
		type: WEBHOOK,
		typeVersion: 2,
		position: [-220, 0],
		webhookId: path,
		parameters: params,
	});
	copy.connections[name] = { main: [targets.map((node) => ({ node, type: 'main', index: 0 }))] };
	return copy;
}

const webhookCache = new Map<string, { id: string; path: string }>();

export interface WebhookRun {
	/** HTTP status of the webhook response (200 on success, 500 when a node failed). */
	status: number;
	/** Parsed response body: on success the last node's items (array of json). */
	data: any;
	/** Same as `data` when it is an array, else []. */
	items: Array<Record<string, unknown>>;
	workflowId: string;
	/** On a non-2xx status: the failed execution (with data) and its error. */
	execution?: Execution;
	error?: ReturnType<typeof runError>;
}

/**
 * Run a workflow through a Webhook node in front of it, synchronously over HTTP. The activated webhook
 * copy is cached per workflow JSON, so repeated runs with different bodies cost ≈0.1 s each.
 * `body` arrives as `$json.body` in the first node after the webhook.
 */
export async function runViaWebhook(
	wf: Workflow,
	body: unknown = {},
	opts: { query?: Record<string, string>; fresh?: boolean } = {},
): Promise<WebhookRun> {
	const key = createHash('sha256')
		.update(JSON.stringify({ nodes: wf.nodes, connections: wf.connections, settings: wf.settings }))
		.digest('hex');
	let entry = opts.fresh ? undefined : webhookCache.get(key);
	if (!entry) {
		const path = `e2e-${key.slice(0, 12)}-${randomUUID().slice(0, 6)}`;
		const created = await createWorkflow({
			...withWebhook(wf, path),
			name: `${wf.name ?? 'e2e'} [webhook]`,
		});
		await activate(created.id);
		entry = { id: created.id, path };
		webhookCache.set(key, entry);
	}
	const before = await listExecutions({ workflowId: entry.id, limit: 5 });
	const qs = opts.query ? `?${new URLSearchParams(opts.query)}` : '';
	// Activation registers the route ≈0.5 s after the call returns: retry 404 "not registered" briefly.
	const deadline = Date.now() + 15000;
	let res: Response;
	for (;;) {
		res = await fetch(`${e2e().n8n.baseUrl}/webhook/${entry.path}${qs}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		if (res.status !== 404 || Date.now() > deadline) break;
		await res.text();
		await new Promise((r) => setTimeout(r, 100));
	}
	const text = await res.text();
	let data: any;
	try {
		data = text ? JSON.parse(text) : undefined;
	} catch {
		data = text;
	}
	const run: WebhookRun = {
		status: res.status,
		data,
		items: Array.isArray(data) ? data : [],
		workflowId: entry.id,
	};
	if (!res.ok) {
		try {
			run.execution = await waitForExecution(entry.id, {
				ignoreIds: before.map((e) => e.id),
				timeoutMs: 15000,
			});
			run.error = runError(run.execution);
		} catch {}
	}
	return run;
}

/** Deactivate every webhook copy this test file activated (call in afterAll). */
export async function cleanupWebhooks(): Promise<void> {
	for (const { id } of webhookCache.values()) await deactivate(id).catch(() => undefined);
	webhookCache.clear();
}

// ------------------------------------------------------------------ manual (n8n execute) path
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as net.AddressInfo;
			s.close(() => resolve(port));
		});
	});
}

export interface ManualRun {
	/** 0 when the run succeeded (also when n8n crashed on its way out after printing the finished run: see `signal`). */
	exitCode: number;
	/** Set when `n8n execute` was ended by a signal (e.g. SIGSEGV at shutdown). */
	signal?: string;
	/** The parsed `--rawOutput` run (IRun: { data: { resultData: { runData, error? } }, status, … }). */
	run: any;
	stdout: string;
	stderr: string;
	workflowId: string;
	error?: ReturnType<typeof runError>;
}

/**
 * Create `wf` (its start node must be a Manual Trigger: `n8n execute` cannot start from a polling or
 * webhook trigger) and run it with `n8n execute --id=<id> --rawOutput`: a fresh n8n
 * process on the same database, with its own task-broker port. ≈5 s per run on n8n 2.x.
 */
export async function runManual(
	wf: Workflow | { id: string },
	opts: { timeoutMs?: number } = {},
): Promise<ManualRun> {
	const info = e2e();
	const id = 'nodes' in wf ? (await createWorkflow(wf as Workflow)).id : wf.id;
	let brokerPort = await freePort();
	while (brokerPort === 5678 || brokerPort === 5679 || brokerPort === info.n8n.port)
		brokerPort = await freePort();
	const env = {
		...process.env,
		...info.n8n.env,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_LOG_LEVEL: 'info',
	}; // --rawOutput is printed through the logger at info level
	return new Promise((resolve, reject) => {
		const child = spawn(
			info.n8n.nodeBin,
			[info.n8n.n8nBin, 'execute', `--id=${id}`, '--rawOutput'],
			{ cwd: info.n8n.userFolder, env, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`n8n execute --id=${id} timed out\n${stderr.slice(-2000)}`));
		}, opts.timeoutMs ?? 120000);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const run = parseRawOutput(stdout);
			if (run === undefined) {
				const hint = /Missing node to start execution/.test(stdout)
					? '\nHint: `n8n execute` starts only from a Manual Trigger (not from a polling/webhook trigger node); test trigger nodes through activation + waitForExecution, or in-process.'
					: '';
				return reject(
					new Error(
						`n8n execute --id=${id} exited ${code} without JSON output${hint}\nstdout: ${stdout.slice(-2000)}\nstderr: ${stderr.slice(-2000)}`,
					),
				);
			}
			// n8n 2.41.1 on Node 24 was seen dying with SIGSEGV while shutting down, after it had printed (and
			// stored) the finished run — with no package of ours installed too (its isolated-vm expression
			// engine at exit, intermittently). The run's own status is then the result.
			let exitCode = code ?? 1;
			if (code === null && signal && (run.status === 'success' || run.finished === true))
				exitCode = 0;
			resolve({
				exitCode,
				signal: signal ?? undefined,
				run,
				stdout,
				stderr,
				workflowId: id,
				error: runError(run),
			});
		});
	});
}

/** `--rawOutput` prints some log lines before the JSON on 2.x: parse from the first line that starts it. */
export function parseRawOutput(stdout: string): any {
	const lines = stdout.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (!lines[i].startsWith('{')) continue;
		try {
			return JSON.parse(lines.slice(i).join('\n'));
		} catch {}
	}
	return undefined;
}

// ------------------------------------------------------------------ sandbox control
/**
 * Call a sandbox control endpoint: `sandboxControl('acme', 'stats')` → GET /__sandbox/stats;
 * with a body it POSTs: `sandboxControl('acme', 'faults', { … })`, `sandboxControl('acme', 'reset', {})`.
 */
export async function sandboxControl<T = any>(
	vendor: Vendor,
	path: string,
	body?: unknown,
): Promise<T> {
	const p = path.startsWith('/__sandbox/') ? path : `/__sandbox/${path.replace(/^\//, '')}`;
	const res = await fetch(`${sandboxUrl(vendor)}${p}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!res.ok)
		throw new HttpError(
			`sandbox ${vendor} ${p} → ${res.status}: ${text.slice(0, 300)}`,
			res.status,
			text,
		);
	try {
		return JSON.parse(text) as T;
	} catch {
		return text as unknown as T;
	}
}

// ------------------------------------------------------------------ node types
/** Names of all node types the running n8n has loaded (from the editor's `/types/nodes.json`). */
export async function loadedNodeTypes(): Promise<string[]> {
	const list = await http<Array<{ name: string }>>('GET', `${e2e().n8n.baseUrl}/types/nodes.json`, {
		cookie: true,
	});
	return [...new Set(list.map((t) => t.name))];
}

/** Names of all credential types the running n8n has loaded. */
export async function loadedCredentialTypes(): Promise<string[]> {
	const list = await http<Array<{ name: string }>>(
		'GET',
		`${e2e().n8n.baseUrl}/types/credentials.json`,
		{ cookie: true },
	);
	return [...new Set(list.map((t) => t.name))];
}
