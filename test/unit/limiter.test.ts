/**
 * The per-credential pacer: even spacing under the ceiling in one process, pausing (not slowing) when the
 * server says "wait", and convergence when several processes (n8n queue-mode workers) share one credential
 * without seeing each other. Everything runs on simulated time (test/unit/limiter-sim.ts): no assertion
 * depends on how busy the machine is.
 */
import { Pacer } from '../../packages/shared/limiter';
import { recoverySeconds, simulate, VirtualTime } from './limiter-sim';

// LIMITER_SIM_SHOW=1 prints each simulation's figures (for tuning Pacer.tuning).
// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals
const SHOW = process.env.LIMITER_SIM_SHOW === '1';
const show = (
	label: string,
	r: {
		requests: number;
		limited: number;
		okPerSecond: number;
		seconds: number;
		limitedAt: number[];
	},
	ceiling: number,
) => {
	if (!SHOW) return;
	const buckets: number[] = [];
	for (const t of r.limitedAt) buckets[Math.floor(t / 60)] = (buckets[Math.floor(t / 60)] ?? 0) + 1;
	// eslint-disable-next-line no-console
	console.log(
		`${label}: ${r.requests} requests, ${r.limited} × 429 (${((100 * r.limited) / r.requests).toFixed(2)} %), ${(r.okPerSecond / ceiling).toFixed(3)} × ceiling, ${r.seconds.toFixed(1)} s; 429s per minute: ${Array.from(buckets, (b) => b ?? 0).join(' ')}`,
	);
};

describe('one process', () => {
	it('reaches at least 95 % of the ceiling with zero 429s', async () => {
		const result = await simulate({ workers: 1, ceiling: 4, perWorker: 1000, threads: 3 });
		show('1 worker', result, 4);
		expect(result.limited).toBe(0);
		expect(result.okPerSecond).toBeGreaterThanOrEqual(0.95 * 4);
		expect(result.okPerSecond).toBeLessThanOrEqual(4);
	});

	it('told to wait by a 429 storm (4 × Retry-After: 3), pauses and is back at ≥ 0.9 × the ceiling within 10 s', async () => {
		const result = await simulate({
			workers: 1,
			ceiling: 4,
			perWorker: 200,
			threads: 2,
			storm: { afterOk: 40, count: 4, retryAfterS: 3 },
		});
		show('storm', result, 4);
		expect(result.limited).toBe(4);
		expect(result.pacers[0].cuts).toBe(0);
		expect(result.pacers[0].level).toBe(4);
		const recovery = recoverySeconds(result.limitedAt, result.okAt, 4);
		// eslint-disable-next-line no-console
		if (SHOW) console.log(`recovery after 429 storm: ${recovery.toFixed(1)} s`);
		expect(recovery).toBeLessThanOrEqual(10);
		// 200 requests at 4/s ≈ 50 s, plus one 3 s pause per 429 of the storm (each retry waits again).
		expect(result.seconds).toBeLessThan(50 + 4 * 3 + 5);
	});

	it('a lone 429 pauses every caller of the credential until the reset, without cutting the pace', () => {
		const now = 0;
		const pacer = new Pacer(4, 0.04, { now: () => now });
		expect(pacer.reserve()).toBe(0);
		pacer.onSuccess();
		pacer.onRateLimited(2000, 'Retry-After');
		expect(pacer.reserve()).toBe(2000);
		expect(pacer.rate).toBe(4);
		expect(pacer.cuts).toBe(0);
	});

	it('429s that repeat at our own pace cut the pace in whole steps; it steps back up within seconds once they stop', () => {
		let now = 0;
		const pacer = new Pacer(4, 0.04, { now: () => now });
		pacer.onSuccess();
		pacer.onRateLimited(1000, 'Retry-After');
		now = 5000;
		pacer.onSuccess();
		pacer.onRateLimited(6000, 'Retry-After');
		expect(pacer.cuts).toBe(1);
		expect(pacer.level).toBe(2);
		expect(pacer.rate).toBe(2);
		// No further 429: one step up after about 20 s (± a random quarter, so workers cut together do not all
		// step up together), the next one about 20 s later: full pace again well within a minute.
		now = 6000 + 25_000;
		pacer.reserve();
		expect(pacer.level).toBe(3);
		now = 31_000 + 25_000;
		pacer.reserve();
		expect(pacer.level).toBe(4);
		expect(pacer.rate).toBe(4);
	});

	it('an unpaced vendor is only paused by a single 429; pacing starts when 429s repeat', () => {
		let now = 0;
		const pacer = new Pacer(undefined, 0.04, { now: () => now });
		pacer.onRateLimited(1000);
		expect(pacer.rate).toBe(Infinity);
		expect(pacer.reserve()).toBe(1000);
		now = 3000;
		pacer.onSuccess();
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
		const now = 0;
		const pacer = new Pacer(undefined, 0.04, { now: () => now });
		pacer.onSuccess(1000, 60_000, 1000);
		pacer.reserve();
		// One request of ours, but the window dropped by 4: three others share the token.
		pacer.onSuccess(996, 60_000, 1000);
		expect(pacer.interval()).toBeCloseTo(60_000 / (996 * 0.25), 0);
	});

	it('guards "N per second" on real response times: a late send cannot crowd N + 1 arrivals into one second', async () => {
		const vt = new VirtualTime();
		const pacer = new Pacer(4, 0.04, { now: () => vt.now, sleep: vt.sleep });
		const starts: number[] = [];
		await vt.run(
			(async () => {
				// The first request is slow (as when n8n exchanges a token inside it); the next ones are fast.
				const first = await pacer.acquire();
				await vt.sleep(300);
				first();
				for (let i = 0; i < 4; i++) {
					const release = await pacer.acquire();
					starts.push(vt.now);
					release();
				}
			})(),
		);
		// Even spacing alone would send the fifth request at 1.04 s; the guard holds it to 1 s after the
		// first response (0.3 s + 1 s).
		expect(starts[3]).toBe(1300);
		expect(starts[0]).toBeLessThan(400);
	});
});

