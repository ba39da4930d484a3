/**
 * The shared helper against the error n8n 1.x throws (n8n 1.123.81 = n8n-core 1.122.48 + n8n-workflow 1.120.31).
 *
 * 1.x's `httpRequestWithAuthentication` does what 2.x does: axios throws, and the AxiosError is wrapped in
 * `new NodeApiError(node, error)`. But 1.x's ExecutionBaseError declares `cause` as a class field, which
 * resets the `cause` that Error's constructor had just set: the NodeApiError arrives with `cause: undefined`.
 * What survives is `httpCode` ("422", or "ECONNREFUSED" for a network error), `context.data` (a JSON object
 * body) and `messages` (axios's texts). No response headers.
 *
 * The errors here are built like 1.x builds them: a real AxiosError (axios 1.18.0, the version both n8n
 * lines use) from a local server, wrapped (a) by our NodeApiError with `cause` then reset the way the 1.x
 * class field resets it, and (b) when `.cache/n8n/n8n-1.123.81` is installed, by the real n8n-workflow 1.x
 * NodeApiError.
 */
import { existsSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';

import axios from 'axios';
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { describeFailure, vendorMessage } from '../../packages/shared/errors';
import { resetPacers } from '../../packages/shared/limiter';
import { rateLimitDelayMs } from '../../packages/shared/retry';
import { vendorRequest } from '../../packages/shared/transport';
import type { VendorProfile } from '../../packages/shared/types';
import { testNode } from '../harness/fake-context';

type Wrap = (axiosError: unknown) => Error;

/** Our NodeApiError, then `cause` reset exactly as 1.x's `cause;` class field does after super(). */
const simulatedOneX: Wrap = (axiosError) => {
	const error = new NodeApiError(testNode, axiosError as never);
	Object.defineProperty(error, 'cause', {
		value: undefined,
		writable: true,
		enumerable: true,
		configurable: true,
	});
	return error;
};

const oneXWorkflow = join(__dirname, '../../.cache/n8n/n8n-1.123.81/node_modules/n8n-workflow');
const realOneX: Wrap | undefined = existsSync(oneXWorkflow)
	? (axiosError) => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const workflow = require(oneXWorkflow) as {
				NodeApiError: new (node: unknown, error: unknown) => Error;
			};
			return new workflow.NodeApiError(testNode, axiosError);
		}
	: undefined;

const builders: Array<[string, Wrap]> = [['simulated 1.x NodeApiError', simulatedOneX]];
if (realOneX) builders.push(['real n8n-workflow 1.120.31 NodeApiError', realOneX]);

let server: http.Server;
let base: string;
let hits: Record<string, number> = {};

