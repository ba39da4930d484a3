import type { IDataObject } from 'n8n-workflow';

import { buildApiError, SECRET_KEY_PATTERN } from '../../../shared/errors';
import { vendorRequestAll } from '../../../shared/paging';
import { vendorRequest } from '../../../shared/transport';
import type { RequestContext, VendorProfile } from '../../../shared/types';

import { cennoBaseUrl } from './baseUrl';

function text(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}

/**
 * `{ hours: ["must be greater than 0"], base: ["…"] }` → "hours: must be greater than 0; …". Only a
 * body that is entirely such a map counts (any other object, e.g. a record echoed back, is not
 * shown), and secret-looking keys are never quoted.
 */
function fieldMessages(fields: Record<string, unknown>): string | undefined {
	const entries = Object.entries(fields);
	const isFieldMap =
		entries.length > 0 &&
		entries.every(([, v]) => Array.isArray(v) && v.every((m) => typeof m === 'string'));
	if (!isFieldMap) return undefined;
	const parts: string[] = [];
	for (const [field, messages] of entries) {
		if (SECRET_KEY_PATTERN.test(field)) continue;
		const list = (messages as string[]).map(text).filter(Boolean);
		if (!list.length) continue;
		parts.push(field === 'base' || field === '' ? list.join(', ') : `${field}: ${list.join(', ')}`);
	}
	return parts.length ? parts.join('; ') : undefined;
}

/**
 * Cenno's error bodies in Cenno's words (a Rails application):
 * - 422 validation errors `{ field: ["message", …], … }` (documented), also wrapped as
 *   `{ errors: {…} }`;
 * - 400 `{ error: "param is missing or the value is empty: time_entry" }`;
 * - 401 plain text `HTTP Basic: Access denied.`;
 * - 404 with an empty body (the caller names the record);
 * - HTML error pages (500): their title, never the markup.
 */
export function cennoErrorMessage(body: unknown): string | undefined {
	if (body === undefined || body === null) return undefined;
	if (typeof body === 'string') {
		const raw = body.trim();
		if (!raw) return undefined;
		if (/^</.test(raw)) {
			const title =
				/<title[^>]*>([^<]*)<\/title>/i.exec(raw)?.[1] ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(raw)?.[1];
			return title ? title.replace(/\s+/g, ' ').trim() : undefined;
		}
		return raw.replace(/\s+/g, ' ').slice(0, 300);
	}
	if (Array.isArray(body)) {
		const list = body.map(text).filter(Boolean);
		return list.length ? list.join('; ') : undefined;
	}
	if (typeof body !== 'object') return text(body) || undefined;
	const o = body as Record<string, unknown>;
	if (o.errors && typeof o.errors === 'object') {
		return Array.isArray(o.errors)
			? o.errors.map(text).filter(Boolean).join('; ') || undefined
			: fieldMessages(o.errors as Record<string, unknown>);
	}
	for (const key of ['error', 'message']) {
		if (typeof o[key] === 'string' && (o[key] as string).trim()) return (o[key] as string).trim();
	}
	return fieldMessages(o);
}

/**
 * Cenno: unpaged lists (every list is the whole collection), HTTP Basic with the key as user name,
 * 422 `{ field: [messages] }` bodies, no documented rate limit.
 */
export const cennoProfile: VendorProfile = {
	name: 'Cenno',
	credentialType: 'psaCennoApi',
	baseUrl: cennoBaseUrl,
	paging: { style: 'none' },
	limiterKey: (credentials) => `${cennoBaseUrl(credentials)}|${String(credentials.apiKey ?? '')}`,
	errorMessage: (body) => cennoErrorMessage(body),
};

/**
 * Fields of /users that are credentials or session secrets. They are removed from every record
 * before it reaches a workflow; any other key that looks like a secret (the shared
 * SECRET_KEY_PATTERN: password, salt, token, session, …) goes too.
 */
const USER_SECRET_FIELDS = [
	'crypted_password',
	'password_salt',
	'persistence_token',
	'perishable_token',
	'single_access_token',
	'token',
	'api_key',
	'last_password_reset_sent_at',
];

/** A record as it may leave the node: secret-looking keys removed at every depth. */
export function clean(record: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (USER_SECRET_FIELDS.includes(key) || SECRET_KEY_PATTERN.test(key)) continue;
		if (Array.isArray(value)) {
			out[key] = value.map((v) =>
				v && typeof v === 'object' && !Array.isArray(v) ? clean(v as IDataObject) : v,
			) as IDataObject[];
		} else if (value && typeof value === 'object') {
			out[key] = clean(value as IDataObject);
		} else {
			out[key] = value;
		}
	}
	return out;
}

/** The Cenno collections this package reads, with the words used in messages. */
const COLLECTIONS = {
	company: { path: 'companies', label: 'Company' },
	user: { path: 'users', label: 'User' },
	project: { path: 'projects', label: 'Project' },
	category: { path: 'categories', label: 'Category' },
	item: { path: 'items', label: 'Item' },
	timeEntry: { path: 'time_entries', label: 'Time entry' },
} as const;

export type CennoResource = keyof typeof COLLECTIONS;

interface CennoListOptions {
	returnAll?: boolean;
	limit?: number;
	/** Client-side filter (Cenno's lists take no filters): Limit counts matching records. */
	filter?: (record: IDataObject) => boolean;
	itemIndex?: number;
}

const isRecord = (r: unknown): r is IDataObject =>
	!!r && typeof r === 'object' && !Array.isArray(r);

/**
 * A collection through the shared list layer, cleaned. Cenno does not page: one request answers
 * with the whole collection; the filter and the Limit are applied to it (no further request is ever
 * made).
 */
export async function listRecords(
	this: RequestContext,
	resource: CennoResource,
	options: CennoListOptions = {},
): Promise<IDataObject[]> {
	const { filter } = options;
	const records = await vendorRequestAll.call(
		this,
		cennoProfile,
		{ method: 'GET', path: `/${COLLECTIONS[resource].path}`, itemIndex: options.itemIndex },
		{
			returnAll: options.returnAll ?? true,
			limit: options.limit,
			filter: (r) => isRecord(r) && (!filter || filter(r)),
		},
	);
	return records.map(clean);
}

/**
 * One record by id, cleaned. `GET /items/{id}` answers with an array holding the item (documented
 * quirk): the object is returned; an empty array reads as "not found".
 */
export async function getOne(
	this: RequestContext,
	resource: CennoResource,
	id: number,
	itemIndex?: number,
): Promise<IDataObject> {
	const { path, label } = COLLECTIONS[resource];
	const notFoundLabel = `${label} ${id}`;
	const body = await vendorRequest.call(this, cennoProfile, {
		method: 'GET',
		path: `/${path}/${id}`,
		itemIndex,
		notFoundLabel,
	});
	const record = Array.isArray(body) ? body[0] : body;
	if (!isRecord(record)) {
		throw buildApiError(this.getNode(), {
			vendor: cennoProfile.name,
			status: 404,
			message: `${notFoundLabel} was not found`,
			description: 'Cenno answered with an empty result.',
			itemIndex,
			secrets: [],
		});
	}
	return clean(record);
}
