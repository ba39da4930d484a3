/**
 * Blikk write safety (issue #11) and what users see (issue #15), in-process through n8n-core against the
 * sandbox: nothing is written when a row is bad, read-merge-write keeps every field, Continue On Fail keeps
 * the "may have been applied" warning, impossible dates never leave n8n, polls under a durable scheduler
 * emit nothing twice, dropdowns without a credential, list early stop, output schemas, findability.
 */
import * as fs from 'fs';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { readOnlyTable } from '../../packages/shared/operation';
import { BlikkApi } from '../../packages/n8n-nodes-psa-blikk/credentials/BlikkApi.credentials';
import { RESOURCES } from '../../packages/n8n-nodes-psa-blikk/nodes/Blikk/actions';
import { Blikk } from '../../packages/n8n-nodes-psa-blikk/nodes/Blikk/Blikk.node';
import { BlikkTrigger } from '../../packages/n8n-nodes-psa-blikk/nodes/Blikk/BlikkTrigger.node';
import { CHOOSE_CREDENTIAL_HINT } from '../../packages/n8n-nodes-psa-blikk/nodes/Blikk/methods';
import {
	blikkErrorMessage,
	blikkProfile,
} from '../../packages/n8n-nodes-psa-blikk/nodes/Blikk/transport';
import { CredentialStore } from '../harness/inprocess';
import { operationsOf, schemaFile } from '../harness/schema';
import {
	createBlikkSandbox,
	json,
	load,
	poll,
	resetPacers,
	rl,
	run,
	storeFor,
	type BlikkSandbox,
} from './blikk.helpers';

// Generous: paced requests (4/s) and a busy machine must never fail a test on time.
jest.setTimeout(180_000);

let sandbox: BlikkSandbox;

beforeAll(async () => {
	sandbox = createBlikkSandbox();
	await sandbox.listen();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	resetPacers();
	sandbox.resetStats();
});

const writes = () =>
	sandbox.stats.log.filter((l) => l.method !== 'GET' && l.path !== '/v1/Auth/Token');
const logTime = {
	resource: 'timeReport',
	operation: 'create',
	user: rl(2),
	date: '={{ $json.date }}',
	hours: '={{ $json.hours }}',
	projectType: 'project',
	project: rl(1),
};
const threeRows = [
	{ date: '2026-11-10', hours: 7.5 },
	{ date: '2026-11-11', hours: 'abc' },
	{ date: '2026-11-12', hours: 6 },
];
const reportsOn = (dates: string[]) =>
	sandbox.store().timeReports.filter((r) => dates.includes(String(r.date)));

