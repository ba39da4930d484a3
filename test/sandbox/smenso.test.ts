/**
 * smenso sandbox contract: auth, tickets, error bodies, "no such endpoint" vs "record not found", time zones,
 * rate limits, faults and seeds, replayed over HTTP against sandbox/smenso. Reject rules: smenso-rejects.test.ts;
 * endpoint families: smenso-endpoints.test.ts; doc examples: smenso-doc-examples.test.ts.
 */
import { accepted, call, finish, sleep, startSandbox, TOKEN, WTZ, ZERO } from './smenso.helpers';

const ctx = startSandbox();
const s = () => ctx.sandbox;
const project = () => s().state().projects[0];
const taskWrite = (title: string, extra: object = {}) => ({
	timezoneId: WTZ,
	projectId: project().id,
	task: [{ title, ...extra }],
});

describe('authentication (P5: Authorization: Basic {token}, token as issued)', () => {
	it('GET integration/timezones/json answers an array of time zone ids', async () => {
		const r = await call(s(), 'GET', 'integration/timezones/json');
		expect(r.status).toBe(200);
		expect(r.json).toEqual(expect.arrayContaining(['Europe/Berlin', 'America/New_York']));
	});

	it('401 with {errors} for a missing or wrong token, and for a re-encoded or Bearer token', async () => {
		for (const header of [
			'',
			'Basic wrong',
			`Basic ${Buffer.from(TOKEN).toString('base64')}`,
			`Bearer ${TOKEN}`,
		]) {
			const r = await call(s(), 'GET', 'integration/timezones/json', undefined, {
				Authorization: header,
			});
			expect(r.status).toBe(401);
			expect(r.json.errors).toEqual([expect.stringMatching(/Unauthorized/)]);
		}
	});

	it('a workspace without the Integration API add-on gets 403 on integration endpoints; Reporting still works', async () => {
		const headers = { Authorization: 'Basic smenso-no-addon-token' };
		const r = await call(s(), 'GET', 'integration/timezones/json', undefined, headers);
		expect(r.status).toBe(403);
		expect(r.json.errors[0]).toMatch(/Integration API/);
		expect(
			(await call(s(), 'GET', 'reports/times/all?format=JSON', undefined, headers)).status,
		).toBe(200);
	});
});

describe('"no such endpoint" is distinguishable from "record not found"', () => {
	it.each([
		['POST', `integration/template/project/create/json/${ZERO}`],
		['GET', `integration/statusreport/json/${ZERO}`],
		['GET', 'reports/views'],
		['PUT', 'integration/project/json/archive/x'],
		['GET', 'integration/tasks/json'],
		['GET', 'reports/times/everyone'],
	])(
		'%s %s → 404, errors[0] starts "No such endpoint", header X-Smenso-Sandbox: no-such-endpoint',
		async (method, path) => {
			const r = await call(s(), method, path, method === 'GET' ? undefined : {});
			expect(r.status).toBe(404);
			expect(r.json.errors[0]).toMatch(/^No such endpoint: /);
			expect(r.headers.get('x-smenso-sandbox')).toBe('no-such-endpoint');
		},
	);

	it('an unknown record → 404 naming the entity, without the header', async () => {
		const r = await call(s(), 'GET', `integration/project/json/${ZERO}`);
		expect(r.status).toBe(404);
		expect(r.json).toEqual({ errors: [`Project '${ZERO}' not found`] });
		expect(r.headers.get('x-smenso-sandbox')).toBeNull();
		expect((await call(s(), 'DELETE', `integration/absence/json/${ZERO}`)).json.errors[0]).toMatch(
			/^Absence '.*' not found$/,
		);
	});

	it('nothing is applied on a "no such endpoint" answer', async () => {
		await call(s(), 'POST', `integration/project/json/${project().id}/unarchive`, {});
		expect(s().counters.ticketsCreated).toBe(0);
	});
});

