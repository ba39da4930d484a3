#!/usr/bin/env node
'use strict';
/**
 * `npm run new-vendor -- <key> [options]`: scaffolds a complete vendor, the way `n8n-node new` scaffolds a
 * package, from the templates in scripts/templates/new-vendor/ (`*.tmpl`, kept out of the TypeScript build
 * and out of Prettier's way):
 *
 *   packages/n8n-nodes-psa-<key>/   package.json (the strict n8n block, repository.directory, homepage,
 *                                   bugs, peer n8n-workflow), tsconfig.json, eslint.config.mjs (n8n-node-cli's
 *                                   default, copied), LICENSE.md, CHANGELOG.md, README.md,
 *                                   credentials/<Class>Api.credentials.ts (with a credential test),
 *                                   nodes/<Class>/: the action node in the one operation shape (Project:
 *                                   Get, Get Many, Create), a polling trigger over the shared pollForChanges,
 *                                   codex files, light and dark icons, the transport profile, list search,
 *                                   output schemas
 *   sandbox/<key>/index.js          the simulator (auth, paging, 404, 422, 400, frozen clock, seed sizes)
 *   test/sandbox/<key>.test.ts      the sandbox's contract over HTTP
 *   test/nodes/<key>.helpers.ts, test/nodes/<key>.test.ts   in-process through n8n-core
 *   test/e2e/<key>.test.ts          real n8n (scripts/e2e.js)
 *   docs/vendors/<key>.md, examples/<key>-list-projects.json, bench/vendors/<key>.js
 *
 * and edits two existing files: vendors.json (one entry, with a free sandbox port) and package-lock.json
 * (the two entries npm keeps for every workspace package; `npm ci` refuses a lock file without them).
 * It writes nothing when any target exists or a name is taken, and formats what it wrote with Prettier.
 *
 * Options:
 *   --name "<Display Name>"   what users see (default: the key, capitalised)
 *   --class <ClassName>       node class and folder, PascalCase (default: from the display name)
 *   --package <npm name>      default n8n-nodes-psa-<key>
 *   --port <n>                sandbox port (default: the first free one after the manifest's highest)
 *   --api-docs <url>          the vendor's API documentation (vendors.json `apiDocs`, linked from READMEs)
 *   --dry-run                 list what would be written, write nothing
 *
 * Library: const { plan, scaffold } = require('./new-vendor');
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const REPO = path.resolve(__dirname, '..');
const TEMPLATES = path.join(__dirname, 'templates', 'new-vendor');
const N8N_DEFAULT_TEMPLATE = path.join(
	'node_modules',
	'@n8n',
	'node-cli',
	'dist',
	'template',
	'templates',
	'shared',
	'default',
);

const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);

/** The camel-case check n8n's lint applies to node names (`camel-case`, its dependency), when installed. */
const camelCase = (() => {
	try {
		const plugin = path.dirname(
			require.resolve('eslint-plugin-n8n-nodes-base/package.json', { paths: [REPO] }),
		);
		return require(require.resolve('camel-case', { paths: [plugin] })).camelCase;
	} catch {
		return undefined;
	}
})();

function walk(dir, out = []) {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) walk(p, out);
		else out.push(p);
	}
	return out;
}

function usage(message) {
	const text = [
		message ? `new-vendor: ${message}\n` : '',
		'Usage: npm run new-vendor -- <key> [--name "Display Name"] [--class ClassName] [--package n8n-nodes-psa-<key>] [--port N] [--api-docs URL] [--dry-run]',
		'  <key>: lower-case letters, digits and dashes, e.g. acme or acme-cloud (vendors.json key, sandbox/<key>/, test files)',
	].join('\n');
	const error = new Error(text);
	error.usage = true;
	return error;
}

function parseArgs(argv) {
	const options = { dryRun: false };
	const positional = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = () => {
			if (i + 1 >= argv.length) throw usage(`${a} needs a value`);
			return argv[++i];
		};
		if (a === '--name') options.name = value();
		else if (a === '--class') options.className = value();
		else if (a === '--package') options.package = value();
		else if (a === '--port') options.port = Number(value());
		else if (a === '--api-docs') options.apiDocs = value();
		else if (a === '--dry-run') options.dryRun = true;
		else if (a === '--help' || a === '-h') throw usage();
		else if (a.startsWith('-')) throw usage(`unknown option ${a}`);
		else positional.push(a);
	}
	if (positional.length !== 1) throw usage('give exactly one vendor key');
	options.key = positional[0];
	return options;
}

/** The manifest as JSON (vendors.json), without scripts/lib/vendors.js's checks of existing packages. */
function readManifest(repo) {
	return JSON.parse(fs.readFileSync(path.join(repo, 'vendors.json'), 'utf8'));
}

