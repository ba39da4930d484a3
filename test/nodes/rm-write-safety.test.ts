/**
 * Resource Management write safety (issue #11), in process against the RM sandbox:
 * - a bad row in the middle writes nothing (every check runs for every row before the first write);
 * - Continue On Fail outputs the shared failure row with `mayHaveBeenApplied` (a 500 after the write: true;
 *   a 4xx: false);
 * - updates send only the fields the user changed, and every other field of every record stays as it was;
 * - impossible dates never reach the API;
 * - Get Many with a client-side filter stops reading pages once Limit matches are found.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/inprocess';
import {
	byId,
	credentialTypes,
	fails,
	ok,
	ResourceManagement,
	run,
	startSandbox,
} from './rm.helpers';

const { sandbox, credentials } = startSandbox();
const st = () => sandbox().state() as unknown as Record<string, IDataObject[]>;
const licensedUser = () =>
	st().users.find((u) => !u.account_owner && !u.archived && u.license_type === 'licensed')!;
const project = () => st().projects.find((p) => !p.parent_id && !p.archived)!;
const writes = () =>
	sandbox()
		.writes()
		.filter((w) => !w.path.startsWith('/api/v1/reports/'));

function logTime(): INodeParameters {
	return {
		resource: 'timeEntry',
		operation: 'create',
		userId: byId(licensedUser().id as number),
		assignableType: 'project',
		projectId: byId(project().id as number),
		date: '={{ $json.date }}',
		hours: '={{ $json.hours }}',
		additionalFields: { notes: '={{ $json.notes }}' },
	};
}

const THREE_ROWS = [
	{ date: '2026-03-02', hours: 1, notes: 'row one' },
	{ date: '2026-03-03', hours: 'abc', notes: 'row two' },
	{ date: '2026-03-04', hours: 3, notes: 'row three' },
];

describe('a bad row in the middle', () => {
	test('Continue On Fail off: the node fails naming row 2 and the sandbox saw no write at all', async () => {
		const before = st().timeEntries.length;
		const error = await fails(credentials(), logTime(), THREE_ROWS);
		expect(error.message).toBe('Hours: must be a number, got "abc" (row 2)');
		expect(error.description).toMatch(/Nothing was (sent|written)/);
		expect(writes()).toEqual([]);
		expect(st().timeEntries).toHaveLength(before);
	});

	test('Continue On Fail on: rows 1 and 3 are created, row 2 is an error row in the shared shape', async () => {
		const r = await run(credentials(), logTime(), THREE_ROWS, true);
		expect(r.error).toBeUndefined();
		expect(r.json).toHaveLength(3);
		expect(r.json[0]).toEqual(expect.objectContaining({ notes: 'row one', hours: 1 }));
		expect(r.json[1]).toEqual({
			error: 'Hours: must be a number, got "abc" (row 2)',
			description: 'n8n item index 1',
			httpCode: null,
			row: 2,
			itemIndex: 1,
			mayHaveBeenApplied: false,
		});
		expect(r.json[2]).toEqual(expect.objectContaining({ notes: 'row three', hours: 3 }));
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(writes().map((w) => w.body.notes)).toEqual(['row one', 'row three']);
	});

	test('every row is checked before the first write in other writes too (assignment, approval withdraw)', async () => {
		const user = licensedUser();
		const base = {
			resource: 'assignment',
			operation: 'create',
			assigneeType: 'user',
			userId: byId(user.id as number),
			assignableType: 'project',
			projectId: byId(project().id as number),
			allocationMode: 'percent',
			percent: 50,
			starts_at: '={{ $json.from }}',
			ends_at: '={{ $json.to }}',
		};
		const error = await fails(credentials(), base, [
			{ from: '2026-05-04', to: '2026-05-08' },
			{ from: '2026-05-11', to: '2026-05-01' },
			{ from: '2026-05-18', to: '2026-05-22' },
		]);
		expect(error.message).toMatch(/^End Date: must not be before the start date .*\(row 2\)$/);
		expect(writes()).toEqual([]);

		// Withdraw: one row names a submitted entry and one that never was; the submitted one stays pending.
		const fresh = st().timeEntries.filter(
			(t) => !t.is_suggestion && !st().approvals.some((a) => a.approvable_id === t.id),
		);
		const [pending] = await ok(credentials(), {
			resource: 'approval',
			operation: 'submit',
			approvableType: 'TimeEntry',
			approvableIds: String(fresh[0].id),
		});
		sandbox().writes().length = 0;
		const withdraw = await fails(credentials(), {
			resource: 'approval',
			operation: 'withdraw',
			approvableType: 'TimeEntry',
			approvableIds: `${String(fresh[0].id)}, ${String(fresh[1].id)}`,
		});
		expect(withdraw.message).toMatch(
			/has no pending approval to withdraw \(it was never submitted\) \(row 1\)$/,
		);
		expect(writes()).toEqual([]);
		expect(st().approvals.find((a) => a.id === pending.id)?.status).toBe('pending');
	});

	test('updates and deletes too: a bad row in the middle sends no PUT and no DELETE', async () => {
		const ids = st()
			.timeEntries.slice(0, 3)
			.map((t) => t.id);
		const update = await fails(
			credentials(),
			{
				resource: 'timeEntry',
				operation: 'update',
				timeEntryId: '={{ $json.id }}',
				updateFields: { hours: '={{ $json.hours }}' },
			},
			[
				{ id: ids[0], hours: 2 },
				{ id: ids[1], hours: 30 },
				{ id: ids[2], hours: 3 },
			],
		);
		expect(update.message).toBe('Hours: must be at most 24, got 30 (row 2)');
		const pid = project().id;
		const remove = await fails(
			credentials(),
			{ resource: 'project', operation: 'delete', projectId: byId('={{ $json.id }}') },
			[{ id: pid }, { id: 'abc' }],
		);
		expect(remove.message).toBe('Project: must be a positive whole number, got "abc" (row 2)');
		expect(writes()).toEqual([]);
		expect(st().projects.some((p) => p.id === pid)).toBe(true);
	});

	test('an impossible date never reaches the API (2025-02-30, 25:00)', async () => {
		const bad = await fails(credentials(), logTime(), [{ date: '2025-02-30', hours: 1 }]);
		expect(bad.message).toBe('Date: is not a real calendar date: "2025-02-30" (row 1)');
		const late = await fails(credentials(), {
			resource: 'userStatus',
			operation: 'create',
			userId: byId(licensedUser().id as number),
			status: 'WFH',
			additionalFields: { end: '2025-07-01T25:00' },
		});
		expect(late.message).toBe(
			'End: has a time that does not exist (use 00:00–23:59): "2025-07-01T25:00" (row 1)',
		);
		const report = await fails(credentials(), {
			resource: 'report',
			operation: 'getTotals',
			view: 'time_fees_hours',
			timeFrame: 'custom',
			from: '2025-02-29',
			to: '2025-03-31',
		});
		expect(report.message).toMatch(/^From: is not a real calendar date/);
		expect(sandbox().stats.log.filter((l) => l.method !== 'GET')).toEqual([]);
	});

	test('a status end time is sent in UTC: an offset is honoured, a wall-clock time is in the workflow zone', async () => {
		const user = licensedUser();
		const [withOffset] = await ok(credentials(), {
			resource: 'userStatus',
			operation: 'create',
			userId: byId(user.id as number),
			status: 'OOO',
			additionalFields: { end: '2026-03-02T18:00:00+02:00' },
		});
		expect(withOffset.end).toBe('2026-03-02T16:00:00Z');
		expect(writes().slice(-1)[0].body.end).toBe('2026-03-02T16:00:00Z');
		// A plain wall-clock time is read in the workflow's time zone (Berlin: UTC+1 in March).
		const berlin = await runNode({
			nodeType: new ResourceManagement(),
			parameters: {
				resource: 'userStatus',
				operation: 'create',
				userId: byId(user.id as number),
				status: 'OOO',
				additionalFields: { end: '2026-03-02T18:00' },
			},
			credentials: { psaResourceManagementApi: credentials() as never },
			credentialTypes,
			timezone: 'Europe/Berlin',
		});
		expect(berlin.error).toBeUndefined();
		expect(writes().slice(-1)[0].body.end).toBe('2026-03-02T17:00:00Z');
	});
});

describe('Continue On Fail keeps the warning', () => {
	test('a create answered by a 500 after the write: mayHaveBeenApplied true, HTTP 500, and the entry exists', async () => {
		const before = st().timeEntries.length;
		sandbox().addFault({
			type: '5xx',
			status: 500,
			method: 'POST',
			path: '/time_entries$',
			beforeHandler: false,
		});
		const r = await run(
			credentials(),
			logTime(),
			[{ date: '2026-03-09', hours: 2, notes: 'applied despite the 500' }],
			true,
		);
		expect(r.json).toHaveLength(1);
		expect(r.json[0]).toEqual(
			expect.objectContaining({ httpCode: 500, row: 1, itemIndex: 0, mayHaveBeenApplied: true }),
		);
		expect(r.json[0].description).toMatch(/may already have been carried out/);
		// Not retried blindly: the server stored it once.
		expect(st().timeEntries).toHaveLength(before + 1);
		expect(writes()).toHaveLength(1);
	});

	test('an approval the API took in part (one record stale) is flagged mayHaveBeenApplied and names the rest', async () => {
		sandbox().config.staleApprovals = 'skip';
		const fresh = st().timeEntries.filter(
			(t) => !t.is_suggestion && !st().approvals.some((a) => a.approvable_id === t.id),
		);
		const [stale, fine] = [fresh[2], fresh[3]];
		sandbox().config.touchOnRead = [stale.id];
		const r = await run(
			credentials(),
			{
				resource: 'approval',
				operation: 'submit',
				approvableType: 'TimeEntry',
				approvableIds: `${String(stale.id)}, ${String(fine.id)}`,
			},
			undefined,
			true,
		);
		expect(r.json[0]).toEqual(
			expect.objectContaining({
				error: `Resource Management did not submit time entry ${String(stale.id)} (row 1)`,
				row: 1,
				mayHaveBeenApplied: true,
			}),
		);
		expect(r.json[0].description).toContain(`(${String(fine.id)}) were submitted`);
		expect(st().approvals.some((a) => a.approvable_id === fine.id && a.status === 'pending')).toBe(
			true,
		);
	});

	test('a create refused with a 4xx: mayHaveBeenApplied false, with the HTTP status and the row', async () => {
		const r = await run(
			credentials(),
			{ ...logTime(), userId: byId(99999) },
			[
				{ date: '2026-03-09', hours: 2 },
				{ date: '2026-03-10', hours: 2 },
			],
			true,
		);
		expect(r.json.map((j) => [j.httpCode, j.row, j.mayHaveBeenApplied])).toEqual([
			[404, 1, false],
			[404, 2, false],
		]);
		expect(r.json[0].error).toMatch(/Person 99999 was not found/);
	});

	test('Continue On Fail off: a 500 after a write says which rows were already written', async () => {
		sandbox().addFault({
			type: '5xx',
			status: 500,
			method: 'POST',
			path: '/time_entries$',
			beforeHandler: false,
			after: 1,
		});
		const error = await fails(credentials(), logTime(), [
			{ date: '2026-03-16', hours: 1 },
			{ date: '2026-03-17', hours: 1 },
		]);
		expect(error.description).toMatch(/may already have been carried out/);
		expect(error.description).toMatch(/Rows 1 of this run were already written/);
	});
});

/** One update per record kind: the parameters for one record, and the fields the user changes. */
interface UpdateCase {
	kind: string;
	records: () => IDataObject[];
	params: INodeParameters;
	input: (r: IDataObject) => IDataObject;
	changed: IDataObject;
	/** Fields the API itself moves on any update (read-only), besides updated_at. */
	derived?: string[];
}

