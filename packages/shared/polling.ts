import { createHash, randomBytes } from 'crypto';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

/**
 * State of a polling trigger, kept in the node's static data under one key per event.
 * - timestamp mode: `cursor` is the newest change time seen; `idsAtCursor` the ids that carry
 *   exactly that time, so records that tie with the cursor are neither skipped nor emitted twice.
 * - fingerprint mode (APIs without a change date): `fingerprints` maps id → hash of the record.
 */
export interface PollState {
	cursor?: string;
	idsAtCursor?: string[];
	fingerprints?: Record<string, string>;
	/**
	 * fingerprint mode with `memo`: id → the short value the trigger keeps per record (e.g. its
	 * status).
	 */
	memos?: Record<string, string>;
	initialized?: boolean;
	/** Counts successful polls: tells a stale copy of the state from the newest one. */
	seq?: number;
	/**
	 * Random id given when the state is first saved: a reset state is never mistaken for a stale
	 * copy.
	 */
	epoch?: string;
}

/**
 * The newest state of each trigger in this n8n process, and the poll running for it. n8n's durable
 * poll scheduler (2.36+) may start a poll of a trigger while another is still running, or run one
 * again with static data from before the last poll was saved. Polls of one trigger therefore run
 * one after another, and each starts from whichever state is newer: the static data it was given or
 * the one remembered here.
 */
const latestStates = new Map<string, PollState>();
const runningPolls = new Map<string, Promise<void>>();

function triggerKey(ctx: IPollFunctions, key: string): string {
	const workflowId = String((ctx.getWorkflow?.() as { id?: unknown } | undefined)?.id ?? '');
	const node = ctx.getNode?.() as { id?: string; name?: string } | undefined;
	return `${workflowId}:${node?.id ?? node?.name ?? ''}:${key}`;
}

export interface PollOptions {
	/** Static-data key (e.g. the event name) so switching events starts a fresh cursor. */
	key: string;
	mode: 'timestamp' | 'fingerprint';
	/**
	 * Fetches candidate records. `since` is the stored cursor (inclusive, ISO or vendor format) in
	 * timestamp mode, undefined on the first poll and in fingerprint mode.
	 */
	fetch(since: string | undefined): Promise<IDataObject[]>;
	id(record: IDataObject): string;
	/** Change time of a record (timestamp mode); records without one are ignored. */
	timestamp?(record: IDataObject): string | undefined;
	/** Comparable form of a timestamp (default: Date.parse, then string). */
	compare?(a: string, b: string): number;
	/** Hash input for fingerprint mode (default: the whole record). */
	fingerprint?(record: IDataObject): string;
	/** First poll: emit nothing and remember where we are (default), or emit what is there. */
	emitOnFirstPoll?: boolean;
	/**
	 * Fingerprint mode: a short value kept per record beside its fingerprint (e.g. its status),
	 * handed to `filter` and `annotate` on the next poll as `previous.memo`.
	 */
	memo?(record: IDataObject): string;
	/**
	 * Only records for which this is true are emitted (they still move the cursor). `previous` is
	 * what the last poll knew of the record (fingerprint mode); undefined for a record not seen
	 * before.
	 */
	filter?(record: IDataObject, previous?: KnownRecord): boolean;
	/**
	 * Real polls: fields added to each emitted record from what the last poll knew of it, e.g.
	 * `{ changeType: previous ? 'updated' : 'created' }`. Manual runs return the sample as it is.
	 */
	annotate?(record: IDataObject, previous?: KnownRecord): IDataObject;
}

/** What the last poll knew of a record (fingerprint mode): it was there, and its memo if any. */
export interface KnownRecord {
	memo?: string;
}

function defaultCompare(a: string, b: string): number {
	const ta = Date.parse(a.replace(' +00:00', 'Z').replace(' ', 'T'));
	const tb = Date.parse(b.replace(' +00:00', 'Z').replace(' ', 'T'));
	if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
	if (!Number.isNaN(ta) && !Number.isNaN(tb)) return 0;
	return a < b ? -1 : a > b ? 1 : 0;
}

function hash(value: string): string {
	return createHash('sha1').update(value).digest('hex');
}

