import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { buildApiError } from './errors';
import { backoffMs } from './retry';
import { vendorRequest } from './transport';
import type { RequestContext, VendorProfile } from './types';

export type TicketState = 'pending' | 'success' | 'partial' | 'failed';

export interface TicketProfile {
	/** Path of the status endpoint for a ticket id. */
	statusPath(ticketId: string): string;
	/** Reads the vendor's status body. */
	interpret(body: IDataObject): { state: TicketState; messages: string[] };
}

export interface TicketWaitOptions {
	ticketId: string;
	/** Give up after this long (ms). */
	deadlineMs: number;
	/** First wait before the first poll (ms). Default 1 000; then doubles. */
	initialDelayMs?: number;
	/** Longest wait between polls (ms). Default 8 000. */
	maxDelayMs?: number;
	itemIndex?: number;
	/**
	 * With `partial` ("success with errors"): throw (default false: return the status and messages).
	 */
	failOnPartial?: boolean;
}

export interface TicketOutcome {
	ticketId: string;
	state: TicketState;
	messages: string[];
	status: IDataObject;
	polls: number;
	waitedMs: number;
}

/**
 * Polls an async job's status with backoff (1, 2, 4, 8 … s, capped) until it succeeds, fails or the
 * deadline passes. A failure becomes an error with the vendor's messages; a ticket still running at
 * the deadline becomes an error naming the ticket id so the user can check it later.
 */
export async function waitForTicket(
	this: RequestContext,
	profile: VendorProfile,
	tickets: TicketProfile,
	options: TicketWaitOptions,
): Promise<TicketOutcome> {
	const started = Date.now();
	const initial = options.initialDelayMs ?? 1000;
	const cap = options.maxDelayMs ?? 8000;
	let polls = 0;
	for (;;) {
		const elapsed = Date.now() - started;
		const remaining = options.deadlineMs - elapsed;
		const delay = Math.min(backoffMs(polls + 1, initial, cap), Math.max(0, remaining));
		if (delay > 0) await sleep(delay);
		const status = await vendorRequest.call<
			RequestContext,
			[VendorProfile, { method: 'GET'; path: string; itemIndex?: number }],
			Promise<IDataObject>
		>(this, profile, {
			method: 'GET',
			path: tickets.statusPath(options.ticketId),
			itemIndex: options.itemIndex,
		});
		polls++;
		const { state, messages } = tickets.interpret(status ?? {});
		const outcome: TicketOutcome = {
			ticketId: options.ticketId,
			state,
			messages,
			status,
			polls,
			waitedMs: Date.now() - started,
		};
		if (state === 'success') return outcome;
		if (state === 'failed' || (state === 'partial' && options.failOnPartial)) {
			throw ticketFailedError(this, profile, outcome, options.itemIndex);
		}
		if (state === 'partial') return outcome;
		if (Date.now() - started >= options.deadlineMs) {
			throw new NodeOperationError(
				this.getNode(),
				`${profile.name} ticket ${options.ticketId} was still processing after ${Math.round(options.deadlineMs / 1000)} s`,
				{
					description: `The change was accepted but has not finished. Check it later with the Ticket → Get Status operation (ticket ID ${options.ticketId}), or raise "Max Wait".`,
					itemIndex: options.itemIndex,
				},
			);
		}
	}
}

function ticketFailedError(
	ctx: RequestContext,
	profile: VendorProfile,
	outcome: TicketOutcome,
	itemIndex?: number,
): NodeApiError {
	const what = outcome.state === 'partial' ? 'finished with errors' : 'failed';
	return buildApiError(ctx.getNode(), {
		vendor: profile.name,
		message: outcome.messages.length
			? outcome.messages.join('; ')
			: `${profile.name} ticket ${outcome.ticketId} ${what}`,
		description: `Ticket ${outcome.ticketId} ${what}.`,
		itemIndex,
		body: outcome.status,
		secrets: [],
	});
}

// ---------- one outcome per record of a batch ticket ----------

/** A message that names a record by position: `Record 2: …`, `Row 2 (…): …`, `Item 2 – …`. */
const POSITION = /^(?:record|row|item|entry)\s*#?\s*(\d+)\b/i;

