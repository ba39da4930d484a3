/**
 * The rehearsal pass of the shared execute loop: while a context is rehearsing, reads go out as
 * usual (identical reads of different rows are answered once) and the first write stops the handler
 * with `WriteReached`. The flag is also kept on the context, so a handler that swallows the
 * exception is still known to need sending.
 */
import type { FullResponse } from './types';

export class WriteReached extends Error {
	constructor() {
		super('The rehearsal reached a write (not an error: the row passed its checks)');
		this.name = 'WriteReached';
	}
}

/** Identical reads remembered during one rehearsal pass (cleared when the pass ends). */
const MAX_CACHED_READS = 500;

interface Rehearsal {
	active: boolean;
	reachedWrite: boolean;
	reads: Map<string, Promise<FullResponse>>;
}

const rehearsals = new WeakMap<object, Rehearsal>();

/** Start rehearsing one row (the read cache lives until `endRehearsalPass`). */
export function beginRehearsal(ctx: object): void {
	const current = rehearsals.get(ctx);
	rehearsals.set(ctx, { active: true, reachedWrite: false, reads: current?.reads ?? new Map() });
}

/** The row's rehearsal is over; the context sends for real until the next `beginRehearsal`. */
export function endRehearsal(ctx: object): void {
	const current = rehearsals.get(ctx);
	if (current) current.active = false;
}

/** The whole rehearsal pass is over: forget the cached reads. */
export function endRehearsalPass(ctx: object): void {
	rehearsals.delete(ctx);
}

export function rehearsalReachedWrite(ctx: object): boolean {
	return rehearsals.get(ctx)?.reachedWrite ?? false;
}

/**
 * Called by the transport before every request. Outside a rehearsal: undefined (send as usual).
 * During one: a write throws WriteReached; a read gets the pass's read cache.
 */
export function rehearsalGate(
	ctx: object,
	write: boolean,
): { reads: Map<string, Promise<FullResponse>>; max: number } | undefined {
	const current = rehearsals.get(ctx);
	if (!current?.active) return undefined;
	if (write) {
		current.reachedWrite = true;
		throw new WriteReached();
	}
	return { reads: current.reads, max: MAX_CACHED_READS };
}

const readOnlyRuns = new WeakMap<object, number>();

/**
 * Runs `fn` as a read-only operation on this context (see OperationDefinition.readOnly): every
 * request it sends is a read, whatever its method, for the checking pass and for retries.
 */
export async function runAsRead<T>(ctx: object, fn: () => Promise<T>): Promise<T> {
	readOnlyRuns.set(ctx, (readOnlyRuns.get(ctx) ?? 0) + 1);
	try {
		return await fn();
	} finally {
		readOnlyRuns.set(ctx, (readOnlyRuns.get(ctx) ?? 1) - 1);
	}
}

/** Whether the context is running a read-only operation. */
export function inReadOnlyOperation(ctx: object): boolean {
	return (readOnlyRuns.get(ctx) ?? 0) > 0;
}