describe('a bad row in the middle writes nothing (#11.1)', () => {
	it('Log Time: 3 rows, row 2 hours "abc" → the node fails naming row 2 and Blikk saw no write', async () => {
		const r = await run(sandbox, logTime, { input: threeRows });
		expect(r.error?.message).toBe('Hours: must be a number, got "abc" (row 2)');
		expect((r.error as Error & { description?: string }).description).toMatch(
			/every row is checked before the first write/,
		);
		expect(writes()).toHaveLength(0);
		expect(reportsOn(['2026-11-10', '2026-11-11', '2026-11-12'])).toHaveLength(0);
	});

	it('Log Time with Continue On Fail: rows 1 and 3 are created, row 2 is an error row', async () => {
		const r = await run(sandbox, logTime, { input: threeRows, continueOnFail: true });
		const out = r.items[0];
		expect(out).toHaveLength(3);
		expect(out[0].json).toMatchObject({ date: '2026-11-10', hours: 7.5, userId: 2 });
		expect(out[1].json).toMatchObject({
			error: 'Hours: must be a number, got "abc" (row 2)',
			row: 2,
			itemIndex: 1,
			httpCode: null,
			mayHaveBeenApplied: false,
		});
		expect(out[2].json).toMatchObject({ date: '2026-11-12', hours: 6 });
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(writes()).toHaveLength(2);
		expect(reportsOn(['2026-11-10', '2026-11-11', '2026-11-12']).map((x) => x.date)).toEqual([
			'2026-11-10',
			'2026-11-12',
		]);
	});

	it('updates and deletes (PUT/DELETE, retried as idempotent) also wait until every row passed', async () => {
		const update = await run(
			sandbox,
			{
				resource: 'task',
				operation: 'update',
				taskId: rl('={{ $json.id }}'),
				updateFields: { title: '={{ $json.title }}' },
			},
			{
				input: [
					{ id: 1, title: 'Renamed 1' },
					{ id: 2, title: '' },
					{ id: 3, title: 'Renamed 3' },
				],
			},
		);
		expect(update.error?.message).toBe('Title: is required (row 2)');
		const removal = await run(
			sandbox,
			{ resource: 'task', operation: 'delete', taskId: rl('={{ $json.id }}') },
			{ input: [{ id: 4 }, { id: 'x' }] },
		);
		expect(removal.error?.message).toMatch(/\(row 2\)/);
		expect(writes()).toHaveLength(0);
		expect(sandbox.store().tasks.filter((t) => String(t.title).startsWith('Renamed'))).toHaveLength(
			0,
		);
		expect(sandbox.store().tasks.some((t) => t.id === 4)).toBe(true);
	});

	it('every Blikk write operation: a bad second row means no request but reads', async () => {
		const cases: Array<[INodeParameters, IDataObject[]]> = [
			[
				{
					resource: 'contact',
					operation: 'create',
					name: '={{ $json.name }}',
					contactType: 'company',
					responsible: rl(1),
				},
				[{ name: 'A' }, { name: ' ' }],
			],
			[
				{
					resource: 'contact',
					operation: 'update',
					contactId: rl('={{ $json.id }}'),
					updateFields: { email: 'x@example.com' },
				},
				[{ id: 1 }, { id: 'no' }],
			],
			[
				{
					resource: 'task',
					operation: 'create',
					title: 'T',
					additionalFields: { startDate: '={{ $json.start }}' },
				},
				[{ start: '2026-03-02T08:00' }, { start: '2025-02-30' }],
			],
			[
				{ resource: 'task', operation: 'complete', taskId: rl('={{ $json.id }}') },
				[{ id: 1 }, { id: 0 }],
			],
			[
				{ resource: 'taskComment', operation: 'create', taskId: rl(1), text: '={{ $json.text }}' },
				[{ text: 'ok' }, { text: '' }],
			],
			[
				{
					resource: 'taskChecklist',
					operation: 'update',
					taskId: rl(1),
					checklistId: '1',
					updateFields: { completeItems: '={{ $json.item }}' },
				},
				[{ item: '' }, { item: 'no such item' }],
			],
			[
				{
					resource: 'taskAttachment',
					operation: 'upload',
					taskId: rl(3),
					source: 'link',
					externalUrl: '={{ $json.url }}',
					externalUrlType: 'dropbox',
				},
				[{ url: 'https://example.com/a' }, { url: 'ftp://nope' }],
			],
			[
				{
					resource: 'timeReport',
					operation: 'update',
					timeReportId: rl('={{ $json.id }}'),
					updateFields: { clockStart: '={{ $json.start }}' },
				},
				[
					{ id: 2, start: '07:00' },
					{ id: 3, start: '25:00' },
				],
			],
		];
		for (const [parameters, input] of cases) {
			sandbox.resetStats();
			const r = await run(sandbox, parameters, { input });
			expect([parameters.resource, parameters.operation, r.error?.message]).toEqual([
				parameters.resource,
				parameters.operation,
				expect.stringMatching(/\(row 2\)/),
			]);
			expect([parameters.resource, parameters.operation, writes()]).toEqual([
				parameters.resource,
				parameters.operation,
				[],
			]);
		}
	});
});

