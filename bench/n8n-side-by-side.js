'use strict';
/**
 * Part B of `npm run bench`: our nodes vs n8n's built-in HTTP Request node, side by side in ONE real n8n
 * (2.41.1, SQLite) against the sandboxes (issue #8, jobs 1-3).
 *
 * The HTTP Request side is configured the way a careful user would: its own pagination, an interval
 * between requests that respects the documented ceiling, "Retry On Fail" at its maximum (5 tries, 5 s
 * apart), batching (1 item per batch, ceiling interval) for writes, and for smenso a hand-built
 * POST → Wait → status poll → If loop. Every workflow is fronted by a Webhook (responseMode lastNode) and
 * ends in a Summarize node, so both sides hand back the same small summary.
 *
 * What is measured comes from the sandboxes (every request they answered, tapped on their HTTP server),
 * the records in their state afterwards (duplicates, missing), the webhook's answer, and /proc RSS of the
 * n8n process.
 */
const crypto = require('crypto');
const http = require('http');
const fs = require('fs');
const os = require('os');
const path = require('path');

const n8n = require('./lib/n8n-proc');
const { recoverySeconds } = require('./helper');

const REPO = n8n.REPO;
const RETRY = { retryOnFail: true, maxTries: 5, waitBetweenTries: 5000 };

// ------------------------------------------------------------------ workflow building blocks
let nodeCounter = 0;
function node(name, type, typeVersion, parameters, extra = {}) {
	nodeCounter++;
	return {
		id: crypto.randomUUID(),
		name,
		type,
		typeVersion,
		position: [nodeCounter * 220, extra.y || 0],
		parameters,
		...extra,
		y: undefined,
	};
}

function chain(...nodes) {
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return connections;
}

function webhookNode(webhookPath) {
	return node(
		'Webhook',
		'n8n-nodes-base.webhook',
		2,
		{
			httpMethod: 'POST',
			path: webhookPath,
			responseMode: 'lastNode',
			responseData: 'firstEntryJson',
			options: {},
		},
		{ webhookId: webhookPath },
	);
}

function splitOut(name, field) {
	return node(name, 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: field, options: {} });
}

function summarize(field = 'id') {
	return node('Summarize', 'n8n-nodes-base.summarize', 1.1, {
		fieldsToSummarize: {
			values: [
				{ aggregation: 'count', field },
				{ aggregation: 'countUnique', field },
			],
		},
		options: {},
	});
}

function workflow(name, nodes, connections) {
	for (const n of nodes) delete n.y;
	return {
		name,
		nodes,
		connections,
		settings: {
			executionOrder: 'v1',
			saveDataSuccessExecution: 'none',
			saveDataErrorExecution: 'all',
			saveManualExecutions: false,
		},
	};
}

/** HTTP Request node (v4.2) with the careful-user settings. */
function httpRequest(
	name,
	{
		method = 'GET',
		url,
		credentialType,
		credentialId,
		credentialName,
		headers,
		query,
		body,
		pagination,
		batching,
		options = {},
	},
) {
	const parameters = { method, url, options: { ...options } };
	if (credentialType) {
		parameters.authentication = 'genericCredentialType';
		parameters.genericAuthType = credentialType;
	}
	if (headers) {
		parameters.sendHeaders = true;
		parameters.headerParameters = {
			parameters: Object.entries(headers).map(([n, value]) => ({ name: n, value })),
		};
	}
	if (query) {
		parameters.sendQuery = true;
		parameters.queryParameters = {
			parameters: Object.entries(query).map(([n, value]) => ({ name: n, value: String(value) })),
		};
	}
	if (body) {
		parameters.sendBody = true;
		parameters.specifyBody = 'json';
		parameters.jsonBody = body;
	}
	if (pagination) parameters.options.pagination = { pagination };
	if (batching) parameters.options.batching = { batch: batching };
	const extra = { ...RETRY };
	if (credentialType)
		extra.credentials = { [credentialType]: { id: credentialId, name: credentialName } };
	return node(name, 'n8n-nodes-base.httpRequest', 4.2, parameters, extra);
}

