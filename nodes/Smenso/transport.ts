import type { ICredentialDataDecryptedObject, IDataObject, INode } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { invalidInput, isGuid } from '../shared/validation';
import type { TicketProfile, TicketState } from '../shared/tickets';
import type { VendorProfile } from '../shared/types';

/** Turns the credential into the API base URL, without trailing slash. */
export function smensoBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.connection === 'customUrl') {
		const raw = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
		if (!/^https?:\/\/[^\s/]+/i.test(raw)) {
			throw new UserError(`The smenso credential's Base URL "${raw}" is not an http(s) address`);
		}
		return raw;
	}
	const workspace = String(credentials.workspace ?? '')
		.trim()
		.replace(/^https?:\/\//i, '')
		.replace(/\.smenso\.cloud.*$/i, '')
		.replace(/\/.*$/, '');
	if (!/^[a-z0-9][a-z0-9-]*$/i.test(workspace)) {
		throw new UserError(`The smenso credential's Workspace "${workspace}" is not a subdomain like "acme"`);
	}
	return `https://${workspace}.smenso.cloud/skyisland/api`;
}

/** smenso: no paging, `{ errors: [] }` bodies (mapped by the shared helper), optional Timezone header. */
export const smensoProfile: VendorProfile = {
	name: 'smenso',
	credentialType: 'psaSmensoApi',
	baseUrl: smensoBaseUrl,
	paging: { style: 'none' },
	limiterKey: (credentials) => `${smensoBaseUrl(credentials)}|${String(credentials.token ?? '')}`,
	headers(credentials): Record<string, string> {
		const zone = String(credentials.timezone ?? '').trim();
		return zone ? { Timezone: zone } : {};
	},
};

/** Ticket state ids: 10 Success and 30 Failed are documented; 20 / 5 / 0 are what our sandbox uses. */
const STATE_BY_NAME: Record<string, TicketState> = {
	success: 'success',
	succeeded: 'success',
	successwitherrors: 'partial',
	partialsuccess: 'partial',
	failed: 'failed',
	failure: 'failed',
	error: 'failed',
	started: 'pending',
	received: 'pending',
	queued: 'pending',
	processing: 'pending',
	pending: 'pending',
};
const STATE_BY_ID: Record<number, TicketState> = { 10: 'success', 20: 'partial', 30: 'failed' };

export function ticketMessages(body: IDataObject): string[] {
	const raw = body.messages ?? body.Messages;
	return (Array.isArray(raw) ? raw : [])
		.map((m) => (typeof m === 'string' ? m : m && typeof m === 'object' ? String((m as IDataObject).message ?? JSON.stringify(m)) : ''))
		.map((m) => m.trim())
		.filter(Boolean);
}

/** Reads a ticket: the status name wins (names are published), the id is the fallback. */
export function interpretTicket(body: IDataObject): { state: TicketState; messages: string[] } {
	const name = String(body.status ?? body.Status ?? '')
		.toLowerCase()
		.replace(/[^a-z]/g, '');
	const id = Number(body.statusId ?? body.StatusId);
	const state = STATE_BY_NAME[name] ?? STATE_BY_ID[id] ?? 'pending';
	return { state, messages: ticketMessages(body) };
}

export const smensoTickets: TicketProfile = {
	statusPath: (ticketId) => `integration/status/json/${encodeURIComponent(ticketId)}`,
	interpret: interpretTicket,
};

/** The counts block of a ticket ({ created, modified, attributesModified, deleted }), wherever it sits. */
export function ticketCounts(body: IDataObject): IDataObject | undefined {
	for (const value of Object.values(body)) {
		if (value && typeof value === 'object' && !Array.isArray(value) && 'created' in (value as IDataObject)) {
			return value as IDataObject;
		}
	}
	return undefined;
}

/** A compact, readable ticket summary for output items. */
export function ticketSummary(body: IDataObject): IDataObject {
	const { state } = interpretTicket(body);
	return {
		id: body.id ?? body.ticketId,
		endpoint: body.endpoint,
		status: body.status,
		statusId: body.statusId,
		state,
		counts: ticketCounts(body) ?? {},
		messages: ticketMessages(body),
		received: body.received,
		processed: body.processed,
	};
}

