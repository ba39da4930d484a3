/**
 * smenso sandbox contract: the behaviour the docs describe (auth, tickets, error bodies, validation rules,
 * time zones, rate limits) replayed over HTTP against sandbox/smenso.
 */
import type { IDataObject } from 'n8n-workflow';

import { createSmensoSandbox, type SmensoSandbox } from '../nodes/smenso.helpers';

let sandbox: SmensoSandbox;
const TOKEN = 'smenso-sandbox-token';

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
	const response = await fetch(`${sandbox.baseUrl()}/${path}`, {
		method,
		headers: { Authorization: `Basic ${TOKEN}`, accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return { status: response.status, headers: response.headers, text, json: json as any };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function finish(ticketId: string) {
	await sleep(80);
	return (await call('GET', `integration/status/json/${ticketId}`)).json;
}

beforeAll(async () => {
	sandbox = createSmensoSandbox({ ticketDelayMs: 50 });
	await sandbox.listen();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

describe('authentication and first request (docs: "A first look")', () => {
	it('GET integration/timezones/json with Basic {token} returns an array of time zone ids', async () => {
		const r = await call('GET', 'integration/timezones/json');
		expect(r.status).toBe(200);
		expect(Array.isArray(r.json)).toBe(true);
		expect(r.json).toContain('Europe/Berlin');
	});

	it('answers 401 with {errors} for a missing or wrong token, and does not accept a re-encoded token', async () => {
		for (const header of ['', 'Basic wrong', `Basic ${Buffer.from(TOKEN).toString('base64')}`, `Bearer ${TOKEN}`]) {
			const r = await call('GET', 'integration/timezones/json', undefined, { Authorization: header });
			expect(r.status).toBe(401);
			expect(Array.isArray(r.json.errors)).toBe(true);
		}
	});

	it('a workspace without the Integration API add-on gets 403 on integration endpoints, reporting still works', async () => {
		const headers = { Authorization: 'Basic smenso-no-addon-token' };
		const r = await call('GET', 'integration/timezones/json', undefined, headers);
		expect(r.status).toBe(403);
		expect(String(r.json.errors[0])).toMatch(/Integration API/);
		expect((await call('GET', 'reports/times/all?format=JSON', undefined, headers)).status).toBe(200);
	});

	it('writes need an Admin token (403 for a member)', async () => {
		const r = await call('POST', 'integration/absence/json', [{ userId: 'x@example.com' }], { Authorization: 'Basic smenso-readonly-token' });
		expect(r.status).toBe(403);
	});
});

describe('tickets (docs: "Asynchronous responses")', () => {
	it('a write answers 202 with a ticketId; the ticket moves to Success (statusId 10) with counts', async () => {
		const project = sandbox.state().projects[0];
		const r = await call('POST', 'integration/task/json', { projectId: project.id, task: [{ title: 'Contract task' }] });
		expect(r.status).toBe(202);
		const ticket = await finish(String(r.json.ticketId));
		expect(ticket).toMatchObject({ id: r.json.ticketId, endpoint: 'Task', success: 1, status: 'Success', statusId: 10 });
		for (const key of ['received', 'started', 'processed']) expect(typeof ticket[key]).toBe('string');
		expect(ticket.Task).toEqual({ created: 1, modified: 0, attributesModified: 0, deleted: 0 });
		expect(sandbox.state().tasks.some((t) => t.title === 'Contract task')).toBe(true);
	});

	it('can answer 200 instead of 202 (the docs say both)', async () => {
		sandbox.config.writeStatus = 200;
		try {
			const r = await call('POST', 'integration/absence/json', [{ userId: sandbox.state().members[1].id, absenceTypeId: 'Sick leave', startDate: '2027-05-03', endDate: '2027-05-04' }]);
			expect(r.status).toBe(200);
			expect(typeof r.json.ticketId).toBe('string');
		} finally {
			sandbox.config.writeStatus = 202;
		}
	});

	it('is "Started" while processing, and a failed ticket is Failed (30) with messages', async () => {
		sandbox.config.ticketDelayMs = 400;
		const absence = sandbox.state().absences[0];
		const r = await call('POST', 'integration/absence/json', [{ userId: absence.userId, absenceTypeId: absence.absenceTypeId, startDate: absence.startDate, endDate: absence.endDate }]);
		await sleep(100);
		expect((await call('GET', `integration/status/json/${r.json.ticketId}`)).json).toMatchObject({ status: 'Started', statusId: 5, success: 0 });
		await sleep(400);
		const done = (await call('GET', `integration/status/json/${r.json.ticketId}`)).json;
		expect(done).toMatchObject({ status: 'Failed', statusId: 30, success: 0 });
		expect(done.messages[0]).toMatch(/^Record 0: The absence overlaps/);
		sandbox.config.ticketDelayMs = 50;
	});

	it('a batch is one ticket with counts and per-record messages ("Success with Errors", 20)', async () => {
		const [a, b] = sandbox.state().absences;
		const members = sandbox.state().members;
		const records = [
			{ userId: members[6].email, absenceTypeId: 'Vacation', startDate: '2027-01-04', endDate: '2027-01-08', externalId: 'hr-1' },
			{ userId: a.userId, absenceTypeId: 'Vacation', startDate: a.startDate, endDate: a.endDate, externalId: 'hr-2' },
			{ userId: members[6].id, absenceTypeId: 'Training', startDate: '2027-02-01', endDate: '2027-02-01', externalId: 'hr-3' },
			{ userId: b.userId, absenceTypeId: 'Nonsense', startDate: '2027-03-01', endDate: '2027-03-01', externalId: 'hr-4' },
		];
		const r = await call('POST', 'integration/absence/json', records);
		const ticket = await finish(String(r.json.ticketId));
		expect(ticket).toMatchObject({ status: 'Success with Errors', statusId: 20, success: 1 });
		expect(ticket.Absence).toMatchObject({ created: 2 });
		expect(ticket.messages).toEqual([expect.stringMatching(/^Record 1 \(externalId 'hr-2'\): .*overlaps/), expect.stringMatching(/^Record 3 \(externalId 'hr-4'\): Absence type 'Nonsense' does not exist/)]);
		expect(sandbox.counters.ticketsCreated).toBe(1);
	});

	it('faults: tickets that fail or never finish', async () => {
		sandbox.config.ticketFault = { mode: 'never', count: 1 };
		const project = sandbox.state().projects[0];
		const stuck = await call('POST', 'integration/task/json', { projectId: project.id, task: [{ title: 'Stuck' }] });
		expect((await finish(String(stuck.json.ticketId))).status).toBe('Started');
		sandbox.config.ticketFault = { mode: 'fail', count: 1 };
		const failed = await call('POST', 'integration/task/json', { projectId: project.id, task: [{ title: 'Doomed' }] });
		const ticket = await finish(String(failed.json.ticketId));
		expect(ticket.status).toBe('Failed');
		expect(ticket.messages.length).toBeGreaterThan(0);
	});

	it('an unknown ticket is 404, a malformed id 400', async () => {
		expect((await call('GET', 'integration/status/json/00000000-0000-4000-8000-000000000000')).status).toBe(404);
		expect((await call('GET', 'integration/status/json/nope')).status).toBe(400);
	});
});

describe('validation (docs: "Validation rules", error body {errors: [...]})', () => {
	it('missing title and end before start are rejected at once with one message per violation, nothing saved', async () => {
		const project = sandbox.state().projects[0];
		const before = sandbox.state().tasks.length;
		const r = await call('POST', 'integration/task/json', { projectId: project.id, task: [{ title: '' }, { title: 'x', startDate: '2026-03-05', endDate: '2026-03-01' }] });
		expect(r.status).toBe(400);
		expect(r.json).toEqual({ errors: ['task[0]: Title is required', 'task[1]: endDate must not be before startDate'] });
		expect(sandbox.state().tasks.length).toBe(before);
		expect(sandbox.counters.ticketsCreated).toBe(0);
	});

	it('dates with a UTC offset are rejected ("Do not send UTC offsets")', async () => {
		const project = sandbox.state().projects[0];
		const r = await call('POST', 'integration/task/json', { projectId: project.id, task: [{ title: 'x', startDate: '2026-03-05T10:00:00Z' }] });
		expect(r.status).toBe(400);
		expect(r.json.errors[0]).toMatch(/UTC offset/);
	});

	it('bad GUIDs are 400, unknown records 404', async () => {
		expect((await call('GET', 'integration/task/json/not-a-guid')).status).toBe(400);
		expect((await call('GET', 'integration/project/json/00000000-0000-4000-8000-000000000000')).status).toBe(404);
		expect((await call('DELETE', 'integration/absence/json/00000000-0000-4000-8000-000000000000')).status).toBe(404);
	});

	it('published status reports cannot be modified; one draft per project', async () => {
		const published = sandbox.state().statusReports.find((s) => s.isPublished)!;
		const r = await call('PUT', 'integration/statusreport/json', { id: published.id, summary: 'changed' });
		expect((await finish(String(r.json.ticketId))).messages[0]).toMatch(/published and cannot be modified/);
		const draft = sandbox.state().statusReports.find((s) => !s.isPublished)!;
		const second = await call('POST', 'integration/statusreport/json', { projectId: draft.projectId, title: 'Second draft' });
		expect((await finish(String(second.json.ticketId))).messages[0]).toMatch(/only one draft per project/);
	});

	it('locked time records and archived / template projects', async () => {
		const locked = sandbox.state().timeRecords.find((t) => String(t.date) < '2026-01-01')!;
		const r = await call('PUT', 'integration/timerecord/json', { projectId: locked.projectId, timeRecord: [{ id: locked.id, duration: 15 }] });
		expect((await finish(String(r.json.ticketId))).messages[0]).toMatch(/locked/);
		const archived = sandbox.state().projects.find((p) => p.isArchived)!;
		const task = sandbox.state().tasks.find((t) => t.projectId === archived.id)!;
		const a = await call('POST', 'integration/timerecord/json', { projectId: archived.id, timeRecord: [{ taskId: task.id, userId: sandbox.state().members[0].id, date: '2026-06-01', duration: 30 }] });
		expect((await finish(String(a.json.ticketId))).messages[0]).toMatch(/archived/);
		const template = sandbox.state().projects.find((p) => p.isTemplate)!;
		const tt = sandbox.state().tasks.find((t) => t.projectId === template.id)!;
		const b = await call('POST', 'integration/timerecord/json', { projectId: template.id, timeRecord: [{ taskId: tt.id, userId: sandbox.state().members[0].id, date: '2026-06-01', duration: 30 }] });
		expect((await finish(String(b.json.ticketId))).messages[0]).toMatch(/template/);
	});
});

describe('time zones, rate limits, reporting', () => {
	it('records the Timezone header and rejects unknown zones', async () => {
		await call('GET', 'integration/timezones/json', undefined, { Timezone: 'Europe/Vienna' });
		expect(sandbox.counters.timezones['Europe/Vienna']).toBe(1);
		expect((await call('GET', 'integration/timezones/json', undefined, { Timezone: 'Mars/Olympus' })).status).toBe(400);
	});

	it('429 with Retry-After and X-RateLimit-* when the configured ceiling is hit', async () => {
		sandbox.config.rateLimit = { limit: 2, windowMs: 2000 };
		try {
			await call('GET', 'integration/timezones/json');
			await call('GET', 'integration/timezones/json');
			const r = await call('GET', 'integration/timezones/json');
			expect(r.status).toBe(429);
			expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
			expect(r.headers.get('x-ratelimit-limit')).toBe('2');
			expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
			expect(Number(r.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
			sandbox.config.rateLimitHeader = 'reset';
			const s = await call('GET', 'integration/timezones/json');
			expect(s.headers.get('retry-after')).toBeNull();
			expect(s.headers.get('x-ratelimit-reset')).not.toBeNull();
		} finally {
			sandbox.config.rateLimit = { limit: 1000, windowMs: 60000 };
			sandbox.config.rateLimitHeader = 'retry-after';
		}
	});

	it('reporting endpoints answer JSON or CSV, views are checked', async () => {
		const json = await call('GET', 'reports/projects?format=JSON');
		expect(json.json.length).toBeGreaterThan(3);
		const csv = await call('GET', 'reports/times/all?format=CSV');
		expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
		expect(csv.text.split('\r\n')[0]).toBe('TimeRecordId;ProjectId;TaskId;UserId;Date;DurationMinutes;Billable');
		const view = sandbox.state().views[0];
		expect((await call('GET', `reports/projects?view=${view.id}&format=JSON`)).status).toBe(200);
		expect((await call('GET', 'reports/projects?view=00000000-0000-4000-8000-000000000000')).status).toBe(404);
		const project = sandbox.state().projects[0];
		expect((await call('GET', `reports/tasks/${project.id}?format=JSON`)).json.length).toBe(6);
		expect((await call('GET', 'reports/absences/all')).json.length).toBe(6);
	});

	it('seeded data is deterministic; POST /__sandbox/config with a seed reseeds at once', async () => {
		const first = sandbox.state().projects.map((p) => p.id);
		sandbox.reset();
		expect(sandbox.state().projects.map((p) => p.id)).toEqual(first);
		await fetch(`${sandbox.url}/__sandbox/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ seed: { projects: 12, tasksPerProject: 50 } }) });
		const project = sandbox.state().projects[0];
		expect((await call('GET', 'integration/project/json')).json).toHaveLength(12);
		expect((await call('GET', `integration/task/json/${project.id}`)).json).toHaveLength(50);
		expect(sandbox.state().tasks).toHaveLength(600);
		sandbox.config.seed = {};
		sandbox.reset();
	});
});
