import type { ICredentialDataDecryptedObject, IDataObject, INode, JsonObject } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import {
	parseDateTime,
	formatIsoDate,
	formatLocalDateTime,
	dottedToIso,
} from '../../../shared/dates';
import { baseUrlOf, credentialText } from '../../../shared/kit';
import type { TicketProfile, TicketState } from '../../../shared/tickets';
import { credentialsFor, vendorRequest } from '../../../shared/transport';
import type { RequestContext, RequestSpec, VendorProfile } from '../../../shared/types';
import { invalidInput, isGuid, valueText } from '../../../shared/validation';
import { windowsZoneOf } from './zones';

/** The workspace subdomain's API address (a pasted host or URL is cut down to the subdomain). */
function workspaceUrl(credentials: ICredentialDataDecryptedObject): string {
	const workspace = credentialText(credentials, 'workspace')
		.replace(/^https?:\/\//i, '')
		.replace(/\.smenso\.cloud.*$/i, '')
		.replace(/\/.*$/, '');
	if (!/^[a-z0-9][a-z0-9-]*$/i.test(workspace)) {
		throw new UserError(
			`The smenso credential's Workspace "${workspace}" is not a subdomain like "acme"`,
		);
	}
	return `https://${workspace}.smenso.cloud/skyisland/api`;
}

/** The API base URL from the credential (the shared rule): the workspace's, or the custom URL. */
export function smensoBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const custom = credentials.connection === 'customUrl';
	return baseUrlOf(
		'smenso',
		custom ? undefined : workspaceUrl(credentials),
		custom ? credentials.baseUrl : undefined,
		'https://acme.smenso.cloud/skyisland/api/',
	);
}

/** smenso's error body: `{ "errors": ["…", "…"] }` (core concepts page). */
function smensoErrorMessage(body: unknown): string | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const errors = (body as IDataObject).errors;
	if (!Array.isArray(errors)) return undefined;
	const texts = errors
		.map((e) =>
			typeof e === 'string'
				? e
				: e && typeof e === 'object'
					? String((e as IDataObject).message ?? JSON.stringify(e))
					: '',
		)
		.filter(Boolean);
	return texts.length ? texts.join('; ') : undefined;
}

/**
 * smenso: no paging, `{ errors: [] }` bodies, the credential's default zone as the Timezone header.
 */
export const smensoProfile: VendorProfile = {
	name: 'smenso',
	credentialType: 'psaSmensoApi',
	baseUrl: smensoBaseUrl,
	paging: { style: 'none' },
	limiterKey: (credentials) => `${smensoBaseUrl(credentials)}|${String(credentials.token ?? '')}`,
	errorMessage: (body) => smensoErrorMessage(body),
	headers(credentials): Record<string, string> {
		const zone = credentialText(credentials, 'timezone');
		return zone && windowsZoneOf(zone) ? { Timezone: zone } : {};
	},
};

// ---------- endpoints that sources disagree on: try the documented alternative once ----------

/**
 * 404 "no such endpoint" (the path does not exist: nothing was carried out), told apart from 404
 * "record not found" (`{errors: ["Project '…' not found"]}`): the body says "No such endpoint", or
 * is not smenso's error body at all (a web server's own 404 page).
 */
export function isNoSuchEndpoint(error: unknown): boolean {
	const e = error as { httpCode?: unknown; errorResponse?: JsonObject; message?: string };
	if (String(e?.httpCode ?? '') !== '404') return false;
	const body = e.errorResponse?.body as IDataObject | undefined;
	const text = smensoErrorMessage(body) ?? '';
	if (/^no such endpoint/i.test(text) || /^no such endpoint/i.test(String(e.message ?? '')))
		return true;
	return !body || typeof body !== 'object' || !Array.isArray((body as IDataObject).errors);
}

/** Per base URL and route: which candidate answered (kept for the life of the n8n process). */
const chosenRoute = new Map<string, number>();

/** Forget what was learnt (tests). */
export function forgetRoutes(): void {
	chosenRoute.clear();
}

/**
 * Sends the first candidate (the best-evidenced path; or the one that worked before for this base
 * URL). If smenso answers 404 "no such endpoint" — nothing was carried out — the next candidate is
 * tried once, and the one that answers is remembered. Any other failure (and any failure after
 * which the write may have been carried out) is thrown as it is.
 */
