/**
 * Smoke test of the e2e harness itself: real n8n is up; exactly the installed packages' node and
 * credential types are registered (`<package>.<node>`; in an 'alone' run no other vendor's types), and the
 * webhook fast path and the `n8n execute` path both run (those two in 'together' runs only).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
	chain,
	cleanupWebhooks,
	e2e,
	installedPackages,
	loadedCredentialTypes,
	loadedNodeTypes,
	manifestVendors,
	manifestNodeNames,
	nodeOutput,
	REPO,
	restApi,
	runManual,
	runViaWebhook,
	sandboxControl,
	Vendor,
} from './harness';

/**
 * The credential type names (`name = '…'`) a manifest vendor declares: read from the installed package's
 * compiled credential when it is installed in this n8n, else from the TypeScript source.
 */
function credentialTypes(key: string): string[] {
	const v = manifestVendors().find((x) => x.key === key)!;
	const installed = path.join(e2e().n8n.userFolder, '.n8n', 'nodes', 'node_modules', v.package);
	return v.credentials.map((file) => {
		const compiled = path.join(installed, 'dist', file.replace(/\.ts$/, '.js'));
		const text = fs.readFileSync(
			fs.existsSync(compiled) ? compiled : path.join(REPO, 'packages', v.package, file),
			'utf8',
		);
		const m = /\bname\s*=\s*['"]([A-Za-z0-9]+)['"]/.exec(text);
		if (!m) throw new Error(`no credential name in ${file}`);
		return m[1];
	});
}

const installedKeys = () => new Set(installedPackages().map((p) => p.key as string));
const together = () => e2e().mode !== 'alone';
const inTogetherRuns = (name: string, fn: () => Promise<void>) =>
	it(name, async () => (together() ? fn() : undefined));

const setNode = (name: string, field: string, value: string) => ({
	name,
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	parameters: {
		mode: 'manual',
		assignments: { assignments: [{ id: `${name}-a`, name: field, value, type: 'string' }] },
		options: {},
	},
});

afterAll(() => cleanupWebhooks());

describe('e2e harness', () => {
	it('talks to a running n8n of the expected version', async () => {
		const { n8n } = e2e();
		const health = await fetch(`${n8n.baseUrl}/healthz/readiness`);
		expect(health.status).toBe(200);
		const settings = await restApi('GET', '/settings'); // versionCli only when logged in
		expect((settings.data ?? settings).versionCli).toBe(n8n.version);
	});

	it("has every node type of each installed package registered as <package>.<node>, and no other vendor's", async () => {
		const loaded = await loadedNodeTypes();
		for (const pkg of installedPackages()) {
			const v = manifestVendors().find((x) => x.package === pkg.name)!;
			const expected = manifestNodeNames(v).map((n) => `${pkg.name}.${n}`);
			// n8n adds a `<node>Tool` variant of every action node that is usableAsTool (2.x)
			const ours = loaded.filter((t) => t.startsWith(`${pkg.name}.`));
			expect(ours.filter((t) => !t.endsWith('Tool')).sort()).toEqual(expected.sort());
			for (const t of ours.filter((x) => x.endsWith('Tool')))
				expect(expected).toContain(t.replace(/Tool$/, ''));
		}
		for (const v of manifestVendors().filter((x) => !installedKeys().has(x.key))) {
			expect(loaded.filter((t) => t.startsWith(`${v.package}.`))).toEqual([]);
		}
		// nothing is loaded under the old single-package name
		expect(loaded.filter((t) => t.startsWith('n8n-nodes-psa.'))).toEqual([]);
		// core nodes are there too
		expect(loaded).toEqual(
			expect.arrayContaining(['n8n-nodes-base.webhook', 'n8n-nodes-base.set']),
		);
	});

	it('has the credential types of exactly the installed packages registered', async () => {
		const loaded = await loadedCredentialTypes();
		for (const v of manifestVendors()) {
			const types = credentialTypes(v.key);
			if (installedKeys().has(v.key)) expect(loaded).toEqual(expect.arrayContaining(types));
			else for (const t of types) expect(loaded).not.toContain(t);
		}
	});

	inTogetherRuns(
		'runs a Webhook-fronted workflow with core nodes and returns its items',
		async () => {
			const wf = chain(setNode('Greet', 'greeting', '={{ "hello " + $json.body.who }}'), {
				name: 'NoOp',
				type: 'n8n-nodes-base.noOp',
				parameters: {},
			});
			const t0 = Date.now();
			const first = await runViaWebhook(wf, { who: 'world' });
			expect(first.status).toBe(200);
			expect(first.items).toEqual([{ greeting: 'hello world' }]);
			// the activated copy is reused: the second run is the fast path
			const t1 = Date.now();
			const second = await runViaWebhook(wf, { who: 'again' });
			expect(second.items).toEqual([{ greeting: 'hello again' }]);
			expect(second.workflowId).toBe(first.workflowId);
			// eslint-disable-next-line no-console
			console.log(
				`webhook run: first ${t1 - t0} ms (create + activate), cached ${Date.now() - t1} ms`,
			);
		},
	);

	inTogetherRuns('reports a failing node with its message on the webhook path', async () => {
		const wf = chain({
			name: 'Fail',
			type: 'n8n-nodes-base.stopAndError',
			parameters: { errorMessage: 'boom from e2e' },
		});
		const run = await runViaWebhook(wf, {});
		expect(run.status).toBeGreaterThanOrEqual(500);
		expect(run.error?.message).toContain('boom from e2e');
	});

	inTogetherRuns('runs a Manual Trigger workflow via `n8n execute --id`', async () => {
		const wf = chain(
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
			setNode('Mark', 'mark', 'manual-ok'),
		);
		const r = await runManual(wf);
		if (r.exitCode !== 0)
			throw new Error(
				`n8n execute exited ${r.exitCode}: ${JSON.stringify(r.error)}\nstderr: ${r.stderr.slice(-2500)}\nrun status: ${r.run?.status}`,
			);
		expect(nodeOutput(r.run, 'Mark')).toEqual([{ mark: 'manual-ok' }]);
	});

	inTogetherRuns('reaches the sandbox control endpoints of every running sandbox', async () => {
		const vendors = Object.keys(e2e().sandboxes) as Vendor[];
		for (const v of vendors) {
			const stats = await sandboxControl(v, 'stats');
			expect(stats).toBeDefined();
		}
	});
});
