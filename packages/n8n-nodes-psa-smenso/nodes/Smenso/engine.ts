/**
 * smenso's batch phase for the shared execute loop: handlers `return defer(plan)` for asynchronous writes;
 * `flush` sends the plans of many rows as one envelope request (records tagged with `tempId`), waits for the
 * ticket, and gives each row its own outcome — success only when the ticket confirms that record (its
 * counts, no message naming it, or the record read back), otherwise a clear error for that row.
 */
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { buildApiError, mayHaveBeenApplied } from '../../../shared/errors';
import type { ItemOutcome } from '../../../shared/execute';
import { waitForTicket, type TicketProfile } from '../../../shared/tickets';
import { credentialsFor } from '../../../shared/transport';
import type { RequestSpec } from '../../../shared/types';
import { invalidInput } from '../../../shared/validation';
import {
	fromWire,
	interpretTicket,
	requestWithFallback,
	smensoProfile,
	smensoTickets,
	ticketCounts,
	ticketIdOf,
	ticketSummary,
} from './transport';
import { windowsZoneOf, type Zone } from './zones';

/** How to find a written record afterwards (tickets carry counts, not the new record's id). */
export interface ReadBack {
	/** Lists fetched once per key and shared by all rows of a ticket (e.g. "tasks:<projectId>"). */
	key: string;
	fetch: () => Promise<IDataObject[]>;
	/** The record, only if it shows the change (e.g. an archived project has isArchived true). */
	match: (list: IDataObject[]) => IDataObject | undefined;
}

export interface WriteSettings {
	zone: Zone;
	wait: boolean;
	maxWaitMs: number;
	batchSize: number;
	fullTicket: boolean;
}

/** One row's share of an asynchronous write. */
export interface WritePlan {
	/** Rows whose `group` (and settings) are equal may go out in one request. */
	group: string;
	method: 'POST' | 'PUT' | 'DELETE';
	/** First the best-evidenced path; alternatives are tried only on 404 "no such endpoint". */
	paths: string[];
	/** Name of the route for remembering which path answered. */
	route: string;
	/** Envelope `{timezoneId?, ...top, [key]: [records]}`; without it `body` is sent as it is. */
	envelope?: { key: string; top?: IDataObject; timezone: boolean };
	record?: IDataObject;
	/** A flat body (template operations), per path when the sources' bodies differ. */
	body?: IDataObject | IDataObject[];
	batchable: boolean;
	/** The ticket count that confirms this record. */
	expect?: 'created' | 'modified' | 'deleted';
	readBack?: ReadBack;
	/** Output when nothing can be read back (e.g. `{ id, deleted: true }`). */
	echo?: IDataObject;
	notFoundLabel?: string;
	settings: WriteSettings;
}

// ---------- settings every asynchronous write shares ----------

/** The zone the row's dates are meant in: the node option, else the credential's default, else n8n's. */
export async function zoneFor(ctx: IExecuteFunctions, i: number): Promise<Zone> {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const fromNode = String(options.timezone ?? '').trim();
	const credentials = await credentialsFor(ctx, smensoProfile);
	const fromCredential = String(credentials.timezone ?? '').trim();
	const iana = fromNode || fromCredential || ctx.getTimezone();
	const windows = windowsZoneOf(iana);
	if (!windows) {
		const field = fromNode
			? 'Time Zone'
			: fromCredential
				? 'Default Time Zone (credential)'
				: 'Workflow time zone';
		throw invalidInput(
			ctx.getNode(),
			i,
			field,
			`"${iana}" is not an IANA time zone like Europe/Berlin`,
			'smenso gets the IANA name in the Timezone header and the matching Windows name (e.g. W. Europe Standard Time) in timezoneId.',
		);
	}
	return { iana, windows };
}

export async function writeSettings(ctx: IExecuteFunctions, i: number): Promise<WriteSettings> {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const wait = ctx.getNodeParameter('waitForCompletion', i, true) as boolean;
	const maxWait = Number(ctx.getNodeParameter('maxWait', i, 120));
	const batchSize = Number(options.batchSize ?? 500);
	return {
		zone: await zoneFor(ctx, i),
		wait,
		maxWaitMs: Math.max(1, Number.isFinite(maxWait) ? maxWait : 120) * 1000,
		batchSize: Number.isFinite(batchSize) && batchSize >= 1 ? Math.floor(batchSize) : 500,
		fullTicket: options.ticketDetail === 'full',
	};
}

