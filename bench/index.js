#!/usr/bin/env node
'use strict';
/**
 * `npm run bench` (= npm run build && node bench/index.js): prints figures, asserts nothing.
 *
 *   A. the shared request helper through a small fake n8n context against a local server (~2 min)
 *   B. our nodes vs n8n's HTTP Request node in one real n8n against the sandboxes (bench/n8n-side-by-side.js;
 *      installs n8n 2.41.1 into .cache/n8n on first use)
 *
 * Env: BENCH_QUICK=1 smaller sizes (5,000 records, 200 creates); BENCH_PART=A or B to run one part;
 *      BENCH_ONLY=<key>,<key> to pick vendors in part B (vendors.json keys; each vendor's jobs are in
 *      bench/vendors/<key>.js); BENCH_KEEP=1 keeps n8n's temp folder.
 * The figures also go to bench/results/bench-<date>.json (gitignored).
 * The scale-out test on n8n queue mode is `npm run bench:queue` (bench/queue-mode.js).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { runHelperBench } = require('./helper');

function machine() {
	let cpu = '';
	try {
		cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] || '';
	} catch {}
	return {
		nproc: os.cpus().length,
		cpu,
		ramGb: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
		platform: `${os.type()} ${os.release()}`,
		load: os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' '),
	};
}

async function main() {
	const quick = process.env.BENCH_QUICK === '1';
	const part = (process.env.BENCH_PART || 'AB').toUpperCase();
	const started = new Date();
	const m = machine();
	console.log(
		`# n8n-nodes-psa benchmark — ${started.toISOString()}${quick ? ' (BENCH_QUICK=1)' : ''}`,
	);
	console.log(
		`machine: ${m.nproc} CPUs (${m.cpu}), ${m.ramGb} GB RAM, ${m.platform}, Node ${m.node}, load average ${m.load}`,
	);
	const results = { date: started.toISOString(), quick, machine: m };
	if (part.includes('A')) results.helper = await runHelperBench({ quick });
	if (part.includes('B')) {
		const { runSideBySide } = require('./n8n-side-by-side');
		results.sideBySide = await runSideBySide({
			quick,
			only: process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : undefined,
		});
	}
	results.seconds = (Date.now() - started.getTime()) / 1000;
	const dir = path.join(__dirname, 'results');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `bench-${results.date.replace(/[:.]/g, '-')}.json`);
	fs.writeFileSync(file, JSON.stringify(results, null, 2));
	console.log(
		`\nDone in ${results.seconds.toFixed(0)} s; figures saved to ${path.relative(process.cwd(), file)}`,
	);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error && error.stack ? error.stack : error);
		process.exit(1);
	},
);
