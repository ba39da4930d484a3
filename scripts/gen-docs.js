'use strict';
/**
 * Generates the vendor sections of README.md from the built node descriptions (dist/) and
 * docs/vendors/<key>.md. Each docs file may contain `<!-- operations-table -->`, replaced by a table of
 * every resource and operation read from the node description, and `<!-- trigger-events -->`, replaced
 * by the trigger's event list.
 *
 *   node scripts/gen-docs.js          rewrite README.md in place
 *   node scripts/gen-docs.js --check  exit 1 if README.md is not what the generator would write
 */
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const VENDORS = [
	{ key: 'smenso', node: 'Smenso' },
	{ key: 'cenno', node: 'Cenno' },
	{ key: 'rm', node: 'ResourceManagement' },
	{ key: 'blikk', node: 'Blikk' },
];

function loadDescription(nodeName, file) {
	const modulePath = path.join(root, 'dist', 'nodes', nodeName, `${file}.node.js`);
	if (!fs.existsSync(modulePath)) return undefined;
	const mod = require(modulePath);
	const NodeClass = mod[file];
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
	const resources = resourceProp ? resourceProp.options : [{ name: description.displayName, value: undefined }];
	const rows = [];
	for (const resource of resources) {
		const ops = props.filter(
			(p) =>
				p.name === 'operation' &&
				(resource.value === undefined ||
					(p.displayOptions && p.displayOptions.show && (p.displayOptions.show.resource || []).includes(resource.value))),
		);
		for (const op of ops) {
			for (const option of op.options || []) {
				rows.push(`| ${cell(resource.name)} | ${cell(option.name)} | ${cell(option.description || option.action)} |`);
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
	const eventProp = props.find((p) => ['event', 'events'].includes(p.name)) || props.find((p) => p.type === 'options' || p.type === 'multiOptions');
	const kind = description.polling ? 'Polling trigger' : 'Webhook trigger';
	if (!eventProp || !eventProp.options) return `${kind}: ${cell(description.description)}`;
	return [
		`${kind} — events (generated from the node description):`,
		'',
		...eventProp.options.map((o) => `- **${cell(o.name)}**${o.description ? ` — ${cell(o.description)}` : ''}`),
	].join('\n');
}

function vendorSection({ key, node }) {
	const docPath = path.join(root, 'docs', 'vendors', `${key}.md`);
	const description = loadDescription(node, node);
	let text = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8').trim() : `## ${node}\n\n_Not documented yet._`;
	text = text.replace('<!-- operations-table -->', description ? operationsTable(description) : '_Node not built._');
	text = text.replace('<!-- trigger-events -->', triggerEvents(loadDescription(node, `${node}Trigger`)));
	// Vendor files start at `##`; in the README they sit under "## Vendors".
	return text.replace(/^(#{2,5}) /gm, '#$1 ');
}

function render(readme) {
	let out = readme;
	for (const vendor of VENDORS) {
		const start = `<!-- vendor:${vendor.key}:start -->`;
		const end = `<!-- vendor:${vendor.key}:end -->`;
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
			console.error(`README.md is out of date with the node descriptions: run \`npm run docs\`.\nFirst difference at line ${line + 1}:\n- ${a[line]}\n+ ${b[line]}`);
			process.exit(1);
		}
		console.log('README.md is up to date.');
	} else {
		fs.writeFileSync(readmePath, next);
		console.log('README.md vendor sections regenerated.');
	}
}

module.exports = { render, operationsTable, triggerEvents };
