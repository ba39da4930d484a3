/**
 * smenso sandbox: the examples in the evidence (shared/vendor-docs/smenso-*.md and the two concept pages)
 * replayed against the sandbox. Tags as in ROUTES.md: P = smenso developer page, H = help article, N = vendor node.
 */
import {
	accepted,
	type Any,
	call,
	expectRejected,
	finish,
	startSandbox,
	WTZ,
} from './smenso.helpers';

const ctx = startSandbox();
const s = () => ctx.sandbox;
const st = () => s().state();

it('P2 "A first look": GET integration/timezones/json with Basic {token} and accept: application/json → a JSON array', async () => {
	const r = await call(s(), 'GET', 'integration/timezones/json', undefined, {
		accept: 'application/json',
	});
	expect(r.status).toBe(200);
	expect(Array.isArray(r.json)).toBe(true);
	expect(r.json.every((z: unknown) => typeof z === 'string')).toBe(true);
});

it('P4 error body: {"errors": ["…"]} (a list of strings)', async () => {
	const r = await call(s(), 'POST', 'integration/project/json', { timezoneId: WTZ, project: [{}] });
	expect(r.status).toBe(400);
	expect(Object.keys(r.json)).toEqual(['errors']);
	expect(r.json.errors.every((e: unknown) => typeof e === 'string')).toBe(true);
});

it('P13 v-old project create: {timezoneId: "W. Europe Standard Time", externalIdReference: null, project: [ … ]}', async () => {
	const ticket = await accepted(s(), 'POST', 'integration/project/json', {
		timezoneId: 'W. Europe Standard Time',
		externalIdReference: null,
		project: [
			{ title: 'Doc example', phaseId: '101', typeId: '201', externalId: 'ext-1', tempId: 1 },
		],
	});
	expect(ticket.status).toBe('Success');
	expect(st().projects.find((p: Any) => p.externalId === 'ext-1')).toMatchObject({
		phaseId: 101,
		typeId: 201,
	});
});

it('N-new project create: {timezoneId, noFeed, project: [record with explicit nulls]}', async () => {
	const record = {
		title: 'Node example',
		phaseId: 101,
		typeId: 201,
		description: null,
		goal: null,
		benefit: null,
		startDate: null,
		endDate: null,
		budget: null,
		currency: 'EUR',
		departmentId: null,
		locationId: null,
		statusId: null,
		workflowId: null,
		projectManager: null,
		hourlyRate: null,
		usePersonalHourlyRates: false,
		blockTimeRecording: false,
		externalId: null,
		tempId: null,
	};
	expect(
		(
			await accepted(s(), 'POST', 'integration/project/json', {
				timezoneId: WTZ,
				noFeed: false,
				project: [record],
			})
		).status,
	).toBe('Success');
});

it('P3 absence POST: the flat snippet is rejected; the same record in the envelope is accepted (contradiction #3)', async () => {
	const m = st().members[7];
	const type = st().absenceTypes.find((t: Any) => t.title === 'Training');
	const flat = {
		userId: m.id,
		startDate: '15.09.2025',
		endDate: '19.09.2025',
		absenceTypeId: type.id,
	};
	expectRejected(await call(s(), 'POST', 'integration/absence/json', flat), /Missing "absence"/);
	const ticket = await accepted(s(), 'POST', 'integration/absence/json', {
		timezoneId: WTZ,
		absence: [flat],
	});
	expect(ticket).toMatchObject({ status: 'Success', statusId: 10 });
	const list = (await call(s(), 'GET', `integration/absence/json?userId=${m.id}`)).json;
	expect(list[0]).toMatchObject({
		startDate: '15.09.2025',
		endDate: '19.09.2025',
		status: 'submitted',
	});
});

it('P4 success example: exactly id, endpoint, success (number), status, statusId, received, started, processed', async () => {
	const r = await call(s(), 'POST', 'integration/task/json', {
		timezoneId: WTZ,
		projectId: st().projects[0].id,
		task: [{ title: 'x' }],
	});
	const ticket = await finish(s(), r.json.ticketId);
	expect(Object.keys(ticket).sort()).toEqual(
		['endpoint', 'id', 'processed', 'received', 'started', 'status', 'statusId', 'success'].sort(),
	);
	expect(typeof ticket.success).toBe('number');
});

