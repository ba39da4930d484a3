/**
 * smenso in real n8n (package installed as a community package), against the strict smenso sandbox (it rejects
 * every body shape no source shows): credential test; project create (envelope, Windows timezoneId); archive;
 * an absence create; a task with effort in hours → minutes on the wire; an attachment upload and download
 * round trip through n8n's binary data; a comment create; batching (one ticket); bad input; the trigger's
 * activation poll; writes without a read-back confirmed by the ticket alone, with the sandbox answering P4's
 * plain success ticket (no messages, no counts) and the rich one. What the sandbox received is checked through
 * its state and counters.
 * (The trigger's later polls are covered in-process: n8n's shortest poll interval is one minute.)
 */
import {
	activate,
	cleanupWebhooks,
	createSandboxCredential,
	createWorkflow,
	deactivate,
	e2e,
	nodeTypePrefix,
	runViaWebhook,
	sandboxControl,
	testCredential,
	type CreatedCredential,
	type Workflow,
} from './harness';

const SMENSO = `${nodeTypePrefix('smenso')}smenso`;
const TRIGGER = `${nodeTypePrefix('smenso')}smensoTrigger`;
let cred: CreatedCredential;
let projectId: string;

type Row = Record<string, unknown>;
interface State {
	projects: Row[];
	tasks: Row[];
	statusReports: Row[];
	absences: Row[];
	comments: Row[];
	attachments: Row[];
	members: Row[];
	counters: {
		ticketsCreated: number;
		timezoneIds: Record<string, number>;
		timezones: Record<string, number>;
	};
}
const state = () => sandboxControl<State>('smenso', 'state');

beforeAll(async () => {
	await sandboxControl('smenso', 'reset', {});
	await sandboxControl('smenso', 'config', { ticketDelayMs: 100 });
	cred = await createSandboxCredential('smenso');
	projectId = String((await state()).projects.find((p) => !p.isArchived && !p.isTemplate)!.id);
});
afterAll(async () => await cleanupWebhooks());

const credentials = () => ({ psaSmensoApi: { id: cred.id, name: cred.name } });
const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });

