/**
 * The shared execute loop (nodes/shared/execute.ts): every row is checked before the first write, one
 * Continue On Fail shape with `mayHaveBeenApplied`, rows counted from 1, the batch phase, and which rows a
 * failed run already wrote. Against a real local HTTP server through the real transport.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { defer, executeOperations, type OperationTable } from '../../packages/shared/execute';
import { resetPacers } from '../../packages/shared/limiter';
import { vendorRequest } from '../../packages/shared/transport';
import { vendorRequestAll } from '../../packages/shared/paging';
import { requireNumber } from '../../packages/shared/validation';
import { parseDateTime, parseTime, dottedToIso } from '../../packages/shared/dates';
import type { VendorProfile } from '../../packages/shared/types';
import { fakeContext, testNode } from '../harness/fake-context';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSandbox } = require('../../sandbox/lib/server');

type Sandbox = {
	url: string;
	listen: (port?: number) => Promise<string>;
	close: () => Promise<void>;
	addFault: (spec: IDataObject) => void;
	stats: {
		requests: number;
		byRoute: Record<string, number>;
		log: Array<{ path: string; method: string; status: number }>;
	};
	reset: () => void;
	resetStats?: () => void;
};

let server: Sandbox;
let created: IDataObject[] = [];
const pages = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, even: (i + 1) % 2 === 0 }));

const profile: VendorProfile = {
	name: 'Acme',
	credentialType: 'acmeApi',
	baseUrl: (c) => String(c.baseUrl),
	paging: {
		style: 'pageCount',
		pageParam: 'page',
		pageSizeParam: 'pageSize',
		maxPageSize: 100,
		itemsKey: 'items',
		totalPagesKey: 'totalPages',
		firstPage: 1,
	},
	rateLimitBudgetMs: 10_000,
};

beforeAll(async () => {
	server = createSandbox({
		name: 'execute-unit',
		routes: [
			{
				method: 'POST',
				path: '/records',
				handler: (c: { body: IDataObject }) => {
					const record = { id: created.length + 1, ...c.body };
					created.push(record);
					return { status: 201, body: record };
				},
			},
			{
				method: 'GET',
				path: '/lookup',
				handler: () => ({ status: 200, body: { defaultHours: 8 } }),
			},
			{
				method: 'GET',
				path: '/pages',
				handler: (c: { query: IDataObject }) => {
					const size = Number(c.query.pageSize);
					const page = Number(c.query.page);
					return {
						status: 200,
						body: {
							items: pages.slice((page - 1) * size, page * size),
							totalPages: Math.ceil(pages.length / size),
						},
					};
				},
			},
		],
	});
	await server.listen(0);
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => {
	created = [];
	server.stats.requests = 0;
	server.stats.byRoute = {};
	server.stats.log.length = 0;
	resetPacers();
});

/** An n8n execute context over `rows` (each row's own parameters) and the fake transport. */
function executeContext(rows: IDataObject[], continueOnFail = false): IExecuteFunctions {
	const base = fakeContext({
		credentials: { baseUrl: server.url, apiKey: 'k3y-k3y-k3y' },
		authHeader: { name: 'auth', field: 'apiKey' },
	});
	return {
		...base,
		getInputData: () => rows.map((json) => ({ json })) as INodeExecutionData[],
		getNodeParameter: (name: string, i: number, fallback?: unknown) => {
			const row = rows[i];
			if (name in row) return row[name];
			if (name === 'resource') return 'record';
			if (name === 'operation') return 'create';
			return fallback;
		},
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteFunctions;
}

const table: OperationTable = {
	record: {
		async create(this: IExecuteFunctions, i: number) {
			const lookup = (await vendorRequest.call(this, profile, {
				method: 'GET',
				path: '/lookup',
				itemIndex: i,
			})) as IDataObject;
			const raw = this.getNodeParameter('hours', i, lookup.defaultHours);
			const hours = requireNumber(this.getNode(), i, 'Hours', raw, { exclusiveMin: 0 });
			const date = parseDateTime(
				this.getNode(),
				i,
				'Date',
				this.getNodeParameter('date', i, '2025-07-01'),
			);
			return (await vendorRequest.call(this, profile, {
				method: 'POST',
				path: '/records',
				body: { hours, day: date.day },
				itemIndex: i,
			})) as IDataObject;
		},
		async list(this: IExecuteFunctions, i: number) {
			return await vendorRequestAll.call(
				this,
				profile,
				{ method: 'GET', path: '/pages', itemIndex: i },
				{ returnAll: false, limit: 5, filter: (r) => r.even === true },
			);
		},
		async batched(this: IExecuteFunctions, i: number) {
			const hours = requireNumber(this.getNode(), i, 'Hours', this.getNodeParameter('hours', i), {
				exclusiveMin: 0,
			});
			return defer({ hours });
		},
	},
};

describe('pass 1: every row is checked before anything is written', () => {
	it('a bad row in the middle: nothing is sent, the error names the row and field, counted from 1', async () => {
		const ctx = executeContext([{ hours: 2 }, { hours: 'abc' }, { hours: 3 }]);
		const error = await executeOperations.call(ctx, table).catch((e: Error) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe('Hours: must be a number, got "abc" (row 2)');
		expect((error as NodeOperationError).description).toMatch(/Nothing was written/);
		expect(created).toHaveLength(0);
		expect(server.stats.byRoute['POST /records']).toBeUndefined();
		// The identical lookup of three rows went out once during the checks.
		expect(server.stats.byRoute['GET /lookup']).toBe(1);
	});

	it('several bad rows: one error lists every bad row and field', async () => {
		const ctx = executeContext([
			{ hours: 'abc' },
			{ hours: 1 },
			{ date: '2025-02-30' },
			{ date: '2025-07-01T25:00' },
		]);
		const error = (await executeOperations
			.call(ctx, table)
			.catch((e: Error) => e)) as NodeOperationError;
		expect(error.message).toBe('3 rows failed their checks (rows 1, 3–4); nothing was written');
		expect(error.description).toContain('Hours: must be a number, got "abc" (row 1)');
		expect(error.description).toContain('Date: is not a real calendar date: "2025-02-30" (row 3)');
		expect(error.description).toContain(
			'Date: has a time that does not exist (use 00:00–23:59): "2025-07-01T25:00" (row 4)',
		);
		expect(created).toHaveLength(0);
	});

	it('Continue On Fail: bad rows get the failure shape, good rows go ahead, output in input order and paired', async () => {
		const ctx = executeContext([{ hours: 2 }, { hours: 'abc' }, { hours: 3 }], true);
		const [out] = await executeOperations.call(ctx, table);
		expect(created.map((r) => r.hours)).toEqual([2, 3]);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(Object.keys(out[1].json)).toEqual([
			'error',
			'description',
			'httpCode',
			'row',
			'itemIndex',
			'mayHaveBeenApplied',
		]);
		expect(out[1].json).toMatchObject({
			error: 'Hours: must be a number, got "abc" (row 2)',
			httpCode: null,
			row: 2,
			itemIndex: 1,
			mayHaveBeenApplied: false,
		});
	});

	it('a write marked idempotent (safe to resend) is still a write: it waits until every row passed', async () => {
		const put: OperationTable = {
			record: {
				async create(this: IExecuteFunctions, i: number) {
					const hours = requireNumber(
						this.getNode(),
						i,
						'Hours',
						this.getNodeParameter('hours', i),
						{ exclusiveMin: 0 },
					);
					return (await vendorRequest.call(this, profile, {
						method: 'POST',
						path: '/records',
						body: { hours },
						itemIndex: i,
						idempotent: true,
					})) as IDataObject;
				},
			},
		};
		const error = await executeOperations
			.call(executeContext([{ hours: 1 }, { hours: 'x' }]), put)
			.catch((e: Error) => e);
		expect((error as Error).message).toMatch(/row 2/);
		expect(created).toHaveLength(0);
	});

	it('a read-only operation runs once (its rehearsal result is kept); Limit with a filter stops early', async () => {
		const ctx = executeContext([{ operation: 'list' }]);
		const [out] = await executeOperations.call(ctx, table);
		expect(out.map((o) => o.json.id)).toEqual([2, 4, 6, 8, 10]);
		// One page of 100 had five matches: one request, not three, and not repeated in pass 2.
		expect(server.stats.byRoute['GET /pages']).toBe(1);
	});
});

describe('pass 2: failures while sending', () => {
	it('a 500 after the write under Continue On Fail: mayHaveBeenApplied true, HTTP status, row', async () => {
		server.addFault({
			type: '5xx',
			path: '/records',
			method: 'POST',
			status: 500,
			count: 1,
			beforeHandler: false,
		});
		const ctx = executeContext([{ hours: 1 }, { hours: 2 }], true);
		const [out] = await executeOperations.call(ctx, table);
		expect(out[0].json).toMatchObject({
			httpCode: 500,
			row: 1,
			itemIndex: 0,
			mayHaveBeenApplied: true,
		});
		expect(String(out[0].json.description)).toMatch(/may already have been carried out/);
		expect(out[1].json).toMatchObject({ hours: 2 });
		// The failed write was in fact stored by the server: exactly why the row says "check first".
		expect(created.map((r) => r.hours)).toEqual([1, 2]);
		// The write was not retried blindly.
		expect(server.stats.log.filter((l) => l.method === 'POST').length).toBe(2);
	});

	it('without Continue On Fail the error says which rows were already written', async () => {
		server.addFault({
			type: 'status',
			path: '/records',
			method: 'POST',
			status: 400,
			body: { message: 'Hours are locked' },
			count: 1,
			after: 2,
		});
		const ctx = executeContext([{ hours: 1 }, { hours: 2 }, { hours: 3 }]);
		const error = (await executeOperations.call(ctx, table).catch((e: Error) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toMatch(
			/Rows 1–2 of this run were already written before this error/,
		);
	});
});

describe('batch phase', () => {
	it('deferred writes reach flush together, after every row passed; outcomes per row', async () => {
		const seen: number[][] = [];
		const batch = {
			async flush(this: IExecuteFunctions, deferred: Array<{ itemIndex: number; plan: unknown }>) {
				seen.push(deferred.map((d) => d.itemIndex));
				return new Map(
					deferred.map(({ itemIndex, plan }) => [
						itemIndex,
						itemIndex === 2
							? { error: new NodeOperationError(testNode, 'Record was not created: title missing') }
							: { json: { ok: true, ...(plan as IDataObject) } },
					]),
				);
			},
		};
		const rows = [
			{ operation: 'batched', hours: 1 },
			{ operation: 'batched', hours: 2 },
			{ operation: 'batched', hours: 3 },
		];
		const [out] = await executeOperations.call(executeContext(rows, true), table, { batch });
		expect(seen).toEqual([[0, 1, 2]]);
		expect(out.map((o) => o.json.ok ?? o.json.error)).toEqual([
			true,
			true,
			'Record was not created: title missing',
		]);
		const failed = (await executeOperations
			.call(executeContext(rows), table, { batch })
			.catch((e: Error) => e)) as NodeOperationError;
		expect(failed.message).toBe('Record was not created: title missing');
		expect(failed.description).toMatch(/Rows 1–2 of this run were already written/);
		const bad = await executeOperations
			.call(executeContext([...rows, { operation: 'batched', hours: 'x' }]), table, { batch })
			.catch((e: Error) => e);
		expect((bad as Error).message).toMatch(/Hours: must be a number, got "x" \(row 4\)/);
		expect(seen).toHaveLength(2);
	});
});

describe('dates', () => {
	const node = testNode;
	it('accepts real dates and times, refuses impossible ones, naming field and row', () => {
		expect(parseDateTime(node, 0, 'Start', '2024-02-29T23:59')).toMatchObject({
			year: 2024,
			month: 2,
			day: 29,
			hour: 23,
			minute: 59,
			hasTime: true,
		});
		expect(parseDateTime(node, 0, 'Start', '2025-07-01 08:30:00+02:00')).toMatchObject({
			hour: 8,
			minute: 30,
			offset: '+02:00',
		});
		expect(() => parseDateTime(node, 4, 'Start', '2025-02-29')).toThrow(
			'Start: is not a real calendar date: "2025-02-29" (row 5)',
		);
		expect(() => parseDateTime(node, 0, 'Start', '2025-07-01T24:00')).toThrow(
			/time that does not exist/,
		);
		expect(() => parseTime(node, 1, 'Clock In', '7:60')).toThrow(
			'Clock In: is not a time of day (use 00:00–23:59): "7:60" (row 2)',
		);
		expect(parseTime(node, 0, 'Clock In', '07:05')).toEqual({ hour: 7, minute: 5, second: 0 });
		expect(dottedToIso('31.12.2025')).toBe('2025-12-31');
		expect(dottedToIso('30.02.2025')).toBeUndefined();
	});
});
