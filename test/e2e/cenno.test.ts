/**
 * Cenno in real n8n (package installed as a community package): credential test, log time for several
 * items + list them back, the 422 backstop, a bad row in the middle that sends nothing, Continue On Fail
 * keeping `mayHaveBeenApplied` after a 500, no user secrets in output, and the trigger (activation polls
 * and remembers; a new entry is emitted by the next scheduled poll, up to a minute later: the slow case).
 */
import {
	activate,
	cleanupWebhooks,
	createSandboxCredential,
	createWorkflow,
	deactivate,
	e2e,
	listExecutions,
	nodeOutput,
	nodeType,
	runViaWebhook,
	sandboxControl,
	sandboxUrl,
	testCredential,
	waitForExecution,
	type CreatedCredential,
	type Workflow,
} from './harness';
import { describeWriteSafety } from './write-safety';

const CENNO = 'n8n-nodes-psa-cenno.cenno';
const TRIGGER = 'n8n-nodes-psa-cenno.cennoTrigger';
const SECRETS = /crypted_password|password_salt|persistence_token|perishable_token|"token"/;
let cred: CreatedCredential;

beforeAll(async () => {
	await sandboxControl('cenno', 'reset', {});
	cred = await createSandboxCredential('cenno');
});
afterAll(async () => await cleanupWebhooks());

const credentials = () => ({ psaCennoApi: { id: cred.id, name: cred.name } });
const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