/** The ticket id in a write response (`{ ticketId }`, `{ id }` of a ticket, or a bare GUID string). */
export function ticketIdOf(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body.trim().replace(/^"|"$/g, '');
		return isGuid(text) ? text : undefined;
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const o = body as IDataObject;
	for (const key of ['ticketId', 'TicketId', 'ticketID', 'ticket']) {
		if (typeof o[key] === 'string' && isGuid(o[key])) return o[key] as string;
	}
	if (typeof o.id === 'string' && isGuid(o.id) && ('statusId' in o || 'status' in o)) return o.id;
	return undefined;
}

// ---------- dates ----------

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

function parseInput(node: INode, itemIndex: number, field: string, value: unknown, zone: string): DateTime {
	let parsed: DateTime | undefined;
	if (value instanceof Date) parsed = DateTime.fromJSDate(value).setZone(zone);
	else if (DateTime.isDateTime(value)) parsed = (value as DateTime).setZone(zone);
	else if (typeof value === 'string') {
		const text = value.trim().replace(' ', 'T');
		parsed = HAS_OFFSET.test(text)
			? DateTime.fromISO(text, { setZone: true }).setZone(zone)
			: DateTime.fromISO(text, { zone });
	}
	if (!parsed || !parsed.isValid) {
		throw invalidInput(node, itemIndex, field, `must be a date or date and time (e.g. 2026-03-01 or 2026-03-01T09:00), got "${String(value ?? '')}"`);
	}
	return parsed;
}

/**
 * A date and time as smenso wants it: local time in `zone`, no UTC offset ("2026-03-01T10:00:00").
 * A value with an offset (e.g. from another system, "…Z") is first moved into `zone`; a value without one is
 * taken as already local. A bare date stays a bare date.
 */
export function toSmensoDateTime(node: INode, itemIndex: number, field: string, value: unknown, zone: string): string {
	if (typeof value === 'string' && DATE_ONLY.test(value.trim())) return value.trim();
	return parseInput(node, itemIndex, field, value, zone).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** A calendar day in `zone` ("2026-03-01"). */
export function toSmensoDate(node: INode, itemIndex: number, field: string, value: unknown, zone: string): string {
	if (typeof value === 'string' && DATE_ONLY.test(value.trim())) {
		const day = DateTime.fromISO(value.trim());
		if (!day.isValid) throw invalidInput(node, itemIndex, field, `is not a real calendar date: "${value}"`);
		return value.trim();
	}
	return parseInput(node, itemIndex, field, value, zone).toFormat('yyyy-MM-dd');
}

export function isValidZone(zone: string): boolean {
	return DateTime.now().setZone(zone).isValid;
}

/** Which messages of a batch ticket (or a 400) belong to which record of the request. */
export function assignMessages(
	messages: string[],
	records: IDataObject[],
): { byIndex: Map<number, string[]>; unassigned: string[] } {
	const byIndex = new Map<number, string[]>();
	const unassigned: string[] = [];
	const add = (index: number, message: string) => {
		byIndex.set(index, [...(byIndex.get(index) ?? []), message]);
	};
	for (const message of messages) {
		// 1. "Record 3: …", "task[3]: …", "[3] …", "Row 3 …", "Index 3 …" (0-based, as in the request array)
		const byPosition = /(?:\brecord\s*#?\s*|\[|\brow\s*#?\s*|\bindex\s*#?\s*)(\d+)\]?/i.exec(message);
		if (byPosition && Number(byPosition[1]) < records.length) {
			add(Number(byPosition[1]), message);
			continue;
		}
		// 2. the record's externalId or id named in the message
		const lower = message.toLowerCase();
		const found = records.findIndex((record) => {
			for (const key of ['externalId', 'id']) {
				const value = record[key];
				if (typeof value === 'string' && value.length >= 3 && lower.includes(value.toLowerCase())) return true;
			}
			return false;
		});
		if (found >= 0) add(found, message);
		else unassigned.push(message);
	}
	return { byIndex, unassigned };
}