// ------------------------------------------------------------------ running one job
async function runJob(
	ctx,
	{ label, side, vendor, wf, body = {}, sandbox, tap, check, physical, rssPid },
) {
	const webhookPath = wf.nodes.find((n) => n.type === 'n8n-nodes-base.webhook').parameters.path;
	const created = await ctx.api.createWorkflow(wf);
	await ctx.api.activate(created.id);
	await n8n.sleep(300);
	await n8n.sleep(1100); // let the vendor's 1 s window empty between jobs
	tap.take();
	const rss = rssPid ? n8n.rssSampler(rssPid, 100) : null;
	const t0 = Date.now();
	let status = 0;
	let data;
	try {
		const res = await postNoTimeout(`${ctx.baseUrl}/webhook/${webhookPath}`, body);
		status = res.status;
		const text = res.text;
		try {
			data = JSON.parse(text);
		} catch {
			data = text;
		}
	} catch (error) {
		data = { error: error.message };
	}
	const wall = (Date.now() - t0) / 1000;
	const peakRss = rss ? rss.stop() : undefined;
	await n8n.sleep(200);
	const events = tap.take();
	await ctx.api.deactivate(created.id).catch(() => {});
	await ctx.api.deleteWorkflow(created.id).catch(() => {});
	const s = n8n.summarize(events);
	if (process.env.BENCH_DEBUG === '1') {
		const dir = path.join(REPO, 'bench', 'results');
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(
			path.join(dir, `events-${side}-${label.replace(/[^a-z0-9]+/gi, '-')}.json`),
			JSON.stringify({ data, events: events.map((e) => ({ ...e, auth: undefined })) }, null, 1),
		);
	}
	const row = {
		label,
		side,
		vendor,
		wall,
		status,
		requests: s.requests,
		r429: s.r429,
		errors: s.errors,
		physical,
		peakRss,
		completed: status === 200 && !(data && data.error && !data.count_id && !data.count),
	};
	Object.assign(row, check ? await check({ data, events, sandbox, status }) : {});
	ctx.log(
		`  ${side.padEnd(5)} ${label}: ${wall.toFixed(1)} s, ${s.requests} requests, ${s.r429} × 429, HTTP ${status}${peakRss ? `, peak RSS ${Math.round(peakRss / 1048576)} MB` : ''}${row.completed ? '' : ` (failed: ${String((data && (data.message || data.error)) || data).slice(0, 160)})`}`,
	);
	return row;
}

/** POST JSON and wait as long as n8n takes (fetch/undici aborts after 300 s without response headers). */
function postNoTimeout(url, body) {
	return new Promise((resolve, reject) => {
		const data = Buffer.from(JSON.stringify(body));
		const req = http.request(
			url,
			{
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'Content-Length': data.length },
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }),
				);
				res.on('error', reject);
			},
		);
		req.setTimeout(0);
		req.on('error', reject);
		req.end(data);
	});
}

function countsFrom(data) {
	if (!data || typeof data !== 'object') return { records: 0, unique: 0 };
	return { records: Number(data.count_id ?? 0), unique: Number(data.unique_count_id ?? 0) };
}