describe('IDs typed into Additional Fields, Update Fields and Filters are checked per row first', () => {
	it.each<[string, INodeParameters, IDataObject[], string]>([
		[
			'contact update: Company ID',
			{
				resource: 'contact',
				operation: 'update',
				contactId: rl(1),
				updateFields: { companyId: '={{ $json.v }}' },
			},
			[{ v: 1 }, { v: 'abc' }],
			'Company ID: must be a positive whole number, got "abc" (row 2)',
		],
		[
			'task create: Board Column',
			{ resource: 'task', operation: 'create', title: 'T', taskBoardColumnId: '={{ $json.v }}' },
			[{ v: 1 }, { v: 'col' }],
			'Board Column: must be a positive whole number, got "col" (row 2)',
		],
		[
			'Log Time: Additional Fields → Task ID',
			{ ...logTime, additionalFields: { taskId: '={{ $json.v }}' } },
			[
				{ date: '2026-11-10', hours: 1, v: 1 },
				{ date: '2026-11-10', hours: 1, v: '1.5' },
			],
			'Task ID: must be a positive whole number, got "1.5" (row 2)',
		],
		[
			'time report update: Update Fields → Activity',
			{
				resource: 'timeReport',
				operation: 'update',
				timeReportId: rl(1),
				updateFields: { activityId: '={{ $json.v }}' },
			},
			[{ v: 1 }, { v: 'x' }],
			'Activity: must be a positive whole number, got "x" (row 2)',
		],
	])('%s', async (_, parameters, input, message) => {
		const r = await run(sandbox, parameters, { input });
		expect(r.error?.message).toBe(message);
		expect(writes()).toHaveLength(0);
	});

	it.each<[string, INodeParameters, string]>([
		[
			'tasks: Filters → Board',
			{ resource: 'task', operation: 'getAll', returnAll: true, filters: { taskBoardId: 'b' } },
			'Board: must be a positive whole number, got "b" (row 1)',
		],
		[
			'time reports: Filters → Project ID',
			{
				resource: 'timeReport',
				operation: 'getAll',
				returnAll: true,
				filters: { projectId: '={{ "p" }}' },
			},
			'Project ID: must be a positive whole number, got "p" (row 1)',
		],
	])('%s: refused before the list is read', async (_, parameters, message) => {
		const r = await run(sandbox, parameters, { input: [{}] });
		expect(r.error?.message).toBe(message);
		expect(sandbox.stats.log.filter((l) => l.path !== '/v1/Auth/Token')).toHaveLength(0);
	});
});

describe('every operation says whether it only reads (issue #19)', () => {
	it('reads are marked read-only whatever their method; everything else is a write', () => {
		const expected: Record<string, Record<string, boolean>> = {
			contact: { create: false, update: false, getAll: true, get: true, delete: false },
			task: {
				create: false,
				update: false,
				getAll: true,
				complete: false,
				get: true,
				delete: false,
			},
			taskAttachment: {
				upload: false,
				rename: false,
				download: true,
				delete: false,
				getAll: true,
			},
			taskChecklist: { create: false, update: false, delete: false, getAll: true },
			taskComment: { create: false, update: false, delete: false, getAll: true },
			timeReport: { create: false, update: false, getAll: true, get: true, delete: false },
			user: { get: true, getAll: true },
			userDayStatistic: { getAll: true },
		};
		for (const register of [
			'absenceProject',
			'activity',
			'allowance',
			'article',
			'companyCar',
			'contactTag',
			'country',
			'equipment',
			'internalProject',
			'project',
			'taskBoard',
			'timeAddition',
			'timeArticle',
			'timeCode',
		])
			expected[register] = { getAll: true };
		expect(readOnlyTable(RESOURCES)).toEqual(expected);
		// …and these are exactly the operations the node offers (Blikk sends no read as POST).
		const offered = operationsOf(new Blikk().description).map(
			(o) => `${o.resource}:${o.operation}`,
		);
		const classified = Object.entries(expected).flatMap(([r, ops]) =>
			Object.keys(ops).map((o) => `${r}:${o}`),
		);
		expect(offered.sort()).toEqual(classified.sort());
	});
});

