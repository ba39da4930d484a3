'use strict';
/**
 * smenso's benchmark cases (vendor key `smenso`; the runners find this file through vendors.json).
 *
 *   sideBySide  part B of `npm run bench`: task writes with their ticket outcomes — our node (waits for the
 *               ticket) vs the HTTP Request node with a hand-built POST → Wait → status poll → If loop.
 *   queue       `npm run bench:queue`: one project GET per item on one credential from several queue-mode
 *               workers (60 per 10 s sliding window; 429 with Retry-After and X-RateLimit-*).
 */
const crypto = require('crypto');

const kit = require('../lib/side-by-side-kit');

const { n8n, node, chain, webhookNode, splitOut, workflow, httpRequest } = kit;
const { runJob, itemsBody } = kit;

const SMENSO_LIMIT = { limit: 60, windowMs: 10_000 }; // smenso publishes none; 429 with Retry-After + X-RateLimit-*
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
			// The documented envelope: the records under `task`, the Windows time zone the dates mean.
			body: `={{ JSON.stringify({ projectId: "${projectId}", timezoneId: "W. Europe Standard Time", task: [{ title: $json.name, externalId: $json.name }] }) }}`,
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

module.exports = {
	sideBySide: {
		async jobs(ctx, sandbox, tap, { quick }) {
			if (process.env.BENCH_WRITES === '0') return [];
			return await smensoJobs(ctx, sandbox, tap, quick ? 100 : 500);
		},
	},
	queue: {
		label:
			'smenso (60 per 10 s sliding window; 429 with Retry-After and X-RateLimit-*; one GET per item)',
		ceiling: SMENSO_LIMIT.limit / (SMENSO_LIMIT.windowMs / 1000),
		// Enough projects for one distinct GET per item: the shared execute loop sends identical reads of one
		// execution once, so 500 reads of the same project would be one request.
		sandbox: (create) => {
			const sandbox = create({
				seed: { projects: 3100 },
			});
			sandbox.config.rateLimit = SMENSO_LIMIT;
			return sandbox;
		},
		// Reads: one GET of a project per item (smenso's writes are batched: one request for many items).
		node: () => ({
			type: n8n.nodeType('smenso'),
			parameters: {
				resource: 'project',
				operation: 'get',
				projectId: { __rl: true, mode: 'id', value: '={{ $json.projectId }}' },
				options: {},
			},
			credentialKey: 'psaSmensoApi',
		}),
		item: (sandbox, n) => {
			sandbox.benchProjects =
				sandbox.benchProjects || sandbox.state().projects.filter((p) => !p.isTemplate);
			return { projectId: sandbox.benchProjects[n % sandbox.benchProjects.length].id };
		},
		count: (e) => e.method === 'GET' && /\/integration\//i.test(e.path),
		names: null,
		settleMs: 11_000,
		target: { rate: '≥ 0.9 ×', r429: 'few' },
	},
};
