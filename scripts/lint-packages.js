'use strict';
/**
 * `npm run lint`: n8n's own linter, `n8n-node lint` from @n8n/node-cli, in strict mode, run in each
 * committed package folder (packages/<package>/: its package.json has `"strict": true` and its
 * eslint.config.mjs is n8n-node-cli's default, unchanged, as strict mode demands). That configuration is
 * @eslint/js + typescript-eslint recommended, @n8n/eslint-plugin-community-nodes recommended (the n8n
 * Cloud set), eslint-plugin-import-x, and eslint-plugin-n8n-nodes-base community (package.json),
 * credentials and nodes sets. Zero errors allowed.
 *
 * Usage: node scripts/lint-packages.js [--vendor <key>]...
 */
const { spawnSync } = require('child_process');
const path = require('path');
const manifest = require('./lib/vendors');

const CLI = path.join(manifest.REPO, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');

function main() {
	const args = process.argv.slice(2);
	const keys = [];
	for (let i = 0; i < args.length; i++) if (args[i] === '--vendor') keys.push(args[++i]);
	const list = keys.length ? keys.map(manifest.byKey) : manifest.vendors();
	let failed = 0;
	for (const v of list) {
		const t0 = Date.now();
		const dir = v.dir;
		// npm_config_user_agent tells node-cli to run the linter through npm (`npm exec -- eslint .`).
		const r = spawnSync(
			process.execPath,
			[CLI, 'lint', ...(args.includes('--fix') ? ['--fix'] : [])],
			{
				cwd: dir,
				encoding: 'utf8',
				env: { ...process.env, npm_config_user_agent: 'npm', npm_config_update_notifier: 'false' },
			},
		);
		// eslint's colours are forced on by node-cli; strip them for logs.
		const out = `${r.stdout || ''}${r.stderr || ''}`
			.replace(/\x1b\[[0-9;]*m/g, '')
			.replace(/\n\s*\n/g, '\n')
			.trim();
		const seconds = ((Date.now() - t0) / 1000).toFixed(1);
		if (r.status === 0)
			console.log(`✔ n8n-node lint (strict) ${v.package}: no problems (${seconds} s)`);
		else {
			failed++;
			console.error(
				`✖ n8n-node lint (strict) ${v.package} (${seconds} s):\n${out.split(dir + path.sep).join('')}`,
			);
		}
	}
	if (failed) process.exit(1);
}

main();
