#!/usr/bin/env node
'use strict';
/**
 * `npm start`: a local demo. Works on a fresh clone:
 *   npm install (if node_modules is missing) → npm run build (if dist/ is missing or stale) → pinned n8n
 *   → the four vendor sandboxes → n8n with this package installed (persistent user folder .n8n-demo/)
 *   → owner login, one credential per sandbox, every examples/*.json imported (existing names skipped).
 * Ctrl-C stops everything. Restarting reuses the same owner, credentials and workflows.
 *
 * Env: N8N_PSA_PORT (default 5678), SANDBOX_BASE_PORT (default 4101), N8N_PSA_CACHE (n8n install cache).
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const REPO = path.resolve(__dirname, '..');
const log = (m) => process.stdout.write(`[start] ${m}\n`);

const DEMO_OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'User', password: 'Demo-Passw0rd!' };

function ensureDependencies() {
	if (fs.existsSync(path.join(REPO, 'node_modules', 'typescript')) && fs.existsSync(path.join(REPO, 'node_modules', 'n8n-workflow'))) return;
	log('node_modules missing: running npm install (scripts off, see .npmrc) …');
	execFileSync('npm', ['install'], { cwd: REPO, stdio: 'inherit' });
}

async function main() {
	const t0 = Date.now();
	ensureDependencies();
	// Required only after npm install so that a fresh clone works.
	const lib = require('./lib/n8n');
	const { ensureN8n } = require('./n8n-install');
	lib.installExitHooks();
	lib.ensureBuilt({ log });
	const runtime = await ensureN8n();

	// Sandboxes of vendors.json on their manifest ports (4101 …), or SANDBOX_BASE_PORT, SANDBOX_BASE_PORT+1, ….
	// demo: each vendor's `sandbox.demoOptions` apply (e.g. the Resource Management sandbox accepts the
	// http://127.0.0.1 webhook URL of this n8n; the real API, like the sandbox by default, insists on https).
	const sb = await lib.startSandboxes({ basePort: Number(process.env.SANDBOX_BASE_PORT || 0), ports: 'manifest', demo: true, log });
	const stopAll = [];
	stopAll.push(() => sb.stop());

	const userFolder = path.join(REPO, '.n8n-demo');
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
	process.removeAllListeners('SIGINT');
	process.removeAllListeners('SIGTERM');
	process.on('SIGINT', () => shutdown(0));
	process.on('SIGTERM', () => shutdown(0));

	try {
		// Owner (created once, then logged in) and an API key reused across restarts.
		const stateFile = path.join(userFolder, 'psa-demo.json');
		let state = {};
		try {
			state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
		} catch {}
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
			({ apiKey } = await lib.setupOwnerAndApiKey(n8n.baseUrl, DEMO_OWNER, { apiKeyLabel: `psa-demo-${Date.now()}` }));
			api = lib.publicApi(n8n.baseUrl, apiKey);
			state.apiKey = apiKey;
			fs.writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
		}

		// One credential per sandbox, kept in sync with the sandbox URL.
		const existing = (await api.call('GET', '/credentials?limit=250').catch(() => ({ data: [] }))).data || [];
		const credByType = {};
		for (const [vendor, s] of Object.entries(sb.sandboxes)) {
			const demo = s.demoCredential;
			if (!demo) continue;
			const found = existing.find((c) => c.name === demo.name && c.type === demo.type);
			try {
				if (found) {
					await api.call('PATCH', `/credentials/${found.id}`, { name: demo.name, type: demo.type, data: demo.data });
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
		const examplesDir = path.join(REPO, 'examples');
		const files = fs.existsSync(examplesDir) ? fs.readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort() : [];
		const have = new Set((await api.listWorkflows()).map((w) => w.name));
		let imported = 0;
		for (const f of files) {
			let wf;
			try {
				wf = JSON.parse(fs.readFileSync(path.join(examplesDir, f), 'utf8'));
			} catch (e) {
				log(`warning: examples/${f} is not valid JSON (${e.message})`);
				continue;
			}
			wf.name = wf.name || f.replace(/\.json$/, '');
			if (have.has(wf.name)) continue;
			for (const node of wf.nodes || []) {
				for (const type of Object.keys(node.credentials || {})) if (credByType[type]) node.credentials[type] = credByType[type];
			}
			try {
				await api.createWorkflow(wf);
				imported++;
			} catch (e) {
				log(`warning: examples/${f} not imported (${e.message.split('\n')[0]})`);
			}
		}
		log(`workflows: ${imported} imported, ${files.length - imported} already present or skipped (${files.length} in examples/)`);

		const line = '─'.repeat(64);
		console.log(`\n${line}`);
		console.log(`  n8n ${runtime.version} editor:  ${n8n.baseUrl.replace('127.0.0.1', 'localhost')}/`);
		console.log(`  login:              ${DEMO_OWNER.email} / ${DEMO_OWNER.password}   (demo only)`);
		console.log(`  public API key:     ${apiKey}`);
		for (const [vendor, s] of Object.entries(sb.sandboxes)) console.log(`  ${vendor.padEnd(7)} sandbox:    ${s.url}   (control: ${s.url}/__sandbox/stats)`);
		console.log(`  user folder:        ${path.relative(REPO, userFolder)}/   (n8n log: ${path.relative(REPO, n8n.logFile)})`);
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
