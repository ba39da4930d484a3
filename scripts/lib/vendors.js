'use strict';
/**
 * The vendor manifest (`vendors.json` at the repository root), read and checked once.
 *
 * Everything that needs the list of vendors asks this module: the package build (scripts/pack.js), the
 * sandbox registry (sandbox/index.js), the docs generator, the e2e runner and harness, and `npm start`.
 * Adding a vendor is one folder per kind (nodes, credential, sandbox, docs, examples, tests) plus one
 * entry in vendors.json; nothing here names a vendor.
 *
 *   const { vendors, byKey, nodeType } = require('./lib/vendors');
 *   vendors()            → [{ key, package, displayName, nodeTypePrefix, nodeNames, distNodes, … }]
 *   byKey('blikk')       → one entry (throws for an unknown key)
 *   nodeType('blikk')    → 'n8n-nodes-psa-blikk.blikk' (a node name → its type in the vendor's package)
 */
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..');
const MANIFEST = path.join(REPO, 'vendors.json');
/** The node-type prefix of the single combined package this repository shipped before 0.2 (`n8n-nodes-psa.`). */
const LEGACY_PREFIX = 'n8n-nodes-psa.';

const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);
/** `dist/nodes/Blikk/BlikkTrigger.node.js` → `BlikkTrigger` */
const className = (file) => path.basename(file).replace(/\.(node|credentials)\.(ts|js)$/, '');
/** `dist/nodes/Blikk/Blikk.node.js` (package.json n8n block) → `nodes/Blikk/Blikk.node.ts` (its source). */
const sourceOf = (distFile) => distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts');

const REQUIRED = ['key', 'package', 'displayName'];

function enrich(v) {
	for (const f of REQUIRED)
		if (v[f] === undefined) throw new Error(`vendors.json: vendor ${v.key || '?'} lacks "${f}"`);
	if (!/^[a-z][a-z0-9-]*$/.test(v.key))
		throw new Error(`vendors.json: key "${v.key}" must be lower-case letters, digits and dashes`);
	if (!/^n8n-nodes-[a-z0-9-]+$/.test(v.package))
		throw new Error(`vendors.json: package "${v.package}" must be named n8n-nodes-…`);
	const dirRel = `packages/${v.package}`;
	const dir = path.join(REPO, dirRel);
	const pkgFile = path.join(dir, 'package.json');
	if (!fs.existsSync(pkgFile))
		throw new Error(`vendors.json: ${v.key}: ${dirRel}/package.json is missing`);
	const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
	if (pkg.name !== v.package)
		throw new Error(`${dirRel}/package.json: name "${pkg.name}", vendors.json says "${v.package}"`);
	const n8n = pkg.n8n || {};
	const distNodes = n8n.nodes || [];
	const distCredentials = n8n.credentials || [];
	if (!distNodes.length || !distCredentials.length)
		throw new Error(`${dirRel}/package.json: the n8n block lists no nodes or no credentials`);
	const nodes = distNodes.map(sourceOf);
	return {
		...v,
		/** The committed package folder (absolute) and its path from the repository root. */
		dir,
		dirRel,
		version: pkg.version,
		description: pkg.description,
		keywords: (pkg.keywords || []).filter((k) => k !== 'n8n-community-node-package'),
		nodeTypePrefix: `${v.package}.`,
		/** Sources, relative to the package folder: `nodes/Blikk/Blikk.node.ts`, `credentials/BlikkApi.credentials.ts`. */
		nodes,
		credentials: distCredentials.map(sourceOf),
		/** Node class names (`Blikk`, `BlikkTrigger`) and the type names n8n gives them (`blikk`, `blikkTrigger`). */
		nodeClasses: distNodes.map(className),
		nodeNames: distNodes.map((n) => lowerFirst(className(n))),
		credentialClasses: distCredentials.map(className),
		/** Folders under the package's nodes/ that hold its nodes (package-relative). */
		nodeFolders: [...new Set(nodes.map((n) => path.dirname(n)))],
		/** Compiled entry points, relative to the package folder (as in package.json) … */
		distNodes,
		distCredentials,
		/** … and as absolute paths. */
		distNodeFiles: distNodes.map((f) => path.join(dir, f)),
		distCredentialFiles: distCredentials.map((f) => path.join(dir, f)),
		sandbox: v.sandbox || null,
		docs: v.docs || null,
		examples: v.examples || null,
		e2e: v.e2e || null,
	};
}

