'use strict';
/**
 * Small library around a real n8n process: install our package like a community package, start a quiet
 * offline n8n, set up the owner + API key, and call the REST / public API.
 *
 * Used by scripts/e2e.js, scripts/start.js and scripts/screenshot.js. Everything listens on 127.0.0.1.
 * Every child started here is tracked and killed on exit, SIGINT, SIGTERM and uncaught errors.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const crypto = require('crypto');
const { spawn, execFileSync } = require('child_process');

const REPO = path.resolve(__dirname, '..', '..');
const manifest = require('./vendors');
/** Node types load as `<package>.<node>`: one package, and so one prefix, per vendor (vendors.json). */
const NODE_TYPE_PREFIXES = Object.fromEntries(
	manifest.vendors().map((v) => [v.key, v.nodeTypePrefix]),
);
const PACKAGE_NAMES = Object.fromEntries(manifest.vendors().map((v) => [v.key, v.package]));
const nodeTypePrefix = (key) => manifest.byKey(key).nodeTypePrefix;
const packageName = (key) => manifest.byKey(key).package;
/** `nodeType('blikk')` → `n8n-nodes-psa-blikk.blikk` (also maps a legacy `n8n-nodes-psa.blikk`). */
const nodeType = manifest.nodeType;
/** True for a node type from one of our packages. */
const isOurNodeType = (type) =>
	Object.values(NODE_TYPE_PREFIXES).some((p) => typeof type === 'string' && type.startsWith(p));
const BROWSER_ID = 'n8n-psa-harness';
const TEST_ENCRYPTION_KEY = 'n8n-psa-e2e-fixed-encryption-key-not-secret';

// ------------------------------------------------------------------ child process bookkeeping
const children = new Set();
let hooksInstalled = false;

function killTree(child, signal) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	try {
		// Children are started detached (own process group) so that n8n's task runners die with it.
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {}
	}
}

function installExitHooks() {
	if (hooksInstalled) return;
	hooksInstalled = true;
	process.on('exit', () => {
		for (const c of children) killTree(c, 'SIGKILL');
	});
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(sig, () => {
			for (const c of children) killTree(c, 'SIGTERM');
			// Give them a moment, then make sure.
			setTimeout(() => process.exit(130), 1500).unref();
		});
	}
}

/** Spawn a tracked child in its own process group. */
function spawnTracked(cmd, args, opts = {}) {
	installExitHooks();
	const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...opts });
	children.add(child);
	child.on('exit', () => children.delete(child));
	return child;
}

async function stopChild(child, timeoutMs = 15000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	killTree(child, 'SIGTERM');
	const t = setTimeout(() => killTree(child, 'SIGKILL'), timeoutMs);
	await exited;
	clearTimeout(t);
}

