#!/usr/bin/env node
'use strict';
/**
 * `npm start`: a local demo. Works on a fresh clone:
 *   npm install (if node_modules is missing) → npm run build (if dist/ is missing or stale) → pinned n8n
 *   → the sandbox of every vendor in vendors.json → n8n with every vendor's package installed (persistent
 *   user folder .n8n-demo/) → owner login, one credential per sandbox, every examples/*.json imported
 *   (existing names skipped).
 * Ctrl-C stops everything, and so does SIGINT/SIGTERM/SIGHUP sent to npm's PID or to this process (or npm
 * dying): n8n and its task runners run in their own process group, which is killed with us.
 * Restarting reuses the same owner, credentials and workflows.
 *
 * Options: `npm start -- --reset-demos` re-imports examples/*.json, replacing workflows with the same names.
 * The public API key is not printed: it is in .n8n-demo/api-key.txt (mode 0600).
 *
 * Env: N8N_PSA_PORT (default 5678), SANDBOX_BASE_PORT (default 4101), N8N_PSA_CACHE (n8n install cache),
 * N8N_PSA_DEMO_FOLDER (default .n8n-demo).
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const REPO = path.resolve(__dirname, '..');
const log = (m) => process.stdout.write(`[start] ${m}\n`);

const DEMO_OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'User',
	password: 'Demo-Passw0rd!',
};
const ARGS = process.argv.slice(2);
const RESET_DEMOS = ARGS.includes('--reset-demos');
for (const a of ARGS)
	if (a !== '--reset-demos') log(`warning: unknown option ${a} (known: --reset-demos)`);

/** Say up front how long this will take: the first run installs n8n (~15 min on 2 cores). */
function announceDuration() {
	let firstRun = true;
	try {
		const { cacheRoot, DEFAULT_VERSION } = require('./n8n-install');
		firstRun = !fs.existsSync(
			path.join(cacheRoot(), `n8n-${DEFAULT_VERSION}`, '.psa-installed.json'),
		);
	} catch {}
	if (firstRun)
		log(
			'first run: installs the dev dependencies, builds, and installs n8n with Node 24 into .cache/ — about 15 minutes on a 2-core machine (later starts: about a minute). Progress lines follow.',
		);
	else
		log('starting the sandboxes and n8n (usually under a minute; up to two on a busy machine) …');
}

function ensureDependencies() {
	if (
		fs.existsSync(path.join(REPO, 'node_modules', 'typescript')) &&
		fs.existsSync(path.join(REPO, 'node_modules', 'n8n-workflow'))
	)
		return;
	log('node_modules missing: running npm install (scripts off, see .npmrc) …');
	// isolated-vm (pulled in by n8n-workflow, used by the tests only) asks for Node 24: on Node 20 npm would print
	// an alarming "EBADENGINE" warning although nothing is wrong (n8n itself runs on the Node 24 installed into
	// .cache/). Keep npm's output to errors.
	execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: REPO,
		stdio: 'inherit',
	});
}

/**
 * npm does not pass a SIGTERM/SIGINT sent to its own PID on to us (it exits, and we are re-parented): notice
 * that and stop as if signalled (from the first second on, also while n8n is still being installed).
 */
function watchParent() {
	const parent = process.ppid;
	const timer = setInterval(() => {
		if (process.ppid === parent) return;
		clearInterval(timer);
		log('npm went away: stopping');
		if (process.listenerCount('SIGTERM') > 0) process.emit('SIGTERM', 'SIGTERM');
		else process.exit(143);
	}, 1000);
	timer.unref();
}