describe('read-merge-write keeps what the user did not change (#11.2)', () => {
	it('renaming a task scheduled 08:00–16:00 keeps its times, members, column, project and estimate; Complete too', async () => {
		const created = await run(sandbox, {
			resource: 'task',
			operation: 'create',
			title: 'Task 44',
			taskBoardColumnId: 2,
			project: rl(3),
			additionalFields: {
				startDate: '2026-03-02T08:00:00',
				endDate: '2026-03-02T16:00:00',
				memberIds: [1, 3],
				estimate: 6,
				tagIds: [1],
			},
		});
		const task = json(created.items)[0];
		expect(task).toMatchObject({
			startDate: '2026-03-02',
			startTime: '08:00',
			endDate: '2026-03-02',
			endTime: '16:00',
		});
		const renamed = await run(sandbox, {
			resource: 'task',
			operation: 'update',
			taskId: rl(task.id as number),
			updateFields: { title: 'Task 44, renamed' },
		});
		const after = json(renamed.items)[0];
		const kept = {
			startDate: '2026-03-02',
			startTime: '08:00',
			endDate: '2026-03-02',
			endTime: '16:00',
			estimate: 6,
			boardColumn: { id: 2 },
			project: { id: 3 },
		};
		expect(after).toMatchObject({ title: 'Task 44, renamed', ...kept });
		expect((after.members as IDataObject[]).map((m) => m.userId)).toEqual([1, 3]);
		expect((after.tags as IDataObject[]).map((m) => m.id)).toEqual([1]);
		const completed = await run(sandbox, {
			resource: 'task',
			operation: 'complete',
			taskId: rl(task.id as number),
		});
		expect(json(completed.items)[0]).toMatchObject({
			title: 'Task 44, renamed',
			...kept,
			completedDate: expect.stringMatching(/\+00:00$/),
		});
	});

	it('property: for every task, contact, time report and checklist in the sandbox, an update that changes nothing writes back what was read', async () => {
		// Many records: lift the 4/s pace (tested elsewhere) so the property covers all of them quickly.
		const pace = blikkProfile.requestsPerSecond;
		blikkProfile.requestsPerSecond = undefined;
		sandbox.config.rateLimit = { limit: 1_000_000, windowMs: 1000 };
		resetPacers();
		try {
			const state = sandbox.store();
			const READ_ONLY = new Set(['updatedDate', 'lastUpdated', 'lastUpdatedBy']);
			// Read-only fields (the server's own change stamps) aside, at any depth (checklist items have them too).
			const comparable = (record: IDataObject): IDataObject =>
				JSON.parse(
					JSON.stringify(record, (key, value: unknown) => (READ_ONLY.has(key) ? undefined : value)),
				);
			const kinds: Array<{
				kind: string;
				list: () => IDataObject[];
				parameters: INodeParameters;
				input: (r: IDataObject) => IDataObject;
				skip?: (r: IDataObject) => boolean;
			}> = [
				{
					kind: 'task',
					list: () => sandbox.store().tasks,
					parameters: {
						resource: 'task',
						operation: 'update',
						taskId: rl('={{ $json.id }}'),
						updateFields: {},
					},
					input: (r) => ({ id: r.id }),
				},
				{
					kind: 'contact',
					list: () => sandbox.store().contacts,
					parameters: {
						resource: 'contact',
						operation: 'update',
						contactId: rl('={{ $json.id }}'),
						updateFields: {},
					},
					input: (r) => ({ id: r.id }),
				},
				{
					kind: 'time report',
					list: () => sandbox.store().timeReports,
					parameters: {
						resource: 'timeReport',
						operation: 'update',
						timeReportId: rl('={{ $json.id }}'),
						updateFields: {},
					},
					input: (r) => ({ id: r.id }),
					// Blikk refuses any change to an attested report (tested in blikk.test.ts).
					skip: (r) => !!r.attestedDate,
				},
				{
					kind: 'checklist',
					list: () => sandbox.store().checklists,
					parameters: {
						resource: 'taskChecklist',
						operation: 'update',
						taskId: rl('={{ $json.taskId }}'),
						checklistId: '={{ $json.id }}',
						updateFields: {},
					},
					input: (r) => ({ id: r.id, taskId: r.taskId }),
				},
			];
			for (const { kind, list, parameters, input, skip } of kinds) {
				const records = list().filter((r) => !skip?.(r));
				expect([kind, records.length > 0]).toEqual([kind, true]);
				const before = new Map(records.map((r) => [r.id, comparable(r)]));
				const r = await run(sandbox, parameters, { input: records.map(input) });
				expect([kind, r.error?.message]).toEqual([kind, undefined]);
				for (const record of list().filter((x) => before.has(x.id))) {
					expect({ kind, id: record.id, record: comparable(record) }).toEqual({
						kind,
						id: record.id,
						record: before.get(record.id),
					});
				}
			}
			expect(state).toBeDefined();
		} finally {
			blikkProfile.requestsPerSecond = pace;
			resetPacers();
		}
	}, 180_000);
});

