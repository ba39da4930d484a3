/**
 * Smoke test of the e2e harness itself: real n8n is up, this package's node and credential types are
 * registered under `n8n-nodes-psa.*`, and the webhook fast path and the `n8n execute` path both run.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
	chain,
	cleanupWebhooks,
	e2e,
	loadedCredentialTypes,
	loadedNodeTypes,
	NODE_TYPE_PREFIX,
	nodeOutput,
	restApi,
	runManual,
	runViaWebhook,
	sandboxControl,
	Vendor,
} from './harness';

const REPO = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

/** `name` of each class listed in package.json `n8n.nodes` / `n8n.credentials` (read from dist/). */
function declaredNames(kind: 'nodes' | 'credentials'): string[] {
	const files: string[] = pkg.n8n?.[kind] ?? [];
	return files.map((file) => {
		const mod = require(path.join(REPO, file));
		const className = path.basename(file).replace(/\.(node|credentials)\.js$/, '');
		const Cls = mod[className] ?? Object.values(mod)[0];
		const instance = new (Cls as any)();
		return kind === 'nodes' ? (instance.description?.name ?? instance.description?.defaultVersion ?? className) : instance.name;
	});
}

const setNode = (name: string, field: string, value: string) => ({
	name,
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	parameters: { mode: 'manual', assignments: { assignments: [{ id: `${name}-a`, name: field, value, type: 'string' }] }, options: {} },
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

	it('has every node type listed in package.json n8n.nodes registered as n8n-nodes-psa.<name>', async () => {
		const loaded = await loadedNodeTypes();
		const ours = loaded.filter((n) => n.startsWith(NODE_TYPE_PREFIX));
		const expected = declaredNames('nodes').map((n) => `${NODE_TYPE_PREFIX}${n}`);
		expect(ours.sort()).toEqual(expect.arrayContaining(expected.sort()));
		expect(ours.length).toBeGreaterThanOrEqual((pkg.n8n?.nodes ?? []).length);
		// core nodes are there too
		expect(loaded).toEqual(expect.arrayContaining(['n8n-nodes-base.webhook', 'n8n-nodes-base.set']));
	});

	it('has every credential type listed in package.json n8n.credentials registered', async () => {
		const loaded = await loadedCredentialTypes();
		expect(loaded).toEqual(expect.arrayContaining(declaredNames('credentials')));
	});

	it('runs a Webhook-fronted workflow with core nodes and returns its items', async () => {
		const wf = chain(setNode('Greet', 'greeting', '={{ "hello " + $json.body.who }}'), { name: 'NoOp', type: 'n8n-nodes-base.noOp', parameters: {} });
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
		console.log(`webhook run: first ${t1 - t0} ms (create + activate), cached ${Date.now() - t1} ms`);
	});

	it('reports a failing node with its message on the webhook path', async () => {
		const wf = chain({ name: 'Fail', type: 'n8n-nodes-base.stopAndError', parameters: { errorMessage: 'boom from e2e' } });
		const run = await runViaWebhook(wf, {});
		expect(run.status).toBeGreaterThanOrEqual(500);
		expect(run.error?.message).toContain('boom from e2e');
	});

	it('runs a Manual Trigger workflow via `n8n execute --id`', async () => {
		const wf = chain({ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} }, setNode('Mark', 'mark', 'manual-ok'));
		const r = await runManual(wf);
		if (r.exitCode !== 0) throw new Error(`n8n execute exited ${r.exitCode}: ${JSON.stringify(r.error)}\n${r.stdout.slice(-1500)}\n${r.stderr.slice(-1500)}`);
		expect(nodeOutput(r.run, 'Mark')).toEqual([{ mark: 'manual-ok' }]);
	});

	it('reaches the sandbox control endpoints of every running sandbox', async () => {
		const vendors = Object.keys(e2e().sandboxes) as Vendor[];
		for (const v of vendors) {
			const stats = await sandboxControl(v, 'stats');
			expect(stats).toBeDefined();
		}
	});
});
