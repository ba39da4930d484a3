#!/usr/bin/env node
'use strict';
/**
 * Publishes the vendor packages that `npm run pack` wrote into artifacts/.
 *
 *   npm run release:check                     dry run: checks every tarball, then `npm publish --dry-run`
 *   node scripts/release.js --publish --tag v0.2.0
 *                                             CI only (.github/workflows/publish.yml): `npm publish
 *                                             --provenance --access public` per tarball
 *
 * Checks first, for every tarball: name = vendors.json `package`, version = the workspace version, and with
 * --tag, tag = v<version> (or <version>). Publishing skips a package whose version is already on the
 * registry, so a re-run after a partial failure publishes only what is missing. A prerelease version
 * (1.2.0-rc.1) goes to the `next` dist-tag, anything else to `latest`.
 * Options: --vendor <key> (repeatable), --tag <git tag>, --publish.
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { tarballs } = require('./pack');
const manifest = require('./lib/vendors');

const log = (m) => process.stderr.write(`[release] ${m}\n`);
const npmEnv = {
	...process.env,
	npm_config_update_notifier: 'false',
	npm_config_fund: 'false',
	npm_config_audit: 'false',
};

function packageJsonOf(tarball) {
	return JSON.parse(
		execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }),
	);
}

function alreadyPublished(name, version) {
	const r = spawnSync('npm', ['view', `${name}@${version}`, 'version'], {
		encoding: 'utf8',
		env: npmEnv,
	});
	return r.status === 0 && r.stdout.trim() === version;
}

function main() {
	const args = process.argv.slice(2);
	const keys = [];
	let tag;
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--vendor') keys.push(args[++i]);
		if (args[i] === '--tag') tag = args[++i];
	}
	const publish = args.includes('--publish');
	const version = JSON.parse(
		fs.readFileSync(path.join(manifest.REPO, 'package.json'), 'utf8'),
	).version;
	if (tag !== undefined && tag.replace(/^v/, '') !== version)
		throw new Error(`tag ${tag} does not match the workspace version ${version} (package.json)`);
	const list = tarballs({ vendors: keys });
	for (const { vendor, tarball } of list) {
		const pkg = packageJsonOf(tarball);
		if (pkg.name !== vendor.package)
			throw new Error(`${path.basename(tarball)} holds ${pkg.name}, expected ${vendor.package}`);
		if (pkg.version !== version)
			throw new Error(
				`${path.basename(tarball)} has version ${pkg.version}, expected ${version}: run \`npm run pack\``,
			);
	}
	const distTag = version.includes('-') ? 'next' : 'latest';
	for (const { vendor, tarball } of list) {
		const name = `${vendor.package}@${version}`;
		const argv = ['publish', tarball, '--access', 'public', '--tag', distTag];
		if (publish) {
			if (alreadyPublished(vendor.package, version)) {
				log(`${name} is already on the registry: skipped`);
				continue;
			}
			argv.push('--provenance');
		} else argv.push('--dry-run');
		log(`npm ${argv.map((a) => (a === tarball ? path.relative(manifest.REPO, a) : a)).join(' ')}`);
		const r = spawnSync('npm', argv, { encoding: 'utf8', env: npmEnv, cwd: manifest.REPO });
		const out = `${r.stdout || ''}${r.stderr || ''}`;
		if (r.status !== 0)
			throw new Error(
				`npm publish ${publish ? '' : '--dry-run '}failed for ${name}:\n${out.slice(-3000)}`,
			);
		const files = /total files:\s*(\d+)/.exec(out);
		log(`${publish ? 'published' : 'dry run ok:'} ${name}${files ? ` (${files[1]} files)` : ''}`);
	}
	log(
		`${publish ? 'published' : 'dry-ran'} ${list.length} package(s), version ${version}, dist-tag ${distTag}`,
	);
}

try {
	main();
} catch (e) {
	log(`FAILED: ${e.message}`);
	process.exit(1);
}
