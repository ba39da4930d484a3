import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { blikkBaseUrl } from '../../credentials/BlikkApi.credentials';
import { vendorRequest, vendorRequestAll } from '../shared';
import type { ListOptions, RequestContext, RequestSpec, VendorProfile } from '../shared';

/**
 * What is Blikk's own; paging, pacing, 429 waits, retries and error mapping come from nodes/shared.
 * - Lists: `?page=1&pageSize=100` → `{ page, pageSize, totalPages, items }` (pageSize ≤ 100).
 * - Integer-array filters are comma-separated (`filter.tagIds=1,2`).
 * - 4 requests per second per access token. Tokens change (they expire), so the pace is keyed by base URL +
 *   application id: every token of one application shares one pace in this n8n instance.
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
	// 4 per second per token, enforced on a sliding second: the shared pacer spaces sends and also guards
	// the window on real response times, so a send delayed by a token exchange cannot crowd the next ones.
	requestsPerSecond: 4,
	limiterKey: (credentials: ICredentialDataDecryptedObject) =>
		`${blikkBaseUrl(credentials).toLowerCase()}|${String(credentials.applicationId ?? '').trim()}`,
};

export async function blikkRequest(this: RequestContext, spec: RequestSpec): Promise<IDataObject> {
	return (await vendorRequest.call(this, blikkProfile, spec)) as IDataObject;
}

export async function blikkList(this: RequestContext, spec: RequestSpec, options: ListOptions): Promise<IDataObject[]> {
	return await vendorRequestAll.call(this, blikkProfile, spec, options);
}



