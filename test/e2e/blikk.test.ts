/**
 * Blikk in real n8n (package installed as a community package): the credential test (token exchange +
 * one read, 403 named), the crew-tasks example end to end, log time with the user's standards, bad input,
 * and the trigger's first poll after activation. (Later polls, ties and the manual sample are covered
 * in-process: n8n's shortest poll interval is one minute.)
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

const BLIKK = 'n8n-nodes-psa-blikk.blikk';
const TRIGGER = 'n8n-nodes-psa-blikk.blikkTrigger';
let cred: CreatedCredential;

beforeAll(async () => {
	await sandboxControl('blikk', 'reset', {});
	cred = await createSandboxCredential('blikk');
});
afterAll(async () => await cleanupWebhooks());

const credentials = () => ({ psaBlikkApi: { id: cred.id, name: cred.name } });
const rl = (value: string) => ({ __rl: true, mode: 'id', value });

function workflow(nodes: Workflow['nodes']): Workflow {
	const connections: Workflow['connections'] = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { name: `blikk e2e ${Date.now()}`, nodes: nodes.map((n, i) => ({ ...n, position: [i * 220, 0] })), connections };
}

describe('Blikk in real n8n', () => {
	it('credential test: OK; a missing permission and a blocked IP are named', async () => {
		const data = e2e().sandboxes.blikk!.demoCredential!.data;
		const good = await testCredential(cred, data);
		expect(`${good.status}: ${good.message}`).toMatch(/^OK/);
		const limitedData = { ...data, applicationId: 'limited-app', applicationSecret: 'limited-secret' };
		const limited = await testCredential(await createSandboxCredential('blikk', limitedData), limitedData);
		expect(limited.status).toBe('Error');
		expect(limited.message).toMatch(/permissionsRequired: Contact_Read/);
		const blockedData = { ...data, applicationId: 'blocked-app', applicationSecret: 'blocked-secret' };
		const blocked = await testCredential(await createSandboxCredential('blikk', blockedData), blockedData);
		expect(blocked.message).toMatch(/not allowed/);
		const wrongData = { ...data, applicationSecret: 'wrong' };
		const wrong = await testCredential(await createSandboxCredential('blikk', wrongData), wrongData);
		expect(wrong.status).toBe('Error');
	});

	it('the crew-tasks example creates three tasks and comments on each', async () => {
		const wf = loadWorkflowFile(path.join(__dirname, '..', '..', 'examples', 'blikk-crew-tasks.json'), { credentials: { psaBlikkApi: cred } });
		const run = await runViaWebhook(wf, {});
		expect(run.status).toBe(200);
		expect(run.items).toHaveLength(3);
		expect(run.items[0]).toMatchObject({ objectName: 'task.comment.detail', text: expect.stringContaining('Skapad från n8n') });
		const state = await sandboxControl<{ tasks: Array<{ title: string; estimate: number; memberIds: number[] }> }>('blikk', 'state');
		const created = state.tasks.filter((t) => t.title.endsWith('Storgatan 4'));
		expect(created.map((t) => t.estimate)).toEqual([3, 1, 8]);
	});

	it('the log-time example logs two reports with standard codes and lists the reports waiting for attest', async () => {
		const wf = loadWorkflowFile(path.join(__dirname, '..', '..', 'examples', 'blikk-log-time.json'), { credentials: { psaBlikkApi: cred } });
		const run = await runViaWebhook(wf, {});
		expect(run.status).toBe(200);
		expect(run.items.length).toBeGreaterThan(0);
		expect(run.items.every((r) => r.sentToAttestDate && !r.attestedDate && r.userName)).toBe(true);
		const state = await sandboxControl<{ timeReports: Array<{ date: string; userId: number; activityId: number; clockStart: string }> }>('blikk', 'state');
		const logged = state.timeReports.filter((r) => r.date === '2026-12-01');
		expect(logged.map((r) => [r.userId, r.clockStart])).toEqual([
			[2, '07:00'],
			[3, '07:00'],
		]);
	});

	it('log time uses the user’s standard activity and time article; a bad clock time names the field', async () => {
		const wf = workflow([
			{
				name: 'Blikk',
				type: BLIKK,
				typeVersion: 1,
				position: [0, 0],
				credentials: credentials(),
				parameters: { resource: 'timeReport', operation: 'create', user: rl('2'), date: '2026-12-03', hours: '={{ $json.body.hours }}', projectType: 'project', project: rl('1'), additionalFields: { clockStart: '={{ $json.body.start }}' } },
			},
		]);
		const ok = await runViaWebhook(wf, { hours: 6, start: '07:00' });
		expect(ok.status).toBe(200);
		expect(ok.items[0]).toMatchObject({ hours: 6, clockStart: '07:00', user: { id: 2 }, activity: { id: 2 }, timeArticle: { id: 2 }, timeCode: { id: 1 } });
		const before = await sandboxControl<{ requests: number }>('blikk', 'stats');
		const bad = await runViaWebhook(wf, { hours: 6, start: '7 am' });
		expect(bad.status).toBe(500);
		expect(bad.error?.message).toMatch(/Clock Start: must be a time of day as "hh:mm"/);
		const after = await sandboxControl<{ requests: number }>('blikk', 'stats');
		expect(after.requests).toBe(before.requests);
	});

	it('trigger: activating the workflow runs its first poll against Blikk', async () => {
		await sandboxControl('blikk', 'stats/reset', {});
		const created = await createWorkflow(
			workflow([
				{ name: 'Blikk Trigger', type: TRIGGER, typeVersion: 1, position: [0, 0], credentials: credentials(), parameters: { event: 'timeReportAttested', pollTimes: { item: [{ mode: 'everyMinute' }] } } },
				{ name: 'NoOp', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} },
			]),
		);
		await activate(created.id);
		try {
			let polled = 0;
			for (let n = 0; n < 50 && !polled; n++) {
				const stats = await sandboxControl<{ byRoute: Record<string, number> }>('blikk', 'stats');
				polled = stats.byRoute['GET /v1/Core/TimeReports'] ?? 0;
				if (!polled) await new Promise((resolve) => setTimeout(resolve, 200));
			}
			expect(polled).toBeGreaterThanOrEqual(1);
		} finally {
			await deactivate(created.id);
		}
	});
});
