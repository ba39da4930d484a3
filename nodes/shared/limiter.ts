import { sleep } from 'n8n-workflow';

/**
 * Pace for one credential, shared by every item and every execution of that credential in this process.
 *
 * - Spacing: requests are given send slots at least `1 / rate` seconds apart (with a small safety margin),
 *   reserved in order, so concurrent callers never burst past a documented ceiling (Blikk: 4 req/s).
 * - 429s: `pauseUntil` holds every caller of the credential until the server's reset time.
 * - Adaptive (queue mode, several processes on one credential): each 429 halves the rate, each success
 *   wins back a small step (AIMD), and a low `X-RateLimit-Remaining` spreads what is left of the window
 *   evenly up to its reset. The pace converges on a fair share without talking to other processes.
 */
export class Pacer {
	/** Current allowed rate in requests per second (Infinity: unpaced). */
	rate: number;

	readonly ceiling: number;

	private nextSlot = 0;

	private pausedUntil = 0;

	private windowFloorUntil = 0;

	private windowInterval = 0;

	constructor(requestsPerSecond: number | undefined, readonly margin = 0.04) {
		this.ceiling = requestsPerSecond && requestsPerSecond > 0 ? requestsPerSecond : Infinity;
		this.rate = this.ceiling;
	}

	/** Milliseconds between sends at the current rate. */
	get interval(): number {
		const paced = Number.isFinite(this.rate) ? (1000 / this.rate) * (1 + this.margin) : 0;
		const now = Date.now();
		return now < this.windowFloorUntil ? Math.max(paced, this.windowInterval) : paced;
	}

	/** Waits for this caller's send slot. */
	async acquire(now = Date.now()): Promise<void> {
		const start = Math.max(now, this.pausedUntil, this.nextSlot);
		this.nextSlot = start + this.interval;
		const wait = start - now;
		if (wait > 0) await sleep(wait);
		// A 429 seen by another caller while we slept moves the pause: honour it.
		const stillPaused = this.pausedUntil - Date.now();
		if (stillPaused > 0) {
			await this.acquire();
		}
	}

	/** The server said "wait": nobody on this credential sends before `until` (epoch ms). */
	onRateLimited(until: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, until);
		this.nextSlot = Math.max(this.nextSlot, this.pausedUntil);
		const base = Number.isFinite(this.rate) ? this.rate : this.observedRateFallback();
		this.rate = Math.max(base / 2, 0.2);
	}

	/** A request succeeded: recover slowly towards the ceiling; read X-RateLimit-* if present. */
	onSuccess(remaining?: number, resetAt?: number, limit?: number): void {
		if (this.rate < this.ceiling) {
			const step = Number.isFinite(this.ceiling) ? this.ceiling * 0.02 : 0.2;
			this.rate = Math.min(this.ceiling, this.rate + step);
			if (!Number.isFinite(this.ceiling) && limit && this.rate > limit) this.rate = Infinity;
		}
		if (remaining !== undefined && resetAt !== undefined) {
			const now = Date.now();
			const span = resetAt - now;
			const lowWater = limit ? Math.max(2, Math.ceil(limit * 0.2)) : 10;
			if (span > 0 && remaining <= lowWater) {
				this.windowInterval = span / Math.max(remaining, 1);
				this.windowFloorUntil = resetAt;
			} else if (remaining > lowWater) {
				this.windowFloorUntil = 0;
			}
		}
	}

	private observedRateFallback(): number {
		// Unpaced vendor that just sent a 429: start from a modest pace and let AIMD recover.
		return 10;
	}
}

const pacers = new Map<string, Pacer>();

/** The one Pacer of a credential in this process. */
export function pacerFor(key: string, requestsPerSecond: number | undefined): Pacer {
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new Pacer(requestsPerSecond);
		pacers.set(key, pacer);
	}
	return pacer;
}

/** Test hook: forget all pacers. */
export function resetPacers(): void {
	pacers.clear();
}