async function main() {
	const t0 = Date.now();
	watchParent();
	announceDuration();
	ensureDependencies();
	// Required only after npm install so that a fresh clone works.
	const lib = require('./lib/n8n');
	const { ensureN8n } = require('./n8n-install');
	lib.installExitHooks();
	lib.ensureBuilt({ log });
	const runtime = await ensureN8n();

	// Sandboxes of vendors.json on their manifest ports (4101 …), or SANDBOX_BASE_PORT, SANDBOX_BASE_PORT+1, ….
	// demo: each vendor's `sandbox.demoOptions` apply (e.g. a sandbox that delivers webhooks accepts the
	// http://127.0.0.1 webhook URL of this n8n, where the real API, like the sandbox by default, insists on https).
	const sb = await lib.startSandboxes({
		basePort: Number(process.env.SANDBOX_BASE_PORT || 0),
		ports: 'manifest',
		demo: true,
		log,
	});
	const stopAll = [];
	stopAll.push(() => sb.stop());

	const userFolder = path.resolve(REPO, process.env.N8N_PSA_DEMO_FOLDER || '.n8n-demo');
	// One package per vendor (vendors.json), from artifacts/ (packed when missing or stale).
	lib.installPackage(userFolder, { log });
	const port = Number(process.env.N8N_PSA_PORT || 5678);
	let n8n;
	try {
		n8n = await lib.startN8n({ runtime, port, userFolder, log });
	} catch (e) {
		await sb.stop();
		throw e;
	}
	stopAll.unshift(() => n8n.stop());
	let stopping = false;
	const shutdown = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		log('stopping n8n and the sandboxes …');
		for (const fn of stopAll) await fn().catch(() => {});
		process.exit(code);
	};
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.removeAllListeners(sig);
		process.on(sig, () => shutdown(0));
	}

	try {
		// Owner (created once, then logged in) and an API key reused across restarts.
		const stateFile = path.join(userFolder, 'psa-demo.json');
		let state = {};
		try {
			state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
		} catch {}
		const apiKeyFile = path.join(userFolder, 'api-key.txt');
		let apiKey = state.apiKey;
		let api = apiKey && lib.publicApi(n8n.baseUrl, apiKey);
		if (api) {
			try {
				await api.call('GET', '/workflows?limit=1');
			} catch {
				api = null;
			}
		}
		if (!api) {
			({ apiKey } = await lib.setupOwnerAndApiKey(n8n.baseUrl, DEMO_OWNER, {
				apiKeyLabel: `psa-demo-${Date.now()}`,
			}));
			api = lib.publicApi(n8n.baseUrl, apiKey);
			state.apiKey = apiKey;
			fs.writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
		}
		// The key is never printed (terminal scroll-back and logs are shared more often than files).
		fs.writeFileSync(apiKeyFile, `${apiKey}\n`, { mode: 0o600 });
		fs.chmodSync(apiKeyFile, 0o600);
		fs.chmodSync(stateFile, 0o600);

		// One credential per sandbox, kept in sync with the sandbox URL.
		const existing =
			(await api.call('GET', '/credentials?limit=250').catch(() => ({ data: [] }))).data || [];
		const credByType = {};
		for (const [vendor, s] of Object.entries(sb.sandboxes)) {
			const demo = s.demoCredential;
			if (!demo) continue;
			const found = existing.find((c) => c.name === demo.name && c.type === demo.type);
			try {
				if (found) {
					await api.call('PATCH', `/credentials/${found.id}`, {
						name: demo.name,
						type: demo.type,
						data: demo.data,
					});
					credByType[demo.type] = { id: found.id, name: demo.name };
				} else {
					const c = await api.createCredential(demo);
					credByType[demo.type] = { id: c.id, name: c.name };
					log(`created credential "${demo.name}" (${demo.type})`);
				}
			} catch (e) {
				log(`warning: credential for ${vendor} not created (${e.message.split('\n')[0]})`);
			}
		}

		// Import examples/*.json that are not there yet (matched by name), credentials mapped by type.
		// --reset-demos: delete the workflows with those names first (edited demos come back as shipped).
		const examplesDir = path.join(REPO, 'examples');
		const files = fs.existsSync(examplesDir)
			? fs
					.readdirSync(examplesDir)
					.filter((f) => f.endsWith('.json'))
					.sort()
			: [];
		const present = await api.listWorkflows();
		const have = new Set(present.map((w) => w.name));
		let imported = 0;
		let replaced = 0;
		for (const f of files) {
			let wf;
			try {
				wf = JSON.parse(fs.readFileSync(path.join(examplesDir, f), 'utf8'));
			} catch (e) {
				log(`warning: examples/${f} is not valid JSON (${e.message})`);
				continue;
			}
			wf.name = wf.name || f.replace(/\.json$/, '');
			if (have.has(wf.name) && RESET_DEMOS) {
				for (const old of present.filter((w) => w.name === wf.name)) {
					if (old.active) await api.deactivate(old.id).catch(() => {});
					await api.deleteWorkflow(old.id);
				}
				have.delete(wf.name);
				replaced++;
			}
			if (have.has(wf.name)) continue;
			for (const node of wf.nodes || []) {
				for (const type of Object.keys(node.credentials || {}))
					if (credByType[type]) node.credentials[type] = credByType[type];
			}
			try {
				await api.createWorkflow(wf);
				imported++;
			} catch (e) {
				log(`warning: examples/${f} not imported (${e.message.split('\n')[0]})`);
			}
		}
		log(
			`workflows: ${imported} imported${RESET_DEMOS ? ` (${replaced} replaced: --reset-demos)` : ''}, ${files.length - imported} already present or skipped (${files.length} in examples/)`,
		);

		const line = '─'.repeat(64);
		console.log(`\n${line}`);
		console.log(`  n8n ${runtime.version} editor:  ${n8n.baseUrl}/   (this machine only)`);
		console.log(`  login:              ${DEMO_OWNER.email} / ${DEMO_OWNER.password}   (demo only)`);
		const shown = (p) => (p.startsWith(REPO + path.sep) ? path.relative(REPO, p) : p);
		console.log(
			`  public API key:     in ${shown(apiKeyFile)}   (not shown here; readable by you only)`,
		);
		console.log(
			`  demos:              ${files.length} workflows from examples/; \`npm start -- --reset-demos\` restores edited ones`,
		);
		for (const [vendor, s] of Object.entries(sb.sandboxes))
			console.log(
				`  ${`${vendor} sandbox:`.padEnd(19)} ${s.url}   (control: ${s.url}/__sandbox/stats)`,
			);
		console.log(`  user folder:        ${shown(userFolder)}/   (n8n log: ${shown(n8n.logFile)})`);
		console.log(`  ready in ${((Date.now() - t0) / 1000).toFixed(0)} s. Ctrl-C stops everything.`);
		console.log(`${line}\n`);
	} catch (e) {
		log(`ERROR: ${e.stack || e.message}\nn8n log tail:\n${n8n.logTail(40)}`);
		await shutdown(1);
	}
	// Exit if n8n dies on its own.
	n8n.child.once('exit', (code) => {
		if (stopping) return;
		log(`n8n exited (${code}); log tail:\n${n8n.logTail(30)}`);
		shutdown(1);
	});
}

main().catch((e) => {
	process.stderr.write(`[start] FAILED: ${e.stack || e.message}\n`);
	process.exit(1);
});
