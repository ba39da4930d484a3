'use strict';
/**
 * Sandbox HTTP server core shared by the vendor simulators, one per vendor in vendors.json (dev-only, never
 * shipped).
 *
 * A vendor module declares routes and its own quirks (auth check, rate-limit answer, error shapes);
 * this core supplies: routing with `:params`, query parsing, JSON body parsing, request statistics,
 * fault injection (switchable from tests in-process or over HTTP), and control endpoints:
 *   GET  /__sandbox/stats    → { requests, byStatus, byRoute, rateLimited, log: [last 200] }
 *   POST /__sandbox/reset    → reset state (vendor `reset()`), stats and faults
 *   POST /__sandbox/faults   → body: a fault spec or { clear: true } (see `addFault`)
 *   GET  /__sandbox/state    → vendor `snapshot()` (the records as they are now)
 *   POST /__sandbox/config   → body merged into `sandbox.config` (e.g. rate limits, ticket delay)
 */
const http = require('http');

/** Compile '/v1/Core/Contacts/:id' into a RegExp with named groups. */
function compilePath(pattern) {
	const keys = [];
	const source = pattern
		.replace(/\/+$/, '')
		.replace(/[.+*?^${}()|[\]\\]/g, '\\$&')
		.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, key) => {
			keys.push(key);
			return '([^/]+)';
		});
	return { regex: new RegExp(`^${source}/?$`, 'i'), keys };
}

/** Parse a query string into an object; repeated keys become arrays. */
function parseQuery(searchParams) {
	const query = {};
	for (const [key, value] of searchParams) {
		if (key in query) query[key] = [].concat(query[key], value);
		else query[key] = value;
	}
	return query;
}

