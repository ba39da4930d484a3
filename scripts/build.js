#!/usr/bin/env node
'use strict';
/**
 * `npm run build`: one TypeScript compile of every package, then each package's dist/ assembled.
 *
 *   1. tsc -p tsconfig.json: packages/<package>/{nodes,credentials} and packages/shared → .cache/build/
 *   2. per vendor (vendors.json): packages/<package>/dist/ = the package's compiled nodes/ and credentials/,
 *      plus dist/shared/ = the compiled shared helper (so each package ships it, with no runtime dependency).
 *      The source imports the helper from packages/shared (`../../../shared/kit`); in dist/ it sits one
 *      folder closer (`../../shared/kit`): each relative require that reached packages/shared is rewritten
 *      to the file's new place, and then every relative require must resolve inside the package.
 *   3. gulp build:icons: icons, codex files and output schemas next to the compiled code.
 *
 * Library: const { assemble } = require('./build');
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const manifest = require('./lib/vendors');

const REPO = manifest.REPO;
const BUILD = path.join(REPO, '.cache', 'build');
const log = (m) => process.stderr.write(`[build] ${m}\n`);

function walk(dir, out = []) {
	if (!fs.existsSync(dir)) return out;
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) walk(p, out);
		else out.push(p);
	}
	return out;
}

const REQUIRE = /require\("(\.{1,2}\/[^"]*)"\)/g;

/** Copy one compiled tree to `to`, re-aiming relative requires that pointed into `sharedFrom` at `sharedTo`. */
function copyCompiled(from, to, sharedFrom, sharedTo) {
	for (const file of walk(from)) {
		const target = path.join(to, path.relative(from, file));
		fs.mkdirSync(path.dirname(target), { recursive: true });
		if (!file.endsWith('.js')) {
			fs.copyFileSync(file, target);
			continue;
		}
		const text = fs.readFileSync(file, 'utf8').replace(REQUIRE, (whole, spec) => {
			const resolved = path.resolve(path.dirname(file), spec);
			const rel = path.relative(sharedFrom, resolved);
			if (rel.startsWith('..') || path.isAbsolute(rel)) return whole;
			let moved = path
				.relative(path.dirname(target), path.join(sharedTo, rel))
				.split(path.sep)
				.join('/');
			if (!moved.startsWith('.')) moved = `./${moved}`;
			return `require("${moved}")`;
		});
		fs.writeFileSync(target, text);
	}
}

/** Every relative require in a package's dist/ must resolve inside it. */
function checkRequires(v) {
	const dist = path.join(v.dir, 'dist');
	const problems = [];
	for (const file of walk(dist).filter((f) => f.endsWith('.js'))) {
		for (const m of fs.readFileSync(file, 'utf8').matchAll(REQUIRE)) {
			const base = path.resolve(path.dirname(file), m[1]);
			const inside = !path.relative(dist, base).startsWith('..');
			const hit = [base, `${base}.js`, `${base}.json`, path.join(base, 'index.js')].some(
				(p) => fs.existsSync(p) && fs.statSync(p).isFile(),
			);
			if (!inside || !hit)
				problems.push(
					`${path.relative(v.dir, file)} requires ${m[1]}, which is not in the package`,
				);
		}
	}
	if (problems.length) throw new Error(`${v.package}: ${problems.join('; ')}`);
}

function assemble(v) {
	const dist = path.join(v.dir, 'dist');
	fs.rmSync(dist, { recursive: true, force: true });
	const compiled = path.join(BUILD, v.package);
	const sharedBuilt = path.join(BUILD, 'shared');
	for (const part of ['nodes', 'credentials'])
		copyCompiled(
			path.join(compiled, part),
			path.join(dist, part),
			sharedBuilt,
			path.join(dist, 'shared'),
		);
	copyCompiled(sharedBuilt, path.join(dist, 'shared'), sharedBuilt, path.join(dist, 'shared'));
}

function main() {
	const t0 = Date.now();
	fs.rmSync(BUILD, { recursive: true, force: true });
	execFileSync(
		process.execPath,
		[
			path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'),
			'-p',
			path.join(REPO, 'tsconfig.json'),
		],
		{ stdio: 'inherit' },
	);
	const list = manifest.vendors();
	for (const v of list) assemble(v);
	execFileSync(
		process.execPath,
		[path.join(REPO, 'node_modules', 'gulp', 'bin', 'gulp.js'), 'build:icons', '--silent'],
		{ cwd: REPO, stdio: 'inherit' },
	);
	for (const v of list) {
		checkRequires(v);
		for (const f of [...v.distNodeFiles, ...v.distCredentialFiles])
			if (!fs.existsSync(f))
				throw new Error(
					`${v.package}: ${path.relative(v.dir, f)} (package.json n8n block) was not built`,
				);
	}
	log(`${list.length} packages built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

module.exports = { assemble, checkRequires };

if (require.main === module) {
	try {
		main();
	} catch (e) {
		log(`FAILED: ${e.message}`);
		process.exit(1);
	}
}
