'use strict';
/**
 * Building blocks of part B of `npm run bench` (bench/n8n-side-by-side.js), shared by the per-vendor cases
 * in bench/vendors/<key>.js: workflow nodes (Webhook in front, Summarize at the end, n8n's HTTP Request
 * node with a careful user's settings), and `runJob`, which runs one workflow in the benchmark's n8n and
 * measures it from the sandbox's side (every request it answered), the webhook's answer and the n8n
 * process's RSS.
 */
const crypto = require('crypto');
const http = require('http');
const fs = require('fs');
const path = require('path');

const n8n = require('./n8n-proc');

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

function itemsBody(prefix, n) {
	const items = [];
	for (let i = 0; i < n; i++) items.push({ name: `${prefix}${String(i + 1).padStart(5, '0')}` });
	return { items };
}

/** BENCH_SIDES=ours (or http) runs one side only. */
const SIDES = process.env.BENCH_SIDES ? process.env.BENCH_SIDES.split(',') : ['ours', 'http'];

module.exports = {
	n8n,
	RETRY,
	SIDES,
	node,
	chain,
	webhookNode,
	splitOut,
	summarize,
	workflow,
	httpRequest,
	runJob,
	postNoTimeout,
	countsFrom,
	itemsBody,
};
