#!/usr/bin/env node
'use strict';
/**
 * `npm run test:e2e`: the real-n8n tier. Each run is a fresh n8n (own temp N8N_USER_FOLDER and SQLite
 * database) with some of our packages installed the way n8n installs community packages.
 *
 *  1. ensure the pinned n8n versions are installed in the cache (scripts/n8n-install.js)
 *  2. ensure artifacts/ holds fresh tarballs (build + `npm run pack` when stale)
 *  3. start the vendor sandboxes (vendors.json; in this process, shared by all runs)
 *  4. for each run: extract its tarball(s) into the user folder, `n8n start`, owner + API key, write the
 *     connection info to a JSON file, `jest --selectProjects e2e --runInBand --runTestsByPath <files>`
 *     with N8N_PSA_E2E=<that file>, stop n8n
 *
 * The runs (default: `npm test`):
 *   alone     on the first version only (N8N_PSA_E2E_ALONE_VERSIONS to change): per vendor, its package
 *             ALONE in a fresh n8n: harness.test.ts (only that package's types load, nobody else's) and
 *             the vendor's e2e files (vendors.json `e2e`, a glob)
 *   together  on every version: every package side by side: harness.test.ts and together.test.ts
 *             (all node types load, one example workflow per vendor runs); on a version without alone
 *             runs (1.123.81 by default) every vendor's e2e files run here too.
 *   A test file in test/e2e/ that no vendor claims runs in the together runs.
 *
 * Env: N8N_PSA_E2E_VERSIONS=2.41.1,1.123.81 (default 2.41.1), N8N_PSA_E2E_ALONE_VERSIONS (default: the
 * first version; "none" for no alone runs), N8N_PSA_E2E_RUNS=alone,together (default both),
 * N8N_PSA_E2E_VENDORS=<key>,<key> (alone runs of these vendors only: vendors.json keys), N8N_PSA_E2E_KEEP=1 keeps temp folders,
 * N8N_PSA_E2E_NO_BUILD=1 uses artifacts/ as they are.
 * Arguments: test files (e.g. `npm run test:e2e -- test/e2e/<key>.test.ts`) restrict every run to those
 * files (runs left with no file are skipped); anything else goes to jest (e.g. `-t 'credential'`).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { ensureN8n, requestedVersions } = require('./n8n-install');
const lib = require('./lib/n8n');
const manifest = require('./lib/vendors');

const REPO = lib.REPO;
const E2E_DIR = path.join(REPO, 'test', 'e2e');
const HARNESS_TEST = path.join(E2E_DIR, 'harness.test.ts');
const TOGETHER_TEST = path.join(E2E_DIR, 'together.test.ts');
const log = (m) => process.stderr.write(`[e2e] ${m}\n`);
const rel = (f) => path.relative(REPO, f);

function runJest(envFile, files, extraArgs) {
	return new Promise((resolve) => {
		const jestBin = require.resolve('jest/bin/jest', { paths: [REPO] });
		const args = [
			jestBin,
			'--selectProjects',
			'e2e',
			'--runInBand',
			'--testTimeout=180000',
			...extraArgs,
			'--runTestsByPath',
			...files,
		];
		const child = spawn(process.execPath, args, {
			cwd: REPO,
			stdio: 'inherit',
			env: { ...process.env, N8N_PSA_E2E: envFile },
		});
		const forward = (sig) => () => child.kill(sig);
		const onInt = forward('SIGINT');
		const onTerm = forward('SIGTERM');
		const onExit = () => child.kill('SIGKILL');
		process.on('SIGINT', onInt);
		process.on('SIGTERM', onTerm);
		process.on('exit', onExit);
		child.on('exit', (code, sig) => {
			process.removeListener('SIGINT', onInt);
			process.removeListener('SIGTERM', onTerm);
			process.removeListener('exit', onExit);
			resolve(code ?? (sig ? 1 : 0));
		});
	});
}

// ------------------------------------------------------------------ plan
const vendorFiles = (v) => manifest.expandGlob(v.e2e).filter((f) => f.endsWith('.test.ts'));

function plan({ versions, fileArgs }) {
	const envList = (name) =>
		(process.env[name] || '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
	const stages = envList('N8N_PSA_E2E_RUNS');
	const want = (s) => !stages.length || stages.includes(s);
	const aloneEnv = envList('N8N_PSA_E2E_ALONE_VERSIONS');
	const aloneVersions = aloneEnv.includes('none')
		? []
		: aloneEnv.length
			? aloneEnv
			: versions.slice(0, 1);
	const onlyVendors = envList('N8N_PSA_E2E_VENDORS');
	const all = manifest.vendors();
	const claimed = new Set([HARNESS_TEST, TOGETHER_TEST, ...all.flatMap(vendorFiles)]);
	const unclaimed = fs.existsSync(E2E_DIR)
		? fs
				.readdirSync(E2E_DIR)
				.filter((f) => f.endsWith('.test.ts'))
				.map((f) => path.join(E2E_DIR, f))
				.filter((f) => !claimed.has(f))
		: [];
	const runs = [];
	for (const version of versions) {
		const alone = want('alone') && aloneVersions.includes(version);
		if (alone) {
			for (const v of all.filter((x) => !onlyVendors.length || onlyVendors.includes(x.key))) {
				runs.push({
					version,
					mode: 'alone',
					label: `${v.package} alone on n8n ${version}`,
					vendors: [v.key],
					files: [HARNESS_TEST, ...vendorFiles(v)],
				});
			}
		}
		if (want('together')) {
			const files = [HARNESS_TEST, TOGETHER_TEST, ...unclaimed];
			if (!alone) files.push(...all.flatMap(vendorFiles));
			runs.push({
				version,
				mode: 'together',
				label: `all ${all.length} packages together on n8n ${version}`,
				vendors: all.map((v) => v.key),
				files,
			});
		}
	}
	const matches = (file) =>
		!fileArgs.length ||
		fileArgs.some(
			(a) => path.resolve(REPO, a) === file || file.endsWith(a) || rel(file).includes(a),
		);
	for (const r of runs)
		r.files = [...new Set(r.files)].filter((f) => fs.existsSync(f) && matches(f));
	return runs.filter((r) => r.files.length);
}

// ------------------------------------------------------------------ one run
async function runOne(run, sandboxes, jestArgs, timings, tarballDir) {
	const t0 = Date.now();
	const runtime = await ensureN8n(run.version);
	const work = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-psa-e2e-${run.version}-${run.mode}-`));
	const userFolder = path.join(work, 'user');
	let n8n;
	let code = 1;
	try {
		const installed = lib.installPackage(userFolder, { log, vendors: run.vendors, tarballDir });
		n8n = await lib.startN8n({ runtime, userFolder, log });
		const { cookie, apiKey } = await lib.setupOwnerAndApiKey(n8n.baseUrl);
		const packages = run.vendors.map((key) => {
			const v = manifest.byKey(key);
			return {
				key,
				name: v.package,
				nodeTypePrefix: v.nodeTypePrefix,
				nodes: v.nodeNames,
				version: installed.packages.find((p) => p.vendor === key).version,
			};
		});
		const info = {
			n8n: {
				version: run.version,
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
			mode: run.mode,
			packages,
			// one entry per installed package; kept for older readers: the first package's
			nodeTypePrefix: packages[0].nodeTypePrefix,
			packageName: packages[0].name,
			sandboxes: Object.fromEntries(
				Object.entries(sandboxes).map(([v, s]) => [
					v,
					{ url: s.url, port: s.port, demoCredential: s.demoCredential },
				]),
			),
		};
		const envFile = path.join(work, 'e2e.json');
		fs.writeFileSync(envFile, JSON.stringify(info, null, 2), { mode: 0o600 });
		log(
			`${run.label}: n8n ready in ${n8n.readySeconds.toFixed(1)} s; jest ${run.files.map(rel).join(' ')}`,
		);
		code = await runJest(envFile, run.files, jestArgs);
		if (code !== 0) log(`jest failed (${run.label}); n8n log tail:\n${n8n.logTail(40)}`);
	} catch (e) {
		log(`ERROR (${run.label}): ${e.stack || e.message}`);
		if (n8n) log(`n8n log tail:\n${n8n.logTail(60)}`);
		code = code || 1;
	} finally {
		if (n8n) await n8n.stop();
		if (process.env.N8N_PSA_E2E_KEEP) log(`kept ${work}`);
		else fs.rmSync(work, { recursive: true, force: true });
	}
	timings.push({ label: run.label, seconds: (Date.now() - t0) / 1000, code });
	return code;
}

async function main() {
	const t0 = Date.now();
	const timings = [];
	const argv = process.argv.slice(2);
	const fileArgs = argv.filter(
		(a) => /\.test\.ts$/.test(a) || (!a.startsWith('-') && fs.existsSync(path.resolve(REPO, a))),
	);
	const jestArgs = argv.filter((a) => !fileArgs.includes(a));
	const versions = requestedVersions();
	const runs = plan({ versions, fileArgs });
	if (!runs.length) throw new Error(`no e2e run matches ${fileArgs.join(' ') || '(nothing)'}`);
	log(
		`plan: ${runs.map((r) => `${r.label} [${r.files.map((f) => path.basename(f, '.test.ts')).join(', ')}]`).join('; ')}`,
	);
	// Install all versions first so that an install failure shows before any test runs.
	for (const v of [...new Set(runs.map((r) => r.version))]) {
		const ti = Date.now();
		await ensureN8n(v);
		const s = (Date.now() - ti) / 1000;
		if (s > 5) log(`n8n ${v} installed in ${s.toFixed(0)} s`);
	}
	// `npm test` builds and packs first; a direct `npm run test:e2e` packs when artifacts/ is missing or stale.
	if (!process.env.N8N_PSA_E2E_NO_BUILD) lib.ensurePacked({ log });
	// Every run installs the same tarballs, even if artifacts/ is re-packed meanwhile.
	const tarballDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-psa-e2e-tarballs-'));
	for (const t of require('./pack').tarballs())
		fs.copyFileSync(t.tarball, path.join(tarballDir, path.basename(t.tarball)));
	const sb = await lib.startSandboxes({ log });
	log(
		`sandboxes: ${
			Object.entries(sb.sandboxes)
				.map(([v, s]) => `${v}=${s.url}`)
				.join(' ') || '(none)'
		}`,
	);
	let code = 0;
	try {
		for (const run of runs) {
			const c = await runOne(run, sb.sandboxes, jestArgs, timings, tarballDir);
			if (c !== 0) code = c;
		}
	} finally {
		await sb.stop();
		fs.rmSync(tarballDir, { recursive: true, force: true });
	}
	log(
		`timings: ${timings.map((t) => `${t.label} ${t.seconds.toFixed(0)} s${t.code ? ' FAILED' : ''}`).join('; ')}; total ${((Date.now() - t0) / 1000).toFixed(0)} s`,
	);
	return code;
}

module.exports = { plan };

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(e) => {
			log(`FAILED: ${e.stack || e.message}`);
			process.exit(1);
		},
	);
}