// ------------------------------------------------------------------ Blikk
const blikk = {
	key: 'blikk',
	ceiling: 4,
	/**
	 * One Blikk application (so one access token, one rate-limit bucket, and one pacer in our node) per job
	 * and side: a job never inherits the pace, or the 429s, of the job before it.
	 */
	async credentials(ctx, sandbox, job) {
		const appId = `bench-${job}-${crypto.randomBytes(3).toString('hex')}`;
		const secret = `${appId}-secret`;
		sandbox.config.apps[appId] = { secret, permissions: '*', ipAllowed: true };
		const demo = sandbox.demoCredential();
		const data = { ...demo.data, applicationId: appId, applicationSecret: secret };
		const ours = await ctx.api.createCredential({ ...demo, name: `Blikk ${appId}`, data });
		const basic = await ctx.api.createCredential({
			type: 'httpBasicAuth',
			name: `Blikk basic ${appId}`,
			data: { user: appId, password: secret },
		});
		return { ours, basic };
	},
	/** A careful user's token step: POST /v1/Auth/Token with Basic auth, once. */
	tokenNode(ctx, sandbox, creds) {
		return httpRequest('Get token', {
			method: 'POST',
			url: `${sandbox.url}/v1/Auth/Token`,
			credentialType: 'httpBasicAuth',
			credentialId: creds.basic.id,
			credentialName: creds.basic.name,
		});
	},
	seedContacts(sandbox, total) {
		const have = sandbox.store().contacts.length;
		if (total > have) sandbox.config.seed = { contacts: total - have };
		return sandbox.store().contacts.length;
	},
	listOurs(ctx, sandbox, creds, wh) {
		const ours = node(
			'Blikk',
			n8n.nodeType('blikk'),
			1,
			{ resource: 'contact', operation: 'getAll', returnAll: true, filters: {} },
			{ credentials: { psaBlikkApi: { id: creds.ours.id, name: creds.ours.name } } },
		);
		const hook = webhookNode(wh);
		const sum = summarize();
		return workflow(`bench ours: list Blikk contacts`, [hook, ours, sum], chain(hook, ours, sum));
	},
	listHttp(ctx, sandbox, creds, wh) {
		const hook = webhookNode(wh);
		const token = this.tokenNode(ctx, sandbox, creds);
		const list = httpRequest('List contacts', {
			url: `${sandbox.url}/v1/Core/Contacts`,
			headers: { Authorization: "=Bearer {{ $('Get token').first().json.accessToken }}" },
			query: { page: 1, pageSize: 100 },
			pagination: {
				paginationMode: 'updateAParameterInEachRequest',
				parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
				paginationCompleteWhen: 'other',
				completeExpression: '={{ $response.body.page >= $response.body.totalPages }}',
				limitPagesFetched: false,
				requestInterval: 250,
			},
		});
		const split = splitOut('Split Out', 'items');
		const sum = summarize();
		return workflow(
			`bench http: list Blikk contacts`,
			[hook, token, list, split, sum],
			chain(hook, token, list, split, sum),
		);
	},
	createOurs(ctx, sandbox, creds, wh) {
		const hook = webhookNode(wh);
		const split = splitOut('Split Out', 'body.items');
		const ours = node(
			'Blikk',
			n8n.nodeType('blikk'),
			1,
			{
				resource: 'contact',
				operation: 'create',
				name: '={{ $json.name }}',
				contactType: 'company',
				responsible: { __rl: true, mode: 'id', value: '1' },
				additionalFields: {},
			},
			{ credentials: { psaBlikkApi: { id: creds.ours.id, name: creds.ours.name } } },
		);
		const sum = summarize();
		return workflow(
			`bench ours: create Blikk contacts`,
			[hook, split, ours, sum],
			chain(hook, split, ours, sum),
		);
	},
	createHttp(ctx, sandbox, creds, wh) {
		// Webhook → Get token (first branch, runs first in v1 order) and Webhook → Split Out → Create (second).
		const hook = webhookNode(wh);
		const token = this.tokenNode(ctx, sandbox, creds);
		token.position = [220, -200];
		const split = splitOut('Split Out', 'body.items');
		const create = httpRequest('Create contact', {
			method: 'POST',
			url: `${sandbox.url}/v1/Core/Contacts`,
			headers: { Authorization: "=Bearer {{ $('Get token').first().json.accessToken }}" },
			body: '={{ JSON.stringify({ name: $json.name, contactType: "company", responsibleId: 1 }) }}',
			batching: { batchSize: 1, batchInterval: 250 },
		});
		const sum = summarize();
		const connections = {
			Webhook: {
				main: [
					[
						{ node: 'Get token', type: 'main', index: 0 },
						{ node: 'Split Out', type: 'main', index: 0 },
					],
				],
			},
			'Split Out': { main: [[{ node: 'Create contact', type: 'main', index: 0 }]] },
			'Create contact': { main: [[{ node: 'Summarize', type: 'main', index: 0 }]] },
		};
		return workflow(
			`bench http: create Blikk contacts`,
			[hook, token, split, create, sum],
			connections,
		);
	},
	createdCheck(sandbox, prefix, expected) {
		const names = new Map();
		for (const c of sandbox.store().contacts)
			if (typeof c.name === 'string' && c.name.startsWith(prefix))
				names.set(c.name, (names.get(c.name) || 0) + 1);
		return {
			created: names.size,
			duplicates: [...names.values()].reduce((s, n) => s + Math.max(0, n - 1), 0),
			failedItems: expected - names.size,
		};
	},
};

// ------------------------------------------------------------------ Resource Management
const RM_LIMIT = { limit: 60, windowMs: 10_000 }; // X-RateLimit ceiling set in the sandbox for the bench

