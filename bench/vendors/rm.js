'use strict';
/**
 * Resource Management's benchmark cases (vendor key `rm`; the runners find this file through vendors.json).
 *
 *   sideBySide  part B of `npm run bench`: list all people (linkNext paging) and create people from items
 *               under a 60 per 10 s fixed window with X-RateLimit headers — our node vs the HTTP Request node.
 *   queue       `npm run bench:queue`: person creates on one credential from several queue-mode workers.
 */
const crypto = require('crypto');

const kit = require('../lib/side-by-side-kit');

const { n8n, node, chain, webhookNode, splitOut, summarize, workflow, httpRequest } = kit;
const { runJob, countsFrom, itemsBody } = kit;

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

module.exports = {
	sideBySide: {
		/** The bench's X-RateLimit ceiling, and tokens the bench can add (one per job and side). */
		sandbox(create) {
			const tokens = ['rm-sandbox-token'];
			const sandbox = create({ rateLimit: RM_LIMIT, tokens });
			sandbox.benchTokens = tokens;
			return sandbox;
		},
		async jobs(ctx, sandbox, tap, { sizes, createCount }) {
			return await rmJobs(ctx, sandbox, tap, sizes, createCount);
		},
	},
	queue: {
		label:
			'Resource Management (60 per 10 s fixed window, X-RateLimit-Limit/Remaining/Reset on every answer)',
		ceiling: RM_LIMIT.limit / (RM_LIMIT.windowMs / 1000),
		sandbox: (create) => create({ rateLimit: RM_LIMIT }),
		node: () => ({
			type: n8n.nodeType('resourceManagement'),
			parameters: {
				resource: 'user',
				operation: 'create',
				firstName: 'Bench',
				lastName: '={{ $json.name }}',
				email: '={{ $json.name }}@example.com',
				additionalFields: {},
			},
			credentialKey: 'psaResourceManagementApi',
		}),
		count: (e) => e.method === 'POST' && /\/api\/v1\/users$/i.test(e.path),
		names: (sandbox) =>
			sandbox
				.state()
				.users.map((u) =>
					typeof u.email === 'string' ? u.email.replace(/@example\.com$/, '') : '',
				),
		settleMs: 11_000,
		target: { rate: '≥ 0.9 ×', r429: 'few' },
	},
};
