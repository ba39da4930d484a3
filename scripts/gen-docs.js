'use strict';
/**
 * The generated parts of the documentation, from the manifest (vendors.json), the built node descriptions
 * (each package's dist/: run `npm run build` first; `npm run docs` does both) and the docs sources:
 *
 *   README.md                      the table between `<!-- packages:start -->` and `<!-- packages:end -->`
 *   packages/<package>/README.md   each package's manual: docs/package-readme.md (vendors.json
 *                                  `packageReadme.template`) filled in from the vendor's docs file
 *                                  (vendors.json `docs`), its node descriptions, package.json and examples
 *
 * In a vendor's docs file `<!-- operations-table -->` becomes the table of every resource and operation of
 * the action node, `<!-- trigger-events -->` the trigger's events; sections whose titles vendors.json lists
 * under `packageReadme.omitSections` (sandbox, tests: developer material) stay out of the package README.
 * Relative links in the sources are written as repository URLs, so they work on npmjs.com too.
 *
 * `--check` exits 1 when a generated file is not what the generator would write, or when README.md, a
 * package README or a page under docs/ links to a file that is not in the repository (relative links and
 * repository URLs such as https://github.com/<owner>/<repo>/blob/main/<path>), or to a heading of its own
 * that does not exist.
 *
 *   node scripts/gen-docs.js          write README.md's table and every package README
 *   node scripts/gen-docs.js --check  check them (npm test)
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const manifest = require('./lib/vendors');

const root = manifest.REPO;
const BRANCH = 'main';
const rel = (abs) => path.relative(root, abs).split(path.sep).join('/');

/** `git+https://github.com/o/r.git` (root package.json `repository`) → `https://github.com/o/r`. */
function repositoryUrl() {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
	if (!url) throw new Error('package.json has no repository url');
	return url
		.replace(/^git\+/, '')
		.replace(/\.git$/, '')
		.replace(/^git@github\.com:/, 'https://github.com/');
}
const REPO_URL = repositoryUrl();
const blobUrl = (repoPath) => `${REPO_URL}/blob/${BRANCH}/${repoPath}`;
const treeUrl = (repoPath) => `${REPO_URL}/tree/${BRANCH}/${repoPath}`;

// ------------------------------------------------------------------------------------------------
// Node descriptions (built)
// ------------------------------------------------------------------------------------------------

const isTrigger = (distFile) => /Trigger\.node\.js$/.test(distFile);

/** An instance of a built node or credential class (`dist/…` in the vendor's package), or undefined. */
function instanceOf(vendor, distFile) {
	const modulePath = path.join(vendor.dir, distFile);
	if (!fs.existsSync(modulePath)) return undefined;
	const mod = require(modulePath);
	const Cls = mod[path.basename(distFile).replace(/\.(node|credentials)\.js$/, '')];
	return Cls ? new Cls() : undefined;
}
const descriptionOf = (vendor, distFile) => instanceOf(vendor, distFile)?.description;

function cell(text) {
	return String(text ?? '')
		.replace(/\|/g, '\\|')
		.replace(/\s+/g, ' ')
		.trim();
}

/** [{ resource, operation, description }] of an action node, in dropdown order. */
function operationsOf(description) {
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
					(p.displayOptions?.show?.resource || []).includes(resource.value)),
		);
		for (const op of ops)
			for (const option of op.options || [])
				rows.push({
					resource: resource.name,
					operation: option.name,
					description: option.description || option.action,
				});
	}
	return rows;
}

function operationsTable(description) {
	const rows = operationsOf(description);
	return [
		`${rows.length} operations (listed from the node's own description, as n8n shows them):`,
		'',
		'| Resource | Operation | What it does |',
		'| --- | --- | --- |',
		...rows.map((r) => `| ${cell(r.resource)} | ${cell(r.operation)} | ${cell(r.description)} |`),
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
		`${kind}, events:`,
		'',
		...eventProp.options.map(
			(o) => `- **${cell(o.name)}**${o.description ? ` — ${cell(o.description)}` : ''}`,
		),
	].join('\n');
}

