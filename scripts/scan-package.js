'use strict';
/**
 * Packs the package exactly as it would be published and runs n8n's community-package scanner over the
 * tarball's contents offline (`analyzePackage` from @n8n/scan-community-package: the
 * @n8n/eslint-plugin-community-nodes recommended rules, no-console, and the eslint-plugin-n8n-nodes-base
 * community/credentials/nodes sets over the compiled JavaScript and package.json).
 * Exits 1 on any violation. Run after `npm run build`.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

async function main() {
	const root = path.join(__dirname, '..');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-scan-'));
	try {
		const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
		const [{ filename, files }] = JSON.parse(out);
		execFileSync('tar', ['-xzf', path.join(dir, filename), '-C', dir]);
		const packageDir = path.join(dir, 'package');
		const shipped = files.map((f) => f.path);
		const stray = shipped.filter((f) => !/^(dist\/|package\.json$|README\.md$|LICENSE)/.test(f));
		if (stray.length) throw new Error(`Unexpected files in the package: ${stray.join(', ')}`);
		if (shipped.some((f) => /^dist\/(test|sandbox|scripts|bench)\//.test(f))) throw new Error('Dev-only code was packed into dist/');
		const { analyzePackage } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
		const result = await analyzePackage(packageDir);
		if (!result.passed) {
			console.error(`Community-package scan failed: ${result.message}\n${result.details || ''}`);
			process.exit(1);
		}
		console.log(`Community-package scan passed (${shipped.length} files in ${filename}).`);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