// ------------------------------------------------------------------ helpers
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** A free port that is not one n8n or the sandboxes use by default. */
async function freePortAvoiding(avoid = [5678, 5679]) {
	for (;;) {
		const p = await freePort();
		if (!avoid.includes(p)) return p;
	}
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ package install
/**
 * Install vendor packages the way n8n installs a community package: the tarball `npm run pack` wrote into
 * artifacts/ is extracted into `<userFolder>/.n8n/nodes/node_modules/<package>/` and listed in that
 * folder's package.json. `vendors`: keys from vendors.json (default: all). Packs first when the tarballs
 * are missing or older than dist/ (see ensurePacked). Returns { packages: [{ vendor, name, target,
 * version, files }], target, version, files } (the last three: the first package's, for old callers).
 */
function installPackage(userFolder, { log = () => {}, vendors, tarballDir } = {}) {
	const keys = vendors && vendors.length ? vendors : manifest.keys();
	// tarballDir: a private copy of artifacts/ (scripts/e2e.js snapshots it, as other processes may re-pack)
	if (!tarballDir) ensurePacked({ log, vendors: keys });
	const { tarballs } = require('../pack');
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const nodesPkg = path.join(nodesDir, 'package.json');
	let pkg = { name: 'installed-nodes', private: true, dependencies: {} };
	try {
		pkg = JSON.parse(fs.readFileSync(nodesPkg, 'utf8'));
	} catch {}
	// The single combined package this repository shipped before the split would register the same
	// credential types a second time: remove it from a user folder that still has it (e.g. .n8n-demo/).
	const legacy = path.join(nodesDir, 'node_modules', 'n8n-nodes-psa');
	if (fs.existsSync(legacy)) {
		fs.rmSync(legacy, { recursive: true, force: true });
		log('removed the old combined package n8n-nodes-psa (replaced by one package per vendor)');
	}
	if (pkg.dependencies) delete pkg.dependencies['n8n-nodes-psa'];
	const packages = [];
	for (const { vendor, tarball } of tarballs({
		vendors: keys,
		...(tarballDir ? { destination: tarballDir } : {}),
	})) {
		const target = path.join(nodesDir, 'node_modules', vendor.package);
		fs.rmSync(target, { recursive: true, force: true });
		fs.mkdirSync(target, { recursive: true });
		execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
		const installed = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8'));
		const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
			.split('\n')
			.filter(Boolean)
			.map((f) => f.replace(/^package\//, ''));
		pkg.dependencies = { ...(pkg.dependencies || {}), [vendor.package]: installed.version };
		packages.push({
			vendor: vendor.key,
			name: vendor.package,
			target,
			version: installed.version,
			files,
		});
		log(`installed ${path.basename(tarball)} (${files.length} files) into ${target}`);
	}
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.writeFileSync(nodesPkg, JSON.stringify(pkg, null, 2));
	return {
		packages,
		target: packages[0].target,
		version: packages[0].version,
		files: packages[0].files,
	};
}

// ------------------------------------------------------------------ env
/** The quiet, offline environment for an n8n process (server or `execute`). */
function n8nEnv(opts) {
	const { runtime, userFolder, port, brokerPort, extra = {} } = opts;
	const base = {
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_PORT: String(port || 5678),
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port || 5678}/`,
		N8N_WEBHOOK_URL: `http://127.0.0.1:${port || 5678}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		DB_TYPE: 'sqlite',
		// quiet + offline
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		N8N_AI_ENABLED: 'false',
		// explicit values for settings whose defaults 2.x announces to change (keeps the log quiet)
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_RUNNERS_TASK_TIMEOUT: '60',
		N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: '268435456',
		N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '1000',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		NODE_ENV: 'production',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		NO_COLOR: '1',
	};
	// 1.x reads WEBHOOK_URL; 2.x warns about it and reads N8N_WEBHOOK_URL.
	if (runtime && runtime.major < 2) base.WEBHOOK_URL = base.N8N_WEBHOOK_URL;
	// 2.x only: the MCP registry module reaches out to the network (1.x does not know the module and exits).
	if (!runtime || runtime.major >= 2) base.N8N_DISABLED_MODULES = 'mcp-registry';
	const merged = { ...base, ...extra };
	if (opts.varsOnly) return { ...merged, ...(runtime ? runtime.extraEnv : {}) };
	return runtime ? runtime.env(merged) : { ...process.env, ...merged };
}

/** Only the variables n8nEnv sets (no process.env), e.g. to hand to another process via JSON. */
function n8nEnvVars(opts) {
	const out = n8nEnv({ ...opts, varsOnly: true });
	if (opts.runtime && opts.runtime.nodeDir)
		out.PATH = `${path.join(opts.runtime.nodeDir, 'bin')}${path.delimiter}${process.env.PATH || ''}`;
	return out;
}

// ------------------------------------------------------------------ server
/**
 * Start `n8n start`. Resolves when `GET /rest/settings` answers 200. The handle has `stop()`,
 * `baseUrl`, `logTail()`, `logFile`, `readySeconds`.
 */
async function startN8n({
	runtime,
	port,
	userFolder,
	env = {},
	log = () => {},
	timeoutMs = 180000,
}) {
	port = port || (await freePortAvoiding());
	const brokerPort = await freePortAvoiding([5678, 5679, port]);
	fs.mkdirSync(userFolder, { recursive: true });
	const logFile = path.join(userFolder, 'n8n.log');
	const logStream = fs.createWriteStream(logFile, { flags: 'a' });
	let tail = '';
	const envAll = n8nEnv({ runtime, userFolder, port, brokerPort, extra: env });
	const [cmd, args] = runtime.command(['start']);
	const t0 = Date.now();
	const child = spawnTracked(cmd, args, { cwd: userFolder, env: envAll });
	const onData = (d) => {
		logStream.write(d);
		tail = (tail + d.toString()).slice(-20000);
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const baseUrl = `http://127.0.0.1:${port}`;
	const handle = {
		baseUrl,
		port,
		brokerPort,
		userFolder,
		logFile,
		child,
		logTail: (n = 60) => tail.split('\n').slice(-n).join('\n'),
		async stop() {
			await stopChild(child);
			await new Promise((r) => logStream.end(r));
		},
	};
	let exited = null;
	child.once('exit', (code, sig) => (exited = { code, sig }));
	for (;;) {
		if (exited)
			throw new Error(
				`n8n exited (${exited.code ?? exited.sig}) before it was ready. Log tail:\n${handle.logTail()}`,
			);
		if (Date.now() - t0 > timeoutMs) {
			await handle.stop();
			throw new Error(`n8n not ready after ${timeoutMs / 1000} s. Log tail:\n${handle.logTail()}`);
		}
		// 2.x answers /rest/settings before its migrations ran; /healthz/readiness waits for the DB.
		// 1.x brings REST routes up a few seconds after readiness: wait for both.
		try {
			const ready = await fetch(`${baseUrl}/healthz/readiness`, {
				signal: AbortSignal.timeout(2000),
			});
			if (ready.status === 200) {
				const res = await fetch(`${baseUrl}/rest/settings`, { signal: AbortSignal.timeout(2000) });
				if (res.status === 200) break;
			}
		} catch {}
		await sleep(250);
	}
	handle.readySeconds = (Date.now() - t0) / 1000;
	log(
		`n8n ${runtime.version} ready at ${baseUrl} in ${handle.readySeconds.toFixed(1)} s (log: ${logFile})`,
	);
	return handle;
}

// ------------------------------------------------------------------ REST (cookie) + public API (key)
async function http(
	method,
	url,
	{ body, headers = {}, cookie, apiKey, raw = false, timeoutMs = 60000 } = {},
) {
	const h = { accept: 'application/json', 'browser-id': BROWSER_ID, ...headers };
	if (body !== undefined) h['content-type'] = 'application/json';
	if (cookie) h.cookie = cookie;
	if (apiKey) h['x-n8n-api-key'] = apiKey;
	let res;
	for (let attempt = 0; ; attempt++) {
		try {
			res = await fetch(url, {
				method,
				headers: h,
				body: body === undefined ? undefined : JSON.stringify(body),
				signal: AbortSignal.timeout(timeoutMs),
			});
			break;
		} catch (e) {
			// A keep-alive socket n8n closed under us ("other side closed"): the request never reached n8n.
			const stale = e.cause && (e.cause.code === 'UND_ERR_SOCKET' || e.cause.code === 'ECONNRESET');
			if (!stale || attempt >= 2) throw e;
			await sleep(200);
		}
	}
	if (raw) return res;
	const text = await res.text();
	let json;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = text;
	}
	if (!res.ok) {
		const err = new Error(
			`${method} ${new URL(url).pathname} → ${res.status}: ${typeof json === 'string' ? json.slice(0, 500) : JSON.stringify(json).slice(0, 500)}`,
		);
		err.status = res.status;
		err.body = json;
		throw err;
	}
	return json;
}

function cookieFrom(res) {
	const list =
		typeof res.headers.getSetCookie === 'function'
			? res.headers.getSetCookie()
			: [res.headers.get('set-cookie')].filter(Boolean);
	const auth = list.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
	return auth || null;
}

const DEFAULT_OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-test-Passw0rd!',
};

/** Log in (REST) and return the auth cookie. Works on 1.x and 2.x field names. */
async function login(baseUrl, { email, password }) {
	const res = await http('POST', `${baseUrl}/rest/login`, {
		body: { emailOrLdapLoginId: email, email, password },
		raw: true,
	});
	if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
	return cookieFrom(res);
}

/**
 * Create the owner (or log in when it already exists) and an API key with all scopes.
 * Returns { cookie, apiKey, owner }.
 */
async function setupOwnerAndApiKey(baseUrl, owner = DEFAULT_OWNER, { apiKeyLabel } = {}) {
	owner = { ...DEFAULT_OWNER, ...owner };
	let cookie;
	const res = await http('POST', `${baseUrl}/rest/owner/setup`, { body: owner, raw: true });
	if (res.ok) cookie = cookieFrom(res);
	else {
		await res.text();
		cookie = await login(baseUrl, owner);
	}
	if (!cookie) throw new Error('no n8n-auth cookie from owner setup / login');
	let scopes;
	try {
		const s = await http('GET', `${baseUrl}/rest/api-keys/scopes`, { cookie });
		scopes = s.data ?? s;
	} catch {}
	const label = apiKeyLabel || `psa-${Date.now()}-${crypto.randomBytes(3).toString('hex')}`;
	const body = { label, expiresAt: null };
	if (Array.isArray(scopes)) body.scopes = scopes;
	const key = await http('POST', `${baseUrl}/rest/api-keys`, { cookie, body });
	const apiKey = (key.data ?? key).rawApiKey || (key.data ?? key).apiKey;
	if (!apiKey) throw new Error(`no API key in ${JSON.stringify(key).slice(0, 200)}`);
	return { cookie, apiKey, owner };
}

/** Public-API client bound to a base URL and key. */
function publicApi(baseUrl, apiKey) {
	const call = (method, p, body) => http(method, `${baseUrl}/api/v1${p}`, { apiKey, body });
	return {
		call,
		createCredential: (cred) =>
			call('POST', '/credentials', { name: cred.name, type: cred.type, data: cred.data }),
		createWorkflow: (wf) => call('POST', '/workflows', sanitizeWorkflow(wf)),
		getWorkflow: (id) => call('GET', `/workflows/${id}`),
		deleteWorkflow: (id) => call('DELETE', `/workflows/${id}`),
		listWorkflows: async () => {
			const all = [];
			let cursor;
			do {
				const r = await call(
					'GET',
					`/workflows?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
				);
				all.push(...r.data);
				cursor = r.nextCursor;
			} while (cursor);
			return all;
		},
		activate: (id) => call('POST', `/workflows/${id}/activate`),
		deactivate: (id) => call('POST', `/workflows/${id}/deactivate`),
		listExecutions: ({ workflowId, includeData = false, status, limit = 100 } = {}) => {
			const q = new URLSearchParams({ includeData: String(includeData), limit: String(limit) });
			if (workflowId) q.set('workflowId', String(workflowId));
			if (status) q.set('status', status);
			return call('GET', `/executions?${q}`).then((r) => r.data);
		},
		getExecution: (id, includeData = true) =>
			call('GET', `/executions/${id}?includeData=${includeData}`),
	};
}

const WORKFLOW_SETTINGS_KEYS = [
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

/** The public API rejects unknown properties: keep only what POST /workflows accepts. */
function sanitizeWorkflow(wf) {
	const settings = {};
	for (const k of WORKFLOW_SETTINGS_KEYS)
		if (wf.settings && wf.settings[k] !== undefined) settings[k] = wf.settings[k];
	if (!settings.executionOrder) settings.executionOrder = 'v1';
	const out = {
		name: wf.name || 'Untitled',
		nodes: wf.nodes || [],
		connections: wf.connections || {},
		settings,
	};
	if (wf.staticData) out.staticData = wf.staticData;
	return out;
}

/** POST /rest/credentials/test (cookie). Returns { status: 'OK' | 'Error', message }. */
async function testCredential(baseUrl, cookie, cred) {
	const r = await http('POST', `${baseUrl}/rest/credentials/test`, {
		cookie,
		body: { credentials: { id: cred.id, name: cred.name, type: cred.type, data: cred.data || {} } },
	});
	return r.data ?? r;
}

/** Node types n8n has loaded (via the static types file the editor uses). */
async function loadedNodeTypes(baseUrl, cookie) {
	const list = await http('GET', `${baseUrl}/types/nodes.json`, { cookie });
	return list.map((t) => t.name);
}

// ------------------------------------------------------------------ webhook runs
const WEBHOOK_TYPE = 'n8n-nodes-base.webhook';
const MANUAL_TYPE = 'n8n-nodes-base.manualTrigger';

/**
 * Put a Webhook node (responseMode lastNode, all entries) in front of a workflow. A Manual Trigger is
 * replaced; otherwise the webhook feeds every node without incoming main connections.
 */
function withWebhook(wf, webhookPath) {
	const nodes = JSON.parse(JSON.stringify(wf.nodes || []));
	const connections = JSON.parse(JSON.stringify(wf.connections || {}));
	const existing = nodes.find((n) => n.type === WEBHOOK_TYPE);
	if (existing) {
		existing.parameters = {
			...existing.parameters,
			path: webhookPath,
			httpMethod: 'POST',
			responseMode: 'lastNode',
			responseData: existing.parameters?.responseData || 'allEntries',
		};
		existing.webhookId = webhookPath;
		return { ...wf, nodes, connections };
	}
	const webhookName = 'Webhook';
	const manual = nodes.find((n) => n.type === MANUAL_TYPE);
	let targets;
	if (manual) {
		targets = (connections[manual.name]?.main?.[0] || []).map((c) => c.node);
		nodes.splice(nodes.indexOf(manual), 1);
		delete connections[manual.name];
	} else {
		const hasIncoming = new Set();
		for (const src of Object.values(connections))
			for (const outs of src.main || []) for (const c of outs || []) hasIncoming.add(c.node);
		targets = nodes
			.filter((n) => !hasIncoming.has(n.name) && !/trigger/i.test(n.type))
			.map((n) => n.name);
	}
	nodes.unshift({
		id: crypto.randomUUID(),
		name: webhookName,
		type: WEBHOOK_TYPE,
		typeVersion: 2,
		position: [0, 0],
		webhookId: webhookPath,
		parameters: {
			httpMethod: 'POST',
			path: webhookPath,
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
	});
	connections[webhookName] = { main: [targets.map((node) => ({ node, type: 'main', index: 0 }))] };
	return { ...wf, nodes, connections };
}

/**
 * POST to a production webhook URL. Activation registers the webhook route asynchronously (≈0.5 s after
 * the activate call returns on 2.41.1), so a 404 "not registered" is retried for up to `waitMs`.
 */
async function postWebhook(url, body, { waitMs = 15000 } = {}) {
	const deadline = Date.now() + waitMs;
	for (;;) {
		const res = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		if (res.status !== 404 || Date.now() > deadline) return res;
		await res.text();
		await sleep(100);
	}
}

/**
 * Create + activate a webhook-fronted copy of `wf` and POST `body` to it.
 * Returns { status, data, workflowId } (data = parsed JSON response).
 */
async function runWebhookWorkflow({ baseUrl, apiKey }, wf, body = {}) {
	const api = publicApi(baseUrl, apiKey);
	const webhookPath = `psa-${crypto.randomBytes(6).toString('hex')}`;
	const created = await api.createWorkflow(withWebhook(wf, webhookPath));
	await api.activate(created.id);
	try {
		const res = await postWebhook(`${baseUrl}/webhook/${webhookPath}`, body);
		const text = await res.text();
		let data;
		try {
			data = JSON.parse(text);
		} catch {
			data = text;
		}
		return { status: res.status, data, workflowId: created.id };
	} finally {
		await api.deactivate(created.id).catch(() => {});
	}
}

module.exports = {
	REPO,
	manifest,
	NODE_TYPE_PREFIXES,
	PACKAGE_NAMES,
	nodeTypePrefix,
	packageName,
	nodeType,
	isOurNodeType,
	BROWSER_ID,
	TEST_ENCRYPTION_KEY,
	DEFAULT_OWNER,
	spawnTracked,
	stopChild,
	installExitHooks,
	freePort,
	freePortAvoiding,
	sleep,
	installPackage,
	n8nEnv,
	n8nEnvVars,
	startN8n,
	http,
	login,
	setupOwnerAndApiKey,
	publicApi,
	sanitizeWorkflow,
	testCredential,
	loadedNodeTypes,
	withWebhook,
	postWebhook,
	runWebhookWorkflow,
	// convenience wrappers with the signatures the brief names
	createCredential: (ctx, cred) => publicApi(ctx.baseUrl, ctx.apiKey).createCredential(cred),
	createWorkflow: (ctx, wf) => publicApi(ctx.baseUrl, ctx.apiKey).createWorkflow(wf),
	activate: (ctx, id) => publicApi(ctx.baseUrl, ctx.apiKey).activate(id),
	deactivate: (ctx, id) => publicApi(ctx.baseUrl, ctx.apiKey).deactivate(id),
	listExecutions: (ctx, opts) => publicApi(ctx.baseUrl, ctx.apiKey).listExecutions(opts),
};

// ------------------------------------------------------------------ sandboxes
/**
 * Start the vendor sandboxes (vendors.json, through sandbox/index.js) in this process. A vendor whose
 * sandbox module is missing or fails to start is skipped with a warning (so the harness works while a
 * vendor is being written). basePort > 0: basePort + index; ports: 'manifest': each vendor's manifest
 * port; else free ports. demo: the manifest's `sandbox.demoOptions` apply.
 * Returns { sandboxes: { vendor: { url, port, demoCredential, instance } }, stop() }.
 */
async function startSandboxes({
	basePort = 0,
	ports,
	demo = false,
	log = () => {},
	options = {},
	vendors,
} = {}) {
	const mod = require(path.join(REPO, 'sandbox', 'index.js'));
	const list = vendors || mod.VENDORS;
	const started = [];
	const sandboxes = {};
	let i = 0;
	for (const vendor of list) {
		const port = basePort
			? basePort + i
			: ports === 'manifest'
				? manifest.byKey(vendor).sandbox?.port || 0
				: 0;
		i++;
		try {
			const r = await mod.startAll({
				host: '127.0.0.1',
				basePort: port,
				vendors: [vendor],
				options,
				demo,
			});
			started.push(r);
			const sb = r.sandboxes[vendor];
			let demoCredential = null;
			try {
				demoCredential =
					typeof sb.demoCredential === 'function' ? sb.demoCredential() : sb.demoCredential || null;
			} catch (e) {
				log(`warning: ${vendor} sandbox demoCredential failed: ${e.message}`);
			}
			sandboxes[vendor] = { url: sb.url, port: sb.port, demoCredential, instance: sb };
		} catch (e) {
			log(
				`warning: ${vendor} sandbox not started (${e.code === 'MODULE_NOT_FOUND' ? 'module missing' : e.message})`,
			);
		}
	}
	return {
		sandboxes,
		async stop() {
			await Promise.all(started.map((s) => s.stop().catch(() => {})));
		},
	};
}

module.exports.startSandboxes = startSandboxes;

// ------------------------------------------------------------------ build freshness
function newestMtime(dir, filter = () => true) {
	let newest = 0;
	if (!fs.existsSync(dir)) return 0;
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) newest = Math.max(newest, newestMtime(p, filter));
		else if (filter(p)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
	}
	return newest;
}

/** Why a package's dist/ needs a rebuild ('' when all are fresh): missing, an entry of package.json's n8n block missing, or sources newer. */
function distStaleReason() {
	const dist = (v) => path.join(v.dir, 'dist');
	let built = Infinity;
	for (const v of manifest.vendors()) {
		if (!fs.existsSync(dist(v))) return `${v.dirRel}/dist/ is missing`;
		for (const f of [...v.distNodeFiles, ...v.distCredentialFiles])
			if (!fs.existsSync(f)) return `${path.relative(REPO, f)} is missing`;
		built = Math.min(built, newestMtime(dist(v)));
	}
	const notDist = (p) => !p.includes(`${path.sep}dist${path.sep}`);
	const src = Math.max(
		newestMtime(path.join(REPO, 'packages'), notDist),
		fs.statSync(path.join(REPO, 'tsconfig.json')).mtimeMs,
	);
	if (src > built + 1000) return 'sources are newer than dist/';
	return '';
}

/** Run `npm run build` when dist/ is missing or stale (N8N_PSA_NO_BUILD=1 skips the check). */
function ensureBuilt({ log = () => {}, force = false } = {}) {
	if (process.env.N8N_PSA_NO_BUILD && !force) return false;
	const why = force ? 'forced' : distStaleReason();
	if (!why) return false;
	log(`building (${why}): npm run build`);
	execFileSync('npm', ['run', 'build'], {
		cwd: REPO,
		stdio: ['ignore', process.stderr, process.stderr],
	});
	const still = distStaleReason();
	if (still && still !== 'sources are newer than dist/')
		throw new Error(`build finished but ${still}`);
	return true;
}

/** Why artifacts/ needs `npm run pack` ('' when fresh): a tarball missing, or older than dist/ or the manifest. */
function packStaleReason(keys) {
	const { tarballs } = require('../pack');
	let list;
	try {
		list = tarballs({ vendors: keys });
	} catch (e) {
		return e.message;
	}
	const oldest = Math.min(...list.map((t) => fs.statSync(t.tarball).mtimeMs));
	const inputs = Math.max(
		...manifest.vendors().map((v) => newestMtime(path.join(v.dir, 'dist'))),
		...manifest.vendors().map((v) => fs.statSync(path.join(v.dir, 'package.json')).mtimeMs),
		fs.statSync(manifest.MANIFEST).mtimeMs,
	);
	return inputs > oldest + 1000 ? 'dist/ or vendors.json is newer than the tarballs' : '';
}

/**
 * Make sure artifacts/ holds fresh tarballs for `vendors` (default all): builds when dist/ is stale (see
 * ensureBuilt), then packs ALL vendors (artifacts/ always holds exactly one tarball per vendor).
 */
function ensurePacked({ log = () => {}, vendors } = {}) {
	if (process.env.N8N_PSA_NO_BUILD || process.env.N8N_PSA_E2E_NO_BUILD) return false;
	ensureBuilt({ log });
	const why = packStaleReason(vendors);
	if (!why) return false;
	log(`packing (${why}): node scripts/pack.js --no-build`);
	execFileSync(process.execPath, [path.join(REPO, 'scripts', 'pack.js'), '--no-build'], {
		cwd: REPO,
		stdio: ['ignore', process.stderr, process.stderr],
	});
	return true;
}

module.exports.distStaleReason = distStaleReason;
module.exports.ensureBuilt = ensureBuilt;
module.exports.packStaleReason = packStaleReason;
module.exports.ensurePacked = ensurePacked;
