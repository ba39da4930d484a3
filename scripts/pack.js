#!/usr/bin/env node
'use strict';
/**
 * `npm run pack`: `npm pack` each committed package folder (packages/<package>/, listed in vendors.json)
 * into artifacts/, exactly what `npm publish` would upload.
 *
 *   1. `npm run build` (every package's dist/) unless --no-build (npm test builds first)
 *   2. per vendor: `npm pack` in packages/<package>/; the tarball must hold only dist/, package.json,
 *      README.md, LICENSE.md and CHANGELOG.md
 *
 * Options: --no-build, --vendor <key> (repeatable; default all).
 * Library: const { packAll, tarballs } = require('./pack');
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const manifest = require('./lib/vendors');

const REPO = manifest.REPO;
const ARTIFACTS = path.join(REPO, 'artifacts');
/** What a published package may hold. */
const PACKED = /^(dist\/|package\.json$|README\.md$|LICENSE\.md$|CHANGELOG\.md$)/;

const log = (m) => process.stderr.write(`[pack] ${m}\n`);
const tarballName = (v) => `${v.package}-${v.version}.tgz`;
const selectedVendors = (keys) =>
	keys && keys.length ? keys.map(manifest.byKey) : manifest.vendors();

/** `npm pack` every (selected) vendor into `destination`. Returns [{ vendor, tarball, files, size }]. */
function packAll({ vendors: keys, destination = ARTIFACTS } = {}) {
	fs.mkdirSync(destination, { recursive: true });
	const out = [];
	for (const v of selectedVendors(keys)) {
		const old = path.join(destination, tarballName(v));
		fs.rmSync(old, { force: true });
		const json = execFileSync(
			'npm',
			['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
			{
				cwd: v.dir,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe'],
				env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
			},
		);
		const info = JSON.parse(json.slice(json.indexOf('[')))[0];
		const files = info.files.map((f) => f.path);
		const stray = files.filter((f) => !PACKED.test(f));
		if (stray.length)
			throw new Error(`${v.package}: unexpected files in the tarball: ${stray.join(', ')}`);
		out.push({
			vendor: v,
			dir: v.dir,
			tarball: path.join(destination, info.filename),
			files,
			size: info.size,
			version: info.version,
		});
	}
	return out;
}

/** The tarballs `npm run pack` wrote, per vendor (throws when one is missing). */
function tarballs({ vendors: keys, destination = ARTIFACTS } = {}) {
	return selectedVendors(keys).map((v) => {
		const tarball = path.join(destination, tarballName(v));
		if (!fs.existsSync(tarball))
			throw new Error(`${path.relative(REPO, tarball)} is missing: run \`npm run pack\``);
		return { vendor: v, tarball, dir: v.dir };
	});
}

module.exports = { packAll, tarballs, tarballName, PACKED, ARTIFACTS };

if (require.main === module) {
	const args = process.argv.slice(2);
	const keys = [];
	for (let i = 0; i < args.length; i++) if (args[i] === '--vendor') keys.push(args[++i]);
	try {
		const t0 = Date.now();
		if (!args.includes('--no-build')) {
			log('npm run build');
			execFileSync('npm', ['run', 'build'], {
				cwd: REPO,
				stdio: ['ignore', process.stderr, process.stderr],
			});
		}
		for (const r of packAll({ vendors: keys }))
			log(
				`${path.relative(REPO, r.tarball)}: ${r.files.length} files, ${Math.round(r.size / 1024)} kB`,
			);
		log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	} catch (e) {
		log(`FAILED: ${e.message}`);
		process.exit(1);
	}
}
