/**
 * Proof that a fifth vendor takes one command and no hand edit elsewhere (issue #18 point 5).
 *
 * In a temporary `git clone` of this repository's HEAD (node_modules symlinked from here: no install),
 * `npm run new-vendor -- zeta-works` scaffolds a vendor, and then, in the clone:
 *   1. `git status` shows only new files in the vendor's own places, plus the manifest entry in vendors.json
 *      and the two workspace entries npm keeps in package-lock.json (npm agrees the lock is in sync); the
 *      sandbox registry, the e2e tier's plan and the benchmark pick the vendor up; the new files are
 *      Prettier-clean;
 *   2. `npm run build` builds it with the others;   3. n8n's strict lint passes on the new package;
 *   4. after a commit, n8n's verification scan passes on the committed source and on the tarball, and the
 *      tarball holds only the new package's files;
 *   5. its sandbox contract test and its in-process node tests pass (jest in the clone);
 *   6. `npm run docs`'s generator adds one row to README.md's generated table and writes the README.
 * The clone is removed afterwards. A key with a dash checks every derived name (class, node, credential).
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');
const KEY = 'zeta-works';
const PKG = 'n8n-nodes-psa-zeta-works';
const CLASS = 'ZetaWorks';
const API_DOCS = 'https://zeta.example.com/api-docs';

/** Where a vendor's own files may be: everything else it writes counts as an edit elsewhere. */
const OWN = [
	new RegExp(`^packages/${PKG}/`),
	new RegExp(`^sandbox/${KEY}/`),
	new RegExp(`^test/(sandbox|nodes|e2e)/${KEY}[.-]`),
	new RegExp(`^docs/vendors/${KEY}\\.md$`),
	new RegExp(`^examples/${KEY}-[^/]+\\.json$`),
	new RegExp(`^bench/vendors/${KEY}\\.js$`),
];

let clone: string;
const timings: Array<[string, number]> = [];
const t0 = Date.now();

/**
 * This process's environment minus what jest adds: its worker id (the clone's own jest is not one of ours)
 * and NODE_ENV=test, under which n8n's lint plugin pretends every file is named `Test.node.ts`.
 */
function childEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: 'false' };
	delete env.JEST_WORKER_ID;
	delete env.NODE_ENV;
	return env;
}