export async function requestWithFallback<T = unknown>(
	ctx: RequestContext,
	route: string,
	candidates: RequestSpec[],
): Promise<T> {
	const credentials = await credentialsFor(ctx, smensoProfile);
	const key = `${smensoBaseUrl(credentials)} ${route}`;
	const first = chosenRoute.get(key) ?? 0;
	const order = [first, ...candidates.map((_, k) => k).filter((k) => k !== first)];
	let lastError: unknown;
	for (const k of order) {
		try {
			const answer = await vendorRequest.call(ctx, smensoProfile, candidates[k]);
			chosenRoute.set(key, k);
			return answer as T;
		} catch (error) {
			if (!isNoSuchEndpoint(error)) throw lastAnswer(error);
			lastError = error;
		}
	}
	throw lastAnswer(lastError);
}

/**
 * A failure as it came: already a NodeApiError in smenso's words (built by the shared transport).
 */
function lastAnswer(error: unknown): Error {
	return error as Error;
}

/**
 * Where a project's tasks are listed: N-new's `task/json/{projectId}` (also our earlier notes)
 * first, N-old's `task/json?projectId=` only after a 404 "no such endpoint" (route `task:list`).
 */
export function taskListCandidates(projectId: string): Array<{ path: string; qs?: IDataObject }> {
	return [
		{ path: `integration/task/json/${projectId}` },
		{ path: 'integration/task/json', qs: { projectId } },
	];
}

// ---------- tickets ----------

const STATE_BY_NAME: Record<string, TicketState> = {
	success: 'success',
	completed: 'success',
	successwitherrors: 'partial',
	failed: 'failed',
	started: 'pending',
	created: 'pending',
	processing: 'pending',
};
/** Only 10 and 30 are documented (P4); other ids are read by their name. */
const STATE_BY_ID: Record<number, TicketState> = { 10: 'success', 30: 'failed' };

function ticketMessages(body: IDataObject): string[] {
	const raw = body.messages ?? body.Messages;
	return (Array.isArray(raw) ? raw : [])
		.map((m) =>
			typeof m === 'string'
				? m
				: m && typeof m === 'object'
					? String((m as IDataObject).message ?? JSON.stringify(m))
					: '',
		)
		.map((m) => m.trim())
		.filter(Boolean);
}

/**
 * Reads a ticket: the documented ids 10/30 first, then the status name; anything else is still
 * running.
 */
export function interpretTicket(body: IDataObject): { state: TicketState; messages: string[] } {
	const id = Number(body.statusId ?? body.StatusId);
	const name = String(body.status ?? body.Status ?? '')
		.toLowerCase()
		.replace(/[^a-z]/g, '');
	const state = STATE_BY_ID[id] ?? STATE_BY_NAME[name] ?? 'pending';
	return { state, messages: ticketMessages(body) };
}

export const smensoTickets: TicketProfile = {
	statusPath: (ticketId) => `integration/status/json/${encodeURIComponent(ticketId)}`,
	interpret: interpretTicket,
};

/**
 * The counts block of a ticket ({ created, modified, attributesModified, deleted }); its key is the
 * endpoint's name.
 */
export function ticketCounts(body: IDataObject): IDataObject | undefined {
	for (const value of Object.values(body)) {
		if (
			value &&
			typeof value === 'object' &&
			!Array.isArray(value) &&
			'created' in (value as IDataObject)
		)
			return value as IDataObject;
	}
	return undefined;
}

/**
 * A ticket time stamp (dd.MM.yyyy HH:mm:ss or ISO with offset) as ISO text; the never-started stamp
 * as null.
 */
function ticketTime(value: unknown): string | null {
	if (typeof value !== 'string' || !value) return null;
	if (value.startsWith('0001-01-01')) return null;
	return dottedToIso(value) ?? value;
}

/** The whole ticket, readable: state, counts, messages, times. */
export function ticketSummary(body: IDataObject): IDataObject {
	const { state } = interpretTicket(body);
	return {
		id: body.id ?? body.ticketId ?? null,
		endpoint: body.endpoint ?? null,
		status: body.status ?? null,
		statusId: body.statusId ?? null,
		state,
		counts: ticketCounts(body) ?? {},
		messages: ticketMessages(body),
		received: ticketTime(body.received),
		started: ticketTime(body.started),
		processed: ticketTime(body.processed),
	};
}