// ---------- flush ----------

interface Entry {
	itemIndex: number;
	plan: WritePlan;
}

/** The batch phase: every deferred write, in input order. */
export async function flush(
	this: IExecuteFunctions,
	deferred: Array<{ itemIndex: number; plan: unknown }>,
): Promise<Map<number, ItemOutcome>> {
	const outcomes = new Map<number, ItemOutcome>();
	const groups = new Map<string, Entry[]>();
	for (const { itemIndex, plan } of deferred as Array<{ itemIndex: number; plan: WritePlan }>) {
		const s = plan.settings;
		const key = plan.batchable
			? JSON.stringify([plan.group, s.zone.iana, s.wait, s.maxWaitMs, s.batchSize, s.fullTicket])
			: `single:${itemIndex}`;
		groups.set(key, [...(groups.get(key) ?? []), { itemIndex, plan }]);
	}
	for (const group of groups.values()) {
		const size = Math.max(1, group[0].plan.settings.batchSize);
		for (let start = 0; start < group.length; start += size) {
			const chunk = group.slice(start, start + size);
			const results = await sendChunk(this, chunk, true);
			chunk.forEach((entry, k) => outcomes.set(entry.itemIndex, results[k]));
		}
	}
	return outcomes;
}

function messagesOf(error: unknown): string[] {
	const body = (error as { errorResponse?: JsonObject }).errorResponse?.body as
		IDataObject | undefined;
	const list = body && Array.isArray(body.errors) ? body.errors : [];
	return list.map((m) => (typeof m === 'string' ? m : JSON.stringify(m)));
}

const tempIdOf = (itemIndex: number) => `n8n-row-${itemIndex + 1}`;

/**
 * Which messages name which record: `Record 2 (tempId 'n8n-row-3'): …` or `task[2]: …` (a rejected
 * batch), by tempId first, then id/externalId, then position.
 */
export function assignMessages(
	messages: string[],
	records: IDataObject[],
	key?: string,
): { byIndex: Map<number, string[]>; unassigned: string[] } {
	const byIndex = new Map<number, string[]>();
	const unassigned: string[] = [];
	const add = (index: number, message: string) =>
		byIndex.set(index, [...(byIndex.get(index) ?? []), message]);
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
		if (found < 0) {
			const pattern = key
				? new RegExp(`(?:^record\\s+|^${key}\\[)(\\d+)`, 'i')
				: /^record\s+(\d+)/i;
			const m = pattern.exec(message);
			if (m && Number(m[1]) < records.length) found = Number(m[1]);
		}
		if (found >= 0) add(found, message);
		else unassigned.push(message);
	}
	return { byIndex, unassigned };
}

/** A record-level message without its "Record 2 (tempId '…'): " / "task[2]: " prefix. */
function stripPrefix(message: string): string {
	return message.replace(/^record\s+\d+(?:\s*\([^)]*\))?:\s*/i, '').replace(/^\w+\[\d+\]:\s*/, '');
}

function rowError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description: string,
	body?: unknown,
	status?: number,
): NodeApiError {
	return buildApiError(ctx.getNode(), {
		vendor: 'smenso',
		status,
		message,
		description,
		itemIndex,
		body,
		secrets: [],
	});
}

function copyFor(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	batchSize: number,
): Error {
	const suffix =
		batchSize > 1 ? ` This row was one of ${batchSize} records sent as one request.` : '';
	let copy: NodeApiError | NodeOperationError;
	if (error instanceof NodeApiError) {
		copy = new NodeApiError(
			ctx.getNode(),
			(error.errorResponse ?? { message: error.message }) as JsonObject,
			{
				message: error.message,
				description: `${error.description ?? ''}${suffix}`.trim(),
				httpCode: error.httpCode ?? undefined,
				itemIndex,
			},
		);
		copy.message = error.message;
	} else {
		copy = new NodeOperationError(ctx.getNode(), (error as Error).message, {
			itemIndex,
			description:
				`${(error as NodeOperationError).description ?? ''}${suffix}`.trim() || undefined,
		});
	}
	if (mayHaveBeenApplied(error)) mayHaveBeenApplied.mark(copy);
	return copy;
}

