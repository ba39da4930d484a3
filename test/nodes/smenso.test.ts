/**
 * smenso action node, in-process through n8n-core against the strict smenso sandbox (which rejects every
 * shape no source shows): every operation, the wire format (envelopes, Windows timezoneId + IANA header,
 * minutes, dates without offsets), tickets (confirmed per record by tempId, counts or read-back), batching,
 * the "no such endpoint" fallback, and bad input refused before anything is sent.
 */
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Smenso } from '../../packages/n8n-nodes-psa-smenso/nodes/Smenso/Smenso.node';
import { RESOURCES } from '../../packages/n8n-nodes-psa-smenso/nodes/Smenso/actions';
import { forgetRoutes } from '../../packages/n8n-nodes-psa-smenso/nodes/Smenso/transport';
import { readOnlyTable } from '../../packages/shared/operation';
import { Container, runNode } from '../harness/inprocess';
import { operationsOf, schemaFile } from '../harness/schema';
import {
	createSmensoSandbox,
	credentialsFor,
	credentialTypes,
	loadOptions,
	rl,
	run,
	writesSent,
	type SmensoSandbox,
} from './smenso.helpers';
import * as fs from 'fs';

jest.setTimeout(60_000);

let sandbox: SmensoSandbox;

beforeAll(async () => {
	sandbox = createSmensoSandbox({ ticketDelayMs: 20 });
	await sandbox.listen();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.addFault({ clear: true } as IDataObject);
	forgetRoutes();
});

const json = (items: INodeExecutionData[][]) => (items[0] ?? []).map((i) => i.json);
const st = () => sandbox.state();
const project = () => st().projects[0];
const tasksOf = (projectId: unknown) => st().tasks.filter((t) => t.projectId === projectId);
const member = (n = 1) => st().members[n];
const ok = async (parameters: IDataObject, input?: IDataObject[], options: IDataObject = {}) => {
	const r = await run(sandbox, parameters, input, options);
	if (r.error)
		throw new Error(
			`${String(parameters.resource)} › ${String(parameters.operation)}: ${r.error.message} ${(r.error as { description?: string }).description ?? ''}`,
		);
	return json(r.items);
};
const bytesOf = async (binary: IBinaryData) =>
	await Container.get(BinaryDataService).getAsBuffer(binary);
/** Ticket answers: P4's exact success example (no messages, no counts), and one with both. */
const SHAPES = ['plain', 'rich'] as const;
const statusReportOf = (projectId: unknown) =>
	st().statusReports.find((r) => r.projectId === projectId && !r.isPublished) ??
	st().statusReports.find((r) => r.projectId === projectId)!;

describe('wire format from the evidence', () => {
	it('project create: envelope {timezoneId (Windows), project: [...]}, IANA Timezone header, read back by externalId, dates as ISO', async () => {
		const before = sandbox.counters.timezoneIds['W. Europe Standard Time'] ?? 0;
		const [out] = await ok({
			resource: 'project',
			operation: 'create',
			title: 'New rollout',
			phaseId: '101',
			typeId: '201',
			additionalFields: {
				startDate: '2026-04-01',
				endDate: '2026-09-30',
				externalId: 'crm-77',
				budget: 1000,
			},
		});
		expect(out).toMatchObject({
			title: 'New rollout',
			externalId: 'crm-77',
			startDate: '2026-04-01',
			endDate: '2026-09-30',
			phaseId: 101,
			ticketStatus: 'Success',
		});
		expect(typeof out.ticketId).toBe('string');
		expect(out.ticket).toBeUndefined();
		expect(sandbox.counters.timezoneIds['W. Europe Standard Time']).toBe(before + 1);
		expect(sandbox.counters.timezones['Europe/Berlin']).toBeGreaterThan(0);
	});

	it('a node-level zone becomes its Windows name in timezoneId (America/New_York → Eastern Standard Time)', async () => {
		await ok({
			resource: 'absence',
			operation: 'create',
			userId: rl(String(member(1).email), 'email'),
			absenceTypeId: rl('Vacation', 'name'),
			startDate: '2026-08-03',
			endDate: '2026-08-04',
			options: { timezone: 'America/New_York' },
		});
		expect(sandbox.counters.timezoneIds['Eastern Standard Time']).toBe(1);
		expect(sandbox.counters.timezones['America/New_York']).toBeGreaterThan(0);
	});

	it.each(SHAPES)(
		'task effort in hours (1:30, 2.5) goes out as minutes; due date as dueDate; Ticket Detail full (%s tickets)',
		async (shape) => {
			sandbox.config.ticketShape = shape;
			const projectId = String(project().id);
			const [task] = await ok({
				resource: 'task',
				operation: 'create',
				projectId: rl(projectId),
				title: 'Plan cut-over',
				additionalFields: {
					plannedHours: '1:30',
					effortHours: '2.5',
					startDate: '2026-03-02',
					dueDate: '2026-03-06T17:00:00',
				},
				options: { ticketDetail: 'full' },
			});
			const stored = st().tasks.find((t) => t.id === task.id)!;
			expect(stored).toMatchObject({ plannedDuration: 90, duration: 150, dueDate: '2026-03-06' });
			expect(task).toMatchObject({
				title: 'Plan cut-over',
				plannedDuration: 90,
				plannedHours: 1.5,
				effortHours: 2.5,
				dueDate: '2026-03-06',
				projectId,
			});
			expect(task.ticket).toMatchObject({
				status: 'Success',
				statusId: 10,
				state: 'success',
				// P4's success example carries no counts and no messages; the rich shape both.
				counts: shape === 'rich' ? { created: 1 } : {},
				messages: [],
			});
		},
	);

	it('a date with a UTC offset is moved into the chosen zone and sent without the offset', async () => {
		const projectId = String(project().id);
		const [record] = await ok({
			resource: 'timeRecord',
			operation: 'create',
			projectId: rl(projectId),
			taskId: rl(String(tasksOf(projectId)[0].id)),
			userId: rl(String(member(1).id)),
			entryMode: 'startEnd',
			startDate: '2026-03-02T07:00:00Z',
			endDate: '2026-03-02T09:30:00Z',
		});
		const stored = st().timeRecords.find((r) => r.id === record.id)!;
		expect(String(stored.startDate)).toMatch(/^2026-03-02T08:00/);
		expect(stored.duration).toBe(150);
	});
});

describe('workflows made with the earlier node version', () => {
	it('a plain absence type name (not a locator) still works', async () => {
		const [absence] = await ok({
			resource: 'absence',
			operation: 'create',
			userId: rl(String(member(4).email), 'email'),
			absenceTypeId: 'Training',
			startDate: '2026-11-02',
			endDate: '2026-11-02',
		});
		expect(st().absences.find((a) => a.id === absence.id)).toMatchObject({
			absenceTypeId: st().absenceTypes.find((t) => t.title === 'Training')!.id,
		});
	});
});