let cache;
function load() {
	if (cache) return cache;
	const raw = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
	const list = (raw.vendors || []).map(enrich);
	for (const field of ['key', 'package']) {
		const seen = new Set();
		for (const v of list) {
			if (seen.has(v[field])) throw new Error(`vendors.json: duplicate ${field} "${v[field]}"`);
			seen.add(v[field]);
		}
	}
	const ports = list.filter((v) => v.sandbox && v.sandbox.port).map((v) => v.sandbox.port);
	if (new Set(ports).size !== ports.length)
		throw new Error('vendors.json: two sandboxes share a port');
	const names = list.flatMap((v) => v.nodeNames);
	if (new Set(names).size !== names.length)
		throw new Error('vendors.json: two vendors declare a node with the same name');
	cache = { packageReadme: raw.packageReadme || {}, vendors: list };
	return cache;
}

const vendors = () => load().vendors;
const keys = () => vendors().map((v) => v.key);

function byKey(key) {
	const v = vendors().find((x) => x.key === key);
	if (!v) throw new Error(`unknown vendor "${key}" (vendors.json has ${keys().join(', ')})`);
	return v;
}

/** The vendor whose package holds the node named `name` (`blikk`, `blikkTrigger`), or undefined. */
const vendorOfNode = (name) => vendors().find((v) => v.nodeNames.includes(name));

/** `nodeType('blikk')` → `n8n-nodes-psa-blikk.blikk`; also accepts a legacy `n8n-nodes-psa.blikk`. */
function nodeType(name) {
	const bare = name.startsWith(LEGACY_PREFIX) ? name.slice(LEGACY_PREFIX.length) : name;
	const v = vendorOfNode(bare);
	if (!v) throw new Error(`no vendor in vendors.json declares a node named "${bare}"`);
	return `${v.nodeTypePrefix}${bare}`;
}

/** Rewrite legacy `n8n-nodes-psa.<node>` types in a workflow object (in place) to the per-vendor package types. */
function upgradeWorkflowTypes(wf) {
	for (const node of (wf && wf.nodes) || []) {
		if (
			typeof node.type === 'string' &&
			node.type.startsWith(LEGACY_PREFIX) &&
			vendorOfNode(node.type.slice(LEGACY_PREFIX.length))
		)
			node.type = nodeType(node.type);
	}
	return wf;
}

/** Files matched by a manifest glob such as `examples/blikk-*.json` (only `*` in the last segment). */
function expandGlob(pattern) {
	if (!pattern) return [];
	const patterns = Array.isArray(pattern) ? pattern : [pattern];
	const out = [];
	for (const p of patterns) {
		const dir = path.join(REPO, path.dirname(p));
		const re = new RegExp(
			`^${path
				.basename(p)
				.split('*')
				.map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
				.join('.*')}$`,
		);
		if (!fs.existsSync(dir)) continue;
		for (const f of fs.readdirSync(dir).sort()) if (re.test(f)) out.push(path.join(dir, f));
	}
	return out;
}

const exampleFiles = (v) => expandGlob(v.examples);

module.exports = {
	REPO,
	MANIFEST,
	LEGACY_PREFIX,
	load,
	vendors,
	keys,
	byKey,
	vendorOfNode,
	nodeType,
	upgradeWorkflowTypes,
	expandGlob,
	exampleFiles,
};
