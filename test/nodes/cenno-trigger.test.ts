/**
 * Cenno Trigger (polling), in-process through n8n-core's PollContext against the Cenno sandbox:
 * every event over several polls, tied timestamps, the project filter, manual-mode sample, cursor kept
 * when a poll fails, and no secrets in the output.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { createCennoSandbox, expectNoSecrets, poll, type CennoSandbox } from './cenno.helpers';

let sandbox: CennoSandbox;

// Generous: these tests assert behaviour, never speed, and must pass on a busy machine (issue #11.7).
jest.setTimeout(60_000);
const KEY = 'cenno-sandbox-key';

beforeAll(async () => {
	sandbox = createCennoSandbox();
	await sandbox.listen();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const ids = (items: INodeExecutionData[][] | null) => (items?.[0] ?? []).map((i) => i.json.id);

/** Freezes the sandbox clock (Cenno timestamps have whole seconds: records written in one second tie). */
const at = (iso: string) => (sandbox.config.now = iso);

async function api(method: string, path: string, body?: unknown): Promise<IDataObject> {
	const response = await fetch(`${sandbox.url}${path}`, {
		method,
		headers: {
			Authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`,
			'Content-Type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	expect(response.status).toBeLessThan(300);
	return (await response.json()) as IDataObject;
}

const logTime = (extra: IDataObject = {}) =>
	api('POST', '/api/time_entries', {
		time_entry: {
			user_id: 1178,
			project_id: 1274,
			item_id: 10346,
			date: '2026-03-02',
			hours: 1,
			...extra,
		},
	});

describe('new time entry', () => {
	it('first poll remembers where things stand; later polls emit only new entries, tied timestamps once each', async () => {
		const first = await poll(sandbox, { event: 'newTimeEntry' });
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();

		at('2030-01-01T10:00:00Z');
		const a = await logTime({ description: 'A' });
		const second = await poll(sandbox, { event: 'newTimeEntry' }, first.staticData);
		expect(ids(second.items)).toEqual([a.id]);

		// B is written in the same second as A: same created_at. It must still come, once.
		const b = await logTime({ description: 'B' });
		expect(b.created_at).toBe(a.created_at);
		const third = await poll(sandbox, { event: 'newTimeEntry' }, second.staticData);
		expect(ids(third.items)).toEqual([b.id]);

		const fourth = await poll(sandbox, { event: 'newTimeEntry' }, third.staticData);
		expect(fourth.items).toBeNull();

		// two in one later second, both new in one poll
		at('2030-01-01T10:00:05Z');
		const c = await logTime({ description: 'C' });
		const d = await logTime({ description: 'D' });
		const fifth = await poll(sandbox, { event: 'newTimeEntry' }, fourth.staticData);
		expect(ids(fifth.items).sort()).toEqual([c.id, d.id].sort());
		expect((fifth.items![0][0].json as IDataObject).description).toBeDefined();
		expect(await poll(sandbox, { event: 'newTimeEntry' }, fifth.staticData)).toMatchObject({
			items: null,
		});
	});

	it('updates of existing entries do not count as new', async () => {
		const first = await poll(sandbox, { event: 'newTimeEntry' });
		at('2030-01-01T10:00:00Z');
		await api('PUT', '/api/time_entries/14915', { time_entry: { hours: 5 } });
		const second = await poll(sandbox, { event: 'newTimeEntry' }, first.staticData);
		expect(second.items).toBeNull();
	});

	it('the project filter: only entries of that project are emitted', async () => {
		const first = await poll(sandbox, { event: 'newTimeEntry', projectId: 1275 });
		at('2030-01-01T10:00:00Z');
		await logTime({ description: 'other project' });
		const mine = await logTime({ project_id: 1275, item_id: null, description: 'mine' });
		const second = await poll(
			sandbox,
			{ event: 'newTimeEntry', projectId: 1275 },
			first.staticData,
		);
		expect(ids(second.items)).toEqual([mine.id]);
	});

	it('a failed poll keeps the cursor: the entry comes with the next successful poll', async () => {
		const first = await poll(sandbox, { event: 'newTimeEntry' });
		at('2030-01-01T10:00:00Z');
		const a = await logTime();
		// n8n itself retries a 401 once: keep answering 401 until cleared
		sandbox.addFault({
			type: 'status',
			status: 401,
			path: '/api/time_entries',
			body: 'HTTP Basic: Access denied.',
			count: -1,
		});
		const failed = await poll(sandbox, { event: 'newTimeEntry' }, first.staticData);
		expect(failed.error?.message).toMatch(/Authentication failed/);
		expect(failed.staticData).toEqual(first.staticData);
		sandbox.clearFaults();
		const retried = await poll(sandbox, { event: 'newTimeEntry' }, failed.staticData);
		expect(ids(retried.items)).toEqual([a.id]);
	});
});

describe('updated time entry', () => {
	it('emits entries changed after creation, once per change; new entries are not "updated"', async () => {
		const first = await poll(sandbox, { event: 'updatedTimeEntry' });
		expect(first.items).toBeNull();
		at('2030-01-01T10:00:00Z');
		await logTime({ description: 'brand new' });
		at('2030-01-01T10:00:01Z');
		await api('PUT', '/api/time_entries/14915', { time_entry: { description: 'changed' } });
		const second = await poll(sandbox, { event: 'updatedTimeEntry' }, first.staticData);
		expect(ids(second.items)).toEqual([14915]);
		expect(second.items![0][0].json).toMatchObject({ id: 14915, description: 'changed' });
		// a second entry changed in the same second as the first: tie, emitted once
		await api('PUT', '/api/time_entries/14914', { time_entry: { hours: 2.5 } });
		const third = await poll(sandbox, { event: 'updatedTimeEntry' }, second.staticData);
		expect(ids(third.items)).toEqual([14914]);
		expect((await poll(sandbox, { event: 'updatedTimeEntry' }, third.staticData)).items).toBeNull();
		at('2030-01-01T11:00:00Z');
		await api('PUT', '/api/time_entries/14915', { time_entry: { description: 'changed again' } });
		const fourth = await poll(sandbox, { event: 'updatedTimeEntry' }, third.staticData);
		expect(fourth.items![0].map((i) => i.json.description)).toEqual(['changed again']);
	});
});

describe('items and projects', () => {
	it('new item and updated item', async () => {
		const newFirst = await poll(sandbox, { event: 'newItem' });
		const updFirst = await poll(sandbox, { event: 'updatedItem' });
		at('2030-02-01T08:00:00Z');
		const item = await api('POST', '/__cenno/items', { title: 'Write proposal', project_id: 1276 });
		const newSecond = await poll(sandbox, { event: 'newItem' }, newFirst.staticData);
		expect(ids(newSecond.items)).toEqual([item.id]);
		expect((await poll(sandbox, { event: 'updatedItem' }, updFirst.staticData)).items).toBeNull();

		at('2030-02-01T09:00:00Z');
		await api('PATCH', '/__cenno/items/10346', { status_type: 'closed' });
		await api('PATCH', `/__cenno/items/${String(item.id)}`, { title: 'Write proposal v2' });
		const updSecond = await poll(sandbox, { event: 'updatedItem' }, updFirst.staticData);
		expect(ids(updSecond.items).sort()).toEqual([10346, item.id].sort());
		expect((await poll(sandbox, { event: 'newItem' }, newSecond.staticData)).items).toBeNull();

		const filtered = await poll(sandbox, { event: 'updatedItem', projectId: 1276 }, {});
		expect(filtered.items).toBeNull(); // first poll of this filter: remembers only
	});

	it('new project', async () => {
		const first = await poll(sandbox, { event: 'newProject' });
		at('2030-03-01T08:00:00Z');
		const p1 = await api('POST', '/__cenno/projects', {
			title: 'Autumn Campaign',
			company_id: 623,
		});
		const p2 = await api('POST', '/__cenno/projects', {
			title: 'Winter Campaign',
			company_id: 623,
		});
		const second = await poll(sandbox, { event: 'newProject' }, first.staticData);
		expect(ids(second.items).sort()).toEqual([p1.id, p2.id].sort());
		expect((await poll(sandbox, { event: 'newProject' }, second.staticData)).items).toBeNull();
	});

	it('each event keeps its own cursor', async () => {
		const first = await poll(sandbox, { event: 'newProject' });
		at('2030-03-01T08:00:00Z');
		await api('POST', '/__cenno/projects', { title: 'X' });
		// switching the event starts fresh (remember only), even with the other event's static data
		const other = await poll(sandbox, { event: 'newItem' }, first.staticData);
		expect(other.items).toBeNull();
		const back = await poll(sandbox, { event: 'newProject' }, other.staticData);
		expect(ids(back.items)).toHaveLength(1);
	});
});

describe("n8n's durable poll scheduler (2.36+): a poll may run twice", () => {
	it('a repeated poll (the same round run again, from the same or an older saved cursor) emits nothing twice', async () => {
		const first = await poll(sandbox, { event: 'newTimeEntry' });
		at('2030-01-01T10:00:00Z');
		const a = await logTime({ description: 'A' });
		const b = await logTime({ description: 'B' });
		const round = await poll(sandbox, { event: 'newTimeEntry' }, first.staticData);
		expect(ids(round.items).sort()).toEqual([a.id, b.id].sort());
		// the scheduler runs the round again with the static data from before it was saved
		const stale = await poll(sandbox, { event: 'newTimeEntry' }, first.staticData);
		expect(stale.items).toBeNull();
		// and the next round twice (an instance stalled and another took over)
		const again1 = await poll(sandbox, { event: 'newTimeEntry' }, round.staticData);
		const again2 = await poll(sandbox, { event: 'newTimeEntry' }, round.staticData);
		expect(again1.items).toBeNull();
		expect(again2.items).toBeNull();
		// a record written in the very second of the cursor still comes, once, however often the round runs
		const c = await logTime({ description: 'C (same second as A and B)' });
		const withC = await poll(sandbox, { event: 'newTimeEntry' }, again2.staticData);
		const withCAgain = await poll(sandbox, { event: 'newTimeEntry' }, again2.staticData);
		expect(ids(withC.items)).toEqual([c.id]);
		expect(withCAgain.items).toBeNull();
		expect((await poll(sandbox, { event: 'newTimeEntry' }, withC.staticData)).items).toBeNull();
	});

	it('two polls of one trigger running at the same time emit a new record once', async () => {
		const first = await poll(sandbox, { event: 'newTimeEntry' });
		at('2030-01-01T10:00:00Z');
		const a = await logTime({ description: 'A' });
		const [p1, p2] = await Promise.all([
			poll(sandbox, { event: 'newTimeEntry' }, first.staticData),
			poll(sandbox, { event: 'newTimeEntry' }, first.staticData),
		]);
		expect([...ids(p1.items), ...ids(p2.items)]).toEqual([a.id]);
	});

	it('two polls over the same window (overlapping at the cursor second) emit each record once', async () => {
		const first = await poll(sandbox, { event: 'updatedTimeEntry' });
		at('2030-01-01T10:00:00Z');
		await api('PUT', '/api/time_entries/14915', { time_entry: { description: 'first change' } });
		const p1 = await poll(sandbox, { event: 'updatedTimeEntry' }, first.staticData);
		expect(ids(p1.items)).toEqual([14915]);
		// the next window starts at the same second (the cursor is inclusive): 14914 changes in it
		await api('PUT', '/api/time_entries/14914', { time_entry: { description: 'second change' } });
		const p2 = await poll(sandbox, { event: 'updatedTimeEntry' }, p1.staticData);
		expect(ids(p2.items)).toEqual([14914]);
		// and a third poll over the same window finds nothing new
		expect((await poll(sandbox, { event: 'updatedTimeEntry' }, p2.staticData)).items).toBeNull();
		const emitted = [...ids(p1.items), ...ids(p2.items)];
		expect(new Set(emitted).size).toBe(emitted.length);
	});

	it('the cursor is only in the static data n8n saves with the round: a failed round changes nothing', async () => {
		const first = await poll(sandbox, { event: 'newTimeEntry' });
		at('2030-01-01T10:00:00Z');
		const a = await logTime();
		sandbox.addFault({
			type: '5xx',
			status: 503,
			path: '/api/time_entries',
			method: 'GET',
			count: -1,
		});
		const failed = await poll(sandbox, { event: 'newTimeEntry' }, first.staticData);
		expect(failed.error).toBeDefined();
		expect(failed.staticData).toEqual(first.staticData);
		sandbox.clearFaults();
		const ok = await poll(sandbox, { event: 'newTimeEntry' }, failed.staticData);
		expect(ids(ok.items)).toEqual([a.id]);
		expect((await poll(sandbox, { event: 'newTimeEntry' }, ok.staticData)).items).toBeNull();
	}, 60000);
});

describe('manual mode', () => {
	it('returns the newest record as a sample and leaves the cursor alone', async () => {
		at('2030-01-01T10:00:00Z');
		const a = await logTime({ description: 'newest' });
		const manual = await poll(sandbox, { event: 'newTimeEntry' }, {}, 'manual');
		expect(ids(manual.items)).toEqual([a.id]);
		expect(manual.staticData).toEqual({});
		const project = await poll(sandbox, { event: 'newProject' }, {}, 'manual');
		expect(project.items?.[0]).toHaveLength(1);
	});
});

describe('secrets', () => {
	it('no user secrets and no API key in any trigger output', async () => {
		const outputs = [];
		for (const event of [
			'newItem',
			'newProject',
			'newTimeEntry',
			'updatedItem',
			'updatedTimeEntry',
		]) {
			outputs.push((await poll(sandbox, { event }, {}, 'manual')).items);
			outputs.push((await poll(sandbox, { event }, {})).staticData);
		}
		expect(outputs.filter(Boolean).length).toBeGreaterThan(5);
		expectNoSecrets(sandbox, outputs);
	});
});

describe('configuration errors', () => {
	it('a project filter that is not an id fails the poll with a readable message and no request', async () => {
		const before = sandbox.stats.requests;
		const r = await poll(sandbox, { event: 'newTimeEntry', projectId: 'Website' });
		expect(r.error?.message).toBe(
			'Project: must be a Cenno project ID (a whole number), got "Website"',
		);
		expect(sandbox.stats.requests).toBe(before);
	});
});
