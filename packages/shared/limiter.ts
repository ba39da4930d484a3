import { sleep } from 'n8n-workflow';

/**
 * Pace for one credential, shared by every item and every execution of that credential in this n8n
 * instance (one OS process).
 *
 * - Spacing: send slots are reserved in order at least `1 / rate` seconds apart (with a small
 *   safety margin), so concurrent callers never burst past a documented ceiling (e.g. 4 req/s). A
 *   ceiling of N per second is also guarded on real times (see `acquire`).
 * - A 429 is read by what it tells us:
 *   - **"Wait"** (`Retry-After`, a wait in the 429 body, `X-RateLimit-Reset`, or no hint at all):
 *     every caller of the credential pauses until then. The pace is NOT cut: the server said
 *     *when*, not *slower*. 429s with no success in between (a storm) are one episode, however long
 *     it lasts.
 *   - **"The budget is shared"**: a second 429 episode within `repeatWindowMs` of the previous one,
 *     each arriving after requests at our own pace had succeeded again. Someone else (another
 *     queue-mode worker, another integration on the token) spends the same budget. Only then is the
 *     pace cut, in whole steps: "k requests per second" with k halved (4 → 2 → 1), each step
 *     guarded on real times: a request starts only once the response to the request k places before
 *     it is a second old, so one process never puts more than k requests into any sliding second,
 *     and blind workers whose k add up to the ceiling (3 workers at 4 req/s: 2 + 1 + 1) never
 *     collide, whatever their phase.
 *   - A 429 episode within `probeHoldMs` of our own step up takes that step back at once.
 *   - 429 after 429 with nothing getting through: from the third on the wait grows beyond the hint
 *     (1, 2, 4 … 32 s), so a sender starved by others asks rarely.
 *   - Vendors that report their window (`X-RateLimit-Remaining`) are never cut this way: the window
 *     says exactly how much is left, and `onSuccess` spreads it (see below).
 * - Recovery after a cut: one step up after `probeDelayMs` without a 429 (about 20 s, spread ± 25 %
 *   so workers cut together do not step up together). A cut while still recovering from the last
 *   one, or a step up that is answered by a 429, doubles the delay (up to 5 minutes), which keeps
 *   blind workers that sit at their share from provoking 429s; every step that holds halves it
 *   again.
 * - `X-RateLimit-Remaining` / `Reset` (where a vendor sends them): when the window runs low, what
 *   is left is spread evenly up to the reset, and a remaining count that falls faster than this
 *   process sends reveals other consumers of the same token: the pace is scaled down to this
 *   process's share.
 */
export interface PacerClock {
	now(): number;
	/** Defaults to n8n-workflow's `sleep`; simulations pass a virtual one. */
	sleep?(ms: number): Promise<void>;
	/** Uniform in [0, 1): defaults to Math.random; simulations pass a seeded one. */
	random?(): number;
}

const systemClock: PacerClock = { now: () => Date.now() };