/**
 * Which ticket messages name which record of a batch, the rest being messages of the whole ticket.
 * A message names a record by its `tempId` (quoted), then by its `id` or `externalId`, then by a
 * position:
 * - `<key>[n]` (a JSON path into the request's array) is the array index n;
 * - `Record n` could count from 0 or from 1. It is read only where the read-back agrees: one
 *   counting (0- or 1-based) for the whole ticket, the one under which every record such messages
 *   name is one the read-back shows as not written (`written(index)` false) while the other
 *   counting does not fit. Without a read-back (`written` absent, or `undefined` for an index) or
 *   when both fit, position messages stay unassigned.
 */
export function assignTicketMessages(
	messages: string[],
	records: IDataObject[],
	options: { key?: string; written?: (index: number) => boolean | undefined } = {},
): { byIndex: Map<number, string[]>; unassigned: string[] } {
	const byIndex = new Map<number, string[]>();
	const unassigned: string[] = [];
	const positional: Array<{ message: string; n: number }> = [];
	const add = (index: number, message: string) =>
		byIndex.set(index, [...(byIndex.get(index) ?? []), message]);
	const bracket = options.key ? new RegExp(`^${escapeRegex(options.key)}\\[(\\d+)\\]`, 'i') : null;
	for (const message of messages) {
		const lower = message.toLowerCase();
		let found = records.findIndex(
			(r) => typeof r.tempId === 'string' && lower.includes(`'${r.tempId.toLowerCase()}'`),
		);
		if (found < 0) {
			found = records.findIndex((r) =>
				['id', 'externalId'].some(
					(k) =>
						typeof r[k] === 'string' &&
						(r[k] as string).length >= 3 &&
						lower.includes(String(r[k]).toLowerCase()),
				),
			);
		}
		const inBrackets = found < 0 && bracket ? bracket.exec(message) : null;
		if (inBrackets && Number(inBrackets[1]) < records.length) found = Number(inBrackets[1]);
		if (found >= 0) {
			add(found, message);
			continue;
		}
		const position = POSITION.exec(message);
		if (position) positional.push({ message, n: Number(position[1]) });
		else unassigned.push(message);
	}
	const base = positional.length ? positionBase(positional, records.length, options.written) : null;
	for (const { message, n } of positional) {
		if (base === null) unassigned.push(message);
		else add(n - base, message);
	}
	return { byIndex, unassigned };
}

/** The counting (0 or 1) under which each position names a record the read-back shows unwritten. */
function positionBase(
	positional: Array<{ n: number }>,
	count: number,
	written?: (index: number) => boolean | undefined,
): 0 | 1 | null {
	if (!written) return null;
	const fits = (base: 0 | 1) =>
		positional.every(({ n }) => n - base >= 0 && n - base < count && written(n - base) === false);
	const zero = fits(0);
	const one = fits(1);
	return zero === one ? null : zero ? 0 : 1;
}

/** Whether a message names a record by position only (so reading it needs the read-back). */
export function namesPosition(message: string): boolean {
	return POSITION.test(message);
}

/** A record-level message without its `Record 2 (tempId '…'): ` / `task[2]: ` prefix. */
export function stripRecordPrefix(message: string): string {
	return message
		.replace(/^(?:record|row|item|entry)\s*#?\s*\d+(?:\s*\([^)]*\))?\s*[:–-]\s*/i, '')
		.replace(/^\w+\[\d+\]:\s*/, '');
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a finished ticket, by itself, confirms the records of a batch that no message names.
 * - `success`: yes, unless the ticket counts records and its count of the expected kind (`created`,
 *   `modified`, `deleted`) is short of them. A success ticket without counts (the shape the
 *   vendor's own example shows) confirms every record it carried.
 * - `partial` ("success with errors"): only when its count accounts for every unnamed record and no
 *   message is left that names no record (such a message could be about any of them).
 * - `failed` or still running: no.
 */
export function ticketConfirms(ticket: {
	state: TicketState;
	carried: number;
	named: number;
	counts?: IDataObject;
	expect?: string;
	unassigned: number;
}): boolean {
	const unnamed = ticket.carried - ticket.named;
	const counted =
		!!ticket.expect && !!ticket.counts && Number(ticket.counts[ticket.expect] ?? 0) >= unnamed;
	if (ticket.state === 'success') return !ticket.counts || !ticket.expect || counted;
	if (ticket.state === 'partial') return counted && ticket.unassigned === 0;
	return false;
}
