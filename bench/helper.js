'use strict';
/**
 * Part A of `npm run bench`: the shared request helper (compiled: the copy in the first package's dist/shared) driven through a
 * small fake n8n context against a local server made with sandbox/lib/server.js. No n8n needed.
 *
 *   1. listing N records: requests made vs ceil(N / max page size), linkNext and pageCount paging
 *   2. paced requests: achieved requests/second vs the ceiling, 429s (400 at 20 req/s and 100 at 4 req/s,
 *      run at the same time on two credentials: they must not slow each other)
 *   3. the server starts throttling mid-run (its ceiling halves, as when another client shares the token):
 *      429s and wall time vs the physical limit; a server that only answers 429 + Retry-After, and one
 *      that sends X-RateLimit-Limit/Remaining/Reset headers on every answer
 *   4. a 429 storm mid-run (4 × 429 with Retry-After: 3 at 4 req/s): seconds from the last 429 until the
 *      trailing 10-request pace is back at ≥ 0.9 × the ceiling (issue #14: ≤ 10 s)
 */
const path = require('path');
const { createSandbox, HttpError } = require('../sandbox/lib/server');
const { fakeContext } = require('../test/harness/fake-context');
/** The bench servers read an X-Api-Key header. */
const API_KEY = { name: 'X-Api-Key', field: 'apiKey' };

const DIST = path.join(require('../scripts/lib/vendors').vendors()[0].dir, 'dist', 'shared');

function loadHelper() {
	try {
		return {
			transport: require(path.join(DIST, 'transport.js')),
			paging: require(path.join(DIST, 'paging.js')),
			limiter: require(path.join(DIST, 'limiter.js')),
		};
	} catch (error) {
		throw new Error(`Build first (npm run build): cannot load ${DIST}: ${error.message}`);
	}
}

/** A local API with both paging styles, per-key sliding-window (or fixed-window + headers) ceilings. */
function createBenchServer() {
	const config = {
		records: 10_000,
		ceilings: {},
		style: 'retryAfter',
		throttleAfter: {},
		throttledCeiling: {},
	};
	const hits = new Map(); // key → timestamps (sliding window, 1 s)
	const windows = new Map(); // key → { count, resetAt } (fixed window, 1 s)
	const served = new Map(); // key → successful requests so far
	const records = (from, to) => {
		const out = [];
		for (let i = from; i < Math.min(to, config.records); i++)
			out.push({ id: i + 1, name: `Record ${i + 1}` });
		return out;
	};
	const ceilingOf = (key) => {
		const after = config.throttleAfter[key];
		if (after !== undefined && (served.get(key) || 0) >= after) return config.throttledCeiling[key];
		return config.ceilings[key];
	};
	const sandbox = createSandbox({
		name: 'bench',
		config,
		authenticate: (ctx) =>
			ctx.headers['x-api-key'] ? null : { status: 401, body: { message: 'Missing key' } },
		rateLimit: (ctx) => {
			const key = ctx.headers['x-api-key'];
			const limit = ceilingOf(key);
			if (!limit) return null;
			const now = Date.now();
			if (config.style === 'rateLimitHeaders') {
				let w = windows.get(key);
				if (!w || now >= w.resetAt) {
					w = { count: 0, resetAt: Math.ceil((now + 1) / 1000) * 1000 };
					windows.set(key, w);
				}
				const headers = {
					'X-RateLimit-Limit': String(limit),
					'X-RateLimit-Reset': String(Math.round(w.resetAt / 1000)),
				};
				if (w.count >= limit) {
					return {
						status: 429,
						headers: { ...headers, 'X-RateLimit-Remaining': '0' },
						body: { message: 'Rate limit exceeded' },
					};
				}
				w.count++;
				ctx.rateHeaders = { ...headers, 'X-RateLimit-Remaining': String(limit - w.count) };
				served.set(key, (served.get(key) || 0) + 1);
				return null;
			}
			const list = (hits.get(key) || []).filter((t) => t > now - 1000);
			if (list.length >= limit) {
				hits.set(key, list);
				const wait = Math.max(1, Math.ceil((list[0] + 1000 - now) / 1000));
				return {
					status: 429,
					headers: { 'Retry-After': String(wait) },
					body: { waitInSeconds: wait },
				};
			}
			list.push(now);
			hits.set(key, list);
			served.set(key, (served.get(key) || 0) + 1);
			return null;
		},
		routes: [
			{
				method: 'GET',
				path: '/linknext/items',
				handler: (ctx) => {
					const perPage = Number(ctx.query.per_page || 20);
					const page = Number(ctx.query.page || 1);
					if (perPage > 1000)
						throw new HttpError(400, { message: 'per_page must be at most 1000' });
					const data = records((page - 1) * perPage, page * perPage);
					const more = page * perPage < config.records;
					return {
						status: 200,
						headers: ctx.rateHeaders,
						body: {
							data,
							paging: {
								self: `/linknext/items?page=${page}&per_page=${perPage}`,
								next: more ? `/linknext/items?page=${page + 1}&per_page=${perPage}` : null,
							},
						},
					};
				},
			},
			{
				method: 'GET',
				path: '/pagecount/items',
				handler: (ctx) => {
					const page = Number(ctx.query.page);
					const pageSize = Number(ctx.query.pageSize || 25);
					if (!page)
						throw new HttpError(400, {
							message: 'The request is invalid.',
							modelState: { page: ['page is required'] },
						});
					if (pageSize > 100)
						throw new HttpError(400, {
							message: 'The request is invalid.',
							modelState: { pageSize: ['1..100'] },
						});
					return {
						status: 200,
						headers: ctx.rateHeaders,
						body: {
							page,
							pageSize,
							totalItemCount: config.records,
							totalPages: Math.ceil(config.records / pageSize),
							items: records((page - 1) * pageSize, page * pageSize),
						},
					};
				},
			},
			{
				method: 'POST',
				path: '/things',
				handler: (ctx) => ({
					status: 201,
					headers: ctx.rateHeaders,
					body: { id: Math.floor(Math.random() * 1e9), ...(ctx.body || {}) },
				}),
			},
			{
				method: 'GET',
				path: '/ping',
				handler: (ctx) => ({ status: 200, headers: ctx.rateHeaders, body: { ok: true } }),
			},
		],
	});
	sandbox.resetKeys = () => {
		hits.clear();
		windows.clear();
		served.clear();
	};
	return sandbox;
}