it('P4 ticket fields in the rich shape: the success example plus messages and the <endpoint> counts of the failed example', async () => {
	s().config.ticketShape = 'rich';
	const r = await call(s(), 'POST', 'integration/task/json', {
		timezoneId: WTZ,
		projectId: st().projects[0].id,
		task: [{ title: 'x' }],
	});
	const ticket = await finish(s(), r.json.ticketId);
	expect(Object.keys(ticket).sort()).toEqual(
		[
			'Task',
			'endpoint',
			'id',
			'messages',
			'processed',
			'received',
			'started',
			'status',
			'statusId',
			'success',
		].sort(),
	);
	expect(typeof ticket.success).toBe('number');
	expect(Object.keys(ticket.Task)).toEqual([
		'created',
		'modified',
		'attributesModified',
		'deleted',
	]);
});

it('P6: an async write is accepted with 202 and a ticketId', async () => {
	const r = await call(s(), 'POST', 'integration/task/json', {
		timezoneId: WTZ,
		projectId: st().projects[0].id,
		task: [{ title: 'x' }],
	});
	expect(r.status).toBe(202);
	expect(r.json.ticketId).toMatch(/^[0-9a-f]{8}-/);
});

describe('P8 dates and units', () => {
	it('input dates as 15.09.2024 or 2024-09-15; Integration answers dd.MM.yyyy', async () => {
		const p = st().projects[0];
		await accepted(s(), 'POST', 'integration/task/json', {
			timezoneId: WTZ,
			projectId: p.id,
			task: [{ title: 'A', startDate: '15.09.2024', dueDate: '2024-09-20', externalId: 'd1' }],
		});
		const t = (await call(s(), 'GET', `integration/task/json/${p.id}`)).json.find(
			(x: Any) => x.externalId === 'd1',
		);
		expect(t).toMatchObject({ startDate: '15.09.2024', dueDate: '20.09.2024' });
	});

	it('durations are minutes: plannedDuration 2400 = 40 h; absence 240 = half a day', async () => {
		const p = st().projects[0];
		await accepted(s(), 'POST', 'integration/task/json', {
			timezoneId: WTZ,
			projectId: p.id,
			task: [{ title: 'Forty hours', plannedDuration: 2400 }],
		});
		expect(st().tasks.find((t: Any) => t.title === 'Forty hours').plannedDuration).toBe(2400);
		const ticket = await accepted(s(), 'POST', 'integration/absence/json', {
			timezoneId: WTZ,
			absence: [
				{
					userId: st().members[7].email,
					absenceTypeId: 'Sick leave',
					startDate: '2027-10-04',
					endDate: '2027-10-04',
					startDateMinutes: 240,
				},
			],
		});
		expect(ticket.status).toBe('Success');
	});

	it('date flavor input as Unix milliseconds (1726790400000)', async () => {
		await accepted(s(), 'POST', 'integration/project/json', {
			timezoneId: WTZ,
			project: [
				{
					title: 'Ms',
					phaseId: 101,
					typeId: 201,
					externalId: 'ms',
					flavor: [{ target: 'Go-live date', value: 1726790400000 }],
				},
			],
		});
		const p = st().projects.find((x: Any) => x.externalId === 'ms');
		const answer = (await call(s(), 'GET', `integration/project/json/${p.id}`)).json;
		expect(answer.flavors.find((f: Any) => f.name === 'Go-live date').value).toBe('20.09.2024');
	});

	it('Reporting date-times as dd.MM.yyyy HH:mm:ss (15.07.2025 14:54:43 style), dates dd.MM.yyyy', async () => {
		const rows = (await call(s(), 'GET', 'reports/times/all?format=JSON')).json;
		expect(rows[0].Date).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
	});
});

