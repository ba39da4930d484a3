/**
 * Contract of the Resource Management (10,000ft) sandbox: the request/response examples of
 * /work/shared/vendor-docs/resource-management-10000ft-api.txt replayed against it, plus auth, paging,
 * rate limits, validation, approvals and webhook delivery as the docs describe them.
 */
import http from 'http';
import type { AddressInfo } from 'net';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { create, DEFAULT_TOKEN } = require('../../sandbox/rm/index.js');

type Json = Record<string, any>;
let sandbox: any;
let base: string;

beforeAll(async () => {
	sandbox = create({ allowHttpLoopback: true });
	await sandbox.listen(0);
	base = sandbox.url;
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.reset());

async function call(
	method: string,
	path: string,
	body?: unknown,
	options: { token?: string | null; form?: boolean } = {},
) {
	const headers: Record<string, string> = {};
	const token = options.token === undefined ? DEFAULT_TOKEN : options.token;
	if (token) headers.auth = token;
	let payload: string | undefined;
	if (body !== undefined) {
		if (options.form) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			payload = body as string;
		} else {
			headers['content-type'] = 'application/json';
			payload = typeof body === 'string' ? body : JSON.stringify(body);
		}
	}
	const res = await fetch(`${base}/api/v1${path}`, { method, headers, body: payload });
	const text = await res.text();
	return {
		status: res.status,
		headers: res.headers,
		body: (text ? JSON.parse(text) : undefined) as Json,
	};
}

const state = () => sandbox.state();
const firstUser = () =>
	state().users.find((u: Json) => !u.account_owner && !u.archived && u.license_type === 'licensed');
const firstProject = () => state().projects.find((p: Json) => !p.parent_id && !p.archived);

describe('collections, paging, auth, errors', () => {
	test('GET /users answers { data, paging } with per_page 20 and relative links (doc: Collections & Objects)', async () => {
		const r = await call('GET', '/users');
		expect(r.status).toBe(200);
		expect(r.body.data).toHaveLength(20);
		expect(r.body.data[0]).toEqual(
			expect.objectContaining({
				id: expect.any(Number),
				first_name: expect.any(String),
				last_name: expect.any(String),
			}),
		);
		expect(r.body.paging).toEqual({
			per_page: 20,
			page: 1,
			previous: null,
			self: '/api/v1/users?per_page=20&page=1',
			next: '/api/v1/users?per_page=20&page=2',
		});
		const last = await call('GET', '/users?per_page=20&page=3');
		expect(last.body.paging.next).toBeNull();
		expect(last.body.paging.previous).toBe('/api/v1/users?per_page=20&page=2');
	});

	test('per_page and page in the query (doc: GET /users?per_page=100&page=3), max 1000', async () => {
		const r = await call('GET', '/users?per_page=10&page=3');
		expect(r.body.paging).toEqual(expect.objectContaining({ page: 3, per_page: 10 }));
		expect(r.body.data[0].id).toBe(state().users.filter((u: Json) => !u.archived)[20].id);
		const big = await call('GET', '/users?per_page=5000');
		expect(big.body.paging.per_page).toBe(1000);
		expect(big.body.paging.next).toBeNull();
	});

	test('other query parameters are kept in paging links, auth is not', async () => {
		const r = await call(
			'GET',
			`/time_entries?from=2026-01-05&to=2026-02-28&per_page=5&auth=${DEFAULT_TOKEN}`,
			undefined,
			{ token: null },
		);
		expect(r.status).toBe(200);
		expect(r.body.paging.next).toBe(
			'/api/v1/time_entries?from=2026-01-05&to=2026-02-28&per_page=5&page=2',
		);
	});

	test('token in the auth header or the auth query parameter; 401 { message } otherwise', async () => {
		expect((await call('GET', '/users', undefined, { token: null })).status).toBe(401);
		const bad = await call('GET', '/users', undefined, { token: 'nope' });
		expect(bad.status).toBe(401);
		expect(bad.body).toEqual({ message: expect.any(String) });
		expect(
			(await call('GET', `/users?auth=${DEFAULT_TOKEN}`, undefined, { token: null })).status,
		).toBe(200);
	});

	test('optional fields become nested, paged collections (doc: GET /users?fields=tags)', async () => {
		const r = await call('GET', '/users?fields=tags&per_page=5');
		const tagged = r.body.data.find((u: Json) => u.tags.data.length);
		expect(tagged.tags).toEqual({
			data: expect.arrayContaining([
				expect.objectContaining({ id: expect.any(Number), value: expect.any(String) }),
			]),
			paging: expect.objectContaining({ per_page: 5 }),
		});
	});

	test('invalid JSON → 400 { message } (doc: Error Handling)', async () => {
		const r = await call('POST', '/projects', '{"name": ');
		expect(r.status).toBe(400);
		expect(r.body).toEqual({ message: expect.stringMatching(/json/i) });
	});

	test('X-RateLimit-* on every response; 429 once the window is used up; reset in epoch seconds', async () => {
		// A long window: four requests land in it however busy the machine is.
		sandbox.config.rateLimit = { limit: 3, windowMs: 60000 };
		const statuses: number[] = [];
		let last: any;
		for (let k = 0; k < 4; k++) {
			last = await call('GET', '/roles');
			statuses.push(last.status);
			expect(last.headers.get('x-ratelimit-limit')).toBe('3');
		}
		expect(statuses).toEqual([200, 200, 200, 429]);
		expect(last.headers.get('x-ratelimit-remaining')).toBe('0');
		const reset = Number(last.headers.get('x-ratelimit-reset'));
		expect(reset).toBeGreaterThan(Date.now() / 1000 - 1);
		expect(reset).toBeLessThan(Date.now() / 1000 + 61);
		expect(last.body).toEqual({ message: expect.any(String) });
		expect(sandbox.stats.rateLimited).toBe(1);
	});

	test('unknown ids and routes → 404 { message }', async () => {
		expect((await call('GET', '/projects/999999')).status).toBe(404);
		expect((await call('GET', '/projects/abc')).status).toBe(404);
		expect((await call('GET', '/nothing')).body).toEqual({ message: 'Not found' });
	});

	test('POST /__sandbox/config seeds many records fast and changes the ceiling', async () => {
		const res = await fetch(`${base}/__sandbox/config`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				seed: { users: 5000, timeEntries: 20000 },
				rateLimit: { limit: 500, windowMs: 1000 },
			}),
		});
		const body = (await res.json()) as { seeded: unknown };
		expect(body.seeded).toEqual({ users: 5000, timeEntries: 20000 });
		const r = await call('GET', '/users?per_page=1000&page=5');
		expect(r.body.data).toHaveLength(1000);
		expect(r.headers.get('x-ratelimit-limit')).toBe('500');
	});
});

