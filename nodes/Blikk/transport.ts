import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { blikkBaseUrl } from '../../credentials/BlikkApi.credentials';
import { vendorRequest, vendorRequestAll } from '../shared';
import type { ListOptions, RequestContext, RequestSpec, VendorProfile } from '../shared';

/**
 * What is Blikk's own; paging, pacing, 429 waits, retries and error mapping come from nodes/shared.
 * - Lists: `?page=1&pageSize=100` → `{ page, pageSize, totalPages, items }` (pageSize ≤ 100).
 * - Integer-array filters are comma-separated (`filter.tagIds=1,2`).
 * - 4 requests per second per access token. Tokens change (they expire), so the pace is keyed by base URL +
 *   application id: every token of one application shares one pace in this process.
 */
export const blikkProfile: VendorProfile = {
	name: 'Blikk',
	credentialType: 'blikkApi',
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

/**
 * Workaround for the first request after a token exchange. The shared pacer reserves a send slot, then
 * n8n runs preAuthentication (POST /v1/Auth/Token) inside that slot, so the request reaches Blikk late
 * while the next ones keep their slots: five requests can then fall into one sliding second and the
 * fifth gets a 429. When the stored token is empty, one cheap read takes the exchange, and the node
 * waits a little more than one pace interval before its real work. Costs one request and ~0.3 s once per
 * token (Blikk tokens last about an hour).
 */
export async function warmUpToken(this: IExecuteFunctions): Promise<void> {
	const credentials = await this.getCredentials('blikkApi');
	if (credentials.accessToken) return;
	await blikkRequest.call(this, { method: 'GET', path: '/v1/Admin/Countries', qs: { page: 1, pageSize: 1 } });
	await sleep(300);
}
