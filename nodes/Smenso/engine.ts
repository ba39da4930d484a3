import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { buildApiError } from '../shared/errors';
import { waitForTicket, type TicketProfile } from '../shared/tickets';
import { credentialsFor, vendorRequest } from '../shared/transport';
import type { FullResponse } from '../shared/types';
import { invalidInput, requireGuid } from '../shared/validation';
import {
	assignMessages,
	interpretTicket,
	isValidZone,
	smensoProfile,
	smensoTickets,
	ticketIdOf,
	ticketSummary,
	toSmensoDate,
	toSmensoDateTime,
} from './transport';

/** How to find a written record afterwards (smenso tickets do not carry the new record's id). */
export interface ReadBack {
	/** Records fetched once per key and shared by all items of a ticket (e.g. "tasks:<projectId>"). */
	key: string;
	fetch: () => Promise<IDataObject[]>;
	match: (list: IDataObject[]) => IDataObject | undefined;
}

/** One item's share of an asynchronous write. Items whose `group` is equal go out in one request. */
export interface WritePlan {
	group: string;
	method: 'POST' | 'PUT' | 'DELETE';
	path: string;
	/** The record as sent. */
	record: IDataObject;
	/** Body for a batch of records; without it the single record is the body (none for DELETE). */
	wrap?: (records: IDataObject[]) => IDataObject | IDataObject[];
	/** Many items may share one request (the API takes arrays here). */
	batchable: boolean;
	readBack?: ReadBack;
	/** Merged into the output when the record cannot be read back (e.g. `{ deleted: true, id }`). */
	echo?: IDataObject;
	notFoundLabel?: string;
}

export interface Tools {
	ctx: IExecuteFunctions;
	zone(itemIndex: number): Promise<string>;
	guid(itemIndex: number, field: string, value: unknown): string;
	required(itemIndex: number, field: string, value: unknown): string;
	dateTime(itemIndex: number, field: string, value: unknown): Promise<string>;
	date(itemIndex: number, field: string, value: unknown): Promise<string>;
	get<T = unknown>(path: string, itemIndex?: number, notFoundLabel?: string, qs?: IDataObject): Promise<T>;
}

export type ReadResult = IDataObject | IDataObject[] | INodeExecutionData[];

export interface OperationHandler {
	read?: (i: number, tools: Tools) => Promise<ReadResult>;
	write?: (i: number, tools: Tools) => Promise<WritePlan>;
}

/** Reads a node parameter by an item, trimming resource-locator values to their value. */
export function param(ctx: IExecuteFunctions, name: string, i: number, fallback?: unknown): unknown {
	const value = ctx.getNodeParameter(name, i, fallback, { extractValue: true });
	return value;
}

export function makeTools(ctx: IExecuteFunctions): Tools {
	const node = ctx.getNode();
	const zoneCache = new Map<number, Promise<string>>();
	const zone = (i: number) => {
		let pending = zoneCache.get(i);
		if (!pending) {
			pending = (async () => {
				const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
				const fromNode = String(options.timezone ?? '').trim();
				const credentials = await credentialsFor(ctx, smensoProfile);
				const fromCredential = String(credentials.timezone ?? '').trim();
				const chosen = fromNode || fromCredential || ctx.getTimezone();
				if (!isValidZone(chosen)) {
					throw invalidInput(node, i, fromNode ? 'Time Zone' : 'Default Time Zone (credential)', `"${chosen}" is not an IANA time zone like Europe/Berlin`);
				}
				return chosen;
			})();
			zoneCache.set(i, pending);
		}
		return pending;
	};
	return {
		ctx,
		zone,
		guid: (i, field, value) => requireGuid(node, i, field, value),
		required(i, field, value) {
			const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
			if (!text) throw invalidInput(node, i, field, 'is required');
			return text;
		},
		dateTime: async (i, field, value) => toSmensoDateTime(node, i, field, value, await zone(i)),
		date: async (i, field, value) => toSmensoDate(node, i, field, value, await zone(i)),
		get: async <T>(path: string, itemIndex?: number, notFoundLabel?: string, qs?: IDataObject) =>
			(await vendorRequest.call(ctx, smensoProfile, { method: 'GET', path, itemIndex, notFoundLabel, qs })) as T,
	};
}

interface Pending {
	itemIndex: number;
	plan: WritePlan;
	wait: boolean;
	maxWaitMs: number;
	batchSize: number;
	zone: string;
}

type Outcome = { json: IDataObject } | { error: NodeApiError | NodeOperationError };

function errorOutput(error: Error, extra: IDataObject = {}): IDataObject {
	return { error: error.message, ...(error instanceof NodeApiError && error.description ? { details: error.description } : {}), ...extra };
}

function messagesOf(error: unknown): string[] {
	const response = (error as { errorResponse?: JsonObject }).errorResponse;
	const body = response?.body as IDataObject | undefined;
	const list = body && Array.isArray(body.errors) ? body.errors : [];
	return list.map((m) => (typeof m === 'string' ? m : JSON.stringify(m)));
}

function statusOf(error: unknown): number | undefined {
	const code = Number((error as { httpCode?: string }).httpCode);
	return Number.isFinite(code) && code > 0 ? code : undefined;
}

