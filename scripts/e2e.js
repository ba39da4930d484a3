#!/usr/bin/env node
'use strict';
/**
 * `npm run test:e2e`: the real-n8n tier.
 *
 *  1. ensure the pinned n8n is installed in the cache (scripts/n8n-install.js)
 *  2. `npm pack` this package and extract it into a fresh temp N8N_USER_FOLDER (like a community install)
 *  3. start the vendor sandboxes (in this process) and one `n8n start` per tested version
 *  4. owner + API key, write the connection info to a JSON file, run
 *     `jest --selectProjects e2e --runInBand` with N8N_PSA_E2E=<that file>
 *  5. stop everything, exit with jest's code
 *
 * Versions: N8N_PSA_E2E_VERSIONS=2.41.1,1.123.81 (default 2.41.1). Extra argv goes to jest
 * (e.g. `npm run test:e2e -- test/e2e/blikk.test.ts`). N8N_PSA_E2E_KEEP=1 keeps the temp folders.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { ensureN8n, requestedVersions } = require('./n8n-install');
const lib = require('./lib/n8n');

const REPO = lib.REPO;
const log = (m) => process.stderr.write(`[e2e] ${m}\n`);

function runJest(envFile, extraArgs) {
	return new Promise((resolve) => {
		const jestBin = require.resolve('jest/bin/jest', { paths: [REPO] });
		const args = [jestBin, '--selectProjects', 'e2e', '--runInBand', '--testTimeout=180000', ...extraArgs];
		const child = spawn(process.execPath, args, { cwd: REPO, stdio: 'inherit', env: { ...process.env, N8N_PSA_E2E: envFile } });
		const forward = (sig) => () => child.kill(sig);
		const onInt = forward('SIGINT');
		const onTerm = forward('SIGTERM');
		process.on('SIGINT', onInt);
		process.on('SIGTERM', onTerm);
		process.on('exit', () => child.kill('SIGKILL'));
		child.on('exit', (code, sig) => {
			process.removeListener('SIGINT', onInt);
			process.removeListener('SIGTERM', onTerm);
			resolve(code ?? (sig ? 1 : 0));
		});
	});
}

async function runVersion(version, sandboxes, jestArgs, timings) {
	const t0 = Date.now();
	const runtime = await ensureN8n(version);
	timings[`install check ${version}`] = (Date.now() - t0) / 1000;
	const work = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-psa-e2e-${version}-`));
	const userFolder = path.join(work, 'user');
	let n8n;
	let code = 1;
	try {
		const tp = Date.now();
		lib.installPackage(userFolder, { log });
		timings[`pack + install ${version}`] = (Date.now() - tp) / 1000;
		n8n = await lib.startN8n({ runtime, userFolder, log });
		timings[`n8n ${version} ready`] = n8n.readySeconds;
		const { cookie, apiKey } = await lib.setupOwnerAndApiKey(n8n.baseUrl);
		const info = {
			n8n: {
				version,
				major: runtime.major,
				baseUrl: n8n.baseUrl,
				port: n8n.port,
				apiKey,
				cookie,
				browserId: lib.BROWSER_ID,
				userFolder,
				logFile: n8n.logFile,
				nodeBin: runtime.nodeBin,
				n8nBin: runtime.n8nBin,
				// the env a second n8n process (`n8n execute`) needs; the harness picks its own broker port
				env: lib.n8nEnvVars({ runtime, userFolder, port: n8n.port, brokerPort: n8n.brokerPort }),
			},
			nodeTypePrefix: lib.NODE_TYPE_PREFIX,
			packageName: lib.PACKAGE_NAME,
			sandboxes: Object.fromEntries(Object.entries(sandboxes).map(([v, s]) => [v, { url: s.url, port: s.port, demoCredential: s.demoCredential }])),
		};
		const envFile = path.join(work, 'e2e.json');
		fs.writeFileSync(envFile, JSON.stringify(info, null, 2), { mode: 0o600 });
		log(`n8n ${version}: running jest (connection info in ${envFile})`);
		const tj = Date.now();
		code = await runJest(envFile, jestArgs);
		timings[`jest ${version}`] = (Date.now() - tj) / 1000;
		if (code !== 0) log(`jest failed on n8n ${version}; n8n log tail:\n${n8n.logTail(40)}`);
	} catch (e) {
		log(`ERROR on n8n ${version}: ${e.stack || e.message}`);
		if (n8n) log(`n8n log tail:\n${n8n.logTail(60)}`);
		code = code || 1;
	} finally {
		if (n8n) await n8n.stop();
		if (process.env.N8N_PSA_E2E_KEEP) log(`kept ${work}`);
		else fs.rmSync(work, { recursive: true, force: true });
	}
	return code;
}

async function main() {
	const t0 = Date.now();
	const timings = {};
	// `npm test` builds first; a direct `npm run test:e2e` builds when dist/ is missing or stale.
	if (!process.env.N8N_PSA_E2E_NO_BUILD) lib.ensureBuilt({ log });
	const versions = requestedVersions();
	// Install all versions first so that an install failure shows before any test runs.
	for (const v of versions) {
		const ti = Date.now();
		await ensureN8n(v);
		timings[`ensure n8n ${v}`] = (Date.now() - ti) / 1000;
	}
	const sb = await lib.startSandboxes({ log });
	log(`sandboxes: ${Object.entries(sb.sandboxes).map(([v, s]) => `${v}=${s.url}`).join(' ') || '(none)'}`);
	let code = 0;
	try {
		for (const v of versions) {
			const c = await runVersion(v, sb.sandboxes, process.argv.slice(2), timings);
			if (c !== 0) code = c;
		}
	} finally {
		await sb.stop();
	}
	timings.total = (Date.now() - t0) / 1000;
	log(`timings (s): ${Object.entries(timings).map(([k, v]) => `${k}=${v.toFixed(1)}`).join(', ')}`);
	return code;
}

main().then(
	(code) => process.exit(code),
	(e) => {
		log(`FAILED: ${e.stack || e.message}`);
		process.exit(1);
	},
);