/** Node names (`acme`, `acmeTrigger`) of the vendors already in the manifest, from their package.json. */
function takenNodeNames(repo, manifest) {
	const names = new Set();
	for (const v of manifest.vendors || []) {
		const file = path.join(repo, 'packages', v.package, 'package.json');
		if (!fs.existsSync(file)) continue;
		const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
		for (const f of (pkg.n8n && pkg.n8n.nodes) || [])
			names.add(lowerFirst(path.basename(f).replace(/\.node\.js$/, '')));
	}
	return names;
}

/** Everything the scaffold will do, checked; throws with every problem found. Writes nothing. */
function plan(options, repo = REPO) {
	const problems = [];
	const key = String(options.key || '');
	if (!/^[a-z][a-z0-9-]*$/.test(key) || key.endsWith('-') || key.includes('--'))
		throw usage(`key "${key}" must be lower-case letters, digits and single dashes`);
	const display =
		options.name ||
		key
			.split('-')
			.map((w) => w.charAt(0).toUpperCase() + w.slice(1))
			.join(' ');
	if (!/^[A-Za-z0-9][A-Za-z0-9 .,&()+-]*$/.test(display))
		problems.push(
			`display name "${display}": letters, digits, spaces and . , & ( ) + - only (it goes into code and JSON)`,
		);
	// Words capitalised; an all-capitals word ("EU") as one capital and small letters, as n8n's lint wants
	// node names camel-cased (`acmeIncEu`, not `acmeIncEU`).
	const className =
		options.className ||
		display
			.split(/[^A-Za-z0-9]+/)
			.filter(Boolean)
			.map(
				(w) =>
					w.charAt(0).toUpperCase() +
					(w === w.toUpperCase() ? w.slice(1).toLowerCase() : w.slice(1)),
			)
			.join('');
	if (!/^[A-Z][A-Za-z0-9]*$/.test(className))
		problems.push(`class name "${className}" must be PascalCase letters and digits (use --class)`);
	else if (camelCase && camelCase(lowerFirst(className)) !== lowerFirst(className))
		problems.push(
			`class name "${className}": n8n's lint wants the node name camel-cased, "${camelCase(lowerFirst(className))}" (use --class)`,
		);
	const pkg = options.package || `n8n-nodes-psa-${key}`;
	if (!/^n8n-nodes-[a-z0-9-]+$/.test(pkg))
		problems.push(`package "${pkg}" must be named n8n-nodes-…`);

	const manifest = readManifest(repo);
	const vendors = manifest.vendors || [];
	if (vendors.some((v) => v.key === key))
		problems.push(`vendors.json already has the key "${key}"`);
	if (vendors.some((v) => v.package === pkg))
		problems.push(`vendors.json already has the package "${pkg}"`);
	const node = lowerFirst(className);
	const taken = takenNodeNames(repo, manifest);
	for (const name of [node, `${node}Trigger`])
		if (taken.has(name)) problems.push(`another vendor already has a node named "${name}"`);
	const ports = vendors.map((v) => v.sandbox && v.sandbox.port).filter(Boolean);
	let port = options.port;
	if (port === undefined) {
		port = Math.max(4100, ...ports) + 1;
		while (ports.includes(port)) port++;
	} else if (!Number.isInteger(port) || port < 1024 || port > 65535)
		problems.push(`--port ${options.port} is not a port number from 1024 to 65535`);
	else if (ports.includes(port)) problems.push(`sandbox port ${port} is taken in vendors.json`);

	const vars = {
		__PACKAGE__: pkg,
		__CLASS__: className,
		__CONST__: className
			.replace(/([a-z0-9])([A-Z])/g, '$1_$2')
			.replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
			.toUpperCase(),
		__NODE__: node,
		__CRED__: `psa${className}Api`,
		__DISPLAY__: display,
		__KEY__: key,
		__PORT__: String(port),
		__YEAR__: String(new Date().getFullYear()),
	};
	const fill = (text) => text.replace(/__[A-Z]+__/g, (token) => vars[token] ?? token);

	const files = walk(TEMPLATES)
		.filter((f) => f.endsWith('.tmpl'))
		.sort()
		.map((template) => ({
			template,
			target: fill(path.relative(TEMPLATES, template).replace(/\.tmpl$/, '')),
		}));
	const pkgDir = `packages/${pkg}`;
	const eslintSource = path.join(repo, N8N_DEFAULT_TEMPLATE, 'eslint.config.mjs');
	files.push({ copy: eslintSource, target: `${pkgDir}/eslint.config.mjs` });
	files.push({ copy: path.join(repo, 'LICENSE.md'), target: `${pkgDir}/LICENSE.md` });
	files.sort((a, b) => a.target.localeCompare(b.target));
	if (fs.existsSync(path.join(repo, pkgDir))) problems.push(`${pkgDir}/ exists already`);
	if (fs.existsSync(path.join(repo, 'sandbox', key)))
		problems.push(`sandbox/${key}/ exists already`);
	for (const { target } of files) {
		if (target.startsWith(`${pkgDir}/`) || target.startsWith(`sandbox/${key}/`)) continue;
		if (fs.existsSync(path.join(repo, target))) problems.push(`${target} exists already`);
	}
	if (!fs.existsSync(eslintSource))
		problems.push(
			`${path.relative(repo, eslintSource)} is missing: install the dev dependencies first (npm install)`,
		);
	if (options.apiDocs !== undefined && !/^https?:\/\/[^\s]+$/.test(options.apiDocs))
		problems.push(`--api-docs "${options.apiDocs}" is not an http(s) address`);
	if (problems.length) throw new Error(`new-vendor: nothing written:\n- ${problems.join('\n- ')}`);

	const entry = {
		key,
		package: pkg,
		displayName: display,
		sandbox: { module: `sandbox/${key}`, port },
		docs: `docs/vendors/${key}.md`,
		...(options.apiDocs ? { apiDocs: options.apiDocs } : {}),
		examples: `examples/${key}-*.json`,
		e2e: `test/e2e/${key}*.test.ts`,
	};
	return { repo, key, display, className, node, pkg, port, vars, fill, files, entry };
}

