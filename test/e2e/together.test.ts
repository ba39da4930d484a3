/**
 * All vendor packages side by side in one n8n (scripts/e2e.js 'together' runs): every node and credential
 * type of every vendor in vendors.json loads, with no clash, and one example workflow per vendor runs
 * through its own package. The example is the vendor's `smokeExample` in vendors.json, else the first of
 * its `examples` that starts at a Manual Trigger (run behind a Webhook node, credentials pointed at the
 * vendor's sandbox).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
	cleanupWebhooks,
	createSandboxCredential,
	e2e,
	loadedNodeTypes,
	loadWorkflowFile,
	manifestNodeNames,
	manifestVendors,
	REPO,
	runViaWebhook,
	type CreatedCredential,
	type Workflow,
} from './harness';

const together = () => e2e().mode !== 'alone';

/** Files matched by a manifest glob such as `examples/blikk-*.json` (`*` in the last segment only). */
function expand(pattern: string | string[] | undefined): string[] {
	const out: string[] = [];
	for (const p of pattern === undefined ? [] : Array.isArray(pattern) ? pattern : [pattern]) {
		const dir = path.join(REPO, path.dirname(p));
		const re = new RegExp(
			`^${path
				.basename(p)
				.split('*')
				.map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
				.join('.*')}$`,
		);
		if (fs.existsSync(dir))
			out.push(
				...fs
					.readdirSync(dir)
					.filter((f) => re.test(f))
					.sort()
					.map((f) => path.join(dir, f)),
			);
	}
	return out;
}

function smokeExample(
	v: ReturnType<typeof manifestVendors>[number] & { smokeExample?: string },
): string | undefined {
	if (v.smokeExample) return path.join(REPO, v.smokeExample);
	return expand(v.examples).find((file) => {
		const wf = JSON.parse(fs.readFileSync(file, 'utf8')) as Workflow;
		return (
			wf.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger') &&
			!wf.nodes.some((n) => /trigger$/i.test(n.type) && n.type !== 'n8n-nodes-base.manualTrigger')
		);
	});
}

afterAll(() => cleanupWebhooks());

describe('all vendor packages side by side', () => {
	it('loads every node type of every vendor in vendors.json under its own package', async () => {
		if (!together()) return;
		const loaded = await loadedNodeTypes();
		const expected = manifestVendors().flatMap((v) =>
			manifestNodeNames(v).map((n) => `${v.package}.${n}`),
		);
		expect(expected.length).toBeGreaterThanOrEqual(8);
		expect(loaded).toEqual(expect.arrayContaining(expected));
	});

	for (const v of manifestVendors()) {
		it(`runs a ${v.displayName} example workflow through ${v.package}`, async () => {
			if (!together()) return;
			const file = smokeExample(v);
			if (!file)
				throw new Error(
					`${v.key}: no example workflow with a Manual Trigger (set "smokeExample" in vendors.json)`,
				);
			const cred: CreatedCredential = await createSandboxCredential(v.key);
			const wf = loadWorkflowFile(file, {
				credentials: { [cred.type]: cred },
				name: `together: ${path.basename(file)}`,
			});
			expect(wf.nodes.some((n) => n.type.startsWith(`${v.package}.`))).toBe(true);
			const run = await runViaWebhook(wf, {});
			if (run.status !== 200)
				throw new Error(
					`${path.basename(file)} failed (${run.status}): ${JSON.stringify(run.error ?? run.data).slice(0, 800)}`,
				);
			expect(run.status).toBe(200);
		});
	}
});
