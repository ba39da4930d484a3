#!/usr/bin/env node
'use strict';
/**
 * `npm run bench:queue` — scale-out test on n8n queue mode (issues #8, #14).
 *
 * Installs Redis and PostgreSQL from Debian's packages when they are missing, starts them on 127.0.0.1
 * with data in a temporary folder, starts n8n main + 3 workers in queue mode (Postgres database, Bull
 * queue on Redis) with our packages loaded, and the sandboxes. Then, vendor after vendor (every vendor in
 * vendors.json whose bench/vendors/<key>.js has a `queue` case: its label states the vendor's limit and
 * its `target` what the pace must reach), it runs several executions of an N-item job (one request per
 * item) on ONE credential at the same time, so three worker processes that cannot see each other pace one
 * token, and reports the aggregate successful requests/second vs the ceiling, the 429 share, failed items
 * and duplicates. Everything is stopped at the end.
 *
 * Env: QUEUE_VENDORS (keys; default every vendor with a queue case), QUEUE_EXECUTIONS (3), QUEUE_ITEMS
 *      (1000), QUEUE_WORKERS (3), QUEUE_WORKER_CONCURRENCY (1), QUEUE_ITEMS_<KEY> (one vendor's item count),
 *      BENCH_QUICK=1 (3 × 200 items), BENCH_KEEP=1 (keep the temp folder).
 */
const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');

const REPO = path.resolve(__dirname, '..');
const n8n = require('./lib/n8n-proc');
const { benchVendors } = require('./lib/vendors');

const QUICK = process.env.BENCH_QUICK === '1';
const EXECUTIONS = Number(process.env.QUEUE_EXECUTIONS || 3);
const ITEMS_DEFAULT = Number(process.env.QUEUE_ITEMS || (QUICK ? 200 : 1000));
const WORKERS = Number(process.env.QUEUE_WORKERS || 3);
// One job per worker at a time: with 3 executions and 3 workers, each worker runs one, so three separate
// processes pace the same credential (the case the per-process limiter cannot see).
const CONCURRENCY = Number(process.env.QUEUE_WORKER_CONCURRENCY || 1);

const log = (msg) => console.log(`[bench:queue ${new Date().toISOString().slice(11, 19)}] ${msg}`);

// ------------------------------------------------------------------ Debian packages
function findPgBin(name) {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return null;
	const versions = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', name)))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin', name) : null;
}

function which(cmd) {
	const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}

function ensurePackages() {
	const missing = [];
	if (!which('redis-server')) missing.push('redis-server');
	if (!findPgBin('initdb') || !findPgBin('pg_ctl')) missing.push('postgresql');
	if (!missing.length) return;
	if (process.getuid && process.getuid() !== 0)
		throw new Error(
			`missing ${missing.join(', ')}: install them (apt-get install -y ${missing.join(' ')}) or run as root`,
		);
	log(`installing ${missing.join(', ')} from Debian packages (apt-get update, apt-get install) …`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-q', 'redis-server', 'postgresql'], {
		stdio: 'inherit',
		env,
	});
}