/** vendors.json with one more entry, in the file's own format (tabs), nothing else changed. */
function withManifestEntry(text, entry) {
	const data = JSON.parse(text);
	const closing = text.lastIndexOf('\n\t]');
	if (closing === -1 || !Array.isArray(data.vendors))
		throw new Error('vendors.json: no "vendors" list to add to');
	const block = JSON.stringify(entry, null, '\t')
		.split('\n')
		.map((line) => `\t\t${line}`)
		.join('\n');
	const before = text.slice(0, closing).replace(/\s*$/, '');
	const separator = data.vendors.length ? ',' : '';
	const next = `${before}${separator}\n${block}${text.slice(closing)}`;
	const check = JSON.parse(next);
	if (JSON.stringify(check) !== JSON.stringify({ ...data, vendors: [...data.vendors, entry] }))
		throw new Error('vendors.json: the entry could not be added cleanly');
	return next;
}

/**
 * package-lock.json with the two entries npm records for a workspace package (the folder and its
 * node_modules link), each at its sorted place. npm writes the file as JSON with two-space indents.
 */
function withLockEntries(text, { pkg, version, license = 'MIT', engines, peerDependencies }) {
	const lock = JSON.parse(text);
	if (!lock.packages) return text;
	const add = {
		[`node_modules/${pkg}`]: { resolved: `packages/${pkg}`, link: true },
		[`packages/${pkg}`]: {
			version,
			license,
			...(engines ? { engines } : {}),
			...(peerDependencies ? { peerDependencies } : {}),
		},
	};
	const keys = Object.keys(lock.packages).filter((k) => !(k in add));
	const sorted = {};
	const pending = Object.keys(add).sort();
	for (const k of keys) {
		while (pending.length && k !== '' && pending[0].localeCompare(k, 'en') < 0) {
			const p = pending.shift();
			sorted[p] = add[p];
		}
		sorted[k] = lock.packages[k];
	}
	for (const p of pending) sorted[p] = add[p];
	lock.packages = sorted;
	return `${JSON.stringify(lock, null, 2)}\n`;
}