const rm = {
	/** One token per job and side (own fixed window, own pacer). */
	async credentials(ctx, sandbox, job) {
		const token = `bench-rm-${job}-${crypto.randomBytes(3).toString('hex')}`;
		sandbox.benchTokens.push(token); // the same array the sandbox checks tokens against (see runSideBySide)
		const demo = sandbox.demoCredential();
		const ours = await ctx.api.createCredential({
			...demo,
			name: `RM ${token}`,
			data: { ...demo.data, apiToken: token },
		});
		const header = await ctx.api.createCredential({
			type: 'httpHeaderAuth',
			name: `RM header ${token}`,
			data: { name: 'auth', value: token },
		});
		return { ours, header };
	},
	listOurs(sandbox, creds, wh) {
		const hook = webhookNode(wh);
		const ours = node(
			'Resource Management',
			n8n.nodeType('resourceManagement'),
			1,
			{ resource: 'user', operation: 'getAll', returnAll: true, filters: {} },
			{ credentials: { psaResourceManagementApi: { id: creds.ours.id, name: creds.ours.name } } },
		);
		const sum = summarize();
		return workflow('bench ours: list RM people', [hook, ours, sum], chain(hook, ours, sum));
	},
	listHttp(sandbox, creds, wh) {
		const hook = webhookNode(wh);
		const list = httpRequest('List people', {
			url: `${sandbox.url}/api/v1/users`,
			credentialType: 'httpHeaderAuth',
			credentialId: creds.header.id,
			credentialName: creds.header.name,
			query: { per_page: 1000 },
			pagination: {
				paginationMode: 'responseContainsNextURL',
				nextURL: `={{ "${sandbox.url}" + $response.body.paging.next }}`,
				paginationCompleteWhen: 'other',
				completeExpression: '={{ !$response.body.paging.next }}',
				limitPagesFetched: false,
				requestInterval: Math.ceil(RM_LIMIT.windowMs / RM_LIMIT.limit),
			},
		});
		const split = splitOut('Split Out', 'data');
		const sum = summarize();
		return workflow(
			'bench http: list RM people',
			[hook, list, split, sum],
			chain(hook, list, split, sum),
		);
	},
	createOurs(sandbox, creds, wh) {
		const hook = webhookNode(wh);
		const split = splitOut('Split Out', 'body.items');
		const ours = node(
			'Resource Management',
			n8n.nodeType('resourceManagement'),
			1,
			{
				resource: 'user',
				operation: 'create',
				firstName: 'Bench',
				lastName: '={{ $json.name }}',
				email: '={{ $json.name }}@example.com',
				additionalFields: {},
			},
			{ credentials: { psaResourceManagementApi: { id: creds.ours.id, name: creds.ours.name } } },
		);
		const sum = summarize();
		return workflow(
			'bench ours: create RM people',
			[hook, split, ours, sum],
			chain(hook, split, ours, sum),
		);
	},
	createHttp(sandbox, creds, wh) {
		const hook = webhookNode(wh);
		const split = splitOut('Split Out', 'body.items');
		const create = httpRequest('Create person', {
			method: 'POST',
			url: `${sandbox.url}/api/v1/users`,
			credentialType: 'httpHeaderAuth',
			credentialId: creds.header.id,
			credentialName: creds.header.name,
			body: '={{ JSON.stringify({ first_name: "Bench", last_name: $json.name, email: $json.name + "@example.com" }) }}',
			batching: { batchSize: 1, batchInterval: Math.ceil(RM_LIMIT.windowMs / RM_LIMIT.limit) },
		});
		const sum = summarize();
		return workflow(
			'bench http: create RM people',
			[hook, split, create, sum],
			chain(hook, split, create, sum),
		);
	},
	createdCheck(sandbox, prefix, expected) {
		const seen = new Map();
		for (const u of sandbox.state().users)
			if (typeof u.email === 'string' && u.email.startsWith(prefix))
				seen.set(u.email, (seen.get(u.email) || 0) + 1);
		return {
			created: seen.size,
			duplicates: [...seen.values()].reduce((a, n) => a + Math.max(0, n - 1), 0),
			failedItems: expected - seen.size,
		};
	},
};

async function rmJobs(ctx, sandbox, tap, sizes, createCount) {
	const rows = [];
	const ceiling = RM_LIMIT.limit / (RM_LIMIT.windowMs / 1000);
	for (const n of sizes) {
		const have = sandbox.state().users.filter((u) => !u.archived).length;
		if (n > have) sandbox.config.seed = { users: n - have };
		const total = sandbox.state().users.filter((u) => !u.archived).length;
		const needed = Math.ceil(total / 1000);
		for (const side of ['ours', 'http']) {
			const creds = await rm.credentials(ctx, sandbox, `list${n}-${side}`);
			const wh = `bench-${side}-rm-list-${n}-${Date.now().toString(36)}`;
			rows.push(
				await runJob(ctx, {
					label: `RM: list all ${total} people`,
					side,
					vendor: 'rm',
					wf: side === 'ours' ? rm.listOurs(sandbox, creds, wh) : rm.listHttp(sandbox, creds, wh),
					sandbox,
					tap,
					// Fixed window: `limit` requests at once, then wait for the next window.
					physical: Math.floor((needed - 1) / RM_LIMIT.limit) * (RM_LIMIT.windowMs / 1000),
					rssPid: n >= 50_000 ? ctx.pid : undefined,
					check: ({ data }) => ({ ...countsFrom(data), expected: total, needed }),
				}),
			);
		}
	}
	for (const side of process.env.BENCH_WRITES === '0' ? [] : ['ours', 'http']) {
		const creds = await rm.credentials(ctx, sandbox, `create-${side}`);
		const prefix = `bench-${side}-${Date.now().toString(36)}-`;
		const wh = `bench-${side}-rm-create-${Date.now().toString(36)}`;
		rows.push(
			await runJob(ctx, {
				label: `RM: create ${createCount} people from ${createCount} items`,
				side,
				vendor: 'rm',
				wf: side === 'ours' ? rm.createOurs(sandbox, creds, wh) : rm.createHttp(sandbox, creds, wh),
				body: itemsBody(prefix, createCount),
				sandbox,
				tap,
				physical: Math.floor((createCount - 1) / RM_LIMIT.limit) * (RM_LIMIT.windowMs / 1000),
				check: ({ events }) => {
					const creates = n8n.summarize(
						events,
						(e) => e.method === 'POST' && /\/api\/v1\/users$/i.test(e.path),
					);
					return {
						...rm.createdCheck(sandbox, prefix, createCount),
						expected: createCount,
						achieved: creates.okRate,
						ceiling,
					};
				},
			}),
		);
	}
	return rows;
}