/** Stops with a clear message when a package has not been built (descriptions come from dist/). */
function requireBuilt(vendors) {
	const missing = vendors.flatMap((v) =>
		[...v.distNodes, ...v.distCredentials]
			.filter((f) => !fs.existsSync(path.join(v.dir, f)))
			.map((f) => `${v.dirRel}/${f}`),
	);
	if (missing.length)
		throw new Error(
			`not built: ${missing.join(', ')}. Run \`npm run build\` first (\`npm run docs\` builds and writes).`,
		);
}

// ------------------------------------------------------------------------------------------------
// Markdown helpers
// ------------------------------------------------------------------------------------------------

/** Drop sections (down to the next heading of the same or a higher level) whose title starts with one of `titles`. */
function omitSections(text, titles) {
	if (!titles || !titles.length) return text;
	const out = [];
	let skipLevel = 0;
	let fence = false;
	for (const line of text.split('\n')) {
		if (/^(```|~~~)/.test(line)) fence = !fence;
		const m = fence ? null : /^(#{1,6}) (.*)$/.exec(line);
		if (m && skipLevel && m[1].length <= skipLevel) skipLevel = 0;
		if (m && !skipLevel && titles.some((t) => m[2].startsWith(t))) skipLevel = m[1].length;
		if (!skipLevel) out.push(line);
	}
	return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** The body of the first `level` section whose title starts with `title`, and the text without it. */
function takeSection(text, title, level) {
	const lines = text.split('\n');
	const start = lines.findIndex((l) => l.startsWith(`${'#'.repeat(level)} ${title}`));
	if (start === -1) return { body: '', rest: text };
	let end = start + 1;
	for (; end < lines.length; end++) {
		const m = /^(#{1,6}) /.exec(lines[end]);
		if (m && m[1].length <= level) break;
	}
	return {
		body: lines
			.slice(start + 1, end)
			.join('\n')
			.trim(),
		rest: [...lines.slice(0, start), ...lines.slice(end)].join('\n').replace(/\n{3,}/g, '\n\n'),
	};
}

const blank = (m) => m.replace(/[^\n]/g, ' ');
/** Markdown with fenced code blocks blanked out (same length, so indexes still match). */
const withoutFences = (markdown) =>
	markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank);
/** … and inline code too (links there are not links). */
const withoutCode = (markdown) => withoutFences(markdown).replace(/`[^`\n]*`/g, blank);

const LINK = /(!?)\[((?:[^\]\\\n]|\\.)*)\]\(\s*<?([^()\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const REF_DEF = /^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm;
const HTML_ATTR = /\b(?:href|src)="([^"]+)"/g;

/** Every link target in a markdown text: inline links and images, reference definitions, href/src. */
function linkTargets(markdown) {
	const text = withoutCode(markdown);
	const out = [];
	for (const re of [LINK, REF_DEF, HTML_ATTR]) {
		re.lastIndex = 0;
		let m;
		while ((m = re.exec(text))) out.push(re === LINK ? m[3] : m[1]);
	}
	return out;
}

const isRelative = (target) => !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(target);

/** Relative links (resolved from `fromDir`) written as repository URLs. */
function absoluteLinks(markdown, fromDir) {
	const fix = (target) => {
		if (!isRelative(target)) return target;
		const [file, anchor] = target.split('#');
		const abs = path.resolve(fromDir, decodeURI(file));
		const url = fs.existsSync(abs) && fs.statSync(abs).isDirectory() ? treeUrl : blobUrl;
		return `${url(rel(abs))}${anchor ? `#${anchor}` : ''}`;
	};
	const code = withoutCode(markdown);
	let out = '';
	let last = 0;
	LINK.lastIndex = 0;
	let m;
	while ((m = LINK.exec(code))) {
		const original = markdown.slice(m.index, m.index + m[0].length);
		const at = original.indexOf('](') + 2;
		out +=
			markdown.slice(last, m.index) +
			original.slice(0, at) +
			original.slice(at).replace(m[3], fix(m[3]));
		last = m.index + m[0].length;
	}
	return out + markdown.slice(last);
}

/** GitHub's heading anchors (lower case, punctuation dropped, spaces → dashes, repeats numbered). */
function headingSlugs(markdown) {
	const seen = new Map();
	const slugs = [];
	for (const line of withoutFences(markdown).split('\n')) {
		const m = /^#{1,6} (.*?)\s*#*\s*$/.exec(line);
		if (!m) continue;
		const base = m[1]
			.replace(/<[^>]+>/g, '')
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/\s/g, '-');
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		slugs.push({ title: m[1], slug: n ? `${base}-${n}` : base });
	}
	return slugs;
}

/** A bullet list of the `##` headings after the contents line. */
function contents(markdown) {
	return headingSlugs(markdown)
		.filter((h) => markdown.includes(`\n## ${h.title}\n`))
		.map((h) => `[${h.title.replace(/`/g, '')}](#${h.slug})`)
		.join(' · ');
}

// ------------------------------------------------------------------------------------------------
// Package READMEs
// ------------------------------------------------------------------------------------------------

/** The n8n versions the e2e tier runs by default (scripts/test.js), for "Tested with". */
function testedWith() {
	const test = fs.readFileSync(path.join(root, 'scripts', 'test.js'), 'utf8');
	const m = /N8N_PSA_E2E_VERSIONS\s*\|\|\s*'([^']+)'/.exec(test);
	return m ? m[1].split(',').map((s) => s.trim()) : [];
}