function profile(name, baseUrl, requestsPerSecond, paging) {
	return {
		name,
		credentialType: `${name.toLowerCase()}Api`,
		baseUrl: (c) => c.baseUrl,
		requestsPerSecond,
		limiterKey: (c) => c.apiKey,
		paging: paging || { style: 'none' },
		rateLimitBudgetMs: 300_000,
	};
}

const LINK_NEXT = {
	style: 'linkNext',
	pageSizeParam: 'per_page',
	maxPageSize: 1000,
	itemsKey: 'data',
	nextPath: ['paging', 'next'],
};
const PAGE_COUNT = {
	style: 'pageCount',
	pageParam: 'page',
	pageSizeParam: 'pageSize',
	maxPageSize: 100,
	itemsKey: 'items',
	totalPagesKey: 'totalPages',
	firstPage: 1,
};

function count429(server) {
	return server.stats.byStatus['429'] || 0;
}

async function listing(helper, server, { n, ceiling, style }) {
	const key = `list-${style}-${n}`;
	server.config.records = n;
	server.config.ceilings[key] = ceiling;
	server.resetStats();
	const paging = style === 'linkNext' ? LINK_NEXT : PAGE_COUNT;
	const ctx = fakeContext({
		credentials: { baseUrl: server.url, apiKey: key },
		authHeader: API_KEY,
	});
	const started = Date.now();
	const rows = await helper.paging.vendorRequestAll.call(
		ctx,
		profile(style, server.url, ceiling, paging),
		{ method: 'GET', path: style === 'linkNext' ? '/linknext/items' : '/pagecount/items' },
		{ returnAll: true },
	);
	const wall = (Date.now() - started) / 1000;
	const ids = new Set(rows.map((r) => r.id));
	const needed = Math.ceil(n / paging.maxPageSize);
	return {
		job: `list ${n} (${style}, page ≤ ${paging.maxPageSize}, ${ceiling} req/s)`,
		requests: server.stats.requests,
		needed,
		records: rows.length,
		unique: ids.size,
		r429: count429(server),
		wall,
		limit: Math.max(0, (needed - 1) / ceiling),
	};
}