describe('Continue On Fail keeps the warning (#11.3)', () => {
	it('a create answered by a 500 after Blikk stored it → mayHaveBeenApplied: true, httpCode 500, row', async () => {
		sandbox.addFault({
			type: '5xx',
			status: 500,
			method: 'POST',
			path: 'TimeReports$',
			beforeHandler: false,
			after: 1,
		});
		const r = await run(sandbox, logTime, {
			input: [threeRows[0], { date: '2026-11-11', hours: 4 }, threeRows[2]],
			continueOnFail: true,
		});
		const out = r.items[0].map((i) => i.json);
		expect(out[0]).toMatchObject({ date: '2026-11-10' });
		expect(out[1]).toMatchObject({ row: 2, itemIndex: 1, httpCode: 500, mayHaveBeenApplied: true });
		expect(String(out[1].description)).toMatch(/may already have been carried out/);
		expect(out[2]).toMatchObject({ date: '2026-11-12' });
		// It was stored: the flag tells the user to check before running row 2 again.
		expect(reportsOn(['2026-11-11'])).toHaveLength(1);
	});

	it('a 4xx is safe to retry once fixed → mayHaveBeenApplied: false, httpCode 400, Blikk’s field message', async () => {
		const r = await run(
			sandbox,
			{ ...logTime, additionalFields: { taskId: '={{ $json.task }}' } },
			{
				input: [
					{ date: '2026-11-10', hours: 2, task: 1 },
					{ date: '2026-11-11', hours: 2, task: 9999 },
				],
				continueOnFail: true,
			},
		);
		const out = r.items[0].map((i) => i.json);
		expect(out[0]).toMatchObject({ date: '2026-11-10' });
		expect(out[1]).toMatchObject({
			error: 'taskId: taskId 9999 does not exist.',
			row: 2,
			httpCode: 400,
			mayHaveBeenApplied: false,
		});
	});

	it('the Blikk profile reads every Blikk error body (message, modelState, permissions, IP, 500 request id)', () => {
		expect(
			blikkErrorMessage(
				{
					message: 'The request is invalid.',
					modelState: { page: ['The field Page must be greater than or equal to 1.'] },
				},
				400,
			),
		).toBe('page: The field Page must be greater than or equal to 1.');
		expect(
			blikkErrorMessage(
				{
					message: 'The request is invalid.',
					modelState: { '': ['A non-empty request body is required.'] },
				},
				400,
			),
		).toBe('A non-empty request body is required.');
		expect(
			blikkErrorMessage({ message: 'The task has time reported and cannot be deleted.' }, 400),
		).toBe('The task has time reported and cannot be deleted.');
		expect(
			blikkErrorMessage(
				{
					message: 'You dont have the nessecery permissions to perform this action',
					ipAddressAllowed: true,
					permissionsRequired: ['Contact_Read'],
				},
				403,
			),
		).toBe(
			'You dont have the nessecery permissions to perform this action Permissions required: Contact_Read.',
		);
		expect(
			blikkErrorMessage(
				{
					message: 'Your IP-address "1.2.3.4" is not allowed',
					ipAddressAllowed: false,
					permissionsRequired: [],
				},
				403,
			),
		).toMatch(/not allowed.*IP address n8n calls from is not allowed/);
		expect(
			blikkErrorMessage({ message: 'An unexpected error has occurred.', requestId: 'r-1' }, 500),
		).toBe('An unexpected error has occurred. (Blikk request id r-1)');
		expect(blikkErrorMessage('', 404)).toBeUndefined();
	});
});

