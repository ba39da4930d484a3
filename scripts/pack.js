#!/usr/bin/env node
'use strict';
/**
 * `npm run pack`: one publishable package per vendor, from one build of the repository.
 *
 *   1. `npm run build` (tsc + icons into dist/) unless --no-build (npm test builds first)
 *   2. per vendor in vendors.json, stage a package folder in .cache/packages/<package>/:
 *        dist/     the vendor's compiled credential(s) and node folder(s) + a compiled copy of nodes/shared
 *                  (no source maps; codex `node` fields set to `<package>.<node>`)
 *        nodes/, credentials/   the same TypeScript sources, for `n8n-node lint` (never packed: files = dist)
 *        package.json  generated: name, description, keywords, the `n8n` block (strict), peer n8n-workflow *
 *        README.md     generated from docs/package-readme.md + docs/vendors/<key>.md (operations from dist/)
 *        LICENSE.md, eslint.config.mjs (n8n-node-cli's default, byte for byte), tsconfig.json,
 *        node_modules → the repository's (so the linter resolves its plugins offline)
 *   3. check that every require() in the staged dist/ resolves inside the package or to n8n's own modules
 *   4. `npm pack` each folder into artifacts/ (emptied of tarballs first): exactly one tarball per vendor
 *
 * Options: --no-build, --vendor <key> (repeatable; default all), --stage-only (no tarballs).
 * Library: const { stageAll, packAll, stageDir } = require('./pack');
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const manifest = require('./lib/vendors');

const REPO = manifest.REPO;
const DIST = path.join(REPO, 'dist');
const STAGE_ROOT = path.join(REPO, '.cache', 'packages');
const ARTIFACTS = path.join(REPO, 'artifacts');
const ESLINT_TEMPLATE = path.join(REPO, 'node_modules', '@n8n', 'node-cli', 'dist', 'template', 'templates', 'shared', 'default', 'eslint.config.mjs');
/** Modules shipped code may require: n8n-workflow (peer) and what n8n provides to community nodes. */
const ALLOWED_BARE = [/^n8n-workflow$/, /^luxon$/, /^lodash(\/.*)?$/, /^(node:)?crypto$/];

