#!/usr/bin/env node
'use strict';
/**
 * Releases, one package at a time (changesets; docs/releasing.md).
 *
 *   npm run release:check        what would publish, as a dry run: build + pack, then the release plan (which
 *                                packages, which versions, their changelog entries), the checks below, and
 *                                `npm publish --dry-run` of each tarball that would go out
 *     --no-pack                  use the tarballs `npm run pack` (or `npm test`) left in artifacts/
 *     --plan                     the plan and the rules only (no tarballs; publish.yml's plan job)
 *     --github-output            also write the plan to $GITHUB_OUTPUT (bumps=<packages the pending
 *                                changesets bump>, publish=<json names of the packages to publish now>)
 *   node scripts/release.js --publish       CI only (publish.yml): `npm publish <tarball> --provenance --access
 *                                           public` for each package whose version is not on npm yet
 *   node scripts/release.js --tag-published '["name@1.2.3"]' [--push]
 *                                           CI only: the git tag <name>@<version> of each published version
 *   npm run version-packages     `changeset version` (versions, CHANGELOG.md, changesets consumed) and the
 *                                workspace versions in package-lock.json kept in step (the Version Packages PR)
 *
 * The packages are the npm workspaces of the root package.json: each public one is published on its own; a
 * private one (packages/shared) is compiled into every public package by `npm run build` and never published.
 *
 * Rules (errors fail the run):
 *   - shared-helper rule: when a private workspace package changed since a package's current version was
 *     released (its git tag <name>@<version>, else the commit that set the version) and no pending changeset
 *     bumps that package, the change would never reach its users: add a changeset that bumps it.
 *   - a changeset may name only public workspace packages (changesets silently drops a private one).
 *   - each tarball that would go out: name = the package's name, version = the package's own version, no
 *     runtime dependencies.
 * A version already on the registry is skipped; a 404 means "first publish". A registry that cannot be reached
 * is reported, not a crash (release:check goes on; --plan and --publish refuse to guess).
 *
 * Library (pure functions, tested in test/unit/release.test.ts): parseChangeset, pendingReleases,
 * bumpVersion, planRelease, changelogSection, checkPackedManifest, tarballFileName, distTagFor,
 * parseNpmView, syncLockVersions, formatPlan; and readWorkspace, releaseHistory (git, no network).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '..');
const REGISTRY = 'https://registry.npmjs.org/';
/** npm CLI from which trusted publishing (OIDC) works. */
const TRUSTED_PUBLISHING_NPM = '11.5.1';
const BUMPS = ['none', 'patch', 'minor', 'major'];
/** One quick retry instead of npm's default two slow ones (about 70 s per call when the registry is down). */
const QUICK_NETWORK = [
	'--fetch-retries=1',
	'--fetch-retry-mintimeout=2000',
	'--fetch-retry-maxtimeout=5000',
	'--fetch-timeout=30000',
];

const log = (m) => process.stderr.write(`[release] ${m}\n`);
const npmEnv = (extra = {}) => ({
	...process.env,
	npm_config_update_notifier: 'false',
	npm_config_fund: 'false',
	npm_config_audit: 'false',
	...extra,
});
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

// ---------------------------------------------------------------------------------------------------------
// Pure functions
// ---------------------------------------------------------------------------------------------------------

/** One `.changeset/<id>.md`: `{ id, releases: [{ name, type }], summary }` (throws on a malformed file). */
function parseChangeset(id, text) {
	const m = /^\uFEFF?\s*---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
	if (!m)
		throw new Error(`.changeset/${id}.md: no front matter (a "---" block naming the packages)`);
	const releases = [];
	for (const raw of m[1].split(/\r?\n/)) {
		const line = raw.trim();
		if (!line || line.startsWith('#')) continue;
		const r = /^(['"]?)([^'"]+?)\1\s*:\s*(['"]?)(major|minor|patch|none)\3$/.exec(line);
		if (!r)
			throw new Error(
				`.changeset/${id}.md: cannot read "${line}" (expected "<package>": major|minor|patch)`,
			);
		releases.push({ name: r[2], type: r[4] });
	}
	return { id, releases, summary: m[2].trim() };
}

