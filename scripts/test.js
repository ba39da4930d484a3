'use strict';
/**
 * `npm test`: everything CI runs, in order, from a fresh clone.
 *   1. install dev dependencies if node_modules is missing or older than package-lock.json
 *   2. Prettier check (n8n's settings)   3. build every package's dist/   4. pack each package into artifacts/
 *   5. `n8n-node lint` in strict mode in each package folder (zero errors)
 *   6. n8n's verification scan (scripts/verify.js): the committed package folder found by name in
 *      `git archive HEAD`, and the tarball, with @n8n/scan-community-package's own functions
 *   7. actionlint on .github/workflows   8. docs in step with the node descriptions
 *   9. unit + sandbox + in-process node tests (jest project `unit`)
 *  10. real-n8n end-to-end tier (scripts/e2e.js: each package alone on the first n8n version, all
 *      together on every version; installs n8n 2.41.1 and 1.123.81 into .cache/ on first run)
 * Set PSA_SKIP_E2E=1 to stop after step 9 (fast local loop; CI never sets it).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(label, command, args) {
	const started = Date.now();
	console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (result.status !== 0) {
		console.error(`✖ ${label} failed after ${seconds} s`);
		process.exit(result.status || 1);
	}
	console.log(`✔ ${label} (${seconds} s)`);
}

function needsInstall() {
	const marker = path.join(root, 'node_modules', '.package-lock.json');
	if (!fs.existsSync(marker)) return true;
	return (
		fs.statSync(path.join(root, 'package-lock.json')).mtimeMs > fs.statSync(marker).mtimeMs + 1000
	);
}

const total = Date.now();
if (needsInstall()) run('install', npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error']); // quiet: the Node-24-only dev dependencies' EBADENGINE warnings are expected on Node 20
run('prettier --check', process.execPath, [
	'node_modules/prettier/bin/prettier.cjs',
	'--check',
	'--log-level=warn',
	'.',
]);
run('build', npm, ['run', 'build']);
run('pack (one package per vendor)', process.execPath, ['scripts/pack.js', '--no-build']);
run('n8n-node lint (strict) in each package', process.execPath, ['scripts/lint-packages.js']);
run("n8n's verification scan (committed source + tarball)", process.execPath, [
	'scripts/verify.js',
]);
run('actionlint on .github/workflows', process.execPath, ['scripts/lint-workflows.js']);
run('docs check', process.execPath, ['scripts/gen-docs.js', '--check']);
run('unit, sandbox and in-process tests', process.execPath, [
	'node_modules/jest/bin/jest.js',
	'--selectProjects',
	'unit',
]);
// Both n8n lines users run: 2.x (Node 24, installed from npm into .cache/) and 1.x (this Node).
process.env.N8N_PSA_E2E_VERSIONS = process.env.N8N_PSA_E2E_VERSIONS || '2.41.1,1.123.81';
if (process.env.PSA_SKIP_E2E !== '1')
	run(`real-n8n end-to-end tests (n8n ${process.env.N8N_PSA_E2E_VERSIONS})`, process.execPath, [
		'scripts/e2e.js',
	]);
console.log(`\nAll green in ${((Date.now() - total) / 1000).toFixed(0)} s.`);