/** `count` sequential POSTs (one per item, as a node loops over items) on one credential. */
async function paced(helper, server, { count, ceiling, key, method = 'POST' }) {
	server.config.ceilings[key] = ceiling;
	const ctx = fakeContext({
		credentials: { baseUrl: server.url, apiKey: key },
		authHeader: API_KEY,
	});
	const prof = profile('Paced', server.url, ceiling);
	const started = Date.now();
	let failed = 0;
	for (let i = 0; i < count; i++) {
		try {
			await helper.transport.vendorRequest.call(
				ctx,
				prof,
				method === 'POST'
					? { method: 'POST', path: '/things', body: { i }, itemIndex: i }
					: { method: 'GET', path: '/ping', itemIndex: i },
			);
		} catch {
			failed++;
		}
	}
	const wall = (Date.now() - started) / 1000;
	// Every call that was not one of the `count` successes was answered 429 (no other faults here).
	const r429 = ctx.calls.length - count + failed;
	return {
		job: `${count} paced ${method}s at ${ceiling} req/s`,
		requests: ctx.calls.length,
		r429,
		failed,
		wall,
		limit: (count - 1) / ceiling,
		// Send intervals per second: (count - 1) / wall, so a short run is not flattered by its first free request.
		achieved: (count - 1) / wall,
		ceiling,
	};
}

async function throttledMidRun(helper, server, { count, ceiling, lowered, after, style }) {
	const key = `throttle-${style}`;
	server.config.style = style;
	server.config.ceilings[key] = ceiling;
	server.config.throttleAfter[key] = after;
	server.config.throttledCeiling[key] = lowered;
	const result = await paced(helper, server, { count, ceiling, key });
	server.config.style = 'retryAfter';
	return {
		...result,
		job: `${count} POSTs, ceiling ${ceiling} → ${lowered} req/s after ${after} (${style === 'rateLimitHeaders' ? 'X-RateLimit headers' : '429 + Retry-After only'})`,
		limit: (after - 1) / ceiling + (count - after) / lowered,
	};
}

/**
 * Seconds from the last 429 until the trailing `n` successful requests (n − 1 intervals, all after the last
 * 429) run at ≥ `fraction` × `ceiling`. Infinity if never.
 */
function recoverySeconds(log, ceiling, fraction = 0.9, n = 10) {
	const limited = log.filter((e) => e.status === 429).map((e) => e.t);
	if (!limited.length) return 0;
	const last = Math.max(...limited);
	const after = log
		.filter((e) => e.status < 300 && e.t > last)
		.map((e) => e.t)
		.sort((a, b) => a - b);
	for (let i = n - 1; i < after.length; i++) {
		const pace = ((n - 1) * 1000) / (after[i] - after[i - n + 1]);
		if (pace >= fraction * ceiling) return (after[i] - last) / 1000;
	}
	return Infinity;
}

/**
 * A 429 storm in the middle of a paced run (issue #14): after `after` requests the server answers the next
 * `storm` requests with 429 and `Retry-After: <retryAfter>` (whatever the pace), then serves normally again.
 * The server said *wait*, not *slower*: the pace should be back at the ceiling within seconds.
 */
async function stormMidRun(helper, server, { count, ceiling, after, storm, retryAfter }) {
	const key = `storm-${ceiling}`;
	server.config.ceilings[key] = ceiling;
	server.resetStats();
	server.addFault({
		type: '429',
		method: 'POST',
		path: '^/things$',
		after,
		count: storm,
		retryAfter,
	});
	const result = await paced(helper, server, { count, ceiling, key });
	server.clearFaults();
	const log = server.stats.log.filter((e) => e.method === 'POST');
	const limitedAt = log.filter((e) => e.status === 429).map((e) => e.t);
	return {
		...result,
		job: `${count} POSTs at ${ceiling} req/s; after ${after}, ${storm} × 429 with Retry-After: ${retryAfter}`,
		r429: limitedAt.length,
		limit: (count - 1) / ceiling + storm * retryAfter,
		recovery: recoverySeconds(log, ceiling),
		stormSeconds: limitedAt.length ? (Math.max(...limitedAt) - Math.min(...limitedAt)) / 1000 : 0,
	};
}

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : String(n));