/** Lets waitForTicket return on "Failed" too, so each record can get its own outcome. */
const batchTickets: TicketProfile = {
	statusPath: smensoTickets.statusPath,
	interpret(body) {
		const read = smensoTickets.interpret(body);
		return read.state === 'failed' ? { ...read, state: 'partial' } : read;
	},
};

function bodyFor(plan: WritePlan, records: IDataObject[]): IDataObject | IDataObject[] | undefined {
	if (plan.method === 'DELETE' && !plan.envelope && !plan.body) return undefined;
	if (!plan.envelope) return plan.body;
	const { key, top, timezone } = plan.envelope;
	return {
		...(timezone ? { timezoneId: plan.settings.zone.windows } : {}),
		...(top ?? {}),
		[key]: records,
	};
}

function ticketOutput(plan: WritePlan, summary: IDataObject, extra: IDataObject): IDataObject {
	return plan.settings.fullTicket
		? { ticket: { ...summary, ...extra } }
		: { ticketId: summary.id, ticketStatus: summary.status };
}

async function sendChunk(
	ctx: IExecuteFunctions,
	chunk: Entry[],
	mayResend: boolean,
): Promise<ItemOutcome[]> {
	const first = chunk[0].plan;
	const settings = first.settings;
	const records = chunk.map((entry) =>
		first.envelope
			? { ...(entry.plan.record ?? {}), tempId: tempIdOf(entry.itemIndex) }
			: (entry.plan.record ?? {}),
	);
	const single = chunk.length === 1 ? chunk[0].itemIndex : undefined;
	const body = bodyFor(first, records);
	const specs: RequestSpec[] = first.paths.map((path) => ({
		method: first.method,
		path,
		body: body as IDataObject,
		headers: { Timezone: settings.zone.iana },
		itemIndex: single,
		notFoundLabel: chunk.length === 1 ? first.notFoundLabel : undefined,
		returnFullResponse: true,
	}));

	let response: { body: unknown; statusCode: number };
	try {
		response = await requestWithFallback(ctx, first.route, specs);
	} catch (error) {
		// A rejected batch (400: nothing was written): each named record gets its message, the rest goes again once.
		const status = Number((error as { httpCode?: string }).httpCode);
		if (chunk.length > 1 && status === 400 && mayResend && first.envelope) {
			const { byIndex } = assignMessages(messagesOf(error), records, first.envelope.key);
			if (byIndex.size > 0) {
				const outcomes: ItemOutcome[] = new Array(chunk.length);
				const rest: number[] = [];
				chunk.forEach((entry, k) => {
					const own = byIndex.get(k);
					if (own) {
						outcomes[k] = {
							error: rowError(
								ctx,
								entry.itemIndex,
								own.map(stripPrefix).join('; '),
								'smenso rejected this record (nothing of it was written); the other rows were sent again without it.',
								{ errors: own },
								400,
							),
						};
					} else rest.push(k);
				});
				if (rest.length) {
					const again = await sendChunk(
						ctx,
						rest.map((k) => chunk[k]),
						false,
					);
					rest.forEach((k, n) => (outcomes[k] = again[n]));
				}
				return outcomes;
			}
		}
		return chunk.map((entry) => ({ error: copyFor(ctx, error, entry.itemIndex, chunk.length) }));
	}

	const ticketId = ticketIdOf(response.body);
	if (!ticketId) {
		// Answered at once (no ticket): the HTTP success is smenso's confirmation; read back where possible.
		const answer =
			response.body && typeof response.body === 'object' && !Array.isArray(response.body)
				? fromWire(response.body as IDataObject)
				: {};
		return await confirm(ctx, chunk, records, {
			state: 'success',
			named: new Map(),
			counted: true,
			summary: { id: null, status: 'Done (no ticket)' },
			answer,
		});
	}
	if (!settings.wait) {
		return chunk.map((entry, k) => ({
			json: {
				...(entry.plan.echo ?? {}),
				...(records[k].externalId ? { externalId: records[k].externalId } : {}),
				...(first.envelope ? { tempId: records[k].tempId } : {}),
				ticketId,
				ticketStatus: 'Pending',
				...(settings.fullTicket
					? {
							ticket: {
								id: ticketId,
								state: 'pending',
								batchSize: chunk.length,
								httpStatus: response.statusCode,
							},
						}
					: {}),
			},
		}));
	}

	let status: IDataObject;
	try {
		const outcome = await waitForTicket.call(ctx, smensoProfile, batchTickets, {
			ticketId,
			deadlineMs: settings.maxWaitMs,
			initialDelayMs: Math.min(1000, Math.max(100, settings.maxWaitMs / 40)),
			maxDelayMs: 8000,
			itemIndex: single,
		});
		status = outcome.status;
	} catch (error) {
		// Still running at the deadline (or the status could not be read): the change may yet be carried out.
		return chunk.map((entry) => {
			const copy = copyFor(ctx, error, entry.itemIndex, chunk.length);
			mayHaveBeenApplied.mark(copy);
			return { error: copy };
		});
	}

	const summary = ticketSummary(status);
	const { state, messages } = interpretTicket(status);
	const { byIndex, unassigned } = assignMessages(messages, records, first.envelope?.key);
	const counts = ticketCounts(status);
	const unnamed = chunk.length - byIndex.size;
	const counted = !!(
		first.expect &&
		counts &&
		Number(counts[first.expect] ?? 0) >= unnamed &&
		!unassigned.length
	);
	return await confirm(ctx, chunk, records, {
		state,
		named: byIndex,
		counted: counted || (!first.expect && state === 'success'),
		summary,
		unassigned,
		counts,
	});
}