describe('approvals (doc: Approvals)', () => {
	test('submit with the right updated_at → pending approval; visible with fields=approvals; delete while pending', async () => {
		const entry = state().timeEntries.find(
			(t: Json) => !state().approvals.some((a: Json) => a.approvable_id === t.id),
		);
		const r = await call('POST', '/approvals', {
			approvables: [{ id: entry.id, type: 'TimeEntry', updated_at: entry.updated_at }],
			status: 'pending',
		});
		expect(r.status).toBe(200);
		expect(r.body.data[0]).toEqual(
			expect.objectContaining({
				status: 'pending',
				approvable_id: entry.id,
				approvable_type: 'TimeEntry',
				approved_by: null,
				approved_at: null,
				submitted_at: expect.stringMatching(/Z$/),
			}),
		);
		expect(r.body.paging).toBeDefined();
		const listed = await call(
			'GET',
			`/users/${entry.user_id}/time_entries?fields=approvals&per_page=1000`,
		);
		const withApproval = listed.body.data.find((t: Json) => t.id === entry.id);
		expect(withApproval.approvals.data[0].status).toBe('pending');
		const all = await call('GET', '/approvals?fields=approvables&per_page=1000');
		expect(
			all.body.data.find((a: Json) => a.approvable_id === entry.id).approvables.data[0].id,
		).toBe(entry.id);
		expect((await call('DELETE', `/approvals/${r.body.data[0].id}`)).status).toBe(204);
	});

	test('a stale updated_at is refused with a message naming the record', async () => {
		const entry = state().timeEntries[3];
		const r = await call('POST', '/approvals', {
			approvables: [{ id: entry.id, type: 'TimeEntry', updated_at: '2016-10-04T15:33:32Z' }],
			status: 'pending',
		});
		expect(r.status).toBe(400);
		expect(r.body.message).toMatch(new RegExp(`TimeEntry ${entry.id}.*changed`));
	});

	test('approve works for admins; with apiUserCanApprove=false it is a 403; approved approvals cannot be deleted', async () => {
		const entry = state().timeEntries[4];
		const approvable = { id: entry.id, type: 'TimeEntry', updated_at: entry.updated_at };
		const approved = await call('POST', '/approvals', {
			approvables: [approvable],
			status: 'approved',
		});
		expect(approved.body.data[0]).toEqual(
			expect.objectContaining({ status: 'approved', approved_by: expect.any(Number) }),
		);
		expect((await call('DELETE', `/approvals/${approved.body.data[0].id}`)).status).toBe(400);
		sandbox.config.apiUserCanApprove = false;
		const other = state().timeEntries[5];
		const denied = await call('POST', '/approvals', {
			approvables: [{ id: other.id, type: 'TimeEntry', updated_at: other.updated_at }],
			status: 'approved',
		});
		expect(denied.status).toBe(403);
		expect(denied.body.message).toMatch(/administrators and project managers/);
	});

	test('expense items are approvable too', async () => {
		const item = state().expenseItems[0];
		const r = await call('POST', '/approvals', {
			approvables: [{ id: item.id, type: 'ExpenseItem', updated_at: item.updated_at }],
			status: 'pending',
		});
		expect(r.body.data[0].approvable_type).toBe('ExpenseItem');
	});
});