describe('queue mode: several processes on one credential, none of which can see the others', () => {
	it.each([1, 2, 3, 5, 8])(
		'3 blind workers (Blikk: 4 per sliding second, no headers; seed %i): ≤ 1 %% 429s, ≥ 0.75 × the ceiling, every item done',
		async (seed) => {
			const result = await simulate({
				workers: 3,
				ceiling: 4,
				perWorker: 1000,
				threads: 1,
				jitterMs: 30,
				seed,
			});
			show(`3 blind workers, seed ${seed}`, result, 4);
			expect(result.limited / result.requests).toBeLessThanOrEqual(0.01);
			expect(result.ok).toBe(3000);
			expect(result.okPerSecond).toBeGreaterThanOrEqual(0.75 * 4);
		},
	);

	it('2 blind workers: ≤ 1 % 429s and every item done', async () => {
		const result = await simulate({ workers: 2, ceiling: 4, perWorker: 1000, threads: 1 });
		show('2 blind workers', result, 4);
		expect(result.limited / result.requests).toBeLessThanOrEqual(0.01);
		expect(result.ok).toBe(2000);
		// Two workers can share 2 + 2 but may sit at 2 + 1 or 1 + 1 for minutes once their steps up have
		// failed a few times (the delay between steps doubles up to 5 minutes): slower, never noisier.
		expect(result.okPerSecond).toBeGreaterThanOrEqual(0.55 * 4);
	});

	it('3 blind workers with two items in flight each stay near 1 % 429s', async () => {
		const result = await simulate({
			workers: 3,
			ceiling: 4,
			perWorker: 1000,
			threads: 2,
			seed: 11,
		});
		show('3 blind workers × 2 threads', result, 4);
		// Seeds 1-8 give 0.6-0.9 %; this one 1.1 % (two requests in flight turn one collision into two 429s).
		expect(result.limited / result.requests).toBeLessThanOrEqual(0.015);
		expect(result.okPerSecond).toBeGreaterThanOrEqual(0.75 * 4);
	});

	it('3 workers with X-RateLimit headers (Resource Management: 60 per 10 s fixed window) reach ≥ 0.9 × the ceiling', async () => {
		const result = await simulate({
			workers: 3,
			ceiling: 60,
			windowMs: 10_000,
			server: 'fixed',
			perWorker: 400,
		});
		show('3 workers, headers', result, 6);
		expect(result.ok).toBe(1200);
		expect(result.okPerSecond).toBeGreaterThanOrEqual(0.9 * 6);
	});
});