describe('tickets (P4, P6, N)', () => {
	it('a write answers 202 {ticketId, status: Created}; the ticket ends in Success (10), with counts under the endpoint name in the rich shape', async () => {
		s().config.ticketShape = 'rich';
		const r = await call(s(), 'POST', 'integration/task/json', taskWrite('Contract task'));
		expect(r.status).toBe(202);
		expect(r.json).toEqual({
			ticketId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			status: 'Created',
			statusId: 0,
		});
		const ticket = await finish(s(), r.json.ticketId);
		expect(ticket).toMatchObject({
			id: r.json.ticketId,
			endpoint: 'Task',
			success: 1,
			status: 'Success',
			statusId: 10,
			messages: [],
		});
		for (const key of ['received', 'started', 'processed'])
			expect(ticket[key]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/);
		expect(ticket.Task).toEqual({ created: 1, modified: 0, attributesModified: 0, deleted: 0 });
		expect(
			s()
				.state()
				.tasks.some((t: { title: string }) => t.title === 'Contract task'),
		).toBe(true);
	});

	it("by default a Success ticket is exactly P4's example: no messages, no counts; a reset returns to it", async () => {
		s().config.ticketShape = 'rich';
		s().reset();
		const r = await call(s(), 'POST', 'integration/task/json', taskWrite('Plain task'));
		const ticket = await finish(s(), r.json.ticketId);
		expect(Object.keys(ticket).sort()).toEqual(
			[
				'endpoint',
				'id',
				'processed',
				'received',
				'started',
				'status',
				'statusId',
				'success',
			].sort(),
		);
		expect(ticket).toMatchObject({ status: 'Success', statusId: 10, success: 1 });
	});

	it.each([
		['tempId', /^Record 1 \(tempId 't2'\): .*overlaps/],
		['record0', /^Record 1: .*overlaps/],
		['record1', /^Record 2: .*overlaps/],
		['none', /^The absence overlaps/],
	])('ticket messages name a failed record as configured (%s)', async (style, pattern) => {
		s().config.ticketMessages = style;
		const a = s().state().absences[0];
		const m = s().state().members;
		const base = { absenceTypeId: 'Vacation', startDate: '2027-01-04', endDate: '2027-01-08' };
		const r = await call(s(), 'POST', 'integration/absence/json', {
			timezoneId: WTZ,
			absence: [
				{ ...base, userId: m[6].email, tempId: 't1' },
				{
					userId: a.userId,
					absenceTypeId: 'Vacation',
					startDate: a.startDate,
					endDate: a.endDate,
					tempId: 't2',
				},
			],
		});
		const ticket = await finish(s(), r.json.ticketId);
		expect(ticket.status).toBe('Success with Errors');
		expect(ticket.messages).toEqual([expect.stringMatching(pattern)]);
	});

	it("downloadShape 'json': the attachment download answers {id, fileName, contentType, size, content (base64)}", async () => {
		const a = s()
			.state()
			.attachments.find((x: { kind: string }) => x.kind === 'upload');
		const bytes = (await call(s(), 'GET', `integration/attachment/json/${a.id}`)).bytes;
		s().config.downloadShape = 'json';
		const r = await call(s(), 'GET', `integration/attachment/json/${a.id}`);
		expect(r.json).toEqual({
			id: a.id,
			fileName: a.fileName,
			contentType: a.contentType,
			size: a.size,
			content: bytes.toString('base64'),
		});
	});

	it('ignoreFields: a field is accepted and not stored', async () => {
		s().config.ignoreFields = { task: ['plannedDuration'] };
		const r = await call(
			s(),
			'POST',
			'integration/task/json',
			taskWrite('Dropped effort', { plannedDuration: 90, dueDate: '2026-05-01' }),
		);
		expect((await finish(s(), r.json.ticketId)).status).toBe('Success');
		const task = s()
			.state()
			.tasks.find((t: { title: string }) => t.title === 'Dropped effort');
		expect(task).toMatchObject({ dueDate: '2026-05-01' });
		expect(task.plannedDuration ?? null).toBeNull();
	});

	it('can answer 200 instead of 202 (the pages say both)', async () => {
		s().config.writeStatus = 200;
		try {
			const r = await call(s(), 'POST', 'integration/task/json', taskWrite('x'));
			expect(r.status).toBe(200);
			expect(typeof r.json.ticketId).toBe('string');
		} finally {
			s().config.writeStatus = 202;
		}
	});

	it('"Started" while processing; a failed ticket is Failed (30), success 0, ISO 7-digit stamps (P4 failed example)', async () => {
		s().config.ticketDelayMs = 600;
		try {
			const a = s().state().absences[0];
			const r = await call(s(), 'POST', 'integration/absence/json', {
				timezoneId: WTZ,
				absence: [
					{
						userId: a.userId,
						absenceTypeId: a.absenceTypeId,
						startDate: a.startDate,
						endDate: a.endDate,
						tempId: 'row-1',
					},
				],
			});
			await sleep(120);
			const running = (await call(s(), 'GET', `integration/status/json/${r.json.ticketId}`)).json;
			if (running.statusId !== 30)
				expect(running).toMatchObject({
					status: 'Started',
					statusId: 5,
					success: 0,
					processed: '0001-01-01T00:00:00+00:00',
				});
			const done = await finish(s(), r.json.ticketId);
			expect(done).toMatchObject({ status: 'Failed', statusId: 30, success: 0 });
			expect(done.received).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+00:00$/);
			expect(done.messages).toEqual([
				expect.stringMatching(/^Record 0 \(tempId 'row-1'\): The absence overlaps/),
			]);
			expect(done.Absence).toEqual({ created: 0, modified: 0, attributesModified: 0, deleted: 0 });
		} finally {
			s().config.ticketDelayMs = 30;
		}
	});

	it('a batch is ONE ticket; per-record failures name the record by tempId ("Success with Errors", 20)', async () => {
		const [a, b] = s().state().absences;
		const m = s().state().members;
		const absence = [
			{
				userId: m[6].email,
				absenceTypeId: 'Vacation',
				startDate: '2027-01-04',
				endDate: '2027-01-08',
				tempId: 't1',
				externalId: 'hr-1',
			},
			{
				userId: a.userId,
				absenceTypeId: 'Vacation',
				startDate: a.startDate,
				endDate: a.endDate,
				tempId: 't2',
				externalId: 'hr-2',
			},
			{
				userId: m[6].id,
				absenceTypeId: 'Training',
				startDate: '2027-02-01',
				endDate: '2027-02-01',
				externalId: 'hr-3',
			},
			{
				userId: b.userId,
				absenceTypeId: 'Nonsense',
				startDate: '2027-03-01',
				endDate: '2027-03-01',
				externalId: 'hr-4',
			},
		];
		const r = await call(s(), 'POST', 'integration/absence/json', { timezoneId: WTZ, absence });
		const ticket = await finish(s(), r.json.ticketId);
		expect(ticket).toMatchObject({ status: 'Success with Errors', statusId: 20, success: 1 });
		expect(ticket.Absence).toMatchObject({ created: 2 });
		expect(ticket.messages).toEqual([
			expect.stringMatching(/^Record 1 \(tempId 't2'\): .*overlaps/),
			expect.stringMatching(
				/^Record 3 \(externalId 'hr-4'\): Absence type 'Nonsense' does not exist/,
			),
		]);
		expect(s().counters.ticketsCreated).toBe(1);
		expect(s().counters.recordsReceived).toBe(4);
	});

	it('faults: tickets that never finish, fail or finish with errors', async () => {
		s().config.ticketFault = { mode: 'never', count: 1 };
		const stuck = await call(s(), 'POST', 'integration/task/json', taskWrite('Stuck'));
		await sleep(150);
		expect(
			(await call(s(), 'GET', `integration/status/json/${stuck.json.ticketId}`)).json.status,
		).toBe('Started');
		s().config.ticketFault = { mode: 'fail', count: 1 };
		const failed = await finish(
			s(),
			(await call(s(), 'POST', 'integration/task/json', taskWrite('Doomed'))).json.ticketId,
		);
		expect(failed.status).toBe('Failed');
		s().config.ticketFault = { mode: 'partial', count: 1 };
		const partial = await finish(
			s(),
			(await call(s(), 'POST', 'integration/task/json', taskWrite('Half'))).json.ticketId,
		);
		expect(partial.status).toBe('Success with Errors');
	});

	it('an unknown ticket is 404, a malformed id 400', async () => {
		expect((await call(s(), 'GET', `integration/status/json/${ZERO}`)).status).toBe(404);
		expect((await call(s(), 'GET', 'integration/status/json/nope')).status).toBe(400);
	});
});

