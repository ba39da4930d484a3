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
	/** With `partial` ("success with errors"): throw (default false: return the status with its messages). */
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
 * deadline passes. A failure becomes an error with the vendor's messages; a ticket still running at the
 * deadline becomes an error naming the ticket id so the user can check it later.
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

export function ticketFailedError(
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