beforeAll(async () => {
	server = http.createServer((req, res) => {
		const path = (req.url ?? '').split('?')[0];
		hits[path] = (hits[path] ?? 0) + 1;
		const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
			res.writeHead(status, { 'content-type': 'application/json', ...headers });
			res.end(JSON.stringify(body));
		};
		if (path === '/cenno-422')
			return json(422, { hours: ['must be greater than 0'], date: ["can't be blank"] });
		if (path === '/smenso-400')
			return json(400, { errors: ['The absence overlaps an existing absence.'] });
		if (path === '/rate') {
			if (hits[path] === 1)
				return json(
					429,
					{ message: 'Too many requests', waitInSeconds: 0 },
					{ 'retry-after': '0' },
				);
			return json(200, { ok: true });
		}
		if (path === '/always-429')
			return json(
				429,
				{ message: 'Too many requests' },
				{ 'retry-after': '7', 'x-ratelimit-reset': '1999999999' },
			);
		if (path === '/flaky-reset') {
			if (hits[path] === 1) return req.socket.destroy();
			return json(200, { ok: true });
		}
		if (path === '/slow') return void setTimeout(() => json(200, {}), 2000);
		if (path === '/text-500') {
			res.writeHead(500, { 'content-type': 'text/plain' });
			return res.end('upstream exploded');
		}
		return json(200, { ok: true });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
	hits = {};
	resetPacers();
});

/** What axios (as n8n-core's httpRequest calls it: JSON, a timeout) throws for this URL. */
async function axiosErrorFor(url: string, timeout = 5000): Promise<unknown> {
	try {
		await axios.request({ method: 'GET', url, timeout, headers: { Accept: 'application/json' } });
	} catch (error) {
		return error;
	}
	throw new Error(`expected ${url} to fail`);
}

/** A context whose httpRequestWithAuthentication behaves like n8n 1.x's: axios, then wrap. */
function oneXContext(wrap: Wrap) {
	const calls: string[] = [];
	return {
		calls,
		getNode: () => testNode,
		getCredentials: async () => ({ baseUrl: base, apiKey: 'k-123456789' }),
		helpers: {
			async httpRequestWithAuthentication(
				_type: string,
				request: { url: string; timeout?: number; returnFullResponse?: boolean },
			) {
				calls.push(request.url);
				try {
					const response = await axios.request({
						method: 'GET',
						url: request.url,
						timeout: request.timeout,
						headers: { Accept: 'application/json' },
					});
					return {
						body: response.data,
						headers: { ...response.headers },
						statusCode: response.status,
					};
				} catch (error) {
					throw wrap(error);
				}
			},
		},
	};
}

const profile: VendorProfile = {
	name: 'Cenno',
	credentialType: 'psaCennoApi',
	baseUrl: (c) => String(c.baseUrl),
	paging: { style: 'none' },
	rateLimitBudgetMs: 20_000,
};

describe.each(builders)('describeFailure with the %s', (_label, wrap) => {
	it('the 1.x error has no cause: the status comes from httpCode, the JSON body from context.data', async () => {
		const error = wrap(await axiosErrorFor(`${base}/cenno-422`)) as Error & {
			cause?: unknown;
			httpCode?: string;
		};
		expect(error.cause).toBeUndefined(); // the point of this file
		expect(error.httpCode).toBe('422');
		const info = describeFailure(error);
		expect(info.status).toBe(422);
		expect(info.body).toEqual({ hours: ['must be greater than 0'], date: ["can't be blank"] });
		expect(vendorMessage(info.body)).toBe("hours: must be greater than 0; date: can't be blank");
	});

	it('smenso errors[] reach the message too', async () => {
		const info = describeFailure(wrap(await axiosErrorFor(`${base}/smenso-400`)));
		expect(info.status).toBe(400);
		expect(vendorMessage(info.body)).toBe('The absence overlaps an existing absence.');
	});

	it('429: status and body (waitInSeconds) reachable, headers are not (1.x keeps none)', async () => {
		const info = describeFailure(wrap(await axiosErrorFor(`${base}/always-429`)));
		expect(info.status).toBe(429);
		expect(info.headers).toEqual({});
		expect(info.body).toEqual({ message: 'Too many requests' });
		// So the wait falls back to backoff instead of Retry-After: 7.
		expect(rateLimitDelayMs(info.headers, info.body, 1)).toEqual({
			delayMs: 1000,
			source: 'backoff',
		});
	});

	it('a text body is lost on 1.x: status only', async () => {
		const info = describeFailure(wrap(await axiosErrorFor(`${base}/text-500`)));
		expect(info.status).toBe(500);
		expect(info.body).toBeUndefined();
	});

	it('network errors keep their code (httpCode carries it on 1.x)', async () => {
		const refused = describeFailure(wrap(await axiosErrorFor('http://127.0.0.1:1/x')));
		expect(refused).toMatchObject({ code: 'ECONNREFUSED' });
		expect(refused.status).toBeUndefined();
		const reset = describeFailure(wrap(await axiosErrorFor(`${base}/flaky-reset`)));
		expect(reset).toMatchObject({ code: 'ECONNRESET' });
		expect(reset.status).toBeUndefined();
		const slow = describeFailure(wrap(await axiosErrorFor(`${base}/slow`, 200)));
		expect(slow).toMatchObject({ code: 'ECONNABORTED' });
		expect(slow.status).toBeUndefined();
	});
});

describe.each(builders)('vendorRequest on n8n 1.x errors (%s)', (_label, wrap) => {
	async function failureOf(path: string): Promise<NodeApiError> {
		const ctx = oneXContext(wrap);
		try {
			await vendorRequest.call(ctx as never, profile, { method: 'GET', path, itemIndex: 2 });
		} catch (error) {
			return error as NodeApiError;
		}
		throw new Error('expected a failure');
	}

	it("a Cenno 422 shows the field messages, not 'Cenno answered HTTP 422'", async () => {
		const error = await failureOf('/cenno-422');
		expect(error.message).toBe("hours: must be greater than 0; date: can't be blank");
		expect(error.description).toContain('Cenno answered HTTP 422 (row 3).');
		expect(error.httpCode).toBe('422');
	});

	it('a 429 is waited out and retried', async () => {
		const ctx = oneXContext(wrap);
		const body = await vendorRequest.call(ctx as never, profile, { method: 'GET', path: '/rate' });
		expect(body).toEqual({ ok: true });
		expect(hits['/rate']).toBe(2);
	});

	it('a connection reset on a read is retried', async () => {
		const ctx = oneXContext(wrap);
		const body = await vendorRequest.call(ctx as never, profile, {
			method: 'GET',
			path: '/flaky-reset',
		});
		expect(body).toEqual({ ok: true });
		expect(hits['/flaky-reset']).toBe(2);
	});

	it('connection refused is recognised (and retried) rather than reported as an unknown failure', async () => {
		const ctx = oneXContext(wrap) as ReturnType<typeof oneXContext>;
		const refusedProfile: VendorProfile = { ...profile, baseUrl: () => 'http://127.0.0.1:1' };
		const started = Date.now();
		const error = await vendorRequest
			.call(ctx as never, refusedProfile, {
				method: 'POST',
				path: '/x',
				body: { a: 1 } as IDataObject,
			})
			.catch((e: unknown) => e as NodeApiError);
		expect((error as NodeApiError).message).toBe('Cenno refused the connection');
		expect(ctx.calls).toHaveLength(4); // 1 + 3 retries (1, 2, 4 s), even for a POST
		expect(Date.now() - started).toBeGreaterThanOrEqual(6500);
	}, 20_000);
});