describe('business rules run in the ticket (P4 validation rules)', () => {
	it('published status reports are frozen; one draft per project', async () => {
		const published = s()
			.state()
			.statusReports.find((r: { isPublished: boolean }) => r.isPublished);
		const t1 = await accepted(s(), 'PUT', 'integration/statusreport/json', {
			timezoneId: WTZ,
			statusReport: [{ id: published.id, explanation: 'changed' }],
		});
		expect(t1.messages[0]).toMatch(/published and cannot be modified/);
		const draft = s()
			.state()
			.statusReports.find((r: { isPublished: boolean }) => !r.isPublished);
		const t2 = await accepted(s(), 'POST', 'integration/statusreport/json', {
			timezoneId: WTZ,
			projectId: draft.projectId,
			statusReport: [{ title: 'Second draft', statusDate: '2026-03-31' }],
		});
		expect(t2.messages[0]).toMatch(/only one draft per project/);
	});

	it('locked time records; no booking on archived or template projects', async () => {
		const st = s().state();
		const locked = st.timeRecords.find((t: { date: string }) => t.date < '2026-01-01');
		expect(
			(
				await accepted(s(), 'PUT', 'integration/timerecord/json', {
					timezoneId: WTZ,
					projectId: locked.projectId,
					timeRecord: [{ id: locked.id, duration: 15 }],
				})
			).messages[0],
		).toMatch(/locked/);
		for (const [flag, word] of [
			['isArchived', /archived/],
			['isTemplate', /template/],
		] as const) {
			const p = st.projects.find((x: Record<string, boolean>) => x[flag]);
			const t = st.tasks.find((x: { projectId: string }) => x.projectId === p.id);
			const ticket = await accepted(s(), 'POST', 'integration/timerecord/json', {
				timezoneId: WTZ,
				projectId: p.id,
				timeRecord: [{ taskId: t.id, userId: st.members[0].id, date: '2026-06-01', duration: 30 }],
			});
			expect(ticket.messages[0]).toMatch(word);
		}
	});

	it('an absence type without approval takes no status; approval types start "submitted"', async () => {
		const m = s().state().members[6];
		const t = await accepted(s(), 'POST', 'integration/absence/json', {
			timezoneId: WTZ,
			absence: [
				{
					userId: m.email,
					absenceTypeId: 'Sick leave',
					startDate: '2027-06-01',
					endDate: '2027-06-01',
					status: 'approved',
				},
				{
					userId: m.email,
					absenceTypeId: 'Vacation',
					startDate: '2027-07-01',
					endDate: '2027-07-02',
				},
			],
		});
		expect(t.messages).toEqual([
			expect.stringMatching(/^Record 0: Absence type 'Sick leave' needs no approval/),
		]);
		expect(
			s()
				.state()
				.absences.find((a: { startDate: string }) => a.startDate === '2027-07-01').status,
		).toBe('submitted');
	});
});