describe('assignables, assignments, subtasks', () => {
	test('GET /assignables lists projects and leave types with their type; show one', async () => {
		const r = await call('GET', '/assignables?per_page=1000');
		const types = new Set(r.body.data.map((a: Json) => a.type));
		expect(types).toEqual(new Set(['LeaveType', 'Project']));
		const vacation = r.body.data.find((a: Json) => a.name === 'Vacation');
		expect((await call('GET', `/assignables/${vacation.id}`)).body.type).toBe('LeaveType');
	});

	test('create for a user with leave_id (form-encoded, as the curl examples), percent and hours_per_day', async () => {
		const user = firstUser();
		const leave = state().leaveTypes[0];
		const a = await call(
			'POST',
			`/users/${user.id}/assignments`,
			`leave_id=${leave.id}&starts_at=2026-03-02&ends_at=2026-03-06`,
			{ form: true },
		);
		expect(a.status).toBe(200);
		expect(a.body).toEqual(
			expect.objectContaining({
				user_id: user.id,
				assignable_id: leave.id,
				allocation_mode: 'percent',
				percent: 1,
			}),
		);
		const quarter = await call(
			'POST',
			`/users/${user.id}/assignments`,
			`leave_id=${leave.id}&starts_at=2026-03-02&ends_at=2026-03-06&percent=0.25`,
			{ form: true },
		);
		expect(quarter.body.percent).toBe(0.25);
		const hpd = await call(
			'POST',
			`/users/${user.id}/assignments`,
			`leave_id=${leave.id}&starts_at=2026-03-02&ends_at=2026-03-06&allocation_mode=hours_per_day&hours_per_day=4`,
			{ form: true },
		);
		expect(hpd.body).toEqual(
			expect.objectContaining({ allocation_mode: 'hours_per_day', hours_per_day: 4 }),
		);
		expect(hpd.body.percent).toBeUndefined();
		const listed = await call('GET', `/users/${user.id}/assignments?per_page=1000`);
		expect(listed.body.data.map((x: Json) => x.id)).toEqual(
			expect.arrayContaining([a.body.id, quarter.body.id, hpd.body.id]),
		);
		expect((await call('DELETE', `/users/${user.id}/assignments/${a.body.id}`)).status).toBe(204);
		expect((await call('GET', `/assignments/${a.body.id}`)).status).toBe(404);
	});

	test('POST /assignments with subtasks (doc example) returns the nested subtasks; subtask counts', async () => {
		const p = firstProject();
		const r = await call('POST', '/assignments', {
			user_id: null,
			assignable_id: p.id,
			ends_at: '2018-06-27',
			starts_at: '2018-06-21',
			status_option_id: 1,
			description: 'Build wireframes',
			note: null,
			subtasks: [{ description: 'New Task', completed: false }],
		});
		expect(r.status).toBe(200);
		expect(r.body).toEqual(
			expect.objectContaining({
				user_id: null,
				assignable_id: p.id,
				status_option_id: 1,
				description: 'Build wireframes',
			}),
		);
		expect(r.body.subtasks.data[0]).toEqual(
			expect.objectContaining({
				assignment_id: r.body.id,
				assignable_id: p.id,
				description: 'New Task',
				completed: false,
				updated_by: expect.any(Number),
			}),
		);
		const counts = await call(
			'GET',
			`/projects/${p.id}/assignments?fields=subtasks_counts&per_page=1000`,
		);
		expect(counts.body.data.find((x: Json) => x.id === r.body.id).subtask_counts).toEqual({
			completed: 0,
			total: 1,
		});
		const base2 = `/projects/${p.id}/assignments/${r.body.id}/subtasks`;
		const s = await call('POST', base2, { description: 'Create wireframe', completed: true });
		expect(s.body.completed).toBe(true);
		expect((await call('GET', base2)).body.data).toHaveLength(2);
		expect((await call('PUT', `${base2}/${s.body.id}`, { completed: false })).body.completed).toBe(
			false,
		);
		expect((await call('GET', `${base2}/${s.body.id}`)).body.description).toBe('Create wireframe');
		expect((await call('DELETE', `${base2}/${s.body.id}`)).status).toBe(204);
		expect((await call('POST', base2, {})).status).toBe(400);
	});

	test('from/to filter assignments; scoped show; validation', async () => {
		const all = (await call('GET', '/assignments?per_page=1000')).body.data;
		const some = (await call('GET', '/assignments?from=2026-02-20&to=2026-02-25&per_page=1000'))
			.body.data;
		expect(some.length).toBeLessThan(all.length);
		for (const a of some)
			expect(a.ends_at >= '2026-02-20' && a.starts_at <= '2026-02-25').toBe(true);
		const a = all[0];
		expect((await call('GET', `/users/${a.user_id}/assignments/${a.id}`)).body.id).toBe(a.id);
		expect(
			(
				await call('POST', `/users/${a.user_id}/assignments`, {
					assignable_id: a.assignable_id,
					starts_at: '2026-03-09',
				})
			).status,
		).toBe(400);
		expect(
			(
				await call('POST', `/users/${a.user_id}/assignments`, {
					assignable_id: a.assignable_id,
					starts_at: '2026-03-09',
					ends_at: '2026-03-01',
				})
			).body.message,
		).toMatch(/ends_at/);
	});
});

describe('bill rates, budgets, categories', () => {
	test('account and project bill rates; user-specific rates refuse role_id', async () => {
		const account = await call('GET', '/bill_rates');
		expect(
			account.body.data.every((b: Json) => b.assignable_id === null && b.user_id === null),
		).toBe(true);
		const p = firstProject();
		const created = await call('POST', `/projects/${p.id}/bill_rates`, { rate: 100.0, role_id: 3 });
		expect(created.body).toEqual(
			expect.objectContaining({ rate: 100, role_id: 3, assignable_id: p.id }),
		);
		expect((await call('GET', `/projects/${p.id}/bill_rates/${created.body.id}`)).body.id).toBe(
			created.body.id,
		);
		expect(
			(await call('PUT', `/projects/${p.id}/bill_rates/${created.body.id}`, { rate: 120 })).body
				.rate,
		).toBe(120);
		const user = firstUser();
		const bad = await call('POST', `/projects/${p.id}/bill_rates`, {
			rate: 100,
			user_id: user.id,
			role_id: 3,
		});
		expect(bad.status).toBe(400);
		expect((await call('DELETE', `/projects/${p.id}/bill_rates/${created.body.id}`)).status).toBe(
			204,
		);
	});

	test('budget items need item_type; create/update/delete as the curl examples', async () => {
		const p = firstProject();
		expect((await call('GET', `/projects/${p.id}/budget_items`)).status).toBe(400);
		const created = await call(
			'POST',
			`/projects/${p.id}/budget_items`,
			'amount=5000&item_type=TimeFees',
			{ form: true },
		);
		expect(created.body).toEqual(
			expect.objectContaining({ amount: 5000, item_type: 'TimeFees', assignable_id: p.id }),
		);
		expect(
			(await call('PUT', `/budget_items/${created.body.id}`, 'amount=567', { form: true })).body
				.amount,
		).toBe(567);
		expect(
			(await call('PUT', `/projects/${p.id}/budget_items/${created.body.id}`, { amount: 600 })).body
				.amount,
		).toBe(600);
		expect((await call('GET', `/projects/${p.id}/budget_items/${created.body.id}`)).body.id).toBe(
			created.body.id,
		);
		const listed = await call('GET', `/projects/${p.id}/budget_items?item_type=TimeFees`);
		expect(listed.body.data.every((b: Json) => b.item_type === 'TimeFees')).toBe(true);
		expect((await call('DELETE', `/budget_items/${created.body.id}`)).status).toBe(204);
	});

	test('budget item categories: account and project level', async () => {
		const time = await call('GET', '/time_entry_categories');
		expect(time.body.data[0]).toEqual({ category: 'Time Fees Category 1', id: 1083 });
		expect(time.body.paging.self).toBe('/api/v1/time_entry_categories?per_page=20&page=1');
		expect((await call('GET', '/expense_item_categories')).body.data.length).toBeGreaterThan(0);
		const p = firstProject();
		expect((await call('GET', `/projects/${p.id}/time_entry_categories`)).body.data[0]).toEqual(
			expect.objectContaining({ item_type: expect.stringMatching(/TimeFees/) }),
		);
		expect((await call('GET', `/projects/${p.id}/expense_item_categories`)).body.data[0]).toEqual(
			expect.objectContaining({ item_type: 'Expenses' }),
		);
	});
});

