'use strict';
/**
 * Part B of `npm run bench`: our nodes vs n8n's built-in HTTP Request node, side by side in ONE real n8n
 * (2.41.1, SQLite) against the sandboxes (issue #8, jobs 1-3).
 *
 * The jobs are per vendor, in bench/vendors/<key>.js (`sideBySide.jobs`), for every vendor in vendors.json
 * that has such a file; the building blocks they share are in bench/lib/side-by-side-kit.js. The HTTP
 * Request side is configured the way a careful user would: its own pagination, an interval between
 * requests that respects the documented ceiling, "Retry On Fail" at its maximum (5 tries, 5 s apart),
 * batching (1 item per batch, ceiling interval) for writes, and hand-built loops where the vendor needs
 * them. Every workflow is fronted by a Webhook (responseMode lastNode) and ends in a Summarize node, so
 * both sides hand back the same small summary.
 *
 * What is measured comes from the sandboxes (every request they answered, tapped on their HTTP server),
 * the records in their state afterwards (duplicates, missing), the webhook's answer, and /proc RSS of the
 * n8n process.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const n8n = require('./lib/n8n-proc');
const { benchVendors } = require('./lib/vendors');

const REPO = n8n.REPO;

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
		const selected = benchVendors('sideBySide').filter(
			({ vendor }) => !only || only.includes(vendor.key),
		);
		for (const { vendor, cases } of selected) {
			try {
				const { create } = require(path.join(REPO, vendor.sandbox.module));
				const sandbox = cases.sandbox ? cases.sandbox(create) : create({});
				await sandbox.listen(0, '127.0.0.1');
				stops.push(() => sandbox.close());
				sandboxes[vendor.key] = sandbox;
				taps[vendor.key] = n8n.tapSandbox(sandbox);
			} catch (error) {
				log(`(skipping ${vendor.key}: sandbox not available: ${error.message.split('\n')[0]})`);
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
		for (const { vendor, cases } of selected) {
			const sandbox = sandboxes[vendor.key];
			if (!sandbox) continue;
			// A package n8n could not load (a node not built yet) is skipped, not failed.
			if (!vendor.nodeNames.some((name) => ctx.nodeTypes.has(name))) {
				log(`(skipping ${vendor.key}: its nodes are not installed in this n8n)`);
				continue;
			}
			rows.push(
				...(await cases.jobs(ctx, sandbox, taps[vendor.key], { sizes, createCount, quick })),
			);
		}
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