/**
 * A vendor's docs file with its generated parts filled in, headings as in the file (`## <Vendor>`, `###`).
 * `omitSections`: section titles to leave out (the package READMEs drop developer-only sections).
 */
function vendorDoc(vendor, { omitSections: omit = [] } = {}) {
	const docPath = vendor.docs ? path.join(root, vendor.docs) : null;
	let text =
		docPath && fs.existsSync(docPath)
			? fs.readFileSync(docPath, 'utf8').trim()
			: `## ${vendor.displayName}\n\n${vendor.description || ''}\n\n### Operations\n\n<!-- operations-table -->`;
	const actions = vendor.distNodes.filter((f) => !isTrigger(f));
	const triggers = vendor.distNodes.filter(isTrigger);
	const actionDescriptions = actions.map((f) => descriptionOf(vendor, f));
	text = text.replace(
		'<!-- operations-table -->',
		actionDescriptions.length && actionDescriptions.every(Boolean)
			? actionDescriptions.map(operationsTable).join('\n\n')
			: '_Node not built._',
	);
	text = text.replace(
		'<!-- trigger-events -->',
		triggers.length
			? triggers.map((f) => triggerEvents(descriptionOf(vendor, f))).join('\n\n')
			: triggerEvents(undefined),
	);
	return omitSections(text, omit);
}

function exampleList(vendor) {
	const files = manifest.exampleFiles(vendor);
	if (!files.length) return '_No example workflows yet._';
	return files
		.map((f) => {
			let name = path.basename(f, '.json');
			try {
				name = JSON.parse(fs.readFileSync(f, 'utf8')).name || name;
			} catch {
				// a broken example is the workflow linter's business; list it by file name
			}
			return `- [${name}](${blobUrl(rel(f))})`;
		})
		.join('\n');
}

function fill(template, values) {
	return template.replace(/\{\{(\w+)\}\}/g, (m, key) => {
		if (!(key in values)) throw new Error(`docs template: unknown placeholder ${m}`);
		return values[key];
	});
}

