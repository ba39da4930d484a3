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
/** `nodes/Blikk/BlikkTrigger.node.ts` → `dist/nodes/Blikk/BlikkTrigger.node.js` */
const distPath = (src) => `dist/${src.replace(/\.ts$/, '.js')}`;
/** `nodes/Blikk/BlikkTrigger.node.ts` → `BlikkTrigger` */
const className = (src) => path.basename(src).replace(/\.(node|credentials)\.ts$/, '');

const REQUIRED = ['key', 'package', 'displayName', 'description', 'credentials', 'nodes'];

function enrich(v) {
	for (const f of REQUIRED) if (v[f] === undefined) throw new Error(`vendors.json: vendor ${v.key || '?'} lacks "${f}"`);
	if (!/^[a-z][a-z0-9-]*$/.test(v.key)) throw new Error(`vendors.json: key "${v.key}" must be lower-case letters, digits and dashes`);
	if (!/^(@[a-z0-9-]+\/)?n8n-nodes-[a-z0-9-]+$/.test(v.package)) throw new Error(`vendors.json: package "${v.package}" must be named n8n-nodes-… (or @scope/n8n-nodes-…)`);
	const nodeFolders = [...new Set(v.nodes.map((n) => path.dirname(n)))];
	return {
		...v,
		keywords: v.keywords || [],
		nodeTypePrefix: `${v.package}.`,
		/** Node class names (`Blikk`, `BlikkTrigger`) and the type names n8n gives them (`blikk`, `blikkTrigger`). */
		nodeClasses: v.nodes.map(className),
		nodeNames: v.nodes.map((n) => lowerFirst(className(n))),
		credentialClasses: v.credentials.map(className),
		/** Folders under nodes/ that this vendor owns (copied whole into its package). */
		nodeFolders,
		distNodes: v.nodes.map(distPath),
		distCredentials: v.credentials.map(distPath),
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
	if (new Set(ports).size !== ports.length) throw new Error('vendors.json: two sandboxes share a port');
	const names = list.flatMap((v) => v.nodeNames);
	if (new Set(names).size !== names.length) throw new Error('vendors.json: two vendors declare a node with the same name');
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
		if (typeof node.type === 'string' && node.type.startsWith(LEGACY_PREFIX) && vendorOfNode(node.type.slice(LEGACY_PREFIX.length))) node.type = nodeType(node.type);
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
		const re = new RegExp(`^${path.basename(p).split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
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