describe('custom fields and values', () => {
	test('the doc example creates a multiple-choice field; values replace the set', async () => {
		const f = await call('POST', '/custom_fields', {
			name: 'Skills 2',
			namespace: 'users',
			is_visible_on_info_page: true,
			is_visible_as_filter: true,
			data_type: 'multiple_choice_selection_list',
			options: ['Audio/Video', 'Graphic Design', 'UX', 'Analytics', 'Python', 'Ruby', 'JavaScript'],
		});
		expect(f.status).toBe(200);
		const user = firstUser();
		const first = await call('POST', `/users/${user.id}/custom_field_values`, {
			custom_field_id: f.body.id,
			value: ['UX', 'Python'],
		});
		expect(first.body.data.map((v: Json) => v.value)).toEqual(['UX', 'Python']);
		await call('POST', `/users/${user.id}/custom_field_values`, {
			custom_field_id: f.body.id,
			value: ['Ruby'],
		});
		const now = (await call('GET', `/users/${user.id}/custom_field_values`)).body.data.filter(
			(v: Json) => v.custom_field_id === f.body.id,
		);
		expect(now.map((v: Json) => v.value)).toEqual(['Ruby']);
		expect(
			(await call('PUT', `/users/${user.id}/custom_field_values/${now[0].id}`, { value: 'UX' }))
				.body.value,
		).toBe('UX');
		expect(
			(await call('GET', `/users/${user.id}?fields=custom_field_values`)).body.custom_field_values
				.data.length,
		).toBeGreaterThan(0);
		expect((await call('PUT', `/custom_fields/${f.body.id}`, { name: 'Skillset' })).body.name).toBe(
			'Skillset',
		);
		expect((await call('GET', `/custom_fields/${f.body.id}`)).body.name).toBe('Skillset');
		expect((await call('DELETE', `/custom_fields/${f.body.id}`)).status).toBe(204);
		expect(
			(await call('GET', `/users/${user.id}/custom_field_values`)).body.data.some(
				(v: Json) => v.custom_field_id === f.body.id,
			),
		).toBe(false);
	});

	test('validation: selection lists need options; values must be options; projects take assignables fields', async () => {
		expect(
			(
				await call('POST', '/custom_fields', {
					name: 'X',
					namespace: 'users',
					data_type: 'selection_list',
				})
			).status,
		).toBe(400);
		const region = state().customFields.find((f: Json) => f.name === 'Region');
		const p = firstProject();
		expect(
			(
				await call('POST', `/projects/${p.id}/custom_field_values`, {
					custom_field_id: region.id,
					value: 'Mars',
				})
			).status,
		).toBe(400);
		const set = await call('POST', `/projects/${p.id}/custom_field_values`, {
			custom_field_id: region.id,
			value: 'APAC',
		});
		expect(set.body).toEqual(expect.objectContaining({ project_id: p.id, value: 'APAC' }));
		const skills = state().customFields.find((f: Json) => f.name === 'Skills');
		expect(
			(
				await call('POST', `/projects/${p.id}/custom_field_values`, {
					custom_field_id: skills.id,
					value: 'UX',
				})
			).status,
		).toBe(400);
	});
});