function run(command: string, args: string[], timeoutMs = 240_000): SpawnSyncReturns<string> {
	const started = Date.now();
	const r = spawnSync(command, args, {
		cwd: clone,
		encoding: 'utf8',
		timeout: timeoutMs,
		maxBuffer: 64 * 1024 * 1024,
		env: childEnv(),
	});
	const label =
		command !== process.execPath
			? `${command} ${args[0]}`
			: args[0] === '-e'
				? 'probe'
				: path.basename(args[0]);
	timings.push([label, Date.now() - started]);
	if (r.status !== 0)
		throw new Error(
			`${command} ${args.join(' ')} exited ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`.slice(
				-6000,
			),
		);
	return r;
}
const node = (script: string, ...args: string[]) => run(process.execPath, [script, ...args]);
const git = (...args: string[]) =>
	execFileSync('git', args, { cwd: clone, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const read = (file: string) => fs.readFileSync(path.join(clone, file), 'utf8');

/** `git status --porcelain` lines, every untracked file listed (not its folder). */
const status = () =>
	git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean).sort();

let scaffoldOutput = '';

beforeAll(() => {
	clone = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-new-vendor-'));
	execFileSync('git', ['clone', '--quiet', REPO, clone]);
	fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
	// git ignores `node_modules/` folders; a symlink is a file to it.
	fs.appendFileSync(path.join(clone, '.git', 'info', 'exclude'), '\nnode_modules\n');
	scaffoldOutput = node(
		'scripts/new-vendor.js',
		KEY,
		'--name',
		'Zeta Works',
		'--api-docs',
		API_DOCS,
	).stdout;
}, 120_000);

afterAll(() => {
	if (clone) fs.rmSync(clone, { recursive: true, force: true });
	const total = ((Date.now() - t0) / 1000).toFixed(1);
	process.stderr.write(
		`new-vendor proof: ${total} s in all (${timings.map(([step, ms]) => `${step}: ${(ms / 1000).toFixed(1)} s`).join('; ')})\n`,
	);
});

describe('npm run new-vendor -- zeta-works, in a clone of HEAD', () => {
	it('writes only new files in the vendor’s own places, plus vendors.json and package-lock.json', () => {
		const lines = status();
		const modified = lines.filter((l) => !l.startsWith('??'));
		expect(modified).toEqual([' M package-lock.json', ' M vendors.json']);
		const added = lines.filter((l) => l.startsWith('?? ')).map((l) => l.slice(3));
		expect(added.filter((f) => !OWN.some((re) => re.test(f)))).toEqual([]);
		// What the script says it wrote is exactly what is new.
		const reported = scaffoldOutput
			.split('\n')
			.filter((l) => l.startsWith('  + '))
			.map((l) => l.slice(4).trim())
			.sort();
		expect(reported).toEqual([...added].sort());
		expect(scaffoldOutput).toContain(`${added.length} new files, 2 edited`);
		for (const f of [
			`packages/${PKG}/package.json`,
			`packages/${PKG}/tsconfig.json`,
			`packages/${PKG}/eslint.config.mjs`,
			`packages/${PKG}/LICENSE.md`,
			`packages/${PKG}/CHANGELOG.md`,
			`packages/${PKG}/README.md`,
			`packages/${PKG}/credentials/${CLASS}Api.credentials.ts`,
			`packages/${PKG}/nodes/${CLASS}/${CLASS}.node.ts`,
			`packages/${PKG}/nodes/${CLASS}/${CLASS}Trigger.node.ts`,
			`packages/${PKG}/nodes/${CLASS}/actions/index.ts`,
			`packages/${PKG}/nodes/${CLASS}/${KEY}.svg`,
			`packages/${PKG}/nodes/${CLASS}/${KEY}.dark.svg`,
			`packages/${PKG}/nodes/${CLASS}/__schema__/v1.0.0/project/getAll.json`,
			`sandbox/${KEY}/index.js`,
			`test/sandbox/${KEY}.test.ts`,
			`test/nodes/${KEY}.test.ts`,
			`test/e2e/${KEY}.test.ts`,
			`docs/vendors/${KEY}.md`,
			`bench/vendors/${KEY}.js`,
		])
			expect(added).toContain(f);
		expect(added.some((f) => /^examples\/zeta-works-.*\.json$/.test(f))).toBe(true);
		// n8n-node-cli's default lint configuration, unchanged (strict mode demands it).
		expect(read(`packages/${PKG}/eslint.config.mjs`)).toBe(
			fs.readFileSync(
				path.join(
					REPO,
					'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs',
				),
				'utf8',
			),
		);
	});

	it('adds exactly one manifest entry, and the workspace entries npm itself would write', () => {
		const before = JSON.parse(git('show', 'HEAD:vendors.json'));
		const after = JSON.parse(read('vendors.json'));
		expect(after.vendors.slice(0, -1)).toEqual(before.vendors);
		expect({ ...after, vendors: before.vendors }).toEqual(before);
		const entry = after.vendors[after.vendors.length - 1];
		expect(entry).toMatchObject({
			key: KEY,
			package: PKG,
			displayName: 'Zeta Works',
			apiDocs: API_DOCS,
			sandbox: { module: `sandbox/${KEY}` },
		});
		const ports = before.vendors.map((v: { sandbox?: { port?: number } }) => v.sandbox?.port);
		expect(ports).not.toContain(entry.sandbox.port);
		expect(git('diff', '--numstat', 'vendors.json')).toMatch(/^\d+\t0\t/);

		const lockBefore = JSON.parse(git('show', 'HEAD:package-lock.json'));
		const lock = read('package-lock.json');
		const added = Object.keys(JSON.parse(lock).packages).filter((k) => !(k in lockBefore.packages));
		expect(added.sort()).toEqual([`node_modules/${PKG}`, `packages/${PKG}`]);
		expect(git('diff', '--numstat', 'package-lock.json')).toMatch(/^\d+\t0\t/);
		// `npm ci` insists that the lock matches the workspaces: npm finds nothing to change.
		run('npm', [
			'install',
			'--package-lock-only',
			'--offline',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		]);
		expect(JSON.parse(read('package-lock.json'))).toEqual(JSON.parse(lock));
		fs.writeFileSync(path.join(clone, 'package-lock.json'), lock);
	});

	it('is picked up from the manifest by the sandbox registry, the e2e tier and the benchmark', () => {
		const probe = `
			const path = require('path');
			const { plan } = require('./scripts/e2e.js');
			const { benchVendors } = require('./bench/lib/vendors');
			const { startAll, VENDORS } = require('./sandbox');
			const runs = plan({ versions: ['2.41.1'], fileArgs: [] });
			startAll({ vendors: ['${KEY}'] }).then(async (s) => {
				const sandbox = s.sandboxes['${KEY}'];
				const demo = sandbox.demoCredential();
				const answer = await fetch(demo.data.baseUrl + '/projects', {
					headers: { Authorization: 'Bearer ' + demo.data.apiKey },
				});
				console.log(JSON.stringify({
					registry: VENDORS,
					credential: demo.type,
					status: answer.status,
					alone: runs.filter((r) => r.mode === 'alone').map((r) => [r.vendors, r.files.map((f) => path.basename(f))]),
					together: runs.filter((r) => r.mode === 'together').map((r) => r.vendors),
					bench: benchVendors('sideBySide').map((b) => [b.vendor.key, typeof b.cases.jobs]),
				}));
				await s.stop();
			});`;
		const seen = JSON.parse(run(process.execPath, ['-e', probe]).stdout);
		expect(seen.registry).toContain(KEY);
		expect(seen.credential).toBe(`psa${CLASS}Api`);
		expect(seen.status).toBe(200);
		expect(seen.alone).toContainEqual([[KEY], ['harness.test.ts', `${KEY}.test.ts`]]);
		expect(seen.together[0]).toContain(KEY);
		expect(seen.bench).toContainEqual([KEY, 'function']);
	});

	it('writes Prettier-clean files', () => {
		const added = status()
			.filter((l) => l.startsWith('?? ') && !l.endsWith('.svg'))
			.map((l) => l.slice(3));
		node('node_modules/prettier/bin/prettier.cjs', '--check', '--log-level=warn', ...added);
	});

	it('builds with the other packages', () => {
		node('scripts/build.js');
		for (const f of [
			`nodes/${CLASS}/${CLASS}.node.js`,
			`nodes/${CLASS}/${CLASS}Trigger.node.js`,
			`nodes/${CLASS}/${KEY}.svg`,
			`nodes/${CLASS}/__schema__/v1.0.0/project/get.json`,
			`credentials/${CLASS}Api.credentials.js`,
			'shared/operation.js',
		])
			expect(fs.existsSync(path.join(clone, 'packages', PKG, 'dist', f))).toBe(true);
	}, 300_000);

	it("passes n8n's strict lint", () => {
		expect(node('scripts/lint-packages.js', '--vendor', KEY).stdout).toContain(
			`n8n-node lint (strict) ${PKG}: no problems`,
		);
	}, 180_000);

	it("packs, and passes n8n's verification scan on the committed source and on the tarball", () => {
		git('add', '-A');
		git(
			'-c',
			'user.name=new-vendor test',
			'-c',
			'user.email=test@example.com',
			'commit',
			'-qm',
			KEY,
		);
		node('scripts/pack.js', '--no-build', '--vendor', KEY);
		const tarball = path.join(clone, 'artifacts', `${PKG}-0.1.0.tgz`);
		const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
		expect(files).toContain(`package/dist/nodes/${CLASS}/${CLASS}.node.js`);
		expect(files).toContain(`package/dist/credentials/${CLASS}Api.credentials.js`);
		expect(files).toContain('package/README.md');
		expect(files.filter((f) => /nodes\/(?!ZetaWorks\/)[A-Z]/.test(f))).toEqual([]);
		const verify = node('scripts/verify.js', '--vendor', KEY).stdout;
		expect(verify).toContain(`✔ ${PKG}: n8n's scan passes on packages/${PKG} @`);
	}, 180_000);

	it('passes its sandbox contract test and its in-process node tests', () => {
		const report = path.join(clone, '.git', 'jest-report.json');
		node(
			'node_modules/jest/bin/jest.js',
			'--selectProjects',
			'unit',
			'--runInBand',
			'--json',
			`--outputFile=${report}`,
			'--runTestsByPath',
			`test/sandbox/${KEY}.test.ts`,
			`test/nodes/${KEY}.test.ts`,
		);
		const result = JSON.parse(fs.readFileSync(report, 'utf8')) as {
			numFailedTests: number;
			numPassedTests: number;
			testResults: Array<{ name: string; assertionResults: Array<{ status: string }> }>;
		};
		expect(result.numFailedTests).toBe(0);
		for (const file of [`test/sandbox/${KEY}.test.ts`, `test/nodes/${KEY}.test.ts`]) {
			const suite = result.testResults.find((r) => r.name.endsWith(file));
			expect(suite?.assertionResults.filter((a) => a.status === 'passed').length).toBeGreaterThan(
				3,
			);
		}
	}, 240_000);

	it("gets one generated row in README.md's package table and a generated package README", () => {
		const readmeBefore = read('README.md');
		// The generator also checks links across docs/; only the files it writes matter here.
		spawnSync(process.execPath, ['scripts/gen-docs.js'], { cwd: clone, encoding: 'utf8' });
		const diff = git('diff', '-U0', 'README.md')
			.split('\n')
			.filter((l) => /^[+-][^+-]/.test(l));
		expect(diff).toHaveLength(1);
		expect(diff[0]).toMatch(new RegExp(`^\\+\\| Zeta Works \\| \\[\`${PKG}\`\\]`));
		expect(diff[0]).toContain('Zeta Works (3 operations)');
		expect(diff[0]).toContain(`[API docs](${API_DOCS})`);
		expect(read('README.md')).not.toBe(readmeBefore);
		const readme = read(`packages/${PKG}/README.md`);
		expect(readme).toContain('**Zeta Works** (3 operations');
		expect(readme).toContain(`[Zeta Works API documentation](${API_DOCS})`);
		const outside = status()
			.map((l) => l.slice(3))
			.filter((f) => !OWN.some((re) => re.test(f)) && !/^packages\/[^/]+\/README\.md$/.test(f));
		expect(outside).toEqual(['README.md']);
	}, 120_000);
});