// ------------------------------------------------------------------ smenso
const SMENSO_TICKET_DELAY_MS = 2000; // the sandbox processes a ticket this long after the write

const smenso = {
	project(sandbox) {
		return sandbox.state().projects.find((p) => !p.isArchived && !p.isTemplate);
	},
	writeOurs(sandbox, cred, wh) {
		const hook = webhookNode(wh);
		hook.parameters.responseData = 'allEntries';
		const split = splitOut('Split Out', 'body.items');
		const ours = node(
			'smenso',
			n8n.nodeType('smenso'),
			1,
			{
				resource: 'task',
				operation: 'create',
				projectId: { __rl: true, mode: 'id', value: this.project(sandbox).id },
				title: '={{ $json.name }}',
				additionalFields: { externalId: '={{ $json.name }}' },
				waitForCompletion: true,
				maxWait: 600,
				options: {},
			},
			{ credentials: { psaSmensoApi: { id: cred.id, name: cred.name } } },
		);
		return workflow('bench ours: smenso tasks', [hook, split, ours], chain(hook, split, ours));
	},
	writeHttp(sandbox, header, wh) {
		// POST each item → Wait 2 s → GET the ticket status → If still running, back to Wait.
		const hook = webhookNode(wh);
		hook.parameters.responseData = 'allEntries';
		const split = splitOut('Split Out', 'body.items');
		const projectId = this.project(sandbox).id;
		const post = httpRequest('Create task', {
			method: 'POST',
			url: `${sandbox.baseUrl()}/integration/task/json`,
			credentialType: 'httpHeaderAuth',
			credentialId: header.id,
			credentialName: header.name,
			body: `={{ JSON.stringify({ projectId: "${projectId}", task: [{ title: $json.name, externalId: $json.name }] }) }}`,
			batching: { batchSize: 1, batchInterval: 100 },
		});
		const wait = node(
			'Wait',
			'n8n-nodes-base.wait',
			1.1,
			{ amount: 2 },
			{ webhookId: crypto.randomUUID() },
		);
		const poll = httpRequest('Ticket status', {
			url: `={{ "${sandbox.baseUrl()}/integration/status/json/" + $json.ticketId }}`,
			credentialType: 'httpHeaderAuth',
			credentialId: header.id,
			credentialName: header.name,
			batching: { batchSize: 1, batchInterval: 100 },
			options: { response: { response: { fullResponse: false } } },
		});
		const done = node('Finished?', 'n8n-nodes-base.if', 2, {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose' },
				conditions: [
					{
						id: crypto.randomUUID(),
						leftValue: '={{ $json.statusId }}',
						rightValue: 10,
						operator: { type: 'number', operation: 'gte' },
					},
				],
				combinator: 'and',
			},
			options: {},
		});
		const connections = {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: 'Create task', type: 'main', index: 0 }]] },
			'Create task': { main: [[{ node: 'Wait', type: 'main', index: 0 }]] },
			Wait: { main: [[{ node: 'Ticket status', type: 'main', index: 0 }]] },
			'Ticket status': { main: [[{ node: 'Finished?', type: 'main', index: 0 }]] },
			'Finished?': { main: [[], [{ node: 'Wait', type: 'main', index: 0 }]] },
		};
		return workflow('bench http: smenso tasks', [hook, split, post, wait, poll, done], connections);
	},
};