const CASES: UpdateCase[] = [
	{
		kind: 'projects',
		records: () => st().projects.filter((p) => !p.archived && !p.parent_id),
		params: {
			resource: 'project',
			operation: 'update',
			projectId: byId('={{ $json.id }}'),
			updateFields: { client: 'Changed Client' },
			simplify: false,
		},
		input: (r) => ({ id: r.id }),
		changed: { client: 'Changed Client' },
	},
	{
		kind: 'phases',
		records: () =>
			st().projects.filter(
				(p) =>
					!p.archived && p.parent_id && !st().projects.find((q) => q.id === p.parent_id)?.archived,
			),
		params: {
			resource: 'phase',
			operation: 'update',
			projectId: byId('={{ $json.parent }}'),
			phaseId: byId('={{ $json.id }}'),
			additionalFields: { use_parent_bill_rates: false },
		},
		input: (r) => ({ id: r.id, parent: r.parent_id }),
		changed: { use_parent_bill_rates: false },
	},
	{
		kind: 'users',
		records: () => st().users.filter((u) => !u.archived && !u.deleted),
		params: {
			resource: 'user',
			operation: 'update',
			userId: byId('={{ $json.id }}'),
			updateFields: { location: 'Changed Town' },
			simplify: false,
		},
		input: (r) => ({ id: r.id }),
		changed: { location: 'Changed Town' },
	},
	{
		kind: 'time entries',
		records: () =>
			st().timeEntries.filter(
				(t) => !st().approvals.some((a) => a.approvable_id === t.id && a.status === 'approved'),
			),
		params: {
			resource: 'timeEntry',
			operation: 'update',
			timeEntryId: '={{ $json.id }}',
			updateFields: { notes: 'Changed note' },
		},
		input: (r) => ({ id: r.id }),
		changed: { notes: 'Changed note' },
	},
	{
		kind: 'assignments',
		records: () => st().assignments,
		params: {
			resource: 'assignment',
			operation: 'update',
			assignmentId: '={{ $json.id }}',
			allocationMode: 'keep',
			updateFields: { note: 'Changed note' },
		},
		input: (r) => ({ id: r.id }),
		changed: { note: 'Changed note' },
	},
	{
		kind: 'expense items',
		records: () => st().expenseItems,
		params: {
			resource: 'expenseItem',
			operation: 'update',
			userId: byId('={{ $json.user }}'),
			expenseItemId: '={{ $json.id }}',
			updateFields: { notes: 'Changed note' },
		},
		input: (r) => ({ id: r.id, user: r.user_id }),
		changed: { notes: 'Changed note' },
	},
	{
		kind: 'budget items',
		records: () => st().budgetItems,
		params: {
			resource: 'budgetItem',
			operation: 'update',
			budgetItemId: '={{ $json.id }}',
			updateFields: { peritem_label: 'Changed label' },
		},
		input: (r) => ({ id: r.id }),
		changed: { peritem_label: 'Changed label' },
	},
	{
		kind: 'subtasks',
		records: () => st().subtasks,
		params: {
			resource: 'subtask',
			operation: 'update',
			projectId: byId('={{ $json.project }}'),
			assignmentId: '={{ $json.assignment }}',
			subtaskId: '={{ $json.id }}',
			updateFields: { description: 'Changed step' },
		},
		input: (r) => ({ id: r.id, assignment: r.assignment_id, project: r.assignable_id }),
		changed: { description: 'Changed step' },
	},
	{
		kind: 'availabilities',
		records: () => st().availabilities,
		params: {
			resource: 'availability',
			operation: 'update',
			userId: byId('={{ $json.user }}'),
			availabilityId: '={{ $json.id }}',
			availabilityFields: { day1: 3 },
		},
		input: (r) => ({ id: r.id, user: r.user_id }),
		changed: { day1: 3 },
	},
	{
		kind: 'placeholders',
		records: () => st().placeholders,
		params: {
			resource: 'placeholderResource',
			operation: 'update',
			placeholderId: byId('={{ $json.id }}'),
			updateFields: { location: 'Changed Town' },
		},
		input: (r) => ({ id: r.id }),
		changed: { location: 'Changed Town' },
	},
	{
		kind: 'status options',
		records: () => st().statusOptions,
		params: {
			resource: 'statusOption',
			operation: 'update',
			statusOptionId: byId('={{ $json.id }}'),
			updateFields: { order: 7 },
		},
		input: (r) => ({ id: r.id }),
		changed: { order: 7 },
	},
	{
		kind: 'custom fields',
		records: () => st().customFields,
		params: {
			resource: 'customField',
			operation: 'update',
			customFieldId: '={{ $json.id }}',
			updateFields: { description: 'Changed text' },
		},
		input: (r) => ({ id: r.id }),
		changed: { description: 'Changed text' },
	},
];

