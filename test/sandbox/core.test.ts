/**
 * The sandbox core that all four vendor simulators share: routing, control endpoints, fault injection,
 * statistics and the two rate-limit windows.
 */
import axios from 'axios';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const {
	createSandbox,
	slidingWindow,
	fixedWindow,
	HttpError,
} = require('../../sandbox/lib/server');

let sandbox: {
	url: string;
	listen: (port?: number) => Promise<string>;
	close: () => Promise<void>;
	reset: () => void;
	stats: { requests: number; byStatus: Record<string, number> };
};
let writes = 0;

const http = axios.create({ validateStatus: () => true });

beforeAll(async () => {
	sandbox = createSandbox({
		name: 'core',
		routes: [
			{
				method: 'GET',
				path: '/things/:id',
				handler: (c: { params: { id: string }; query: Record<string, unknown> }) => ({
					status: 200,
					body: { id: c.params.id, query: c.query },
				}),
			},
			{
				method: 'POST',
				path: '/things',
				handler: (c: { body: { name?: string } }) => {
					if (!c.body?.name) throw new HttpError(422, { name: ["can't be blank"] });
					writes++;
					return { status: 201, body: { id: writes, name: c.body.name } };
				},
			},
		],
		authenticate: (c: { headers: Record<string, string> }) =>
			c.headers.auth === 'good' ? null : { status: 401, body: { message: 'Invalid token' } },
		rateLimitResponse: (retryAfter: number) => ({
			headers: { 'Retry-After': String(retryAfter) },
			body: { waitInSeconds: retryAfter },
		}),
		reset: () => {
			writes = 0;
		},
		snapshot: () => ({ writes }),
	});
	await sandbox.listen(0);
});

afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const auth = { headers: { auth: 'good' } };

it('routes with params, parses repeated query keys and checks auth', async () => {
	const ok = await http.get(`${sandbox.url}/things/7?a=1&a=2&b=x`, auth);
	expect(ok.status).toBe(200);
	expect(ok.data).toEqual({ id: '7', query: { a: ['1', '2'], b: 'x' } });
	const denied = await http.get(`${sandbox.url}/things/7`);
	expect(denied.status).toBe(401);
	expect(denied.data).toEqual({ message: 'Invalid token' });
	const missing = await http.get(`${sandbox.url}/nothing`, auth);
	expect(missing.status).toBe(404);
});

it('answers validation errors thrown by handlers and counts every status', async () => {
	const bad = await http.post(`${sandbox.url}/things`, {}, auth);
	expect(bad.status).toBe(422);
	expect(bad.data).toEqual({ name: ["can't be blank"] });
	await http.post(`${sandbox.url}/things`, { name: 'a' }, auth);
	const stats = (await http.get(`${sandbox.url}/__sandbox/stats`)).data;
	expect(stats.requests).toBe(2);
	expect(stats.byStatus).toEqual({ 201: 1, 422: 1 });
	expect((await http.get(`${sandbox.url}/__sandbox/state`)).data).toEqual({ writes: 1 });
});

it('injects faults over HTTP: 429 storms in the vendor shape, 5xx, resets, malformed JSON, slow answers', async () => {
	await http.post(`${sandbox.url}/__sandbox/faults`, [
		{ type: '429', count: 2, retryAfter: 3, path: '^/things/1$' },
		{ type: '5xx', status: 502, path: '^/things/2$' },
		{ type: 'reset', path: '^/things/3$' },
		{ type: 'malformed', path: '^/things/4$' },
		{ type: 'slow', delayMs: 300, path: '^/things/5$' },
	]);
	const limited = await http.get(`${sandbox.url}/things/1`, auth);
	expect(limited.status).toBe(429);
	expect(limited.headers['retry-after']).toBe('3');
	expect(limited.data).toEqual({ waitInSeconds: 3 });
	expect((await http.get(`${sandbox.url}/things/1`, auth)).status).toBe(429);
	expect((await http.get(`${sandbox.url}/things/1`, auth)).status).toBe(200);
	expect((await http.get(`${sandbox.url}/things/2`, auth)).status).toBe(502);
	await expect(http.get(`${sandbox.url}/things/3`, auth)).rejects.toThrow(
		/socket hang up|ECONNRESET/,
	);
	const malformed = await http.get(`${sandbox.url}/things/4`, {
		...auth,
		responseType: 'text',
		transformResponse: (d) => d,
	});
	expect(() => JSON.parse(malformed.data)).toThrow();
	const started = Date.now();
	expect((await http.get(`${sandbox.url}/things/5`, auth)).status).toBe(200);
	expect(Date.now() - started).toBeGreaterThanOrEqual(290);
});

it('can fail a write after carrying it out (the case where a blind retry would duplicate)', async () => {
	await http.post(`${sandbox.url}/__sandbox/faults`, {
		type: '5xx',
		status: 504,
		method: 'POST',
		beforeHandler: false,
	});
	const response = await http.post(`${sandbox.url}/things`, { name: 'b' }, auth);
	expect(response.status).toBe(504);
	expect((await http.get(`${sandbox.url}/__sandbox/state`)).data).toEqual({ writes: 1 });
});

it('sliding window: more than N in one window is limited; fixed window reports remaining and reset', () => {
	const sliding = slidingWindow({ limit: 4, windowMs: 1000 });
	const results = [0, 100, 200, 300, 400].map((t) => sliding.hit('k', t));
	expect(results.map((r: { limited: boolean }) => r.limited)).toEqual([
		false,
		false,
		false,
		false,
		true,
	]);
	expect(sliding.hit('k', 1001).limited).toBe(false);
	expect(sliding.hit('other', 400).limited).toBe(false);
	const fixed = fixedWindow({ limit: 2, windowMs: 60_000 });
	expect(fixed.hit('k', 0)).toMatchObject({ limited: false, remaining: 1, resetAt: 60_000 });
	expect(fixed.hit('k', 10)).toMatchObject({ limited: false, remaining: 0 });
	expect(fixed.hit('k', 20)).toMatchObject({ limited: true, remaining: 0 });
	expect(fixed.hit('k', 60_000)).toMatchObject({ limited: false, remaining: 1 });
});
