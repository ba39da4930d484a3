/**
 * Discrete-event simulation, on virtual time, of N n8n processes (queue-mode workers) sharing one
 * credential, each pacing with its own Pacer through the same `acquire` / `release` / `onRateLimited` /
 * `onSuccess` calls as nodes/shared/transport.ts. Nothing here reads the wall clock: a busy machine changes
 * how long a test takes, never its result.
 *
 * Servers: `sliding` (Blikk: N per sliding second, 429 + Retry-After), `fixed` (Resource Management: N per
 * fixed window with X-RateLimit-Limit/Remaining/Reset on every answer). `storm` makes the server answer a
 * run of 429s with a fixed Retry-After after a given number of successes (to every worker).
 * Used by test/unit/limiter.test.ts.
 */
import { Pacer } from '../../packages/shared/limiter';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { slidingWindow, fixedWindow } = require('../../sandbox/lib/server');

export interface SimResult {
	requests: number;
	ok: number;
	limited: number;
	seconds: number;
	okPerSecond: number;
	/** Times (s) of the 429s, and of each successful request's arrival at the server. */
	limitedAt: number[];
	okAt: number[];
	pacers: Pacer[];
}

/** Virtual time: `sleep` parks a promise until the driver moves the clock to its deadline. */
export class VirtualTime {
	now = 0;

	private seq = 0;

	private timers: Array<{ at: number; seq: number; resolve: () => void }> = [];

	sleep = (ms: number): Promise<void> =>
		new Promise<void>((resolve) =>
			this.timers.push({ at: this.now + Math.max(0, ms), seq: this.seq++, resolve }),
		);

	/** Runs until `done` resolves (timers fire in time order; microtasks settle between them). */
	async run<T>(done: Promise<T>): Promise<T> {
		let finished = false;
		let value: T | undefined;
		void done.then((v) => {
			finished = true;
			value = v;
		});
		for (;;) {
			// Test code: let every promise chain settle before the clock moves.
			// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals
			await new Promise((r) => setImmediate(r));
			if (finished) return value as T;
			if (!this.timers.length) throw new Error('simulation stalled: no timers and not finished');
			let best = 0;
			for (let i = 1; i < this.timers.length; i++) {
				const a = this.timers[i];
				const b = this.timers[best];
				if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) best = i;
			}
			const [timer] = this.timers.splice(best, 1);
			this.now = Math.max(this.now, timer.at);
			timer.resolve();
		}
	}
}

export interface SimOptions {
	workers: number;
	/** What the server allows: N per `windowMs` (default 1 s). */
	ceiling: number;
	windowMs?: number;
	server?: 'sliding' | 'fixed';
	perWorker: number;
	latencyMs?: number;
	jitterMs?: number;
	/** Concurrent callers per worker (items of several executions in one process). */
	threads?: number;
	/** The documented rate the pacer knows (default: ceiling per second for `sliding`, none for `fixed`). */
	paceAt?: number;
	storm?: { afterOk: number; count: number; retryAfterS: number };
	seed?: number;
}

export async function simulate(options: SimOptions): Promise<SimResult> {
	const {
		workers,
		ceiling,
		windowMs = 1000,
		server = 'sliding',
		perWorker,
		latencyMs = 15,
		jitterMs = 10,
		threads = 1,
		storm,
	} = options;
	const paceAt =
		'paceAt' in options
			? options.paceAt
			: server === 'sliding'
				? (ceiling * 1000) / windowMs
				: undefined;
	const vt = new VirtualTime();
	const window =
		server === 'sliding'
			? slidingWindow({ limit: ceiling, windowMs })
			: fixedWindow({ limit: ceiling, windowMs });
	let seed = options.seed ?? 7;
	const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	const clock = { now: () => vt.now, sleep: vt.sleep, random };
	const pacers = Array.from({ length: workers }, () => new Pacer(paceAt, 0.04, clock));
	const remaining = Array.from({ length: workers }, () => perWorker);
	let requests = 0;
	let ok = 0;
	let limited = 0;
	let stormLeft = storm ? storm.count : 0;
	const limitedAt: number[] = [];
	const okAt: number[] = [];

	const thread = async (w: number, offset: number) => {
		const pacer = pacers[w];
		await vt.sleep(offset);
		while (remaining[w] > 0) {
			remaining[w]--;
			for (;;) {
				const release = await pacer.acquire();
				requests++;
				await vt.sleep(random() * jitterMs);
				const arrive = vt.now;
				let answer: {
					status: number;
					waitMs?: number;
					source?: string;
					remaining?: number;
					resetAt?: number;
					limit?: number;
				};
				if (storm && ok >= storm.afterOk && stormLeft > 0) {
					stormLeft--;
					answer = { status: 429, waitMs: storm.retryAfterS * 1000, source: 'Retry-After' };
				} else {
					const hit = window.hit('token', arrive);
					if (server === 'fixed') {
						answer = hit.limited
							? {
									status: 429,
									waitMs: Math.ceil(hit.resetAt / 1000) * 1000 - arrive,
									source: 'X-RateLimit-Reset',
								}
							: {
									status: 200,
									remaining: hit.remaining,
									resetAt: Math.ceil(hit.resetAt / 1000) * 1000,
									limit: ceiling,
								};
					} else {
						answer = hit.limited
							? { status: 429, waitMs: hit.retryAfterSeconds * 1000, source: 'Retry-After' }
							: { status: 200 };
					}
				}
				await vt.sleep(latencyMs);
				release();
				if (answer.status === 429) {
					limited++;
					limitedAt.push(arrive / 1000);
					// As transport.ts: the wait counts from when the answer is read.
					pacer.onRateLimited(vt.now + Math.max(answer.waitMs ?? 0, 50), answer.source);
					continue;
				}
				ok++;
				okAt.push(arrive / 1000);
				pacer.onSuccess(answer.remaining, answer.resetAt, answer.limit);
				break;
			}
		}
	};

	const all: Array<Promise<void>> = [];
	for (let w = 0; w < workers; w++)
		for (let t = 0; t < threads; t++) all.push(thread(w, w * 37 + t));
	await vt.run(Promise.all(all));
	const seconds = vt.now / 1000;
	return { requests, ok, limited, seconds, okPerSecond: ok / seconds, limitedAt, okAt, pacers };
}

/**
 * Seconds from the last 429 until the pace of the trailing `n` successful requests (n − 1 intervals) is back
 * at `fraction` × `ceiling` (requests per second), counting only requests after the last 429. Infinity if never.
 */
export function recoverySeconds(
	limitedAt: number[],
	okAt: number[],
	ceiling: number,
	fraction = 0.9,
	n = 10,
): number {
	if (!limitedAt.length) return 0;
	const last = Math.max(...limitedAt);
	const after = okAt.filter((t) => t > last).sort((a, b) => a - b);
	for (let i = n - 1; i < after.length; i++) {
		const pace = (n - 1) / (after[i] - after[i - n + 1]);
		if (pace >= fraction * ceiling) return after[i] - last;
	}
	return Infinity;
}
