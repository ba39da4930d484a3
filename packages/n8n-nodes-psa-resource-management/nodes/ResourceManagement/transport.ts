import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { baseUrlOf } from '../../../shared/kit';
import type { VendorProfile } from '../../../shared/types';

export const REGION_URLS: Record<string, string> = {
	us: 'https://api.rm.smartsheet.com/api/v1',
	eu: 'https://api.rm.smartsheet.eu/api/v1',
};

/**
 * The API base URL from the credential, without trailing slash: a region, or a custom http(s) URL.
 */
export function rmBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const region = String(credentials.region ?? 'us');
	if (region !== 'custom') return REGION_URLS[region] ?? REGION_URLS.us;
	return baseUrlOf('Resource Management', undefined, credentials.baseUrl, REGION_URLS.us);
}

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() ? value.trim() : undefined;

/**
 * Resource Management's error bodies in its own words. The docs show `{ "message": "…" }` for every
 * 4xx ("The request body had invalid json"). Read as well, though not in the docs:
 * `{ "error": "…" }`, a list under `errors` (strings or `{ message }`), and HTML or plain text (a
 * proxy's 502/503 page). The shared mapping needs no Resource Management shape.
 */
export function rmErrorMessage(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') {
		const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1]?.replace(/\s+/g, ' ').trim();
		if (title) return title.slice(0, 300);
		const plain = body
			.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
		return plain ? plain.slice(0, 300) : undefined;
	}
	if (Array.isArray(body)) {
		const parts = body
			.map(
				(entry) =>
					text(entry) ??
					(entry && typeof entry === 'object'
						? text((entry as Record<string, unknown>).message)
						: undefined),
			)
			.filter(Boolean);
		return parts.length ? parts.join('; ') : undefined;
	}
	if (typeof body !== 'object') return String(body);
	const o = body as Record<string, unknown>;
	const parts: string[] = [];
	const main = text(o.message) ?? text(o.error) ?? text(o.error_description);
	if (main) parts.push(main);
	if (Array.isArray(o.errors)) {
		const list = o.errors
			.map(
				(e) =>
					text(e) ??
					(e && typeof e === 'object' ? text((e as Record<string, unknown>).message) : undefined),
			)
			.filter(Boolean);
		if (list.length) parts.push(list.join('; '));
	}
	return parts.length ? parts.join(' ') : undefined;
}

/**
 * Resource Management: link-next paging (`data` + `paging.next`, a host-relative link such as
 * `/api/v1/users?per_page=1000&page=2`, which the shared resolveUrl joins onto the origin),
 * per_page up to 1000. No published rate: the shared pacer adapts to X-RateLimit-Remaining/Reset
 * and waits out 429s until X-RateLimit-Reset. Error bodies are read by `rmErrorMessage`.
 */
export const rmProfile: VendorProfile = {
	name: 'Resource Management',
	credentialType: 'psaResourceManagementApi',
	baseUrl: rmBaseUrl,
	paging: {
		style: 'linkNext',
		pageSizeParam: 'per_page',
		maxPageSize: 1000,
		itemsKey: 'data',
		nextPath: ['paging', 'next'],
	},
	queryArrayFormat: 'comma',
	limiterKey: (credentials) => `${rmBaseUrl(credentials)}|${String(credentials.apiToken ?? '')}`,
	errorMessage: rmErrorMessage,
};
