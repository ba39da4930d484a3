'use strict';
/**
 * Blikk's benchmark cases (vendor key `blikk`; the runners find this file through vendors.json).
 *
 *   sideBySide  part B of `npm run bench`: list all contacts (pageCount paging), create contacts from items
 *               at 4 req/s, and a 429 storm mid-run with recovery — our node vs the HTTP Request node.
 *   queue       `npm run bench:queue`: contact creates on one credential from several queue-mode workers
 *               (4 per sliding second, 429 + Retry-After, no X-RateLimit headers).
 */
const crypto = require('crypto');

const kit = require('../lib/side-by-side-kit');

const { n8n, SIDES, node, chain, webhookNode, splitOut, summarize, workflow, httpRequest } = kit;
const { runJob, countsFrom, itemsBody } = kit;
const { recoverySeconds } = require('../helper');

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

const STORM = { items: 60, after: 20, count: 4, retryAfter: 3 };

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

module.exports = {
	sideBySide: {
		/** Runs when the package's `blikk` node is installed. */
		async jobs(ctx, sandbox, tap, { sizes, createCount }) {
			return await blikkJobs(ctx, sandbox, tap, sizes, createCount);
		},
	},
	queue: {
		label: 'Blikk (4 per sliding second, 429 + Retry-After; no X-RateLimit headers)',
		ceiling: 4,
		sandbox: (create) => create({}),
		node: () => ({
			type: n8n.nodeType('blikk'),
			parameters: {
				resource: 'contact',
				operation: 'create',
				name: '={{ $json.name }}',
				contactType: 'company',
				responsible: { __rl: true, mode: 'id', value: '1' },
				additionalFields: {},
			},
			credentialKey: 'psaBlikkApi',
		}),
		count: (e) => e.method === 'POST' && /\/v1\/Core\/Contacts$/i.test(e.path),
		names: (sandbox) => sandbox.store().contacts.map((c) => c.name),
		/** Pause before the measured run so the vendor's window is empty. */
		settleMs: 1500,
		target: { rate: '≥ 0.75 ×', r429: '≤ 1 %' },
	},
};