class HttpError extends Error {
	constructor(status, body, headers = {}) {
		super(typeof body === 'string' ? body : JSON.stringify(body));
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

/**
 * Fault spec (all fields optional except type):
 *   { type: '429' | '5xx' | 'reset' | 'slow' | 'malformed' | 'status',
 *     count: number of matching requests to affect (default 1; Infinity via -1),
 *     method: 'GET'|'POST'..., path: RegExp source matched against the path,
 *     status: for 5xx/status (default 503), body: for status, retryAfter: seconds for 429,
 *     delayMs: for slow (the request is then handled normally), after: skip this many matches first,
 *     beforeHandler: for 5xx/reset: false = run the handler (the write happens) and then fail }
 */
function createSandbox(options) {
	const {
		name,
		routes = [],
		authenticate = () => null,
		rateLimit = () => null,
		rateLimitResponse = (retryAfter) => ({
			status: 429,
			headers: { 'Retry-After': String(retryAfter) },
			body: { message: 'Too many requests' },
		}),
		notFound = () => ({ status: 404, body: { message: 'Not found' } }),
		errorBody = (status, message) => ({ message }),
		reset = () => {},
		snapshot = () => ({}),
		config = {},
		publicPaths = [],
	} = options;

	const compiled = routes.map((route) => ({
		...route,
		method: route.method.toUpperCase(),
		...compilePath(route.path),
	}));
	const sandbox = {
		name,
		config,
		url: undefined,
		port: undefined,
		server: undefined,
		stats: undefined,
		faults: [],
		sockets: new Set(),
	};

	function resetStats() {
		sandbox.stats = {
			requests: 0,
			byStatus: {},
			byRoute: {},
			rateLimited: 0,
			log: [],
			startedAt: Date.now(),
		};
	}
	resetStats();

	function addFault(spec) {
		if (spec.clear) {
			sandbox.faults = [];
			return;
		}
		const count = spec.count === undefined ? 1 : spec.count < 0 ? Infinity : spec.count;
		sandbox.faults.push({
			...spec,
			count,
			after: spec.after || 0,
			pathRegex: spec.path ? new RegExp(spec.path) : undefined,
		});
	}

	function takeFault(method, path, phase) {
		for (const fault of sandbox.faults) {
			const wantsPhase = fault.beforeHandler === false ? 'after' : 'before';
			if (fault.type === 'slow' && phase !== 'before') continue;
			if (fault.type !== 'slow' && wantsPhase !== phase) continue;
			if (fault.count <= 0) continue;
			if (fault.method && fault.method.toUpperCase() !== method) continue;
			if (fault.pathRegex && !fault.pathRegex.test(path)) continue;
			if (fault.after > 0) {
				fault.after--;
				continue;
			}
			fault.count--;
			return fault;
		}
		return undefined;
	}

	function record(method, path, status, route) {
		sandbox.stats.requests++;
		sandbox.stats.byStatus[status] = (sandbox.stats.byStatus[status] || 0) + 1;
		const key = `${method} ${route || path}`;
		sandbox.stats.byRoute[key] = (sandbox.stats.byRoute[key] || 0) + 1;
		if (status === 429) sandbox.stats.rateLimited++;
		sandbox.stats.log.push({ t: Date.now(), method, path, status });
		if (sandbox.stats.log.length > 200) sandbox.stats.log.shift();
	}

	function write(res, status, body, headers = {}) {
		if (res.writableEnded || res.destroyed) return;
		let payload = '';
		const outHeaders = { ...headers };
		if (body !== undefined && body !== null && !Buffer.isBuffer(body) && typeof body !== 'string') {
			payload = JSON.stringify(body);
			outHeaders['Content-Type'] = outHeaders['Content-Type'] || 'application/json; charset=utf-8';
		} else if (body !== undefined && body !== null) {
			payload = body;
			outHeaders['Content-Type'] = outHeaders['Content-Type'] || 'text/plain; charset=utf-8';
		}
		res.writeHead(status, outHeaders);
		res.end(payload);
	}

	async function control(ctx, res) {
		const action = ctx.path.slice('/__sandbox/'.length);
		if (ctx.method === 'GET' && action === 'stats')
			return write(res, 200, {
				...sandbox.stats,
				faultsPending: sandbox.faults.filter((f) => f.count > 0).length,
			});
		if (ctx.method === 'GET' && action === 'state') return write(res, 200, snapshot());
		if (ctx.method === 'POST' && action === 'reset') {
			sandbox.reset();
			return write(res, 200, { ok: true });
		}
		if (ctx.method === 'POST' && action === 'stats/reset') {
			resetStats();
			return write(res, 200, { ok: true });
		}
		if (ctx.method === 'POST' && action === 'faults') {
			for (const spec of [].concat(ctx.body || [])) addFault(spec);
			return write(res, 200, { ok: true, faults: sandbox.faults.length });
		}
		if (ctx.method === 'POST' && action === 'config') {
			Object.assign(sandbox.config, ctx.body || {});
			return write(res, 200, sandbox.config);
		}
		return write(res, 404, { message: 'unknown sandbox control' });
	}

	async function handle(req, res) {
		const url = new URL(req.url, 'http://sandbox.local');
		const method = req.method.toUpperCase();
		const path = url.pathname;
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const raw = Buffer.concat(chunks);
		let body;
		const type = String(req.headers['content-type'] || '');
		if (raw.length && type.includes('json')) {
			try {
				body = JSON.parse(raw.toString('utf8'));
			} catch {
				record(method, path, 400);
				return write(res, 400, errorBody(400, 'The request body is not valid JSON.'));
			}
		} else if (raw.length) {
			body = raw;
		}
		const ctx = {
			req,
			method,
			path,
			url,
			query: parseQuery(url.searchParams),
			headers: req.headers,
			body,
			rawBody: raw,
			sandbox,
			params: {},
		};

		if (path.startsWith('/__sandbox/')) return control(ctx, res);

		const slow = takeFault(method, path, 'before');
		if (slow && slow.type === 'slow') {
			await new Promise((resolve) => setTimeout(resolve, slow.delayMs || 1000));
		}
		const fault = slow && slow.type !== 'slow' ? slow : undefined;
		if (fault) {
			const outcome = applyFault(fault, ctx, res);
			if (outcome) return;
		}

		let route;
		for (const candidate of compiled) {
			if (candidate.method !== method) continue;
			const match = candidate.regex.exec(path.replace(/\/+$/, '') || '/');
			if (!match) continue;
			route = candidate;
			candidate.keys.forEach((key, i) => (ctx.params[key] = decodeURIComponent(match[i + 1])));
			break;
		}

		try {
			const isPublic = route && (route.public || publicPaths.some((p) => p.test(path)));
			if (!isPublic) {
				const authFailure = await authenticate(ctx);
				if (authFailure) {
					record(method, path, authFailure.status, route && route.path);
					return write(res, authFailure.status, authFailure.body, authFailure.headers);
				}
			}
			const limited = await rateLimit(ctx);
			if (limited) {
				record(method, path, limited.status, route && route.path);
				return write(res, limited.status, limited.body, limited.headers);
			}
			if (!route) {
				const nf = notFound(ctx);
				record(method, path, nf.status);
				return write(res, nf.status, nf.body, nf.headers);
			}
			const result = (await route.handler(ctx)) || { status: 204 };
			const after = takeFault(method, path, 'after');
			if (after) {
				if (applyFault(after, ctx, res)) return;
			}
			record(method, path, result.status || 200, route.path);
			if (result.raw !== undefined) {
				res.writeHead(result.status || 200, result.headers || {});
				return res.end(result.raw);
			}
			return write(res, result.status || 200, result.body, result.headers);
		} catch (error) {
			if (error instanceof HttpError) {
				record(method, path, error.status, route && route.path);
				return write(res, error.status, error.body, error.headers);
			}
			record(method, path, 500, route && route.path);
			// eslint-disable-next-line no-console
			console.error(`[${name} sandbox] ${method} ${path}:`, error);
			return write(res, 500, errorBody(500, 'Internal server error'));
		}
	}

	/** Returns true when the fault produced the whole response. */
	function applyFault(fault, ctx, res) {
		const { method, path } = ctx;
		switch (fault.type) {
			case '429': {
				const answer = rateLimitResponse(
					fault.retryAfter === undefined ? 1 : fault.retryAfter,
					ctx,
					fault,
				);
				record(method, path, 429);
				write(res, 429, answer.body, answer.headers);
				return true;
			}
			case '5xx':
			case 'status': {
				const status = fault.status || 503;
				record(method, path, status);
				write(
					res,
					status,
					fault.body !== undefined ? fault.body : errorBody(status, 'Service unavailable'),
					fault.headers,
				);
				return true;
			}
			case 'reset':
				record(method, path, 0);
				ctx.req.socket.destroy();
				return true;
			case 'malformed':
				record(method, path, 200);
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end('{"data": [ {"id": 1,, ');
				return true;
			default:
				return false;
		}
	}

	sandbox.reset = () => {
		reset();
		resetStats();
		sandbox.faults = [];
	};
	sandbox.addFault = addFault;
	sandbox.clearFaults = () => (sandbox.faults = []);
	sandbox.resetStats = resetStats;

	sandbox.listen = (port = 0, host = '127.0.0.1') =>
		new Promise((resolve, reject) => {
			const server = http.createServer((req, res) => {
				handle(req, res).catch((error) => {
					// eslint-disable-next-line no-console
					console.error(`[${name} sandbox]`, error);
					if (!res.headersSent) write(res, 500, errorBody(500, 'Internal server error'));
				});
			});
			server.keepAliveTimeout = 5000;
			server.on('connection', (socket) => {
				sandbox.sockets.add(socket);
				socket.on('close', () => sandbox.sockets.delete(socket));
			});
			server.once('error', reject);
			server.listen(port, host, () => {
				sandbox.server = server;
				sandbox.port = server.address().port;
				sandbox.url = `http://${host}:${sandbox.port}`;
				resolve(sandbox.url);
			});
		});

	sandbox.close = () =>
		new Promise((resolve) => {
			if (!sandbox.server) return resolve();
			for (const socket of sandbox.sockets) socket.destroy();
			sandbox.server.close(() => resolve());
		});

	return sandbox;
}

/**
 * Sliding-window limiter for sandboxes: at most `limit` requests per `windowMs` per key.
 * Returns { limited: false, remaining, resetAt } or { limited: true, retryAfterSeconds, resetAt }.
 */
function slidingWindow({ limit, windowMs }) {
	const hits = new Map();
	return {
		hit(key, now = Date.now()) {
			const list = (hits.get(key) || []).filter((t) => t > now - windowMs);
			if (list.length >= limit) {
				hits.set(key, list);
				const resetAt = list[0] + windowMs;
				return {
					limited: true,
					retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
					resetAt,
					remaining: 0,
				};
			}
			list.push(now);
			hits.set(key, list);
			return { limited: false, remaining: limit - list.length, resetAt: list[0] + windowMs };
		},
		reset() {
			hits.clear();
		},
	};
}

/**
 * Fixed-window limiter (as RM documents: X-RateLimit-Limit/Remaining/Reset with an epoch-second reset).
 */
function fixedWindow({ limit, windowMs }) {
	const windows = new Map();
	return {
		hit(key, now = Date.now()) {
			let w = windows.get(key);
			if (!w || now >= w.resetAt) {
				w = { count: 0, resetAt: now + windowMs };
				windows.set(key, w);
			}
			if (w.count >= limit) return { limited: true, remaining: 0, resetAt: w.resetAt, limit };
			w.count++;
			return { limited: false, remaining: limit - w.count, resetAt: w.resetAt, limit };
		},
		reset() {
			windows.clear();
		},
	};
}

/** Deterministic pseudo-random generator for seeded data (mulberry32). */
function seededRandom(seed = 42) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** POST JSON to a URL (used by sandboxes that deliver webhooks). Resolves { status } or { error }. */
function postJson(targetUrl, payload, timeoutMs = 5000) {
	return new Promise((resolve) => {
		const data = Buffer.from(JSON.stringify(payload));
		const req = http.request(
			targetUrl,
			{
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'Content-Length': data.length },
				timeout: timeoutMs,
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve({ status: res.statusCode }));
			},
		);
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', (error) => resolve({ error: error.message }));
		req.end(data);
	});
}

module.exports = {
	createSandbox,
	HttpError,
	slidingWindow,
	fixedWindow,
	seededRandom,
	postJson,
	parseQuery,
};
