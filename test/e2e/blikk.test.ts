/**
 * Blikk in real n8n (package installed as a community package): the credential test (a fresh token
 * exchange with the entered secret, Blikk's words for a wrong one), the crew-tasks example end to end, log
 * time with the user's standards, bad input, a bad row in the middle that sends nothing, Continue On Fail
 * keeping `mayHaveBeenApplied`, and the trigger's first poll after activation. (Later polls, ties and the manual sample are covered
 * in-process: n8n's shortest poll interval is one minute.)
 */
import * as path from 'path';

import {
	nodeType,
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
import { describeWriteSafety } from './write-safety';

const BLIKK = nodeType('blikk');
const TRIGGER = nodeType('blikkTrigger');
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
	for (let i = 0; i < nodes.length - 1; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return {
		name: `blikk e2e ${Date.now()}`,
		nodes: nodes.map((n, i) => ({ ...n, position: [i * 220, 0] })),
		connections,
	};
}

describe('Blikk in real n8n', () => {
	it('credential test: OK; a wrong secret gets Blikk’s words, also while the saved credential holds a token', async () => {
		const data = e2e().sandboxes.blikk!.demoCredential!.data;
		const good = await testCredential(cred, data);
		expect(`${good.status}: ${good.message}`).toMatch(/^OK/);
		const wrongData = { ...data, applicationSecret: 'wrong' };
		const wrong = await testCredential(
			await createSandboxCredential('blikk', wrongData),
			wrongData,
		);
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/Invalid application id or secret/);
		// The saved credential has a token by now (the runs above used it): Retry with a wrong secret still fails.
		await runViaWebhook(
			workflow([
				{
					name: 'Blikk',
					type: BLIKK,
					typeVersion: 1,
					position: [0, 0],
					credentials: credentials(),
					parameters: { resource: 'country', operation: 'getAll', returnAll: true },
				},
			]),
			{},
		);
		const retried = await testCredential(cred, wrongData);
		expect(retried.status).toBe('Error');
		expect(retried.message).toMatch(/Invalid application id or secret/);
	});

	it('the crew-tasks example creates three tasks and comments on each', async () => {
		const wf = loadWorkflowFile(
			path.join(__dirname, '..', '..', 'examples', 'blikk-crew-tasks.json'),
			{ credentials: { psaBlikkApi: cred } },
		);
		const run = await runViaWebhook(wf, {});
		expect(run.status).toBe(200);
		expect(run.items).toHaveLength(3);
		expect(run.items[0]).toMatchObject({
			objectName: 'task.comment.detail',
			text: expect.stringContaining('Skapad från n8n'),
		});
		const state = await sandboxControl<{
			tasks: Array<{ title: string; estimate: number; memberIds: number[] }>;
		}>('blikk', 'state');
		const created = state.tasks.filter((t) => t.title.endsWith('Storgatan 4'));
		expect(created.map((t) => t.estimate)).toEqual([3, 1, 8]);
	});

	it('the log-time example logs two reports with standard codes and lists the reports waiting for attest', async () => {
		const wf = loadWorkflowFile(
			path.join(__dirname, '..', '..', 'examples', 'blikk-log-time.json'),
			{ credentials: { psaBlikkApi: cred } },
		);
		const run = await runViaWebhook(wf, {});
		expect(run.status).toBe(200);
		expect(run.items.length).toBeGreaterThan(0);
		expect(run.items.every((r) => r.sentToAttestDate && !r.attestedDate && r.userName)).toBe(true);
		const state = await sandboxControl<{
			timeReports: Array<{ date: string; userId: number; activityId: number; clockStart: string }>;
		}>('blikk', 'state');
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
				parameters: {
					resource: 'timeReport',
					operation: 'create',
					user: rl('2'),
					date: '2026-12-03',
					hours: '={{ $json.body.hours }}',
					projectType: 'project',
					project: rl('1'),
					additionalFields: { clockStart: '={{ $json.body.start }}' },
				},
			},
		]);
		const ok = await runViaWebhook(wf, { hours: 6, start: '07:00' });
		expect(ok.status).toBe(200);
		expect(ok.items[0]).toMatchObject({
			hours: 6,
			clockStart: '07:00',
			userId: 2,
			activityId: 2,
			timeArticleId: 2,
			timeCodeId: 1,
		});
		const before = await sandboxControl<{ requests: number }>('blikk', 'stats');
		const bad = await runViaWebhook(wf, { hours: 6, start: '7 am' });
		expect(bad.status).toBe(500);
		expect(bad.error?.message).toBe('Clock Start: must be a time like 08:30, got "7 am" (row 1)');
		const after = await sandboxControl<{ requests: number }>('blikk', 'stats');
		expect(after.requests).toBe(before.requests);
	});

	const logRows = (settings: { onError?: 'continueRegularOutput' } = {}) =>
		workflow([
			{
				name: 'Rows',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [0, 0],
				parameters: { fieldToSplitOut: 'body.rows', options: {} },
			},
			{
				name: 'Blikk',
				type: BLIKK,
				typeVersion: 1,
				position: [0, 0],
				credentials: credentials(),
				...settings,
				parameters: {
					resource: 'timeReport',
					operation: 'create',
					user: rl('2'),
					date: '={{ $json.day }}',
					hours: '={{ $json.h }}',
					projectType: 'project',
					project: rl('1'),
					additionalFields: { comment: '={{ $json.note }}' },
				},
			},
		]);
	const posts = async () =>
		(await sandboxControl<{ byRoute: Record<string, number> }>('blikk', 'stats')).byRoute[
			'POST /v1/Core/TimeReports'
		] ?? 0;
	const stored = async (note: string) =>
		(
			await sandboxControl<{ timeReports: Array<{ comment: string }> }>('blikk', 'state')
		).timeReports.filter((r) => r.comment === note).length;

	describeWriteSafety({
		vendor: 'blikk',
		label: 'Blikk',
		workflow: (onError) => logRows(onError ? { onError } : {}),
		body: (rows) => ({ rows }),
		writes: posts,
		stored,
		fault: {
			type: '5xx',
			status: 500,
			method: 'POST',
			path: '/v1/Core/TimeReports$',
			beforeHandler: false,
		},
		record: (r) => ({ comment: r.note, hours: r.h }),
	});

	it('trigger: activating the workflow runs its first poll against Blikk', async () => {
		await sandboxControl('blikk', 'stats/reset', {});
		const created = await createWorkflow(
			workflow([
				{
					name: 'Blikk Trigger',
					type: TRIGGER,
					typeVersion: 1,
					position: [0, 0],
					credentials: credentials(),
					parameters: {
						event: 'timeReportAttested',
						pollTimes: { item: [{ mode: 'everyMinute' }] },
					},
				},
				{
					name: 'NoOp',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
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