/** Runs Prettier (the repository's settings) on the files written; it skips what .prettierignore lists. */
function format(repo, files) {
	const prettier = path.join(repo, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
	if (!fs.existsSync(prettier)) return false;
	const targets = files.filter((f) => /\.(ts|js|json|mjs)$/.test(f));
	execFileSync(process.execPath, [prettier, '--write', '--log-level=warn', ...targets], {
		cwd: repo,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	return true;
}

/**
 * The package README from scripts/gen-docs.js (`packageReadme(vendor)`, the generator `npm run docs` runs),
 * when it has one; otherwise the template's starter README stays. Before a build the generated README says
 * "not built" where the node names go: `npm run docs` (build + generate) fills them in.
 */
function packageReadme(p) {
	const genDocs = path.join(p.repo, 'scripts', 'gen-docs.js');
	if (!fs.existsSync(genDocs)) return 'starter README (no scripts/gen-docs.js)';
	const docs = require(genDocs);
	if (typeof docs.packageReadme !== 'function')
		return 'starter README (scripts/gen-docs.js writes no package README)';
	const manifest = require(path.join(p.repo, 'scripts', 'lib', 'vendors.js'));
	fs.writeFileSync(
		path.join(p.repo, 'packages', p.pkg, 'README.md'),
		docs.packageReadme(manifest.byKey(p.key)),
	);
	return 'README.md from scripts/gen-docs.js (`npm run docs` completes it after a build)';
}

/** Writes the vendor. Returns { written: [paths], edited: [paths], readme }. */
function scaffold(options, repo = REPO) {
	const p = plan(options, repo);
	const written = [];
	for (const f of p.files) {
		const target = path.join(repo, f.target);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		if (f.copy) fs.copyFileSync(f.copy, target);
		else fs.writeFileSync(target, p.fill(fs.readFileSync(f.template, 'utf8')));
		written.push(f.target);
	}
	const edited = [];
	const manifestFile = path.join(repo, 'vendors.json');
	fs.writeFileSync(manifestFile, withManifestEntry(fs.readFileSync(manifestFile, 'utf8'), p.entry));
	edited.push('vendors.json');
	const lockFile = path.join(repo, 'package-lock.json');
	if (fs.existsSync(lockFile)) {
		const pkgJson = JSON.parse(
			fs.readFileSync(path.join(repo, 'packages', p.pkg, 'package.json'), 'utf8'),
		);
		const text = fs.readFileSync(lockFile, 'utf8');
		const next = withLockEntries(text, {
			pkg: p.pkg,
			version: pkgJson.version,
			license: pkgJson.license,
			engines: pkgJson.engines,
			peerDependencies: pkgJson.peerDependencies,
		});
		if (next !== text) {
			fs.writeFileSync(lockFile, next);
			edited.push('package-lock.json');
		}
	}
	format(repo, written);
	const readme = packageReadme(p);
	return { ...p, written, edited, readme };
}

function main() {
	let options;
	try {
		options = parseArgs(process.argv.slice(2));
		if (options.dryRun) {
			const p = plan(options);
			console.log(
				`Would scaffold ${p.display} (key ${p.key}, package ${p.pkg}, nodes ${p.node} and ${p.node}Trigger, credential ${p.vars.__CRED__}, sandbox port ${p.port}):`,
			);
			for (const f of p.files) console.log(`  + ${f.target}`);
			console.log('  ~ vendors.json (one entry)\n  ~ package-lock.json (the workspace entries)');
			console.log(`${p.files.length} new files, 2 edited. Nothing written (--dry-run).`);
			return;
		}
		const t0 = Date.now();
		const r = scaffold(options);
		const rel = (f) => f;
		console.log(
			`Scaffolded ${r.display} (${r.pkg}) in ${((Date.now() - t0) / 1000).toFixed(1)} s:`,
		);
		for (const f of r.written) console.log(`  + ${rel(f)}`);
		for (const f of r.edited)
			console.log(
				`  ~ ${f}${f === 'vendors.json' ? ` (entry "${r.key}", sandbox port ${r.port})` : ' (workspace entries)'}`,
			);
		console.log(`${r.written.length} new files, ${r.edited.length} edited; ${r.readme}.`);
		console.log(
			[
				'',
				'Next:',
				`  1. Fill in what the vendor documents: sandbox/${r.key}/index.js (the API), packages/${r.pkg}/nodes/${r.className}/transport.ts`,
				`     (profile: paging, rate limit, error bodies), credentials/${r.className}Api.credentials.ts, actions/*.ts (one file per`,
				`     resource), the output schemas, docs/vendors/${r.key}.md (every TODO), package.json description and keywords.`,
				`  2. npm run build && node scripts/lint-packages.js --vendor ${r.key}`,
				'     npm run docs   (the package README and the table of packages in README.md, from the built nodes)',
				`  3. node node_modules/jest/bin/jest.js --selectProjects unit --runTestsByPath test/sandbox/${r.key}.test.ts test/nodes/${r.key}.test.ts`,
				`  4. git add the new files, vendors.json, package-lock.json and README.md; commit;`,
				`     node scripts/pack.js --no-build --vendor ${r.key} && node scripts/verify.js --vendor ${r.key}`,
				`  5. npm run test:e2e -- test/e2e/${r.key}.test.ts   (real n8n)`,
				'See docs/adding-a-vendor.md.',
			].join('\n'),
		);
	} catch (e) {
		console.error(e.usage ? e.message : e.message);
		process.exit(e.usage ? 2 : 1);
	}
}

module.exports = { plan, scaffold, withManifestEntry, withLockEntries, parseArgs };

if (require.main === module) main();