// ------------------------------------------------------------------ PostgreSQL (temp cluster)
function asPostgres(argv) {
	const asRoot = process.getuid && process.getuid() === 0;
	if (!asRoot)
		return execFileSync(argv[0], argv.slice(1), {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	const quoted = argv.map((a) => `'${String(a).replace(/'/g, `'\\''`)}'`).join(' ');
	return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

async function startPostgres(tmp) {
	const port = await n8n.freePortAvoiding();
	const dataDir = path.join(tmp, 'pgdata');
	const sockDir = path.join(tmp, 'pgsock');
	const logFile = path.join(tmp, 'postgres.log');
	fs.mkdirSync(dataDir, { mode: 0o700 });
	fs.mkdirSync(sockDir);
	fs.writeFileSync(logFile, '');
	if (process.getuid && process.getuid() === 0) {
		const { uid, gid } = (() => {
			const line = fs
				.readFileSync('/etc/passwd', 'utf8')
				.split('\n')
				.find((l) => l.startsWith('postgres:'));
			if (!line) throw new Error('no postgres user (is the postgresql package installed?)');
			const parts = line.split(':');
			return { uid: Number(parts[2]), gid: Number(parts[3]) };
		})();
		for (const p of [dataDir, sockDir, logFile]) fs.chownSync(p, uid, gid);
	}
	asPostgres([
		findPgBin('initdb'),
		'-D',
		dataDir,
		'-A',
		'trust',
		'-U',
		'postgres',
		'-E',
		'UTF8',
		'--no-sync',
	]);
	asPostgres([
		findPgBin('pg_ctl'),
		'-D',
		dataDir,
		'-l',
		logFile,
		'-w',
		'-t',
		'60',
		'-o',
		`-p ${port} -h 127.0.0.1 -k ${sockDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
		'start',
	]);
	execFileSync(
		findPgBin('psql'),
		['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', 'CREATE DATABASE n8n'],
		{ stdio: 'pipe' },
	);
	return {
		port,
		stop() {
			try {
				asPostgres([findPgBin('pg_ctl'), '-D', dataDir, '-m', 'fast', '-w', 'stop']);
			} catch (error) {
				log(`postgres stop: ${error.message.split('\n')[0]}`);
			}
		},
	};
}

// ------------------------------------------------------------------ Redis
function redisPing(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.setTimeout(1000);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (d) => {
			socket.destroy();
			resolve(d.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

async function startRedis(tmp) {
	const port = await n8n.freePortAvoiding();
	const dir = path.join(tmp, 'redis');
	fs.mkdirSync(dir);
	const child = n8n.spawnTracked(
		which('redis-server'),
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--daemonize',
			'no',
			'--protected-mode',
			'yes',
		],
		{ cwd: dir },
	);
	const out = fs.createWriteStream(path.join(tmp, 'redis.log'));
	child.stdout.pipe(out);
	child.stderr.pipe(out);
	for (let i = 0; i < 100; i++) {
		if (await redisPing(port)) return { port, child, stop: () => n8n.stopChild(child) };
		await n8n.sleep(100);
	}
	throw new Error(`redis did not answer PING on ${port}; see ${path.join(tmp, 'redis.log')}`);
}

// ------------------------------------------------------------------ vendors
/**
 * One job per vendor, from bench/vendors/<key>.js (`queue`) for the vendors in vendors.json that have one:
 * `label`, `ceiling` (req/s), `sandbox(create)`, `node(sandbox)` → { type, parameters, credentialKey } (one
 * request per item on ONE credential shared by every execution), optional `item(sandbox, n)` (extra fields
 * of item n), `count(e)` (the job's requests in the sandbox's log), `names(sandbox)` (record names in the
 * sandbox's state, to find failed items and duplicates of writes; null for reads), `settleMs` (pause so the
 * vendor's window is empty before the run) and `target` ({ rate, r429 }: what the table compares with).
 */
const VENDORS = Object.fromEntries(
	benchVendors('queue').map(({ vendor, cases }) => [vendor.key, { ...cases, vendor }]),
);
// QUEUE_VENDORS=<key>,<key> (default: every vendor with a queue case, one after the other on the cluster).
const VENDOR_KEYS = process.env.QUEUE_VENDORS
	? process.env.QUEUE_VENDORS.split(',')
	: Object.keys(VENDORS);
for (const key of VENDOR_KEYS)
	if (!VENDORS[key])
		throw new Error(
			`QUEUE_VENDORS: no queue case for "${key}" (bench/vendors/<key>.js; have ${Object.keys(VENDORS).join(', ')})`,
		);

function createJobWorkflow(webhookPath, credentialId, job) {
	return {
		name: `bench queue: ${webhookPath}`,
		nodes: [
			{
				id: 'wh',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: webhookPath,
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: 'split',
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			{
				id: 'vendor',
				name: 'Vendor',
				type: job.type,
				typeVersion: 1,
				position: [440, 0],
				parameters: job.parameters,
				credentials: { [job.credentialKey]: { id: credentialId, name: 'bench credential' } },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: 'Vendor', type: 'main', index: 0 }]] },
		},
		settings: {
			executionOrder: 'v1',
			saveDataSuccessExecution: 'all',
			saveDataErrorExecution: 'all',
		},
	};
}

async function waitForExecutions(api, workflowId, count, { timeoutMs, since = 0 }) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const list = (await api.listExecutions({ workflowId, limit: 250 })).filter(
			(e) => Number(e.id) > since,
		);
		const finished = list.filter(
			(e) =>
				e.finished || ['success', 'error', 'crashed', 'canceled'].includes(e.status) || e.stoppedAt,
		);
		if (finished.length >= count) return finished;
		if (Date.now() > deadline)
			throw new Error(
				`only ${finished.length}/${count} executions finished within ${timeoutMs / 1000} s`,
			);
		await n8n.sleep(1000);
	}
}

