import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { blikkBaseUrl } from './baseUrl';
import { vendorRequest } from '../../../shared/transport';
import { vendorRequestAll } from '../../../shared/paging';
import type {
	ListOptions,
	RequestContext,
	RequestSpec,
	VendorProfile,
} from '../../../shared/types';

const text = (v: unknown) =>
	typeof v === 'string'
		? v.trim()
		: typeof v === 'number' || typeof v === 'boolean'
			? String(v)
			: '';

/**
 * Blikk's error bodies, in Blikk's words (blikk-api.txt, "Errors"):
 * - 400 `{ message, modelState: { field: ["…"] } }` (invalid fields; `""` for the body as a whole)
 * - 400 `{ message }` (a record that does not exist, a rule such as "attested and cannot be
 *   deleted")
 * - 401 `{ message: "Invalid token" }`
 * - 403 `{ message, ipAddressAllowed, permissionsRequired: [...] }`
 * - 429 `{ waitInSeconds }`; 500 `{ message, requestId }`
 */
export function blikkErrorMessage(body: unknown, status: number): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') {
		const plain = body
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
		return plain ? plain.slice(0, 300) : undefined;
	}
	if (typeof body !== 'object' || Array.isArray(body)) return undefined;
	const o = body as Record<string, unknown>;
	const parts: string[] = [];
	const message = text(o.message) || text(o.Message);
	const modelState = (o.modelState ?? o.ModelState) as Record<string, unknown> | undefined;
	const fields: string[] = [];
	if (modelState && typeof modelState === 'object') {
		for (const [field, messages] of Object.entries(modelState)) {
			const list = (Array.isArray(messages) ? messages : [messages]).map(text).filter(Boolean);
			if (!list.length) continue;
			fields.push(field === '' ? list.join(', ') : `${field}: ${list.join(', ')}`);
		}
	}
	// "The request is invalid." alone says nothing the field messages don't: lead with the fields.
	if (message && !(fields.length && /^the request is invalid\.?$/i.test(message)))
		parts.push(message);
	if (fields.length) parts.push(fields.join('; '));
	const permissions = Array.isArray(o.permissionsRequired)
		? o.permissionsRequired.map(text).filter(Boolean)
		: [];
	if (permissions.length) parts.push(`Permissions required: ${permissions.join(', ')}.`);
	if (o.ipAddressAllowed === false)
		parts.push('The IP address n8n calls from is not allowed for this application.');
	if (status === 429 && !parts.length && o.waitInSeconds !== undefined)
		parts.push(`Rate limited: wait ${text(o.waitInSeconds)} s`);
	if (status >= 500 && text(o.requestId)) parts.push(`(Blikk request id ${text(o.requestId)})`);
	const joined = parts.join(' ').trim();
	return joined || undefined;
}

/**
 * What is Blikk's own; paging, pacing, 429 waits, retries and error mapping come from the shared
 * helper (packages/shared).
 * - Lists: `?page=1&pageSize=100` → `{ page, pageSize, totalPages, items }` (pageSize ≤ 100).
 * - Integer-array filters are comma-separated (`filter.tagIds=1,2`).
 * - 4 requests per second per access token. Tokens change (they expire), so the pace is keyed by
 *   base URL + application id: every token of one application shares one pace in this n8n instance.
 */
export const blikkProfile: VendorProfile = {
	name: 'Blikk',
	credentialType: 'psaBlikkApi',
	baseUrl: (credentials: ICredentialDataDecryptedObject) => blikkBaseUrl(credentials),
	paging: {
		style: 'pageCount',
		pageParam: 'page',
		pageSizeParam: 'pageSize',
		maxPageSize: 100,
		itemsKey: 'items',
		totalPagesKey: 'totalPages',
		firstPage: 1,
	},
	queryArrayFormat: 'comma',
	// 4 per second per token, enforced on a sliding second: the shared pacer spaces sends and also
	// guards the window on real response times, so a send delayed by a token exchange cannot crowd
	// the next ones.
	requestsPerSecond: 4,
	limiterKey: (credentials: ICredentialDataDecryptedObject) =>
		`${blikkBaseUrl(credentials).toLowerCase()}|${String(credentials.applicationId ?? '').trim()}`,
	errorMessage: blikkErrorMessage,
	// A Blikk 429 says how long to wait in its body: { "waitInSeconds": 3 }.
	rateLimitWaitSeconds: (body: unknown) =>
		body && typeof body === 'object' && !Array.isArray(body)
			? Number((body as IDataObject).waitInSeconds ?? NaN)
			: undefined,
};

/**
 * One Blikk request. PUT and DELETE are marked idempotent (safe to resend after a 5xx or a reset);
 * they still change data, so the execute loop's checking pass stops them like any other write. The
 * shared transport decides by method, except inside an operation declared read-only (every request
 * is a read).
 */
export async function blikkRequest(this: RequestContext, spec: RequestSpec): Promise<IDataObject> {
	return (await vendorRequest.call(this, blikkProfile, spec)) as IDataObject;
}

/**
 * A Blikk list through the shared list layer (client-side `filter` applied page by page, early
 * stop).
 */
export async function blikkList(
	this: RequestContext,
	spec: RequestSpec,
	options: ListOptions,
): Promise<IDataObject[]> {
	return await vendorRequestAll.call(this, blikkProfile, spec, options);
}