function workflow(
	nodes: Array<
		Omit<Workflow['nodes'][number], 'position' | 'typeVersion'> & { typeVersion?: number }
	>,
): Workflow {
	const connections: Workflow['connections'] = {};
	for (let i = 0; i < nodes.length - 1; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return {
		name: `smenso e2e ${Date.now()}`,
		nodes: nodes.map((n, i) => ({
			typeVersion: 1,
			...n,
			position: [i * 220, 0],
		})) as Workflow['nodes'],
		connections,
	};
}
const smenso = (name: string, parameters: Row) => ({
	name,
	type: SMENSO,
	credentials: credentials(),
	parameters: { maxWait: 20, ...parameters },
});

describe('smenso in real n8n', () => {
	it('credential test: OK, and a clear message for a wrong token', async () => {
		const data = e2e().sandboxes.smenso!.demoCredential!.data;
		const good = await testCredential(cred, data);
		expect(`${good.status}: ${good.message}`).toMatch(/^OK/);
		const bad = await createSandboxCredential('smenso', { token: 'wrong' });
		const result = await testCredential(bad, { ...data, token: 'wrong' });
		expect(result.status).toBe('Error');
		// n8n 1.x never applies a credential test's `rules` (its errors drop the HTTP status): n8n's behaviour.
		expect(result.message).toMatch(
			e2e().n8n.major >= 2
				? /rejected the API token/
				: /^Authorization failed - please check your credentials$/,
		);
	});

	it('project create: the envelope with a Windows timezoneId; the project is read back; then archived', async () => {
		const before = await state();
		const run = await runViaWebhook(
			workflow([
				smenso('Create', {
					resource: 'project',
					operation: 'create',
					title: '={{ $json.body.title }}',
					phaseId: '101',
					typeId: '201',
					additionalFields: { startDate: '2026-05-04', externalId: 'crm-e2e-1' },
					options: { timezone: 'Europe/Berlin' },
				}),
			]),
			{ title: 'E2E project' },
		);
		expect(run.status).toBe(200);
		expect(run.items[0]).toMatchObject({
			title: 'E2E project',
			externalId: 'crm-e2e-1',
			startDate: '2026-05-04',
			isArchived: false,
			ticketStatus: 'Success',
		});
		const after = await state();
		// The strict sandbox accepts a project only as {timezoneId: <Windows name>, project: [ … ]}.
		expect(
			(after.counters.timezoneIds['W. Europe Standard Time'] ?? 0) -
				(before.counters.timezoneIds['W. Europe Standard Time'] ?? 0),
		).toBe(1);
		const id = String(run.items[0].id);

		const archived = await runViaWebhook(
			workflow([
				smenso('Archive', {
					resource: 'project',
					operation: 'archive',
					projectId: rl('={{ $json.body.id }}'),
				}),
			]),
			{ id },
		);
		expect(archived.status).toBe(200);
		expect(archived.items[0]).toMatchObject({ id, isArchived: true });
		expect((await state()).projects.find((p) => p.id === id)).toMatchObject({ isArchived: true });
	});

	it('absence create: member by e-mail, absence type by name, half day on the first day', async () => {
		const email = String((await state()).members[3].email);
		const run = await runViaWebhook(
			workflow([
				smenso('Absence', {
					resource: 'absence',
					operation: 'create',
					userId: rl('={{ $json.body.email }}', 'email'),
					absenceTypeId: rl('Vacation', 'name'),
					startDate: '2026-10-05',
					endDate: '2026-10-07',
					additionalFields: { startDateMinutes: 240, comment: 'e2e' },
				}),
			]),
			{ email },
		);
		expect(run.status).toBe(200);
		expect(run.items[0]).toMatchObject({
			startDate: '2026-10-05',
			endDate: '2026-10-07',
			startDateMinutes: 240,
			comment: 'e2e',
		});
		const stored = (await state()).absences.find((a) => a.id === run.items[0].id)!;
		expect(stored).toMatchObject({ startDate: '2026-10-05', startDateMinutes: 240 });
	});

	it('tasks: effort in hours goes out as minutes; three rows are one request and one ticket', async () => {
		const before = await state();
		const run = await runViaWebhook(
			workflow([
				{
					name: 'Split',
					type: 'n8n-nodes-base.splitOut',
					parameters: { fieldToSplitOut: 'body.tasks', options: {} },
				},
				smenso('Tasks', {
					resource: 'task',
					operation: 'create',
					projectId: rl(projectId),
					title: '={{ $json.title }}',
					additionalFields: { plannedHours: '={{ $json.hours }}', dueDate: '={{ $json.due }}' },
				}),
			]),
			{
				tasks: [
					{ title: 'E2E one', hours: '1:30', due: '2026-04-01T17:00:00Z' },
					{ title: 'E2E two', hours: '8', due: '2026-04-02' },
					{ title: 'E2E three', hours: '0.25', due: '2026-04-03' },
				],
			},
		);
		expect(run.status).toBe(200);
		expect(run.items.map((i) => [i.title, i.plannedDuration, i.plannedHours, i.dueDate])).toEqual([
			['E2E one', 90, 1.5, '2026-04-01'],
			['E2E two', 480, 8, '2026-04-02'],
			['E2E three', 15, 0.25, '2026-04-03'],
		]);
		const after = await state();
		expect(after.counters.ticketsCreated - before.counters.ticketsCreated).toBe(1);
		expect(
			after.tasks.filter((t) => String(t.title).startsWith('E2E ')).map((t) => t.plannedDuration),
		).toEqual([90, 480, 15]);
	});

	it('attachment round trip: download into binary data, upload that binary to a task, download it again', async () => {
		const s = await state();
		const original = s.attachments.find((a) => a.kind === 'upload')!;
		const task = s.tasks.find((t) => t.projectId === projectId)!;
		const run = await runViaWebhook(
			workflow([
				smenso('Download', {
					resource: 'attachment',
					operation: 'download',
					attachmentId: String(original.id),
					binaryPropertyName: 'data',
				}),
				smenso('Upload', {
					resource: 'attachment',
					operation: 'upload',
					parent: 'task',
					projectId: rl(projectId),
					taskId: rl(String(task.id)),
					binaryPropertyName: 'data',
				}),
				smenso('Download again', {
					resource: 'attachment',
					operation: 'download',
					attachmentId: '={{ $json.id }}',
					binaryPropertyName: 'file',
				}),
			]),
			{},
		);
		expect(run.status).toBe(200);
		expect(run.items[0]).toMatchObject({ fileName: original.fileName, size: original.size });
		const uploaded = (await state()).attachments.find((a) => a.id === run.items[0].id)!;
		expect(uploaded).toMatchObject({
			taskId: task.id,
			fileName: original.fileName,
			size: original.size,
		});
	});

	it('comment create on a task: read back with its text', async () => {
		const task = (await state()).tasks.find((t) => t.projectId === projectId)!;
		const run = await runViaWebhook(
			workflow([
				smenso('Comment', {
					resource: 'comment',
					operation: 'addToTask',
					projectId: rl(projectId),
					taskId: rl(String(task.id)),
					text: '={{ $json.body.text }}',
					isInternal: true,
				}),
			]),
			{ text: 'Reviewed in e2e' },
		);
		expect(run.status).toBe(200);
		expect(run.items[0]).toMatchObject({
			taskId: task.id,
			text: 'Reviewed in e2e',
			isInternal: true,
			ticketStatus: 'Success',
		});
		expect(
			(await state()).comments.some((c) => c.text === 'Reviewed in e2e' && c.taskId === task.id),
		).toBe(true);
	});

	it('bad input fails the run naming field and row; nothing is sent', async () => {
		const before = await sandboxControl<{ requests: number }>('smenso', 'stats');
		const run = await runViaWebhook(
			workflow([
				smenso('Bad', {
					resource: 'task',
					operation: 'create',
					projectId: rl(projectId),
					title: 'x',
					additionalFields: { plannedHours: '={{ $json.body.hours }}' },
				}),
			]),
			{ hours: 'abc' },
		);
		expect(run.status).toBe(500);
		expect(run.error?.message).toMatch(
			/Planned Effort \(Hours\): must be hours like 1\.5.*"abc" \(row 1\)/,
		);
		const after = await sandboxControl<{ requests: number }>('smenso', 'stats');
		expect(after.requests).toBe(before.requests);
	});

	it.each(['plain', 'rich'])(
		'writes confirmed by the ticket alone (%s tickets): task delete and a published status report are reported as written',
		async (shape) => {
			await sandboxControl('smenso', 'config', { ticketShape: shape });
			try {
				const s = await state();
				// Another project than the one the other cases use, so their tasks stay.
				const other = s.projects.find((p) => !p.isArchived && !p.isTemplate && p.id !== projectId)!;
				const task = s.tasks.find((t) => t.projectId === other.id)!;
				const title = `E2E ${shape} report`;
				const run = await runViaWebhook(
					workflow([
						smenso('Delete', {
							resource: 'task',
							operation: 'delete',
							projectId: rl('={{ $json.body.projectId }}'),
							taskId: rl('={{ $json.body.taskId }}'),
						}),
						smenso('Report', {
							resource: 'statusReport',
							operation: 'create',
							projectId: rl(String(other.id)),
							title,
							statusDate: '2026-03-06',
							additionalFields: { isPublished: true },
						}),
					]),
					{ projectId: other.id, taskId: task.id },
				);
				expect(run.status).toBe(200);
				expect(run.items).toHaveLength(1);
				expect(run.items[0]).toMatchObject({
					projectId: other.id,
					title,
					ticketStatus: 'Success',
				});
				expect(run.items[0]).not.toHaveProperty('error');
				const after = await state();
				expect(after.tasks.some((t) => t.id === task.id)).toBe(false);
				expect(after.statusReports.some((r) => r.title === title && r.isPublished)).toBe(true);
			} finally {
				await sandboxControl('smenso', 'config', { ticketShape: 'plain' });
			}
		},
	);

	it('trigger: activating the workflow runs its first poll against smenso', async () => {
		await sandboxControl('smenso', 'stats/reset', {});
		const created = await createWorkflow(
			workflow([
				{
					name: 'smenso Trigger',
					type: TRIGGER,
					credentials: credentials(),
					parameters: {
						event: 'taskCommented',
						projectIds: [projectId],
						pollTimes: { item: [{ mode: 'everyMinute' }] },
					},
				},
				{ name: 'NoOp', type: 'n8n-nodes-base.noOp', parameters: {} },
			]),
		);
		await activate(created.id);
		try {
			let polled = 0;
			for (let n = 0; n < 50 && !polled; n++) {
				const stats = await sandboxControl<{ byRoute: Record<string, number> }>('smenso', 'stats');
				polled = Object.entries(stats.byRoute)
					.filter(([route]) => route.includes('/integration/comment/task/json/'))
					.reduce((sum, [, count]) => sum + count, 0);
				if (!polled) await new Promise((resolve) => setTimeout(resolve, 200));
			}
			expect(polled).toBeGreaterThanOrEqual(1);
		} finally {
			await deactivate(created.id);
		}
	});
});
