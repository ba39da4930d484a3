/**
 * Discrete-event simulation of N n8n processes (queue-mode workers) sharing one credential against a
 * server that allows `ceiling` requests per sliding second, each process pacing with its own Pacer.
 * Used by test/unit/limiter.test.ts and the benchmark.
 */
import { Pacer } from '../../nodes/shared/limiter';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { slidingWindow } = require('../../sandbox/lib/server');

export interface SimResult {
	requests: number;
	ok: number;
	limited: number;
	seconds: number;
	okPerSecond: number;
	/** Times (s) of the 429s. */
	limitedAt: number[];
}

export function simulate({ workers, ceiling, perWorker, latencyMs = 15, jitterMs = 10, retryAfterMs = 1000, threads = 1, paceAt = ceiling }: {
	workers: number;
	ceiling: number;
	perWorker: number;
	latencyMs?: number;
	jitterMs?: number;
	retryAfterMs?: number;
	threads?: number;
	paceAt?: number;
}): SimResult {
	let clock = 0;
	const window = slidingWindow({ limit: ceiling, windowMs: 1000 });
	let seed = 7;
	const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
	const pacers = Array.from({ length: workers }, () => new Pacer(paceAt, 0.04, { now: () => clock }));
	const remaining = Array.from({ length: workers }, () => perWorker);
	// Event queue: [time, worker]
	const queue: Array<[number, number]> = [];
	for (let w = 0; w < workers; w++) for (let t = 0; t < threads; t++) queue.push([w * 37 + t, w]);
	let requests = 0;
	let ok = 0;
	let limited = 0;
	const limitedAt: number[] = [];
	while (queue.length) {
		queue.sort((a, b) => a[0] - b[0]);
		const [time, w] = queue.shift()!;
		if (remaining[w] <= 0) continue;
		clock = time;
		const sendAt = pacers[w].reserve(clock);
		const arrive = sendAt + random() * jitterMs;
		requests++;
		const hit = window.hit('token', arrive);
		const done = arrive + latencyMs;
		if (hit.limited) {
			limited++;
			limitedAt.push(arrive / 1000);
			clock = done;
			pacers[w].onRateLimited(done + retryAfterMs, done);
		} else {
			ok++;
			remaining[w]--;
		}
		queue.push([done, w]);
	}
	const seconds = clock / 1000;
	return { requests, ok, limited, seconds, okPerSecond: ok / seconds, limitedAt };
}
