import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { blikkBaseUrl } from '../../credentials/BlikkApi.credentials';
import { credentialsFor, vendorRequest, vendorRequestAll } from '../shared';
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
	// Blikk's ceiling is 4 per second per token, enforced strictly. The shared pacer spaces sends by slot;
	// a send delayed by a busy event loop shortens the gap to the next ones, so pace 5% under the ceiling.
	requestsPerSecond: 3.8,
	limiterKey: (credentials: ICredentialDataDecryptedObject) =>
		`${blikkBaseUrl(credentials).toLowerCase()}|${String(credentials.applicationId ?? '').trim()}`,
};

export async function blikkRequest(this: RequestContext, spec: RequestSpec): Promise<IDataObject> {
	await warmUpToken(this);
	return (await vendorRequest.call(this, blikkProfile, spec)) as IDataObject;
}

export async function blikkList(this: RequestContext, spec: RequestSpec, options: ListOptions): Promise<IDataObject[]> {
	await warmUpToken(this);
	return await vendorRequestAll.call(this, blikkProfile, spec, options);
}

const warmed = new WeakSet<object>();

/**
 * Workaround for the first request after a token exchange. The shared pacer reserves a send slot, then
 * n8n runs preAuthentication (POST /v1/Auth/Token) inside that slot, so the request reaches Blikk late
 * while the next ones keep their slots: five requests can then fall into one sliding second and the
 * fifth gets a 429 (also for one item whose Return All reads five pages). So, once per execution and
 * only when the stored token is empty, just before the first real request: one cheap read takes the
 * exchange, and a pause a little longer than one pace interval follows. Costs one request and 0.3 s per
 * token (Blikk tokens last about an hour). Bad input is still refused before anything is sent.
 */
async function warmUpToken(ctx: RequestContext): Promise<void> {
	if (warmed.has(ctx)) return;
	warmed.add(ctx);
	const credentials = await credentialsFor(ctx, blikkProfile);
	if (credentials.accessToken) return;
	await vendorRequest.call(ctx, blikkProfile, { method: 'GET', path: '/v1/Admin/Countries', qs: { page: 1, pageSize: 1 } });
	await sleep(300);
}