/** What a 429 told us: `backoff` = no hint, we guessed the wait. */
export type RateLimitSource =
	'Retry-After' | 'response body' | 'X-RateLimit-Reset' | 'backoff' | string;

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

	/** Times the pace was cut because the budget is shared (for tests and the benchmark). */
	cuts = 0;

	private nextSlot = 0;

	private pausedUntil = 0;

	/** When the current 429 episode started and the previous one (ms; -Infinity: none). */
	private lastLimitedAt = -Infinity;

	private lastEpisodeAt = -Infinity;

	/** A response arrived fine since the last 429: the next 429 starts a new episode. */
	private succeededSinceLimit = true;

	/** 429s since the last success. */
	private consecutive = 0;

	/** Adaptation constants. Tuned with test/unit/limiter-sim.ts. */
	static tuning = {
		/** 429s closer together than this are one signal (several requests in flight at once). */
		sameSignalMs: 1000,
		/** A second 429 episode within this time means the budget is shared: cut. */
		repeatWindowMs: 30_000,
		/** Rate multiplier on a cut (continuous pace: unpaced vendors, ceilings under 1 req/s). */
		cut: 0.5,
		/** Starting rate (req/s) for a vendor with no documented rate once its 429s repeat. */
		unpacedStart: 10,
		/**
		 * Time without a 429 before a step up after a cut; doubles after a failed step, up to the cap.
		 */
		probeBaseMs: 20_000,
		probeCapMs: 300_000,
		/** A 429 episode this soon after our own step up takes that step back. */
		probeHoldMs: 15_000,
		/** Consecutive 429s (no success between) from which the wait grows beyond the server's hint. */
		backoffFrom: 3,
		backoffBaseMs: 1000,
		backoffCapMs: 32_000,
		/** Step-up delays are spread over ± half of this fraction. */
		probeSpread: 0.5,
	};

	/**
	 * Current delay before the next step up, and when the next step may happen (0: nothing to
	 * recover).
	 */
	private probeDelayMs = Pacer.tuning.probeBaseMs;

	private nextProbeAt = 0;

	private lastProbeAt = -Infinity;

	private lastCutAt = -Infinity;

	private windowFloorUntil = 0;

	private windowInterval = 0;

	private lastRemaining?: number;

	private sentSinceRemaining = 0;

	/** N of "at most N per second" (the documented ceiling, whole requests); 0 when unpaced. */
	private readonly windowSize: number;

	/** Current whole-step pace: at most `level` requests in any second (1 … windowSize). */
	level: number;

	/** The latest sends, in reservation order, with the time their response arrived. */
	private inFlight: SendRecord[] = [];

	constructor(
		requestsPerSecond: number | undefined,
		readonly margin = 0.04,
		private readonly clock: PacerClock = systemClock,
	) {
		this.ceiling = requestsPerSecond && requestsPerSecond > 0 ? requestsPerSecond : Infinity;
		this.rate = this.ceiling;
		this.windowSize =
			Number.isFinite(this.ceiling) && this.ceiling >= 1 ? Math.floor(this.ceiling) : 0;
		this.level = this.windowSize;
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
	 * Besides the even spacing, a pace of k per second (the documented ceiling, or the step after a
	 * cut) is guarded on real times: a request may only start one second after the response to the
	 * request k places before it arrived. A send that left late (n8n fetching a token inside it, a
	 * busy event loop) then cannot crowd k + 1 arrivals into one second, however the slots were
	 * planned. On loopback this costs nothing; with slow responses it trades a little speed for never
	 * tripping the vendor's limit.
	 */
	async acquire(): Promise<() => void> {
		const wait = this.clock.sleep ? (ms: number) => this.clock.sleep!(ms) : sleep;
		for (;;) {
			const k = this.windowSize ? this.level : 0;
			const ref = k ? this.inFlight[this.inFlight.length - k] : undefined;
			if (ref && ref.end === undefined) {
				await ref.settled;
				continue;
			}
			const now = this.clock.now();
			const at = this.reserve(now, ref?.end === undefined ? 0 : ref.end + 1000);
			const entry = this.track();
			if (at > now) await wait(at - now);
			// A 429 seen by another caller while we slept moves the pause: give the slot back and queue
			// again.
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
			while (this.inFlight.length > this.windowSize * 4 && this.inFlight[0].end !== undefined)
				this.inFlight.shift();
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

	/**
	 * A 429: nobody on this credential sends before `until` (epoch ms). `source` says where the wait
	 * came from (`rateLimitDelayMs`). The pace is cut only when 429 episodes repeat at our own pace
	 * (see the class note).
	 */
	onRateLimited(until: number, source: RateLimitSource = 'backoff', now = this.clock.now()): void {
		this.limited++;
		this.consecutive++;
		// 429 after 429 with nothing getting through: the hint is not enough (others take every slot as
		// it frees). From the third on, wait at least 1, 2, 4 … s (up to 32 s): a starved sender then
		// asks rarely.
		const { backoffFrom, backoffBaseMs, backoffCapMs } = Pacer.tuning;
		if (this.consecutive >= backoffFrom) {
			until = Math.max(
				until,
				now + Math.min(backoffCapMs, backoffBaseMs * 2 ** (this.consecutive - backoffFrom)),
			);
		}
		this.pausedUntil = Math.max(this.pausedUntil, until);
		this.nextSlot = Math.max(this.nextSlot, this.pausedUntil);
		// No success since the last 429, or several answers of one burst: the same episode (the server
		// still says "wait"). Nothing to learn about our pace.
		const sameEpisode =
			!this.succeededSinceLimit || now - this.lastLimitedAt < Pacer.tuning.sameSignalMs;
		this.lastLimitedAt = now;
		this.succeededSinceLimit = false;
		// A step taken while waiting is not a step that held.
		if (this.nextProbeAt)
			this.nextProbeAt = Math.max(this.nextProbeAt, this.pausedUntil + this.probeDelayMs);
		if (sameEpisode) return;
		const repeated = now - this.lastEpisodeAt < Pacer.tuning.repeatWindowMs;
		this.lastEpisodeAt = now;
		// The window headers say exactly what is left: `onSuccess` paces by them, no guessing needed.
		if (this.lastRemaining !== undefined || source === 'X-RateLimit-Reset') return;
		if (repeated) {
			// Blind senders at fixed spacing lock into one phase, and the same one is always the one
			// turned away while another, over its share, never hears of it. Resuming up to one slot later
			// breaks the lock.
			const slot = this.windowSize
				? 1000 / this.level
				: Number.isFinite(this.rate)
					? 1000 / this.rate
					: 0;
			this.pausedUntil += (this.clock.random ?? Math.random)() * Math.min(slot, 2000);
			this.nextSlot = Math.max(this.nextSlot, this.pausedUntil);
		}
		// Told to stop right after our own step up: that step was one too many. Take it back at once.
		if (now - this.lastProbeAt < Pacer.tuning.probeHoldMs) {
			this.stepBack(now);
			return;
		}
		if (!repeated) return;
		this.cut(now);
	}

	/** Undo the last step up and wait twice as long before the next one. */
	private stepBack(now: number): void {
		this.cuts++;
		this.lastProbeAt = -Infinity;
		if (this.windowSize) {
			this.level = Math.max(1, this.level - 1);
			this.rate = Math.min(this.ceiling, this.level);
		} else {
			this.rate = Math.max(
				Number.isFinite(this.rate) ? this.rate / 2 : Pacer.tuning.unpacedStart,
				0.05,
			);
		}
		this.probeDelayMs = Math.min(Pacer.tuning.probeCapMs, this.probeDelayMs * 2);
		this.nextProbeAt = Math.max(now, this.pausedUntil) + this.spread(this.probeDelayMs);
	}

	/** The budget is shared with someone we cannot see: one step down. */
	private cut(now: number): void {
		this.cuts++;
		const before = this.level;
		if (this.windowSize) {
			this.level = Math.max(1, Math.floor(this.level / 2));
			this.rate = Math.min(this.ceiling, this.level);
		} else {
			const base = Number.isFinite(this.rate) ? this.rate : Pacer.tuning.unpacedStart;
			this.rate = Math.max(base * Pacer.tuning.cut, 0.05);
		}
		// Cut again while still recovering from the last cut: the budget stays shared; step up less
		// often.
		if (now - this.lastCutAt < Pacer.tuning.probeCapMs && this.level < before) {
			this.probeDelayMs = Math.min(Pacer.tuning.probeCapMs, this.probeDelayMs * 2);
		}
		this.lastCutAt = now;
		this.nextProbeAt = Math.max(now, this.pausedUntil) + this.spread(this.probeDelayMs);
	}

	/**
	 * `ms` ± half of `probeSpread`: workers cut at the same moment do not all step up at the same
	 * moment.
	 */
	private spread(ms: number): number {
		return ms * (1 + Pacer.tuning.probeSpread * ((this.clock.random ?? Math.random)() - 0.5));
	}

	/** One step up after `probeDelayMs` without a 429; a step that held shortens the next delay. */
	private grow(now: number): void {
		if (!this.nextProbeAt || now < this.nextProbeAt) return;
		if (this.lastProbeAt > this.lastLimitedAt) {
			this.probeDelayMs = Math.max(Pacer.tuning.probeBaseMs, this.probeDelayMs / 2);
		}
		this.lastProbeAt = now;
		if (this.windowSize) {
			this.level = Math.min(this.windowSize, this.level + 1);
			this.rate = this.level >= this.windowSize ? this.ceiling : this.level;
		} else {
			this.rate = Math.min(this.ceiling, this.rate * 2);
			if (!Number.isFinite(this.ceiling) && this.rate >= Pacer.tuning.unpacedStart * 4)
				this.rate = Infinity;
		}
		const recovered = this.windowSize ? this.level >= this.windowSize : this.rate >= this.ceiling;
		this.nextProbeAt = recovered ? 0 : now + this.spread(this.probeDelayMs);
	}

	/** A response arrived: read X-RateLimit-* if the vendor sends them. */
	onSuccess(remaining?: number, resetAt?: number, limit?: number, now = this.clock.now()): void {
		this.succeededSinceLimit = true;
		this.consecutive = 0;
		if (remaining === undefined || resetAt === undefined) return;
		const span = resetAt - now;
		if (span <= 0) return;
		// How much of the window this process used since the last reading: < 1 means others share the
		// token.
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
