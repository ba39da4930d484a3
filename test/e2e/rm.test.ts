/**
 * Resource Management by Smartsheet (10,000ft) in real n8n (package installed as a community package):
 * credential test, log time for several items then submit them and list them back, and the webhook
 * trigger's full lifecycle (activate → registration seen by the sandbox → a sandbox event delivered →
 * execution seen → deactivate → webhook deleted).
 */
import { randomUUID } from 'crypto';

import {
	activate,
	cleanupWebhooks,
	createSandboxCredential,
	createWorkflow,
	deactivate,
	deleteWorkflow,
	e2e,
	listExecutions,
	loadWorkflowFile,
	nodeOutput,
	nodeType,
	runViaWebhook,
	sandboxControl,
	sandboxUrl,
	testCredential,
	waitForExecution,
	type CreatedCredential,
} from './harness';
import { describeWriteSafety } from './write-safety';

const RM = 'n8n-nodes-psa-resource-management.resourceManagement';
const TRIGGER = 'n8n-nodes-psa-resource-management.resourceManagementTrigger';
let cred: CreatedCredential;

const credentials = () => ({ psaResourceManagementApi: { id: cred.id, name: cred.name } });
const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
type Json = Record<string, any>;

async function rmApi(method: string, path: string, body?: unknown): Promise<Json> {
	const token = String(e2e().sandboxes.rm?.demoCredential?.data.apiToken ?? 'rm-sandbox-token');
	const res = await fetch(`${sandboxUrl('rm')}/api/v1${path}`, {
		method,
		headers: { auth: token, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return text ? JSON.parse(text) : {};
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20000): Promise<T> {
	const deadline = Date.now() + ms;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

async function someUserAndProject(): Promise<{ user: Json; project: Json }> {
	const users = (await rmApi('GET', '/users?per_page=100')).data as Json[];
	const user = users.find((u) => u.license_type === 'licensed' && !u.account_owner && !u.archived)!;
	const project = ((await rmApi('GET', '/projects?per_page=100')).data as Json[]).find(
		(p) => !p.archived,
	)!;
	return { user, project };
}

/** Time-entry creates that reached the sandbox (its write journal). */
async function timeEntryWrites(): Promise<number> {
	const writes = ((await sandboxControl('rm', 'state')).writes ?? []) as Json[];
	return writes.filter((w) => w.method === 'POST' && /\/time_entries$/.test(String(w.path))).length;
}

/** Webhook body `{ entries: [...] }` → one Log Time row per entry. */
function logTimeWorkflow(
	name: string,
	userId: number,
	projectId: number,
	onError?: 'continueRegularOutput',
) {
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: 'Split',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [0, 0] as [number, number],
				parameters: { fieldToSplitOut: 'body.entries', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Log Time',
				type: RM,
				typeVersion: 1,
				position: [220, 0] as [number, number],
				credentials: credentials(),
				...(onError ? { onError } : {}),
				parameters: {
					resource: 'timeEntry',
					operation: 'create',
					userId: rl(userId),
					assignableType: 'project',
					projectId: rl(projectId),
					date: '={{ $json.day }}',
					hours: '={{ $json.h }}',
					additionalFields: { notes: '={{ $json.task }}' },
				},
			},
		],
		connections: { Split: { main: [[{ node: 'Log Time', type: 'main', index: 0 }]] } },
	};
}

beforeAll(async () => {
	await sandboxControl('rm', 'reset', {});
	// n8n's webhook URL here is http://127.0.0.1:<port>/…: allow the loopback test URL (the API wants https).
	await sandboxControl('rm', 'config', { allowHttpLoopback: true });
	cred = await createSandboxCredential('rm');
});
afterAll(async () => await cleanupWebhooks());

describe('Resource Management in real n8n', () => {
	it('credential test: OK, and a clear message for a bad token', async () => {
		expect((await testCredential(cred)).status).toBe('OK');
		const bad = await createSandboxCredential('rm', { apiToken: 'wrong-token' });
		const result = await testCredential(bad);
		expect(result.status).toBe('Error');
		// n8n 2.x shows the credential's own rule message; 1.x answers 401s with its generic text.
		expect(result.message).toMatch(
			e2e().n8n.major >= 2
				? /rejected the API token \(401\)/
				: /rejected the API token \(401\)|Authorization failed/,
		);
	});

	it('log time for several items, submit them for approval, then list them back', async () => {
		const users = (await rmApi('GET', '/users?per_page=100')).data as Json[];
		const user = users.find((u) => u.license_type === 'licensed' && !u.account_owner)!;
		const project = ((await rmApi('GET', '/projects?per_page=100')).data as Json[])[0];
		const workflow = {
			name: `rm e2e log time ${randomUUID().slice(0, 6)}`,
			nodes: [
				{
					id: randomUUID(),
					name: 'Split',
					type: 'n8n-nodes-base.splitOut',
					typeVersion: 1,
					position: [0, 0] as [number, number],
					parameters: { fieldToSplitOut: 'body.entries', options: {} },
				},
				{
					id: randomUUID(),
					name: 'Log Time',
					type: RM,
					typeVersion: 1,
					position: [220, 0] as [number, number],
					credentials: credentials(),
					parameters: {
						resource: 'timeEntry',
						operation: 'create',
						userId: rl(user.id),
						assignableType: 'project',
						projectId: rl(project.id),
						date: '={{ $json.day }}',
						hours: '={{ $json.h }}',
						additionalFields: { task: '={{ $json.task }}' },
					},
				},
				{
					id: randomUUID(),
					name: 'Submit',
					type: RM,
					typeVersion: 1,
					position: [440, 0] as [number, number],
					credentials: credentials(),
					parameters: {
						resource: 'approval',
						operation: 'submit',
						approvableType: 'TimeEntry',
						approvableIds: '={{ $json.id }}',
					},
				},
			],
			connections: {
				Split: { main: [[{ node: 'Log Time', type: 'main', index: 0 }]] },
				'Log Time': { main: [[{ node: 'Submit', type: 'main', index: 0 }]] },
			},
		};
		const run = await runViaWebhook(workflow, {
			entries: [
				{ day: '2026-06-01', h: 1.5, task: 'E2E design' },
				{ day: '2026-06-02', h: 3, task: 'E2E build' },
			],
		});
		expect(run.status).toBe(200);
		expect(run.items).toHaveLength(2);
		expect(
			run.items.every((a) => a.status === 'pending' && a.approvable_type === 'TimeEntry'),
		).toBe(true);

		const list = {
			name: `rm e2e list ${randomUUID().slice(0, 6)}`,
			nodes: [
				{
					id: randomUUID(),
					name: 'List',
					type: RM,
					typeVersion: 1,
					position: [0, 0] as [number, number],
					credentials: credentials(),
					parameters: {
						resource: 'timeEntry',
						operation: 'getAll',
						scope: 'user',
						scopeUserId: rl(user.id),
						returnAll: true,
						filters: { from: '2026-06-01', to: '2026-06-02' },
						fields: ['approvals'],
					},
				},
			],
			connections: {},
		};
		const listed = await runViaWebhook(list, {});
		expect(listed.status).toBe(200);
		expect(listed.items.map((t) => [t.date, t.hours, t.task])).toEqual([
			['2026-06-01', 1.5, 'E2E design'],
			['2026-06-02', 3, 'E2E build'],
		]);
		expect(listed.items.every((t) => (t.approvals as Json).data[0].status === 'pending')).toBe(
			true,
		);

		// A bad item is a clear node error naming the field and the row as users count it.
		const bad = await runViaWebhook(workflow, {
			entries: [{ day: '2026-06-03', h: -1, task: 'x' }],
		});
		expect(bad.status).toBe(500);
		expect(bad.error?.message).toBe('Hours: must be at least 0, got -1 (row 1)');
	});

	let who: { user: Json; project: Json } | undefined;
	const target = async () => (who ??= await someUserAndProject());
	describeWriteSafety({
		vendor: 'rm',
		label: 'Resource Management',
		workflow: async (onError) => {
			const { user, project } = await target();
			const name = `rm e2e write safety ${randomUUID().slice(0, 6)}`;
			return logTimeWorkflow(name, user.id as number, project.id as number, onError);
		},
		body: (rows) => ({ entries: rows.map((r) => ({ day: r.day, h: r.h, task: r.note })) }),
		writes: timeEntryWrites,
		stored: async (note) => {
			const { user } = await target();
			const listed = await rmApi(
				'GET',
				`/users/${user.id}/time_entries?from=2026-06-01&to=2026-06-30&per_page=100`,
			);
			return (listed.data as Json[]).filter((t) => (t.notes ?? t.task) === note).length;
		},
		// The sandbox stores the entry, then answers 500 (as a failing proxy would).
		fault: {
			type: '5xx',
			status: 500,
			method: 'POST',
			path: '/time_entries$',
			beforeHandler: false,
		},
		record: (r) => ({ date: r.day, hours: r.h }),
	});

	it('Continue On Fail: a 404 (nothing was written) does not say mayHaveBeenApplied', async () => {
		const { project } = await target();
		const refused = logTimeWorkflow(
			`rm e2e continue on fail 404 ${randomUUID().slice(0, 6)}`,
			99999,
			project.id,
			'continueRegularOutput',
		);
		const run404 = await runViaWebhook(refused, {
			entries: [{ day: '2026-06-16', h: 1, task: 'unknown person' }],
		});
		expect(run404.status).toBe(200);
		expect(run404.items).toEqual([
			expect.objectContaining({
				httpCode: 404,
				row: 1,
				mayHaveBeenApplied: false,
				error: expect.stringMatching(/Person 99999 was not found/),
			}),
		]);
	});

	it('the example workflows run as shipped (timesheet → submit → pending list; hours report)', async () => {
		const logTime = loadWorkflowFile('examples/rm-log-time-and-submit.json', {
			credentials: { psaResourceManagementApi: cred },
		});
		const run = await runViaWebhook(logTime, {});
		expect(run.status).toBe(200);
		expect(run.items.length).toBeGreaterThanOrEqual(3);
		expect(run.items.every((a) => a.status === 'pending')).toBe(true);
		const report = loadWorkflowFile('examples/rm-hours-report.json', {
			credentials: { psaResourceManagementApi: cred },
		});
		const rows = await runViaWebhook(
			{
				...report,
				connections: {
					...report.connections,
					'When clicking ‘Execute workflow’': {
						main: [[{ node: 'Report rows', type: 'main', index: 0 }]],
					},
				},
			},
			{},
		);
		expect(rows.status).toBe(200);
		expect(rows.items[0]).toEqual(
			expect.objectContaining({
				user_id: expect.any(Number),
				project_id: expect.any(Number),
				incurred_hours: expect.any(Number),
			}),
		);
	});

	it('webhook trigger: activate registers, an event starts a run, deactivate deletes the webhooks', async () => {
		const webhookId = randomUUID();
		const created = await createWorkflow({
			name: `rm e2e trigger ${webhookId.slice(0, 6)}`,
			nodes: [
				{
					id: randomUUID(),
					name: 'RM Trigger',
					type: TRIGGER,
					typeVersion: 1,
					position: [0, 0],
					webhookId,
					credentials: credentials(),
					parameters: { events: ['project.created', 'time.entry.created'] },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		try {
			await activate(created.id);
			const ours = await until('the webhooks to be registered', async () => {
				const hooks = ((await rmApi('GET', '/webhooks?per_page=1000')).data as Json[]).filter((w) =>
					String(w.url).includes(webhookId),
				);
				return hooks.length === 2 ? hooks : undefined;
			});
			expect(ours.map((w) => w.event_type).sort()).toEqual([
				'project.created',
				'time.entry.created',
			]);
			expect(ours[0].url).toMatch(new RegExp(`/webhook/${webhookId}/webhook$`));

			const before = await listExecutions({ workflowId: created.id });
			const project = await rmApi('POST', '/projects', {
				name: `Trigger e2e ${webhookId.slice(0, 6)}`,
			});
			const execution = await waitForExecution(created.id, {
				ignoreIds: before.map((e) => e.id),
				timeoutMs: 30000,
			});
			expect(execution.status).toBe('success');
			expect(nodeOutput(execution, 'RM Trigger')).toEqual([
				{
					type: 'project.created',
					data: expect.objectContaining({ id: project.id, name: project.name }),
				},
			]);
			const delivered = (await sandboxControl('rm', 'state')).deliveries as Json[];
			expect(
				delivered.filter((d) => String(d.url).includes(webhookId)).map((d) => d.status),
			).toEqual([200]);

			await deactivate(created.id);
			await until('the webhooks to be deleted', async () => {
				const left = ((await rmApi('GET', '/webhooks?per_page=1000')).data as Json[]).filter((w) =>
					String(w.url).includes(webhookId),
				);
				return left.length === 0 ? true : undefined;
			});
		} finally {
			await deactivate(created.id).catch(() => undefined);
			await deleteWorkflow(created.id).catch(() => undefined);
		}
	});

	it('the assignment example: a new assignment in Resource Management composes a message for the person', async () => {
		const webhookId = randomUUID();
		const wf = loadWorkflowFile('examples/rm-assignment-trigger.json', {
			credentials: { psaResourceManagementApi: cred },
			text: { '5d0c2f1e-7a3b-4c2d-9e1f-2b3c4d5e6f70': webhookId },
		});
		const created = await createWorkflow(wf);
		try {
			await activate(created.id);
			await until('the assignment webhook to be registered', async () => {
				const hooks = ((await rmApi('GET', '/webhooks?per_page=1000')).data as Json[]).filter((w) =>
					String(w.url).includes(webhookId),
				);
				return hooks.length === 1 ? hooks : undefined;
			});
			const users = (await rmApi('GET', '/users?per_page=100')).data as Json[];
			const person = users.find((u) => !u.account_owner)!;
			const project = ((await rmApi('GET', '/projects?per_page=100')).data as Json[])[1];
			const before = await listExecutions({ workflowId: created.id });
			await rmApi('POST', `/users/${person.id}/assignments`, {
				assignable_id: project.id,
				starts_at: '2026-07-06',
				ends_at: '2026-07-10',
			});
			const execution = await waitForExecution(created.id, {
				ignoreIds: before.map((e) => e.id),
				timeoutMs: 30000,
			});
			expect(execution.status).toBe('success');
			expect(nodeOutput(execution, 'Compose message')).toEqual([
				expect.objectContaining({
					to: person.email,
					subject: `You are scheduled on ${project.name}`,
					text: expect.stringContaining('from 2026-07-06 to 2026-07-10'),
				}),
			]);
			await deactivate(created.id);
			await until('the assignment webhook to be deleted', async () => {
				const left = ((await rmApi('GET', '/webhooks?per_page=1000')).data as Json[]).filter((w) =>
					String(w.url).includes(webhookId),
				);
				return left.length === 0 ? true : undefined;
			});
		} finally {
			await deactivate(created.id).catch(() => undefined);
			await deleteWorkflow(created.id).catch(() => undefined);
		}
	});
});