/**
 * Runs the items of one execution: reads at once, writes collected so that items for the same endpoint
 * (and project) go out as one request and one ticket. Pending writes are flushed before any read so
 * that item order is kept for side effects. Each output item stays paired with its input item.
 */
export async function runItems(
	ctx: IExecuteFunctions,
	handlerFor: (resource: string, operation: string) => OperationHandler | undefined,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const tools = makeTools(ctx);
	const continueOnFail = ctx.continueOnFail();
	const outputs: INodeExecutionData[][] = items.map(() => []);
	const pending: Pending[] = [];

	const fail = (i: number, error: Error, extra?: IDataObject) => {
		if (!continueOnFail) {
			if (error instanceof NodeApiError || error instanceof NodeOperationError) throw error;
			throw new NodeOperationError(ctx.getNode(), error, { itemIndex: i });
		}
		outputs[i] = [{ json: errorOutput(error, extra), pairedItem: { item: i } }];
	};

	const flush = async () => {
		const batch = pending.splice(0, pending.length);
		const groups = new Map<string, Pending[]>();
		for (const entry of batch) {
			const key = entry.plan.batchable
				? `${entry.plan.group}|${entry.wait}|${entry.maxWaitMs}|${entry.zone}|${entry.batchSize}`
				: `single:${entry.itemIndex}`;
			groups.set(key, [...(groups.get(key) ?? []), entry]);
		}
		for (const group of groups.values()) {
			const size = Math.max(1, group[0].batchSize);
			for (let start = 0; start < group.length; start += size) {
				const chunk = group.slice(start, start + size);
				const outcomes = await sendChunk(ctx, chunk, true);
				chunk.forEach((entry, k) => {
					const outcome = outcomes[k];
					if ('error' in outcome) fail(entry.itemIndex, outcome.error, { ticket: (outcome as { ticket?: IDataObject }).ticket });
					else outputs[entry.itemIndex] = [{ json: outcome.json, pairedItem: { item: entry.itemIndex } }];
				});
			}
		}
	};

	for (let i = 0; i < items.length; i++) {
		const resource = ctx.getNodeParameter('resource', i) as string;
		const operation = ctx.getNodeParameter('operation', i) as string;
		const handler = handlerFor(resource, operation);
		try {
			if (!handler) throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex: i });
			if (handler.write) {
				const plan = await handler.write(i, tools);
				const wait = ctx.getNodeParameter('waitForCompletion', i, true) as boolean;
				const maxWait = Number(ctx.getNodeParameter('maxWait', i, 120));
				const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
				pending.push({
					itemIndex: i,
					plan,
					wait,
					maxWaitMs: Math.max(1, Number.isFinite(maxWait) ? maxWait : 120) * 1000,
					batchSize: Number(options.batchSize ?? 500) || 500,
					zone: await tools.zone(i),
				});
				continue;
			}
			await flush();
			const result = await handler.read!(i, tools);
			outputs[i] = toItems(result, i);
		} catch (error) {
			fail(i, error as Error);
		}
	}
	await flush();
	return [outputs.flat()];
}

function toItems(result: ReadResult, i: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) => {
		const asItem = entry as INodeExecutionData;
		if (asItem && typeof asItem === 'object' && 'json' in asItem && typeof asItem.json === 'object') {
			return { ...asItem, pairedItem: { item: i } };
		}
		return { json: entry as IDataObject, pairedItem: { item: i } };
	});
}

/** Lets waitForTicket return on "Failed" too, so a batch can hand each record its own outcome. */
const batchTickets: TicketProfile = {
	statusPath: smensoTickets.statusPath,
	interpret(body) {
		const read = smensoTickets.interpret(body);
		return read.state === 'failed' ? { ...read, state: 'partial' } : read;
	},
};