const log = (m) => process.stderr.write(`[pack] ${m}\n`);
const rootPkg = () => JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const stageDir = (v) => path.join(STAGE_ROOT, v.package.replace('/', '+'));
const tarballName = (v, version) => `${v.package.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;

function copyTree(from, to, filter = () => true) {
	if (!fs.existsSync(from)) return 0;
	let n = 0;
	for (const e of fs.readdirSync(from, { withFileTypes: true })) {
		const a = path.join(from, e.name);
		const b = path.join(to, e.name);
		if (e.isDirectory()) n += copyTree(a, b, filter);
		else if (filter(a)) {
			fs.mkdirSync(to, { recursive: true });
			fs.copyFileSync(a, b);
			n++;
		}
	}
	return n;
}

const noMaps = (f) => !f.endsWith('.map');

function walk(dir, out = []) {
	if (!fs.existsSync(dir)) return out;
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) walk(p, out);
		else out.push(p);
	}
	return out;
}

// ------------------------------------------------------------------ package.json
function packageJson(v) {
	const root = rootPkg();
	const pkg = {
		name: v.package,
		version: root.version,
		description: v.description,
		license: root.license,
		keywords: ['n8n-community-node-package', ...v.keywords.filter((k) => k !== 'n8n-community-node-package')],
		homepage: root.homepage,
		author: root.author,
		repository: root.repository,
		bugs: root.bugs,
		engines: root.engines,
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: v.distCredentials,
			nodes: v.distNodes,
		},
		peerDependencies: { 'n8n-workflow': '*' },
	};
	for (const k of Object.keys(pkg)) if (pkg[k] === undefined) delete pkg[k];
	return pkg;
}

// ------------------------------------------------------------------ README
function packageReadme(v, version) {
	const { packageReadme: cfg } = manifest.load();
	const templatePath = path.join(REPO, cfg.template || 'docs/package-readme.md');
	const { vendorDoc } = require('./gen-docs');
	const doc = vendorDoc(v, { omitSections: cfg.omitSections || [], distDir: DIST });
	// The vendor doc starts with `## <Name>` and an introduction; the package README is titled by the package.
	const body = doc.replace(/^## [^\n]*\n+/, '');
	const firstSection = body.search(/^### /m);
	const intro = (firstSection === -1 ? body : body.slice(0, firstSection)).trim();
	const sections = (firstSection === -1 ? '' : body.slice(firstSection)).replace(/^#(#{2,5}) /gm, '$1 ').trim();
	const siblings = manifest
		.vendors()
		.filter((o) => o.key !== v.key)
		.map((o) => `[\`${o.package}\`](https://www.npmjs.com/package/${o.package}) (${o.displayName})`)
		.join(', ');
	const values = {
		package: v.package,
		displayName: v.displayName,
		description: v.description,
		version,
		intro,
		sections,
		siblings,
		homepage: rootPkg().homepage || '',
		nodeTypes: v.nodeNames.map((n) => `\`${v.nodeTypePrefix}${n}\``).join(', '),
		credentialTypes: credentialTypeNames(v).map((n) => `\`${n}\``).join(', '),
	};
	const template = fs.readFileSync(templatePath, 'utf8');
	return `${template.replace(/\{\{(\w+)\}\}/g, (m, k) => (k in values ? values[k] : m)).trim()}\n`;
}

/** `name` of each credential class (from dist/): what n8n stores as the credential type. */
function credentialTypeNames(v) {
	return v.distCredentials.map((file) => {
		const mod = require(path.join(REPO, file));
		const Cls = mod[path.basename(file, '.credentials.js')] || Object.values(mod)[0];
		return new Cls().name;
	});
}

// ------------------------------------------------------------------ staging
function checkRequires(dir, v) {
	const problems = [];
	for (const file of walk(path.join(dir, 'dist')).filter((f) => f.endsWith('.js'))) {
		const text = fs.readFileSync(file, 'utf8');
		for (const m of text.matchAll(/require\(["']([^"']+)["']\)/g)) {
			const spec = m[1];
			if (spec.startsWith('.')) {
				const base = path.resolve(path.dirname(file), spec);
				const hit = [base, `${base}.js`, `${base}.json`, path.join(base, 'index.js')].some((p) => fs.existsSync(p) && fs.statSync(p).isFile());
				if (!hit) problems.push(`${path.relative(dir, file)} requires ${spec}, which is not in the ${v.package} package`);
			} else if (!ALLOWED_BARE.some((re) => re.test(spec))) {
				problems.push(`${path.relative(dir, file)} requires "${spec}": shipped code may import only n8n-workflow, luxon, lodash, crypto and relative files`);
			}
		}
	}
	return problems;
}

/** Stage one vendor's package folder; returns { dir, pkg, files }. */
function stage(v) {
	const dir = stageDir(v);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	for (const f of [...v.distNodes, ...v.distCredentials]) {
		if (!fs.existsSync(path.join(REPO, f))) throw new Error(`${f} is missing: run \`npm run build\` (or fix vendors.json for ${v.key})`);
	}
	// Compiled code: nodes/shared, the vendor's node folder(s), its credential(s) (and any file next to them
	// that shares the class name, e.g. an icon).
	copyTree(path.join(DIST, 'nodes', 'shared'), path.join(dir, 'dist', 'nodes', 'shared'), noMaps);
	for (const folder of v.nodeFolders) copyTree(path.join(DIST, folder), path.join(dir, 'dist', folder), noMaps);
	for (const cls of v.credentialClasses) {
		copyTree(path.join(DIST, 'credentials'), path.join(dir, 'dist', 'credentials'), (f) => noMaps(f) && path.basename(f).startsWith(`${cls}.`));
	}
	// Codex files name the node type: `<package>.<node>`.
	for (const file of walk(path.join(dir, 'dist')).filter((f) => f.endsWith('.node.json'))) {
		const codex = JSON.parse(fs.readFileSync(file, 'utf8'));
		const name = path.basename(file, '.node.json');
		codex.node = `${v.nodeTypePrefix}${name.charAt(0).toLowerCase()}${name.slice(1)}`;
		fs.writeFileSync(file, `${JSON.stringify(codex, null, '\t')}\n`);
	}
	// Sources, for the linter only (files = ["dist"] keeps them out of the tarball).
	copyTree(path.join(REPO, 'nodes', 'shared'), path.join(dir, 'nodes', 'shared'));
	for (const folder of v.nodeFolders) copyTree(path.join(REPO, folder), path.join(dir, folder));
	for (const cred of v.credentials) {
		fs.mkdirSync(path.join(dir, path.dirname(cred)), { recursive: true });
		fs.copyFileSync(path.join(REPO, cred), path.join(dir, cred));
	}
	const pkg = packageJson(v);
	fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
	fs.writeFileSync(path.join(dir, 'README.md'), packageReadme(v, pkg.version));
	fs.copyFileSync(path.join(REPO, 'LICENSE.md'), path.join(dir, 'LICENSE.md'));
	fs.copyFileSync(ESLINT_TEMPLATE, path.join(dir, 'eslint.config.mjs'));
	const tsconfig = JSON.parse(fs.readFileSync(path.join(REPO, 'tsconfig.json'), 'utf8'));
	fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
	fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	const problems = checkRequires(dir, v);
	if (problems.length) throw new Error(`${v.package}: shipped code reaches outside the package:\n  ${problems.join('\n  ')}`);
	return { dir, pkg, vendor: v };
}

function selectedVendors(keys) {
	return keys && keys.length ? keys.map(manifest.byKey) : manifest.vendors();
}

function stageAll({ vendors: keys } = {}) {
	return selectedVendors(keys).map(stage);
}

/** Stage and `npm pack` every (selected) vendor into artifacts/. Returns [{ vendor, tarball, files, size }]. */
function packAll({ vendors: keys, destination = ARTIFACTS } = {}) {
	fs.mkdirSync(destination, { recursive: true });
	for (const f of fs.readdirSync(destination)) if (f.endsWith('.tgz')) fs.rmSync(path.join(destination, f));
	const out = [];
	for (const s of stageAll({ vendors: keys })) {
		const json = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
			cwd: s.dir,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
		});
		const info = JSON.parse(json.slice(json.indexOf('[')))[0];
		const files = info.files.map((f) => f.path);
		const stray = files.filter((f) => !/^(dist\/|package\.json$|README\.md$|LICENSE\.md$)/.test(f));
		if (stray.length) throw new Error(`${s.pkg.name}: unexpected files in the tarball: ${stray.join(', ')}`);
		out.push({ vendor: s.vendor, dir: s.dir, tarball: path.join(destination, info.filename), files, size: info.size, version: info.version });
	}
	return out;
}