describe('lookups: disciplines, roles, holidays, leave types, status options', () => {
	test('read-only lists and shows', async () => {
		const d = await call('GET', '/disciplines');
		expect(d.body.data[0]).toEqual({ id: 1, value: expect.any(String) });
		expect((await call('GET', '/disciplines/1')).body).toEqual({
			id: 1,
			value: expect.any(String),
		});
		expect((await call('GET', '/roles/1')).body).toEqual({ id: 1, value: 'Senior' });
		const h = await call('GET', '/holidays');
		expect(h.body.data[0]).toEqual({
			id: 20019,
			date: '2026-01-01',
			name: 'New Years Day',
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
		const l = await call('GET', '/leave_types');
		expect(l.body.data[0]).toEqual(
			expect.objectContaining({ name: 'Vacation', guid: expect.any(String), deleted_at: null }),
		);
		expect((await call('GET', `/leave_types/${l.body.data[1].id}`)).body.name).toBe('Sick');
	});

	test('status options: doc example create, list, with_deleted', async () => {
		const created = await call('POST', '/status_options', {
			color: 'green_bright',
			label: 'On Track 2',
			stage: 'in_progress',
			order: 100.0,
		});
		expect(created.body).toEqual(
			expect.objectContaining({
				color: 'green_bright',
				label: 'On Track 2',
				stage: 'in_progress',
				order: 100,
			}),
		);
		expect(
			(
				await call('POST', '/status_options', {
					color: 'pink',
					label: 'x',
					stage: 'planned',
					order: 1,
				})
			).status,
		).toBe(400);
		expect(
			(await call('PUT', `/status_options/${created.body.id}`, { label: 'Fine' })).body.label,
		).toBe('Fine');
		expect((await call('GET', `/status_options/${created.body.id}`)).body.label).toBe('Fine');
		expect((await call('DELETE', `/status_options/${created.body.id}`)).status).toBe(204);
		expect(
			(await call('GET', '/status_options')).body.data.some((s: Json) => s.id === created.body.id),
		).toBe(false);
		expect(
			(await call('GET', '/status_options?with_deleted=true')).body.data.find(
				(s: Json) => s.id === created.body.id,
			).deleted_at,
		).toEqual(expect.any(String));
	});
});

describe('expense items, phases, placeholders, tags, project users', () => {
	test('expense items: create by user, update via project+user path, delete', async () => {
		const user = firstUser();
		const p = firstProject();
		const e = await call('POST', `/users/${user.id}/expense_items`, {
			date: '2026-02-02',
			amount: 10,
			project_id: p.id,
			notes: 'Testing exp',
		});
		expect(e.body).toEqual(
			expect.objectContaining({
				assignable_id: p.id,
				assignable_type: 'Project',
				user_id: user.id,
				amount: 10,
				date: '2026-02-02',
			}),
		);
		expect(
			(await call('POST', `/users/${user.id}/expense_items`, { amount: 10, project_id: p.id }))
				.status,
		).toBe(400);
		expect(
			(
				await call('PUT', `/projects/${p.id}/users/${user.id}/expense_items/${e.body.id}`, {
					amount: 12,
				})
			).body.amount,
		).toBe(12);
		expect((await call('GET', `/projects/${p.id}/expense_items/${e.body.id}`)).body.amount).toBe(
			12,
		);
		expect(
			(
				await call('GET', `/users/${user.id}/expense_items?from=2026-02-02&to=2026-02-02`)
			).body.data.map((x: Json) => x.id),
		).toContain(e.body.id);
		expect((await call('DELETE', `/users/${user.id}/expense_items/${e.body.id}`)).status).toBe(204);
	});

	test('phases: create (form), rename, use_parent_bill_rates, cannot delete with assignments', async () => {
		const p = firstProject();
		const ph = await call(
			'POST',
			`/projects/${p.id}/phases`,
			'phase_name=Winding%20up&starts_at=2013-09-15&ends_at=2013-09-16',
			{ form: true },
		);
		expect(ph.body).toEqual(
			expect.objectContaining({
				parent_id: p.id,
				phase_name: 'Winding up',
				starts_at: '2013-09-15',
				ends_at: '2013-09-16',
			}),
		);
		expect(
			(
				await call('PUT', `/projects/${p.id}/phases/${ph.body.id}`, 'phase_name=Another%20Name&', {
					form: true,
				})
			).body.phase_name,
		).toBe('Another Name');
		expect(
			(
				await call('PUT', `/projects/${p.id}/phases/${ph.body.id}`, 'use_parent_bill_rates=true', {
					form: true,
				})
			).body.use_parent_bill_rates,
		).toBe(true);
		expect(
			(await call('GET', `/projects/${p.id}/phases`)).body.data.map((x: Json) => x.id),
		).toContain(ph.body.id);
		await call('POST', '/assignments', {
			user_id: null,
			assignable_id: ph.body.id,
			starts_at: '2013-09-15',
			ends_at: '2013-09-16',
		});
		expect((await call('DELETE', `/projects/${p.id}/phases/${ph.body.id}`)).status).toBe(400);
	});

	test('placeholders: create title=Designer, update, assignments, on a project, delete', async () => {
		const created = await call('POST', '/placeholder_resources', 'title=Designer', { form: true });
		expect(created.body.title).toBe('Designer');
		expect((await call('POST', '/placeholder_resources', {})).status).toBe(400);
		expect(
			(
				await call('PUT', `/placeholder_resources/${created.body.id}`, 'title=Senior Designer', {
					form: true,
				})
			).body.title,
		).toBe('Senior Designer');
		const p = firstProject();
		await call('POST', `/projects/${p.id}/assignments`, {
			user_id: created.body.id,
			starts_at: '2026-04-01',
			ends_at: '2026-04-10',
		});
		expect(
			(await call('GET', `/placeholder_resources/${created.body.id}/assignments`)).body.data,
		).toHaveLength(1);
		expect(
			(await call('GET', `/placeholder_resources/${created.body.id}?fields=assignments`)).body
				.assignments.data,
		).toHaveLength(1);
		expect(
			(await call('GET', `/projects/${p.id}/placeholder_resources`)).body.data.map(
				(x: Json) => x.id,
			),
		).toContain(created.body.id);
		expect((await call('DELETE', `/placeholder_resources/${created.body.id}`)).status).toBe(204);
	});

	test('tags are find-or-create and attach once; delete detaches', async () => {
		const p = firstProject();
		const a = await call('POST', `/projects/${p.id}/tags`, 'value=Awesome', { form: true });
		const b = await call('POST', `/projects/${p.id}/tags`, { value: 'Awesome' });
		expect(b.body.id).toBe(a.body.id);
		expect(
			(await call('GET', `/projects/${p.id}/tags`)).body.data.filter(
				(t: Json) => t.value === 'Awesome',
			),
		).toHaveLength(1);
		expect((await call('DELETE', `/projects/${p.id}/tags/${a.body.id}`)).status).toBe(204);
		const user = firstUser();
		const u = await call('POST', `/users/${user.id}/tags`, { value: 'Awesome' });
		expect(u.body.id).toBe(a.body.id);
		expect((await call('DELETE', `/users/${user.id}/tags/${u.body.id}`)).status).toBe(204);
		expect((await call('DELETE', `/users/${user.id}/tags/${u.body.id}`)).status).toBe(404);
	});

	test('users per project are the people with assignments', async () => {
		const a = state().assignments.find((x: Json) =>
			state().projects.some((p: Json) => p.id === x.assignable_id && !p.parent_id),
		);
		const r = await call(
			'GET',
			`/projects/${a.assignable_id}/users?fields=tags,assignments&per_page=1000`,
		);
		expect(r.body.data.map((u: Json) => u.id)).toContain(a.user_id);
		expect(r.body.data[0].assignments.data.length).toBeGreaterThan(0);
	});
});

describe('projects (doc: Projects)', () => {
	test('list with fields, sorting, filter on project_state, with_archived, project_code', async () => {
		const r = await call('GET', '/projects?fields=tags,budget_items&per_page=1000');
		expect(r.body.data[0]).toEqual(
			expect.objectContaining({
				tags: expect.objectContaining({ data: expect.any(Array) }),
				budget_items: expect.any(Object),
			}),
		);
		expect(r.body.data.some((p: Json) => p.archived)).toBe(false);
		expect(r.body.data.some((p: Json) => p.parent_id)).toBe(false);
		const withArchived = await call('GET', '/projects?with_archived=true&per_page=1000');
		expect(withArchived.body.data.some((p: Json) => p.archived)).toBe(true);
		const sorted = (
			await call('GET', '/projects?sort_field=created&sort_order=descending&per_page=1000')
		).body.data.map((p: Json) => p.created_at);
		expect([...sorted].sort().reverse()).toEqual(sorted);
		const confirmed = await call(
			'GET',
			'/projects?filter_field=project_state&filter_list=Confirmed&per_page=1000',
		);
		expect(confirmed.body.data.every((p: Json) => p.project_state === 'Confirmed')).toBe(true);
		expect((await call('GET', '/projects?project_code=PRJ-101')).body.data).toHaveLength(1);
		expect((await call('GET', '/projects?filter_field=client')).status).toBe(400);
	});

	test('create, show with children/summary, update, archive blocks updates, unarchive, delete', async () => {
		const created = await call('POST', '/projects', {
			name: 'My Project',
			starts_at: '2015-03-01',
			ends_at: '2015-06-01',
		});
		expect(created.body).toEqual(
			expect.objectContaining({
				name: 'My Project',
				starts_at: '2015-03-01',
				ends_at: '2015-06-01',
				type: 'Project',
				archived: false,
				timeentry_lockout: -1,
			}),
		);
		const id = created.body.id;
		expect(
			(
				await call('PUT', `/projects/${id}`, {
					id,
					name: 'New Project Name',
					ends_at: '2015-05-31',
				})
			).body,
		).toEqual(expect.objectContaining({ name: 'New Project Name', ends_at: '2015-05-31' }));
		const shown = await call('GET', `/projects/${id}?fields=children,summary,tags`);
		expect(shown.body).toEqual(
			expect.objectContaining({
				children: expect.objectContaining({ data: [] }),
				confirmed_hours: 0,
				scheduled_hours: 0,
			}),
		);
		expect((await call('PUT', `/projects/${id}`, { archived: true })).body.archived).toBe(true);
		const blocked = await call('PUT', `/projects/${id}`, { name: 'x' });
		expect(blocked.status).toBe(400);
		expect(blocked.body.message).toMatch(/archived/);
		expect((await call('PUT', `/projects/${id}`, { archived: false, name: 'Back' })).body).toEqual(
			expect.objectContaining({ archived: false, name: 'Back' }),
		);
		expect((await call('POST', '/projects', { starts_at: '2015-03-01' })).status).toBe(400);
		expect((await call('DELETE', `/projects/${id}`)).status).toBe(204);
	});
});

describe('reports (doc: Reports API)', () => {
	test('rows with the doc example params; totals; validation', async () => {
		const r = await call('POST', '/reports/rows', {
			view: 'time_fees_hours',
			time_frame: { from: '2026-01-01', to: '2026-03-31' },
			group_by: ['project_id', 'user_id'],
			filters: { people_tags: { operation: 'exclusion', values: ['intern'] } },
			today: '2026-03-28',
			calc_incurred_using: 'confirmed-unconfirmed',
		});
		expect(r.status).toBe(200);
		expect(r.body.params.view).toBe('time_fees_hours');
		expect(r.body.dates).toEqual({
			today: '2026-03-28',
			range: { from: '2026-01-01', to: '2026-03-31' },
		});
		expect(r.body.rows[0]).toEqual(
			expect.objectContaining({
				project_id: expect.any(Number),
				project_name: expect.any(String),
				user_id: expect.any(Number),
				user_name: expect.any(String),
				incurred_hours: expect.any(Number),
				scheduled_hours: expect.any(Number),
				total_hours: expect.any(Number),
			}),
		);
		const week = await call('POST', '/reports/rows', {
			time_frame: 'this_week',
			today: '2018-03-28',
		});
		expect(week.body.dates.range).toEqual({ from: '2018-03-26', to: '2018-04-01' });
		const totals = await call('POST', '/reports/totals', {
			time_frame: { from: '2026-01-01', to: '2026-03-31' },
		});
		expect(totals.body.totals.incurred_hours).toBeGreaterThan(0);
		expect((await call('POST', '/reports/rows', { view: 'nope' })).status).toBe(400);
		expect(
			(await call('POST', '/reports/rows', { view: 'utilization', group_by: ['project_id'] }))
				.status,
		).toBe(400);
		expect(
			(await call('POST', '/reports/rows', { group_by: ['a', 'b', 'c', 'd', 'e', 'f'] })).status,
		).toBe(400);
	});
});

describe('time entries (doc: Time Entries)', () => {
	test('create by user (doc example), by project, show in all three scopes, update, delete', async () => {
		const user = firstUser();
		const p = firstProject();
		const created = await call('POST', `/users/${user.id}/time_entries`, {
			user_id: user.id,
			assignable_id: p.id,
			date: '2012-01-21',
			hours: 0.5,
			task: 'Travel',
			notes: 'Drive to Seattle, WA to meet with 10Kft',
		});
		expect(created.status).toBe(200);
		expect(created.body).toEqual(
			expect.objectContaining({
				user_id: user.id,
				assignable_id: p.id,
				assignable_type: 'Project',
				date: '2012-01-21',
				hours: 0.5,
				is_suggestion: false,
				scheduled_hours: null,
				task: 'Travel',
				bill_rate: expect.any(Number),
			}),
		);
		const id = created.body.id;
		for (const path of [
			`/time_entries/${id}`,
			`/users/${user.id}/time_entries/${id}`,
			`/projects/${p.id}/time_entries/${id}`,
		]) {
			expect((await call('GET', path)).body.id).toBe(id);
		}
		const byProject = await call('POST', `/projects/${p.id}/time_entries`, {
			user_id: user.id,
			assignable_id: p.id,
			date: '2012-01-01',
			hours: 4.0,
		});
		expect(byProject.body.hours).toBe(4);
		const updated = await call('PUT', `/users/${user.id}/time_entries/${id}`, { hours: 1.5 });
		expect(updated.body.hours).toBe(1.5);
		expect(Date.parse(updated.body.updated_at)).toBeGreaterThanOrEqual(
			Date.parse(created.body.updated_at),
		);
		expect((await call('DELETE', `/users/${user.id}/time_entries/${id}`)).status).toBe(204);
		expect((await call('GET', `/time_entries/${id}`)).status).toBe(404);
	});

	test('validation: user_id must match the URL, hours ≥ 0, task < 256 chars, dates, unknown user, managed resources', async () => {
		const user = firstUser();
		const p = firstProject();
		const other = state().users.find(
			(u: Json) => u.id !== user.id && u.license_type === 'licensed',
		);
		expect(
			(
				await call('POST', `/users/${user.id}/time_entries`, {
					user_id: other.id,
					assignable_id: p.id,
					date: '2026-01-01',
					hours: 1,
				})
			).body.message,
		).toMatch(/must match/);
		expect(
			(
				await call('POST', `/users/${user.id}/time_entries`, {
					assignable_id: p.id,
					date: '2026-01-01',
					hours: -1,
				})
			).body.message,
		).toMatch(/hours/);
		expect(
			(
				await call('POST', `/users/${user.id}/time_entries`, {
					assignable_id: p.id,
					date: '2026-01-01',
					hours: 1,
					task: 'x'.repeat(256),
				})
			).status,
		).toBe(400);
		expect(
			(
				await call('POST', `/users/${user.id}/time_entries`, {
					assignable_id: p.id,
					date: '01/02/2026',
					hours: 1,
				})
			).status,
		).toBe(400);
		expect(
			(
				await call('POST', '/users/99999/time_entries', {
					assignable_id: p.id,
					date: '2026-01-01',
					hours: 1,
				})
			).status,
		).toBe(404);
		const managed = state().users.find((u: Json) => u.license_type === 'managed_resource');
		expect(
			(
				await call('POST', `/users/${managed.id}/time_entries`, {
					assignable_id: p.id,
					date: '2026-01-01',
					hours: 1,
				})
			).body.message,
		).toMatch(/managed/);
		expect((await call('GET', '/time_entries?from=2017-3-14')).status).toBe(400);
	});

	test('from/to range, sorting, with_suggestions adds read-only suggested entries', async () => {
		const r = await call('GET', '/time_entries?from=2026-01-10&to=2026-01-12&per_page=1000');
		expect(r.body.data.length).toBeGreaterThan(0);
		expect(r.body.data.every((t: Json) => t.date >= '2026-01-10' && t.date <= '2026-01-12')).toBe(
			true,
		);
		const a = state().assignments.find((x: Json) => x.user_id && x.allocation_mode === 'percent');
		const s = await call(
			'GET',
			`/users/${a.user_id}/time_entries?with_suggestions=true&from=${a.starts_at}&to=${a.ends_at}&per_page=1000`,
		);
		const suggestion = s.body.data.find((t: Json) => t.is_suggestion);
		expect(suggestion).toEqual(
			expect.objectContaining({
				is_suggestion: true,
				hours: null,
				scheduled_hours: expect.any(Number),
				task: null,
				notes: null,
			}),
		);
		const sorted = (
			await call('GET', '/time_entries?sort_field=updated&sort_order=descending&per_page=1000')
		).body.data.map((t: Json) => t.updated_at);
		expect([...sorted].sort().reverse()).toEqual(sorted);
	});
});

describe('people: users, availabilities, statuses', () => {
	test('update user 100 with last_name (doc example), create, archive; administrators and owner are protected', async () => {
		const user = firstUser();
		const r = await call('PUT', `/users/${user.id}`, { last_name: 'Silva' });
		expect(r.body).toEqual(
			expect.objectContaining({ last_name: 'Silva', display_name: `${user.first_name} Silva` }),
		);
		const created = await call('POST', '/users', {
			first_name: 'Chris',
			last_name: 'James',
			email: 'chris@example.com',
		});
		expect(created.body).toEqual(
			expect.objectContaining({
				first_name: 'Chris',
				display_name: 'Chris James',
				license_type: 'licensed',
				type: 'User',
			}),
		);
		expect(
			(
				await call('POST', '/users', {
					first_name: 'A',
					last_name: 'B',
					email: 'chris@example.com',
				})
			).status,
		).toBe(400);
		expect(
			(
				await call('POST', '/users', {
					first_name: 'A',
					last_name: 'B',
					email: 'a@b.co',
					user_type_id: 1,
				})
			).status,
		).toBe(400);
		expect((await call('PUT', `/users/${created.body.id}`, { archived: true })).body.archived).toBe(
			true,
		);
		const owner = state().users.find((u: Json) => u.account_owner);
		expect((await call('PUT', `/users/${owner.id}`, { archived: true })).status).toBe(400);
		expect(
			(await call('GET', '/users?with_archived=true&per_page=1000')).body.data.some(
				(u: Json) => u.id === created.body.id,
			),
		).toBe(true);
		expect(
			(await call('GET', '/users?per_page=1000')).body.data.some(
				(u: Json) => u.id === created.body.id,
			),
		).toBe(false);
	});

	test('availabilities CRUD (doc example body)', async () => {
		const user = firstUser();
		const a = await call('POST', `/users/${user.id}/availabilities`, {
			starts_at: '2017-01-30',
			ends_at: '2017-07-28',
			day0: 0,
			day1: 8,
			day2: 8,
			day3: 4,
			day4: 8,
			day5: 8,
			day6: 0,
		});
		expect(a.body).toEqual(expect.objectContaining({ user_id: user.id, day3: 4 }));
		expect(
			(await call('PUT', `/users/${user.id}/availabilities/${a.body.id}`, { day3: 6 })).body.day3,
		).toBe(6);
		expect((await call('GET', `/users/${user.id}/availabilities/${a.body.id}`)).body.day3).toBe(6);
		expect((await call('GET', `/users/${user.id}/availabilities`)).body.data).toHaveLength(1);
		expect(
			(await call('PUT', `/users/${user.id}/availabilities/${a.body.id}`, { day1: 30 })).status,
		).toBe(400);
		expect((await call('DELETE', `/users/${user.id}/availabilities/${a.body.id}`)).status).toBe(
			204,
		);
	});

	test('statuses: status=OOO creates the current status; invalid status refused', async () => {
		const user = firstUser();
		const s = await call('POST', `/users/${user.id}/statuses`, 'status=OOO', { form: true });
		expect(s.body).toEqual(expect.objectContaining({ status: 'OOO', user_id: user.id }));
		expect((await call('GET', `/users/${user.id}/statuses`)).body.data[0].id).toBe(s.body.id);
		expect((await call('POST', `/users/${user.id}/statuses`, { status: 'XYZ' })).status).toBe(400);
	});
});

describe('webhooks (doc: Webhooks)', () => {
	let receiver: http.Server;
	let hookUrl: string;
	const received: Json[] = [];
	let answer = 200;
	beforeAll(async () => {
		receiver = http.createServer((req, res) => {
			let data = '';
			req.on('data', (c) => (data += c));
			req.on('end', () => {
				received.push(JSON.parse(data));
				res.writeHead(answer);
				res.end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
	});
	afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
	beforeEach(() => {
		received.length = 0;
		answer = 200;
		sandbox.config.allowHttpLoopback = true;
	});

	const waitFor = async (check: () => boolean, ms = 3000) => {
		const until = Date.now() + ms;
		while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
	};

	test('create/list/delete; https required (loopback only by switch); at most 10 per event type; no update', async () => {
		sandbox.config.allowHttpLoopback = false;
		expect(
			(await call('POST', '/webhooks', { event_type: 'project.created', url: hookUrl })).status,
		).toBe(400);
		const created = await call('POST', '/webhooks', {
			event_type: 'project.created',
			url: 'https://10000ft.com/process_webhooks',
		});
		expect(created.body).toEqual({
			id: expect.any(Number),
			organization_id: 1,
			url: 'https://10000ft.com/process_webhooks',
			status: 'active',
			event_type: 'project.created',
		});
		expect((await call('GET', '/webhooks')).body.data).toEqual([created.body]);
		expect(
			(
				await call('POST', '/webhooks', {
					event_type: 'project.deleted',
					url: 'https://example.com/x',
				})
			).status,
		).toBe(400);
		for (let k = 1; k < 10; k++)
			expect(
				(
					await call('POST', '/webhooks', {
						event_type: 'project.created',
						url: `https://example.com/${k}`,
					})
				).status,
			).toBe(200);
		const eleventh = await call('POST', '/webhooks', {
			event_type: 'project.created',
			url: 'https://example.com/11',
		});
		expect(eleventh.status).toBe(400);
		expect(eleventh.body.message).toMatch(/10 webhooks per event type/);
		expect(
			(await call('PUT', `/webhooks/${created.body.id}`, { url: 'https://example.com/y' })).status,
		).toBe(400);
		expect((await call('DELETE', `/webhooks/${created.body.id}`)).status).toBe(204);
	});

	test('delivery of { type, data } for project, user, time entry and assignment writes; 410 unsubscribes', async () => {
		for (const event of [
			'project.created',
			'project.updated',
			'user.created',
			'user.updated',
			'time.entry.created',
			'time.entry.updated',
			'assignment.created',
			'assignment.updated',
		]) {
			expect((await call('POST', '/webhooks', { event_type: event, url: hookUrl })).status).toBe(
				200,
			);
		}
		const p = (await call('POST', '/projects', { name: 'Hooked' })).body;
		await call('PUT', `/projects/${p.id}`, { name: 'Hooked 2' });
		const u = (
			await call('POST', '/users', {
				first_name: 'Web',
				last_name: 'Hook',
				email: 'web.hook@example.com',
			})
		).body;
		await call('PUT', `/users/${u.id}`, { last_name: 'Hooks' });
		const t = (
			await call('POST', `/users/${u.id}/time_entries`, {
				assignable_id: p.id,
				date: '2026-02-02',
				hours: 2,
			})
		).body;
		await call('PUT', `/users/${u.id}/time_entries/${t.id}`, { hours: 3 });
		const a = (
			await call('POST', `/users/${u.id}/assignments`, {
				assignable_id: p.id,
				starts_at: '2026-02-02',
				ends_at: '2026-02-06',
			})
		).body;
		await call('PUT', `/assignments/${a.id}`, { percent: 0.5 });
		await waitFor(() => received.length >= 8);
		expect(received.map((r) => r.type)).toEqual([
			'project.created',
			'project.updated',
			'user.created',
			'user.updated',
			'time.entry.created',
			'time.entry.updated',
			'assignment.created',
			'assignment.updated',
		]);
		expect(received[0].data).toEqual(expect.objectContaining({ id: p.id, name: 'Hooked' }));
		expect(received[5].data.hours).toBe(3);
		// The payload is the plain GET representation.
		const {
			updated_at: _u,
			hours: _h,
			...stable
		} = (await call('GET', `/time_entries/${t.id}`)).body;
		expect(received[4].data).toEqual(expect.objectContaining(stable));
		answer = 410;
		await call('PUT', `/projects/${p.id}`, { name: 'Hooked 3' });
		await waitFor(() => received.length >= 9);
		await waitFor(
			() => !sandbox.state().webhooks.some((w: Json) => w.event_type === 'project.updated'),
		);
		expect(sandbox.state().webhooks.some((w: Json) => w.event_type === 'project.updated')).toBe(
			false,
		);
		expect(sandbox.deliveries().some((d: Json) => d.status === 410)).toBe(true);
	});
});