async function smensoJobs(ctx, sandbox, tap, count) {
	const rows = [];
	sandbox.config.ticketDelayMs = SMENSO_TICKET_DELAY_MS;
	const demo = sandbox.demoCredential();
	const cred = await ctx.api.createCredential(demo);
	const header = await ctx.api.createCredential({
		type: 'httpHeaderAuth',
		name: 'smenso header',
		data: { name: 'Authorization', value: `Basic ${demo.data.token}` },
	});
	for (const side of ['ours', 'http']) {
		const prefix = `bench-${side}-${Date.now().toString(36)}-`;
		const wh = `bench-${side}-smenso-${Date.now().toString(36)}`;
		rows.push(
			await runJob(ctx, {
				label: `smenso: ${count} task writes with ticket outcomes`,
				side,
				vendor: 'smenso',
				wf:
					side === 'ours'
						? smenso.writeOurs(sandbox, cred, wh)
						: smenso.writeHttp(sandbox, header, wh),
				body: itemsBody(prefix, count),
				sandbox,
				tap,
				physical: SMENSO_TICKET_DELAY_MS / 1000,
				check: ({ data }) => {
					const items = Array.isArray(data) ? data : [];
					const known = items.filter(
						(j) =>
							j &&
							(j.statusId !== undefined ||
								j.ticket !== undefined ||
								j.ticketId !== undefined ||
								j.state !== undefined),
					).length;
					const seen = new Map();
					for (const t of sandbox.state().tasks || [])
						if (typeof t.title === 'string' && t.title.startsWith(prefix))
							seen.set(t.title, (seen.get(t.title) || 0) + 1);
					return {
						outputItems: items.length,
						outcomesKnown: known,
						created: seen.size,
						expected: count,
						duplicates: [...seen.values()].reduce((a, n) => a + Math.max(0, n - 1), 0),
						failedItems: count - seen.size,
						completed: Array.isArray(data) && items.length === count,
					};
				},
			}),
		);
	}
	return rows;
}

function itemsBody(prefix, n) {
	const items = [];
	for (let i = 0; i < n; i++) items.push({ name: `${prefix}${String(i + 1).padStart(5, '0')}` });
	return { items };
}

async function blikkJobs(ctx, sandbox, tap, sizes, createCount) {
	const rows = [];
	const ceiling = sandbox.config.rateLimit.limit / (sandbox.config.rateLimit.windowMs / 1000);
	for (const n of sizes) {
		const total = blikk.seedContacts(sandbox, n);
		const needed = Math.ceil(total / 100);
		for (const side of ['ours', 'http']) {
			const creds = await blikk.credentials(ctx, sandbox, `list${n}-${side}`);
			const wh = `bench-${side}-blikk-list-${n}-${Date.now().toString(36)}`;
			const wf =
				side === 'ours'
					? blikk.listOurs(ctx, sandbox, creds, wh)
					: blikk.listHttp(ctx, sandbox, creds, wh);
			rows.push(
				await runJob(ctx, {
					label: `Blikk: list all ${total} contacts`,
					job: 'list',
					side,
					vendor: 'blikk',
					wf,
					sandbox,
					tap,
					physical: (needed - 1) / ceiling,
					rssPid: n >= 50_000 ? ctx.pid : undefined,
					check: ({ data }) => ({ ...countsFrom(data), expected: total, needed }),
				}),
			);
		}
	}
	for (const side of process.env.BENCH_WRITES === '0' ? [] : SIDES) {
		const creds = await blikk.credentials(ctx, sandbox, `create-${side}`);
		const prefix = `bench-${side}-${Date.now().toString(36)}-`;
		const wh = `bench-${side}-blikk-create-${Date.now().toString(36)}`;
		const wf =
			side === 'ours'
				? blikk.createOurs(ctx, sandbox, creds, wh)
				: blikk.createHttp(ctx, sandbox, creds, wh);
		rows.push(
			await runJob(ctx, {
				label: `Blikk: create ${createCount} contacts from ${createCount} items`,
				job: 'create',
				side,
				vendor: 'blikk',
				wf,
				body: itemsBody(prefix, createCount),
				sandbox,
				tap,
				physical: (createCount - 1) / ceiling + 0, // the token request is extra
				check: ({ events }) => {
					const creates = n8n.summarize(
						events,
						(e) => e.method === 'POST' && /\/v1\/Core\/Contacts$/i.test(e.path),
					);
					return {
						...blikk.createdCheck(sandbox, prefix, createCount),
						expected: createCount,
						achieved: creates.okRate,
						ceiling,
					};
				},
			}),
		);
	}
	// 429 storm (issue #14): after STORM.after creates the server answers the next STORM.count requests with
	// 429 and Retry-After: STORM.retryAfter, whatever the pace; then it serves normally again.
	for (const side of process.env.BENCH_STORM === '0' ? [] : SIDES) {
		const creds = await blikk.credentials(ctx, sandbox, `storm-${side}`);
		const prefix = `bench-storm-${side}-${Date.now().toString(36)}-`;
		const wh = `bench-${side}-blikk-storm-${Date.now().toString(36)}`;
		const wf =
			side === 'ours'
				? blikk.createOurs(ctx, sandbox, creds, wh)
				: blikk.createHttp(ctx, sandbox, creds, wh);
		sandbox.addFault({
			type: '429',
			method: 'POST',
			path: '^/v1/Core/Contacts$',
			after: STORM.after,
			count: STORM.count,
			retryAfter: STORM.retryAfter,
		});
		const row = await runJob(ctx, {
			label: `Blikk: create ${STORM.items} contacts; after ${STORM.after}, ${STORM.count} × 429 with Retry-After: ${STORM.retryAfter}`,
			job: 'storm',
			side,
			vendor: 'blikk',
			wf,
			body: itemsBody(prefix, STORM.items),
			sandbox,
			tap,
			// The ceiling's time for the items plus the waits the server asked for.
			physical: (STORM.items - 1) / ceiling + STORM.count * STORM.retryAfter,
			check: ({ events }) => {
				const creates = events.filter(
					(e) => e.method === 'POST' && /\/v1\/Core\/Contacts$/i.test(e.path),
				);
				const log = creates.map((e) => ({ t: e.t ?? e.time ?? e.at, status: e.status }));
				return {
					...blikk.createdCheck(sandbox, prefix, STORM.items),
					expected: STORM.items,
					recovery: recoverySeconds(log, ceiling),
				};
			},
		});
		sandbox.clearFaults();
		ctx.log(
			`  ${side.padEnd(5)} recovery after 429 storm: ${Number.isFinite(row.recovery) ? row.recovery.toFixed(1) : 'never'} s to ≥ 0.9 × ceiling`,
		);
		rows.push(row);
	}
	return rows;
}

