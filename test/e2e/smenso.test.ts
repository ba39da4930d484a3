/**
 * smenso in real n8n (package installed as a community package): credential test, a batched create
 * that waits for its ticket and returns the records, a list, bad input, and the trigger's activation poll.
 * (The trigger's manual sample and later polls are covered in-process: `n8n execute` cannot start from a
 * polling trigger, and n8n's shortest poll interval is one minute.)
 */
import * as path from 'path';

import {
	activate,
	cleanupWebhooks,
	createSandboxCredential,
	createWorkflow,
	deactivate,
	e2e,
	loadWorkflowFile,
	runViaWebhook,
	sandboxControl,
	testCredential,
	type CreatedCredential,
	type Workflow,
} from './harness';

const SMENSO = 'n8n-nodes-psa-smenso.smenso';
const TRIGGER = 'n8n-nodes-psa-smenso.smensoTrigger';
let cred: CreatedCredential;
let projectId: string;

beforeAll(async () => {
	await sandboxControl('smenso', 'reset', {});
	await sandboxControl('smenso', 'config', { ticketDelayMs: 100 });
	cred = await createSandboxCredential('smenso');
	const state = await sandboxControl<{ projects: Array<{ id: string; isArchived: boolean; isTemplate: boolean }> }>('smenso', 'state');
	projectId = state.projects.find((p) => !p.isArchived && !p.isTemplate)!.id;
});
afterAll(async () => await cleanupWebhooks());

const credentials = () => ({ psaSmensoApi: { id: cred.id, name: cred.name } });

function workflow(nodes: Workflow['nodes']): Workflow {
	const connections: Workflow['connections'] = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { name: `smenso e2e ${Date.now()}`, nodes: nodes.map((n, i) => ({ ...n, position: [i * 220, 0] })), connections };
}

describe('smenso in real n8n', () => {
	it('credential test: OK, and a clear message for a wrong token', async () => {
		// The editor sends the form's data with the test; an empty form would be the default (workspace) mode.
		const data = e2e().sandboxes.smenso!.demoCredential!.data;
		const good = await testCredential(cred, data);
		expect(`${good.status}: ${good.message}`).toMatch(/^OK/);
		const bad = await createSandboxCredential('smenso', { token: 'wrong' });
		const result = await testCredential(bad, { ...data, token: 'wrong' });
		expect(result.status).toBe('Error');
		// n8n 1.x never applies a credential test's `rules`: its ExecutionBaseError (n8n-workflow 1.x) declares
		// `cause` as a class field, which drops the axios error the credentials tester reads the status from,
		// so 1.x reports NodeApiError's generic text for the status. n8n's behaviour, not the package's.
		expect(result.message).toMatch(e2e().n8n.major >= 2 ? /rejected the API token/ : /^Authorization failed - please check your credentials$/);
	});

	it('many items become one request and one ticket; each item gets its created task back', async () => {
		const wf = workflow([
			{ name: 'Split', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [0, 0], parameters: { fieldToSplitOut: 'body.tasks', options: {} } },
			{
				name: 'smenso',
				type: SMENSO,
				typeVersion: 1,
				position: [0, 0],
				credentials: credentials(),
				parameters: { resource: 'task', operation: 'create', projectId: { __rl: true, mode: 'id', value: projectId }, title: '={{ $json.title }}', maxWait: 20, additionalFields: { startDate: '={{ $json.start }}' } },
			},
		]);
		const before = await sandboxControl<{ counters: { ticketsCreated: number } }>('smenso', 'state');
		const run = await runViaWebhook(wf, { tasks: [{ title: 'E2E one', start: '2026-04-01T07:00:00Z' }, { title: 'E2E two', start: '2026-04-02' }, { title: 'E2E three', start: '2026-04-03' }] });
		expect(run.status).toBe(200);
		expect(run.items.map((i) => i.title)).toEqual(['E2E one', 'E2E two', 'E2E three']);
		expect(run.items[0]).toMatchObject({ projectId, startDate: '2026-04-01T09:00:00', ticket: { status: 'Success', batchSize: 3 } });
		const after = await sandboxControl<{ counters: { ticketsCreated: number } }>('smenso', 'state');
		expect(after.counters.ticketsCreated - before.counters.ticketsCreated).toBe(1);

		const list = workflow([
			{ name: 'smenso', type: SMENSO, typeVersion: 1, position: [0, 0], credentials: credentials(), parameters: { resource: 'task', operation: 'getAll', projectId: { __rl: true, mode: 'id', value: projectId }, returnAll: true, filters: { search: 'E2E' } } },
		]);
		const listed = await runViaWebhook(list, {});
		expect(listed.items.map((i) => i.title).sort()).toEqual(['E2E one', 'E2E three', 'E2E two']);
	});

	it('the import example (50 tasks from a Code node) runs as one ticket', async () => {
		const wf = loadWorkflowFile(path.join(__dirname, '..', '..', 'examples', 'smenso-import-tasks.json'), {
			credentials: { psaSmensoApi: cred },
			parameters: { 'Create tasks': { projectId: { __rl: true, mode: 'id', value: projectId } } },
		});
		const before = await sandboxControl<{ counters: { ticketsCreated: number } }>('smenso', 'state');
		const run = await runViaWebhook(wf, {});
		expect(run.status).toBe(200);
		expect(run.items).toHaveLength(50);
		expect(run.items[49]).toMatchObject({ title: 'Imported issue 50', externalId: 'ISSUE-50', ticket: { batchSize: 50, recordIndex: 49 } });
		const after = await sandboxControl<{ counters: { ticketsCreated: number } }>('smenso', 'state');
		expect(after.counters.ticketsCreated - before.counters.ticketsCreated).toBe(1);
	});

	it('bad input fails the run with the field named and nothing sent', async () => {
		const wf = workflow([
			{ name: 'smenso', type: SMENSO, typeVersion: 1, position: [0, 0], credentials: credentials(), parameters: { resource: 'absence', operation: 'approve', absenceId: '={{ $json.body.id }}' } },
		]);
		const before = await sandboxControl<{ requests: number }>('smenso', 'stats');
		const run = await runViaWebhook(wf, { id: 'not-a-guid' });
		expect(run.status).toBe(500);
		expect(run.error?.message).toMatch(/Absence ID: must be a GUID/);
		const after = await sandboxControl<{ requests: number }>('smenso', 'stats');
		expect(after.requests).toBe(before.requests);
	});

	it('trigger: activating the workflow loads the trigger and runs its first poll against smenso', async () => {
		await sandboxControl('smenso', 'stats/reset', {});
		const created = await createWorkflow(
			workflow([
				{ name: 'smenso Trigger', type: TRIGGER, typeVersion: 1, position: [0, 0], credentials: credentials(), parameters: { event: 'taskChanged', projectIds: [projectId], pollTimes: { item: [{ mode: 'everyMinute' }] } } },
				{ name: 'NoOp', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} },
			]),
		);
		await activate(created.id);
		try {
			// n8n runs the first poll shortly after activation returns.
			let polled = 0;
			for (let n = 0; n < 50 && !polled; n++) {
				const stats = await sandboxControl<{ byRoute: Record<string, number> }>('smenso', 'stats');
				polled = stats.byRoute['GET /skyisland/api/integration/task/json/:projectId'] ?? 0;
				if (!polled) await new Promise((resolve) => setTimeout(resolve, 200));
			}
			expect(polled).toBeGreaterThanOrEqual(1);
		} finally {
			await deactivate(created.id);
		}
	});
});
