/**
 * The eight behaviours of the shared request helper (issue #2), each against a real local HTTP server.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { vendorRequest } from '../../packages/shared/transport';
import { vendorRequestAll } from '../../packages/shared/paging';
import { resetPacers } from '../../packages/shared/limiter';
import { rateLimitDelayMs } from '../../packages/shared/retry';
import { waitForTicket, type TicketProfile } from '../../packages/shared/tickets';
import { pollForChanges, selectChanges } from '../../packages/shared/polling';
import { vendorMessage } from '../../packages/shared/errors';
import type { VendorProfile } from '../../packages/shared/types';
import { fakeContext } from '../harness/fake-context';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSandbox, HttpError } = require('../../sandbox/lib/server');

type Sandbox = {
	url: string;
	listen: (port?: number) => Promise<string>;
	close: () => Promise<void>;
	addFault: (spec: IDataObject) => void;
	stats: {
		requests: number;
		byStatus: Record<string, number>;
		log: Array<{ t: number; path: string; method: string; status: number }>;
	};
	reset: () => void;
};

const SECRET = 'sk_live_SUPERSECRET_123456';
let server: Sandbox;
const records = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, name: `Record ${i + 1}` }));
let ticketPolls = 0;

function profile(overrides: Partial<VendorProfile> = {}): VendorProfile {
	return {
		name: 'Acme',
		credentialType: 'acmeApi',
		baseUrl: (c) => String(c.baseUrl),
		paging: { style: 'none' },
		rateLimitBudgetMs: 20_000,
		...overrides,
	};
}

function ctx(credentials: IDataObject = { baseUrl: server.url, apiKey: SECRET }) {
	return fakeContext({ credentials, authHeader: { name: 'auth', field: 'apiKey' } });
}

beforeAll(async () => {
	server = createSandbox({
		name: 'unit',
		routes: [
			{
				method: 'GET',
				path: '/api/v1/echo',
				handler: (c: IDataObject) => ({ status: 200, body: { query: c.query } }),
			},
			{
				method: 'POST',
				path: '/api/v1/echo',
				handler: (c: IDataObject) => ({ status: 201, body: { received: c.body ?? null } }),
			},
			{
				method: 'PUT',
				path: '/api/v1/echo',
				handler: (c: IDataObject) => ({ status: 200, body: { received: c.body ?? null } }),
			},
			{
				method: 'GET',
				path: '/api/v1/linked',
				handler: (c: { query: IDataObject }) => {
					const perPage = Math.min(1000, Number(c.query.per_page ?? 20));
					const page = Number(c.query.page ?? 1);
					const data = records.slice((page - 1) * perPage, page * perPage);
					const hasNext = page * perPage < records.length;
					return {
						status: 200,
						body: {
							data,
							paging: {
								per_page: perPage,
								page,
								next: hasNext ? `/api/v1/linked?per_page=${perPage}&page=${page + 1}` : null,
							},
						},
					};
				},
			},
			{
				method: 'GET',
				path: '/api/v1/paged',
				handler: (c: { query: IDataObject }) => {
					if (!c.query.page)
						throw new HttpError(400, {
							message: 'The request is invalid.',
							modelState: { page: ['The Page field is required.'] },
						});
					const size = Number(c.query.pageSize);
					if (size > 100)
						throw new HttpError(400, {
							message: 'The request is invalid.',
							modelState: { pageSize: ['Max 100.'] },
						});
					const page = Number(c.query.page);
					return {
						status: 200,
						body: {
							page,
							pageSize: size,
							totalPages: Math.ceil(records.length / size),
							items: records.slice((page - 1) * size, page * size),
						},
					};
				},
			},
			{
				method: 'GET',
				path: '/api/v1/endless',
				handler: (c: { query: IDataObject }) => ({
					status: 200,
					body: {
						data: [{ id: c.query.page ?? 1 }],
						paging: { next: `/api/v1/endless?page=${Number(c.query.page ?? 1) + 1}` },
					},
				}),
			},
			{
				method: 'GET',
				path: '/api/v1/smenso-error',
				handler: () => ({
					status: 400,
					body: {
						errors: [
							'The absence overlaps an existing absence.',
							'End date must not be before start date.',
						],
					},
				}),
			},
			{
				method: 'GET',
				path: '/api/v1/rm-error',
				handler: () => ({ status: 422, body: { message: 'updated_at is stale' } }),
			},
			{
				method: 'GET',
				path: '/api/v1/blikk-error',
				handler: () => ({
					status: 400,
					body: {
						message: 'The request is invalid.',
						modelState: { 'model.Hours': ['Hours must be a number.'] },
					},
				}),
			},
			{
				method: 'GET',
				path: '/api/v1/blikk-403',
				handler: () => ({
					status: 403,
					body: {
						message: 'You dont have the nessecery permissions to perform this action',
						ipAddressAllowed: true,
						permissionsRequired: ['Contact_read'],
					},
				}),
			},
			{
				method: 'GET',
				path: '/api/v1/cenno-error',
				handler: () => ({
					status: 422,
					body: { hours: ['must be greater than 0'], date: ["can't be blank"] },
				}),
			},
			{
				method: 'GET',
				path: '/api/v1/leaky',
				handler: (c: { headers: IDataObject }) => ({
					status: 400,
					body: { message: `Bad key ${String(c.headers.auth)}`, token: SECRET },
				}),
			},
			{
				method: 'GET',
				path: '/api/v1/missing/:id',
				handler: () => ({ status: 404, body: { message: 'Not found' } }),
			},
			{
				method: 'GET',
				path: '/api/v1/status/:id',
				handler: (c: { params: { id: string } }) => {
					ticketPolls++;
					const id = c.params.id;
					if (id === 'ok')
						return {
							status: 200,
							body: {
								statusId: ticketPolls >= 3 ? 10 : 1,
								status: ticketPolls >= 3 ? 'Success' : 'Started',
								messages: [],
							},
						};
					if (id === 'bad')
						return {
							status: 200,
							body: { statusId: 30, status: 'Failed', messages: ['Title is required'] },
						};
					if (id === 'partial')
						return {
							status: 200,
							body: {
								statusId: 20,
								status: 'Success with Errors',
								messages: ['Row 2: user unknown'],
							},
						};
					return { status: 200, body: { statusId: 1, status: 'Started', messages: [] } };
				},
			},
		],
		authenticate: (c: { headers: IDataObject }) =>
			c.headers.auth === SECRET ? null : { status: 401, body: { message: 'Invalid token' } },
		rateLimitResponse: (retryAfter: number, _c: unknown, fault: IDataObject) => ({
			headers: fault.headers ?? { 'Retry-After': String(retryAfter) },
			body: fault.body ?? { waitInSeconds: retryAfter },
		}),
	});
	await server.listen(0);
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => {
	server.reset();
	resetPacers();
	ticketPolls = 0;
});

function logOf(path: string) {
	return server.stats.log.filter((l) => l.path.startsWith(path));
}

describe('1. requests', () => {
	it('authenticates through httpRequestWithAuthentication with the vendor credential type', async () => {
		const c = ctx();
		const body = await vendorRequest.call(c as never, profile(), {
			method: 'GET',
			path: '/api/v1/echo',
			qs: { a: 1 },
		});
		expect(body).toEqual({ query: { a: '1' } });
		expect(c.calls[0].credentialType).toBe('acmeApi');
		expect(c.calls[0].options.url).toBe(`${server.url}/api/v1/echo`);
	});

	it('writes query arrays the vendor way and strips empty query values', async () => {
		const comma = await vendorRequest.call(ctx() as never, profile({ queryArrayFormat: 'comma' }), {
			method: 'GET',
			path: '/api/v1/echo',
			qs: { ids: [1, 2, 3], empty: '', none: undefined, emptyList: [] },
		});
		expect(comma).toEqual({ query: { ids: '1,2,3' } });
		const repeat = await vendorRequest.call(ctx() as never, profile(), {
			method: 'GET',
			path: '/api/v1/echo',
			qs: { ids: [1, 2] },
		});
		expect(repeat).toEqual({ query: { ids: ['1', '2'] } });
	});

	it('sends JSON bodies and omits empty ones', async () => {
		const c = ctx();
		const sent = await vendorRequest.call(c as never, profile(), {
			method: 'POST',
			path: '/api/v1/echo',
			body: { name: 'x', n: 2 },
		});
		expect(sent).toEqual({ received: { name: 'x', n: 2 } });
		const empty = await vendorRequest.call(c as never, profile(), {
			method: 'POST',
			path: '/api/v1/echo',
			body: {},
		});
		expect(empty).toEqual({ received: null });
		expect(c.calls[1].options.body).toBeUndefined();
	});

	it('applies a per-request timeout and reports it clearly', async () => {
		server.addFault({ type: 'slow', delayMs: 1500, path: '/api/v1/echo', method: 'POST' });
		const error = await vendorRequest
			.call(ctx() as never, profile(), {
				method: 'POST',
				path: '/api/v1/echo',
				body: { a: 1 },
				timeoutMs: 300,
			})
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Acme did not answer in time');
		expect(error.description).toMatch(
			/not retried automatically: it may already have been carried out/,
		);
	});
});

describe('2. paging', () => {
	const linked = profile({
		paging: {
			style: 'linkNext',
			pageSizeParam: 'per_page',
			maxPageSize: 100,
			itemsKey: 'data',
			nextPath: ['paging', 'next'],
		},
	});
	const paged = profile({
		paging: {
			style: 'pageCount',
			pageParam: 'page',
			pageSizeParam: 'pageSize',
			maxPageSize: 100,
			itemsKey: 'items',
			totalPagesKey: 'totalPages',
			firstPage: 1,
		},
	});

	it('link-next: Return All follows relative next links with the largest page size', async () => {
		const all = await vendorRequestAll.call(
			ctx() as never,
			linked,
			{ method: 'GET', path: '/api/v1/linked' },
			{ returnAll: true },
		);
		expect(all).toHaveLength(250);
		expect(all[249]).toEqual({ id: 250, name: 'Record 250' });
		expect(logOf('/api/v1/linked')).toHaveLength(3); // ceil(250 / 100)
	});

	it('link-next: Limit asks for a page of the limit size and fetches no extra page', async () => {
		const some = await vendorRequestAll.call(
			ctx() as never,
			linked,
			{ method: 'GET', path: '/api/v1/linked' },
			{ returnAll: false, limit: 30 },
		);
		expect(some.map((r) => r.id)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
		expect(logOf('/api/v1/linked')).toHaveLength(1);
	});

	it('page-count: pages up to totalPages with pageSize at most 100', async () => {
		const c = ctx();
		const all = await vendorRequestAll.call(
			c as never,
			paged,
			{ method: 'GET', path: '/api/v1/paged' },
			{ returnAll: true },
		);
		expect(all).toHaveLength(250);
		expect(new Set(all.map((r) => r.id)).size).toBe(250);
		expect(c.calls.map((call) => call.options.qs)).toEqual([
			{ page: 1, pageSize: 100 },
			{ page: 2, pageSize: 100 },
			{ page: 3, pageSize: 100 },
		]);
	});

	it('page-count: Limit 150 stops after the second page', async () => {
		const some = await vendorRequestAll.call(
			ctx() as never,
			paged,
			{ method: 'GET', path: '/api/v1/paged' },
			{ returnAll: false, limit: 150 },
		);
		expect(some).toHaveLength(150);
		expect(logOf('/api/v1/paged')).toHaveLength(2);
	});

	it('none: one request, Limit cuts the list', async () => {
		const some = await vendorRequestAll.call(
			ctx() as never,
			profile({ paging: { style: 'none', itemsKey: 'data' } }),
			{ method: 'GET', path: '/api/v1/linked', qs: { per_page: 1000 } },
			{ returnAll: false, limit: 7 },
		);
		expect(some).toHaveLength(7);
		expect(logOf('/api/v1/linked')).toHaveLength(1);
	});

	it('Return All past the page cap fails loudly instead of returning a partial list', async () => {
		const capped = profile({ ...linked, maxPages: 5 });
		const error = await vendorRequestAll
			.call(ctx() as never, capped, { method: 'GET', path: '/api/v1/endless' }, { returnAll: true })
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/Return All stopped after 5 pages \(5 records\)/);
		expect(logOf('/api/v1/endless')).toHaveLength(5);
	});
});

describe('3. pacing', () => {
	const paced = profile({ requestsPerSecond: 10 });

	it('spaces the requests of one credential under the ceiling, across concurrent callers', async () => {
		const a = ctx();
		const b = ctx(); // a second execution with the same credential
		const started = Date.now();
		await Promise.all([
			...Array.from({ length: 8 }, () =>
				vendorRequest.call(a as never, paced, { method: 'GET', path: '/api/v1/echo' }),
			),
			...Array.from({ length: 8 }, () =>
				vendorRequest.call(b as never, paced, { method: 'GET', path: '/api/v1/echo' }),
			),
		]);
		const arrivals = logOf('/api/v1/echo')
			.filter((l) => l.method === 'GET')
			.map((l) => l.t);
		expect(arrivals).toHaveLength(16);
		// Sends: no window of one second holds more than 10 (slots are reserved 1/rate + 4 % apart).
		const sends = [...a.calls, ...b.calls].map((call) => call.t).sort((x, y) => x - y);
		for (let i = 0; i + 10 < sends.length; i++)
			expect(sends[i + 10] - sends[i]).toBeGreaterThanOrEqual(1000);
		// Arrivals at the server keep that spacing give or take scheduling jitter on a busy machine.
		for (let i = 0; i + 10 < arrivals.length; i++)
			expect(arrivals[i + 10] - arrivals[i]).toBeGreaterThanOrEqual(940);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
	});

	it('does not slow an independent credential', async () => {
		const busy = ctx({ baseUrl: server.url, apiKey: SECRET, user: 'one' });
		const other = ctx({ baseUrl: server.url, apiKey: SECRET, user: 'two' });
		const slowRun = Promise.all(
			Array.from({ length: 10 }, () =>
				vendorRequest.call(busy as never, paced, { method: 'GET', path: '/api/v1/echo' }),
			),
		);
		const started = Date.now();
		await vendorRequest.call(other as never, paced, { method: 'GET', path: '/api/v1/echo' });
		expect(Date.now() - started).toBeLessThan(300);
		await slowRun;
	});
});

describe('4. 429 handling', () => {
	it('waits the Retry-After seconds and then succeeds', async () => {
		server.addFault({ type: '429', retryAfter: 1, path: '/api/v1/echo' });
		const started = Date.now();
		await vendorRequest.call(ctx() as never, profile(), { method: 'GET', path: '/api/v1/echo' });
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(server.stats.byStatus['429']).toBe(1);
		expect(server.stats.byStatus['200']).toBe(1);
	});

	it('reads the wait in the documented order', () => {
		const now = Date.parse('2026-11-23T10:00:00Z');
		const bodyWait = (b: unknown) => (b as { waitInSeconds?: number }).waitInSeconds;
		expect(
			rateLimitDelayMs({ 'retry-after': '3' }, { waitInSeconds: 9 }, 1, now, bodyWait),
		).toEqual({ delayMs: 3000, source: 'Retry-After' });
		expect(
			rateLimitDelayMs({ 'retry-after': 'Mon, 23 Nov 2026 10:00:05 GMT' }, undefined, 1, now),
		).toEqual({ delayMs: 5000, source: 'Retry-After' });
		expect(
			rateLimitDelayMs(
				{ 'x-ratelimit-reset': String(now / 1000 + 7) },
				{ waitInSeconds: 2 },
				1,
				now,
				bodyWait,
			),
		).toEqual({ delayMs: 2000, source: 'response body' });
		// Without the profile's reading, a body hint is not guessed at.
		expect(
			rateLimitDelayMs(
				{ 'x-ratelimit-reset': String(now / 1000 + 7) },
				{ waitInSeconds: 2 },
				1,
				now,
			),
		).toEqual({ delayMs: 7000, source: 'X-RateLimit-Reset' });
		expect(rateLimitDelayMs({ 'x-ratelimit-reset': String(now / 1000 + 7) }, {}, 1, now)).toEqual({
			delayMs: 7000,
			source: 'X-RateLimit-Reset',
		});
		expect([1, 2, 3, 4, 5, 6, 7].map((a) => rateLimitDelayMs({}, {}, a, now).delayMs)).toEqual([
			1000, 2000, 4000, 8000, 16000, 30000, 30000,
		]);
	});

	it("honours the wait a profile reads from a 429's body when no header is sent (POST retried: a 429 was not carried out)", async () => {
		server.addFault({
			type: '429',
			headers: {},
			body: { waitInSeconds: 1 },
			path: '/api/v1/echo',
			method: 'POST',
		});
		const started = Date.now();
		const withBodyHint = profile({
			rateLimitWaitSeconds: (b) => (b as { waitInSeconds?: number }).waitInSeconds,
		});
		const body = await vendorRequest.call(ctx() as never, withBodyHint, {
			method: 'POST',
			path: '/api/v1/echo',
			body: { a: 1 },
		});
		expect(body).toEqual({ received: { a: 1 } });
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(logOf('/api/v1/echo').map((l) => l.status)).toEqual([429, 201]);
	});

	it('honours X-RateLimit-Reset', async () => {
		const reset = Math.ceil(Date.now() / 1000) + 1;
		server.addFault({
			type: '429',
			headers: {
				'X-RateLimit-Limit': '10',
				'X-RateLimit-Remaining': '0',
				'X-RateLimit-Reset': String(reset),
			},
			body: { message: 'Rate limit exceeded' },
			path: '/api/v1/echo',
		});
		await vendorRequest.call(ctx() as never, profile(), { method: 'GET', path: '/api/v1/echo' });
		const [first, second] = logOf('/api/v1/echo');
		expect(first.status).toBe(429);
		expect(second.t).toBeGreaterThanOrEqual(reset * 1000 - 20);
	});

	it('gives up with a clear error when the limit is not lifted within the wait budget', async () => {
		server.addFault({ type: '429', retryAfter: 1, count: -1, path: '/api/v1/echo' });
		const error = await vendorRequest
			.call(ctx() as never, profile({ rateLimitBudgetMs: 2500 }), {
				method: 'GET',
				path: '/api/v1/echo',
				itemIndex: 4,
			})
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'Acme kept rate-limiting the request: the limit was not lifted within 3 s',
		);
		expect(error.httpCode).toBe('429');
		expect(error.context.itemIndex).toBe(4);
		expect(server.stats.byStatus['429']).toBe(3);
	});
});

describe('5. retries never duplicate writes', () => {
	it('retries a GET after 5xx and connection resets', async () => {
		server.addFault({ type: '5xx', status: 503, path: '/api/v1/echo' });
		server.addFault({ type: 'reset', path: '/api/v1/echo' });
		const body = await vendorRequest.call(ctx() as never, profile(), {
			method: 'GET',
			path: '/api/v1/echo',
		});
		expect(body).toEqual({ query: {} });
		expect(logOf('/api/v1/echo').map((l) => l.status)).toEqual([503, 0, 200]);
	});

	it('never retries a POST that may have reached the server, and says so', async () => {
		server.addFault({
			type: '5xx',
			status: 502,
			path: '/api/v1/echo',
			method: 'POST',
			beforeHandler: false,
		});
		const error = await vendorRequest
			.call(ctx() as never, profile(), {
				method: 'POST',
				path: '/api/v1/echo',
				body: { a: 1 },
				itemIndex: 2,
			})
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('502');
		expect(error.description).toMatch(
			/not retried automatically: it may already have been carried out/,
		);
		expect(logOf('/api/v1/echo')).toHaveLength(1);
	});

	it('never retries a POST after a connection reset', async () => {
		server.addFault({ type: 'reset', path: '/api/v1/echo', method: 'POST' });
		const error = await vendorRequest
			.call(ctx() as never, profile(), { method: 'POST', path: '/api/v1/echo', body: { a: 1 } })
			.catch((e) => e);
		expect(error.message).toMatch(/connection to Acme failed|did not answer/);
		expect(logOf('/api/v1/echo')).toHaveLength(1);
	});

	it('retries any method when the connection was refused (nothing was sent)', async () => {
		const port = server.url.split(':').pop();
		await server.close();
		const c = ctx();
		const pending = vendorRequest.call(c as never, profile(), {
			method: 'POST',
			path: '/api/v1/echo',
			body: { a: 1 },
		});
		await new Promise((r) => setTimeout(r, 400));
		await server.listen(Number(port));
		await expect(pending).resolves.toEqual({ received: { a: 1 } });
		expect(c.calls.length).toBeGreaterThanOrEqual(2);
	});

	it('retries an explicitly idempotent PUT after a 5xx', async () => {
		server.addFault({ type: '5xx', path: '/api/v1/echo', method: 'PUT' });
		const body = await vendorRequest.call(ctx() as never, profile(), {
			method: 'PUT',
			path: '/api/v1/echo',
			body: { a: 2 },
			idempotent: true,
		});
		expect(body).toEqual({ received: { a: 2 } });
		expect(
			logOf('/api/v1/echo')
				.filter((l) => l.method === 'PUT')
				.map((l) => l.status),
		).toEqual([503, 200]);
	});
});

describe('6. ticket polling', () => {
	const tickets: TicketProfile = {
		statusPath: (id) => `/api/v1/status/${id}`,
		interpret: (body) => ({
			state:
				body.statusId === 10
					? 'success'
					: body.statusId === 30
						? 'failed'
						: body.statusId === 20
							? 'partial'
							: 'pending',
			messages: (body.messages as string[]) ?? [],
		}),
	};

	it('polls with backoff until success', async () => {
		const outcome = await waitForTicket.call(ctx() as never, profile(), tickets, {
			ticketId: 'ok',
			deadlineMs: 10_000,
			initialDelayMs: 50,
		});
		expect(outcome.state).toBe('success');
		expect(outcome.polls).toBe(3);
		const times = logOf('/api/v1/status').map((l) => l.t);
		expect(times[2] - times[1]).toBeGreaterThan(times[1] - times[0]);
	});

	it('turns a failed ticket into an error carrying the vendor messages', async () => {
		const error = await waitForTicket
			.call(ctx() as never, profile(), tickets, {
				ticketId: 'bad',
				deadlineMs: 5000,
				initialDelayMs: 10,
				itemIndex: 1,
			})
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Title is required');
		expect(error.description).toMatch(/Ticket bad failed/);
	});

	it('returns "success with errors" with its messages (or fails when asked to)', async () => {
		const outcome = await waitForTicket.call(ctx() as never, profile(), tickets, {
			ticketId: 'partial',
			deadlineMs: 5000,
			initialDelayMs: 10,
		});
		expect(outcome).toMatchObject({ state: 'partial', messages: ['Row 2: user unknown'] });
		await expect(
			waitForTicket.call(ctx() as never, profile(), tickets, {
				ticketId: 'partial',
				deadlineMs: 5000,
				initialDelayMs: 10,
				failOnPartial: true,
			}),
		).rejects.toThrow('Row 2: user unknown');
	});

	it('names the ticket id when it is still running at the deadline', async () => {
		const error = await waitForTicket
			.call(ctx() as never, profile(), tickets, {
				ticketId: 'stuck-42',
				deadlineMs: 700,
				initialDelayMs: 100,
			})
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/ticket stuck-42 was still processing/);
		expect(error.description).toMatch(/ticket ID stuck-42/);
	});
});

describe('7. errors', () => {
	it.each([
		[
			'/api/v1/smenso-error',
			'The absence overlaps an existing absence.; End date must not be before start date.',
			'400',
		],
		['/api/v1/rm-error', 'updated_at is stale', '422'],
		['/api/v1/cenno-error', "hours: must be greater than 0; date: can't be blank", '422'],
	])(
		'%s (a common error-body convention) becomes a NodeApiError in the vendor words',
		async (path, message, status) => {
			const error = await vendorRequest
				.call(ctx() as never, profile(), { method: 'GET', path, itemIndex: 3 })
				.catch((e) => e);
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toBe(message);
			expect(error.httpCode).toBe(status);
			expect(error.context.itemIndex).toBe(3);
			expect(error.description).toContain(`Acme answered HTTP ${status} (row 4)`);
		},
	);

	it('says which record was not found', async () => {
		const error = await vendorRequest
			.call(ctx() as never, profile(), {
				method: 'GET',
				path: '/api/v1/missing/42',
				notFoundLabel: 'Time entry 42',
			})
			.catch((e) => e);
		expect(error.message).toBe('Time entry 42 was not found: Not found');
	});

	it('never shows a secret, even when the vendor echoes it', async () => {
		const error = await vendorRequest
			.call(ctx() as never, profile(), { method: 'GET', path: '/api/v1/leaky' })
			.catch((e) => e);
		const everything = JSON.stringify({
			message: error.message,
			description: error.description,
			context: error.context,
			messages: error.messages,
			stack: error.stack,
		});
		expect(everything).not.toContain(SECRET);
		expect(error.message).toBe('Bad key ***');
	});

	it("a vendor's own error shapes come from its profile's errorMessage, tried before the generic reading", async () => {
		const withHints = profile({
			errorMessage: (body) => {
				const b = body as { message?: string; permissionsRequired?: string[] };
				return b.permissionsRequired?.length
					? `${b.message} Permissions required: ${b.permissionsRequired.join(', ')}.`
					: undefined;
			},
		});
		const error = await vendorRequest
			.call(ctx() as never, withHints, { method: 'GET', path: '/api/v1/blikk-403', itemIndex: 0 })
			.catch((e) => e);
		expect(error.message).toBe(
			'You dont have the nessecery permissions to perform this action Permissions required: Contact_read.',
		);
		// Without the profile's reading, the generic one still gives the vendor's main message.
		expect(vendorMessage({ message: 'The request is invalid.', modelState: { x: ['y'] } })).toBe(
			'The request is invalid.',
		);
	});
});

describe('8. polling-trigger state', () => {
	const options = {
		mode: 'timestamp' as const,
		id: (r: IDataObject) => String(r.id),
		timestamp: (r: IDataObject) => r.updated as string,
	};

	it('emits nothing on the first poll, then only changes, de-duplicating ties at the cursor', () => {
		const first = selectChanges([{ id: 1, updated: '2026-01-01T10:00:00Z' }], {}, options);
		expect(first.changed).toEqual([]);
		const second = selectChanges(
			[
				{ id: 1, updated: '2026-01-01T10:00:00Z' },
				{ id: 2, updated: '2026-01-01T10:05:00Z' },
				{ id: 3, updated: '2026-01-01T10:05:00Z' },
			],
			first.next,
			options,
		);
		expect(second.changed.map((r) => r.id)).toEqual([2, 3]);
		expect(second.next).toMatchObject({ cursor: '2026-01-01T10:05:00Z', idsAtCursor: ['2', '3'] });
		// A record that ties with the cursor but arrived later is emitted once; the others are not repeated.
		const third = selectChanges(
			[
				{ id: 2, updated: '2026-01-01T10:05:00Z' },
				{ id: 3, updated: '2026-01-01T10:05:00Z' },
				{ id: 4, updated: '2026-01-01T10:05:00Z' },
			],
			second.next,
			options,
		);
		expect(third.changed.map((r) => r.id)).toEqual([4]);
	});

	it('fingerprint mode emits new and changed records only', () => {
		const fp = { mode: 'fingerprint' as const, id: (r: IDataObject) => String(r.id) };
		const first = selectChanges([{ id: 1, s: 'a' }], {}, fp);
		const second = selectChanges(
			[
				{ id: 1, s: 'b' },
				{ id: 2, s: 'a' },
			],
			first.next,
			fp,
		);
		expect(second.changed).toEqual([
			{ id: 1, s: 'b' },
			{ id: 2, s: 'a' },
		]);
		expect(
			selectChanges(
				[
					{ id: 1, s: 'b' },
					{ id: 2, s: 'a' },
				],
				second.next,
				fp,
			).changed,
		).toEqual([]);
	});

	function pollContext(staticData: IDataObject, mode: 'trigger' | 'manual') {
		return {
			getWorkflow: () => ({ id: 'wf-1' }),
			getNode: () => ({ id: 'trigger-1', name: 'Trigger' }),
			getWorkflowStaticData: () => staticData,
			getMode: () => mode,
			helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
		} as unknown as IPollFunctions;
	}

	it('advances the cursor only after a successful poll; manual mode returns a sample and keeps state', async () => {
		const staticData: IDataObject = {};
		let data = [{ id: 1, updated: '2026-01-01T10:00:00Z' }];
		let fail = false;
		const fetch = async () => {
			if (fail) throw new Error('network down');
			return data;
		};
		const sample = await pollForChanges.call(pollContext(staticData, 'manual'), {
			...options,
			key: 'e',
			fetch,
		});
		expect(sample).toEqual([[{ json: { id: 1, updated: '2026-01-01T10:00:00Z' } }]]);
		expect(staticData).toEqual({});
		expect(
			await pollForChanges.call(pollContext(staticData, 'trigger'), {
				...options,
				key: 'e',
				fetch,
			}),
		).toBeNull();
		const saved = JSON.stringify(staticData);
		data = [...data, { id: 2, updated: '2026-01-01T11:00:00Z' }];
		fail = true;
		await expect(
			pollForChanges.call(pollContext(staticData, 'trigger'), { ...options, key: 'e', fetch }),
		).rejects.toThrow('network down');
		expect(JSON.stringify(staticData)).toBe(saved);
		fail = false;
		const emitted = await pollForChanges.call(pollContext(staticData, 'trigger'), {
			...options,
			key: 'e',
			fetch,
		});
		expect(emitted).toEqual([[{ json: { id: 2, updated: '2026-01-01T11:00:00Z' } }]]);
	});

	it("n8n's durable poll scheduler: overlapping polls and a poll re-run on stale static data emit nothing twice", async () => {
		const data = [{ id: 1, updated: '2026-01-01T10:00:00Z' }];
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		let slow = false;
		const fetch = async () => {
			if (slow) await gate;
			return [...data];
		};
		const staticData: IDataObject = {};
		await pollForChanges.call(pollContext(staticData, 'trigger'), { ...options, key: 'd', fetch });
		const snapshot = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		data.push({ id: 2, updated: '2026-01-01T11:00:00Z' });
		// Two polls start from the same static data while the first is still fetching.
		slow = true;
		const copyA = JSON.parse(JSON.stringify(snapshot)) as IDataObject;
		const copyB = JSON.parse(JSON.stringify(snapshot)) as IDataObject;
		const a = pollForChanges.call(pollContext(copyA, 'trigger'), { ...options, key: 'd', fetch });
		const b = pollForChanges.call(pollContext(copyB, 'trigger'), { ...options, key: 'd', fetch });
		release();
		const emitted = [...((await a) ?? [[]])[0], ...((await b) ?? [[]])[0]].map((i) => i.json.id);
		expect(emitted).toEqual([2]);
		// The same poll run again with the static data from before (its save was lost): nothing again.
		slow = false;
		const again = await pollForChanges.call(
			pollContext(JSON.parse(JSON.stringify(snapshot)), 'trigger'),
			{ ...options, key: 'd', fetch },
		);
		expect(again).toBeNull();
		// A trigger whose state was reset (new static data) is not confused with a stale copy.
		const fresh: IDataObject = {};
		expect(
			await pollForChanges.call(pollContext(fresh, 'trigger'), { ...options, key: 'd', fetch }),
		).toBeNull();
		data.push({ id: 3, updated: '2026-01-01T12:00:00Z' });
		const next = await pollForChanges.call(pollContext(fresh, 'trigger'), {
			...options,
			key: 'd',
			fetch,
		});
		expect(next?.[0].map((i) => i.json.id)).toEqual([3]);
	});
});

describe('validation', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { DateTime } = require('luxon');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { requireGuid, requireNumber } = require('../../packages/shared/validation');
	const { toDateOnly } = require('../../packages/shared/dates');
	const node = { name: 'X' } as never;

	it('accepts ISO strings, Dates and luxon DateTimes ($now, $today) as dates', () => {
		expect(toDateOnly(node, 0, 'Date', '2026-11-23T15:00:00.000+01:00')).toBe('2026-11-23');
		expect(toDateOnly(node, 0, 'Date', new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-23');
		expect(
			toDateOnly(
				node,
				0,
				'Date',
				DateTime.fromISO('2026-02-28T23:30:00', { zone: 'Europe/Stockholm' }),
			),
		).toBe('2026-02-28');
	});

	it('names the field and the row (counted from 1) for bad values', () => {
		expect(() => toDateOnly(node, 2, 'Date', '2026-02-30')).toThrow(
			'Date: is not a real calendar date: "2026-02-30" (row 3)',
		);
		expect(() => toDateOnly(node, 1, 'Date', 'tomorrow')).toThrow(
			'Date: must be a date like 2025-07-01 or a date and time like 2025-07-01T08:30, got "tomorrow" (row 2)',
		);
		expect(() => requireGuid(node, 0, 'Project ID', '123')).toThrow(/Project ID: must be a GUID/);
		expect(() => requireNumber(node, 3, 'Hours', 'abc', { exclusiveMin: 0 })).toThrow(
			'Hours: must be a number, got "abc" (row 4)',
		);
		expect(() => requireNumber(node, 3, 'Hours', -1, { exclusiveMin: 0 })).toThrow(
			'Hours: must be greater than 0, got -1 (row 4)',
		);
	});
});
