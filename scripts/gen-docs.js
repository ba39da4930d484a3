'use strict';
/**
 * Generates the vendor sections of README.md from the built node descriptions (dist/) and each vendor's
 * docs file (vendors.json → `docs`). A docs file may contain `<!-- operations-table -->`, replaced by a
 * table of every resource and operation read from the action node's description, and
 * `<!-- trigger-events -->`, replaced by the trigger's event list. A vendor in vendors.json whose
 * `<!-- vendor:<key>:start/end -->` markers are not in the README yet gets them after the last vendor.
 * Between `<!-- packages:start -->` and `<!-- packages:end -->` it writes the table of npm packages.
 * scripts/pack.js uses `vendorDoc()` for each package's own README.
 *
 *   node scripts/gen-docs.js          rewrite README.md in place
 *   node scripts/gen-docs.js --check  exit 1 if README.md is not what the generator would write
 */
const fs = require('fs');
const path = require('path');
const manifest = require('./lib/vendors');

const root = path.join(__dirname, '..');

/** The description of a built node (`dist/nodes/X/Y.node.js`), or undefined when it is not built. */
function loadDescription(distFile, distDir = path.join(root, 'dist')) {
	const modulePath = path.join(distDir, distFile.replace(/^dist\//, ''));
	if (!fs.existsSync(modulePath)) return undefined;
	const mod = require(modulePath);
	const NodeClass = mod[path.basename(distFile, '.node.js')];
	if (!NodeClass) return undefined;
	return new NodeClass().description;
}

function cell(text) {
	return String(text ?? '')
		.replace(/\|/g, '\\|')
		.replace(/\s+/g, ' ')
		.trim();
}

function operationsTable(description) {
	const props = description.properties || [];
	const resourceProp = props.find((p) => p.name === 'resource');
	const resources = resourceProp
		? resourceProp.options
		: [{ name: description.displayName, value: undefined }];
	const rows = [];
	for (const resource of resources) {
		const ops = props.filter(
			(p) =>
				p.name === 'operation' &&
				(resource.value === undefined ||
					(p.displayOptions &&
						p.displayOptions.show &&
						(p.displayOptions.show.resource || []).includes(resource.value))),
		);
		for (const op of ops) {
			for (const option of op.options || []) {
				rows.push(
					`| ${cell(resource.name)} | ${cell(option.name)} | ${cell(option.description || option.action)} |`,
				);
			}
		}
	}
	return [
		`${rows.length} operations (generated from the node description by \`scripts/gen-docs.js\`):`,
		'',
		'| Resource | Operation | What it does |',
		'| --- | --- | --- |',
		...rows,
	].join('\n');
}

function triggerEvents(description) {
	if (!description) return '_No trigger built yet._';
	const props = description.properties || [];
	const eventProp =
		props.find((p) => ['event', 'events'].includes(p.name)) ||
		props.find((p) => p.type === 'options' || p.type === 'multiOptions');
	const kind = description.polling ? 'Polling trigger' : 'Webhook trigger';
	if (!eventProp || !eventProp.options) return `${kind}: ${cell(description.description)}`;
	return [
		`${kind} — events (generated from the node description):`,
		'',
		...eventProp.options.map(
			(o) => `- **${cell(o.name)}**${o.description ? ` — ${cell(o.description)}` : ''}`,
		),
	].join('\n');
}

/** Drop `### Title` sections (down to the next heading of the same or a higher level) whose title starts with one of `titles`. */
function omitSections(text, titles) {
	if (!titles || !titles.length) return text;
	const lines = text.split('\n');
	const out = [];
	let skipLevel = 0;
	for (const line of lines) {
		const m = /^(#{1,6}) (.*)$/.exec(line);
		if (m && skipLevel && m[1].length <= skipLevel) skipLevel = 0;
		if (m && !skipLevel && titles.some((t) => m[2].startsWith(t))) skipLevel = m[1].length;
		if (!skipLevel) out.push(line);
	}
	return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/**
 * A vendor's docs file with its generated parts filled in, headings as in the file (`## <Vendor>`, `###`).
 * `omitSections`: section titles to leave out (the package READMEs drop developer-only sections).
 */
function vendorDoc(vendor, { omitSections: omit = [], distDir } = {}) {
	const docPath = vendor.docs ? path.join(root, vendor.docs) : null;
	const actions = vendor.distNodes.filter((f) => !/Trigger\.node\.js$/.test(f));
	const triggers = vendor.distNodes.filter((f) => /Trigger\.node\.js$/.test(f));
	let text =
		docPath && fs.existsSync(docPath)
			? fs.readFileSync(docPath, 'utf8').trim()
			: `## ${vendor.displayName}\n\n_Not documented yet._`;
	const actionDescriptions = actions.map((f) => loadDescription(f, distDir));
	text = text.replace(
		'<!-- operations-table -->',
		actionDescriptions.length && actionDescriptions.every(Boolean)
			? actionDescriptions.map(operationsTable).join('\n\n')
			: '_Node not built._',
	);
	text = text.replace(
		'<!-- trigger-events -->',
		triggers.length
			? triggers.map((f) => triggerEvents(loadDescription(f, distDir))).join('\n\n')
			: triggerEvents(undefined),
	);
	return omitSections(text, omit);
}

function vendorSection(vendor) {
	// Vendor files start at `##`; in the README they sit under "## Vendors".
	return vendorDoc(vendor).replace(/^(#{2,5}) /gm, '#$1 ');
}

/** Display name of a built node or credential class (dist/…), or undefined when it is not built. */
function displayNameOf(distFile, kind) {
	const modulePath = path.join(root, distFile);
	if (!fs.existsSync(modulePath)) return undefined;
	const mod = require(modulePath);
	const Cls = mod[path.basename(distFile).replace(/\.(node|credentials)\.js$/, '')];
	if (!Cls) return undefined;
	const instance = new Cls();
	return kind === 'node' ? instance.description.displayName : instance.displayName;
}

/** The table of packages (one per vendor in vendors.json) between `<!-- packages:start/end -->`. */
function packagesTable() {
	const rows = manifest.vendors().map((v) => {
		const credentials = v.distCredentials
			.map((f) => displayNameOf(f, 'credential') || '_not built_')
			.join(', ');
		const nodes = v.distNodes.map((f) => {
			const name = displayNameOf(f, 'node') || '_not built_';
			const d = loadDescription(f);
			if (!/Trigger\.node\.js$/.test(f) || !d) return name;
			return `${name} (${d.polling ? 'polling' : 'webhooks'})`;
		});
		const actions = nodes.filter((_, i) => !/Trigger\.node\.js$/.test(v.distNodes[i])).join(', ');
		const triggers =
			nodes.filter((_, i) => /Trigger\.node\.js$/.test(v.distNodes[i])).join(', ') || '—';
		return `| ${cell(v.displayName)} | [\`${v.package}\`](https://www.npmjs.com/package/${v.package}) | ${cell(credentials)} | ${cell(actions)} | ${cell(triggers)} |`;
	});
	return [
		'| Vendor | npm package | Credential | Action node | Trigger |',
		'| --- | --- | --- | --- | --- |',
		...rows,
	].join('\n');
}

function render(readme) {
	let out = readme;
	const pStart = '<!-- packages:start -->';
	const pEnd = '<!-- packages:end -->';
	if (out.includes(pStart) && out.includes(pEnd))
		out = `${out.slice(0, out.indexOf(pStart) + pStart.length)}\n${packagesTable()}\n${out.slice(out.indexOf(pEnd))}`;
	for (const vendor of manifest.vendors()) {
		const start = `<!-- vendor:${vendor.key}:start -->`;
		const end = `<!-- vendor:${vendor.key}:end -->`;
		if (out.indexOf(start) === -1 && out.indexOf(end) === -1) {
			// A new vendor: its section goes after the last vendor section.
			const last = out.lastIndexOf(':end -->');
			if (last === -1) continue;
			const at = last + ':end -->'.length;
			out = `${out.slice(0, at)}\n\n${start}\n${end}${out.slice(at)}`;
		}
		const from = out.indexOf(start);
		const to = out.indexOf(end);
		if (from === -1 || to === -1) continue;
		out = `${out.slice(0, from + start.length)}\n${vendorSection(vendor)}\n${out.slice(to)}`;
	}
	return out;
}

if (require.main === module) {
	const readmePath = path.join(root, 'README.md');
	const current = fs.readFileSync(readmePath, 'utf8');
	const next = render(current);
	if (process.argv.includes('--check')) {
		if (next !== current) {
			const a = current.split('\n');
			const b = next.split('\n');
			const line = a.findIndex((text, i) => text !== b[i]);
			console.error(
				`README.md is out of date with the node descriptions: run \`npm run docs\`.\nFirst difference at line ${line + 1}:\n- ${a[line]}\n+ ${b[line]}`,
			);
			process.exit(1);
		}
		console.log('README.md is up to date.');
	} else {
		fs.writeFileSync(readmePath, next);
		console.log('README.md vendor sections regenerated.');
	}
}

module.exports = {
	render,
	packagesTable,
	vendorDoc,
	vendorSection,
	omitSections,
	operationsTable,
	triggerEvents,
};