/** `bumpVersion('0.1.0', 'patch')` → `0.1.1`; null for a prerelease (see `npx changeset status`). */
function bumpVersion(version, type) {
	const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
	if (!m) return null;
	const [major, minor, patch] = m.slice(1).map(Number);
	if (type === 'major') return `${major + 1}.0.0`;
	if (type === 'minor') return `${major}.${minor + 1}.0`;
	if (type === 'patch') return `${major}.${minor}.${patch + 1}`;
	return version;
}

/**
 * What the pending changesets release (as `changeset version` will): per public package the highest bump,
 * the next version and the changesets behind it. A changeset naming a private or unknown package is an error.
 */
function pendingReleases(changesets, packages) {
	const byName = new Map(packages.map((p) => [p.name, p]));
	const publicNames = packages.filter((p) => !p.private).map((p) => p.name);
	const bumps = new Map();
	const errors = [];
	for (const cs of changesets) {
		for (const { name, type } of cs.releases) {
			const pkg = byName.get(name);
			if (!pkg) {
				errors.push(
					`.changeset/${cs.id}.md names "${name}", which is not a package of this workspace ` +
						`(packages: ${publicNames.join(', ')})`,
				);
				continue;
			}
			if (pkg.private) {
				errors.push(
					`.changeset/${cs.id}.md names ${name}, which is never published (it is compiled into ` +
						`every package; changesets would drop this entry): name the packages that ship the ` +
						`change instead; for a change to ${pkg.dirRel}, every one of ${publicNames.join(', ')}`,
				);
				continue;
			}
			if (type === 'none') continue;
			const entry = bumps.get(name) || { name, type: 'none', from: pkg.version, changesets: [] };
			if (BUMPS.indexOf(type) > BUMPS.indexOf(entry.type)) entry.type = type;
			entry.changesets.push({ id: cs.id, summary: cs.summary });
			bumps.set(name, entry);
		}
	}
	for (const entry of bumps.values()) entry.to = bumpVersion(entry.from, entry.type);
	return { bumps, errors };
}

/** `npm publish` dist-tag: a prerelease (1.2.0-rc.1) goes to `next`, anything else to `latest`. */
const distTagFor = (version) => (version.includes('-') ? 'next' : 'latest');

/** The file `npm pack` writes for a package: `@scope/name` → `scope-name-1.0.0.tgz`. */
const tarballFileName = (name, version) =>
	`${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;

/** Problems with the package.json inside a tarball (empty when it may go out). */
function checkPackedManifest(pkg, expected) {
	const problems = [];
	if (pkg.name !== expected.name) problems.push(`holds ${pkg.name}, expected ${expected.name}`);
	if (pkg.version !== expected.version)
		problems.push(
			`has version ${pkg.version}, the package's own version is ${expected.version}: run \`npm run pack\``,
		);
	for (const field of ['dependencies', 'optionalDependencies', 'bundleDependencies']) {
		const value = pkg[field];
		const names = Array.isArray(value) ? value : Object.keys(value || {});
		if (names.length)
			problems.push(
				`has runtime ${field} (${names.join(', ')}): n8n verifies only packages without any`,
			);
	}
	return problems;
}

/**
 * `npm view <name> versions --json` → `{ status: 'found', versions }`, `{ status: 'missing' }` (E404: never
 * published) or `{ status: 'error', message }` (registry unreachable or another failure).
 */
function parseNpmView(exitCode, stdout, stderr = '') {
	let json;
	try {
		json = stdout && stdout.trim() ? JSON.parse(stdout) : undefined;
	} catch {
		json = undefined;
	}
	if (exitCode === 0 && json !== undefined) {
		if (typeof json === 'string') return { status: 'found', versions: [json] };
		if (Array.isArray(json)) return { status: 'found', versions: json };
	}
	const error = json && json.error;
	if (error && error.code === 'E404') return { status: 'missing' };
	const message = error
		? `${error.code || 'error'}: ${error.summary || ''}`.trim()
		: (stderr || stdout || `npm view exited with ${exitCode}`).trim().split('\n')[0];
	return { status: 'error', message };
}