/** Pure core: which records are new, and the state after emitting them. */
export function selectChanges(
	records: IDataObject[],
	state: PollState,
	options: Omit<PollOptions, 'fetch' | 'key'>,
): { changed: IDataObject[]; next: PollState } {
	const firstPoll = !state.initialized;
	const emit = (candidates: Array<{ record: IDataObject; known?: KnownRecord }>) =>
		candidates
			.filter(({ record, known }) => !options.filter || options.filter(record, known))
			.map(({ record, known }) =>
				options.annotate ? { ...record, ...options.annotate(record, known) } : record,
			);
	if (options.mode === 'fingerprint') {
		const previous = state.fingerprints ?? {};
		const previousMemos = state.memos ?? {};
		const fingerprints: Record<string, string> = {};
		const memos: Record<string, string> = {};
		const changed: Array<{ record: IDataObject; known?: KnownRecord }> = [];
		for (const record of records) {
			const id = options.id(record);
			const print = hash(
				options.fingerprint ? options.fingerprint(record) : JSON.stringify(record),
			);
			fingerprints[id] = print;
			if (options.memo) memos[id] = options.memo(record);
			if (previous[id] !== print && (!firstPoll || options.emitOnFirstPoll)) {
				const known =
					previous[id] === undefined
						? undefined
						: previousMemos[id] === undefined
							? {}
							: { memo: previousMemos[id] };
				changed.push({ record, known });
			}
		}
		return {
			changed: emit(changed),
			next: { initialized: true, fingerprints, ...(options.memo ? { memos } : {}) },
		};
	}

	const compare = options.compare ?? defaultCompare;
	const timeOf = options.timestamp ?? (() => undefined);
	let cursor = state.cursor;
	let idsAtCursor = new Set(state.idsAtCursor ?? []);
	const changed: IDataObject[] = [];
	const sorted = records
		.map((record) => ({ record, time: timeOf(record), id: options.id(record) }))
		.filter(
			(r): r is { record: IDataObject; time: string; id: string } =>
				typeof r.time === 'string' && r.time !== '',
		)
		.sort((a, b) => compare(a.time, b.time));
	for (const entry of sorted) {
		const order = cursor === undefined ? 1 : compare(entry.time, cursor);
		if (order < 0) continue;
		if (order === 0 && idsAtCursor.has(entry.id)) continue;
		if (!firstPoll || options.emitOnFirstPoll) changed.push(entry.record);
		if (order > 0) {
			cursor = entry.time;
			idsAtCursor = new Set([entry.id]);
		} else {
			idsAtCursor.add(entry.id);
		}
	}
	return {
		changed: emit(changed.map((record) => ({ record }))),
		next: { initialized: true, cursor, idsAtCursor: [...idsAtCursor] },
	};
}

/**
 * The body of a polling trigger's `poll()`: manual runs return one sample record and leave the
 * state alone; real polls emit only changes, and store the new cursor only after everything
 * succeeded.
 */
export async function pollForChanges(
	this: IPollFunctions,
	options: PollOptions,
): Promise<INodeExecutionData[][] | null> {
	const staticData = this.getWorkflowStaticData('node') as IDataObject;
	const all = (staticData.poll as Record<string, PollState> | undefined) ?? {};
	const state: PollState = all[options.key] ?? {};

	if (this.getMode() === 'manual') {
		const records = await options.fetch(undefined);
		const filter = options.filter;
		// What the stored state knows of a record (read, not moved: a manual run leaves it alone).
		const known = (record: IDataObject): KnownRecord | undefined => {
			const id = options.id(record);
			if (state.fingerprints?.[id] === undefined) return undefined;
			const memo = state.memos?.[id];
			return memo === undefined ? {} : { memo };
		};
		const candidates = filter ? records.filter((r) => filter(r, known(r))) : records;
		const newest = [...candidates].sort((a, b) => {
			const ta = options.timestamp?.(a) ?? '';
			const tb = options.timestamp?.(b) ?? '';
			return (options.compare ?? defaultCompare)(tb, ta);
		});
		return newest.length ? [this.helpers.returnJsonArray([newest[0]])] : null;
	}

	const lockKey = triggerKey(this, options.key);
	const before = runningPolls.get(lockKey) ?? Promise.resolve();
	let release!: () => void;
	const mine = new Promise<void>((resolve) => (release = resolve));
	const chain = before.then(async () => await mine);
	runningPolls.set(lockKey, chain);
	await before;
	try {
		const remembered = latestStates.get(lockKey);
		const current =
			remembered &&
			state.epoch &&
			remembered.epoch === state.epoch &&
			(remembered.seq ?? 0) > (state.seq ?? 0)
				? remembered
				: state;
		const records = await options.fetch(options.mode === 'timestamp' ? current.cursor : undefined);
		const { changed, next } = selectChanges(records, current, options);
		// Only now, with every request done, does the cursor move.
		const saved: PollState = {
			...next,
			seq: (current.seq ?? 0) + 1,
			epoch: current.epoch ?? randomBytes(8).toString('hex'),
		};
		latestStates.set(lockKey, saved);
		staticData.poll = { ...all, [options.key]: saved };
		return changed.length ? [this.helpers.returnJsonArray(changed)] : null;
	} finally {
		release();
		if (runningPolls.get(lockKey) === chain) runningPolls.delete(lockKey);
	}
}
