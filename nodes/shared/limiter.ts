import { sleep } from 'n8n-workflow';

/**
 * Pace for one credential, shared by every item and every execution of that credential in this n8n instance (one OS process).
 *
 * - Spacing: send slots are reserved in order at least `1 / rate` seconds apart (with a small safety
 *   margin), so concurrent callers never burst past a documented ceiling (Blikk: 4 req/s).
 * - 429s: `onRateLimited` holds every caller of the credential until the server's reset time.
 * - Adaptive, for n8n queue mode (several worker processes on one credential, none of which can see the
 *   others): a 429 halves this process's rate; the rate then creeps back up very slowly while 429s are
 *   recent (a probe of 0.05 % of the ceiling per second) and faster only after five quiet minutes. Workers
 *   settle near a fair share instead of colliding over and over (tuned with test/unit/limiter-sim.ts:
 *   3 workers at a 4 req/s ceiling see about 0.6 % 429s). A vendor with no documented rate is only paused
 *   by a single 429; pacing starts if they repeat.
 * - `X-RateLimit-Remaining` / `Reset` (Resource Management, smenso): when the window runs low, what is left
 *   is spread evenly up to the reset, and a remaining count that falls faster than this process sends
 *   reveals other consumers of the same token: the pace is scaled down to this process's share.
 */
export interface PacerClock {
	now(): number;
}

const systemClock: PacerClock = { now: () => Date.now() };

interface SendRecord {
	/** When the response arrived (epoch ms); undefined while the request is out. */
	end: number | undefined;
	settled: Promise<void>;
	settle: () => void;
}

export class Pacer {
	/** Current allowed rate in requests per second (Infinity: unpaced). */
	rate: number;

	readonly ceiling: number;

	/** Requests sent (slots reserved) and 429s seen: for tests and the benchmark. */
	sent = 0;

	limited = 0;

	private nextSlot = 0;

	private pausedUntil = 0;

	private lastLimitedAt = -Infinity;

	private target = Infinity;

	/** Adaptation constants (fractions of the ceiling per second, or of the rate). Tuned with test/unit/limiter-sim.ts. */
	static tuning = {
		/** 429s closer together than this are one signal. */
		sameSignalMs: 1000,
		/** A second 429 within this time counts as "repeated". */
		repeatWindowMs: 10_000,
		/** Rate multiplier on a 429, and on a repeated one. */
		cut: 0.5,
		repeatedCut: 0.5,
		/** Starting rate (req/s) for a vendor with no documented rate once its 429s repeat. */
		unpacedStart: 10,
		/** Growth below the target (fraction of the ceiling per second). */
		recover: 0.1,
		/** Slow probe upwards while 429s are recent (fraction of the ceiling per second). */
		probe: 0.0005,
		/** After this long without a 429 growth speeds up to `afterQuiet`. */
		quietMs: 300_000,
		afterQuiet: 0.01,
	};

	private lastGrowthAt = 0;

	private windowFloorUntil = 0;

	private windowInterval = 0;

	private lastRemaining?: number;

	private sentSinceRemaining = 0;

	/** N of "at most N per second" (the documented ceiling, whole requests); 0 when unpaced. */
	private readonly windowSize: number;

	/** The latest sends, in reservation order, with the time their response arrived. */
	private inFlight: SendRecord[] = [];

	constructor(
		requestsPerSecond: number | undefined,
		readonly margin = 0.04,
		private readonly clock: PacerClock = systemClock,
	) {
		this.ceiling = requestsPerSecond && requestsPerSecond > 0 ? requestsPerSecond : Infinity;
		this.rate = this.ceiling;
		this.windowSize = Number.isFinite(this.ceiling) && this.ceiling >= 1 ? Math.floor(this.ceiling) : 0;
	}

	/** Milliseconds between sends at the current rate. */
	interval(now = this.clock.now()): number {
		const paced = Number.isFinite(this.rate) ? (1000 / this.rate) * (1 + this.margin) : 0;
		return now < this.windowFloorUntil ? Math.max(paced, this.windowInterval) : paced;
	}

	/** Reserves the next send slot, not before `notBefore`; returns when to send (epoch ms). */
	reserve(now = this.clock.now(), notBefore = 0): number {
		this.grow(now);
		const start = Math.max(now, this.pausedUntil, this.nextSlot, notBefore);
		this.nextSlot = start + this.interval(start);
		this.sent++;
		this.sentSinceRemaining++;
		return start;
	}