describe('bad input: a clear error naming field and row, nothing sent', () => {
	const projectId = () => String(project().id);
	it.each([
		[
			'an unknown time zone',
			{ resource: 'task', operation: 'create', title: 'x', options: { timezone: 'Mars/Olympus' } },
			/Time Zone: "Mars\/Olympus" is not an IANA time zone.*\(row 2\)/,
		],
		[
			'effort "abc"',
			{
				resource: 'task',
				operation: 'create',
				title: 'x',
				additionalFields: { plannedHours: 'abc' },
			},
			/Planned Effort \(Hours\): must be hours like 1\.5.*"abc" \(row 2\)/,
		],
		[
			'a GUID that is not one',
			{ resource: 'task', operation: 'delete', taskId: rl('not-a-guid') },
			/Task: must be a GUID like .*"not-a-guid" \(row 2\)/,
		],
		[
			'a Windows name as the zone',
			{
				resource: 'absence',
				operation: 'delete',
				absenceId: '00000000-0000-4000-8000-000000000001',
				options: { timezone: 'W. Europe Standard Time' },
			},
			/Time Zone: "W\. Europe Standard Time" is not an IANA time zone/,
		],
	])('%s', async (_label, bad, message) => {
		const good = { resource: 'task', operation: 'create', title: 'fine' };
		const parameters = { projectId: rl(projectId()), title: '={{ $json.title }}' } as IDataObject;
		// Row 1 good, row 2 bad: one run with per-row parameters via expressions is not possible for every field,
		// so the bad parameters apply to both rows and the error names row 1; a second run checks row 2 naming.
		const r = await run(
			sandbox,
			{ ...parameters, ...bad, title: (bad as IDataObject).title ?? good.title },
			[{ title: 'a' }, { title: 'b' }],
		);
		expect(r.error?.message ?? '').toMatch(/rows? (1|can't)/);
		expect(`${r.error?.message} ${(r.error as { description?: string }).description}`).toMatch(
			message,
		);
		expect(writesSent(sandbox)).toBe(0);
	});

	it('an option set by an expression to a value smenso does not know', async () => {
		const r = await run(sandbox, {
			resource: 'absence',
			operation: 'update',
			absenceId: String(st().absences[0].id),
			updateFields: { status: '={{ "maybe" }}' },
		});
		expect(r.error?.message).toBe(
			'Status: must be one of Approved (approved), Rejected (rejected), Submitted (submitted), got "maybe" (row 1)',
		);
		expect(writesSent(sandbox)).toBe(0);
	});

	it('"By E-Mail" left empty asks for an e-mail, not a GUID', async () => {
		const r = await run(sandbox, {
			resource: 'absence',
			operation: 'create',
			userId: rl('', 'email'),
			absenceTypeId: rl('Vacation', 'name'),
			startDate: '2026-08-03',
			endDate: '2026-08-04',
		});
		expect(r.error?.message).toBe('Member: is required: enter an e-mail address (row 1)');
		expect(r.error?.message).not.toMatch(/GUID/);
	});

	it('a file above 500 MB is refused before sending', async () => {
		const r = await run(
			sandbox,
			{
				resource: 'attachment',
				operation: 'upload',
				parent: 'task',
				projectId: rl(projectId()),
				taskId: rl(String(tasksOf(projectId())[0].id)),
				binaryPropertyName: 'data',
			},
			[
				{
					json: {},
					binary: {
						data: {
							data: Buffer.from('tiny').toString('base64'),
							mimeType: 'application/pdf',
							fileName: 'huge.pdf',
							bytes: 600 * 1024 * 1024,
						},
					},
				} as unknown as IDataObject,
			],
		);
		expect(r.error?.message).toMatch(
			/Input Binary Field "data": the file is 600 MB; smenso accepts at most 500 MB per file \(row 1\)/,
		);
		expect(writesSent(sandbox)).toBe(0);
	});

	it('a bad row in the middle: nothing is sent, every bad row is listed', async () => {
		const r = await run(
			sandbox,
			{
				resource: 'task',
				operation: 'create',
				projectId: rl(projectId()),
				title: '={{ $json.title }}',
				additionalFields: { plannedHours: '={{ $json.hours }}' },
			},
			[
				{ title: 'one', hours: '1' },
				{ title: 'two', hours: 'abc' },
				{ title: 'three', hours: '2' },
			],
		);
		expect(r.error?.message).toMatch(/Planned Effort \(Hours\).*"abc" \(row 2\)/);
		expect(writesSent(sandbox)).toBe(0);
	});
});

describe('tickets: a record is a success only when smenso confirms it', () => {
	it('a batch of 3 with the 2nd rejected in the ticket: rows 1 and 3 saved, row 2 gets its own error (Continue On Fail)', async () => {
		const projectId = String(project().id);
		const taskId = String(tasksOf(projectId)[0].id);
		const r = await run(
			sandbox,
			{
				resource: 'timeRecord',
				operation: 'create',
				projectId: rl(projectId),
				taskId: rl(taskId),
				userId: rl(String(member(1).id)),
				date: '={{ $json.date }}',
				hours: '1',
			},
			[{ date: '2026-03-02' }, { date: '2025-06-02' }, { date: '2026-03-03' }],
			{ continueOnFail: true },
		);
		const out = json(r.items);
		expect(out).toHaveLength(3);
		expect(out[0]).toMatchObject({ taskId, date: '2026-03-02', duration: 60, hours: 1 });
		expect(out[1]).toMatchObject({ row: 2, itemIndex: 1, mayHaveBeenApplied: false });
		expect(String(out[1].error)).toMatch(/lock/i);
		expect(out[2]).toMatchObject({ date: '2026-03-03' });
		expect(out[0].ticketId).toBe(out[2].ticketId);
		expect(sandbox.counters.ticketsCreated).toBe(1);
	});

	it('a batch smenso rejects with 400 naming one record: that row gets the message, the others are sent again once', async () => {
		const r = await run(
			sandbox,
			{
				resource: 'task',
				operation: 'create',
				projectId: rl(String(project().id)),
				title: '={{ $json.title }}',
				additionalFields: { flavors: '={{ $json.flavors }}' },
			},
			[
				{ title: 'One', flavors: 'Billable=true' },
				{ title: 'Two', flavors: 'Billable=maybe' },
				{ title: 'Three', flavors: 'Billable=false' },
			],
			{ continueOnFail: true },
		);
		const out = json(r.items);
		expect(out[0]).toMatchObject({ title: 'One' });
		expect(out[1]).toMatchObject({ row: 2, httpCode: 400, mayHaveBeenApplied: false });
		expect(String(out[1].error)).toMatch(
			/flavor 'Billable' \(boolean\) value "maybe" must be true or false/,
		);
		expect(String(out[1].error)).not.toMatch(/^task\[/);
		expect(out[2]).toMatchObject({ title: 'Three' });
		expect(sandbox.stats.log.filter((e) => e.method === 'POST').map((e) => e.status)).toEqual([
			400, 202,
		]);
	});

	it('the same without Continue On Fail: the node fails naming the row and says which rows were written', async () => {
		const projectId = String(project().id);
		const r = await run(
			sandbox,
			{
				resource: 'timeRecord',
				operation: 'create',
				projectId: rl(projectId),
				taskId: rl(String(tasksOf(projectId)[0].id)),
				userId: rl(String(member(1).id)),
				date: '={{ $json.date }}',
				hours: '1',
			},
			[{ date: '2026-03-02' }, { date: '2025-06-02' }],
		);
		expect(r.error?.message).toMatch(/lock/i);
		expect((r.error as { description?: string }).description).toMatch(
			/Rows 1 of this run were already written/,
		);
	});

	it('a ticket still running at the deadline: error with the ticket id, marked "may have been applied"', async () => {
		sandbox.config.ticketFault = { mode: 'never', count: 1 };
		const r = await run(
			sandbox,
			{
				resource: 'project',
				operation: 'archive',
				projectId: rl(String(project().id)),
				maxWait: 1,
			},
			undefined,
			{ continueOnFail: true },
		);
		const [out] = json(r.items);
		expect(out).toMatchObject({ mayHaveBeenApplied: true, row: 1 });
		expect(String(out.error)).toMatch(/still processing after 1 s/);
	});

	it("a failed ticket: the row fails with smenso's message, not a success", async () => {
		sandbox.config.ticketFault = { mode: 'fail', count: 1 };
		const r = await run(
			sandbox,
			{ resource: 'task', operation: 'create', projectId: rl(String(project().id)), title: 'x' },
			undefined,
			{ continueOnFail: true },
		);
		const [out] = json(r.items);
		expect(out.error).toMatch(/aborted by the server/);
		expect(out.success).toBeUndefined();
	});

	it('"Success with Errors" naming no record: a record read back succeeds with the message under ticketMessages; one that cannot be read back is not reported as a success', async () => {
		sandbox.config.ticketFault = { mode: 'partial', count: 1 };
		const [task] = await ok({
			resource: 'task',
			operation: 'create',
			projectId: rl(String(project().id)),
			title: 'Partly',
		});
		expect(task).toMatchObject({
			title: 'Partly',
			ticketStatus: 'Success with Errors',
			ticketMessages: ['Some attributes could not be written (sandbox fault).'],
		});
		expect(task.warnings).toBeUndefined();
		sandbox.config.ticketFault = { mode: 'partial', count: 1 };
		const r = await run(
			sandbox,
			{
				resource: 'statusReport',
				operation: 'create',
				projectId: rl(String(st().projects[2].id)),
				title: 'Unconfirmed',
				statusDate: '2026-03-06',
			},
			undefined,
			{ continueOnFail: true },
		);
		const [report] = json(r.items);
		expect(report).toMatchObject({ row: 1, mayHaveBeenApplied: true });
		expect(String(report.error)).toMatch(
			/smenso's ticket does not confirm this record: Some attributes could not be written/,
		);
		expect(report.success).toBeUndefined();
	});

	it('Wait for Completion off: the ticket id at once, status Pending', async () => {
		const [out] = await ok({
			resource: 'task',
			operation: 'create',
			projectId: rl(String(project().id)),
			title: 'later',
			waitForCompletion: false,
		});
		expect(out).toMatchObject({ ticketStatus: 'Pending', tempId: 'n8n-row-1' });
		const [ticket] = await ok({
			resource: 'ticket',
			operation: 'get',
			ticketId: String(out.ticketId),
		});
		expect(ticket).toMatchObject({ id: out.ticketId });
	});

	it('500 rows become one request and one ticket; each row gets its record', async () => {
		const projectId = String(project().id);
		const input = Array.from({ length: 500 }, (_, k) => ({ title: `Bulk ${k + 1}` }));
		const out = await ok(
			{
				resource: 'task',
				operation: 'create',
				projectId: rl(projectId),
				title: '={{ $json.title }}',
			},
			input,
		);
		expect(out).toHaveLength(500);
		expect(out[499]).toMatchObject({ title: 'Bulk 500' });
		expect(sandbox.counters.ticketsCreated).toBe(1);
	}, 120_000);
});

describe('disputed fields: a value smenso did not store is a warning on its row, never a silent loss', () => {
	const openFolder = () =>
		String(st().folders.find((f) => f.projectId === project().id && !f.noNewTasksAllowed)!.name);
	const taskFields: Array<[string, string, () => IDataObject]> = [
		['plannedDuration', 'Planned Effort (Hours)', () => ({ plannedHours: '1:30' })],
		['duration', 'Actual Effort (Hours)', () => ({ effortHours: '2' })],
		['dueDate', 'Due Date', () => ({ dueDate: '2026-03-06' })],
		['flavor', 'Custom Fields (Flavors)', () => ({ flavors: 'Billable=true' })],
		['folder', 'Folder Name', () => ({ folder: openFolder() })],
		['priority', 'Priority', () => ({ priority: 4 })],
		['statusId', 'Status', () => ({ statusId: 2 })],
		['isMilestone', 'Milestone', () => ({ isMilestone: true })],
	];
	const all = () => Object.assign({}, ...taskFields.map(([, , value]) => value())) as IDataObject;

	it('stored as sent: no warning, no extra request (the read-back there already is)', async () => {
		const [task] = await ok({
			resource: 'task',
			operation: 'create',
			projectId: rl(String(project().id)),
			title: 'All stored',
			additionalFields: all(),
		});
		expect(task.warnings).toBeUndefined();
		expect(task).toMatchObject({
			plannedDuration: 90,
			duration: 120,
			priority: 4,
			isMilestone: true,
		});
		const gets = sandbox.stats.log.filter(
			(e) => e.method === 'GET' && /\/task\/json\//.test(e.path),
		);
		expect(gets).toHaveLength(1);
	});

	it.each(taskFields)(
		'task create: smenso drops %s → the row warns about %s',
		async (wire, label, value) => {
			sandbox.config.ignoreFields = { task: [wire] };
			const [task] = await ok({
				resource: 'task',
				operation: 'create',
				projectId: rl(String(project().id)),
				title: `Dropped ${wire}`,
				additionalFields: all(),
			});
			expect(task).toMatchObject({ title: `Dropped ${wire}`, ticketStatus: 'Success' });
			expect(task.warnings).toEqual([
				expect.stringMatching(
					new RegExp(
						`^smenso did not store ${label.replace(/[()]/g, '\\$&')}.*see the README's smenso notes$`,
					),
				),
			]);
			expect(Object.keys(value())).toHaveLength(1);
		},
	);

	it('task update: a dropped planned effort is a warning too', async () => {
		sandbox.config.ignoreFields = { task: ['plannedDuration'] };
		const [task] = await ok({
			resource: 'task',
			operation: 'update',
			projectId: rl(String(project().id)),
			taskId: rl(String(t0().id)),
			updateFields: { plannedHours: '7', title: 'Renamed' },
		});
		expect(task).toMatchObject({ title: 'Renamed' });
		expect(task.warnings).toEqual([
			expect.stringMatching(
				/^smenso did not store Planned Effort \(Hours\) \(sent plannedDuration = 420; the task read back has/,
			),
		]);
	});

	it.each([
		['flavor', 'Custom Fields (Flavors)', { flavors: 'Billable=true' }],
		['description', 'Description', { description: 'Workshop' }],
	])('time record: smenso drops %s → the row warns about %s', async (wire, label, extra) => {
		sandbox.config.ignoreFields = { timeRecord: [wire] };
		const [record] = await ok({
			resource: 'timeRecord',
			operation: 'create',
			projectId: rl(String(project().id)),
			taskId: rl(String(t0().id)),
			userId: rl(String(member(1).id)),
			date: '2026-03-02',
			hours: '1',
			additionalFields: { flavors: 'Billable=true', description: 'Workshop', ...extra },
		});
		expect(record).toMatchObject({ duration: 60 });
		expect(record.warnings).toEqual([expect.stringContaining(`smenso did not store ${label}`)]);
	});

	it('project: smenso drops the flavors → the row warns; kept flavors give none', async () => {
		const input = {
			resource: 'project',
			operation: 'create',
			phaseId: '101',
			typeId: '201',
			additionalFields: { flavors: 'Risk score=4\nCustomer reference=ACME-1' },
		};
		const [kept] = await ok({ ...input, title: 'Flavors kept' });
		expect(kept.warnings).toBeUndefined();
		sandbox.config.ignoreFields = { project: ['flavor'] };
		const [dropped] = await ok({ ...input, title: 'Flavors dropped' });
		expect(dropped.warnings).toEqual([
			"smenso did not store Custom Fields (Flavors): Risk score, Customer reference (the project read back shows other values); see the README's smenso notes",
		]);
	});
});

describe("project from template: every option smenso's own node sends, each the user's choice", () => {
	const template = () => st().projects.find((p) => p.isTemplate)!;
	const create = (title: string, templateFields: IDataObject = {}) =>
		ok({
			resource: 'project',
			operation: 'createFromTemplate',
			templateId: rl(String(template().id)),
			title,
			folder: 'Planning',
			projectType: 'Customer project',
			templateFields,
		});
	const ALL = [
		'adjustTaskDates',
		'benefit',
		'blockTimeRecording',
		'budget',
		'columnDescriptions',
		'description',
		'flavors',
		'folderTasksTemplate',
		'goal',
		'hourlyRate',
		'labels',
		'location',
		'manager',
		'markedColumns',
		'observers',
		'permissions',
		'startDate',
		'tasks',
		'tasksTemplate',
		'tasksWorkflow',
		'viewSettings',
	];

	it("sends all 21 options, on by default as in smenso's node; the UI lists every one", async () => {
		const [project] = await create('All options');
		expect(project.warnings).toBeUndefined();
		expect(Object.keys(sandbox.counters.templateOptions!).sort()).toEqual(ALL);
		expect(Object.values(sandbox.counters.templateOptions!).every((v) => v === true)).toBe(true);
		const ui = new Smenso().description.properties.find(
			(p) => p.name === 'templateFields' && p.displayOptions?.show?.resource?.includes('project'),
		)!;
		const toggles = (ui.options as IDataObject[]).filter(
			(o) => o.type === 'boolean' && o.name !== 'isPrivate',
		);
		expect(toggles).toHaveLength(21);
		expect(toggles.every((o) => o.default === true)).toBe(true);
	});

	it('an option switched off goes out as false (Copy Labels, Copy Start Date)', async () => {
		await create('Some options', { labels: false, copyStartDate: false, budget: false });
		expect(sandbox.counters.templateOptions).toMatchObject({
			labels: false,
			startDate: false,
			budget: false,
			tasks: true,
			viewSettings: true,
		});
	});

	it.each([
		['budget', 'Budget'],
		['description', 'Description'],
		['goal', 'Goal'],
		['manager', 'Manager'],
		['hourlyRate', 'Hourly Rate'],
		['flavors', 'Flavors'],
	])(
		"smenso does not apply option %s: the row warns that it did not copy the template's %s",
		async (option, what) => {
			sandbox.config.ignoreFields = { templateOptions: [option] };
			const [project] = await create(`Not copied ${option}`);
			expect(project).toMatchObject({ title: `Not copied ${option}`, ticketStatus: 'Success' });
			expect(project.warnings).toEqual([
				expect.stringMatching(
					new RegExp(`^smenso did not copy the template's ${what} \\(Copy ${what} is on;`),
				),
			]);
		},
	);

	it('an option switched off is not a warning when smenso leaves the value out', async () => {
		const [project] = await create('Budget off', { budget: false });
		expect(project.budget ?? null).toBeNull();
		expect(project.warnings).toBeUndefined();
	});
});

describe('project Get Many: no promise on an undocumented flag', () => {
	it('hides archived projects marked isArchived or archived, templates marked isTemplate or template; says so in the UI', async () => {
		const body = [
			{ id: 'a', title: 'Plain' },
			{ id: 'b', title: 'Old', isArchived: true },
			{ id: 'c', title: 'Old too', archived: true },
			{ id: 'd', title: 'Blueprint', template: true },
		];
		const fault = {
			type: 'status',
			status: 200,
			method: 'GET',
			path: 'integration/project/json$',
			body,
			count: 2,
		};
		sandbox.addFault(fault as IDataObject);
		// Records in a shape smenso's pages do not show: run without the output-schema check.
		const titles = async (parameters: IDataObject) => {
			const r = await runNode({
				nodeType: new Smenso(),
				parameters: { resource: 'project', operation: 'getAll', returnAll: true, ...parameters },
				credentialTypes,
				credentials: credentialsFor(sandbox),
			});
			return json(r.items).map((p) => p.title);
		};
		expect(await titles({})).toEqual(['Plain']);
		expect(await titles({ filters: { includeArchived: true, includeTemplates: true } })).toEqual([
			'Plain',
			'Old',
			'Old too',
			'Blueprint',
		]);
		const filters = new Smenso().description.properties.find(
			(p) => p.name === 'filters' && p.displayOptions?.show?.resource?.includes('project'),
		)!;
		const hints = Object.fromEntries(
			(filters.options as IDataObject[]).map((o) => [o.name, String(o.hint ?? '')]),
		);
		expect(hints.includeArchived).toBe(
			"smenso's reads do not document the archived flag; this filter checks isArchived and archived (a project with neither is kept)",
		);
		expect(hints.includeTemplates).toMatch(/checks isTemplate and template/);
	});
});

describe('row messages stay on their row', () => {
	const logTime = (style: string) => {
		sandbox.config.ticketMessages = style;
		const projectId = String(st().projects[1].id);
		return run(
			sandbox,
			{
				resource: 'timeRecord',
				operation: 'create',
				projectId: rl(projectId),
				taskId: rl(String(tasksOf(projectId)[0].id)),
				userId: rl(String(member(1).id)),
				date: '={{ $json.date }}',
				hours: '1',
			},
			// Row 2 is in the locked period: smenso's ticket names it, the others are written.
			[{ date: '2026-03-02' }, { date: '2025-06-02' }, { date: '2026-03-03' }],
			{ continueOnFail: true },
		);
	};

	it.each([
		['tempId', "Record 1 (tempId 'n8n-row-2')"],
		['record0', 'Record 1 (0-based, agreeing with the read-back)'],
		['record1', 'Record 2 (1-based, agreeing with the read-back)'],
	])(
		'a message naming row 2 (%s: %s) fails row 2 only; rows 1 and 3 carry no copy of it',
		async (style) => {
			const out = json((await logTime(style)).items);
			expect(out[1]).toMatchObject({ row: 2, mayHaveBeenApplied: false });
			expect(String(out[1].error)).toMatch(/^Time records before 2026-01-01 are locked$/);
			for (const row of [out[0], out[2]]) {
				expect(row).toMatchObject({ duration: 60, ticketStatus: 'Success with Errors' });
				expect(row.warnings).toBeUndefined();
				expect(row.ticketMessages).toBeUndefined();
			}
		},
	);

	it('a message naming no row: every row of the ticket gets it under ticketMessages (not as a warning); the row the read-back does not find is not reported written', async () => {
		const out = json((await logTime('none')).items);
		for (const row of [out[0], out[2]]) {
			expect(row.ticketMessages).toEqual(['Time records before 2026-01-01 are locked']);
			expect(row.warnings).toBeUndefined();
		}
		expect(out[1]).toMatchObject({ row: 2, mayHaveBeenApplied: true });
		expect(String(out[1].error)).toMatch(
			/^smenso's ticket does not confirm this record: Time records before 2026-01-01 are locked$/,
		);
	});

	it('updates: "Record 2" is row 2 where the read-back shows row 2 unchanged and row 1 changed', async () => {
		sandbox.config.ticketMessages = 'record1';
		const projectId = String(st().projects[1].id);
		const [r1, r2, r3] = st().timeRecords.filter((r) => r.projectId === projectId);
		const r = await run(
			sandbox,
			{
				resource: 'timeRecord',
				operation: 'update',
				projectId: rl(projectId),
				timeRecordId: '={{ $json.id }}',
				updateFields: { hours: '={{ $json.hours }}', date: '={{ $json.date }}' },
			},
			[
				{ id: r1.id, hours: '3', date: '2026-01-02' },
				{ id: r2.id, hours: '4', date: '2025-06-02' },
				{ id: r3.id, hours: '5', date: '2026-01-08' },
			],
			{ continueOnFail: true },
		);
		const out = json(r.items);
		expect(out.map((o) => o.duration ?? o.row)).toEqual([180, 2, 300]);
		expect(String(out[1].error)).toMatch(/locked/);
		expect(out[0].ticketMessages).toBeUndefined();
	});

	it('a Success ticket with a message naming a row: a warning of that row only', async () => {
		sandbox.addFault({
			type: 'status',
			status: 200,
			method: 'GET',
			path: 'integration/status/json/',
			body: {
				id: '11111111-2222-4333-8444-555555555555',
				endpoint: 'Task',
				success: 1,
				status: 'Success',
				statusId: 10,
				received: '11.02.2026 13:19:22',
				started: '11.02.2026 13:19:24',
				processed: '11.02.2026 13:19:29',
				messages: ["Record 1 (tempId 'n8n-row-2'): flavor 'Billable' ignored"],
			},
		} as IDataObject);
		const out = await ok(
			{
				resource: 'task',
				operation: 'create',
				projectId: rl(String(project().id)),
				title: '={{ $json.title }}',
			},
			[{ title: 'First' }, { title: 'Second' }],
		);
		expect(out[0].warnings).toBeUndefined();
		expect(out[1].warnings).toEqual(["flavor 'Billable' ignored"]);
		expect(out.every((o) => o.ticketMessages === undefined)).toBe(true);
	});
});

describe('paths: the documented alternative once on 404 "no such endpoint", remembered per base URL', () => {
	it('archive falls back to the older path when the newer one does not exist, and remembers it', async () => {
		sandbox.addFault({
			type: 'status',
			status: 404,
			method: 'POST',
			path: 'project/json/archive/',
			body: {
				errors: ['No such endpoint: POST /skyisland/api/integration/project/json/archive/x'],
			},
			count: -1,
		} as IDataObject);
		const id = String(project().id);
		const [out] = await ok({ resource: 'project', operation: 'archive', projectId: rl(id) });
		expect(out).toMatchObject({ id, isArchived: true });
		const calls = () =>
			sandbox.stats.log
				.filter((e) => e.method === 'POST' && /archive/.test(e.path))
				.map((e) => `${e.status} ${e.path.replace(id, 'ID')}`);
		expect(calls()).toEqual([
			'404 /skyisland/api/integration/project/json/archive/ID',
			'202 /skyisland/api/integration/project/json/ID/archive',
		]);
		await ok({
			resource: 'project',
			operation: 'archive',
			projectId: rl(String(st().projects[1].id)),
		});
		expect(calls().filter((c) => c.startsWith('404'))).toHaveLength(1);
	});

	it('a record-not-found 404 is not a reason to try another path', async () => {
		const r = await run(sandbox, {
			resource: 'project',
			operation: 'archive',
			projectId: rl('00000000-0000-4000-8000-000000000000'),
		});
		expect(r.error?.message).toMatch(/not found/);
		expect(sandbox.stats.log.filter((e) => e.method === 'POST').length).toBe(1);
	});

	it('status report from template: the page path first, the vendor node path on "no such endpoint"', async () => {
		const projectId = String(st().projects[1].id);
		const templateId = String(st().statusReportTemplates[0].id);
		const [a] = await ok({
			resource: 'statusReport',
			operation: 'createFromTemplate',
			projectId: rl(projectId),
			templateId,
			title: 'From template',
		});
		expect(a).toMatchObject({ ticketStatus: 'Success', projectId });
		expect(
			sandbox.stats.log.some((e) => e.path.includes('/template/statusreport/create/json/')),
		).toBe(true);
	});
});

// ---------------------------------------------------------------- every operation

type Case = [string, string, () => IDataObject, (out: IDataObject[]) => void];

const t0 = () => tasksOf(project().id)[0];
const cases: Case[] = [
	[
		'project',
		'getAll',
		() => ({ returnAll: true }),
		(o) =>
			expect(o.map((p) => p.title)).toEqual(
				expect.arrayContaining(['ERP Rollout', 'Website Relaunch']),
			),
	],
	[
		'project',
		'get',
		() => ({ projectId: rl(String(project().id), 'list') }),
		(o) => expect(o[0]).toMatchObject({ title: 'ERP Rollout', startDate: '2026-01-05' }),
	],
	[
		'project',
		'create',
		() => ({ title: 'P', phaseId: '101', typeId: '201' }),
		(o) => expect(o[0]).toMatchObject({ title: 'P', ticketStatus: 'Success' }),
	],
	[
		'project',
		'update',
		() => ({
			projectId: rl(String(project().id)),
			updateFields: { title: 'ERP Rollout 2', budget: 9 },
		}),
		(o) => expect(o[0]).toMatchObject({ title: 'ERP Rollout 2', budget: 9 }),
	],
	[
		'project',
		'archive',
		() => ({ projectId: rl(String(project().id)) }),
		(o) => expect(o[0]).toMatchObject({ isArchived: true }),
	],
	[
		'project',
		'unarchive',
		() => ({ projectId: rl(String(st().projects.find((p) => p.isArchived)!.id)) }),
		(o) => expect(o[0]).toMatchObject({ isArchived: false }),
	],
	[
		'project',
		'delete',
		() => ({ projectId: rl(String(st().projects[3].id)) }),
		(o) => expect(o[0]).toMatchObject({ deleted: true }),
	],
	[
		'project',
		'createFromTemplate',
		() => ({
			templateId: rl(String(st().projects.find((p) => p.isTemplate)!.id)),
			title: 'From template',
			folder: 'Planning',
			projectType: 'Customer project',
		}),
		(o) => expect(o[0]).toMatchObject({ title: 'From template', isTemplate: false }),
	],
	[
		'project',
		'updateMasterData',
		() => ({
			projectId: rl(String(project().id)),
			templateId: rl(String(st().projects.find((p) => p.isTemplate)!.id)),
			masterData: { budget: true, overwriteValues: true },
		}),
		(o) => expect(o[0]).toMatchObject({ id: project().id }),
	],
	[
		'task',
		'getAll',
		() => ({ projectId: rl(String(project().id)), returnAll: true }),
		(o) => expect(o.length).toBe(tasksOf(project().id).length),
	],
	[
		'task',
		'get',
		() => ({ projectId: rl(String(project().id)), taskId: rl(String(t0().id)) }),
		(o) =>
			expect(o[0]).toMatchObject({ id: t0().id, plannedHours: Number(t0().plannedDuration) / 60 }),
	],
	[
		'task',
		'getTree',
		() => ({ projectId: rl(String(project().id)), taskId: rl(String(t0().id)) }),
		(o) => expect(o[0]).toMatchObject({ id: t0().id }),
	],
	[
		'task',
		'create',
		() => ({
			projectId: rl(String(project().id)),
			title: 'T',
			additionalFields: { priority: 3, statusId: 2 },
		}),
		(o) => expect(o[0]).toMatchObject({ title: 'T', priority: 3 }),
	],
	[
		'task',
		'update',
		() => ({
			projectId: rl(String(project().id)),
			taskId: rl(String(t0().id)),
			updateFields: { title: 'Renamed', plannedHours: '8' },
		}),
		(o) => expect(o[0]).toMatchObject({ title: 'Renamed', plannedDuration: 480 }),
	],
	[
		'task',
		'delete',
		() => ({ projectId: rl(String(project().id)), taskId: rl(String(t0().id)) }),
		(o) => expect(o[0]).toMatchObject({ deleted: true }),
	],
	[
		'task',
		'createFromTemplate',
		() => ({
			projectId: rl(String(project().id)),
			taskTemplateId: String(st().taskTemplates[0].id),
			templateFields: { title: 'From task template' },
		}),
		(o) => expect(o[0]).toMatchObject({ ticketStatus: 'Success' }),
	],
	[
		'task',
		'addDependency',
		() => ({
			projectId: rl(String(project().id)),
			taskId: rl(String(tasksOf(project().id)[2].id)),
			predecessorId: rl(String(t0().id)),
			dependencyType: 'FS',
			lag: 1,
		}),
		(o) =>
			expect(o[0].dependencies).toEqual(
				expect.arrayContaining([expect.objectContaining({ taskId: t0().id, type: 'FS', lag: 1 })]),
			),
	],
	[
		'task',
		'removeDependencies',
		() => {
			const withDep = st().tasks.find(
				(t) => Array.isArray(t.dependencies) && (t.dependencies as IDataObject[]).length,
			)!;
			return {
				projectId: rl(String(withDep.projectId)),
				taskId: rl(String(withDep.id)),
				predecessorIds: String((withDep.dependencies as IDataObject[])[0].taskId),
			};
		},
		(o) => expect(o[0]).toHaveProperty('dependencies'),
	],
	[
		'timeRecord',
		'getAll',
		() => ({ projectId: rl(String(project().id)), returnAll: true }),
		(o) => expect(o.length).toBeGreaterThan(0),
	],
	[
		'timeRecord',
		'create',
		() => ({
			projectId: rl(String(project().id)),
			taskId: rl(String(t0().id)),
			userId: rl(String(member(1).email), 'email'),
			date: '2026-03-02',
			hours: '0:45',
		}),
		(o) => expect(o[0]).toMatchObject({ duration: 45, hours: 0.75 }),
	],
	[
		'timeRecord',
		'update',
		() => {
			const r = st().timeRecords.find((x) => !x.locked && String(x.date) >= '2026-01-01')!;
			return {
				projectId: rl(String(r.projectId)),
				timeRecordId: String(r.id),
				updateFields: { hours: '2', description: 'fixed' },
			};
		},
		(o) => expect(o[0]).toMatchObject({ duration: 120 }),
	],
	[
		'timeRecord',
		'delete',
		() => ({
			timeRecordId: String(st().timeRecords.find((x) => String(x.date) >= '2026-01-01')!.id),
		}),
		(o) => expect(o[0]).toMatchObject({ deleted: true }),
	],
	[
		'absence',
		'getAll',
		() => ({ returnAll: true }),
		(o) => expect(o.length).toBe(st().absences.length),
	],
	[
		'absence',
		'create',
		() => ({
			userId: rl(String(member(2).id)),
			absenceTypeId: rl(String(st().absenceTypes[0].id)),
			startDate: '2026-09-07',
			endDate: '2026-09-08',
			additionalFields: { startDateMinutes: 240 },
		}),
		(o) => expect(o[0]).toMatchObject({ startDate: '2026-09-07', startDateMinutes: 240 }),
	],
	[
		'absence',
		'update',
		() => ({ absenceId: String(st().absences[0].id), updateFields: { comment: 'changed' } }),
		(o) => expect(o[0]).toMatchObject({ comment: 'changed' }),
	],
	[
		'absence',
		'approve',
		() => ({
			absenceId: String(
				(st().absences.find((a) => a.status === 'submitted') ?? st().absences[0]).id,
			),
		}),
		(o) => expect(o[0]).toMatchObject({ status: 'approved' }),
	],
	[
		'absence',
		'reject',
		() => ({
			absenceId: String(
				(st().absences.find((a) => a.status === 'submitted') ?? st().absences[0]).id,
			),
		}),
		(o) => expect(o[0]).toMatchObject({ status: 'rejected' }),
	],
	[
		'absence',
		'submit',
		() => ({ absenceId: String((st().absences.find((a) => a.status) ?? st().absences[0]).id) }),
		(o) => expect(o[0]).toMatchObject({ status: 'submitted' }),
	],
	[
		'absence',
		'delete',
		() => ({ absenceId: String(st().absences[0].id) }),
		(o) => expect(o[0]).toMatchObject({ deleted: true }),
	],
	[
		'statusReport',
		'create',
		() => ({
			projectId: rl(String(st().projects[2].id)),
			title: 'Weekly',
			statusDate: '2026-03-06',
			additionalFields: { overallStatusId: 2, progressManual: 40 },
		}),
		(o) => expect(o[0]).toMatchObject({ title: 'Weekly', ticketStatus: 'Success' }),
	],
	[
		'statusReport',
		'update',
		() => ({
			projectId: rl(String(project().id)),
			statusReportId: String(statusReportOf(project().id).id),
			updateFields: { explanation: 'Better' },
		}),
		(o) => expect(o[0]).toMatchObject({ explanation: 'Better' }),
	],
	[
		'statusReport',
		'publish',
		() => ({
			projectId: rl(String(project().id)),
			statusReportId: String(statusReportOf(project().id).id),
		}),
		(o) => expect(o[0]).toMatchObject({ isPublished: true }),
	],
	[
		'statusReport',
		'delete',
		() => ({
			projectId: rl(String(project().id)),
			statusReportId: String(statusReportOf(project().id).id),
		}),
		(o) => expect(o[0]).toMatchObject({ deleted: true }),
	],
	[
		'statusReport',
		'createFromTemplate',
		() => ({
			projectId: rl(String(st().projects[2].id)),
			templateId: String(st().statusReportTemplates[0].id),
			title: 'From template',
			progressManual: 10,
		}),
		(o) => expect(o[0]).toMatchObject({ ticketStatus: 'Success' }),
	],
	[
		'comment',
		'addToTask',
		() => ({
			projectId: rl(String(project().id)),
			taskId: rl(String(t0().id)),
			text: 'Looks good',
			isInternal: true,
		}),
		(o) => expect(o[0]).toMatchObject({ text: 'Looks good', isInternal: true, taskId: t0().id }),
	],
	[
		'comment',
		'addToStatusReport',
		() => ({ statusReportId: String(statusReportOf(project().id).id), text: 'Noted' }),
		(o) => expect(o[0]).toMatchObject({ text: 'Noted' }),
	],
	[
		'comment',
		'get',
		() => ({ commentId: String(st().comments[0].id) }),
		(o) => expect(o[0]).toMatchObject({ id: st().comments[0].id }),
	],
	[
		'comment',
		'getManyOnTask',
		() => ({
			projectId: rl(String(project().id)),
			taskId: rl(String(st().comments.find((c) => c.taskId)!.taskId)),
			returnAll: true,
		}),
		(o) => expect(o.length).toBeGreaterThan(0),
	],
	[
		'comment',
		'getManyOnStatusReport',
		() => ({
			statusReportId: String(
				(
					st().comments.find((c) => c.statusReportId) ?? {
						statusReportId: statusReportOf(project().id).id,
					}
				).statusReportId,
			),
			returnAll: true,
		}),
		(o) => expect(Array.isArray(o)).toBe(true),
	],
	[
		'comment',
		'update',
		() => ({
			commentId: String(st().comments.find((c) => c.taskId)!.id),
			target: 'task',
			text: 'Edited',
		}),
		(o) => expect(o[0]).toMatchObject({ text: 'Edited' }),
	],
	[
		'comment',
		'delete',
		() => ({ commentId: String(st().comments[0].id) }),
		(o) => expect(o[0]).toMatchObject({ deleted: true }),
	],
	[
		'folder',
		'getAll',
		() => ({ projectId: rl(String(project().id)), returnAll: true }),
		(o) => expect(o.length).toBeGreaterThan(0),
	],
	[
		'folder',
		'create',
		() => ({
			projectId: rl(String(project().id)),
			name: 'Go-live',
			additionalFields: { priority: 'high', color: '#ff0000' },
		}),
		(o) => expect(o[0]).toMatchObject({ name: 'Go-live', color: '#FF0000' }),
	],
	[
		'folder',
		'update',
		() => ({
			projectId: rl(String(project().id)),
			folderId: rl(String(st().folders.find((f) => f.projectId === project().id)!.id)),
			updateFields: { name: 'Prep' },
		}),
		(o) => expect(o[0]).toMatchObject({ name: 'Prep' }),
	],
	[
		'folder',
		'delete',
		() => ({
			projectId: rl(String(project().id)),
			folderId: rl(String(st().folders.find((f) => f.projectId === project().id)!.id)),
		}),
		(o) => expect(o[0]).toMatchObject({ deleted: true }),
	],
	[
		'attachment',
		'getAll',
		() => ({ parent: 'project', projectId: rl(String(project().id)), returnAll: true }),
		(o) => expect(o.length).toBeGreaterThan(0),
	],
	[
		'attachment',
		'delete',
		() => ({ attachmentId: String(st().attachments[0].id) }),
		(o) => expect(o[0]).toMatchObject({ deleted: true }),
	],
	['flavor', 'getAll', () => ({ returnAll: true }), (o) => expect(o.length).toBeGreaterThan(0)],
	[
		'flavor',
		'delete',
		() => ({ flavorId: String(st().flavors.find((f) => f.type !== 'formula')!.id) }),
		(o) => expect(o[0]).toMatchObject({ deleted: true }),
	],
	[
		'permission',
		'getProject',
		() => ({ projectId: rl(String(project().id)) }),
		(o) => expect(o[0]).toHaveProperty('projectId'),
	],
	[
		'permission',
		'getTask',
		() => ({ projectId: rl(String(project().id)), taskId: rl(String(t0().id)) }),
		(o) => expect(o[0]).toHaveProperty('taskId'),
	],
	[
		'permission',
		'setProjectAccess',
		() => ({ projectId: rl(String(project().id)), access: { addUsers: String(member(1).email) } }),
		(o) => expect(JSON.stringify(o[0])).toContain(String(member(1).id)),
	],
	[
		'permission',
		'setTaskAccess',
		() => ({
			projectId: rl(String(project().id)),
			taskId: rl(String(t0().id)),
			access: { addUsers: String(member(1).email) },
		}),
		(o) => expect(o[0]).toHaveProperty('taskId'),
	],
	[
		'permission',
		'setProjectPrivacy',
		() => ({ projectId: rl(String(project().id)), access: { addUsers: String(member(1).email) } }),
		(o) => expect(o[0]).toHaveProperty('projectId'),
	],
	[
		'permission',
		'setTaskPrivacy',
		() => ({
			projectId: rl(String(project().id)),
			taskId: rl(String(t0().id)),
			access: { addUsers: String(member(1).email) },
		}),
		(o) => expect(o[0]).toHaveProperty('taskId'),
	],
	[
		'permission',
		'removeProjectAccess',
		() => ({ projectId: rl(String(project().id)) }),
		(o) => expect(o[0]).toHaveProperty('projectId'),
	],
	[
		'permission',
		'removeTaskAccess',
		() => ({ projectId: rl(String(project().id)), taskId: rl(String(t0().id)) }),
		(o) => expect(o[0]).toHaveProperty('taskId'),
	],
	[
		'permission',
		'removeProjectPrivacy',
		() => ({ projectId: rl(String(project().id)) }),
		(o) => expect(o[0]).toHaveProperty('projectId'),
	],
	[
		'permission',
		'removeTaskPrivacy',
		() => ({ projectId: rl(String(project().id)), taskId: rl(String(t0().id)) }),
		(o) => expect(o[0]).toHaveProperty('taskId'),
	],
	[
		'member',
		'getAll',
		() => ({ returnAll: true }),
		(o) => expect(o.length).toBe(st().members.length),
	],
	[
		'member',
		'update',
		() => ({
			memberId: rl(String(member(1).email), 'email'),
			flavors:
				'Skills=SAP,Java\nCost centre=' +
				String((st().flavors.find((f) => f.name === 'Cost centre')!.options as string[])[0]),
		}),
		(o) => expect(o[0]).toMatchObject({ email: member(1).email }),
	],
	[
		'absenceType',
		'getAll',
		() => ({ returnAll: true }),
		(o) => expect(o.map((t) => t.title)).toContain('Vacation'),
	],
	[
		'absenceType',
		'get',
		() => ({ absenceTypeId: rl(String(st().absenceTypes[0].id)) }),
		(o) => expect(o[0]).toMatchObject({ title: 'Vacation' }),
	],
	[
		'absenceType',
		'create',
		() => ({
			title: 'Sabbatical',
			additionalFields: { type: 'limited', yearlyBudget: 20, isApprovalNecessary: true },
		}),
		(o) => expect(o[0]).toMatchObject({ title: 'Sabbatical', type: 'limited' }),
	],
	[
		'absenceType',
		'update',
		() => ({
			absenceTypeId: rl(String(st().absenceTypes[2].id)),
			updateFields: { yearlyBudget: 5, type: 'limited' },
		}),
		(o) => expect(o[0]).toMatchObject({ yearlyBudget: 5 }),
	],
	[
		'absenceType',
		'delete',
		() => ({ absenceTypeId: rl(String(st().absenceTypes[3].id)) }),
		(o) => expect(o[0]).toMatchObject({ deleted: true }),
	],
	[
		'workingTime',
		'getAll',
		() => ({ returnAll: true }),
		(o) => expect(o[0]).toHaveProperty('mondayHours'),
	],
	[
		'workingTime',
		'create',
		() => ({
			userId: rl(String(member(2).id)),
			startDate: '2026-10-01',
			additionalFields: { mondayHours: '6', fridayHours: '4:30' },
		}),
		(o) =>
			expect(o[0]).toMatchObject({ mondayCapacity: 360, fridayCapacity: 270, fridayHours: 4.5 }),
	],
	[
		'workingTime',
		'update',
		() => ({ workingTimeId: String(st().workingTimes[0].id), updateFields: { tuesdayHours: '7' } }),
		(o) => expect(o[0]).toMatchObject({ tuesdayCapacity: 420 }),
	],
	[
		'workingTime',
		'delete',
		() => ({ workingTimeId: String(st().workingTimes[st().workingTimes.length - 1].id) }),
		(o) => expect(o[0]).toMatchObject({ deleted: true }),
	],
	[
		'invitation',
		'inviteMember',
		() => ({ email: 'new.member@example.com', memberRole: 'member', locale: 'en' }),
		(o) => expect(o[0]).toMatchObject({ email: 'new.member@example.com', status: 'invited' }),
	],
	[
		'invitation',
		'inviteGuest',
		() => ({ email: 'guest@example.org', guestRole: 'guest' }),
		(o) => expect(o[0]).toMatchObject({ role: 'guest' }),
	],
	['timezone', 'getAll', () => ({}), (o) => expect(o.map((z) => z.id)).toContain('Europe/Berlin')],
	[
		'report',
		'getProjects',
		() => ({ returnAll: true, projectsFilter: 'all' }),
		(o) => expect(o.length).toBeGreaterThan(0),
	],
	[
		'report',
		'getProject',
		() => ({ projectId: rl(String(project().id)) }),
		(o) => expect(o.length).toBe(1),
	],
	[
		'report',
		'getTasks',
		() => ({ projectId: rl(String(project().id)), returnAll: true }),
		(o) => expect(o.length).toBeGreaterThan(0),
	],
	[
		'report',
		'getFilteredTasks',
		() => ({ returnAll: true, globalProjectsFilter: 'all' }),
		(o) => expect(o.length).toBeGreaterThan(0),
	],
	[
		'report',
		'getTimeRecords',
		() => ({ returnAll: true }),
		(o) => expect(o.length).toBeGreaterThan(0),
	],
	[
		'report',
		'getAbsences',
		() => ({ returnAll: true, mode: 'all' }),
		(o) => expect(o.length).toBeGreaterThan(0),
	],
	['report', 'getTeams', () => ({ returnAll: true }), (o) => expect(o.length).toBeGreaterThan(0)],
	['report', 'getFlavors', () => ({ returnAll: true }), (o) => expect(o.length).toBeGreaterThan(0)],
	[
		'report',
		'getMemberSettings',
		() => ({ returnAll: true }),
		(o) => expect(o.length).toBeGreaterThan(0),
	],
];

/** Operations that change nothing, as the node declares them (run once; writes run against both ticket shapes). */
const READ_ONLY = readOnlyTable(RESOURCES);
const isRead = (resource: string, operation: string) => READ_ONLY[resource]?.[operation] === true;

describe('every operation against the strict sandbox', () => {
	it.each(cases.filter(([r, o]) => isRead(r, o)))(
		'%s › %s',
		async (resource, operation, params, check) => {
			const out = await ok({ resource, operation, ...params() });
			check(out);
		},
	);

	describe.each(SHAPES)('writes, %s tickets', (shape) => {
		beforeEach(() => (sandbox.config.ticketShape = shape));
		it.each(cases.filter(([r, o]) => !isRead(r, o)))(
			'%s › %s',
			async (resource, operation, params, check) => {
				const out = await ok({ resource, operation, ...params() });
				check(out);
				for (const row of out) expect(row).not.toHaveProperty('error');
			},
		);
	});

	it.each(SHAPES)('ticket › get (%s tickets)', async (shape) => {
		sandbox.config.ticketShape = shape;
		const [created] = await ok({
			resource: 'task',
			operation: 'create',
			projectId: rl(String(project().id)),
			title: 'x',
		});
		const [ticket] = await ok({
			resource: 'ticket',
			operation: 'get',
			ticketId: String(created.ticketId),
			raw: true,
		});
		expect(ticket).toMatchObject({
			id: created.ticketId,
			status: 'Success',
			state: 'success',
			counts: shape === 'rich' ? { created: 1 } : {},
		});
		expect(Object.keys(ticket.raw as IDataObject).sort()).toEqual(
			[
				'endpoint',
				'id',
				'processed',
				'received',
				'started',
				'status',
				'statusId',
				'success',
				...(shape === 'rich' ? ['Task', 'messages'] : []),
			].sort(),
		);
	});

	it.each(['bytes', 'json'])(
		'attachment › upload and download round trip (binary data in, the same bytes and name out; download answered as %s)',
		async (shape) => {
			sandbox.config.downloadShape = shape;
			const projectId = String(project().id);
			const bytes = Buffer.from('%PDF-1.4 smenso round trip\n');
			const uploaded = await ok(
				{
					resource: 'attachment',
					operation: 'upload',
					parent: 'task',
					projectId: rl(projectId),
					taskId: rl(String(t0().id)),
					binaryPropertyName: 'data',
				},
				[
					{
						json: {},
						binary: {
							data: {
								data: bytes.toString('base64'),
								mimeType: 'application/pdf',
								fileName: 'minutes.pdf',
							},
						},
					} as unknown as IDataObject,
				],
			);
			expect(uploaded[0]).toMatchObject({ fileName: 'minutes.pdf', size: bytes.length });
			const r = await run(sandbox, {
				resource: 'attachment',
				operation: 'download',
				attachmentId: String(uploaded[0].id),
				binaryPropertyName: 'file',
			});
			const item = r.items[0][0];
			expect(item.json).toMatchObject({
				fileName: 'minutes.pdf',
				mimeType: 'application/pdf',
				size: bytes.length,
			});
			expect((await bytesOf(item.binary!.file)).equals(bytes)).toBe(true);
			expect(item.binary!.file).toMatchObject({
				fileName: 'minutes.pdf',
				mimeType: 'application/pdf',
			});
			// The request says it takes either answer.
			const accept = sandbox.counters.downloadAccepts[0];
			expect(accept).toMatch(/application\/octet-stream/);
			expect(accept).toMatch(/application\/json/);
		},
	);

	it('attachment › download answered with JSON that holds no file: an error naming its keys, no file', async () => {
		sandbox.addFault({
			type: 'status',
			status: 200,
			method: 'GET',
			path: 'attachment/json/',
			body: { id: 'x', url: 'https://example.sharepoint.com/f' },
		} as IDataObject);
		const r = await run(
			sandbox,
			{
				resource: 'attachment',
				operation: 'download',
				attachmentId: String(st().attachments[0].id),
			},
			undefined,
			{ continueOnFail: true },
		);
		const [out] = json(r.items);
		expect(String(out.error)).toMatch(/JSON that holds no file content/);
		expect(String(out.description)).toMatch(/keys: id, url/);
		expect(r.items[0][0].binary).toBeUndefined();
	});

	it('report › CSV into binary data', async () => {
		const r = await run(sandbox, {
			resource: 'report',
			operation: 'getTimeRecords',
			format: 'CSV',
		});
		const item = r.items[0][0];
		expect(item.json).toMatchObject({ fileName: 'smenso-time-records.csv' });
		expect((await bytesOf(item.binary!.data)).toString('utf8').split(/\r?\n/)[0]).toContain(';');
	});

	it('covers every operation of the node and each has an output schema file', () => {
		const ops = operationsOf(new Smenso().description);
		expect(ops.length).toBeGreaterThanOrEqual(70);
		const tested = new Set([
			...cases.map(([r, o]) => `${r}:${o}`),
			'ticket:get',
			'attachment:upload',
			'attachment:download',
		]);
		expect(ops.map((o) => `${o.resource}:${o.operation}`).filter((k) => !tested.has(k))).toEqual(
			[],
		);
		const missing = ops
			.filter((o) => !fs.existsSync(schemaFile('Smenso', o.resource, o.operation)))
			.map((o) => `${o.resource}/${o.operation}`);
		expect(missing).toEqual([]);
	});
});

describe('editor', () => {
	it('lists: projects, members, absence types; a friendly hint without a credential', async () => {
		const projects = (await loadOptions(sandbox, 'listSearch', 'searchProjects')) as {
			results: IDataObject[];
		};
		expect(projects.results.map((p) => p.name)).toContain('ERP Rollout (P-1001)');
		const types = (await loadOptions(sandbox, 'listSearch', 'searchAbsenceTypes', {}, 'vac')) as {
			results: IDataObject[];
		};
		expect(types.results[0].name).toMatch(/^Vacation/);
		const tasks = (await loadOptions(sandbox, 'listSearch', 'searchTasks', {
			projectId: rl(String(project().id)),
		})) as { results: IDataObject[] };
		expect(tasks.results.length).toBe(tasksOf(project().id).length);
	});

	it('no credential chosen yet: every list shows a hint instead of "Error fetching options"', async () => {
		const ctx = {
			getNode: () => ({ credentials: {} }),
			getCurrentNodeParameter: () => undefined,
		} as never;
		const search = new Smenso().methods.listSearch as Record<
			string,
			(this: never, filter?: string) => Promise<{ results: IDataObject[] }>
		>;
		for (const method of Object.keys(search)) {
			const r = await search[method].call(ctx);
			expect(r.results).toEqual([
				{
					name: 'Choose a smenso credential above first: the list loads from your smenso workspace',
					value: '',
				},
			]);
		}
	});

	it('reads are declared read-only (whatever their method), every write is not', () => {
		const reads = Object.entries(READ_ONLY).flatMap(([r, ops]) =>
			Object.entries(ops)
				.filter(([, readOnly]) => readOnly)
				.map(([o]) => `${r}:${o}`),
		);
		// Every read of the node: the Get/Get Many/Get Tree/Get Status operations, the attachment download,
		// the 9 Reporting views (sent as GET), the time zones.
		expect(reads.sort()).toEqual(
			[
				'absence:getAll',
				'absenceType:get',
				'absenceType:getAll',
				'attachment:download',
				'attachment:getAll',
				'comment:get',
				'comment:getManyOnStatusReport',
				'comment:getManyOnTask',
				'flavor:getAll',
				'folder:getAll',
				'member:getAll',
				'permission:getProject',
				'permission:getTask',
				'project:get',
				'project:getAll',
				'report:getAbsences',
				'report:getFilteredTasks',
				'report:getFlavors',
				'report:getMemberSettings',
				'report:getProject',
				'report:getProjects',
				'report:getTasks',
				'report:getTeams',
				'report:getTimeRecords',
				'task:get',
				'task:getAll',
				'task:getTree',
				'ticket:get',
				'timeRecord:getAll',
				'timezone:getAll',
				'workingTime:getAll',
			].sort(),
		);
	});

	it("the action node's codex finds the node and its trigger (n8n's picker searches only the action's aliases)", () => {
		const codex = (file: string) =>
			JSON.parse(
				fs.readFileSync(
					`${__dirname}/../../packages/n8n-nodes-psa-smenso/nodes/Smenso/${file}`,
					'utf8',
				),
			) as { alias: string[] };
		const action = codex('Smenso.node.json').alias.map((a) => a.toLowerCase());
		for (const alias of codex('SmensoTrigger.node.json').alias)
			expect(action).toContain(alias.toLowerCase());
		for (const query of [
			'new task',
			'task completed',
			'new comment',
			'time record',
			'hours logged',
			'new file',
			'absence approved',
			'log time',
			'status report',
			'Urlaub',
		])
			expect(action.some((a) => a.includes(query.toLowerCase()))).toBe(true);
	});

	it('subtitle in words and ≥ 70 operations, each with an action', () => {
		const d = new Smenso().description;
		expect(d.subtitle).toContain('"task:create":"Create · Task"');
		const ops = d.properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => p.options as IDataObject[]);
		expect(ops.every((o) => typeof o.action === 'string' && o.action)).toBe(true);
	});
});