/** The tarballs `npm run pack` wrote, per vendor (throws when one is missing). */
function tarballs({ vendors: keys, destination = ARTIFACTS } = {}) {
	const version = rootPkg().version;
	return selectedVendors(keys).map((v) => {
		const tarball = path.join(destination, tarballName(v, version));
		if (!fs.existsSync(tarball)) throw new Error(`${path.relative(REPO, tarball)} is missing: run \`npm run pack\``);
		return { vendor: v, tarball, dir: stageDir(v) };
	});
}

module.exports = { stage, stageAll, packAll, tarballs, stageDir, tarballName, packageJson, packageReadme, STAGE_ROOT, ARTIFACTS };

if (require.main === module) {
	const args = process.argv.slice(2);
	const keys = [];
	for (let i = 0; i < args.length; i++) if (args[i] === '--vendor') keys.push(args[++i]);
	try {
		const t0 = Date.now();
		if (!args.includes('--no-build')) {
			log('npm run build');
			execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', process.stderr, process.stderr] });
		}
		if (args.includes('--stage-only')) {
			for (const s of stageAll({ vendors: keys })) log(`staged ${s.pkg.name} in ${path.relative(REPO, s.dir)}`);
		} else {
			for (const r of packAll({ vendors: keys })) log(`${path.relative(REPO, r.tarball)}: ${r.files.length} files, ${Math.round(r.size / 1024)} kB`);
		}
		log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	} catch (e) {
		log(`FAILED: ${e.message}`);
		process.exit(1);
	}
}
