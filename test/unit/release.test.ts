/**
 * The release logic of scripts/release.js: changesets read, the release plan (what publishes, what waits for
 * the Version Packages pull request) and the shared-helper rule (a change under a private workspace package
 * must release every package it is compiled into). Pure functions, plus git in a temporary repository; no
 * network.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const release = require('../../scripts/release.js');

const REPO = path.resolve(__dirname, '..', '..');

const pkg = (name: string, version = '0.1.0', priv = false) => ({
	name,
	version,
	private: priv,
	dirRel: priv ? 'packages/shared' : `packages/${name}`,
});
const BLIKK = pkg('n8n-nodes-psa-blikk');
const CENNO = pkg('n8n-nodes-psa-cenno', '0.2.0');
const SHARED = pkg('@n8n-nodes-psa/shared', '0.0.0', true);
const PACKAGES = [BLIKK, CENNO, SHARED];

const found = (...versions: string[]) => ({ status: 'found', versions });
const MISSING = { status: 'missing' };
const history = (over: Record<string, unknown> = {}) => ({
	tagged: true,
	base: 'abc1234',
	baseLabel: 'git tag x',
	shared: [],
	own: [],
	...over,
});
const changeset = (id: string, releases: Record<string, string>, summary = `fix ${id}`) => ({
	id,
	releases: Object.entries(releases).map(([name, type]) => ({ name, type })),
	summary,
});

describe('parseChangeset', () => {
	it('reads the packages, their bumps and the summary, whatever the quoting', () => {
		const text = [
			'---',
			"'n8n-nodes-psa-blikk': patch",
			'"n8n-nodes-psa-cenno": minor',
			'n8n-nodes-psa-smenso: major',
			'---',
			'',
			'Blikk: time reports keep their attest state.',
			'',
			'Second paragraph.',
		].join('\n');
		expect(release.parseChangeset('brave-cats', text)).toEqual({
			id: 'brave-cats',
			releases: [
				{ name: 'n8n-nodes-psa-blikk', type: 'patch' },
				{ name: 'n8n-nodes-psa-cenno', type: 'minor' },
				{ name: 'n8n-nodes-psa-smenso', type: 'major' },
			],
			summary: 'Blikk: time reports keep their attest state.\n\nSecond paragraph.',
		});
	});

	it('accepts an empty changeset (`changeset add --empty`) and CRLF line ends', () => {
		expect(release.parseChangeset('empty', '---\n---\n')).toEqual({
			id: 'empty',
			releases: [],
			summary: '',
		});
		expect(
			release.parseChangeset('crlf', "---\r\n'n8n-nodes-psa-blikk': patch\r\n---\r\n\r\nFix\r\n")
				.releases,
		).toEqual([{ name: 'n8n-nodes-psa-blikk', type: 'patch' }]);
	});

	it('names the file and the line it cannot read', () => {
		expect(() => release.parseChangeset('x', 'no front matter')).toThrow(
			'.changeset/x.md: no front matter',
		);
		expect(() =>
			release.parseChangeset('y', "---\n'n8n-nodes-psa-blikk': huge\n---\nsummary"),
		).toThrow(`.changeset/y.md: cannot read "'n8n-nodes-psa-blikk': huge"`);
	});
});

describe('bumpVersion', () => {
	it('bumps like changesets: patch, minor, major; none keeps the version', () => {
		expect(release.bumpVersion('0.1.0', 'patch')).toBe('0.1.1');
		expect(release.bumpVersion('0.1.9', 'minor')).toBe('0.2.0');
		expect(release.bumpVersion('0.4.2', 'major')).toBe('1.0.0');
		expect(release.bumpVersion('1.2.3', 'none')).toBe('1.2.3');
	});

	it('leaves prereleases to `changeset status` (null)', () => {
		expect(release.bumpVersion('1.0.0-rc.1', 'patch')).toBeNull();
	});
});

describe('pendingReleases', () => {
	it('takes the highest bump per package and keeps every changeset behind it', () => {
		const { bumps, errors } = release.pendingReleases(
			[
				changeset('a', { 'n8n-nodes-psa-blikk': 'patch' }),
				changeset('b', { 'n8n-nodes-psa-blikk': 'minor', 'n8n-nodes-psa-cenno': 'none' }),
			],
			PACKAGES,
		);
		expect(errors).toEqual([]);
		expect([...bumps.keys()]).toEqual(['n8n-nodes-psa-blikk']);
		expect(bumps.get('n8n-nodes-psa-blikk')).toEqual({
			name: 'n8n-nodes-psa-blikk',
			type: 'minor',
			from: '0.1.0',
			to: '0.2.0',
			changesets: [
				{ id: 'a', summary: 'fix a' },
				{ id: 'b', summary: 'fix b' },
			],
		});
	});

	it('refuses a changeset naming the private shared package (changesets would drop it silently)', () => {
		const { bumps, errors } = release.pendingReleases(
			[changeset('shared-fix', { '@n8n-nodes-psa/shared': 'patch' })],
			PACKAGES,
		);
		expect(bumps.size).toBe(0);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toContain('.changeset/shared-fix.md names @n8n-nodes-psa/shared');
		expect(errors[0]).toContain('every one of n8n-nodes-psa-blikk, n8n-nodes-psa-cenno');
	});

	it('refuses a package that is not in the workspace', () => {
		const { errors } = release.pendingReleases(
			[changeset('typo', { 'n8n-nodes-psa-blik': 'patch' })],
			PACKAGES,
		);
		expect(errors).toEqual([
			'.changeset/typo.md names "n8n-nodes-psa-blik", which is not a package of this workspace ' +
				'(packages: n8n-nodes-psa-blikk, n8n-nodes-psa-cenno)',
		]);
	});
});

describe('planRelease: what would publish', () => {
	it('publishes a version npm does not have (404: first publish), skips one it has', () => {
		const plan = release.planRelease({
			packages: PACKAGES,
			registry: { 'n8n-nodes-psa-blikk': MISSING, 'n8n-nodes-psa-cenno': found('0.1.0', '0.2.0') },
			changesets: [],
			changelogs: {
				'n8n-nodes-psa-blikk': '# n8n-nodes-psa-blikk\n\n## 0.1.0\n\nFirst release.\n',
			},
		});
		expect(plan.errors).toEqual([]);
		expect(plan.publish).toEqual([
			{
				name: 'n8n-nodes-psa-blikk',
				version: '0.1.0',
				dirRel: 'packages/n8n-nodes-psa-blikk',
				firstPublish: true,
				distTag: 'latest',
				reason: 'first publish (not on npm yet)',
				changelog: 'First release.',
			},
		]);
		expect(plan.skip).toEqual([
			{ name: 'n8n-nodes-psa-cenno', version: '0.2.0', reason: 'already on npm' },
		]);
		expect(plan.sharedDirs).toEqual(['packages/shared']);
	});

	it('publishes a new version of one package only: the one whose version npm lacks', () => {
		const plan = release.planRelease({
			packages: [pkg('n8n-nodes-psa-blikk', '0.1.1'), CENNO, SHARED],
			registry: { 'n8n-nodes-psa-blikk': found('0.1.0'), 'n8n-nodes-psa-cenno': found('0.2.0') },
			changesets: [],
		});
		expect(plan.publish.map((p: { name: string }) => p.name)).toEqual(['n8n-nodes-psa-blikk']);
		expect(plan.publish[0]).toMatchObject({ firstPublish: false, reason: 'new version' });
		expect(plan.skip.map((p: { name: string }) => p.name)).toEqual(['n8n-nodes-psa-cenno']);
	});

	it('sends a prerelease to the next dist-tag', () => {
		const plan = release.planRelease({
			packages: [pkg('n8n-nodes-psa-blikk', '1.0.0-rc.1')],
			registry: { 'n8n-nodes-psa-blikk': found('0.1.0') },
			changesets: [],
		});
		expect(plan.publish[0].distTag).toBe('next');
	});

	it('lists what the pending changesets release and what they leave alone', () => {
		const plan = release.planRelease({
			packages: PACKAGES,
			registry: { 'n8n-nodes-psa-blikk': found('0.1.0'), 'n8n-nodes-psa-cenno': found('0.2.0') },
			changesets: [changeset('x', { 'n8n-nodes-psa-blikk': 'patch' })],
		});
		expect(plan.publish).toEqual([]);
		expect(plan.pending).toEqual([
			expect.objectContaining({ name: 'n8n-nodes-psa-blikk', from: '0.1.0', to: '0.1.1' }),
		]);
		expect(plan.unchanged).toEqual(['n8n-nodes-psa-cenno']);
		const text = release.formatPlan(plan);
		expect(text).toContain('Would publish now: nothing');
		expect(text).toContain('n8n-nodes-psa-blikk  0.1.0 → 0.1.1  (patch)');
		expect(text).toContain('- fix x  [.changeset/x.md]');
		expect(text).toContain('not released by them: n8n-nodes-psa-cenno');
	});

	it('reports an unreachable registry instead of failing, and treats a git-tagged version as released', () => {
		const plan = release.planRelease({
			packages: PACKAGES,
			registry: {
				'n8n-nodes-psa-blikk': { status: 'error', message: 'ECONNREFUSED: connect' },
				'n8n-nodes-psa-cenno': { status: 'error', message: 'ECONNREFUSED: connect' },
			},
			changesets: [],
			history: {
				'n8n-nodes-psa-blikk': history({ tagged: true }),
				'n8n-nodes-psa-cenno': history({ tagged: false }),
			},
		});
		expect(plan.errors).toEqual([]);
		expect(plan.registryErrors).toEqual([
			'n8n-nodes-psa-blikk: ECONNREFUSED: connect',
			'n8n-nodes-psa-cenno: ECONNREFUSED: connect',
		]);
		expect(plan.skip).toEqual([
			{
				name: 'n8n-nodes-psa-blikk',
				version: '0.1.0',
				reason: 'git tag n8n-nodes-psa-blikk@0.1.0',
			},
		]);
		expect(plan.publish).toEqual([
			expect.objectContaining({
				name: 'n8n-nodes-psa-cenno',
				reason: 'unknown: the registry could not be asked',
			}),
		]);
		expect(plan.warnings).toEqual([
			'n8n-nodes-psa-cenno@0.2.0: the shared-helper rule was not checked (registry unreachable and ' +
				'no git tag n8n-nodes-psa-cenno@0.2.0)',
		]);
		expect(release.formatPlan(plan)).toContain(
			'Registry not reachable: n8n-nodes-psa-blikk: ECONNREFUSED',
		);
	});
});

describe('planRelease: the shared-helper rule', () => {
	const released = { 'n8n-nodes-psa-blikk': found('0.1.0'), 'n8n-nodes-psa-cenno': found('0.2.0') };
	const sharedChanged = history({ shared: ['packages/shared/kit.ts', 'packages/shared/retry.ts'] });

	it('fails for every released package that a pending changeset does not bump', () => {
		const plan = release.planRelease({
			packages: PACKAGES,
			registry: released,
			changesets: [changeset('blikk-only', { 'n8n-nodes-psa-blikk': 'patch' })],
			history: { 'n8n-nodes-psa-blikk': sharedChanged, 'n8n-nodes-psa-cenno': sharedChanged },
		});
		expect(plan.errors).toHaveLength(1);
		expect(plan.errors[0]).toMatch(/^packages\/shared changed since n8n-nodes-psa-cenno@0\.2\.0 /);
		expect(plan.errors[0]).toContain('packages/shared/kit.ts, packages/shared/retry.ts');
		expect(plan.errors[0]).toContain('add a changeset that bumps n8n-nodes-psa-cenno');
		expect(plan.errors[0]).not.toContain('bumps n8n-nodes-psa-blikk');
	});

	it('passes once a changeset bumps every package', () => {
		const plan = release.planRelease({
			packages: PACKAGES,
			registry: released,
			changesets: [
				changeset('all', { 'n8n-nodes-psa-blikk': 'patch', 'n8n-nodes-psa-cenno': 'patch' }),
			],
			history: { 'n8n-nodes-psa-blikk': sharedChanged, 'n8n-nodes-psa-cenno': sharedChanged },
		});
		expect(plan.errors).toEqual([]);
	});

	it('does not apply to a version that is not released yet (it goes out with the helper as it is now)', () => {
		const plan = release.planRelease({
			packages: PACKAGES,
			registry: { 'n8n-nodes-psa-blikk': MISSING, 'n8n-nodes-psa-cenno': found('0.1.0') },
			changesets: [],
			history: { 'n8n-nodes-psa-blikk': sharedChanged, 'n8n-nodes-psa-cenno': sharedChanged },
		});
		expect(plan.errors).toEqual([]);
		expect(plan.publish.map((p: { name: string }) => p.name)).toEqual([
			'n8n-nodes-psa-blikk',
			'n8n-nodes-psa-cenno',
		]);
	});

	it('only warns about a package whose own folder changed without a changeset', () => {
		const plan = release.planRelease({
			packages: PACKAGES,
			registry: released,
			changesets: [],
			history: {
				'n8n-nodes-psa-blikk': history({ own: ['packages/n8n-nodes-psa-blikk/README.md'] }),
				'n8n-nodes-psa-cenno': history(),
			},
		});
		expect(plan.errors).toEqual([]);
		expect(plan.warnings).toHaveLength(1);
		expect(plan.warnings[0]).toContain(
			'packages/n8n-nodes-psa-blikk changed since n8n-nodes-psa-blikk@0.1.0 was released',
		);
	});

	it('fails when the history of a released package cannot be read (a shallow clone)', () => {
		const plan = release.planRelease({
			packages: PACKAGES,
			registry: released,
			changesets: [],
			history: {
				'n8n-nodes-psa-blikk': { error: 'the git history is shallow' },
				'n8n-nodes-psa-cenno': history(),
			},
		});
		expect(plan.errors).toEqual([
			'n8n-nodes-psa-blikk@0.1.0: cannot tell what changed since it was released: the git history is shallow',
		]);
	});

	it('is skipped when no history is given (publishing from CI checks the tarballs only)', () => {
		const plan = release.planRelease({
			packages: PACKAGES,
			registry: released,
			changesets: [],
			history: null,
		});
		expect(plan.errors).toEqual([]);
		expect(plan.warnings).toEqual([]);
	});
});

describe('tarballs and changelogs', () => {
	it('checks name, own version and no runtime dependencies of the packed package.json', () => {
		const expected = { name: 'n8n-nodes-psa-blikk', version: '0.1.1' };
		expect(
			release.checkPackedManifest({ ...expected, peerDependencies: { a: '*' } }, expected),
		).toEqual([]);
		expect(
			release.checkPackedManifest(
				{ name: 'n8n-nodes-psa-cenno', version: '0.1.0', dependencies: { luxon: '^3' } },
				expected,
			),
		).toEqual([
			'holds n8n-nodes-psa-cenno, expected n8n-nodes-psa-blikk',
			"has version 0.1.0, the package's own version is 0.1.1: run `npm run pack`",
			'has runtime dependencies (luxon): n8n verifies only packages without any',
		]);
	});

	it('names tarballs as npm pack does', () => {
		expect(release.tarballFileName('n8n-nodes-psa-blikk', '0.1.0')).toBe(
			'n8n-nodes-psa-blikk-0.1.0.tgz',
		);
		expect(release.tarballFileName('@scope/pkg', '1.0.0')).toBe('scope-pkg-1.0.0.tgz');
	});

	it('reads the changelog section of one version only', () => {
		const text = [
			'# n8n-nodes-psa-blikk',
			'',
			'## 0.2.0',
			'',
			'### Minor Changes',
			'',
			'- abc1234: New operation.',
			'',
			'## 0.1.0',
			'',
			'First release.',
		].join('\n');
		expect(release.changelogSection(text, '0.2.0')).toBe(
			'### Minor Changes\n\n- abc1234: New operation.',
		);
		expect(release.changelogSection(text, '0.1.0')).toBe('First release.');
		expect(release.changelogSection(text, '0.1')).toBeNull();
		expect(release.changelogSection(undefined, '0.1.0')).toBeNull();
	});
});

describe('parseNpmView', () => {
	it('tells found, never published (404) and unreachable apart', () => {
		expect(release.parseNpmView(0, '[\n  "0.1.0",\n  "0.1.1"\n]\n')).toEqual(
			found('0.1.0', '0.1.1'),
		);
		expect(release.parseNpmView(0, '"0.1.0"\n')).toEqual(found('0.1.0'));
		expect(
			release.parseNpmView(1, '{"error":{"code":"E404","summary":"Not Found - GET https://…"}}'),
		).toEqual(MISSING);
		expect(
			release.parseNpmView(
				1,
				'{"error":{"code":"ECONNREFUSED","summary":"request to http://127.0.0.1:9/x failed"}}',
			),
		).toEqual({ status: 'error', message: 'ECONNREFUSED: request to http://127.0.0.1:9/x failed' });
		expect(release.parseNpmView(1, '', 'npm error network timeout\nmore')).toEqual({
			status: 'error',
			message: 'npm error network timeout',
		});
	});
});

describe('syncLockVersions', () => {
	it('sets the workspace versions in package-lock.json and nothing else', () => {
		const lock = [
			'{',
			'  "packages": {',
			'    "node_modules/n8n-nodes-psa-blikk": {',
			'      "resolved": "packages/n8n-nodes-psa-blikk",',
			'      "link": true',
			'    },',
			'    "packages/n8n-nodes-psa-blikk": {',
			'      "version": "0.1.0",',
			'      "license": "MIT"',
			'    },',
			'    "packages/n8n-nodes-psa-cenno": {',
			'      "version": "0.1.0"',
			'    }',
			'  }',
			'}',
		].join('\n');
		const { text, missing } = release.syncLockVersions(lock, [
			{ dirRel: 'packages/n8n-nodes-psa-blikk', version: '0.1.1' },
			{ dirRel: 'packages/n8n-nodes-psa-smenso', version: '0.2.0' },
		]);
		expect(missing).toEqual(['packages/n8n-nodes-psa-smenso']);
		expect(text).toBe(lock.replace('"version": "0.1.0",', '"version": "0.1.1",'));
		expect(JSON.parse(text).packages['packages/n8n-nodes-psa-cenno'].version).toBe('0.1.0');
	});
});

describe('readWorkspace and releaseHistory (git in a temporary repository)', () => {
	let dir: string;
	const git = (...args: string[]) =>
		execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
			cwd: dir,
			encoding: 'utf8',
		}).trim();
	const write = (file: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.writeFileSync(path.join(dir, file), text);
	};
	const writeJson = (file: string, value: unknown) =>
		write(file, `${JSON.stringify(value, null, '\t')}\n`);
	const commit = (message: string) => {
		git('add', '-A');
		git('commit', '-q', '-m', message);
		return git('rev-parse', 'HEAD');
	};

	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-release-test-'));
		git('init', '-q', '-b', 'main');
		writeJson('package.json', { name: 'root', private: true, workspaces: ['packages/*'] });
		writeJson('packages/shared/package.json', {
			name: '@x/shared',
			version: '0.0.0',
			private: true,
		});
		write('packages/shared/kit.ts', 'export const a = 1;\n');
		writeJson('packages/n8n-nodes-a/package.json', { name: 'n8n-nodes-a', version: '0.1.0' });
		write('packages/n8n-nodes-a/nodes/A.node.ts', 'export {};\n');
		writeJson('packages/n8n-nodes-b/package.json', { name: 'n8n-nodes-b', version: '0.1.0' });
		commit('initial');
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('reads the workspace packages, private ones marked', () => {
		expect(
			release
				.readWorkspace(dir)
				.map((p: { name: string; private: boolean; dirRel: string }) => [
					p.name,
					p.private,
					p.dirRel,
				]),
		).toEqual([
			['n8n-nodes-a', false, 'packages/n8n-nodes-a'],
			['n8n-nodes-b', false, 'packages/n8n-nodes-b'],
			['@x/shared', true, 'packages/shared'],
		]);
	});

	it('measures from the release tag: shared and own changes since, committed, uncommitted or new', () => {
		const tagged = git('rev-parse', 'HEAD');
		git('tag', 'n8n-nodes-a@0.1.0');
		write('packages/shared/kit.ts', 'export const a = 2;\n');
		commit('shared fix');
		write('packages/shared/new.ts', 'export {};\n'); // untracked
		write('packages/n8n-nodes-a/nodes/A.node.ts', 'export const x = 1;\n'); // uncommitted
		const [a] = release.readWorkspace(dir);
		const h = release.releaseHistory(dir, a, ['packages/shared']);
		expect(h).toEqual({
			tagged: true,
			base: tagged,
			baseLabel: 'git tag n8n-nodes-a@0.1.0',
			shared: ['packages/shared/kit.ts', 'packages/shared/new.ts'],
			own: ['packages/n8n-nodes-a/nodes/A.node.ts'],
		});
	});

	it('without a tag, measures from the commit that set the version; a shared package.json does not count', () => {
		write('packages/shared/kit.ts', 'export const a = 2;\n');
		commit('shared change before the bump');
		writeJson('packages/n8n-nodes-a/package.json', { name: 'n8n-nodes-a', version: '0.1.1' });
		const bump = commit('Version Packages');
		writeJson('packages/shared/package.json', {
			name: '@x/shared',
			version: '0.0.0',
			private: true,
			description: 'edited',
		});
		commit('shared description');
		const [a, b] = release.readWorkspace(dir);
		const h = release.releaseHistory(dir, a, ['packages/shared']);
		expect(h).toMatchObject({ tagged: false, base: bump, shared: [], own: [] });
		expect(h.baseLabel).toContain('which set the version');
		// b's version was set by the initial commit: the shared change came after it.
		expect(release.releaseHistory(dir, b, ['packages/shared']).shared).toEqual([
			'packages/shared/kit.ts',
		]);
	});

	it('refuses to guess in a shallow clone', () => {
		const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-release-shallow-'));
		try {
			write('packages/shared/kit.ts', 'export const a = 3;\n');
			commit('second');
			execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, clone]);
			const [a] = release.readWorkspace(clone);
			expect(release.releaseHistory(clone, a, ['packages/shared']).error).toContain('shallow');
		} finally {
			fs.rmSync(clone, { recursive: true, force: true });
		}
	});
});

describe('this repository', () => {
	const workspace = release.readWorkspace(REPO);

	it('configures changesets for public, per-package releases from main, the private helper never versioned', () => {
		const config = JSON.parse(
			fs.readFileSync(path.join(REPO, '.changeset', 'config.json'), 'utf8'),
		);
		expect(config).toMatchObject({
			access: 'public',
			baseBranch: 'main',
			fixed: [],
			linked: [],
			privatePackages: { version: false, tag: false },
		});
		expect(workspace.filter((p: { private: boolean }) => p.private).length).toBeGreaterThan(0);
	});

	it('has a CHANGELOG.md with a section for its current version in every published package', () => {
		for (const p of workspace.filter((x: { private: boolean }) => !x.private)) {
			const file = path.join(p.dir, 'CHANGELOG.md');
			const text = fs.readFileSync(file, 'utf8');
			expect(text.split('\n')[0]).toBe(`# ${p.name}`);
			expect(release.changelogSection(text, p.version)).toBeTruthy();
		}
	});

	it('has pending changesets that all parse and name only published packages', () => {
		const dir = path.join(REPO, '.changeset');
		const files = fs
			.readdirSync(dir)
			.filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md');
		const changesets = files.map((f) =>
			release.parseChangeset(f.slice(0, -3), fs.readFileSync(path.join(dir, f), 'utf8')),
		);
		expect(release.pendingReleases(changesets, workspace).errors).toEqual([]);
	});

	it('publishes from one least-privilege job: the only one with id-token: write, installing nothing', () => {
		const text = fs.readFileSync(path.join(REPO, '.github', 'workflows', 'publish.yml'), 'utf8');
		const jobs = text.slice(text.indexOf('\njobs:\n')).split(/\n(?= {2}[a-z][\w-]*:\n)/);
		const minting = jobs.filter((job) => /^\s*id-token:\s*write\s*$/m.test(job));
		expect(minting).toHaveLength(1);
		const [publishJob] = minting;
		expect(publishJob).toMatch(/^ {2}publish:\n/);
		expect(publishJob).toContain('node scripts/release.js --publish');
		expect(publishJob).not.toMatch(/npm (ci|install)\b/);
		expect(publishJob).not.toMatch(/contents:\s*write/);
		// The tarballs it publishes are the ones the test job built and tested.
		expect(publishJob).toMatch(/needs: \[plan, test\]/);
		expect(publishJob).toContain('actions/download-artifact');
	});

	it('names no package in the workflows: they read the packages from the workspace', () => {
		for (const f of ['publish.yml', 'ci.yml']) {
			const text = fs.readFileSync(path.join(REPO, '.github', 'workflows', f), 'utf8');
			for (const p of workspace) expect(text).not.toContain(p.name);
		}
	});
});
