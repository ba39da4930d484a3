/**
 * The per-credential pacer: even spacing under the ceiling in one process, and convergence when several
 * processes (n8n queue-mode workers) share one credential without seeing each other.
 */
import { Pacer } from '../../nodes/shared/limiter';
import { simulate } from './limiter-sim';

it('one process: reaches at least 95 % of the ceiling with zero 429s', () => {
	const result = simulate({ workers: 1, ceiling: 4, perWorker: 1000, threads: 3 });
	expect(result.limited).toBe(0);
	expect(result.okPerSecond).toBeGreaterThanOrEqual(0.95 * 4);
	expect(result.okPerSecond).toBeLessThanOrEqual(4);
});

it.each([2, 3])('%i workers on one credential: at most 1 %% of requests get a 429, and every item completes', (workers) => {
	const result = simulate({ workers, ceiling: 4, perWorker: 1000, threads: 2 });
	expect(result.limited / result.requests).toBeLessThanOrEqual(0.01);
	expect(result.ok).toBe(workers * 1000);
	expect(result.okPerSecond).toBeGreaterThanOrEqual(0.6 * 4);
});

it('a 429 pauses every caller of the credential until the reset, halves the pace, and the pace recovers', () => {
	let now = 0;
	const pacer = new Pacer(4, 0.04, { now: () => now });
	expect(pacer.reserve()).toBe(0);
	pacer.onRateLimited(2000);
	expect(pacer.reserve()).toBe(2000);
	expect(pacer.rate).toBeCloseTo(2);
	now = 60_000;
	pacer.reserve();
	expect(pacer.rate).toBeGreaterThan(2);
	expect(pacer.rate).toBeLessThan(2.2);
	now = 600_000;
	pacer.reserve();
	expect(pacer.rate).toBe(4);
});

it('an unpaced vendor is only paused by a single 429', () => {
	let now = 0;
	const pacer = new Pacer(undefined, 0.04, { now: () => now });
	pacer.onRateLimited(1000);
	expect(pacer.rate).toBe(Infinity);
	expect(pacer.reserve()).toBe(1000);
	now = 3000;
	pacer.onRateLimited(4000);
	expect(pacer.rate).toBe(5);
});

it('spreads what is left of an X-RateLimit window when it runs low', () => {
	let now = 0;
	const pacer = new Pacer(undefined, 0.04, { now: () => now });
	pacer.onSuccess(100, 60_000, 120);
	expect(pacer.interval()).toBe(0);
	pacer.onSuccess(10, 60_000, 120);
	now = 10_000;
	expect(pacer.interval()).toBeGreaterThanOrEqual(5000);
});

it('notices other consumers of the token from X-RateLimit-Remaining and slows to its share', () => {
	let now = 0;
	const pacer = new Pacer(undefined, 0.04, { now: () => now });
	pacer.onSuccess(1000, 60_000, 1000);
	pacer.reserve();
	// One request of ours, but the window dropped by 4: three others share the token.
	pacer.onSuccess(996, 60_000, 1000);
	expect(pacer.interval()).toBeCloseTo(60_000 / (996 * 0.25), 0);
});

it('guards "N per second" on real response times: a late send cannot crowd N + 1 arrivals into one second', async () => {
	const pacer = new Pacer(4);
	const started = Date.now();
	// The first request is slow (as when n8n exchanges a token inside it); the next ones are fast.
	const first = await pacer.acquire();
	await new Promise((r) => setTimeout(r, 300));
	first();
	const starts: number[] = [];
	for (let i = 0; i < 4; i++) {
		const release = await pacer.acquire();
		starts.push(Date.now() - started);
		release();
	}
	// Even spacing alone would send the fifth request at ~1.04 s; the guard holds it to 1 s after the
	// first response (0.3 s + 1 s).
	expect(starts[3]).toBeGreaterThanOrEqual(1290);
	expect(starts[0]).toBeLessThan(400);
});