interface Verdict {
	state: string;
	named: Map<number, string[]>;
	/** The ticket's counts account for every record no message names. */
	counted: boolean;
	summary: IDataObject;
	unassigned?: string[];
	counts?: IDataObject;
	answer?: IDataObject;
}

async function confirm(
	ctx: IExecuteFunctions,
	chunk: Entry[],
	records: IDataObject[],
	v: Verdict,
): Promise<ItemOutcome[]> {
	const readBacks = new Map<string, Promise<IDataObject[]>>();
	const outcomes: ItemOutcome[] = [];
	const ticketId = String(v.summary.id ?? '');
	for (let k = 0; k < chunk.length; k++) {
		const { itemIndex, plan } = chunk[k];
		const extra = chunk.length > 1 ? { batchSize: chunk.length, recordIndex: k } : {};
		const own = v.named.get(k);
		if (own || v.state === 'failed') {
			const words =
				own ?? (v.unassigned?.length ? v.unassigned : [`smenso ticket ${ticketId} failed`]);
			outcomes.push({
				error: rowError(
					ctx,
					itemIndex,
					words.map(stripPrefix).join('; '),
					`Ticket ${ticketId} ${v.state === 'failed' ? 'failed' : 'finished with errors'} for this record${chunk.length > 1 ? ` (record ${k} of ${chunk.length} sent together)` : ''}; it was not written.`,
					{ ...v.summary, ...extra },
				),
			});
			continue;
		}
		let found: IDataObject | undefined;
		if (plan.readBack) {
			let list = readBacks.get(plan.readBack.key);
			if (!list) {
				list = plan.readBack.fetch();
				readBacks.set(plan.readBack.key, list);
			}
			try {
				found = plan.readBack.match(await list);
			} catch {
				found = undefined;
			}
		}
		if (!found && !v.counted) {
			const counts = v.counts
				? Object.entries(v.counts)
						.map(([key, n]) => `${key} ${String(n)}`)
						.join(', ')
				: 'no counts';
			const error = rowError(
				ctx,
				itemIndex,
				`smenso's ticket does not confirm this record${v.unassigned?.length ? `: ${v.unassigned.join('; ')}` : ''}`,
				`Ticket ${ticketId} (${String(v.summary.status)}; ${counts}) for ${chunk.length} record(s) names no outcome for this row${plan.readBack ? ', and it was not found when read back' : ''}. Check in smenso before running this row again.`,
				{ ...v.summary, ...extra },
			);
			mayHaveBeenApplied.mark(error);
			outcomes.push({ error });
			continue;
		}
		const base: IDataObject = found
			? fromWire(found)
			: {
					...(plan.echo ?? {}),
					...(v.answer ?? {}),
					...(records[k].externalId ? { externalId: records[k].externalId } : {}),
				};
		// "Success with Errors" whose messages name no record: the record is there, the messages are kept.
		const warnings = v.unassigned?.length ? { warnings: v.unassigned } : {};
		outcomes.push({ json: { ...base, ...warnings, ...ticketOutput(plan, v.summary, extra) } });
	}
	return outcomes;
}
