#!/usr/bin/env node
'use strict';
/**
 * `npm run verify`: what n8n's verification (`@n8n/scan-community-package`, `analyzePackageByName`) does to
 * each package, minus the network, with the scanner's own exported functions:
 *
 *   source leg   `git archive <commit>` (default HEAD: n8n reads the commit named in the npm provenance)
 *                into a temp folder → `findPackageRoot(source, <package name>)` → `analyzePackage(root,
 *                SOURCE_FILE_PATTERNS)`: package.json and {nodes,credentials}/**, inline eslint comments off.
 *   tarball leg  the tarball from `npm run pack`, extracted → `analyzePackage(dir, ['**\/*.js', 'package.json'])`.
 *
 * Beyond n8n: the shared helper's committed source (packages/shared) under the same rules, and no
 * `eslint-disable` comment anywhere in shipped source (the scanner ignores them, so they only hide problems).
 * Usage: node scripts/verify.js [--vendor <key>]... [--commit <rev>]
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const manifest = require('./lib/vendors');
const { tarballs } = require('./pack');

const REPO = manifest.REPO;

function walk(dir, out = []) {
	if (!fs.existsSync(dir)) return out;
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		if (e.name === 'node_modules' || e.name === 'dist') continue;
		const p = path.join(dir, e.name);
		if (e.isDirectory()) walk(p, out);
		else out.push(p);
	}
	return out;
}

function archive(commit) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-verify-src-'));
	const tar = path.join(dir, 'source.tar');
	execFileSync('git', ['archive', '--format=tar', '-o', tar, commit], { cwd: REPO });
	execFileSync('tar', ['-xf', tar, '-C', dir]);
	fs.rmSync(tar);
	return dir;
}

function eslintDisables(source, v) {
	const roots = [
		path.join(source, 'packages', 'shared'),
		...(v ? [path.join(source, v.dirRel)] : []),
	];
	return roots
		.flatMap((r) => walk(r))
		.filter((f) => /\.(ts|js)$/.test(f) && /eslint-disable/.test(fs.readFileSync(f, 'utf8')))
		.map((f) => path.relative(source, f));
}

async function main() {
	const args = process.argv.slice(2);
	const keys = [];
	let commit = 'HEAD';
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--vendor') keys.push(args[++i]);
		if (args[i] === '--commit') commit = args[++i];
	}
	const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const { findPackageRoot, analyzePackage, SOURCE_FILE_PATTERNS } = scanner;
	const sha = execFileSync('git', ['rev-parse', '--short', commit], {
		cwd: REPO,
		encoding: 'utf8',
	}).trim();
	const source = archive(commit);
	let failed = 0;
	const fail = (msg) => {
		failed++;
		console.error(`✖ ${msg}`);
	};
	try {
		const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages'], {
			cwd: REPO,
			encoding: 'utf8',
		}).trim();
		if (dirty && commit === 'HEAD')
			console.log(
				`(note: packages/ has uncommitted changes; the source leg reads commit ${sha}, as n8n would)`,
			);
		const shared = await analyzePackage(path.join(source, 'packages', 'shared'), ['**/*.ts']);
		if (shared.passed)
			console.log(`✔ packages/shared @ ${sha}: scanner rules pass on the shared helper's source`);
		else fail(`packages/shared @ ${sha}: ${shared.message}\n${shared.details || ''}`);
		const list = keys.length ? keys.map(manifest.byKey) : manifest.vendors();
		const packed = new Map(tarballs({ vendors: keys }).map((t) => [t.vendor.key, t.tarball]));
		for (const v of list) {
			const t0 = Date.now();
			const root = findPackageRoot(source, v.package);
			if (!root) {
				fail(
					`${v.package} @ ${sha}: findPackageRoot found no committed package.json named ${v.package}`,
				);
				continue;
			}
			const disables = eslintDisables(source, v);
			if (disables.length)
				fail(`${v.package}: eslint-disable comments in shipped source: ${disables.join(', ')}`);
			const src = await analyzePackage(root, SOURCE_FILE_PATTERNS);
			if (!src.passed) {
				fail(
					`${v.package} @ ${sha} source (${path.relative(source, root)}): ${src.message}\n${src.details || ''}`,
				);
				continue;
			}
			const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-verify-tgz-'));
			try {
				execFileSync('tar', ['-xzf', packed.get(v.key), '-C', unpacked]);
				const pkgDir = path.join(unpacked, 'package');
				const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
				if (pkg.name !== v.package) throw new Error(`tarball package.json is named ${pkg.name}`);
				if (Object.keys(pkg.dependencies || {}).length)
					throw new Error(`runtime dependencies: ${Object.keys(pkg.dependencies).join(', ')}`);
				const tgz = await analyzePackage(pkgDir, ['**/*.js', 'package.json']);
				if (!tgz.passed) throw new Error(`${tgz.message}\n${tgz.details || ''}`);
			} catch (e) {
				fail(`${v.package} tarball: ${e.message}`);
				continue;
			} finally {
				fs.rmSync(unpacked, { recursive: true, force: true });
			}
			console.log(
				`✔ ${v.package}: n8n's scan passes on ${path.relative(source, root)} @ ${sha} and on ${path.basename(packed.get(v.key))} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
			);
		}
	} finally {
		fs.rmSync(source, { recursive: true, force: true });
	}
	if (failed) process.exit(1);
}

main().catch((error) => {
	console.error(error.stack || error.message);
	process.exit(1);
});
