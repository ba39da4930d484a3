import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import type { VendorProfile } from '../shared/types';

export const REGION_URLS: Record<string, string> = {
	us: 'https://api.rm.smartsheet.com/api/v1',
	eu: 'https://api.rm.smartsheet.eu/api/v1',
};

/** The API base URL from the credential, without trailing slash. Custom URLs must be http(s). */
export function rmBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const region = String(credentials.region ?? 'us');
	if (region !== 'custom') return REGION_URLS[region] ?? REGION_URLS.us;
	const raw = String(credentials.baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '');
	let parsed: URL | undefined;
	try {
		parsed = new URL(raw);
	} catch {
		parsed = undefined;
	}
	if (!parsed || !/^https?:$/.test(parsed.protocol) || !parsed.hostname) {
		throw new UserError(
			`The Resource Management credential's Base URL "${raw}" is not an http(s) address like https://api.rm.smartsheet.com/api/v1`,
		);
	}
	return raw;
}

/**
 * Resource Management: link-next paging (`data` + `paging.next`, a host-relative link such as
 * `/api/v1/users?per_page=1000&page=2`, which the shared resolveUrl joins onto the origin), per_page up
 * to 1000. No published rate: the shared pacer adapts to X-RateLimit-Remaining/Reset and waits out 429s
 * until X-RateLimit-Reset. Error bodies are `{ message }` (handled by the shared mapping).
 */
export const rmProfile: VendorProfile = {
	name: 'Resource Management',
	credentialType: 'psaResourceManagementApi',
	baseUrl: rmBaseUrl,
	paging: { style: 'linkNext', pageSizeParam: 'per_page', maxPageSize: 1000, itemsKey: 'data', nextPath: ['paging', 'next'] },
	queryArrayFormat: 'comma',
	limiterKey: (credentials) => `${rmBaseUrl(credentials)}|${String(credentials.apiToken ?? '')}`,
};