const STORM = { items: 60, after: 20, count: 4, retryAfter: 3 };
/** BENCH_SIDES=ours (or http) runs one side only. */
const SIDES = process.env.BENCH_SIDES ? process.env.BENCH_SIDES.split(',') : ['ours', 'http'];

// ------------------------------------------------------------------ table
const f1 = (x) => (x === undefined || x === null || Number.isNaN(x) ? '—' : Number(x).toFixed(1));
const mb = (b) => (b ? `${Math.round(b / 1048576)} MB` : '—');

function printTable(rows, log = console.log) {
	log('\n## B. Our nodes vs the HTTP Request node, in one n8n, against the sandboxes\n');
	log(
		'| job | side | wall s | limit s | requests | 429s | completed | records / N | failed items | duplicates | req/s (× ceiling) | peak RSS |',
	);
	log('|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|');
	for (const r of rows) {
		const records =
			r.expected !== undefined && r.records !== undefined
				? `${r.records} / ${r.expected}${r.unique !== undefined && r.unique !== r.records ? ` (${r.unique} unique)` : ''}`
				: r.created !== undefined
					? `${r.created} / ${r.expected}`
					: '—';
		const records2 =
			r.outcomesKnown !== undefined
				? `${records}; outcomes known ${r.outcomesKnown} / ${r.expected}`
				: records;
		const rate = r.achieved
			? `${r.achieved.toFixed(2)} (${(r.achieved / r.ceiling).toFixed(2)})`
			: '—';
		log(
			`| ${r.label} | ${r.side} | ${f1(r.wall)} | ${f1(r.physical)} | ${r.requests}${r.needed ? ` (need ${r.needed})` : ''} | ${r.r429} | ${r.completed ? 'yes' : 'no'} | ${records2} | ${r.failedItems ?? '—'} | ${r.duplicates ?? '—'} | ${rate} | ${mb(r.peakRss)} |`,
		);
	}
	const storms = rows.filter((r) => r.recovery !== undefined);
	if (storms.length) {
		log(
			'\n| 429 storm, then recovery | side | wall s | limit s | requests | 429s | completed | failed items | duplicates | recovery s (to ≥ 0.9 × ceiling) |',
		);
		log('|---|---|---:|---:|---:|---:|---|---:|---:|---:|');
		for (const r of storms)
			log(
				`| ${r.label} | ${r.side} | ${f1(r.wall)} | ${f1(r.physical)} | ${r.requests} | ${r.r429} | ${r.completed ? 'yes' : 'no'} | ${r.failedItems} | ${r.duplicates} | ${Number.isFinite(r.recovery) ? r.recovery.toFixed(1) : 'never'} |`,
			);
	}
	// ratios
	const byLabel = new Map();
	for (const r of rows) {
		if (!byLabel.has(r.label)) byLabel.set(r.label, {});
		byLabel.get(r.label)[r.side] = r;
	}
	log('\n| job | wall ours / theirs | requests ours / theirs | 429s ours / theirs |');
	log('|---|---:|---:|---:|');
	for (const [label, { ours, http }] of byLabel) {
		if (!ours || !http) continue;
		const ratio = (a, b) => (b ? (a / b).toFixed(2) : a ? '∞' : '—');
		log(
			`| ${label} | ${ratio(ours.wall, http.wall)}${http.completed ? '' : ' (theirs failed)'} | ${ratio(ours.requests, http.requests)} | ${ours.r429} / ${http.r429} |`,
		);
	}
}