	/**
	 * Waits for this caller's send slot and returns `release`, to call when the response has arrived.
	 *
	 * Besides the even spacing, a documented ceiling of N per second is guarded on real times: a request
	 * may only start one second after the response to the request N places before it arrived. A send that
	 * left late (n8n fetching a token inside it, a busy event loop) then cannot crowd N + 1 arrivals into
	 * one second, however the slots were planned. On loopback this costs nothing; with slow responses it
	 * trades a little speed for never tripping the vendor's limit.
	 */
	async acquire(): Promise<() => void> {
		for (;;) {
			const ref = this.windowSize ? this.inFlight[this.inFlight.length - this.windowSize] : undefined;
			if (ref && ref.end === undefined) {
				await ref.settled;
				continue;
			}
			const now = this.clock.now();
			const at = this.reserve(now, ref?.end === undefined ? 0 : ref.end + 1000);
			const entry = this.track();
			if (at > now) await sleep(at - now);
			// A 429 seen by another caller while we slept moves the pause: give the slot back and queue again.
			if (this.pausedUntil > this.clock.now()) {
				this.forget(entry);
				continue;
			}
			return () => this.finish(entry);
		}
	}

	private track(): SendRecord {
		let settle = () => {};
		const settled = new Promise<void>((resolve) => (settle = resolve));
		const entry: SendRecord = { end: undefined, settled, settle };
		if (this.windowSize) {
			this.inFlight.push(entry);
			// Only the last N matter for the guard; older finished ones can go.
			while (this.inFlight.length > this.windowSize * 4 && this.inFlight[0].end !== undefined) this.inFlight.shift();
		}
		return entry;
	}

	private finish(entry: SendRecord): void {
		if (entry.end !== undefined) return;
		entry.end = this.clock.now();
		entry.settle();
	}

	private forget(entry: SendRecord): void {
		const index = this.inFlight.indexOf(entry);
		if (index >= 0) this.inFlight.splice(index, 1);
		entry.end = entry.end ?? -Infinity;
		entry.settle();
	}

	/** The server said "wait": nobody on this credential sends before `until` (epoch ms). */
	onRateLimited(until: number, now = this.clock.now()): void {
		this.limited++;
		this.pausedUntil = Math.max(this.pausedUntil, until);
		this.nextSlot = Math.max(this.nextSlot, this.pausedUntil);
		// Several 429s from one burst count as one signal.
		if (now - this.lastLimitedAt < Pacer.tuning.sameSignalMs) return;
		const repeated = now - this.lastLimitedAt < Pacer.tuning.repeatWindowMs;
		this.lastLimitedAt = now;
		// A vendor with no documented rate: one 429 only pauses; pacing starts when they repeat.
		if (!Number.isFinite(this.rate) && !repeated) return;
		const base = Number.isFinite(this.rate) ? this.rate : Pacer.tuning.unpacedStart;
		this.target = Math.max(base * (repeated ? Pacer.tuning.repeatedCut : Pacer.tuning.cut), 0.05);
		this.rate = this.target;
		this.lastGrowthAt = Math.max(now, until);
	}

	/** Growth after a 429: quick back to the target level, then a slow probe; faster again after a quiet spell. */
	private grow(now: number): void {
		if (this.rate >= this.ceiling || this.lastGrowthAt === 0) return;
		const dt = (now - this.lastGrowthAt) / 1000;
		if (dt <= 0) return;
		this.lastGrowthAt = now;
		const scale = Number.isFinite(this.ceiling) ? this.ceiling : this.target;
		const sinceLimit = now - this.lastLimitedAt;
		let perSecond: number;
		if (this.rate < this.target) perSecond = scale * Pacer.tuning.recover;
		else if (sinceLimit < Pacer.tuning.quietMs) perSecond = scale * Pacer.tuning.probe;
		else perSecond = scale * Pacer.tuning.afterQuiet;
		this.rate = Math.min(this.ceiling, this.rate + perSecond * dt);
		if (!Number.isFinite(this.ceiling) && this.rate >= this.target * 4) this.rate = Infinity;
	}

	/** A response arrived: read X-RateLimit-* if the vendor sends them. */
	onSuccess(remaining?: number, resetAt?: number, limit?: number, now = this.clock.now()): void {
		if (remaining === undefined || resetAt === undefined) return;
		const span = resetAt - now;
		if (span <= 0) return;
		// How much of the window this process used since the last reading: < 1 means others share the token.
		let share = 1;
		if (this.lastRemaining !== undefined && remaining < this.lastRemaining) {
			const consumed = this.lastRemaining - remaining;
			share = Math.min(1, Math.max(0.05, this.sentSinceRemaining / consumed));
		}
		this.lastRemaining = remaining;
		this.sentSinceRemaining = 0;
		const lowWater = limit ? Math.max(2, Math.ceil(limit * 0.2)) : 10;
		if (remaining <= lowWater || share < 1) {
			this.windowInterval = span / Math.max(remaining * share, 0.5);
			this.windowFloorUntil = resetAt;
		} else {
			this.windowFloorUntil = 0;
		}
	}
}

const pacers = new Map<string, Pacer>();

/** The one Pacer of a credential in this n8n instance. */
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
