/**
 * smenso's batch phase for the shared execute loop: handlers `return defer(plan)` for asynchronous
 * writes; `flush` sends the plans of many rows as one envelope request (records tagged with
 * `tempId`), waits for the ticket, and gives each row its own outcome — success only when the
 * ticket confirms that record (a Success ticket, counts that account for it, or the record read
 * back), otherwise a clear error for that row. Messages stay on the row they name; messages naming
 * no row reach every row as `ticketMessages`.
 */
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { buildApiError, mayHaveBeenApplied } from '../../../shared/errors';
import type { ItemOutcome } from '../../../shared/execute';
import {
	assignTicketMessages,
	namesPosition,
	stripRecordPrefix,
	ticketConfirms,
	waitForTicket,
	type TicketProfile,
} from '../../../shared/tickets';
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
interface ReadBack {
	/** Lists fetched once per key and shared by all rows of a ticket (e.g. "tasks:<projectId>"). */
	key: string;
	fetch: () => Promise<IDataObject[]>;
	/** The record, only if it shows the change (e.g. an archived project has isArchived true). */
	match: (list: IDataObject[]) => IDataObject | undefined;
}

interface WriteSettings {
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
	/**
	 * Warnings for what smenso did not store as sent (fields resting on one disputed source), from
	 * the record read back and the whole list it came from. Costs no request: it reads the read-back.
	 */
	verify?: (found: IDataObject, list: IDataObject[]) => string[];
	/** Output when nothing can be read back (e.g. `{ id, deleted: true }`). */
	echo?: IDataObject;
	notFoundLabel?: string;
	settings: WriteSettings;
}

// ---------- settings every asynchronous write shares ----------