/** The ticket id in a write answer (`{ ticketId }`, a ticket object, or a bare GUID string). */
export function ticketIdOf(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body.trim().replace(/^"|"$/g, '');
		return isGuid(text) ? text : undefined;
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const o = body as IDataObject;
	for (const key of ['ticketId', 'TicketId', 'ticketID']) {
		if (typeof o[key] === 'string' && isGuid(o[key])) return o[key] as string;
	}
	if (
		typeof o.id === 'string' &&
		isGuid(o.id) &&
		('statusId' in o || 'status' in o) &&
		'endpoint' in o
	)
		return o.id;
	return undefined;
}

// ---------- dates: no UTC offsets on the wire, dd.MM.yyyy answers read back as ISO ----------

function wallClock(node: INode, itemIndex: number, field: string, value: unknown, zone: string) {
	const parsed = parseDateTime(node, itemIndex, field, value);
	if (!parsed.offset) return parsed;
	// A value with an offset (e.g. from another system, "…Z") is moved into the chosen zone first.
	const offset =
		parsed.offset === 'Z'
			? 'UTC'
			: `UTC${parsed.offset.length === 5 ? `${parsed.offset.slice(0, 3)}:${parsed.offset.slice(3)}` : parsed.offset}`;
	const local = DateTime.fromObject(
		{
			year: parsed.year,
			month: parsed.month,
			day: parsed.day,
			hour: parsed.hour,
			minute: parsed.minute,
			second: parsed.second,
		},
		{ zone: offset },
	).setZone(zone);
	return {
		year: local.year,
		month: local.month,
		day: local.day,
		hour: local.hour,
		minute: local.minute,
		second: local.second,
		hasTime: true,
	};
}

/** A calendar day for smenso (yyyy-MM-dd, no offset). */
export function toWireDate(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	zone: string,
): string {
	return formatIsoDate(wallClock(node, itemIndex, field, value, zone));
}

/**
 * A date and time for smenso (yyyy-MM-ddTHH:mm:ss in the chosen zone, no offset); a bare date stays
 * a date.
 */
export function toWireDateTime(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	zone: string,
): string {
	const wall = wallClock(node, itemIndex, field, value, zone);
	return wall.hasTime ? formatLocalDateTime(wall) : formatIsoDate(wall);
}

/** smenso answers dates as dd.MM.yyyy (and date-times dd.MM.yyyy HH:mm:ss): output them as ISO. */
export function fromWire<T>(value: T, depth = 0): T {
	if (depth > 6 || value === null || value === undefined) return value;
	if (typeof value === 'string') return (dottedToIso(value) ?? value) as unknown as T;
	if (Array.isArray(value)) return value.map((v) => fromWire(v, depth + 1)) as unknown as T;
	if (typeof value === 'object' && !Buffer.isBuffer(value)) {
		const out: IDataObject = {};
		for (const [k, v] of Object.entries(value as IDataObject))
			out[k] = fromWire(v, depth + 1) as IDataObject[keyof IDataObject];
		return out as T;
	}
	return value;
}

// ---------- units ----------

/** Hours as users think in them ("1.5", "1,5", "1:30", 2) → whole minutes for the wire. */
export function hoursToMinutes(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
): number {
	const text = valueText(value);
	let minutes: number | undefined;
	const hm = /^(\d+):([0-5]\d)$/.exec(text);
	if (hm) minutes = Number(hm[1]) * 60 + Number(hm[2]);
	else if (/^\d+(?:[.,]\d+)?$/.test(text))
		minutes = Math.round(Number(text.replace(',', '.')) * 60);
	if (minutes === undefined || !Number.isFinite(minutes)) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`must be hours like 1.5 or hours:minutes like 1:30, got "${String(value ?? '')}"`,
			'smenso stores durations in minutes; the node converts the hours you enter.',
		);
	}
	return minutes;
}

/** Whole minutes (0–max). */
export function wholeMinutes(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	max = 1440,
): number {
	const n =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value)
				: NaN;
	if (!Number.isInteger(n) || n < 0 || n > max)
		throw invalidInput(
			node,
			itemIndex,
			field,
			`must be whole minutes from 0 to ${max}, got "${String(value ?? '')}"`,
		);
	return n;
}

/**
 * Minutes on the wire → hours for output next to the minutes (e.g. plannedDuration 90 →
 * plannedHours 1.5).
 */
export function minutesToHours(minutes: unknown): number | null {
	const n = Number(minutes);
	return minutes === null || minutes === undefined || minutes === '' || !Number.isFinite(n)
		? null
		: Math.round((n / 60) * 100) / 100;
}
