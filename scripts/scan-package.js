'use strict';
/**
 * n8n's community-package scanner over each tarball in artifacts/ (`npm run pack` first), offline:
 * `analyzePackage` from @n8n/scan-community-package applies the @n8n/eslint-plugin-community-nodes
 * recommended rules, no-console, and the eslint-plugin-n8n-nodes-base community/credentials/nodes sets to
 * the compiled JavaScript and package.json, exactly as n8n does before it verifies a package.
 * Also checks what a tarball holds: dist/, package.json, README.md, LICENSE.md and nothing dev-only.
 * Exits 1 on any violation.   Usage: node scripts/scan-package.js [--vendor <key>]...
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { tarballs } = require('./pack');

async function scanTarball({ vendor, tarball }, analyzePackage) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-scan-'));
	try {
		execFileSync('tar', ['-xzf', tarball, '-C', dir]);
		const packageDir = path.join(dir, 'package');
		const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
		const stray = files.filter((f) => !/^(dist\/|package\.json$|README\.md$|LICENSE\.md$)/.test(f));
		if (stray.length) throw new Error(`unexpected files: ${stray.join(', ')}`);
		if (files.some((f) => /^dist\/(test|sandbox|scripts|bench)\//.test(f))) throw new Error('dev-only code was packed into dist/');
		const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
		if (pkg.name !== vendor.package) throw new Error(`package.json name ${pkg.name}, expected ${vendor.package}`);
		if (Object.keys(pkg.dependencies || {}).length) throw new Error(`runtime dependencies: ${Object.keys(pkg.dependencies).join(', ')}`);
		if ((pkg.peerDependencies || {})['n8n-workflow'] !== '*') throw new Error('n8n-workflow must be a peer dependency "*"');
		for (const f of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) if (!files.includes(f)) throw new Error(`${f} (listed in package.json n8n) is not in the tarball`);
		const t0 = Date.now();
		const result = await analyzePackage(packageDir);
		if (!result.passed) throw new Error(`${result.message}\n${result.details || ''}`);
		return `${files.length} files, scanned in ${((Date.now() - t0) / 1000).toFixed(1)} s`;
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

async function main() {
	const args = process.argv.slice(2);
	const keys = [];
	for (let i = 0; i < args.length; i++) if (args[i] === '--vendor') keys.push(args[++i]);
	const { analyzePackage } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	let failed = 0;
	for (const t of tarballs({ vendors: keys })) {
		try {
			console.log(`✔ ${path.basename(t.tarball)}: community-package scan passed (${await scanTarball(t, analyzePackage)})`);
		} catch (e) {
			failed++;
			console.error(`✖ ${path.basename(t.tarball)}: community-package scan failed: ${e.message}`);
		}
	}
	if (failed) process.exit(1);
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
