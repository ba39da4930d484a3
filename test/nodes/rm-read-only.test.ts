/**
 * Resource Management: every operation is classified as a read or a write by what it does on the server,
 * not by its HTTP method (issue #19). The two reports are sent as POST but only read, so:
 * - they finish in the execute loop's checking pass, and never count as written rows;
 * - a 5xx on them is resent like a read, and a lasting one never says "may have been applied".
 * In process against the RM sandbox.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { RESOURCES } from '../../packages/n8n-nodes-psa-resource-management/nodes/ResourceManagement/actions';
import { readOnlyTable } from '../../packages/shared/operation';
import { fails, ok, run, startSandbox } from './rm.helpers';

const { sandbox, credentials } = startSandbox();

/** Requests that reached the sandbox for one report (retries included). */
const reportRequests = (kind: 'rows' | 'totals') =>
	sandbox().stats.log.filter((l) => l.method === 'POST' && l.path.endsWith(`/reports/${kind}`));

describe('read or write: the classification of every operation', () => {
	test('reads are exactly the Get, Get Many, Find and report operations (the reports are sent as POST)', () => {
		const CRUD = { create: false, delete: false, get: true, getAll: true, update: false };
		expect(readOnlyTable(RESOURCES)).toEqual({
			approval: { approve: false, getAll: true, submit: false, withdraw: false },
			assignable: { get: true, getAll: true, search: true },
			assignment: CRUD,
			availability: CRUD,
			billRate: CRUD,
			budgetItem: CRUD,
			budgetItemCategory: { getAll: true },
			customField: CRUD,
			customFieldValue: { create: false, getAll: true, update: false },
			discipline: { get: true, getAll: true },
			expenseItem: CRUD,
			holiday: { getAll: true },
			leaveType: { get: true, getAll: true },
			phase: CRUD,
			placeholderResource: CRUD,
			project: { ...CRUD, archive: false, search: true, unarchive: false },
			// POST /reports/rows and /reports/totals: reads.
			report: { getRows: true, getTotals: true },
			role: { get: true, getAll: true },
			statusOption: CRUD,
			subtask: CRUD,
			tag: { add: false, getAll: true, remove: false },
			timeEntry: CRUD,
			// People are archived, never deleted.
			user: {
				archive: false,
				create: false,
				get: true,
				getAll: true,
				search: true,
				unarchive: false,
				update: false,
			},
			userStatus: { create: false, getAll: true },
			webhook: { create: false, delete: false, getAll: true },
		});
	});
});

/** Totals of one project's hours in the first quarter, as of `today`. */
const totals = (today: string): INodeParameters => {
	const project = (sandbox().state() as Record<string, IDataObject[]>).projects.find(
		(p) => !p.parent_id && !p.archived,
	)!;
	return {
		resource: 'report',
		operation: 'getTotals',
		view: 'time_fees_hours',
		timeFrame: 'custom',
		from: '2026-01-01',
		to: '2026-03-31',
		filters: {
			filter: [{ attribute: 'project_id', mode: 'inclusion', values: String(project.id) }],
		},
		reportOptions: { today },
	};
};

/** Last year's utilization by person, as of `today`, as one item. */
const utilization = (today: string): INodeParameters => ({
	resource: 'report',
	operation: 'getRows',
	view: 'utilization',
	timeFrame: 'last_year',
	groupBy: ['user_id'],
	reportOptions: { splitRows: false, calc_incurred_using: 'approved', today },
});

describe('a bad row in the middle of a report run (Continue On Fail on)', () => {
	test.each([
		['getTotals', totals, 'totals'],
		['getRows', utilization, 'rows'],
	] as const)(
		'%s: rows 1 and 3 get their report in the checking pass (read once for both), row 2 is an error row',
		async (_operation, parameters, kind) => {
			const r = await run(
				credentials(),
				parameters('={{ $json.today }}'),
				[{ today: '2026-03-28' }, { today: '2026-02-30' }, { today: '2026-03-28' }],
				true,
			);
			expect(r.error).toBeUndefined();
			expect(r.json).toHaveLength(3);
			expect(r.json[1]).toEqual(
				expect.objectContaining({ row: 2, httpCode: null, mayHaveBeenApplied: false }),
			);
			expect(String(r.json[1].error)).toMatch(/^Today: .*\(row 2\)$/);
			// The good rows carry the report itself.
			expect(r.json[0].params).toEqual(expect.objectContaining({ today: '2026-03-28' }));
			if (kind === 'totals')
				expect((r.json[0].totals as IDataObject).incurred_hours).toBeGreaterThan(0);
			else expect(Array.isArray(r.json[0].rows)).toBe(true);
			expect(r.json[2]).toEqual(r.json[0]);
			expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			// Finished during the checking pass, as reads: the two identical reports went out once. Had they
			// counted as writes, the checking pass would have stopped before them and the send pass would
			// have posted each row's report on its own.
			expect(reportRequests(kind)).toHaveLength(1);
		},
	);
});

describe('a 5xx answer to a report is handled like a read', () => {
	test('one 503 is resent and the report comes back', async () => {
		sandbox().addFault({ type: '5xx', status: 503, method: 'POST', path: '/reports/totals$' });
		const [answer] = await ok(credentials(), totals('2026-03-28'));
		expect((answer.totals as IDataObject).incurred_hours).toBeGreaterThan(0);
		expect(reportRequests('totals').map((l) => l.status)).toEqual([503, 200]);
	});

	test('a lasting 503 (Continue On Fail off) is tried 4 times and says nothing was written, not "may have been applied"', async () => {
		// Row 1's report goes through; every request of row 2 is answered 503.
		sandbox().addFault({
			type: '5xx',
			status: 503,
			method: 'POST',
			path: '/reports/rows$',
			after: 1,
			count: -1,
		});
		const error = await fails(credentials(), utilization('={{ $json.today }}'), [
			{ today: '2026-03-28' },
			{ today: '2026-03-27' },
		]);
		expect(error.httpCode).toBe('503');
		expect(error.description).toMatch(/\(row 2\)\. Tried 4 times\./);
		expect(error.description).toMatch(/Nothing was written/);
		expect(error.description).not.toMatch(/may already have been carried out/);
		expect(error.description).not.toMatch(/already written/);
		expect(reportRequests('rows').map((l) => l.status)).toEqual([200, 503, 503, 503, 503]);
	});

	test('a lasting 503 (Continue On Fail on): the good row keeps its report, the failed row says mayHaveBeenApplied false', async () => {
		sandbox().addFault({
			type: '5xx',
			status: 503,
			method: 'POST',
			path: '/reports/totals$',
			after: 1,
			count: -1,
		});
		const r = await run(
			credentials(),
			totals('={{ $json.today }}'),
			[{ today: '2026-03-28' }, { today: '2026-03-27' }],
			true,
		);
		expect(r.json).toHaveLength(2);
		expect((r.json[0].totals as IDataObject).incurred_hours).toBeGreaterThan(0);
		expect(r.json[1]).toEqual(
			expect.objectContaining({ row: 2, httpCode: 503, mayHaveBeenApplied: false }),
		);
		expect(String(r.json[1].description)).not.toMatch(/may already have been carried out/);
		expect(reportRequests('totals')).toHaveLength(5);
	});
});