describe('impossible dates never reach Blikk (#11.4)', () => {
	it.each([
		[
			'task start 2025-02-30',
			{
				resource: 'task',
				operation: 'create',
				title: 'X',
				additionalFields: { startDate: '2025-02-30' },
			},
			/^Start Date: is not a real calendar date: "2025-02-30" \(row 1\)/,
		],
		[
			'task end 2025-07-01T25:00',
			{
				resource: 'task',
				operation: 'create',
				title: 'X',
				additionalFields: { endDate: '2025-07-01T25:00' },
			},
			/^End Date: has a time that does not exist/,
		],
		[
			'log time on 2025-02-30',
			{ ...logTime, date: '2025-02-30', hours: 1 },
			/^Date: is not a real calendar date/,
		],
		[
			'log time on 2025-07-01T25:00',
			{ ...logTime, date: '2025-07-01T25:00', hours: 1 },
			/^Date: has a time that does not exist/,
		],
		[
			'clock start 24:30',
			{ ...logTime, date: '2025-07-01', hours: 1, additionalFields: { clockStart: '24:30' } },
			/^Clock Start: is not a time of day/,
		],
		[
			'time report filter 2025-02-30',
			{
				resource: 'timeReport',
				operation: 'getAll',
				returnAll: true,
				filters: { from: '2025-02-30' },
			},
			/^Date From: is not a real calendar date/,
		],
		[
			'contacts changed since 2025-07-01T25:00',
			{
				resource: 'contact',
				operation: 'getAll',
				returnAll: true,
				filters: { createdOrUpdatedSince: '2025-07-01T25:00' },
			},
			/^Created or Updated Since: has a time that does not exist/,
		],
	])('%s is refused before sending', async (_name, parameters, message) => {
		const r = await run(sandbox, parameters as INodeParameters);
		expect(r.error?.message).toMatch(message);
		expect(sandbox.stats.log.filter((l) => l.path !== '/v1/Auth/Token')).toHaveLength(0);
	});

	it('a date with a zone is sent in UTC, as Blikk’s "datetime utc" fields want', async () => {
		const r = await run(sandbox, {
			resource: 'task',
			operation: 'create',
			title: 'Zoned',
			additionalFields: { startDate: '2026-03-02T08:00:00+01:00' },
		});
		expect(json(r.items)[0]).toMatchObject({ startDate: '2026-03-02', startTime: '07:00' });
	});
});

describe('lists stop early (#13)', () => {
	it('task Get Many, Limit 5 with Title Contains: one page read when page 1 has 5 matches', async () => {
		const r = await run(sandbox, {
			resource: 'task',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { titleContains: ' ' },
		});
		expect(json(r.items)).toHaveLength(5);
		expect(sandbox.stats.byRoute['GET /v1/Core/Tasks']).toBe(1);
		const few = await run(sandbox, {
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			filters: { titleContains: '40' },
		});
		expect(json(few.items).map((t) => t.id)).toEqual([40]);
	});
});

describe('polling under n8n’s durable poll scheduler', () => {
	it('two polls over the same window, and a repeated poll, emit each record once', async () => {
		const store = storeFor(sandbox);
		const first = await poll(sandbox, 'timeReportCreated', undefined, store);
		expect(first.items).toBeNull();
		await run(sandbox, logTime, { input: [threeRows[0], threeRows[2]], store });
		// n8n runs the same poll twice from the same stored cursor (e.g. a retried or overlapping schedule).
		const a = await poll(sandbox, 'timeReportCreated', first.staticData, store);
		const b = await poll(sandbox, 'timeReportCreated', first.staticData, store);
		const emitted = [...(a.items?.[0] ?? []), ...(b.items?.[0] ?? [])].map((i) => i.json.id);
		expect(emitted).toHaveLength(2);
		expect(new Set(emitted).size).toBe(2);
		// A repeated poll after the cursor moved emits nothing either.
		const again = await poll(sandbox, 'timeReportCreated', a.staticData, store);
		expect(again.items).toBeNull();
		// A change later is a new event: "updated" emits the report once more.
		const id = emitted[0] as number;
		const firstUpdated = await poll(sandbox, 'timeReportUpdated', undefined, store);
		await run(
			sandbox,
			{
				resource: 'timeReport',
				operation: 'update',
				timeReportId: rl(id),
				updateFields: { comment: 'Changed' },
			},
			{ store },
		);
		const u1 = await poll(sandbox, 'timeReportUpdated', firstUpdated.staticData, store);
		const u2 = await poll(sandbox, 'timeReportUpdated', firstUpdated.staticData, store);
		expect([...(u1.items?.[0] ?? []), ...(u2.items?.[0] ?? [])].map((i) => i.json.id)).toEqual([
			id,
		]);
	});
});