async function sendChunk(ctx: IExecuteFunctions, chunk: Pending[], mayRetrySplit: boolean): Promise<Array<Outcome & { ticket?: IDataObject }>> {
	const node = ctx.getNode();
	const first = chunk[0];
	const plan = first.plan;
	const records = chunk.map((entry) => entry.plan.record);
	const single = chunk.length === 1 ? first.itemIndex : undefined;
	const body = plan.method === 'DELETE' ? undefined : plan.wrap ? plan.wrap(records) : records[0];

	let response: FullResponse;
	try {
		response = (await vendorRequest.call(ctx, smensoProfile, {
			method: plan.method,
			path: plan.path,
			body: body as IDataObject,
			headers: { Timezone: first.zone },
			itemIndex: single,
			notFoundLabel: chunk.length === 1 ? plan.notFoundLabel : undefined,
			returnFullResponse: true,
		})) as FullResponse;
	} catch (error) {
		// A rejected batch: give each record the messages that name it and send the others again once.
		if (chunk.length > 1 && statusOf(error) === 400) {
			const { byIndex } = assignMessages(messagesOf(error), records);
			if (byIndex.size > 0 && mayRetrySplit) {
				const outcomes: Array<Outcome & { ticket?: IDataObject }> = new Array(chunk.length);
				const rest: number[] = [];
				chunk.forEach((entry, k) => {
					const own = byIndex.get(k);
					if (own) {
						outcomes[k] = {
							error: buildApiError(node, {
								vendor: 'smenso',
								status: 400,
								message: own.map((m) => m.replace(/^\w+\[\d+\]:\s*/, '')).join('; '),
								description: 'smenso rejected this record; the other records of the batch were sent again without it.',
								itemIndex: entry.itemIndex,
								body: { errors: own },
								secrets: [],
							}),
						};
					} else rest.push(k);
				});
				if (rest.length) {
					const again = await sendChunk(ctx, rest.map((k) => chunk[k]), false);
					rest.forEach((k, n) => (outcomes[k] = again[n]));
				}
				return outcomes;
			}
		}
		return chunk.map((entry) => ({ error: perItem(ctx, error as Error, entry.itemIndex, chunk.length) }));
	}

	const ticketId = ticketIdOf(response.body);
	if (!ticketId) {
		// Answered synchronously: nothing to wait for.
		const answer = response.body && typeof response.body === 'object' && !Array.isArray(response.body) ? (response.body as IDataObject) : { response: response.body };
		return chunk.map((entry) => ({ json: { success: true, ...(entry.plan.echo ?? {}), ...answer } as IDataObject }));
	}
	if (!first.wait) {
		return chunk.map((entry) => ({
			json: {
				...(entry.plan.echo ?? {}),
				...(entry.plan.record.externalId ? { externalId: entry.plan.record.externalId } : {}),
				ticket: { id: ticketId, state: 'pending', batchSize: chunk.length, httpStatus: response.statusCode },
			},
		}));
	}

	let status: IDataObject;
	try {
		const initialDelayMs = Math.min(1000, Math.max(200, first.maxWaitMs / 20));
		const outcome = await waitForTicket.call(ctx, smensoProfile, batchTickets, {
			ticketId,
			deadlineMs: first.maxWaitMs,
			initialDelayMs,
			maxDelayMs: 8000,
			itemIndex: single,
		});
		status = outcome.status;
	} catch (error) {
		return chunk.map((entry) => ({ error: perItem(ctx, error as Error, entry.itemIndex, chunk.length), ticket: { id: ticketId } }));
	}

	const summary = ticketSummary(status);
	const { state, messages } = interpretTicket(status);
	const { byIndex, unassigned } = assignMessages(messages, records);
	const outcomes: Array<Outcome & { ticket?: IDataObject }> = [];
	const readBacks = new Map<string, Promise<IDataObject[]>>();
	for (let k = 0; k < chunk.length; k++) {
		const entry = chunk[k];
		const own = byIndex.get(k);
		const ticket = { ...summary, ...(chunk.length > 1 ? { batchSize: chunk.length, recordIndex: k } : {}) };
		if (own || state === 'failed') {
			const words = own ?? (unassigned.length ? unassigned : [`smenso ticket ${ticketId} failed`]);
			outcomes.push({
				error: buildApiError(node, {
					vendor: 'smenso',
					message: words.map((m) => m.replace(/^Record \d+(?: \([^)]*\))?:\s*/i, '')).join('; '),
					description: `Ticket ${ticketId} ${state === 'failed' ? 'failed' : 'finished with errors'} for this record${chunk.length > 1 ? ` (record ${k} of a batch of ${chunk.length})` : ''}.`,
					itemIndex: entry.itemIndex,
					body: ticket,
					secrets: [],
				}),
				ticket,
			});
			continue;
		}
		let record: IDataObject | undefined;
		let readBackError: string | undefined;
		if (entry.plan.readBack) {
			const rb = entry.plan.readBack;
			let list = readBacks.get(rb.key);
			if (!list) {
				list = rb.fetch();
				readBacks.set(rb.key, list);
			}
			try {
				record = rb.match(await list);
			} catch (error) {
				readBackError = (error as Error).message;
			}
		}
		const json: IDataObject = record
			? { ...record }
			: { success: true, ...(entry.plan.echo ?? {}), ...(entry.plan.record.externalId ? { externalId: entry.plan.record.externalId } : {}) };
		if (state === 'partial' && unassigned.length) json.warnings = unassigned;
		if (readBackError) json.readBackError = readBackError;
		json.ticket = ticket;
		outcomes.push({ json });
	}
	return outcomes;
}

function perItem(ctx: IExecuteFunctions, error: Error, itemIndex: number, batchSize: number): NodeApiError | NodeOperationError {
	const suffix = batchSize > 1 ? ` (this record was part of a batch of ${batchSize} sent as one request)` : '';
	if (error instanceof NodeApiError) {
		const copy = new NodeApiError(ctx.getNode(), (error.errorResponse ?? { message: error.message }) as JsonObject, {
			message: error.message,
			description: `${error.description ?? ''}${suffix}`.trim(),
			httpCode: error.httpCode ?? undefined,
			itemIndex,
		});
		copy.message = error.message;
		return copy;
	}
	return new NodeOperationError(ctx.getNode(), error.message, {
		itemIndex,
		description: `${(error as NodeOperationError).description ?? ''}${suffix}`.trim() || undefined,
	});
}