describe('updates change only what the user changed', () => {
	test.each(CASES.map((c) => [c.kind, c] as const))(
		'%s: every record, one field changed → only that field is sent and every other field stays',
		async (_kind, c) => {
			const records = c.records();
			expect(records.length).toBeGreaterThan(0);
			const before = new Map(records.map((r) => [r.id, structuredClone(r)]));
			const r = await run(credentials(), c.params, records.map(c.input), true);
			const failed = r.json.filter((j) => 'mayHaveBeenApplied' in j);
			expect(failed).toEqual([]);
			const puts = writes().filter((w) => w.method === 'PUT');
			expect(puts).toHaveLength(records.length);
			for (const put of puts) expect(put.body).toEqual(c.changed);
			const after = new Map(c.records().map((x) => [x.id, x]));
			for (const [id, old] of before) {
				const now = after.get(id)!;
				const expected = { ...old, ...c.changed };
				for (const key of ['updated_at', 'updated_by', ...(c.derived ?? [])]) {
					delete (expected as IDataObject)[key];
					delete (now as IDataObject)[key];
				}
				expect(now).toEqual(expected);
			}
		},
		120000,
	);

	test('an update with nothing chosen is refused before anything is sent', async () => {
		const error = await fails(credentials(), {
			resource: 'timeEntry',
			operation: 'update',
			timeEntryId: String(st().timeEntries[0].id),
			updateFields: {},
		});
		expect(error.message).toBe('Update Fields: choose at least one field to change (row 1)');
		expect(sandbox().stats.log).toEqual([]);
	});
});