describe('what users see (#15)', () => {
	it('dropdowns and record lists without a credential show a hint, not an error', async () => {
		const none = new CredentialStore();
		expect(
			await load(sandbox, 'loadOptions', 'getActivitiesWithStandard', undefined, undefined, none),
		).toEqual([{ name: CHOOSE_CREDENTIAL_HINT, value: '' }]);
		expect(await load(sandbox, 'listSearch', 'searchUsers', undefined, undefined, none)).toEqual({
			results: [{ name: CHOOSE_CREDENTIAL_HINT, value: '' }],
		});
		expect(sandbox.stats.requests).toBe(0);
	});

	it('every operation has an action written as a task, and the subtitle is in words', () => {
		const description = new Blikk().description;
		for (const prop of description.properties.filter((p) => p.name === 'operation')) {
			for (const option of prop.options as Array<{ action?: string }>)
				expect(option.action).toEqual(expect.stringMatching(/^[A-Z][a-z]/));
		}
		const timeReportOps = description.properties.find(
			(p) =>
				p.name === 'operation' &&
				(p.displayOptions?.show?.resource as string[]).includes('timeReport'),
		);
		expect((timeReportOps?.options as Array<{ action: string }>).map((o) => o.action)).toContain(
			'Log time',
		);
		expect(description.subtitle).toContain('"timeReport:create":"Log Time · Time Report"');
	});

	it('the node picker finds Blikk by task words, and the merged entry describes the actions, not only the trigger', () => {
		const codex = JSON.parse(
			fs.readFileSync(
				`${__dirname}/../../packages/n8n-nodes-psa-blikk/nodes/Blikk/Blikk.node.json`,
				'utf8',
			),
		) as {
			alias: string[];
			categories: string[];
			resources: Record<string, Array<{ url: string }>>;
		};
		// Documentation links lead to the package README (what npm and n8n's credential dialog show).
		const readme =
			'https://github.com/n8n-nodes-psa/n8n-nodes-psa/tree/main/packages/n8n-nodes-psa-blikk#readme';
		expect(new BlikkApi().documentationUrl).toBe(readme);
		expect(Object.values(codex.resources).flat()).toEqual([{ url: readme }, { url: readme }]);
		for (const word of [
			'log time',
			'timesheet',
			'time tracking',
			'approval',
			'PSA',
			'field service',
		])
			expect(codex.alias).toContain(word);
		// The picker searches only the action node's aliases: the trigger's words must be there too.
		for (const word of [
			'new time entry',
			'hours logged',
			'approved',
			'new time report',
			'sent for approval',
			'new task',
			'new project',
			'contact changed',
		])
			expect(codex.alias).toContain(word);
		const triggerCodex = JSON.parse(
			fs.readFileSync(
				`${__dirname}/../../packages/n8n-nodes-psa-blikk/nodes/Blikk/BlikkTrigger.node.json`,
				'utf8',
			),
		) as { alias: string[] };
		expect(triggerCodex.alias.filter((word) => !codex.alias.includes(word))).toEqual([]);
		// n8n's picker shows the trigger's description for the merged "Blikk" entry (actions and trigger).
		expect(new BlikkTrigger().description.description).toBe(new Blikk().description.description);
		expect(new Blikk().description.description).toMatch(/^Log time/);
	});

	it('every operation has an output schema file', () => {
		const missing = operationsOf(new Blikk().description).filter(
			({ resource, operation }) => !fs.existsSync(schemaFile('Blikk', resource, operation)),
		);
		expect(missing).toEqual([]);
	});

	it('Log Time, Get, Get Many and Update give one flat time report shape (Simplify on), Blikk’s nested one off', async () => {
		const logged = json(
			(await run(sandbox, { ...logTime, date: '2026-11-10', hours: 3 })).items,
		)[0];
		const got = json(
			(
				await run(sandbox, {
					resource: 'timeReport',
					operation: 'get',
					timeReportId: rl(logged.id as number),
				})
			).items,
		)[0];
		const listed = json(
			(
				await run(sandbox, {
					resource: 'timeReport',
					operation: 'getAll',
					returnAll: false,
					limit: 1,
					options: { sortBy: 'createdDate', sortOrder: 'descending' },
				})
			).items,
		)[0];
		for (const record of [logged, got, listed]) {
			expect(record).toMatchObject({
				id: logged.id,
				userId: 2,
				userName: expect.any(String),
				projectId: 1,
				activityId: expect.any(Number),
			});
			expect(record).not.toHaveProperty('user');
		}
		const raw = json(
			(await run(sandbox, { ...logTime, date: '2026-11-11', hours: 3, simplify: false })).items,
		)[0];
		expect(raw).toMatchObject({ user: { id: 2 } });
	});
});