function workflow(
	nodes: Array<
		Omit<Workflow['nodes'][number], 'position' | 'typeVersion'> & { typeVersion?: number }
	>,
): Workflow {
	const connections: Workflow['connections'] = {};
	for (let i = 0; i < nodes.length - 1; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return {
		name: `cenno e2e ${Date.now()}`,
		nodes: nodes.map((n, i) => ({
			typeVersion: 1,
			...n,
			position: [i * 220, 0] as [number, number],
		})),
		connections,
	};
}

describe('Cenno in real n8n', () => {
	it('credential test: OK, and a clear message for a wrong key', async () => {
		expect((await testCredential(cred)).status).toBe('OK');
		const bad = await createSandboxCredential('cenno', { apiKey: 'wrong-key' });
		const result = await testCredential(bad);
		expect(result.status).toBe('Error');
		// n8n 1.x never applies a credential test's `rules` (its ExecutionBaseError drops the axios `cause` the
		// credentials tester reads the status from): it reports NodeApiError's generic text. n8n's behaviour.
		expect(result.message).toMatch(
			e2e().n8n.major >= 2
				? /rejected the API key \(401 "HTTP Basic: Access denied\."\)/
				: /^Authorization failed - please check your credentials$/,
		);
	});

	it('log time for several items, then list them back filtered by project and date', async () => {
		const log = workflow([
			{
				name: 'Split',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				parameters: { fieldToSplitOut: 'body.hours', options: {} },
			},
			{
				name: 'Cenno',
				type: CENNO,
				credentials: credentials(),
				parameters: {
					resource: 'timeEntry',
					operation: 'create',
					projectId: rl(1276),
					userId: rl(1179),
					date: '={{ $json.day }}',
					hours: '={{ $json.h }}',
					additionalFields: { description: '={{ $json.note }}', billable: true },
				},
			},
		]);
		const run = await runViaWebhook(log, {
			hours: [
				{ day: '2026-06-01', h: 1.5, note: 'E2E design' },
				{ day: '2026-06-02', h: 3, note: 'E2E build' },
			],
		});
		expect(run.status).toBe(200);
		expect(run.items.map((e) => [e.date, e.hours, e.description, e.project_id, e.user_id])).toEqual(
			[
				['2026-06-01', 1.5, 'E2E design', 1276, 1179],
				['2026-06-02', 3, 'E2E build', 1276, 1179],
			],
		);

		const list = workflow([
			{
				name: 'Cenno',
				type: CENNO,
				credentials: credentials(),
				parameters: {
					resource: 'timeEntry',
					operation: 'getAll',
					limit: 10,
					filters: { projectId: 1276, dateFrom: '2026-06-01', dateTo: '2026-06-30' },
				},
			},
		]);
		const listed = await runViaWebhook(list, {});
		expect(listed.status).toBe(200);
		expect(listed.items.map((e) => e.description)).toEqual(['E2E design', 'E2E build']);
	});

	it("bad hours fail before sending; the API's 422 names the field", async () => {
		const wf = workflow([
			{
				name: 'Cenno',
				type: CENNO,
				credentials: credentials(),
				parameters: {
					resource: 'timeEntry',
					operation: 'create',
					projectId: rl('={{ $json.body.project }}'),
					userId: rl(1178),
					date: '2026-06-03',
					hours: '={{ $json.body.hours }}',
					additionalFields: { itemId: 10346 },
				},
			},
		]);
		const before = await sandboxControl<{ requests: number }>('cenno', 'stats');
		const zero = await runViaWebhook(wf, { project: 1274, hours: 0 });
		expect(zero.status).toBe(500);
		expect(zero.error?.message).toMatch(/Hours: must be greater than 0/);
		expect((await sandboxControl<{ requests: number }>('cenno', 'stats')).requests).toBe(
			before.requests,
		);
		const wrongProject = await runViaWebhook(wf, { project: 1275, hours: 1 });
		expect(wrongProject.status).toBe(500);
		expect(wrongProject.error?.message).toBe('item_id: does not belong to the project');
	});

	const logRows = (settings: { onError?: 'continueRegularOutput' } = {}) =>
		workflow([
			{
				name: 'Rows',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				parameters: { fieldToSplitOut: 'body.rows', options: {} },
			},
			{
				name: 'Cenno',
				type: CENNO,
				credentials: credentials(),
				...settings,
				parameters: {
					resource: 'timeEntry',
					operation: 'create',
					projectId: rl(1274),
					userId: rl(1178),
					date: '={{ $json.day }}',
					hours: '={{ $json.h }}',
					additionalFields: { description: '={{ $json.note }}' },
				},
			},
		]);
	const posts = async () =>
		(await sandboxControl<{ byRoute: Record<string, number> }>('cenno', 'stats')).byRoute[
			'POST /api/time_entries'
		] ?? 0;
	const stored = async (note: string) =>
		(
			await sandboxControl<{ time_entries: Array<{ description: string }> }>('cenno', 'state')
		).time_entries.filter((e) => e.description === note).length;

	describeWriteSafety({
		vendor: 'cenno',
		label: 'Cenno',
		workflow: (onError) => logRows(onError ? { onError } : {}),
		body: (rows) => ({ rows }),
		writes: posts,
		stored,
		fault: {
			type: '5xx',
			status: 500,
			method: 'POST',
			path: '/api/time_entries',
			beforeHandler: false,
		},
		record: (r) => ({ description: r.note, hours: r.h }),
	});

	it('users come without password hashes or tokens', async () => {
		const wf = workflow([
			{
				name: 'Cenno',
				type: CENNO,
				credentials: credentials(),
				parameters: { resource: 'user', operation: 'getAll', returnAll: true, simplify: false },
			},
		]);
		const run = await runViaWebhook(wf, {});
		expect(run.status).toBe(200);
		expect(run.items.length).toBeGreaterThan(3);
		expect(JSON.stringify(run.items)).not.toMatch(SECRETS);
	});

	it('trigger: activation polls once (remembers only); the next scheduled poll emits exactly the new entry', async () => {
		const trigger = (pollTimes: unknown) =>
			workflow([
				{
					name: 'Cenno Trigger',
					type: TRIGGER,
					credentials: credentials(),
					parameters: { event: 'newTimeEntry', pollTimes },
				},
				{ name: 'NoOp', type: 'n8n-nodes-base.noOp', parameters: {} },
			]);
		// (The manual-mode sample is tested in-process: `n8n execute` cannot start a workflow at a polling trigger.)
		await sandboxControl('cenno', 'stats/reset', {});
		const created = await createWorkflow(
			trigger({ item: [{ mode: 'everyX', value: 1, unit: 'minutes' }] }),
		);
		await activate(created.id);
		try {
			// activation polls once: it remembers where things stand and emits nothing
			const deadline = Date.now() + 15000;
			let polled = 0;
			while (Date.now() < deadline && polled === 0) {
				polled =
					(await sandboxControl<{ byRoute: Record<string, number> }>('cenno', 'stats')).byRoute[
						'GET /api/time_entries'
					] ?? 0;
				if (!polled) await new Promise((r) => setTimeout(r, 200));
			}
			expect(polled).toBeGreaterThanOrEqual(1);
			const seen = (await listExecutions({ workflowId: created.id })).map((e) => e.id);
			// a new entry; the next poll (within a minute) starts the workflow with it
			const response = await fetch(`${sandboxUrl('cenno')}/api/time_entries`, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					Authorization: `Basic ${Buffer.from('cenno-sandbox-key:').toString('base64')}`,
				},
				body: JSON.stringify({
					time_entry: {
						user_id: 1178,
						project_id: 1274,
						date: '2026-06-05',
						hours: 2,
						description: 'E2E trigger',
					},
				}),
			});
			expect(response.status).toBe(201);
			const execution = await waitForExecution(created.id, {
				ignoreIds: seen,
				timeoutMs: 75000,
				intervalMs: 1000,
			});
			const emitted = nodeOutput(execution, 'Cenno Trigger');
			expect(emitted.map((e) => e.description)).toEqual(['E2E trigger']);
		} finally {
			await deactivate(created.id);
		}
	}, 150000);
});