// ------------------------------------------------------------------ orchestration
async function runSideBySide({ quick = false, log = console.log, only } = {}) {
	const runtime = await n8n.loadRuntime();
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-bench-'));
	const stops = [];
	const rows = [];
	try {
		const sandboxes = {};
		const taps = {};
		for (const key of ['blikk', 'rm', 'smenso']) {
			if (only && !only.includes(key)) continue;
			try {
				const { create } = require(path.join(REPO, 'sandbox', key));
				// RM: the bench's X-RateLimit ceiling; smenso: tickets take SMENSO_TICKET_DELAY_MS.
				const rmTokens = ['rm-sandbox-token'];
				const sandbox = create(key === 'rm' ? { rateLimit: RM_LIMIT, tokens: rmTokens } : {});
				if (key === 'rm') sandbox.benchTokens = rmTokens;
				await sandbox.listen(0, '127.0.0.1');
				stops.push(() => sandbox.close());
				sandboxes[key] = sandbox;
				taps[key] = n8n.tapSandbox(sandbox);
			} catch (error) {
				log(`(skipping ${key}: sandbox not available: ${error.message.split('\n')[0]})`);
			}
		}
		const userFolder = path.join(tmp, 'n8n');
		const installed = n8n.installPackage(userFolder);
		const nodeTypes = installed.nodeNames;
		const main = await n8n.startN8n({
			runtime,
			userFolder,
			env: {
				N8N_LOG_LEVEL: 'warn',
				N8N_PAYLOAD_SIZE_MAX: '64',
				EXECUTIONS_DATA_PRUNE: 'false',
				NODE_OPTIONS: '--max-old-space-size=4096',
			},
			log,
		});
		stops.push(() => main.stop());
		const { apiKey } = await n8n.setupOwnerAndApiKey(main.baseUrl);
		const ctx = {
			baseUrl: main.baseUrl,
			api: n8n.publicApi(main.baseUrl, apiKey),
			pid: main.child.pid,
			log,
			nodeTypes,
		};
		ctx.idleRss = n8n.rssOf(main.child.pid);
		// BENCH_SIZES=5000,50000 (default) or "none" to skip the listings.
		const sizes = process.env.BENCH_SIZES
			? process.env.BENCH_SIZES === 'none'
				? []
				: process.env.BENCH_SIZES.split(',').map(Number)
			: quick
				? [5_000]
				: [5_000, 50_000];
		const createCount = quick ? 200 : 1000;
		if (sandboxes.blikk)
			rows.push(...(await blikkJobs(ctx, sandboxes.blikk, taps.blikk, sizes, createCount)));
		if (sandboxes.rm && ctx.nodeTypes.has('resourceManagement'))
			rows.push(...(await rmJobs(ctx, sandboxes.rm, taps.rm, sizes, createCount)));
		if (sandboxes.smenso && ctx.nodeTypes.has('smenso') && process.env.BENCH_WRITES !== '0')
			rows.push(...(await smensoJobs(ctx, sandboxes.smenso, taps.smenso, quick ? 100 : 500)));
		ctx.runtime = runtime;
		printTable(rows, log);
		log(
			`load average at the end: ${os
				.loadavg()
				.map((l) => l.toFixed(2))
				.join(' ')} (the machine is shared: other processes' load shows up as timing jitter)`,
		);
		log(
			`\nn8n ${runtime.version} (Node ${require('child_process').execFileSync(runtime.nodeBin, ['-v'], { encoding: 'utf8' }).trim()}), idle RSS of the n8n process before the jobs: ${mb(ctx.idleRss)}`,
		);
		return { rows, n8nVersion: runtime.version };
	} finally {
		for (const stop of stops.reverse()) {
			try {
				await stop();
			} catch {}
		}
		if (process.env.BENCH_KEEP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
	}
}

module.exports = { runSideBySide, printTable };

if (require.main === module) {
	runSideBySide({
		quick: process.env.BENCH_QUICK === '1',
		only: process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : undefined,
	}).then(
		() => process.exit(0),
		(error) => {
			console.error(error && error.stack ? error.stack : error);
			process.exit(1);
		},
	);
}
