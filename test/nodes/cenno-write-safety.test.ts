/**
 * Cenno write safety (issue #11), in-process through n8n-core against the Cenno sandbox:
 * - a bad row in the middle writes nothing (Log Time, Update, Delete), and with Continue On Fail the good
 *   rows are written and the bad row is the shared failure row;
 * - Continue On Fail keeps the warning: a write answered by a 500 after the server stored it says
 *   `mayHaveBeenApplied: true`, a 422 says false;
 * - Cenno updates are PATCH-style: for every time entry in the sandbox, an update sends only the field the
 *   user changed, and every other field stays as Cenno had it;
 * - impossible dates and times are refused before anything is sent;
 * - the credential test sends the key entered in the form, and a wrong key fails in Cenno's words.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { CennoApi } from '../../packages/n8n-nodes-psa-cenno/credentials/CennoApi.credentials';
import { runCredentialTest } from '../harness/inprocess';
import { createCennoSandbox, credentialsFor, rl, run, type CennoSandbox } from './cenno.helpers';

let sandbox: CennoSandbox;

// Generous: these tests assert behaviour, never speed, and must pass on a busy machine (issue #11.7).
jest.setTimeout(60_000);

beforeAll(async () => {
	sandbox = createCennoSandbox();
	await sandbox.listen();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const json = (items: INodeExecutionData[][]) => (items[0] ?? []).map((i) => i.json);
const entries = () => sandbox.state().time_entries;

const logTime = {
	resource: 'timeEntry',
	operation: 'create',
	projectId: rl('={{ $json.project }}'),
	userId: rl(1178),
	date: '={{ $json.day }}',
	hours: '={{ $json.hours }}',
	additionalFields: { description: '={{ $json.note }}' },
};
const rows = [
	{ project: 1274, day: '2026-03-02', hours: 1, note: 'row one' },
	{ project: 1274, day: '2026-03-03', hours: 'abc', note: 'row two' },
	{ project: 1274, day: '2026-03-04', hours: 2, note: 'row three' },
];

describe('a bad row in the middle writes nothing', () => {
	it('Log Time: 3 rows, row 2 has hours "abc" → the node fails naming row 2 and the sandbox saw no write', async () => {
		const before = entries().length;
		const r = await run(sandbox, logTime, rows);
		expect(r.error?.message).toBe('Hours: must be a number, got "abc" (row 2)');
		expect((r.error as unknown as { description?: string }).description).toMatch(
			/Nothing was written/,
		);
		expect(sandbox.received()).toEqual([]);
		expect(sandbox.stats.log.filter((l) => l.method !== 'GET')).toEqual([]);
		expect(entries()).toHaveLength(before);
	});

	it('Log Time with Continue On Fail: rows 1 and 3 are created, row 2 is an error row', async () => {
		const before = entries().length;
		const r = await run(sandbox, logTime, rows, { continueOnFail: true });
		expect(r.error).toBeUndefined();
		const out = json(r.items);
		expect(out).toHaveLength(3);
		expect(out[0]).toMatchObject({ description: 'row one', hours: 1, date: '2026-03-02' });
		expect(out[1]).toEqual({
			error: 'Hours: must be a number, got "abc" (row 2)',
			description: 'n8n item index 1',
			httpCode: null,
			row: 2,
			itemIndex: 1,
			mayHaveBeenApplied: false,
		});
		expect(out[2]).toMatchObject({ description: 'row three', hours: 2, date: '2026-03-04' });
		expect(r.items[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sandbox.received().map((w) => (w.body!.time_entry as IDataObject).description)).toEqual([
			'row one',
			'row three',
		]);
		expect(entries()).toHaveLength(before + 2);
	});

	it('several bad rows: one error lists every bad row and field; nothing is sent', async () => {
		const r = await run(sandbox, logTime, [
			{ project: 1274, day: '2026-02-30', hours: 1 },
			{ project: 1274, day: '2026-03-03', hours: 1 },
			{ project: 'x', day: '2026-03-04', hours: 1 },
		]);
		expect(r.error?.message).toBe('2 rows failed their checks (rows 1, 3); nothing was written');
		const description = (r.error as unknown as { description: string }).description;
		expect(description).toContain('Date: is not a real calendar date: "2026-02-30" (row 1)');
		expect(description).toContain('Project: must be a positive whole number, got "x" (row 3)');
		expect(sandbox.received()).toEqual([]);
	});

	it('Update: row 2 invalid → no PUT at all (Update is checked for every row before the first write)', async () => {
		const params = {
			resource: 'timeEntry',
			operation: 'update',
			timeEntryId: rl('={{ $json.id }}'),
			updateFields: { hours: '={{ $json.hours }}' },
		};
		const before = JSON.stringify(entries());
		const r = await run(sandbox, params, [
			{ id: 14915, hours: 3 },
			{ id: 14914, hours: 0 },
			{ id: 14913, hours: 4 },
		]);
		expect(r.error?.message).toBe('Update Fields → Hours: must be greater than 0, got 0 (row 2)');
		expect(sandbox.received()).toEqual([]);
		expect(JSON.stringify(entries())).toBe(before);
		const cof = await run(
			sandbox,
			params,
			[
				{ id: 14915, hours: 3 },
				{ id: 14914, hours: 0 },
				{ id: 14913, hours: 4 },
			],
			{ continueOnFail: true },
		);
		expect(json(cof.items).map((e) => e.hours ?? e.row)).toEqual([3, 2, 4]);
		expect(sandbox.received().map((w) => w.path)).toEqual([
			'/api/time_entries/14915',
			'/api/time_entries/14913',
		]);
	});

	it('Delete: row 2 with an id that is not a number → nothing is deleted', async () => {
		const params = {
			resource: 'timeEntry',
			operation: 'delete',
			timeEntryId: rl('={{ $json.id }}'),
		};
		const before = entries().length;
		const r = await run(sandbox, params, [{ id: 14915 }, { id: 'abc' }, { id: 14913 }]);
		expect(r.error?.message).toBe('Time Entry: must be a positive whole number, got "abc" (row 2)');
		expect(sandbox.received()).toEqual([]);
		expect(entries()).toHaveLength(before);
	});
});

describe('Continue On Fail keeps the warning', () => {
	it('a create answered by a 500 after Cenno stored it: mayHaveBeenApplied true, httpCode 500, the row', async () => {
		sandbox.addFault({
			type: '5xx',
			status: 500,
			method: 'POST',
			path: '/api/time_entries',
			beforeHandler: false,
			after: 1,
		});
		const before = entries().length;
		const ok = rows.map((row, i) => ({ ...row, hours: i + 1 }));
		const r = await run(sandbox, logTime, ok, { continueOnFail: true });
		expect(r.error).toBeUndefined();
		const out = json(r.items);
		expect(out[0]).toMatchObject({ description: 'row one' });
		expect(out[1]).toMatchObject({ httpCode: 500, row: 2, itemIndex: 1, mayHaveBeenApplied: true });
		expect(out[1].description).toMatch(/may already have been carried out/);
		expect(out[2]).toMatchObject({ description: 'row three' });
		// the write of row 2 did happen, once: it was not resent
		expect(entries()).toHaveLength(before + 3);
		expect(sandbox.received()).toHaveLength(3);
	});

	it("a 422 (Cenno refused the record) is safe to run again: mayHaveBeenApplied false, Cenno's words per field", async () => {
		const r = await run(
			sandbox,
			{ ...logTime, additionalFields: { itemId: '={{ $json.item }}' } },
			[{ project: 1275, day: '2026-03-02', hours: 1, item: 10346 }],
			{ continueOnFail: true },
		);
		expect(json(r.items)).toEqual([
			{
				error: 'item_id: does not belong to the project',
				description: 'Cenno answered HTTP 422 (row 1).',
				httpCode: 422,
				row: 1,
				itemIndex: 0,
				mayHaveBeenApplied: false,
			},
		]);
	});

	it('without Continue On Fail, a 500 after row 1 was written says which rows were written', async () => {
		sandbox.addFault({
			type: '5xx',
			status: 500,
			method: 'POST',
			path: '/api/time_entries',
			beforeHandler: false,
			after: 1,
		});
		const r = await run(
			sandbox,
			logTime,
			rows.map((row, i) => ({ ...row, hours: i + 1 })),
		);
		expect(r.error).toBeDefined();
		const description = (r.error as unknown as { description: string }).description;
		expect(description).toMatch(/may already have been carried out/);
		expect(description).toMatch(/Rows 1 of this run were already written/);
		expect(sandbox.received()).toHaveLength(2);
	});
});

describe('updates are PATCH-style: only what the user changed is sent', () => {
	it('for every time entry in the sandbox, an update of one field sends that field only and keeps all others', async () => {
		const before = entries().map((e) => ({ ...e }));
		expect(before.length).toBeGreaterThan(30);
		const input = before.map((e, i) => ({ id: e.id, note: `checked ${i}` }));
		const r = await run(
			sandbox,
			{
				resource: 'timeEntry',
				operation: 'update',
				timeEntryId: rl('={{ $json.id }}'),
				updateFields: { description: '={{ $json.note }}' },
			},
			input,
		);
		expect(r.error).toBeUndefined();
		const sent = sandbox.received();
		expect(sent).toHaveLength(before.length);
		sent.forEach((write, i) => {
			expect(write).toEqual({
				method: 'PUT',
				path: `/api/time_entries/${String(before[i].id)}`,
				body: { time_entry: { description: `checked ${i}` } },
			});
		});
		const after = entries();
		before.forEach((old, i) => {
			const now = after.find((e) => e.id === old.id)!;
			const { description: _d, updated_at: _u, ...kept } = old;
			expect(now).toMatchObject({ ...kept, description: `checked ${i}` });
		});
		// the outputs are the records as Cenno has them now
		expect(json(r.items).map((e) => e.id)).toEqual(before.map((e) => e.id));
	}, 60000);

	it('Update Fields with values equal to what Cenno has sends exactly those fields and changes nothing else', async () => {
		const entry = entries().find((e) => e.id === 14915)!;
		const original = { ...entry };
		const r = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'update',
			timeEntryId: rl(14915),
			updateFields: {
				hours: entry.hours as number,
				description: entry.description as string,
				billable: entry.billable as boolean,
			},
		});
		expect(r.error).toBeUndefined();
		expect(sandbox.received()[0].body).toEqual({
			time_entry: {
				hours: original.hours,
				description: original.description,
				billable: original.billable,
			},
		});
		expect(entries().find((e) => e.id === 14915)).toEqual(original);
	});
});

describe('dates: the shared strict reader', () => {
	it.each([
		['2025-02-30', 'Date: is not a real calendar date: "2025-02-30" (row 1)'],
		[
			'2025-07-01T25:00',
			'Date: has a time that does not exist (use 00:00–23:59): "2025-07-01T25:00" (row 1)',
		],
		[
			'01.07.2025',
			'Date: must be a date like 2025-07-01 or a date and time like 2025-07-01T08:30, got "01.07.2025" (row 1)',
		],
	])('Log Time refuses %s before sending', async (day, message) => {
		const r = await run(sandbox, logTime, [{ project: 1274, day, hours: 1 }]);
		expect(r.error?.message).toBe(message);
		expect(sandbox.received()).toEqual([]);
	});

	it('Update and the Get Many filters refuse impossible dates too, before any request', async () => {
		const upd = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'update',
			timeEntryId: rl(14915),
			updateFields: { date: '2025-02-29' },
		});
		expect(upd.error?.message).toBe(
			'Update Fields → Date: is not a real calendar date: "2025-02-29" (row 1)',
		);
		const from = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'getAll',
			returnAll: true,
			filters: { dateFrom: '2025-04-31' },
		});
		expect(from.error?.message).toBe(
			'Filters → Date From: is not a real calendar date: "2025-04-31" (row 1)',
		);
		const since = await run(sandbox, {
			resource: 'project',
			operation: 'getAll',
			returnAll: true,
			filters: { updatedSince: '2026-01-05T24:30' },
		});
		expect(since.error?.message).toBe(
			'Filters → Updated Since: has a time that does not exist (use 00:00–23:59): "2026-01-05T24:30" (row 1)',
		);
		expect(sandbox.stats.requests).toBe(0);
	});

	it('Updated Since is read in the workflow time zone unless the value carries an offset', async () => {
		// project 1275 was updated at 2026-01-05T09:35:00+03:00 (06:35 UTC) in the seeded data
		const p = sandbox.state().projects.find((x) => x.id === 1275)!;
		const t = Date.parse(p.updated_at as string);
		const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
		const ids = async (value: string, timezone = 'UTC') =>
			json(
				(
					await run(
						sandbox,
						{
							resource: 'project',
							operation: 'getAll',
							returnAll: true,
							simplify: true,
							filters: { updatedSince: value },
						},
						undefined,
						{ timezone },
					)
				).items,
			).map((x) => x.id);
		expect(await ids(iso(t))).toContain(1275);
		expect(await ids(iso(t + 1000))).not.toContain(1275);
		// the same wall time in Helsinki (+02:00 in January) is two hours earlier: 1275 is included
		expect(await ids(iso(t + 3600_000), 'Europe/Helsinki')).toContain(1275);
		expect(await ids(`${iso(t + 1000)}Z`, 'Europe/Helsinki')).not.toContain(1275);
	});
});

describe('credential test uses the key entered in the form', () => {
	it("a wrong key is really sent and fails in Cenno's words; the right key passes right after", async () => {
		const bad = await runCredentialTest({
			credentialType: new CennoApi(),
			data: credentialsFor(sandbox, { apiKey: 'not-the-key' }).psaCennoApi,
		});
		expect(bad.status).toBe('Error');
		expect(bad.message).toBe(
			'Cenno rejected the API key (401 "HTTP Basic: Access denied."). Copy your personal API key from Cenno again: it is sent as the user name of HTTP Basic authentication.',
		);
		const log = sandbox.stats.log.map((l) => [l.method, l.path, l.status]);
		expect(log.length).toBeGreaterThanOrEqual(1);
		expect(new Set(log.map((l) => JSON.stringify(l)))).toEqual(
			new Set([JSON.stringify(['GET', '/api/projects', 401])]),
		);
		// the key is not cached anywhere: the sandbox now accepts another key, and only that one passes
		sandbox.config.apiKey = 'rotated-key-2026';
		const old = await runCredentialTest({
			credentialType: new CennoApi(),
			data: credentialsFor(sandbox).psaCennoApi,
		});
		expect(old.status).toBe('Error');
		const rotated = await runCredentialTest({
			credentialType: new CennoApi(),
			data: credentialsFor(sandbox, { apiKey: 'rotated-key-2026' }).psaCennoApi,
		});
		expect(rotated.status).toBe('OK');
		sandbox.config.apiKey = 'cenno-sandbox-key';
	});
});