describe('time zones, rate limits, seeds', () => {
	it('counts the IANA Timezone header and the Windows timezoneId', async () => {
		await call(s(), 'GET', 'integration/timezones/json', undefined, { Timezone: 'Europe/Vienna' });
		await call(s(), 'POST', 'integration/task/json', {
			...taskWrite('x'),
			timezoneId: 'GMT Standard Time',
		});
		expect(s().counters.timezones['Europe/Vienna']).toBe(1);
		expect(s().counters.timezoneIds['GMT Standard Time']).toBe(1);
	});

	it('429 with Retry-After and X-RateLimit-* when the configured ceiling is hit', async () => {
		s().config.rateLimit = { limit: 2, windowMs: 20000 };
		try {
			await call(s(), 'GET', 'integration/timezones/json');
			await call(s(), 'GET', 'integration/timezones/json');
			const r = await call(s(), 'GET', 'integration/timezones/json');
			expect(r.status).toBe(429);
			expect(r.json.errors[0]).toMatch(/Too many requests/);
			expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
			expect(r.headers.get('x-ratelimit-limit')).toBe('2');
			expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
			expect(Number(r.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
			s().config.rateLimitHeader = 'reset';
			const r2 = await call(s(), 'GET', 'integration/timezones/json');
			expect(r2.headers.get('retry-after')).toBeNull();
		} finally {
			s().config.rateLimit = { limit: 1000, windowMs: 60000 };
			s().config.rateLimitHeader = 'retry-after';
		}
	});

	it('fault injection through the control endpoint still works (429 with {errors})', async () => {
		await fetch(`${s().url}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ type: '429', path: 'timezones', retryAfter: 2 }),
		});
		const r = await call(s(), 'GET', 'integration/timezones/json');
		expect(r.status).toBe(429);
		expect(r.headers.get('retry-after')).toBe('2');
		expect((await call(s(), 'GET', 'integration/timezones/json')).status).toBe(200);
	});

	it('seeded ids are stable (examples/*.json quote project 8b9e89f2-…); a seed config reseeds at once', async () => {
		expect(project().id).toBe('8b9e89f2-8196-49a1-8f12-53c58fd5c632');
		const stateAnswer = await (await fetch(`${s().url}/__sandbox/state`)).json();
		expect(stateAnswer.counters).toMatchObject({ ticketsCreated: 0 });
		await fetch(`${s().url}/__sandbox/config`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ seed: { projects: 12, tasksPerProject: 50 } }),
		});
		expect((await call(s(), 'GET', 'integration/project/json')).json).toHaveLength(12);
		expect((await call(s(), 'GET', `integration/task/json/${project().id}`)).json).toHaveLength(50);
		s().config.seed = {};
		s().reset();
	});
});
