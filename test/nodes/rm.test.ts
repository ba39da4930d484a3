/**
 * Resource Management node, in process (n8n-core's real execution contexts) against the RM sandbox:
 * every operation of the node description at least once, paging, 429s, approvals end to end, bad input.
 */
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import { runCredentialTest } from '../harness/inprocess';
import {
	byId,
	fails,
	loadOptions,
	ok,
	ResourceManagement,
	ResourceManagementApi,
	run,
	startSandbox,
} from './rm.helpers';

const { sandbox, credentials } = startSandbox();
const st = () => sandbox().state() as unknown as Record<string, IDataObject[]>;
const licensedUser = () =>
	st().users.find((u) => !u.account_owner && !u.archived && u.license_type === 'licensed')!;
const project = () => st().projects.find((p) => !p.parent_id && !p.archived)!;
const projectWithPhases = () =>
	st().projects.find(
		(p) => !p.parent_id && !p.archived && st().projects.some((c) => c.parent_id === p.id),
	)!;

/** Every resource/operation pair the tests ran, checked against the description at the end. */
const exercised = new Set<string>();
async function op(
	resource: string,
	operation: string,
	params: INodeParameters = {},
	input?: IDataObject[],
): Promise<IDataObject[]> {
	exercised.add(`${resource}:${operation}`);
	return await ok(credentials(), { resource, operation, ...params }, input);
}

describe('credential', () => {
	test('the credential test succeeds with the sandbox token and explains a bad token', async () => {
		const good = await runCredentialTest({
			credentialType: new ResourceManagementApi(),
			data: credentials() as never,
		});
		expect(good.status).toBe('OK');
		const bad = await runCredentialTest({
			credentialType: new ResourceManagementApi(),
			data: { ...credentials(), apiToken: 'wrong' } as never,
		});
		expect(bad.status).toBe('Error');
		expect(bad.message).toMatch(/rejected the API token \(401\)/);
		expect(sandbox().stats.log.slice(-1)[0]).toEqual(
			expect.objectContaining({ path: '/api/v1/roles', status: 401 }),
		);
	});

	test('the token travels in the auth header, never in the URL, and never appears in errors', async () => {
		const r = await run(
			{ ...credentials(), apiToken: 'secret-token-xyz' },
			{ resource: 'role', operation: 'getAll', returnAll: true },
		);
		expect(r.error?.message).toMatch(/Authentication failed/);
		expect(JSON.stringify(r.error)).not.toContain('secret-token-xyz');
		expect(sandbox().stats.log.every((l) => !String(l.path).includes('auth='))).toBe(true);
	});

	test('a custom base URL must be http(s)', async () => {
		const r = await run(
			{ ...credentials(), baseUrl: 'ftp://example.com/api/v1' },
			{ resource: 'role', operation: 'getAll', returnAll: true },
		);
		expect(r.error?.message).toMatch(/not an http\(s\) address/);
	});
});