/**
 * The zone the row's dates are meant in: the node option, else the credential's default, else
 * n8n's.
 */
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
		// A rejected batch (400: nothing was written): each named record gets its message, the rest
		// goes again once.
		const status = Number((error as { httpCode?: string }).httpCode);
		if (chunk.length > 1 && status === 400 && mayResend && first.envelope) {
			const { byIndex } = assignTicketMessages(messagesOf(error), records, {
				key: first.envelope.key,
				// Nothing of a rejected request was written: a "Record n" could be any counting.
				written: () => false,
			});
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
								own.map(stripRecordPrefix).join('; '),
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

	const readBack = new ReadBacks(chunk, records);
	const ticketId = ticketIdOf(response.body);
	if (!ticketId) {
		// Answered at once (no ticket): the HTTP success is smenso's confirmation; read back where
		// possible.
		const answer =
			response.body && typeof response.body === 'object' && !Array.isArray(response.body)
				? fromWire(response.body as IDataObject)
				: {};
		return await confirm(ctx, chunk, records, readBack, {
			state: 'success',
			named: new Map(),
			confirmed: true,
			summary: { id: null, status: 'Done (no ticket)' },
			unassigned: [],
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
		// Still running at the deadline (or the status could not be read): the change may yet be
		// carried out.
		return chunk.map((entry) => {
			const copy = copyFor(ctx, error, entry.itemIndex, chunk.length);
			mayHaveBeenApplied.mark(copy);
			return { error: copy };
		});
	}

	const summary = ticketSummary(status);
	const { state, messages } = interpretTicket(status);
	// "Record n" messages are read only where the read-back agrees (it is loaded for them only).
	if (messages.some(namesPosition)) await readBack.loadAll();
	const { byIndex, unassigned } = assignTicketMessages(messages, records, {
		key: first.envelope?.key,
		written: (k) => readBack.written(k),
	});
	const counts = ticketCounts(status);
	return await confirm(ctx, chunk, records, readBack, {
		state,
		named: byIndex,
		confirmed: ticketConfirms({
			state,
			carried: chunk.length,
			named: byIndex.size,
			counts,
			expect: first.expect,
			unassigned: unassigned.length,
		}),
		summary,
		unassigned,
		counts,
	});
}

/** The rows' read-backs: each list fetched once per key, on first need. */
class ReadBacks {
	private lists = new Map<string, Promise<IDataObject[]>>();
	private found = new Map<number, { record?: IDataObject; list: IDataObject[] }>();

	constructor(
		private readonly chunk: Entry[],
		private readonly records: IDataObject[],
	) {}

	/** The row's record as read back (undefined: not found, or the row has no read-back). */
	async of(k: number): Promise<{ record?: IDataObject; list: IDataObject[] } | undefined> {
		const readBack = this.chunk[k].plan.readBack;
		if (!readBack) return undefined;
		const known = this.found.get(k);
		if (known) return known;
		let list = this.lists.get(readBack.key);
		if (!list) {
			list = readBack.fetch();
			this.lists.set(readBack.key, list);
		}
		let entry: { record?: IDataObject; list: IDataObject[] };
		try {
			const all = await list;
			entry = { record: readBack.match(all), list: all };
		} catch {
			entry = { record: undefined, list: [] };
		}
		this.found.set(k, entry);
		return entry;
	}

	async loadAll(): Promise<void> {
		for (let k = 0; k < this.chunk.length; k++) await this.of(k);
	}

	/**
	 * Whether the read-back shows the row's write (undefined: unknown). A create is written when its
	 * record is found; an update when its record is found showing at least one of the values sent.
	 */
	written(k: number): boolean | undefined {
		const plan = this.chunk[k].plan;
		if (!plan.readBack) return undefined;
		const entry = this.found.get(k);
		if (!entry) return undefined;
		if (!entry.record) return false;
		if (plan.expect !== 'modified') return true;
		const sent = Object.keys(this.records[k]).filter((key) => !NOT_VALUES.includes(key));
		return !sent.length || sent.some((key) => sameValue(this.records[k][key], entry.record![key]));
	}
}

const NOT_VALUES = ['id', 'tempId', 'useExternalId', 'externalId'];

interface Verdict {
	state: string;
	named: Map<number, string[]>;
	/** The ticket by itself confirms the records no message names. */
	confirmed: boolean;
	summary: IDataObject;
	/** Messages that name no record: every row of the ticket gets them as `ticketMessages`. */
	unassigned: string[];
	counts?: IDataObject;
	answer?: IDataObject;
}

async function confirm(
	ctx: IExecuteFunctions,
	chunk: Entry[],
	records: IDataObject[],
	readBack: ReadBacks,
	v: Verdict,
): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	const ticketId = String(v.summary.id ?? '');
	for (let k = 0; k < chunk.length; k++) {
		const { itemIndex, plan } = chunk[k];
		const extra = chunk.length > 1 ? { batchSize: chunk.length, recordIndex: k } : {};
		const own = v.named.get(k);
		// A message naming this record: it failed, unless smenso calls the whole ticket a success.
		if (v.state === 'failed' || (own && v.state !== 'success')) {
			const words =
				own ?? (v.unassigned.length ? v.unassigned : [`smenso ticket ${ticketId} failed`]);
			outcomes.push({
				error: rowError(
					ctx,
					itemIndex,
					words.map(stripRecordPrefix).join('; '),
					`Ticket ${ticketId} ${v.state === 'failed' ? 'failed' : 'finished with errors'} for this record${chunk.length > 1 ? ` (record ${k} of ${chunk.length} sent together)` : ''}; it was not written.`,
					{ ...v.summary, ...extra },
				),
			});
			continue;
		}
		const read = await readBack.of(k);
		const found = read?.record;
		if (!found && !v.confirmed) {
			const counts = v.counts
				? Object.entries(v.counts)
						.map(([key, n]) => `${key} ${String(n)}`)
						.join(', ')
				: 'no counts';
			const error = rowError(
				ctx,
				itemIndex,
				`smenso's ticket does not confirm this record${v.unassigned.length ? `: ${v.unassigned.join('; ')}` : ''}`,
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
		const warnings = [
			// smenso's own words about this record in a successful ticket stay on its row.
			...(own ?? []).map(stripRecordPrefix),
			...(found && plan.verify ? plan.verify(found, read?.list ?? []) : []),
			...(!found && plan.readBack ? [NOT_READ_BACK] : []),
		];
		outcomes.push({
			json: {
				...base,
				...(warnings.length ? { warnings } : {}),
				...(v.unassigned.length ? { ticketMessages: v.unassigned } : {}),
				...ticketOutput(plan, v.summary, extra),
			},
		});
	}
	return outcomes;
}

const NOT_READ_BACK =
	"smenso's ticket confirms this record, but it was not found when read back, so the output shows what was sent; see the README's smenso notes";

// ---------- disputed fields: compare what was sent with what smenso stored ----------

/** A field whose wire name or storage rests on one disputed source: checked after the read-back. */
interface Disputed {
	/** Key in the record sent. */
	wire: string;
	/** The field's label in the node. */
	label: string;
	/** Key in the record read back (default: `wire`). */
	read?: string;
}

function normal(value: unknown): string {
	if (value === null || value === undefined || value === '') return '';
	if (Array.isArray(value)) return value.map(normal).join(',');
	if (typeof value === 'object') return JSON.stringify(value);
	const text = String(value).trim();
	// Dates: the read-back is ISO (yyyy-MM-dd[THH:mm:ss]); the wire may carry a time smenso drops.
	return /^\d{4}-\d{2}-\d{2}T00:00(:00)?$/.test(text) ? text.slice(0, 10) : text.toLowerCase();
}

/** Whether a value read back is the one sent (dates by day when one side has no time). */
export function sameValue(sent: unknown, stored: unknown): boolean {
	const a = normal(sent);
	const b = normal(stored);
	if (a === b) return true;
	const day = /^\d{4}-\d{2}-\d{2}/;
	return (
		day.test(a) &&
		day.test(b) &&
		(a.length === 10 || b.length === 10) &&
		a.slice(0, 10) === b.slice(0, 10)
	);
}

/** The flavors of a record as read back (P14: "a flavors/tags/appliedTags-like structure"). */
function flavorsOf(record: IDataObject): IDataObject[] | undefined {
	for (const key of ['flavors', 'flavor', 'tags', 'appliedTags']) {
		if (Array.isArray(record[key])) return record[key] as IDataObject[];
	}
	return undefined;
}

/**
 * Warnings for the disputed fields of a record that smenso did not store as sent, e.g. "smenso did
 * not store Planned Effort (Hours) (sent plannedDuration = 90; the task read back has none)".
 */
export function disputedCheck(
	record: IDataObject,
	fields: Disputed[],
	what: string,
): (found: IDataObject) => string[] {
	return (found) => {
		const warnings: string[] = [];
		for (const f of fields) {
			if (!(f.wire in record) || record[f.wire] === null) continue;
			const sent = record[f.wire];
			if (f.wire === 'flavor' && Array.isArray(sent)) {
				const stored = flavorsOf(found);
				const missing = (sent as IDataObject[]).filter((entry) => {
					const target = String(entry.target ?? '').toLowerCase();
					const hit = stored?.find((s) =>
						[s.id, s.name, s.target].some((k) => String(k ?? '').toLowerCase() === target),
					);
					return !hit || !sameValue(entry.value, hit.value);
				});
				if (missing.length)
					warnings.push(
						`${DID_NOT_STORE} ${f.label}: ${missing.map((m) => String(m.target)).join(', ')} (the ${what} read back ${stored ? 'shows other values' : 'has no flavors'}); ${SEE_NOTES}`,
					);
				continue;
			}
			const key = f.read ?? f.wire;
			const stored = found[key];
			if (sameValue(sent, stored)) continue;
			const shown =
				stored === undefined || stored === null || stored === ''
					? `the ${what} read back has none`
					: `the ${what} read back has ${JSON.stringify(stored)}`;
			warnings.push(
				`${DID_NOT_STORE} ${f.label} (sent ${f.wire} = ${JSON.stringify(sent)}; ${shown}); ${SEE_NOTES}`,
			);
		}
		return warnings;
	};
}

const DID_NOT_STORE = 'smenso did not store';
const SEE_NOTES = "see the README's smenso notes";