it('H21 v-new: Reports/tasks/{projectID}?view={viewID} answers CSV by default and JSON with &format=JSON (capitalised path)', async () => {
	const p = st().projects[0];
	const view = st().views.find((v: Any) => v.kind === 'tasks');
	const csv = await call(s(), 'GET', `Reports/tasks/${p.id}?view=${view.id}`);
	expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
	expect(csv.text.split('\r\n')[0].split(';')[0]).toBe('TaskId');
	const json = await call(s(), 'GET', `Reports/tasks/${p.id}?view=${view.id}&format=JSON`);
	expect(json.json).toHaveLength(6);
});

it('N-new Reporting call: header timezone Europe/Berlin, view= and headers= sent empty', async () => {
	const r = await call(
		s(),
		'GET',
		'reports/projects?view=&filter=active&lang=de-DE&headers=&format=JSON',
		undefined,
		{ timezone: 'Europe/Berlin' },
	);
	expect(r.status).toBe(200);
	expect(r.json).toHaveLength(4);
});

it('N-new task update: {timezoneId, task: [{id, useExternalId: false, …}]} without projectId', async () => {
	const t = st().tasks[0];
	expect(
		(
			await accepted(s(), 'PUT', 'integration/task/json', {
				timezoneId: WTZ,
				task: [{ id: t.id, useExternalId: false, title: 'Renamed' }],
			})
		).status,
	).toBe('Success');
});

it('N-new dependencies default example: [{taskId, type: "FS", lag: 0}]', async () => {
	const tasks = st().tasks.filter((t: Any) => t.projectId === st().projects[1].id);
	const r = await call(s(), 'PATCH', `integration/task/json/${tasks[5].id}/dependencies`, [
		{ taskId: tasks[0].id, type: 'FS', lag: 0 },
	]);
	expect(r.status).toBe(200);
});

it('N-new member update: {timezoneId, member: [{id: e-mail, flavor: [{target: name, value}]}]}', async () => {
	expect(
		(
			await accepted(s(), 'PUT', 'integration/settings/member/json', {
				timezoneId: WTZ,
				member: [
					{
						id: 'greta.hoffmann@example.com',
						flavor: [{ target: 'Cost centre', value: 'CC-300 Operations' }],
					},
				],
			})
		).status,
	).toBe('Success');
});

it('N-new comment create carries no timezoneId: {comment: [{taskId, text, isInternal, tempId: null}]}', async () => {
	expect(
		(
			await accepted(s(), 'POST', 'integration/comment/task/json', {
				comment: [{ taskId: st().tasks[0].id, text: 'Hi', isInternal: false, tempId: null }],
			})
		).status,
	).toBe('Success');
});

it('N-new project template create body with the always-true options', async () => {
	const template = st().projects.find((p: Any) => p.isTemplate);
	const options: Record<string, boolean> = {};
	for (const k of [
		'tasks',
		'flavors',
		'budget',
		'description',
		'manager',
		'permissions',
		'adjustTaskDates',
		'startDate',
		'labels',
		'tasksWorkflow',
		'tasksTemplate',
		'folderTasksTemplate',
		'viewSettings',
		'location',
		'hourlyRate',
		'goal',
		'benefit',
		'observers',
		'blockTimeRecording',
		'markedColumns',
		'columnDescriptions',
	])
		options[k] = true;
	const ticket = await accepted(s(), 'POST', `integration/project/json/${template.id}`, {
		title: 'All options',
		folder: 'Execution',
		projectType: 'Internal project',
		isPrivate: true,
		options,
	});
	expect(ticket.status).toBe('Success');
});

it('P7 rate-limit headers on a 429: Retry-After, X-RateLimit-Limit/Remaining/Reset', async () => {
	s().config.rateLimit = { limit: 1, windowMs: 20000 };
	try {
		await call(s(), 'GET', 'reports/teams?format=JSON');
		const r = await call(s(), 'GET', 'reports/teams?format=JSON');
		expect(r.status).toBe(429);
		for (const h of [
			'retry-after',
			'x-ratelimit-limit',
			'x-ratelimit-remaining',
			'x-ratelimit-reset',
		])
			expect(r.headers.get(h)).not.toBeNull();
	} finally {
		s().config.rateLimit = { limit: 1000, windowMs: 60000 };
	}
});
