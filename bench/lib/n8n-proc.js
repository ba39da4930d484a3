'use strict';
/**
 * What the benchmarks need around real n8n, on top of scripts/lib/n8n.js (the e2e harness library):
 * the runtime from scripts/n8n-install.js, workers for queue mode, and RSS sampling of a process.
 */
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..');
const lib = require(path.join(REPO, 'scripts', 'lib', 'n8n.js'));

async function loadRuntime() {
	const { ensureN8n, DEFAULT_VERSION } = require(path.join(REPO, 'scripts', 'n8n-install.js'));
	return ensureN8n(process.env.N8N_PSA_BENCH_VERSION || DEFAULT_VERSION);
}

/**
 * Start `n8n worker` (queue mode). Resolves when its health endpoint answers. `env` holds the queue and
 * database settings shared with the main process.
 */
async function startWorker({
	runtime,
	userFolder,
	env,
	healthPort,
	brokerPort,
	concurrency = 10,
	logFile,
	timeoutMs = 180_000,
}) {
	const all = lib.n8nEnv({
		runtime,
		userFolder,
		port: healthPort,
		brokerPort,
		extra: {
			...env,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		},
	});
	const [cmd, args] = runtime.command(['worker', `--concurrency=${concurrency}`]);
	const child = lib.spawnTracked(cmd, args, { cwd: userFolder, env: all });
	const out = fs.createWriteStream(logFile, { flags: 'a' });
	child.stdout.pipe(out);
	child.stderr.pipe(out);
	let exited = null;
	child.once('exit', (code, sig) => (exited = { code, sig }));
	const t0 = Date.now();
	for (;;) {
		if (exited)
			throw new Error(
				`n8n worker exited (${exited.code ?? exited.sig}) before it was ready; see ${logFile}`,
			);
		if (Date.now() - t0 > timeoutMs) {
			await lib.stopChild(child);
			throw new Error(`n8n worker not ready after ${timeoutMs / 1000} s; see ${logFile}`);
		}
		try {
			const res = await fetch(`http://127.0.0.1:${healthPort}/healthz`, {
				signal: AbortSignal.timeout(2000),
			});
			if (res.status === 200) break;
		} catch {}
		await lib.sleep(300);
	}
	return {
		child,
		healthPort,
		logFile,
		readySeconds: (Date.now() - t0) / 1000,
		stop: () => lib.stopChild(child),
	};
}

/**
 * Install the packed package (scripts/lib/n8n.js) and, in the INSTALLED copy only, drop entries of the
 * package.json `n8n` block whose files are not built yet: n8n refuses the whole package when one listed
 * file is missing, and the benchmark should run while other vendors are still being written.
 */
function installPackage(userFolder, opts) {
	const info = lib.installPackage(userFolder, opts);
	const missing = [];
	// One package per vendor (scripts/lib/n8n.js): check each; older single-package installs have no list.
	const packages = info.packages || [{ target: info.target }];
	for (const { target } of packages) {
		const pkgFile = path.join(target, 'package.json');
		const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
		const gone = [];
		for (const key of ['nodes', 'credentials']) {
			pkg.n8n[key] = (pkg.n8n[key] || []).filter((file) => {
				const ok = fs.existsSync(path.join(target, file));
				if (!ok) gone.push(file);
				return ok;
			});
		}
		if (gone.length) fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
		missing.push(...gone);
	}
	if (missing.length)
		console.log(`(bench: not built yet, left out of the installed package: ${missing.join(', ')})`);
	// Node names (the class names with a lower-case first letter) of every installed package.
	const nodeNames = new Set();
	for (const { target } of packages) {
		const pkg = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8'));
		for (const f of pkg.n8n.nodes || []) {
			const b = path.basename(f, '.node.js');
			nodeNames.add(b.charAt(0).toLowerCase() + b.slice(1));
		}
	}
	return { ...info, missing, nodeNames };
}

/** RSS (bytes) of a pid, or 0. */
function rssOf(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const m = /VmRSS:\s+(\d+) kB/.exec(status);
		return m ? Number(m[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

/** Samples a pid's RSS every `everyMs`; `stop()` → peak bytes. */
function rssSampler(pid, everyMs = 100) {
	let peak = rssOf(pid);
	const timer = setInterval(() => {
		peak = Math.max(peak, rssOf(pid));
	}, everyMs);
	return {
		stop() {
			clearInterval(timer);
			peak = Math.max(peak, rssOf(pid));
			return peak;
		},
	};
}

/**
 * Records every request a sandbox answers (time, method, path, status) by adding a second 'request'
 * listener on its HTTP server: the sandbox itself is not changed. `take()` returns and clears the list.
 */
function tapSandbox(sandbox) {
	let events = [];
	sandbox.server.on('request', (req, res) => {
		const t = Date.now();
		res.once('finish', () => {
			if (!req.url.startsWith('/__sandbox/'))
				events.push({
					t,
					end: Date.now(),
					method: req.method,
					path: req.url.split('?')[0],
					status: res.statusCode,
					auth: req.headers.authorization || req.headers.auth || '',
				});
		});
	});
	return {
		take() {
			const out = events;
			events = [];
			return out;
		},
		peek: () => events,
	};
}

/** Summary of tapped events: requests, 429s, first → last request, requests/second over that span. */
function summarize(events, filter = () => true) {
	const list = events.filter(filter);
	if (!list.length) return { requests: 0, r429: 0, ok: 0, span: 0, rate: 0, okRate: 0 };
	const first = Math.min(...list.map((e) => e.t));
	const last = Math.max(...list.map((e) => e.t));
	const r429 = list.filter((e) => e.status === 429).length;
	const span = (last - first) / 1000;
	return {
		requests: list.length,
		r429,
		ok: list.filter((e) => e.status < 400).length,
		errors: list.filter((e) => e.status >= 400 && e.status !== 429).length,
		span,
		// Intervals per second between the first and the last request.
		rate: span > 0 ? (list.length - 1) / span : 0,
		okRate: span > 0 ? (list.filter((e) => e.status < 400).length - 1) / span : 0,
		distinctAuth: new Set(list.map((e) => e.auth)).size,
	};
}

module.exports = {
	...lib,
	lib,
	installPackage,
	loadRuntime,
	startWorker,
	rssOf,
	rssSampler,
	tapSandbox,
	summarize,
};