// ------------------------------------------------------------------ main
async function main() {
	const started = Date.now();
	for (const key of VENDOR_KEYS) {
		const missing = VENDORS[key].vendor.distNodeFiles.find((f) => !fs.existsSync(f));
		if (missing)
			throw new Error(`${path.relative(REPO, missing)} is missing: run \`npm run build\` first`);
	}
	ensurePackages();
	const runtime = await n8n.loadRuntime();
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-queue-'));
	fs.chmodSync(tmp, 0o755);
	log(`temp folder ${tmp}`);
	const stops = [];
	const result = {
		date: new Date().toISOString(),
		executions: EXECUTIONS,
		items: ITEMS_DEFAULT,
		workers: WORKERS,
		concurrency: CONCURRENCY,
	};
	try {
		const pg = await startPostgres(tmp);
		stops.push(() => pg.stop());
		log(`postgres on 127.0.0.1:${pg.port}`);
		const redis = await startRedis(tmp);
		stops.push(() => redis.stop());
		log(`redis on 127.0.0.1:${redis.port}`);

		const sandboxes = {};
		for (const key of VENDOR_KEYS) {
			const { create } = require(path.join(REPO, VENDORS[key].vendor.sandbox.module));
			const sandbox = VENDORS[key].sandbox(create);
			await sandbox.listen(0, '127.0.0.1');
			stops.push(() => sandbox.close());
			sandboxes[key] = { sandbox, tap: n8n.tapSandbox(sandbox) };
			log(`${key} sandbox on ${sandbox.url}`);
		}

		const userFolder = path.join(tmp, 'n8n');
		fs.mkdirSync(userFolder);
		n8n.installPackage(userFolder);
		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(pg.port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: 'unused-trust-auth',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_LOG_LEVEL: 'warn',
			EXECUTIONS_DATA_PRUNE: 'false',
		};
		const main = await n8n.startN8n({
			runtime,
			userFolder,
			env: queueEnv,
			log,
			timeoutMs: 240_000,
		});
		stops.push(() => main.stop());
		// Workers start in parallel (each takes ~20-30 s to boot); each has its own health and task-broker port.
		const ports = [];
		for (let w = 0; w < WORKERS; w++) {
			const avoid = [5678, 5679, main.port, ...ports];
			const healthPort = await n8n.freePortAvoiding(avoid);
			const brokerPort = await n8n.freePortAvoiding([...avoid, healthPort]);
			ports.push(healthPort, brokerPort);
		}
		const workers = await Promise.all(
			Array.from({ length: WORKERS }, async (_, w) => {
				const [healthPort, brokerPort] = ports.slice(w * 2, w * 2 + 2);
				// Info level on workers: their "Worker started execution N" lines show which worker ran what.
				const worker = await n8n.startWorker({
					runtime,
					userFolder,
					env: { ...queueEnv, N8N_LOG_LEVEL: 'info' },
					healthPort,
					brokerPort,
					concurrency: CONCURRENCY,
					logFile: path.join(tmp, `worker-${w + 1}.log`),
				});
				stops.push(() => worker.stop());
				log(
					`worker ${w + 1} ready (health :${healthPort}, broker :${brokerPort}) in ${worker.readySeconds.toFixed(1)} s`,
				);
				return worker;
			}),
		);
		result.workerPids = workers.map((w) => w.child.pid);

		const { apiKey } = await n8n.setupOwnerAndApiKey(main.baseUrl);
		const api = n8n.publicApi(main.baseUrl, apiKey);
		result.runtime = {
			n8n: runtime.version,
			node: execFileSync(runtime.nodeBin, ['-v'], { encoding: 'utf8' }).trim(),
		};
		result.vendors = {};
		for (const key of VENDOR_KEYS) {
			result.vendors[key] = await runVendor({ key, api, main, workers, ...sandboxes[key] });
			printVendor(result, key);
		}
		printSummary(result);
		const outDir = path.join(REPO, 'bench', 'results');
		fs.mkdirSync(outDir, { recursive: true });
		fs.writeFileSync(
			path.join(outDir, `queue-mode-${result.date.replace(/[:.]/g, '-')}.json`),
			JSON.stringify(result, null, 2),
		);
	} finally {
		log('stopping n8n workers, n8n main, redis, postgres, sandbox …');
		for (const stop of stops.reverse()) {
			try {
				await stop();
			} catch (error) {
				log(`stop: ${error.message}`);
			}
		}
		if (process.env.BENCH_KEEP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
		else log(`kept ${tmp}`);
		log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	}
	return result;
}

/** One vendor: warm up the credential, then EXECUTIONS executions × ITEMS items at once on it. */
async function runVendor({ key, api, main, workers, sandbox, tap }) {
	const vendor = VENDORS[key];
	const cred = await api.createCredential(sandbox.demoCredential());
	const webhookPath = `bench-queue-${key}-${Date.now().toString(36)}`;
	const wf = await api.createWorkflow(
		createJobWorkflow(webhookPath, cred.id, vendor.node(sandbox)),
	);
	await api.activate(wf.id);
	await n8n.sleep(1500);
	const post = (body) =>
		n8n.http('POST', `${main.baseUrl}/webhook/${webhookPath}`, { body, timeoutMs: 60_000 });
	// Warm-up: one item, so a token (where the vendor exchanges one) is fetched once and stored, as in a
	// running installation.
	await post({ items: [{ name: 'warm-up', ...(vendor.item ? vendor.item(sandbox, 3099) : {}) }] });
	const warm = await waitForExecutions(api, wf.id, 1, { timeoutMs: 180_000 });
	const lastWarmId = Math.max(...warm.map((e) => Number(e.id)));
	log(`${key}: warm-up execution ${lastWarmId}: ${warm[0].status}`);
	// Let the vendor's window empty (10 s windows need 11 s).
	await n8n.sleep(vendor.settleMs ?? 11_000);
	tap.take();

	// QUEUE_ITEMS_<KEY> (e.g. QUEUE_ITEMS_RM) overrides QUEUE_ITEMS for one vendor.
	const ITEMS = Number(
		process.env[`QUEUE_ITEMS_${key.toUpperCase().replace(/-/g, '_')}`] || ITEMS_DEFAULT,
	);
	const expected = [];
	const bodies = [];
	const run = Date.now().toString(36);
	for (let e = 0; e < EXECUTIONS; e++) {
		const items = [];
		for (let i = 0; i < ITEMS; i++) {
			const name = `q-${run}-${e + 1}-${String(i + 1).padStart(4, '0')}`;
			items.push({ name, ...(vendor.item ? vendor.item(sandbox, e * ITEMS + i) : {}) });
			expected.push(name);
		}
		bodies.push({ items });
	}
	const physical = (EXECUTIONS * ITEMS) / vendor.ceiling;
	log(
		`${key}: starting ${EXECUTIONS} executions × ${ITEMS} items on one credential (${WORKERS} workers, concurrency ${CONCURRENCY}); physical limit ${physical.toFixed(0)} s`,
	);
	const t0 = Date.now();
	await Promise.all(bodies.map((b) => post(b)));
	const done = await waitForExecutions(api, wf.id, EXECUTIONS, {
		timeoutMs: Math.max(600_000, physical * 3000),
		since: lastWarmId,
	});
	const wall = (Date.now() - t0) / 1000;

	const events = tap.take();
	const jobs = n8n.summarize(events, vendor.count);
	const all = n8n.summarize(events);
	let duplicates = 0;
	let missing = 0;
	if (vendor.names) {
		const names = new Map();
		for (const name of vendor.names(sandbox))
			if (typeof name === 'string' && name.startsWith(`q-${run}-`))
				names.set(name, (names.get(name) || 0) + 1);
		duplicates = [...names.values()].filter((n) => n > 1).reduce((sum, n) => sum + n - 1, 0);
		missing = expected.filter((n) => !names.has(n)).length;
	} else {
		// Reads: every item must have been answered once with success.
		const ok = events.filter((e) => vendor.count(e) && e.status < 300).length;
		missing = Math.max(0, expected.length - ok);
	}
	const ids = new Set(done.map((e) => String(e.id)));
	const perWorker = workers.map((w) => {
		const text = fs.existsSync(w.logFile) ? fs.readFileSync(w.logFile, 'utf8') : '';
		return [...text.matchAll(/Worker started execution (\d+)/g)].filter((m) => ids.has(m[1]))
			.length;
	});
	await api.deactivate(wf.id).catch(() => {});
	return {
		label: vendor.label,
		target: vendor.target ?? { rate: '≥ 0.9 ×', r429: 'few' },
		items: ITEMS,
		ceiling: vendor.ceiling,
		wall,
		physical,
		requests: all.requests,
		jobRequests: jobs.requests,
		r429: all.r429,
		rate429: all.requests ? all.r429 / all.requests : 0,
		// Successful job requests per second over the run (first request to last), vs the ceiling.
		aggregateRate: jobs.okRate,
		ratioToCeiling: jobs.okRate / vendor.ceiling,
		// The same over the wall time (includes n8n's start-up of the executions and the tail).
		wallRatio: (EXECUTIONS * ITEMS) / wall / vendor.ceiling,
		failedItems: missing,
		duplicates,
		otherErrors: all.errors,
		tokens: all.distinctAuth,
		executionStatus: done.map((e) => e.status),
		executionsPerWorker: perWorker,
	};
}

function printVendor(result, key) {
	const r = result.vendors[key];
	const pct = (x) => `${(x * 100).toFixed(2)} %`;
	console.log(`\n## n8n queue mode: ${r.label}\n`);
	console.log(
		`${result.workers} workers (concurrency ${result.concurrency}) + main, Redis, PostgreSQL; ${result.executions} executions × ${r.items} items on one credential; ceiling ${r.ceiling} req/s\n`,
	);
	console.log('| measure | value | target |');
	console.log('|---|---:|---:|');
	console.log(`| wall time | ${r.wall.toFixed(1)} s | physical limit ${r.physical.toFixed(1)} s |`);
	console.log(
		`| requests (all / the job's) | ${r.requests} / ${r.jobRequests} | ${result.executions * r.items} |`,
	);
	console.log(
		`| aggregate successful requests/s | ${r.aggregateRate.toFixed(2)} (${r.ratioToCeiling.toFixed(2)} × ceiling; over the wall time ${r.wallRatio.toFixed(2)} ×) | ${r.target.rate} |`,
	);
	console.log(`| 429 answers | ${r.r429} (${pct(r.rate429)} of requests) | ${r.target.r429} |`);
	console.log(
		`| failed items / duplicates / other errors | ${r.failedItems} / ${r.duplicates} / ${r.otherErrors} | 0 / 0 / 0 |`,
	);
	console.log(`| distinct credentials used | ${r.tokens} | 1 |`);
	console.log(`| execution status | ${r.executionStatus.join(', ')} | success |`);
	console.log(`| executions run by each worker | ${r.executionsPerWorker.join(' / ')} | spread |`);
}

function printSummary(result) {
	console.log(
		`\n## Queue mode, per vendor (${result.workers} workers, ${result.executions} executions at once, one credential each; n8n ${result.runtime.n8n} / Node ${result.runtime.node})\n`,
	);
	console.log(
		'| vendor | items | × ceiling | 429 share | wall s (limit s) | failed / duplicates |',
	);
	console.log('|---|---:|---:|---:|---:|---:|');
	for (const [key, r] of Object.entries(result.vendors)) {
		console.log(
			`| ${key} | ${result.executions} × ${r.items} | ${r.ratioToCeiling.toFixed(2)} | ${(r.rate429 * 100).toFixed(2)} % | ${r.wall.toFixed(1)} (${r.physical.toFixed(1)}) | ${r.failedItems} / ${r.duplicates} |`,
		);
	}
}

module.exports = { main };

if (require.main === module) {
	main().then(
		() => process.exit(0),
		(error) => {
			console.error(error && error.stack ? error.stack : error);
			process.exit(1);
		},
	);
}