async function runHelperBench({ quick = false, log = console.log } = {}) {
	const helper = loadHelper();
	const server = createBenchServer();
	await server.listen(0, '127.0.0.1');
	const results = { listings: [], paced: [], throttled: [], storm: null };
	try {
		log('\n## A. Shared helper micro-benchmark (no n8n)\n');
		// 1. listings
		const sizes = quick ? [5_000] : [5_000, 50_000];
		for (const n of sizes) {
			for (const style of ['linkNext', 'pageCount']) {
				const ceiling = style === 'pageCount' && n >= 50_000 ? 50 : 20;
				results.listings.push(await listing(helper, server, { n, ceiling, style }));
			}
		}
		log('| listing | requests | ceil(N / max page) | records | unique | 429s | wall s | limit s |');
		log('|---|---:|---:|---:|---:|---:|---:|---:|');
		for (const r of results.listings) {
			log(
				`| ${r.job} | ${r.requests} | ${r.needed} | ${r.records} | ${r.unique} | ${r.r429} | ${fmt(r.wall, 2)} | ${fmt(r.limit, 2)} |`,
			);
		}

		// 2. paced requests, two independent credentials at once
		server.resetStats();
		const a = quick ? { count: 200, ceiling: 20 } : { count: 400, ceiling: 20 };
		const b = quick ? { count: 40, ceiling: 4 } : { count: 100, ceiling: 4 };
		results.paced = await Promise.all([
			paced(helper, server, { ...a, key: 'paced-20' }),
			paced(helper, server, { ...b, key: 'paced-4' }),
		]);
		log(
			'\n| paced writes (two credentials at the same time) | requests | 429s | failed | wall s | limit s | achieved req/s | × ceiling |',
		);
		log('|---|---:|---:|---:|---:|---:|---:|---:|');
		for (const r of results.paced) {
			log(
				`| ${r.job} | ${r.requests} | ${r.r429} | ${r.failed} | ${fmt(r.wall, 2)} | ${fmt(r.limit, 2)} | ${fmt(r.achieved, 2)} | ${fmt(r.achieved / r.ceiling, 3)} |`,
			);
		}

		// 3. throttling starts mid-run
		const t = quick
			? { count: 150, ceiling: 20, lowered: 10, after: 50 }
			: { count: 300, ceiling: 20, lowered: 10, after: 100 };
		for (const style of ['retryAfter', 'rateLimitHeaders']) {
			results.throttled.push(await throttledMidRun(helper, server, { ...t, style }));
		}
		log(
			'\n| server throttles mid-run | requests | 429s | failed | wall s | limit s | wall / limit |',
		);
		log('|---|---:|---:|---:|---:|---:|---:|');
		for (const r of results.throttled) {
			log(
				`| ${r.job} | ${r.requests} | ${r.r429} | ${r.failed} | ${fmt(r.wall, 2)} | ${fmt(r.limit, 2)} | ${fmt(r.wall / r.limit, 2)} |`,
			);
		}

		// 4. a 429 storm mid-run (4 req/s, 429 + Retry-After), then recovery
		const st = quick
			? { count: 80, ceiling: 4, after: 30, storm: 4, retryAfter: 3 }
			: { count: 120, ceiling: 4, after: 40, storm: 4, retryAfter: 3 };
		results.storm = await stormMidRun(helper, server, st);
		const r = results.storm;
		log(
			'\n| 429 storm, then recovery | requests | 429s | failed | wall s | limit s | wall / limit | recovery s (to ≥ 0.9 × ceiling) |',
		);
		log('|---|---:|---:|---:|---:|---:|---:|---:|');
		log(
			`| ${r.job} | ${r.requests} | ${r.r429} | ${r.failed} | ${fmt(r.wall, 2)} | ${fmt(r.limit, 2)} | ${fmt(r.wall / r.limit, 2)} | ${fmt(r.recovery, 1)} |`,
		);
		log(
			`\nrecovery after 429 storm: ${fmt(r.recovery, 1)} s to ≥ 0.9 × ceiling (target ≤ 10 s; the storm itself lasted ${fmt(r.stormSeconds, 1)} s)`,
		);
	} finally {
		await server.close();
	}
	return results;
}

module.exports = { runHelperBench, createBenchServer, recoverySeconds };

if (require.main === module) {
	runHelperBench({ quick: process.env.BENCH_QUICK === '1' }).then(
		() => process.exit(0),
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