/** The body of the `## <version>` section of a CHANGELOG.md (null when there is none). */
function changelogSection(text, version) {
	if (!text) return null;
	const lines = text.split(/\r?\n/);
	const esc = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const start = lines.findIndex((l) => new RegExp(`^##\\s+v?${esc}(\\s|$)`).test(l));
	if (start < 0) return null;
	let end = lines.findIndex((l, i) => i > start && /^##\s/.test(l));
	if (end < 0) end = lines.length;
	return lines
		.slice(start + 1, end)
		.join('\n')
		.trim();
}

/**
 * The release plan.
 *   packages    readWorkspace(): [{ name, version, private, dirRel }]
 *   registry    { [name]: parseNpmView() result }
 *   changesets  [parseChangeset() result]
 *   history     { [name]: releaseHistory() result } for the shared-helper rule, or null to skip the git rules
 *   changelogs  { [name]: CHANGELOG.md text } (optional)
 * → { publish, skip, pending, unchanged, errors, warnings, registryErrors, sharedDirs }
 */
function planRelease({ packages, registry, changesets, history = null, changelogs = {} }) {
	const published = packages.filter((p) => !p.private);
	const sharedDirs = packages.filter((p) => p.private).map((p) => p.dirRel);
	const { bumps, errors } = pendingReleases(changesets, packages);
	const warnings = [];
	const registryErrors = [];
	const publish = [];
	const skip = [];
	for (const p of published) {
		const reg = registry[p.name] || { status: 'error', message: 'not asked' };
		const h = history ? history[p.name] : null;
		const id = `${p.name}@${p.version}`;
		let released;
		if (reg.status === 'found' && reg.versions.includes(p.version)) {
			released = true;
			skip.push({ name: p.name, version: p.version, reason: 'already on npm' });
		} else if (reg.status === 'found' || reg.status === 'missing') {
			released = false;
			publish.push({
				name: p.name,
				version: p.version,
				dirRel: p.dirRel,
				firstPublish: reg.status === 'missing',
				distTag: distTagFor(p.version),
				reason: reg.status === 'missing' ? 'first publish (not on npm yet)' : 'new version',
				changelog: changelogSection(changelogs[p.name], p.version),
			});
		} else {
			registryErrors.push(`${p.name}: ${reg.message}`);
			// Only a git tag says it was released; without one, nothing is known.
			released = h && !h.error && h.tagged ? true : undefined;
			if (released) skip.push({ name: p.name, version: p.version, reason: `git tag ${id}` });
			else
				publish.push({
					name: p.name,
					version: p.version,
					dirRel: p.dirRel,
					firstPublish: undefined,
					distTag: distTagFor(p.version),
					reason: 'unknown: the registry could not be asked',
					changelog: changelogSection(changelogs[p.name], p.version),
				});
		}
		if (!history) continue;
		if (released === undefined) {
			warnings.push(
				`${id}: the shared-helper rule was not checked (registry unreachable and no git tag ${id})`,
			);
			continue;
		}
		if (!released) continue; // this version goes out from this commit: it ships the helper as it is now
		if (!h || h.error) {
			errors.push(
				`${id}: cannot tell what changed since it was released: ${(h && h.error) || 'no git history'}`,
			);
			continue;
		}
		if (bumps.has(p.name)) continue;
		if (h.shared.length)
			errors.push(
				`${sharedDirs.join(', ')} changed since ${id} was released (${h.baseLabel}): ` +
					`${listFiles(h.shared)}. The shared helper is compiled into every package, so ${p.name} ` +
					`ships the old one until it is released again: add a changeset that bumps ${p.name} ` +
					`(\`npx changeset\`; for a shared change, select every package).`,
			);
		if (h.own.length)
			warnings.push(
				`${p.dirRel} changed since ${id} was released (${h.baseLabel}): ${listFiles(h.own)}; ` +
					`no pending changeset releases it.`,
			);
	}
	const pending = [...bumps.values()];
	const unchanged = published.filter((p) => !bumps.has(p.name)).map((p) => p.name);
	return { publish, skip, pending, unchanged, errors, warnings, registryErrors, sharedDirs };
}

function listFiles(files, max = 5) {
	const shown = files.slice(0, max).join(', ');
	return files.length > max ? `${shown} and ${files.length - max} more` : shown;
}

const indent = (text, pad) =>
	text
		.split('\n')
		.map((l) => (l ? pad + l : l))
		.join('\n');

/** The plan as text for people. */
function formatPlan(plan) {
	const out = [];
	if (plan.publish.length) {
		out.push('Would publish now (the version in its package.json is not on npm):');
		for (const p of plan.publish) {
			out.push(`  ${p.name}@${p.version}  ${p.reason}, dist-tag ${p.distTag}`);
			out.push(
				p.changelog
					? indent(p.changelog, '      ')
					: `      (no "## ${p.version}" section in ${p.dirRel}/CHANGELOG.md)`,
			);
		}
	} else out.push('Would publish now: nothing (every package version is already released).');
	if (plan.skip.length)
		out.push(
			`Already released: ${plan.skip.map((s) => `${s.name}@${s.version} (${s.reason})`).join(', ')}`,
		);
	if (plan.pending.length) {
		out.push('Pending changesets (the Version Packages pull request releases them):');
		for (const r of plan.pending) {
			out.push(`  ${r.name}  ${r.from} → ${r.to || '(see npx changeset status)'}  (${r.type})`);
			for (const cs of r.changesets)
				out.push(
					`      - ${cs.summary.split('\n')[0] || '(no summary)'}  [.changeset/${cs.id}.md]`,
				);
		}
		if (plan.unchanged.length) out.push(`  not released by them: ${plan.unchanged.join(', ')}`);
	} else out.push('Pending changesets: none.');
	for (const e of plan.registryErrors) out.push(`Registry not reachable: ${e}`);
	for (const w of plan.warnings) out.push(`Warning: ${w}`);
	for (const e of plan.errors) out.push(`ERROR: ${e}`);
	return out.join('\n');
}

/**
 * package-lock.json records each workspace package's version (`"packages/<dir>": { "version": … }`);
 * `changeset version` does not touch it. Set those versions in place (the file's formatting kept).
 */
function syncLockVersions(lockText, entries) {
	let text = lockText;
	const missing = [];
	for (const { dirRel, version } of entries) {
		const key = dirRel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const re = new RegExp(`("${key}"\\s*:\\s*\\{\\s*"version"\\s*:\\s*")([^"]*)(")`);
		if (!re.test(text)) missing.push(dirRel);
		else text = text.replace(re, (_, a, _old, c) => `${a}${version}${c}`);
	}
	return { text, missing };
}

// ---------------------------------------------------------------------------------------------------------
// Reading the repository, git, npm
// ---------------------------------------------------------------------------------------------------------

/** The workspace packages of the root package.json: [{ name, version, private, dirRel, dir }]. */
function readWorkspace(root = REPO) {
	const rootPkg = readJson(path.join(root, 'package.json'));
	const patterns = Array.isArray(rootPkg.workspaces)
		? rootPkg.workspaces
		: (rootPkg.workspaces && rootPkg.workspaces.packages) || [];
	const dirs = [];
	for (const pattern of patterns) {
		const clean = pattern.replace(/\/+$/, '');
		if (clean.endsWith('/*')) {
			const base = clean.slice(0, -2);
			const abs = path.join(root, base);
			if (!fs.existsSync(abs)) continue;
			for (const e of fs
				.readdirSync(abs, { withFileTypes: true })
				.sort((a, b) => a.name.localeCompare(b.name)))
				if (e.isDirectory() && fs.existsSync(path.join(abs, e.name, 'package.json')))
					dirs.push(`${base}/${e.name}`);
		} else if (!/[*?{[]/.test(clean)) dirs.push(clean);
		else
			throw new Error(
				`package.json workspaces: "${pattern}" is not supported (use "dir/*" or a folder)`,
			);
	}
	return dirs.map((dirRel) => {
		const pkg = readJson(path.join(root, dirRel, 'package.json'));
		return {
			name: pkg.name,
			version: pkg.version,
			private: pkg.private === true,
			dirRel,
			dir: path.join(root, dirRel),
		};
	});
}

function readChangesets(root = REPO) {
	const dir = path.join(root, '.changeset');
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
		.sort()
		.map((f) => parseChangeset(f.slice(0, -3), fs.readFileSync(path.join(dir, f), 'utf8')));
}

function readChangelogs(packages) {
	const out = {};
	for (const p of packages) {
		const file = path.join(p.dir, 'CHANGELOG.md');
		if (fs.existsSync(file)) out[p.name] = fs.readFileSync(file, 'utf8');
	}
	return out;
}

function git(root, args) {
	const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
	return { ok: r.status === 0, out: (r.stdout || '').trim(), err: (r.stderr || '').trim() };
}

/** Files under the given folders that differ from `base` (committed since, or uncommitted, or untracked). */
function changedSince(root, base, dirs) {
	if (!dirs.length) return [];
	const diff = git(root, ['diff', '--name-only', base, '--', ...dirs]);
	if (!diff.ok) throw new Error(`git diff ${base}: ${diff.err}`);
	const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '--', ...dirs]);
	const files = [diff.out, untracked.ok ? untracked.out : '']
		.join('\n')
		.split('\n')
		.filter(Boolean);
	return [...new Set(files)].sort();
}

/**
 * Where a package's current version was released, and what changed since, from git alone:
 *   base  the commit of the tag <name>@<version> (publish.yml tags what it publishes), else the last commit
 *         that set "version" in the package's package.json
 *   → { tagged, base, baseLabel, shared: [files in private workspace packages], own: [files in the package] }
 *     or { error } (no git, a shallow clone, an uncommitted package)
 */
function releaseHistory(root, pkg, sharedDirs) {
	const shallow = git(root, ['rev-parse', '--is-shallow-repository']);
	if (!shallow.ok) return { error: `not a git repository (${shallow.err.split('\n')[0]})` };
	if (shallow.out === 'true')
		return { error: 'the git history is shallow (CI: actions/checkout with fetch-depth: 0)' };
	const tag = `${pkg.name}@${pkg.version}`;
	const tagged = git(root, ['rev-parse', '-q', '--verify', `refs/tags/${tag}^{commit}`]);
	let base;
	let baseLabel;
	if (tagged.ok && tagged.out) {
		base = tagged.out;
		baseLabel = `git tag ${tag}`;
	} else {
		const set = git(root, [
			'log',
			'-n1',
			'--format=%H',
			'-G"version"',
			'--',
			`${pkg.dirRel}/package.json`,
		]);
		if (!set.ok || !set.out)
			return { error: `${pkg.dirRel}/package.json has no commit that sets its version` };
		base = set.out;
		baseLabel = `no git tag ${tag}; since commit ${base.slice(0, 7)}, which set the version`;
	}
	try {
		const shared = changedSince(root, base, sharedDirs).filter(
			(f) => !/(^|\/)package\.json$|\.md$/i.test(f),
		);
		const own = changedSince(root, base, [pkg.dirRel]);
		return { tagged: Boolean(tagged.ok && tagged.out), base, baseLabel, shared, own };
	} catch (e) {
		return { error: e.message };
	}
}

function queryRegistry(name) {
	const r = spawnSync('npm', ['view', name, 'versions', '--json', ...QUICK_NETWORK], {
		cwd: REPO,
		encoding: 'utf8',
		env: npmEnv(),
		timeout: 90_000,
	});
	if (r.error) return { status: 'error', message: r.error.message };
	return parseNpmView(r.status, r.stdout, r.stderr);
}

function packedManifest(tarball) {
	const r = spawnSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' });
	if (r.status !== 0)
		throw new Error(`cannot read package/package.json in ${tarball}: ${r.stderr}`);
	return JSON.parse(r.stdout);
}

function versionAtLeast(actual, wanted) {
	const a = actual.split('.').map((n) => parseInt(n, 10) || 0);
	const w = wanted.split('.').map(Number);
	for (let i = 0; i < 3; i++) if (a[i] !== w[i]) return a[i] > w[i];
	return true;
}

function writeGithubOutput(values) {
	const file = process.env.GITHUB_OUTPUT;
	if (!file) throw new Error('--github-output: $GITHUB_OUTPUT is not set (GitHub Actions only)');
	fs.appendFileSync(
		file,
		Object.entries(values)
			.map(([k, v]) => `${k}=${v}\n`)
			.join(''),
	);
}

// ---------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------

/** Public workspace packages and vendors.json must list the same packages (pack.js packs the manifest's). */
function manifestProblems(packages) {
	const manifest = require('./lib/vendors');
	const inManifest = new Set(manifest.vendors().map((v) => v.package));
	const published = packages.filter((p) => !p.private).map((p) => p.name);
	const problems = [];
	for (const n of published)
		if (!inManifest.has(n))
			problems.push(
				`${n} is a public workspace package but not in vendors.json: it would not be packed`,
			);
	for (const n of inManifest)
		if (!published.includes(n))
			problems.push(`vendors.json lists ${n}, which is not a public workspace package`);
	return problems;
}

function loadPlan({ withHistory }) {
	const packages = readWorkspace();
	const registry = {};
	for (const p of packages.filter((x) => !x.private)) registry[p.name] = queryRegistry(p.name);
	let history = null;
	if (withHistory) {
		history = {};
		const sharedDirs = packages.filter((p) => p.private).map((p) => p.dirRel);
		for (const p of packages.filter((x) => !x.private))
			history[p.name] = releaseHistory(REPO, p, sharedDirs);
	}
	const plan = planRelease({
		packages,
		registry,
		changesets: readChangesets(),
		history,
		changelogs: readChangelogs(packages),
	});
	plan.errors.unshift(...manifestProblems(packages));
	return { packages, plan };
}

function tarballOf(entry, artifacts) {
	return path.join(artifacts, tarballFileName(entry.name, entry.version));
}

function checkTarballs(plan, artifacts) {
	const problems = [];
	for (const p of plan.publish) {
		const tarball = tarballOf(p, artifacts);
		if (!fs.existsSync(tarball)) {
			problems.push(`${path.relative(REPO, tarball)} is missing: run \`npm run pack\``);
			continue;
		}
		for (const problem of checkPackedManifest(packedManifest(tarball), p))
			problems.push(`${path.basename(tarball)} ${problem}`);
	}
	return problems;
}

function check(args) {
	const planOnly = args.includes('--plan');
	const strict = args.includes('--github-output');
	const { plan } = loadPlan({ withHistory: true });
	if (strict)
		plan.errors.push(
			...plan.registryErrors.map((e) => `the registry must answer to plan a release: ${e}`),
		);
	const artifacts = path.join(REPO, 'artifacts');
	process.stdout.write(`${formatPlan(plan)}\n`);
	if (strict)
		writeGithubOutput({
			bumps: String(plan.pending.length),
			publish: JSON.stringify(plan.publish.map((p) => p.name)),
		});
	if (plan.errors.length) {
		log(`FAILED: ${plural(plan.errors.length, 'error')} (above)`);
		return 1;
	}
	if (planOnly || !plan.publish.length) return 0;

	if (!args.includes('--no-pack')) {
		log('npm run pack (build, then one tarball per package)');
		const r = spawnSync(process.execPath, [path.join(__dirname, 'pack.js')], {
			cwd: REPO,
			stdio: ['ignore', process.stderr, process.stderr],
		});
		if (r.status !== 0) {
			log('FAILED: npm run pack');
			return 1;
		}
	}
	const problems = checkTarballs(plan, artifacts);
	for (const p of problems) log(`ERROR: ${p}`);
	if (problems.length) return 1;
	let failed = 0;
	for (const p of plan.publish) {
		const tarball = tarballOf(p, artifacts);
		const argv = ['publish', tarball, '--dry-run', '--access', 'public', '--tag', p.distTag];
		argv.push(...QUICK_NETWORK);
		const r = spawnSync('npm', argv, { cwd: REPO, encoding: 'utf8', env: npmEnv() });
		const out = `${r.stdout || ''}${r.stderr || ''}`;
		if (r.status !== 0) {
			failed++;
			log(`ERROR: npm publish --dry-run ${p.name}@${p.version}:\n${out.slice(-3000)}`);
			continue;
		}
		const files = /total files:\s*(\d+)/.exec(out);
		const size = /package size:\s*([^\n]+)/.exec(out);
		log(
			`npm publish ${path.relative(REPO, tarball)} --dry-run --access public --tag ${p.distTag}: ok` +
				`${files ? `, ${files[1]} files` : ''}${size ? `, ${size[1].trim()}` : ''}`,
		);
	}
	if (failed) return 1;
	log(
		`dry run ok: ${plural(plan.publish.length, 'package')} would be published` +
			(plan.registryErrors.length ? ' (registry not reachable: see above)' : ''),
	);
	return 0;
}

function publish(args) {
	const { plan } = loadPlan({ withHistory: false });
	process.stdout.write(`${formatPlan(plan)}\n`);
	const errors = [...plan.errors];
	for (const e of plan.registryErrors)
		errors.push(`the registry must answer before publishing anything: ${e}`);
	const artifacts = path.join(REPO, 'artifacts');
	errors.push(...checkTarballs(plan, artifacts));
	const token = process.env.NPM_TOKEN || '';
	if (!token) {
		const npmVersion = spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.trim();
		if (!versionAtLeast(npmVersion, TRUSTED_PUBLISHING_NPM))
			errors.push(
				`npm ${npmVersion} cannot use trusted publishing (needs ${TRUSTED_PUBLISHING_NPM}+: Node 24)`,
			);
		for (const p of plan.publish.filter((x) => x.firstPublish))
			errors.push(
				`${p.name} is not on npm yet: trusted publishing can only be set up for a package that exists, ` +
					`so its first version needs the NPM_TOKEN secret once (docs/releasing.md)`,
			);
	}
	if (errors.length) {
		for (const e of errors) log(`ERROR: ${e}`);
		log('FAILED: nothing was published');
		if (args.includes('--github-output')) writeGithubOutput({ published: '[]' });
		return 1;
	}
	let userconfig;
	if (token) {
		// A throw-away user config for the npm child processes only; removed below, never printed.
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-release-'));
		userconfig = path.join(dir, 'npmrc');
		fs.writeFileSync(
			userconfig,
			`//${REGISTRY.replace(/^https?:\/\//, '')}:_authToken=${token}\n`,
			{
				mode: 0o600,
			},
		);
	}
	const done = [];
	let failed = 0;
	try {
		for (const p of plan.publish) {
			const tarball = tarballOf(p, artifacts);
			const argv = ['publish', tarball, '--provenance', '--access', 'public', '--tag', p.distTag];
			log(`npm ${argv.map((a) => (a === tarball ? path.relative(REPO, a) : a)).join(' ')}`);
			const env = npmEnv(userconfig ? { NPM_CONFIG_USERCONFIG: userconfig } : {});
			const r = spawnSync('npm', argv, { cwd: REPO, encoding: 'utf8', env });
			const out = `${r.stdout || ''}${r.stderr || ''}`;
			if (r.status !== 0) {
				failed++;
				log(`ERROR: npm publish ${p.name}@${p.version} failed:\n${out.slice(-3000)}`);
				continue;
			}
			done.push(`${p.name}@${p.version}`);
			log(`published ${p.name}@${p.version} (dist-tag ${p.distTag})`);
		}
	} finally {
		if (userconfig) fs.rmSync(path.dirname(userconfig), { recursive: true, force: true });
	}
	if (args.includes('--github-output')) writeGithubOutput({ published: JSON.stringify(done) });
	log(
		`published ${plural(done.length, 'package')}` +
			(plan.skip.length ? `; ${plan.skip.length} already on npm` : '') +
			(failed ? `; ${failed} FAILED (re-run: what is on npm is skipped)` : ''),
	);
	return failed ? 1 : 0;
}

/** Tag each published `name@version` at HEAD (what publish.yml published from), then push the new tags. */
function tagPublished(list, push) {
	const names = new Set(
		readWorkspace()
			.filter((p) => !p.private)
			.map((p) => p.name),
	);
	const created = [];
	for (const id of list) {
		const m = /^(.+)@(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(id);
		if (!m || !names.has(m[1]))
			throw new Error(`--tag-published: "${id}" is not <package>@<version>`);
		if (git(REPO, ['rev-parse', '-q', '--verify', `refs/tags/${id}`]).ok) {
			log(`git tag ${id} exists: kept`);
			continue;
		}
		const r = git(REPO, ['tag', id, 'HEAD']);
		if (!r.ok) throw new Error(`git tag ${id}: ${r.err}`);
		created.push(id);
		log(`git tag ${id}`);
	}
	if (push && created.length) {
		const r = git(REPO, ['push', 'origin', ...created.map((t) => `refs/tags/${t}`)]);
		if (!r.ok) throw new Error(`git push of the tags: ${r.err}`);
		log(`pushed ${created.join(', ')}`);
	}
	return 0;
}

/** `changeset version`, then the workspace versions in package-lock.json. */
function versionPackages() {
	const before = new Map(readWorkspace().map((p) => [p.dirRel, p.version]));
	const cli = path.join(REPO, 'node_modules', '@changesets', 'cli', 'bin.js');
	const r = spawnSync(process.execPath, [cli, 'version'], { cwd: REPO, stdio: 'inherit' });
	if (r.status !== 0) throw new Error('changeset version failed');
	const bumped = readWorkspace().filter((p) => before.get(p.dirRel) !== p.version);
	const lockFile = path.join(REPO, 'package-lock.json');
	if (bumped.length && fs.existsSync(lockFile)) {
		const { text, missing } = syncLockVersions(fs.readFileSync(lockFile, 'utf8'), bumped);
		if (missing.length)
			throw new Error(`package-lock.json has no entry for ${missing.join(', ')}: run npm install`);
		fs.writeFileSync(lockFile, text);
	}
	for (const p of bumped) log(`${p.name}: ${before.get(p.dirRel)} → ${p.version}`);
	if (!bumped.length) log('no pending changeset bumps a package');
	return 0;
}

function main(args) {
	if (args[0] === 'version') return versionPackages();
	const tagAt = args.indexOf('--tag-published');
	if (tagAt >= 0) return tagPublished(JSON.parse(args[tagAt + 1] || '[]'), args.includes('--push'));
	if (args.includes('--publish')) return publish(args);
	return check(args);
}

module.exports = {
	parseChangeset,
	bumpVersion,
	pendingReleases,
	distTagFor,
	tarballFileName,
	checkPackedManifest,
	parseNpmView,
	changelogSection,
	planRelease,
	formatPlan,
	syncLockVersions,
	readWorkspace,
	releaseHistory,
};

if (require.main === module) {
	try {
		process.exitCode = main(process.argv.slice(2));
	} catch (e) {
		log(`FAILED: ${e.message}`);
		process.exitCode = 1;
	}
}