describe('time entries: log time and friends', () => {
	test('Log Time creates a confirmed entry from n8n date fields; get, update, delete read the owner themselves', async () => {
		const user = licensedUser();
		const p = projectWithPhases();
		const phase = st().projects.find((c) => c.parent_id === p.id)!;
		const [created] = await op('timeEntry', 'create', {
			userId: byId(user.id as number),
			assignableType: 'project',
			projectId: { __rl: true, mode: 'list', value: String(p.id) },
			date: '2026-02-03T00:00:00',
			hours: 2.5,
			additionalFields: { task: 'Design', notes: 'Kick-off', phaseId: byId(phase.id as number) },
		});
		expect(created).toEqual(
			expect.objectContaining({
				user_id: user.id,
				assignable_id: phase.id,
				date: '2026-02-03',
				hours: 2.5,
				task: 'Design',
				notes: 'Kick-off',
				is_suggestion: false,
			}),
		);
		const [leave] = await op('timeEntry', 'create', {
			userId: byId(user.id as number),
			assignableType: 'leaveType',
			leaveTypeId: byId(st().leaveTypes[0].id as number),
			date: '2026-02-04',
			hours: 8,
		});
		expect(leave.assignable_type).toBe('LeaveType');
		const [got] = await op('timeEntry', 'get', {
			timeEntryId: String(created.id),
			fields: ['approvals'],
		});
		expect(got.approvals).toEqual(expect.objectContaining({ data: [] }));
		const [updated] = await op('timeEntry', 'update', {
			timeEntryId: String(created.id),
			updateFields: { hours: 3, notes: 'Changed' },
		});
		expect(updated).toEqual(expect.objectContaining({ hours: 3, notes: 'Changed' }));
		const [deleted] = await op('timeEntry', 'delete', { timeEntryId: String(created.id) });
		expect(deleted).toEqual({ id: created.id, deleted: true });
		expect(st().timeEntries.some((t) => t.id === created.id)).toBe(false);
	});

	test('Get Many in three scopes with from/to, suggestions and Return All across pages', async () => {
		const all = await op('timeEntry', 'getAll', { scope: 'account', returnAll: true });
		expect(all).toHaveLength(st().timeEntries.length);
		sandbox().resetStats();
		const limited = await op('timeEntry', 'getAll', {
			scope: 'account',
			returnAll: false,
			limit: 7,
		});
		expect(limited).toHaveLength(7);
		expect(sandbox().stats.log[0].path).toBe('/api/v1/time_entries');
		const user = licensedUser();
		const mine = await op('timeEntry', 'getAll', {
			scope: 'user',
			scopeUserId: byId(user.id as number),
			returnAll: true,
			filters: { from: '2026-01-10', to: '2026-01-20T00:00:00' },
		});
		expect(
			mine.every(
				(t) =>
					t.user_id === user.id && String(t.date) >= '2026-01-10' && String(t.date) <= '2026-01-20',
			),
		).toBe(true);
		const a = st().assignments.find((x) => x.user_id && x.allocation_mode === 'percent')!;
		const withSuggestions = await op('timeEntry', 'getAll', {
			scope: 'user',
			scopeUserId: byId(a.user_id as number),
			returnAll: true,
			filters: { with_suggestions: true, from: a.starts_at as string, to: a.ends_at as string },
		});
		expect(withSuggestions.some((t) => t.is_suggestion === true)).toBe(true);
		const p = project();
		const perProject = await op('timeEntry', 'getAll', {
			scope: 'project',
			scopeProjectId: byId(p.id as number),
			returnAll: true,
			fields: ['approvals'],
		});
		expect(perProject.length).toBeGreaterThan(0);
		expect(perProject[0].approvals).toBeDefined();
	});

	test('paging follows paging.next across pages with per_page 1000 (few requests for many records)', async () => {
		await fetch(`${sandbox().url}/__sandbox/config`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ seed: { timeEntries: 2500 } }),
		});
		sandbox().resetStats();
		const all = await op('timeEntry', 'getAll', { scope: 'account', returnAll: true });
		expect(all).toHaveLength(st().timeEntries.length);
		const paths = sandbox().stats.log.map((l) => l.path);
		expect(paths).toHaveLength(Math.ceil(all.length / 1000));
		expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
		// A Limit that crosses a page boundary fetches only the pages it needs, and no extra one.
		sandbox().resetStats();
		const some = await op('timeEntry', 'getAll', {
			scope: 'account',
			returnAll: false,
			limit: 1500,
		});
		expect(some).toHaveLength(1500);
		expect(sandbox().stats.log).toHaveLength(2);
		expect(some.map((t) => t.id)).toEqual(all.slice(0, 1500).map((t) => t.id));
	});

	test('list search pages through the API with the next link as pagination token', async () => {
		await fetch(`${sandbox().url}/__sandbox/config`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ seed: { users: 300 } }),
		});
		const first = (await loadOptions(credentials(), 'listSearch', 'searchUsers')) as {
			results: Array<{ value: string }>;
			paginationToken?: string;
		};
		expect(first.results).toHaveLength(200);
		expect(first.paginationToken).toBe('/api/v1/users?per_page=200&page=2');
		const { runLoadOptions } = await import('../harness/inprocess');
		const second = (await runLoadOptions({
			nodeType: new ResourceManagement(),
			kind: 'listSearch',
			method: 'searchUsers',
			credentials: { psaResourceManagementApi: credentials() as never },
			credentialTypes: [new ResourceManagementApi()],
			paginationToken: first.paginationToken,
		})) as { results: Array<{ value: string }>; paginationToken?: string };
		expect(second.results.length).toBe(st().users.filter((u) => !u.archived).length - 200);
		expect(second.paginationToken).toBeUndefined();
		expect(new Set([...first.results, ...second.results].map((r) => r.value)).size).toBe(
			first.results.length + second.results.length,
		);
	});

	test('a 429 is waited out until X-RateLimit-Reset and the request repeated; a tight window is paced', async () => {
		// Four different reads (identical ones are answered once by the rehearsal's read cache).
		sandbox().config.rateLimit = { limit: 2, windowMs: 1500 };
		const r = await op('role', 'getAll', { returnAll: false, limit: '={{ $json.n }}' }, [
			{ n: 1 },
			{ n: 2 },
			{ n: 3 },
			{ n: 4 },
		]);
		expect(r.length).toBe(1 + 2 + 3 + 4);
		// Every read was answered in the end, whatever was throttled on the way.
		expect(sandbox().stats.byStatus['200']).toBe(4);
		sandbox().config.rateLimit = { limit: 1000, windowMs: 1000 };
		sandbox().resetStats();
		sandbox().addFault({ type: '429', count: 1, retryAfter: 1, path: '/holidays' });
		const h = await op('holiday', 'getAll', { returnAll: true });
		expect(h.length).toBe(st().holidays.length);
		expect(sandbox().stats.rateLimited).toBe(1);
		expect(sandbox().stats.log.map((l) => l.status)).toEqual([429, 200]);
	}, 60000);

	test('bad input is refused before anything is sent, naming the field and item', async () => {
		const user = licensedUser();
		const p = project();
		sandbox().resetStats();
		const neg = await fails(credentials(), {
			resource: 'timeEntry',
			operation: 'create',
			userId: byId(user.id as number),
			assignableType: 'project',
			projectId: byId(p.id as number),
			date: '2026-02-03',
			hours: -2,
		});
		expect(neg.message).toBe('Hours: must be at least 0, got -2 (row 1)');
		const nonNumeric = await fails(
			credentials(),
			{ resource: 'timeEntry', operation: 'get', timeEntryId: '={{ $json.id }}' },
			[{ id: st().timeEntries[0].id }, { id: 'abc' }],
		);
		expect(nonNumeric.message).toBe(
			'Time Entry ID: must be a positive whole number, got "abc" (row 2)',
		);
		const badDate = await fails(credentials(), {
			resource: 'timeEntry',
			operation: 'create',
			userId: byId(user.id as number),
			assignableType: 'project',
			projectId: byId(p.id as number),
			date: 'yesterday',
			hours: 1,
		});
		expect(badDate.message).toMatch(/^Date: must be a date/);
		const longTask = await fails(credentials(), {
			resource: 'timeEntry',
			operation: 'create',
			userId: byId(user.id as number),
			assignableType: 'project',
			projectId: byId(p.id as number),
			date: '2026-02-03',
			hours: 1,
			additionalFields: { task: 'x'.repeat(300) },
		});
		expect(longTask.message).toMatch(/^Task: must be fewer than 256 characters/);
		expect(sandbox().stats.log.filter((l) => l.method !== 'GET')).toHaveLength(0);
		const unknownUser = await fails(credentials(), {
			resource: 'timeEntry',
			operation: 'create',
			userId: byId(99999),
			assignableType: 'project',
			projectId: byId(p.id as number),
			date: '2026-02-03',
			hours: 1,
		});
		expect(unknownUser.message).toMatch(/Person 99999 was not found/);
		expect((unknownUser as unknown as { httpCode: string }).httpCode).toBe('404');
	});

	test('Continue On Fail keeps going with an error item per failed input, paired', async () => {
		const r = await run(
			credentials(),
			{ resource: 'timeEntry', operation: 'get', timeEntryId: '={{ $json.id }}' },
			[{ id: st().timeEntries[0].id }, { id: 99999999 }, { id: 'x' }],
			true,
		);
		expect(r.items).toHaveLength(3);
		expect(r.items[0].json.id).toBe(st().timeEntries[0].id);
		expect(r.items[1].json.error).toMatch(/Time entry 99999999 was not found/);
		expect(r.items[2].json.error).toMatch(/Time Entry ID/);
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('approvals end to end', () => {
	test('log time → submit (node reads updated_at) → pending approval listed → approve → withdraw refused', async () => {
		const user = licensedUser();
		const p = project();
		const entries = await op(
			'timeEntry',
			'create',
			{
				userId: byId(user.id as number),
				assignableType: 'project',
				projectId: byId(p.id as number),
				date: '={{ $json.date }}',
				hours: 4,
			},
			[{ date: '2026-02-09' }, { date: '2026-02-10' }],
		);
		expect(entries).toHaveLength(2);
		const submitted = await op('approval', 'submit', {
			approvableType: 'TimeEntry',
			approvableIds: entries.map((e) => e.id).join(', '),
		});
		expect(submitted.map((a) => a.approvable_id)).toEqual(entries.map((e) => e.id));
		expect(submitted.every((a) => a.status === 'pending')).toBe(true);
		const pending = await op('approval', 'getAll', {
			statusFilter: 'pending',
			returnAll: true,
			fields: ['approvables'],
		});
		expect(pending.map((a) => a.approvable_id)).toEqual(
			expect.arrayContaining(entries.map((e) => e.id)),
		);
		const listed = await op('approval', 'getAll', {
			statusFilter: 'any',
			returnAll: false,
			limit: 3,
		});
		expect(listed).toHaveLength(3);
		const withdrawn = await op('approval', 'withdraw', {
			approvableType: 'TimeEntry',
			approvableIds: String(entries[1].id),
		});
		expect(withdrawn[0]).toEqual(
			expect.objectContaining({ approvable_id: entries[1].id, withdrawn: true }),
		);
		const approved = await op('approval', 'approve', {
			approvableType: 'TimeEntry',
			approvableIds: String(entries[0].id),
		});
		expect(approved[0]).toEqual(
			expect.objectContaining({ status: 'approved', approvable_id: entries[0].id }),
		);
		const notPending = await fails(credentials(), {
			resource: 'approval',
			operation: 'withdraw',
			approvableType: 'TimeEntry',
			approvableIds: String(entries[0].id),
		});
		expect(notPending.message).toMatch(
			/no pending approval to withdraw \(its approval is approved\)/,
		);
	});

	test("one item per input; a 403 for approving without rights is a per-item error with the API's words", async () => {
		sandbox().config.apiUserCanApprove = false;
		const ids = st()
			.timeEntries.slice(20, 22)
			.map((t) => t.id);
		const r = await run(
			credentials(),
			{
				resource: 'approval',
				operation: 'approve',
				approvableType: 'TimeEntry',
				approvableIds: '={{ $json.id }}',
			},
			ids.map((id) => ({ id })),
			true,
		);
		expect(r.items).toHaveLength(2);
		for (const item of r.items)
			expect(item.json.error).toMatch(/Only administrators and project managers can approve/);
		const submit = await run(
			credentials(),
			{
				resource: 'approval',
				operation: 'submit',
				approvableType: 'TimeEntry',
				approvableIds: '={{ $json.id }}',
			},
			ids.map((id) => ({ id })),
		);
		expect(submit.json.map((a) => a.status)).toEqual(['pending', 'pending']);
		expect(submit.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('expense items: create, submit with the owner, get/getAll by user and project, update, delete', async () => {
		const user = licensedUser();
		const p = project();
		const [item] = await op('expenseItem', 'create', {
			userId: byId(user.id as number),
			assignableType: 'project',
			projectId: byId(p.id as number),
			date: '2026-02-11',
			amount: 42.5,
			additionalFields: { category: 'Travel', notes: 'Taxi' },
		});
		expect(item).toEqual(
			expect.objectContaining({
				amount: 42.5,
				date: '2026-02-11',
				assignable_id: p.id,
				category: 'Travel',
			}),
		);
		const [submitted] = await op('approval', 'submit', {
			approvableType: 'ExpenseItem',
			approvableIds: String(item.id),
			expenseUserId: byId(user.id as number),
		});
		expect(submitted).toEqual(
			expect.objectContaining({ approvable_type: 'ExpenseItem', status: 'pending' }),
		);
		expect(
			(
				await op('expenseItem', 'get', {
					scope: 'user',
					scopeUserId: byId(user.id as number),
					expenseItemId: String(item.id),
					fields: ['approvals'],
				})
			)[0].approvals,
		).toEqual(expect.objectContaining({ data: [expect.objectContaining({ status: 'pending' })] }));
		expect(
			(
				await op('expenseItem', 'get', {
					scope: 'project',
					scopeProjectId: byId(p.id as number),
					expenseItemId: String(item.id),
				})
			)[0].id,
		).toBe(item.id);
		expect(
			(
				await op('expenseItem', 'getAll', {
					scope: 'project',
					scopeProjectId: byId(p.id as number),
					returnAll: true,
				})
			).map((e) => e.id),
		).toContain(item.id);
		expect(
			(
				await op('expenseItem', 'getAll', {
					scope: 'user',
					scopeUserId: byId(user.id as number),
					returnAll: true,
					filters: { from: '2026-02-11', to: '2026-02-11' },
				})
			).map((e) => e.id),
		).toEqual([item.id]);
		expect(
			(
				await op('expenseItem', 'update', {
					userId: byId(user.id as number),
					expenseItemId: String(item.id),
					updateFields: { amount: 50 },
				})
			)[0].amount,
		).toBe(50);
		expect(
			await op('expenseItem', 'delete', {
				userId: byId(user.id as number),
				expenseItemId: String(item.id),
			}),
		).toEqual([{ id: item.id, deleted: true }]);
	});
});

describe('stale approvals', () => {
	// The sandbox moves the entry's updated_at after every read of it (config.touchOnRead), as if someone
	// edited it between the node's read and its POST: deterministic, whatever the machine's speed.
	test('when the API skips a stale approvable, the node says which record was not submitted', async () => {
		sandbox().config.staleApprovals = 'skip';
		const entry = st().timeEntries[31];
		sandbox().config.touchOnRead = [entry.id];
		const r = await run(credentials(), {
			resource: 'approval',
			operation: 'submit',
			approvableType: 'TimeEntry',
			approvableIds: String(entry.id),
		});
		expect(r.error?.message).toBe(
			`Resource Management did not submit time entry ${String(entry.id)} (row 1)`,
		);
		expect(
			sandbox()
				.writes()
				.filter((w) => w.path === '/api/v1/approvals'),
		).toHaveLength(1);
	});

	test('when the API refuses a stale approvable (400), the vendor message names it', async () => {
		const entry = st().timeEntries[32];
		sandbox().config.touchOnRead = [entry.id];
		const r = await run(credentials(), {
			resource: 'approval',
			operation: 'submit',
			approvableType: 'TimeEntry',
			approvableIds: String(entry.id),
		});
		expect(r.error?.message).toMatch(
			new RegExp(`TimeEntry ${String(entry.id)} has changed since it was viewed`),
		);
		expect((r.error as unknown as { httpCode: string }).httpCode).toBe('400');
	});
});

describe('projects, phases, assignables', () => {
	test('project create/get/update/archive/unarchive/delete with simplify and fields', async () => {
		const [p] = await op('project', 'create', {
			name: 'Node Project',
			starts_at: '2026-03-01T00:00:00',
			ends_at: '2026-06-30',
			additionalFields: { client: 'Mango Inc.', project_code: 'NP-1', project_state: 'Tentative' },
		});
		expect(p).toEqual(
			expect.objectContaining({
				name: 'Node Project',
				starts_at: '2026-03-01',
				ends_at: '2026-06-30',
				client: 'Mango Inc.',
				project_state: 'Tentative',
			}),
		);
		const [simple] = await op('project', 'get', {
			projectId: byId(p.id as number),
			fields: ['tags', 'summary'],
			simplify: true,
		});
		expect(Object.keys(simple)).toEqual(expect.arrayContaining(['id', 'name', 'tags']));
		expect(simple.guid).toBeUndefined();
		const [raw] = await op('project', 'get', { projectId: byId(p.id as number), simplify: false });
		expect(raw.guid).toBeDefined();
		expect(
			(
				await op('project', 'update', {
					projectId: byId(p.id as number),
					updateFields: { name: 'Renamed', ends_at: '2026-07-31' },
				})
			)[0],
		).toEqual(expect.objectContaining({ name: 'Renamed', ends_at: '2026-07-31' }));
		expect((await op('project', 'archive', { projectId: byId(p.id as number) }))[0].archived).toBe(
			true,
		);
		const blocked = await fails(credentials(), {
			resource: 'project',
			operation: 'update',
			projectId: byId(p.id as number),
			updateFields: { name: 'x' },
		});
		expect(blocked.message).toMatch(/archived/);
		expect(
			(await op('project', 'unarchive', { projectId: byId(p.id as number) }))[0].archived,
		).toBe(false);
		expect(await op('project', 'delete', { projectId: byId(p.id as number) })).toEqual([
			{ id: p.id, deleted: true },
		]);
		const badDates = await fails(credentials(), {
			resource: 'project',
			operation: 'create',
			name: 'X',
			starts_at: '2026-03-01',
			ends_at: '2026-02-01',
		});
		expect(badDates.message).toMatch(/^End Date: must not be before the start date/);
	});

	test('project get many with filters and find by name / code / phase name', async () => {
		const confirmed = await op('project', 'getAll', {
			returnAll: true,
			filters: { project_state: ['Confirmed'], sort_field: 'updated', sort_order: 'descending' },
		});
		expect(confirmed.length).toBeGreaterThan(0);
		expect(confirmed.every((p) => p.project_state === 'Confirmed')).toBe(true);
		const withPhases = await op('project', 'getAll', {
			returnAll: true,
			filters: { with_phases: true, with_archived: true },
		});
		expect(withPhases.some((p) => p.parent_id)).toBe(true);
		const target = project();
		sandbox().resetStats();
		const byCode = await op('project', 'search', {
			searchBy: 'code',
			searchText: String(target.project_code),
			returnAll: true,
		});
		expect(byCode.map((p) => p.id)).toEqual([target.id]);
		expect(sandbox().stats.log[0].path).toBe('/api/v1/projects');
		const byName = await op('project', 'search', {
			searchBy: 'name',
			searchText: String(target.name).toUpperCase().slice(0, 6),
			match: 'contains',
			returnAll: true,
		});
		expect(byName.map((p) => p.id)).toContain(target.id);
		const exact = await op('project', 'search', {
			searchBy: 'name',
			searchText: String(target.name),
			match: 'exact',
			returnAll: true,
		});
		expect(
			exact.every((p) => String(p.name).toLowerCase() === String(target.name).toLowerCase()),
		).toBe(true);
		const phases = await op('project', 'search', {
			searchBy: 'phase',
			searchText: 'Discovery',
			returnAll: true,
		});
		expect(phases.length).toBeGreaterThan(0);
		expect(phases.every((p) => p.phase_name === 'Discovery')).toBe(true);
	});

	test('phases: create, get, get many, update, delete', async () => {
		const p = project();
		const [ph] = await op('phase', 'create', {
			projectId: byId(p.id as number),
			phaseName: 'Winding up',
			additionalFields: { starts_at: '2026-03-01', ends_at: '2026-03-10' },
		});
		expect(ph).toEqual(
			expect.objectContaining({
				parent_id: p.id,
				phase_name: 'Winding up',
				starts_at: '2026-03-01',
			}),
		);
		expect(
			(
				await op('phase', 'get', {
					projectId: byId(p.id as number),
					phaseId: byId(ph.id as number),
				})
			)[0].phase_name,
		).toBe('Winding up');
		expect(
			(await op('phase', 'getAll', { projectId: byId(p.id as number), returnAll: true })).map(
				(x) => x.id,
			),
		).toContain(ph.id);
		expect(
			(
				await op('phase', 'update', {
					projectId: byId(p.id as number),
					phaseId: byId(ph.id as number),
					additionalFields: { phase_name: 'Wrap-up', use_parent_bill_rates: true },
				})
			)[0],
		).toEqual(expect.objectContaining({ phase_name: 'Wrap-up', use_parent_bill_rates: true }));
		expect(
			await op('phase', 'delete', {
				projectId: byId(p.id as number),
				phaseId: byId(ph.id as number),
			}),
		).toEqual([{ id: ph.id, deleted: true }]);
	});

	test('assignables: get, get many by type, find by name', async () => {
		const vacation = st().leaveTypes[0];
		expect((await op('assignable', 'get', { assignableId: String(vacation.id) }))[0]).toEqual(
			expect.objectContaining({ name: 'Vacation', type: 'LeaveType' }),
		);
		const leaves = await op('assignable', 'getAll', {
			assignableType: 'LeaveType',
			returnAll: true,
		});
		expect(leaves.map((l) => l.name)).toEqual(['Vacation', 'Sick', 'Parental Leave', 'Training']);
		expect(
			await op('assignable', 'getAll', { assignableType: 'any', returnAll: false, limit: 5 }),
		).toHaveLength(5);
		const found = await op('assignable', 'search', {
			searchText: 'leave',
			match: 'contains',
			assignableType: 'any',
			returnAll: true,
		});
		expect(found.map((a) => a.name)).toEqual(['Parental Leave']);
	});
});

describe('assignments and subtasks', () => {
	test('create with each allocation mode, for a person, a placeholder, nobody, on a leave type and with subtasks', async () => {
		const user = licensedUser();
		const p = project();
		const base = {
			assignableType: 'project',
			projectId: byId(p.id as number),
			starts_at: '2026-03-02',
			ends_at: '2026-03-13',
		};
		const [pct] = await op('assignment', 'create', {
			...base,
			assigneeType: 'user',
			userId: byId(user.id as number),
			allocationMode: 'percent',
			percent: 50,
			additionalFields: { status_option_id: 2, description: 'Build wireframes' },
		});
		expect(pct).toEqual(
			expect.objectContaining({
				user_id: user.id,
				assignable_id: p.id,
				allocation_mode: 'percent',
				percent: 0.5,
				status_option_id: 2,
				description: 'Build wireframes',
			}),
		);
		const [hpd] = await op('assignment', 'create', {
			...base,
			assigneeType: 'user',
			userId: byId(user.id as number),
			allocationMode: 'hours_per_day',
			hoursPerDay: 6,
		});
		expect(hpd).toEqual(
			expect.objectContaining({ allocation_mode: 'hours_per_day', hours_per_day: 6 }),
		);
		const placeholder = st().placeholders[0];
		const [fixed] = await op('assignment', 'create', {
			...base,
			assigneeType: 'placeholder',
			placeholderId: byId(placeholder.id as number),
			allocationMode: 'fixed',
			fixedHours: 24,
		});
		expect(fixed).toEqual(
			expect.objectContaining({
				user_id: placeholder.id,
				allocation_mode: 'fixed',
				fixed_hours: 24,
			}),
		);
		const [open] = await op('assignment', 'create', {
			...base,
			assigneeType: 'none',
			allocationMode: 'percent',
			percent: 100,
			subtasks: {
				subtask: [
					{ description: 'New Task', completed: false },
					{ description: 'Review', completed: true },
				],
			},
		});
		expect(open.user_id).toBeNull();
		expect((open.subtasks as IDataObject).data).toEqual([
			expect.objectContaining({ description: 'New Task', completed: false }),
			expect.objectContaining({ description: 'Review', completed: true }),
		]);
		const [leave] = await op('assignment', 'create', {
			assigneeType: 'user',
			userId: byId(user.id as number),
			assignableType: 'leaveType',
			leaveTypeId: byId(st().leaveTypes[0].id as number),
			starts_at: '2026-04-01',
			ends_at: '2026-04-03',
			allocationMode: 'percent',
			percent: 100,
		});
		expect(leave.assignable_id).toBe(st().leaveTypes[0].id);
		const bad = await fails(credentials(), {
			resource: 'assignment',
			operation: 'create',
			...base,
			starts_at: '2026-03-13',
			ends_at: '2026-03-02',
			assigneeType: 'none',
			allocationMode: 'percent',
			percent: 100,
		});
		expect(bad.message).toMatch(/^End Date: must not be before the start date/);
		const emptySubtask = await fails(credentials(), {
			resource: 'assignment',
			operation: 'create',
			...base,
			assigneeType: 'none',
			allocationMode: 'percent',
			percent: 100,
			subtasks: { subtask: [{ description: '' }] },
		});
		expect(emptySubtask.message).toMatch(/Subtasks › Description \(subtask 1\): is required/);
	});

	test('get, get many in four scopes with subtask counts, update allocation, delete', async () => {
		const a = st().assignments.find(
			(x) => x.user_id && st().users.some((u) => u.id === x.user_id),
		)!;
		expect(
			(await op('assignment', 'get', { assignmentId: String(a.id), fields: ['subtasks'] }))[0]
				.subtasks,
		).toBeDefined();
		expect((await op('assignment', 'getAll', { scope: 'account', returnAll: true })).length).toBe(
			st().assignments.length,
		);
		expect(
			(
				await op('assignment', 'getAll', {
					scope: 'user',
					scopeUserId: byId(a.user_id as number),
					returnAll: true,
				})
			).every((x) => x.user_id === a.user_id),
		).toBe(true);
		const placeholder = st().placeholders[0];
		await op('assignment', 'create', {
			assigneeType: 'placeholder',
			placeholderId: byId(placeholder.id as number),
			assignableType: 'project',
			projectId: byId(project().id as number),
			starts_at: '2026-05-01',
			ends_at: '2026-05-02',
			allocationMode: 'percent',
			percent: 100,
		});
		expect(
			await op('assignment', 'getAll', {
				scope: 'placeholder',
				scopePlaceholderId: byId(placeholder.id as number),
				returnAll: true,
			}),
		).toHaveLength(1);
		const byProject = await op('assignment', 'getAll', {
			scope: 'project',
			scopeProjectId: byId(a.assignable_id as number),
			returnAll: true,
			fields: ['subtasks_counts'],
			filters: { with_phases: true, from: '2026-01-01', to: '2026-12-31' },
		});
		expect(byProject[0].subtask_counts).toEqual(
			expect.objectContaining({ total: expect.any(Number) }),
		);
		const [updated] = await op('assignment', 'update', {
			assignmentId: String(a.id),
			allocationMode: 'hours_per_day',
			hoursPerDay: 3,
			updateFields: { note: 'Half days', ends_at: String(a.ends_at) },
		});
		expect(updated).toEqual(
			expect.objectContaining({
				allocation_mode: 'hours_per_day',
				hours_per_day: 3,
				note: 'Half days',
			}),
		);
		const [kept] = await op('assignment', 'update', {
			assignmentId: String(a.id),
			allocationMode: 'keep',
			updateFields: { description: 'Only text' },
		});
		expect(kept).toEqual(
			expect.objectContaining({ allocation_mode: 'hours_per_day', description: 'Only text' }),
		);
		expect(await op('assignment', 'delete', { assignmentId: String(a.id) })).toEqual([
			{ id: a.id, deleted: true },
		]);
		expect(sandbox().stats.log.slice(-1)[0]).toEqual(
			expect.objectContaining({
				method: 'DELETE',
				path: `/api/v1/users/${String(a.user_id)}/assignments/${String(a.id)}`,
			}),
		);
	});

	test('subtasks CRUD under project and assignment', async () => {
		const a = st().assignments.find((x) => st().projects.some((p) => p.id === x.assignable_id))!;
		const base = { projectId: byId(a.assignable_id as number), assignmentId: String(a.id) };
		const [s] = await op('subtask', 'create', {
			...base,
			description: 'Create wireframe',
			completed: true,
		});
		expect(s).toEqual(
			expect.objectContaining({
				assignment_id: a.id,
				description: 'Create wireframe',
				completed: true,
			}),
		);
		expect((await op('subtask', 'get', { ...base, subtaskId: String(s.id) }))[0].id).toBe(s.id);
		expect(
			(await op('subtask', 'getAll', { ...base, returnAll: true })).map((x) => x.id),
		).toContain(s.id);
		expect(
			(
				await op('subtask', 'update', {
					...base,
					subtaskId: String(s.id),
					updateFields: { completed: false },
				})
			)[0].completed,
		).toBe(false);
		expect(await op('subtask', 'delete', { ...base, subtaskId: String(s.id) })).toEqual([
			{ id: s.id, deleted: true },
		]);
	});
});

describe('rates and budgets', () => {
	test('bill rates: account and project lists, create/get/update/delete, person rate without role', async () => {
		const p = project();
		expect(
			(await op('billRate', 'getAll', { scope: 'account', returnAll: true })).every(
				(b) => b.assignable_id === null,
			),
		).toBe(true);
		const [rate] = await op('billRate', 'create', {
			projectId: byId(p.id as number),
			rate: 180,
			additionalFields: { user_id: String(licensedUser().id), starts_at: '2026-01-01' },
			rebuildAssignments: true,
		});
		expect(rate).toEqual(
			expect.objectContaining({
				rate: 180,
				user_id: licensedUser().id,
				starts_at: '2026-01-01',
				assignable_id: p.id,
			}),
		);
		expect(sandbox().stats.log.slice(-1)[0].path).toBe(
			`/api/v1/projects/${String(p.id)}/bill_rates`,
		);
		expect(
			(
				await op('billRate', 'get', {
					projectId: byId(p.id as number),
					billRateId: String(rate.id),
				})
			)[0].rate,
		).toBe(180);
		expect(
			(
				await op('billRate', 'getAll', {
					scope: 'project',
					scopeProjectId: byId(p.id as number),
					returnAll: true,
				})
			).map((b) => b.id),
		).toContain(rate.id);
		expect(
			(
				await op('billRate', 'update', {
					projectId: byId(p.id as number),
					billRateId: String(rate.id),
					updateFields: { rate: 190 },
				})
			)[0].rate,
		).toBe(190);
		expect(
			await op('billRate', 'delete', {
				projectId: byId(p.id as number),
				billRateId: String(rate.id),
			}),
		).toEqual([{ id: rate.id, deleted: true }]);
		const both = await fails(credentials(), {
			resource: 'billRate',
			operation: 'create',
			projectId: byId(p.id as number),
			rate: 1,
			additionalFields: { user_id: '104', role_id: '2' },
		});
		expect(both.message).toMatch(/must not name a role or discipline/);
	});

	test('budget items and categories', async () => {
		const p = project();
		const [item] = await op('budgetItem', 'create', {
			projectId: byId(p.id as number),
			itemType: 'TimeFees',
			amount: 5000,
			additionalFields: { category: 'Design Fees' },
		});
		expect(item).toEqual(
			expect.objectContaining({ amount: 5000, item_type: 'TimeFees', category: 'Design Fees' }),
		);
		expect(
			(
				await op('budgetItem', 'getAll', {
					projectId: byId(p.id as number),
					itemType: 'TimeFees',
					returnAll: true,
				})
			).map((b) => b.id),
		).toContain(item.id);
		expect((await op('budgetItem', 'get', { budgetItemId: String(item.id) }))[0].amount).toBe(5000);
		expect(
			(
				await op('budgetItem', 'update', {
					budgetItemId: String(item.id),
					updateFields: { amount: 567 },
				})
			)[0].amount,
		).toBe(567);
		expect(await op('budgetItem', 'delete', { budgetItemId: String(item.id) })).toEqual([
			{ id: item.id, deleted: true },
		]);
		expect(
			(
				await op('budgetItemCategory', 'getAll', {
					kind: 'time',
					scope: 'account',
					returnAll: true,
				})
			)[0],
		).toEqual({ category: 'Time Fees Category 1', id: 1083 });
		expect(
			(
				await op('budgetItemCategory', 'getAll', {
					kind: 'expense',
					scope: 'project',
					scopeProjectId: byId(p.id as number),
					returnAll: true,
				})
			)[0].item_type,
		).toBe('Expenses');
	});
});

describe('people', () => {
	test('users: create, get (simplified), update, archive, unarchive, get many by account and project', async () => {
		const [u] = await op('user', 'create', {
			firstName: 'Chris',
			lastName: 'James',
			email: 'chris.james@example.com',
			additionalFields: {
				role: 'Senior',
				discipline: 'Design',
				user_type_id: 2,
				hire_date: '2026-01-05T00:00:00',
			},
		});
		expect(u).toEqual(
			expect.objectContaining({
				first_name: 'Chris',
				role: 'Senior',
				discipline: 'Design',
				user_type_id: 2,
				hire_date: '2026-01-05',
			}),
		);
		const [got] = await op('user', 'get', { userId: byId(u.id as number), fields: ['tags'] });
		expect(got.tags).toBeDefined();
		expect(got.guid).toBeUndefined();
		expect(
			(
				await op('user', 'update', {
					userId: byId(u.id as number),
					updateFields: { last_name: 'Silva' },
				})
			)[0].display_name,
		).toBe('Chris Silva');
		expect((await op('user', 'archive', { userId: byId(u.id as number) }))[0].archived).toBe(true);
		expect((await op('user', 'unarchive', { userId: byId(u.id as number) }))[0].archived).toBe(
			false,
		);
		const all = await op('user', 'getAll', {
			scope: 'account',
			returnAll: true,
			filters: { include_placeholders: true, sort_field: 'last_name' },
			simplify: false,
		});
		expect(all.some((x) => x.type === 'PlaceholderResource')).toBe(true);
		const a = st().assignments.find(
			(x) =>
				st().projects.some((p) => p.id === x.assignable_id && !p.parent_id) &&
				st().users.some((us) => us.id === x.user_id),
		)!;
		const onProject = await op('user', 'getAll', {
			scope: 'project',
			scopeProjectId: byId(a.assignable_id as number),
			returnAll: true,
		});
		expect(onProject.map((x) => x.id)).toContain(a.user_id);
		const admin = await fails(credentials(), {
			resource: 'user',
			operation: 'create',
			firstName: 'A',
			lastName: 'B',
			email: 'not-an-email',
		});
		expect(admin.message).toBe('Email: is not an email address: "not-an-email" (row 1)');
	});

	test('find user by email (exact) and by name (contains)', async () => {
		const target = licensedUser();
		const byEmail = await op('user', 'search', {
			searchBy: 'email',
			searchText: String(target.email).toUpperCase(),
			returnAll: true,
		});
		expect(byEmail.map((u) => u.id)).toEqual([target.id]);
		const byName = await op('user', 'search', {
			searchBy: 'name',
			searchText: String(target.last_name).toLowerCase(),
			returnAll: true,
		});
		expect(byName.map((u) => u.id)).toContain(target.id);
		expect(
			await op('user', 'search', {
				searchBy: 'email',
				searchText: 'nobody@example.com',
				returnAll: true,
			}),
		).toEqual([]);
	});

	test('availabilities, statuses, placeholders, tags', async () => {
		const user = licensedUser();
		const [av] = await op('availability', 'create', {
			userId: byId(user.id as number),
			availabilityFields: { starts_at: '2026-01-01', day1: 4, day3: 6 },
		});
		expect(av).toEqual(
			expect.objectContaining({ user_id: user.id, day1: 4, day3: 6, starts_at: '2026-01-01' }),
		);
		expect(
			(
				await op('availability', 'get', {
					userId: byId(user.id as number),
					availabilityId: String(av.id),
				})
			)[0].day1,
		).toBe(4);
		expect(
			(
				await op('availability', 'getAll', { userId: byId(user.id as number), returnAll: true })
			).map((x) => x.id),
		).toContain(av.id);
		expect(
			(
				await op('availability', 'update', {
					userId: byId(user.id as number),
					availabilityId: String(av.id),
					availabilityFields: { day5: 2 },
				})
			)[0].day5,
		).toBe(2);
		expect(
			await op('availability', 'delete', {
				userId: byId(user.id as number),
				availabilityId: String(av.id),
			}),
		).toEqual([{ id: av.id, deleted: true }]);
		const tooMany = await fails(credentials(), {
			resource: 'availability',
			operation: 'create',
			userId: byId(user.id as number),
			availabilityFields: { day2: 30 },
		});
		expect(tooMany.message).toMatch(/^Tuesday Hours: must be between 0 and 24/);

		const [status] = await op('userStatus', 'create', {
			userId: byId(user.id as number),
			status: 'WFH',
			additionalFields: { message: 'Home today' },
		});
		expect(status).toEqual(expect.objectContaining({ status: 'WFH', message: 'Home today' }));
		expect(
			(await op('userStatus', 'getAll', { userId: byId(user.id as number), returnAll: true }))[0]
				.id,
		).toBe(status.id);

		const [ph] = await op('placeholderResource', 'create', {
			title: 'Designer',
			additionalFields: { role: 'Senior' },
		});
		expect(ph).toEqual(expect.objectContaining({ title: 'Designer', role: 'Senior' }));
		expect(
			(
				await op('placeholderResource', 'get', {
					placeholderId: byId(ph.id as number),
					fields: ['assignments'],
				})
			)[0].assignments,
		).toBeDefined();
		expect(
			(
				await op('placeholderResource', 'update', {
					placeholderId: byId(ph.id as number),
					updateFields: { title: 'Senior Designer' },
				})
			)[0].title,
		).toBe('Senior Designer');
		expect(
			(await op('placeholderResource', 'getAll', { scope: 'account', returnAll: true })).map(
				(x) => x.id,
			),
		).toContain(ph.id);
		await op('assignment', 'create', {
			assigneeType: 'placeholder',
			placeholderId: byId(ph.id as number),
			assignableType: 'project',
			projectId: byId(project().id as number),
			starts_at: '2026-05-01',
			ends_at: '2026-05-02',
			allocationMode: 'percent',
			percent: 100,
		});
		expect(
			(
				await op('placeholderResource', 'getAll', {
					scope: 'project',
					scopeProjectId: byId(project().id as number),
					returnAll: true,
				})
			).map((x) => x.id),
		).toContain(ph.id);
		expect(
			await op('placeholderResource', 'delete', { placeholderId: byId(ph.id as number) }),
		).toEqual([{ id: ph.id, deleted: true }]);

		const [tag] = await op('tag', 'add', {
			owner: 'user',
			userId: byId(user.id as number),
			value: 'javascript',
		});
		expect(tag.value).toBe('javascript');
		expect(
			(
				await op('tag', 'getAll', {
					owner: 'user',
					userId: byId(user.id as number),
					returnAll: true,
				})
			).map((t) => t.id),
		).toContain(tag.id);
		expect(
			await op('tag', 'remove', {
				owner: 'user',
				userId: byId(user.id as number),
				tagId: String(tag.id),
			}),
		).toEqual([{ id: tag.id, removed: true }]);
		const [ptag] = await op('tag', 'add', {
			owner: 'project',
			projectId: byId(project().id as number),
			value: 'Awesome',
		});
		expect(
			(
				await op('tag', 'getAll', {
					owner: 'project',
					projectId: byId(project().id as number),
					returnAll: true,
				})
			).map((t) => t.value),
		).toContain('Awesome');
		void ptag;
	});

	test('custom fields and values', async () => {
		const [f] = await op('customField', 'create', {
			name: 'Skills 2',
			namespace: 'users',
			dataType: 'multiple_choice_selection_list',
			options: ['UX', 'Python', 'Ruby'],
			additionalFields: { is_visible_as_filter: true },
		});
		expect(f).toEqual(
			expect.objectContaining({
				name: 'Skills 2',
				data_type: 'multiple_choice_selection_list',
				options: ['UX', 'Python', 'Ruby'],
				is_visible_as_filter: true,
			}),
		);
		const noOptions = await fails(credentials(), {
			resource: 'customField',
			operation: 'create',
			name: 'X',
			namespace: 'users',
			dataType: 'selection_list',
			options: [],
		});
		expect(noOptions.message).toMatch(/^Options: a selection list needs at least one option/);
		expect((await op('customField', 'get', { customFieldId: f.id as number }))[0].name).toBe(
			'Skills 2',
		);
		expect((await op('customField', 'getAll', { returnAll: true })).map((x) => x.id)).toContain(
			f.id,
		);
		expect(
			(
				await op('customField', 'update', {
					customFieldId: f.id as number,
					updateFields: { description: 'What people can do' },
				})
			)[0].description,
		).toBe('What people can do');
		const user = licensedUser();
		const values = await op('customFieldValue', 'create', {
			owner: 'user',
			userId: byId(user.id as number),
			customFieldId: f.id as number,
			value: 'UX, Python',
		});
		expect(values.map((v) => v.value)).toEqual(['UX', 'Python']);
		const listed = await op('customFieldValue', 'getAll', {
			owner: 'user',
			userId: byId(user.id as number),
			returnAll: true,
		});
		expect(listed.filter((v) => v.custom_field_id === f.id)).toHaveLength(2);
		const region = st().customFields.find((x) => x.name === 'Region')!;
		const [one] = await op('customFieldValue', 'create', {
			owner: 'project',
			projectId: byId(project().id as number),
			customFieldId: region.id as number,
			value: 'APAC',
		});
		expect(one).toEqual(expect.objectContaining({ value: 'APAC', project_id: project().id }));
		expect(
			(
				await op('customFieldValue', 'update', {
					owner: 'project',
					projectId: byId(project().id as number),
					customFieldValueId: String(one.id),
					value: 'EMEA',
				})
			)[0].value,
		).toBe('EMEA');
		expect(await op('customField', 'delete', { customFieldId: f.id as number })).toEqual([
			{ id: f.id, deleted: true },
		]);
	});
});

describe('account lookups, status options, reports, webhooks', () => {
	test('disciplines, roles, leave types, holidays', async () => {
		expect((await op('discipline', 'getAll', { returnAll: true })).length).toBe(
			st().disciplines.length,
		);
		expect((await op('discipline', 'get', { recordId: byId(1) }))[0]).toEqual({
			id: 1,
			value: expect.any(String),
		});
		expect((await op('role', 'get', { recordId: byId(1) }))[0]).toEqual({ id: 1, value: 'Senior' });
		expect((await op('role', 'getAll', { returnAll: false, limit: 2 })).length).toBe(2);
		expect((await op('leaveType', 'getAll', { returnAll: true })).map((l) => l.name)).toContain(
			'Vacation',
		);
		expect(
			(await op('leaveType', 'get', { recordId: byId(st().leaveTypes[1].id as number) }))[0].name,
		).toBe('Sick');
		expect((await op('holiday', 'getAll', { returnAll: true })).length).toBe(st().holidays.length);
	});

	test('status options CRUD', async () => {
		const [s] = await op('statusOption', 'create', {
			label: 'On Hold',
			color: 'yellow',
			stage: 'planned',
			order: 50,
		});
		expect(s).toEqual(
			expect.objectContaining({ label: 'On Hold', color: 'yellow', stage: 'planned', order: 50 }),
		);
		expect(
			(await op('statusOption', 'get', { statusOptionId: byId(s.id as number) }))[0].label,
		).toBe('On Hold');
		expect(
			(
				await op('statusOption', 'update', {
					statusOptionId: byId(s.id as number),
					updateFields: { color: 'red' },
				})
			)[0].color,
		).toBe('red');
		expect(await op('statusOption', 'delete', { statusOptionId: byId(s.id as number) })).toEqual([
			{ id: s.id, deleted: true },
		]);
		expect(
			(await op('statusOption', 'getAll', { returnAll: true, withDeleted: false })).map(
				(x) => x.id,
			),
		).not.toContain(s.id);
		expect(
			(await op('statusOption', 'getAll', { returnAll: true, withDeleted: true })).map((x) => x.id),
		).toContain(s.id);
	});

	test('reports: rows (one item per row) and totals', async () => {
		const rows = await op('report', 'getRows', {
			view: 'time_fees_hours',
			timeFrame: 'custom',
			from: '2026-01-01',
			to: '2026-03-31',
			groupBy: ['project_id', 'user_id'],
			filters: { filter: [{ attribute: 'people_tags', mode: 'exclusion', values: 'intern' }] },
			reportOptions: { today: '2026-03-28' },
		});
		expect(rows.length).toBeGreaterThan(1);
		expect(rows[0]).toEqual(
			expect.objectContaining({
				project_id: expect.any(Number),
				user_id: expect.any(Number),
				incurred_hours: expect.any(Number),
			}),
		);
		const whole = await op('report', 'getRows', {
			view: 'utilization',
			timeFrame: 'last_year',
			groupBy: ['user_id'],
			reportOptions: { splitRows: false, calc_incurred_using: 'approved' },
		});
		expect(whole[0].params).toEqual(
			expect.objectContaining({ view: 'utilization', calc_incurred_using: 'approved' }),
		);
		// (Array.isArray: the rehearsal's structuredClone makes arrays of another realm than jest's.)
		expect(Array.isArray(whole[0].rows)).toBe(true);
		const [totals] = await op('report', 'getTotals', {
			view: 'time_fees_hours',
			timeFrame: 'custom',
			from: '2026-01-01',
			to: '2026-03-31',
			filters: {
				filter: [{ attribute: 'project_id', mode: 'inclusion', values: String(project().id) }],
			},
		});
		expect((totals.totals as IDataObject).incurred_hours).toBeGreaterThan(0);
		const tooMany = await fails(credentials(), {
			resource: 'report',
			operation: 'getRows',
			view: 'time_fees_hours',
			timeFrame: 'this_week',
			groupBy: ['date', 'week', 'month', 'role', 'client', 'user_id'],
		});
		expect(tooMany.message).toMatch(/^Group By: allows at most 5 attributes/);
		const apiRefusal = await fails(credentials(), {
			resource: 'report',
			operation: 'getRows',
			view: 'utilization',
			timeFrame: 'this_week',
			groupBy: ['project_id'],
		});
		expect(apiRefusal.message).toMatch(
			/utilization reports can only be grouped by user or date attributes/,
		);
	});

	test('webhooks: create, get many, delete; the API refuses plain http', async () => {
		const [w] = await op('webhook', 'create', {
			eventType: 'time.entry.created',
			url: 'https://example.com/hook',
		});
		expect(w).toEqual(
			expect.objectContaining({ event_type: 'time.entry.created', status: 'active' }),
		);
		expect((await op('webhook', 'getAll', { returnAll: true })).map((x) => x.id)).toContain(w.id);
		expect(await op('webhook', 'delete', { webhookId: String(w.id) })).toEqual([
			{ id: w.id, deleted: true },
		]);
		const http = await fails(credentials(), {
			resource: 'webhook',
			operation: 'create',
			eventType: 'time.entry.created',
			url: 'http://example.com/hook',
		});
		expect(http.message).toMatch(/https/);
	});
});

describe('dropdowns and resource locators', () => {
	test('list search pages without a filter and searches with one', async () => {
		const first = (await loadOptions(credentials(), 'listSearch', 'searchUsers')) as {
			results: Array<{ name: string; value: string }>;
			paginationToken?: string;
		};
		expect(first.results.length).toBe(44);
		const target = licensedUser();
		const found = (await loadOptions(
			credentials(),
			'listSearch',
			'searchUsers',
			{},
			String(target.email),
		)) as { results: Array<{ value: string }> };
		expect(found.results.map((r) => r.value)).toEqual([String(target.id)]);
		const projects = (await loadOptions(
			credentials(),
			'listSearch',
			'searchProjects',
			{},
			String(project().project_code),
		)) as { results: Array<{ name: string }> };
		expect(projects.results[0].name).toContain(String(project().name));
		const p = projectWithPhases();
		const phases = (await loadOptions(credentials(), 'listSearch', 'searchPhases', {
			resource: 'phase',
			operation: 'get',
			projectId: byId(p.id as number),
		})) as { results: unknown[] };
		expect(phases.results.length).toBe(st().projects.filter((c) => c.parent_id === p.id).length);
		for (const method of [
			'searchLeaveTypes',
			'searchRoles',
			'searchDisciplines',
			'searchStatusOptions',
			'searchPlaceholders',
		]) {
			const r = (await loadOptions(credentials(), 'listSearch', method)) as { results: unknown[] };
			expect(r.results.length).toBeGreaterThan(0);
		}
	});

	test('loadOptions dropdowns', async () => {
		const statuses = (await loadOptions(
			credentials(),
			'loadOptions',
			'getStatusOptions',
		)) as Array<{ name: string; value: number }>;
		expect(statuses.map((s) => s.name)).toEqual(['At Risk', 'Done', 'Not Started', 'On Track']);
		expect(
			(
				(await loadOptions(credentials(), 'loadOptions', 'getRoleNames')) as Array<{
					value: string;
				}>
			).map((r) => r.value),
		).toContain('Senior');
		expect(
			((await loadOptions(credentials(), 'loadOptions', 'getDisciplineNames')) as unknown[]).length,
		).toBe(st().disciplines.length);
		expect(
			(
				(await loadOptions(credentials(), 'loadOptions', 'getCustomFields')) as Array<{
					name: string;
				}>
			).map((f) => f.name),
		).toContain('Skills (people)');
	});
});

describe('coverage of the description', () => {
	test('every resource and operation of the node was exercised above', () => {
		const description = new ResourceManagement().description;
		const all: string[] = [];
		const resources = (
			description.properties.find((p) => p.name === 'resource')!.options as Array<{ value: string }>
		).map((o) => o.value);
		for (const resource of resources) {
			for (const prop of description.properties.filter(
				(p: INodeProperties) =>
					p.name === 'operation' &&
					(p.displayOptions?.show?.resource as string[]).includes(resource),
			)) {
				for (const option of prop.options as Array<{ value: string }>)
					all.push(`${resource}:${option.value}`);
			}
		}
		expect(all.length).toBeGreaterThanOrEqual(95);
		expect(all.filter((k) => !exercised.has(k))).toEqual([]);
	});
});