describe('Get Many with a client-side filter stops reading at Limit', () => {
	test('Limit 5 with a filter reads one page when the first page has 5 matches; Return All reads them all', async () => {
		await fetch(`${sandbox().url}/__sandbox/config`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ seed: { users: 2500 } }),
		});
		sandbox().resetStats();
		const five = await ok(credentials(), {
			resource: 'user',
			operation: 'search',
			searchBy: 'name',
			searchText: 'bench user',
			returnAll: false,
			limit: 5,
		});
		expect(five).toHaveLength(5);
		expect(sandbox().stats.log.map((l) => l.path)).toEqual(['/api/v1/users']);
		sandbox().resetStats();
		const all = await ok(credentials(), {
			resource: 'user',
			operation: 'search',
			searchBy: 'name',
			searchText: 'bench user',
			returnAll: true,
		});
		expect(all).toHaveLength(2500);
		expect(sandbox().stats.log).toHaveLength(
			Math.ceil(st().users.filter((u) => !u.archived).length / 1000),
		);
		// The same early stop for approvals by status and assignables by type.
		sandbox().resetStats();
		expect(
			await ok(credentials(), {
				resource: 'approval',
				operation: 'getAll',
				statusFilter: 'approved',
				returnAll: false,
				limit: 1,
			}),
		).toHaveLength(1);
		expect(
			await ok(credentials(), {
				resource: 'assignable',
				operation: 'getAll',
				assignableType: 'LeaveType',
				returnAll: false,
				limit: 2,
			}),
		).toHaveLength(2);
		expect(sandbox().stats.log).toHaveLength(2);
	}, 60000);
});