/** The README of one package (packages/<package>/README.md), as the generator writes it. */
function packageReadme(vendor) {
	const config = manifest.load().packageReadme || {};
	const templatePath = path.join(root, config.template || 'docs/package-readme.md');
	// The template's leading comment explains the placeholders; it is not part of the README.
	const template = fs
		.readFileSync(templatePath, 'utf8')
		.replace(/^\s*<!--[\s\S]*?-->\s*/, '')
		.trim();
	let doc = vendorDoc(vendor, { omitSections: config.omitSections || [] });
	if (vendor.docs) doc = absoluteLinks(doc, path.dirname(path.join(root, vendor.docs)));

	// `## Vendor` + intro, then `### Sections`: the intro goes under the title, the sections become `##`.
	const firstSection = doc.search(/^### /m);
	const head = firstSection === -1 ? doc : doc.slice(0, firstSection);
	let sections = firstSection === -1 ? '' : doc.slice(firstSection);
	const intro = head.replace(/^## .*\n/, '').trim();
	const troubleshooting = takeSection(sections, 'Troubleshooting', 3);
	sections = troubleshooting.rest.replace(/^#(#{2,5}) /gm, '$1 ').trim();

	const nodes = vendor.distNodes.map((f) => ({ file: f, d: descriptionOf(vendor, f) }));
	const credentials = vendor.distCredentials.map((f) => instanceOf(vendor, f));
	const nodeList = nodes
		.map(({ file, d }) => {
			if (!d) return '_not built_';
			if (isTrigger(file))
				return `**${d.displayName}** (${d.polling ? 'polls for changes' : 'webhooks'})`;
			const count = operationsOf(d).length;
			return `**${d.displayName}** (${count} operations${d.usableAsTool ? ', usable as an AI agent tool' : ''})`;
		})
		.join(', ');
	const versions = testedWith();
	const pkgJson = JSON.parse(fs.readFileSync(path.join(vendor.dir, 'package.json'), 'utf8'));
	const values = {
		package: vendor.package,
		displayName: vendor.displayName,
		version: vendor.version,
		description: vendor.description || '',
		intro: intro || vendor.description || '',
		nodes: nodeList,
		credentials: credentials.map((c) => `**${c ? c.displayName : '_not built_'}**`).join(', '),
		nodeTypes: vendor.nodeNames.map((n) => `\`${vendor.package}.${n}\``).join(', '),
		credentialTypes: credentials.map((c) => `\`${c ? c.name : '?'}\``).join(', '),
		apiDocs: vendor.apiDocs
			? `[${vendor.displayName} API documentation](${vendor.apiDocs})`
			: `the ${vendor.displayName} API documentation`,
		examples: exampleList(vendor),
		sections,
		troubleshooting: troubleshooting.body,
		testedWith: versions.length
			? `Tested in real n8n ${versions.join(' and ')}.`
			: 'Tested in real n8n.',
		repository: REPO_URL,
		packages: `${REPO_URL}#packages`,
		source: treeUrl(vendor.dirRel),
		issues: pkgJson.bugs?.url || `${REPO_URL}/issues`,
		license: blobUrl(`${vendor.dirRel}/LICENSE.md`),
		changelog: fs.existsSync(path.join(vendor.dir, 'CHANGELOG.md'))
			? `[Changelog](${blobUrl(`${vendor.dirRel}/CHANGELOG.md`)}) · `
			: '',
		docsSource: vendor.docs ? `\`${vendor.docs}\`` : 'the manifest',
		templateSource: `\`${rel(templatePath)}\``,
		contents: '{{contents}}',
	};
	let out = fill(template, values);
	out = absoluteLinks(out, path.dirname(templatePath));
	out = out.replace('{{contents}}', contents(out));
	return `${out.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

// ------------------------------------------------------------------------------------------------
// Root README: the packages table
// ------------------------------------------------------------------------------------------------

/** The table of packages (one per vendor in vendors.json) between `<!-- packages:start/end -->`. */
function packagesTable() {
	const rows = manifest.vendors().map((v) => {
		const nodes = v.distNodes.map((f) => ({ file: f, d: descriptionOf(v, f) }));
		const action = nodes
			.filter((n) => !isTrigger(n.file))
			.map(({ d }) =>
				d ? `${d.displayName} (${operationsOf(d).length} operations)` : '_not built_',
			)
			.join(', ');
		const trigger =
			nodes
				.filter((n) => isTrigger(n.file))
				.map(({ d }) =>
					d ? `${d.displayName} (${d.polling ? 'polling' : 'webhooks'})` : '_not built_',
				)
				.join(', ') || '—';
		const credential = v.distCredentials
			.map((f) => instanceOf(v, f)?.displayName || '_not built_')
			.join(', ');
		const api = v.apiDocs ? `[API docs](${v.apiDocs})` : '—';
		return `| ${cell(v.displayName)} | [\`${v.package}\`](${v.dirRel}/README.md) · [npm](https://www.npmjs.com/package/${v.package}) | ${cell(credential)} | ${cell(action)} | ${cell(trigger)} | ${api} |`;
	});
	return [
		'| Service | Package: manual · npm | Credential | Action node | Trigger | Vendor |',
		'| --- | --- | --- | --- | --- | --- |',
		...rows,
	].join('\n');
}

function render(readme) {
	const pStart = '<!-- packages:start -->';
	const pEnd = '<!-- packages:end -->';
	if (!readme.includes(pStart) || !readme.includes(pEnd))
		throw new Error(`README.md lacks the ${pStart} … ${pEnd} markers`);
	return `${readme.slice(0, readme.indexOf(pStart) + pStart.length)}\n${packagesTable()}\n${readme.slice(readme.indexOf(pEnd))}`;
}

// ------------------------------------------------------------------------------------------------
// Link check
// ------------------------------------------------------------------------------------------------

let gitAvailable;
/** In the repository: exists, inside the work tree, and not ignored by git (dist/, .cache/, …). */
function inRepository(abs) {
	if (!abs.startsWith(root + path.sep) && abs !== root) return false;
	if (!fs.existsSync(abs)) return false;
	if (gitAvailable === false) return true;
	const r = spawnSync('git', ['check-ignore', '-q', rel(abs)], { cwd: root });
	if (r.error || r.status === 128) {
		gitAvailable = false;
		return true;
	}
	gitAvailable = true;
	return r.status === 1;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const REPO_FILE = new RegExp(
	`^(?:${escape(REPO_URL)}/(?:blob|tree|raw|edit)/|https://raw\\.githubusercontent\\.com/${escape(REPO_URL.replace(/^https:\/\/github\.com\//, ''))}/)([^/]+)/([^?#]*)(?:\\?[^#]*)?(?:#(.*))?$`,
);
const REPO_HOME = new RegExp(`^${escape(REPO_URL)}/?(?:#(.*))?$`);

/** Problems with the links of one markdown file (`text` as it is or will be written). */
function checkLinks(file, text, texts = new Map()) {
	const problems = [];
	const slugsOf = (abs) =>
		headingSlugs(abs === file ? text : (texts.get(abs) ?? fs.readFileSync(abs, 'utf8'))).map(
			(h) => h.slug,
		);
	/** The file must be in the repository; an anchor into a markdown file must name one of its headings. */
	const target = (link, abs, anchor) => {
		// A generated file counts as there: it is written (or reported as missing) with the others.
		if (!texts.has(abs) && !inRepository(abs))
			return `${rel(file)}: ${link} → ${rel(abs)} is not in the repository`;
		if (anchor && abs.endsWith('.md') && !slugsOf(abs).includes(decodeURIComponent(anchor)))
			return `${rel(file)}: ${link} → no heading #${anchor} in ${rel(abs)}`;
		return undefined;
	};
	for (const link of linkTargets(text)) {
		if (link.includes('{{')) continue; // a template's placeholder
		let problem;
		const home = REPO_HOME.exec(link);
		const repoFile = REPO_FILE.exec(link);
		if (link.startsWith('#')) problem = target(link, file, link.slice(1));
		else if (home)
			problem = home[1] ? target(link, path.join(root, 'README.md'), home[1]) : undefined;
		else if (repoFile) {
			const [, ref, repoPath, anchor] = repoFile;
			problem =
				ref === BRANCH
					? target(link, path.join(root, decodeURIComponent(repoPath)), anchor)
					: `${rel(file)}: ${link} names the branch "${ref}", not ${BRANCH}`;
		} else if (isRelative(link)) {
			const [filePart, anchor] = link.split('#');
			const abs = path.resolve(path.dirname(file), decodeURIComponent(filePart.split('?')[0]));
			if (filePart) problem = target(link, abs, anchor);
		}
		if (problem) problems.push(problem);
	}
	return problems;
}

function markdownUnder(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const abs = path.join(dir, e.name);
		if (e.isDirectory()) return markdownUnder(abs);
		return e.name.endsWith('.md') ? [abs] : [];
	});
}

// ------------------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------------------

/** Every generated file: [{ file (absolute), current (or null), next }]. */
function generated() {
	const vendors = manifest.vendors();
	requireBuilt(vendors);
	const readmePath = path.join(root, 'README.md');
	const files = [{ file: readmePath, next: render(fs.readFileSync(readmePath, 'utf8')) }];
	for (const v of vendors)
		files.push({ file: path.join(v.dir, 'README.md'), next: packageReadme(v) });
	return files.map((f) => ({
		...f,
		current: fs.existsSync(f.file) ? fs.readFileSync(f.file, 'utf8') : null,
	}));
}

function firstDifference(current, next) {
	const a = current.split('\n');
	const b = next.split('\n');
	const line = a.findIndex((text, i) => text !== b[i]);
	const at = line === -1 ? a.length : line;
	return `first difference at line ${at + 1}:\n  - ${a[at] ?? '(end of file)'}\n  + ${b[at] ?? '(end of file)'}`;
}

function main(argv) {
	const check = argv.includes('--check');
	const files = generated();
	const problems = [];
	for (const { file, current, next } of files) {
		if (check) {
			if (current === null) problems.push(`${rel(file)} is missing: run \`npm run docs\``);
			else if (current !== next)
				problems.push(
					`${rel(file)} is out of date: run \`npm run docs\` (${firstDifference(current, next)})`,
				);
		} else if (current !== next) {
			fs.writeFileSync(file, next);
			console.log(`wrote ${rel(file)}`);
		}
	}
	const linked = [
		...files.map((f) => ({ file: f.file, text: f.next })),
		...markdownUnder(path.join(root, 'docs')).map((file) => ({
			file,
			text: fs.readFileSync(file, 'utf8'),
		})),
	];
	// Links are checked against the files as they will be written.
	const texts = new Map(linked.map((l) => [l.file, l.text]));
	for (const { file, text } of linked) problems.push(...checkLinks(file, text, texts));
	if (problems.length) {
		console.error(problems.map((p) => `✖ ${p}`).join('\n'));
		process.exit(1);
	}
	console.log(
		`${check ? 'Up to date' : 'Done'}: ${files.map((f) => rel(f.file)).join(', ')}; links of ${linked.length} markdown files point into the repository.`,
	);
}

if (require.main === module) {
	try {
		main(process.argv.slice(2));
	} catch (error) {
		console.error(`✖ ${error.message}`);
		process.exit(1);
	}
}

module.exports = {
	render,
	packagesTable,
	packageReadme,
	vendorDoc,
	omitSections,
	operationsTable,
	operationsOf,
	triggerEvents,
	checkLinks,
	linkTargets,
	headingSlugs,
};
