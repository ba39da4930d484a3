import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { vendorRequest } from './transport';
import type { ListOptions, RequestContext, RequestSpec, VendorProfile } from './types';

const DEFAULT_MAX_PAGES = 1000;

function dig(body: unknown, path: string[]): unknown {
	let current: unknown = body;
	for (const key of path) {
		if (!current || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

function itemsOf(body: unknown, key: string | undefined): IDataObject[] {
	const list = key ? dig(body, [key]) : body;
	if (Array.isArray(list)) return list as IDataObject[];
	if (!key && body && typeof body === 'object') return [body as IDataObject];
	return [];
}

function wanted(options: ListOptions): number {
	if (options.returnAll) return Infinity;
	const limit = Number(options.limit ?? 50);
	return Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : 50;
}

/**
 * A list with Return All / Limit, whatever the vendor's paging style:
 * - `none`: one request; Limit cuts the result.
 * - `linkNext`: ask for the largest page (or the Limit if smaller), follow `paging.next` until
 *   null.
 * - `pageCount`: `page`/`pageSize` up to `totalPages`.
 * Limit stops early: no page is fetched once enough records are in hand. Return All past the page
 * cap fails loudly rather than returning a partial list that looks complete.
 */
export async function vendorRequestAll(
	this: RequestContext,
	profile: VendorProfile,
	spec: RequestSpec,
	options: ListOptions,
): Promise<IDataObject[]> {
	const paging = profile.paging;
	const want = wanted(options);
	const maxPages = profile.maxPages ?? DEFAULT_MAX_PAGES;
	const results: IDataObject[] = [];
	const keep = options.filter
		? (list: IDataObject[]) => list.filter(options.filter!)
		: (list: IDataObject[]) => list;

	if (paging.style === 'none') {
		const body = await vendorRequest.call(this, profile, spec);
		const items = keep(itemsOf(body, paging.itemsKey));
		return Number.isFinite(want) ? items.slice(0, want) : items;
	}

	// With a filter, a page of Limit records may hold fewer matches: ask for full pages.
	const pageSize = Math.min(
		paging.maxPageSize,
		options.pageSize ?? paging.maxPageSize,
		options.filter ? Infinity : want,
	);
	let pages = 0;

	if (paging.style === 'linkNext') {
		let next: RequestSpec | undefined = {
			...spec,
			qs: { ...(spec.qs ?? {}), [paging.pageSizeParam]: pageSize },
		};
		while (next) {
			if (pages >= maxPages) throw pageCapError(this, profile, maxPages, results.length, spec);
			const body = await vendorRequest.call(this, profile, next);
			pages++;
			results.push(...keep(itemsOf(body, paging.itemsKey)));
			if (results.length >= want) break;
			const link = dig(body, paging.nextPath);
			next = typeof link === 'string' && link ? { ...spec, path: link, qs: undefined } : undefined;
		}
	} else {
		let page = paging.firstPage;
		for (;;) {
			if (pages >= maxPages) throw pageCapError(this, profile, maxPages, results.length, spec);
			const body = await vendorRequest.call(this, profile, {
				...spec,
				qs: { ...(spec.qs ?? {}), [paging.pageParam]: page, [paging.pageSizeParam]: pageSize },
			});
			pages++;
			const items = itemsOf(body, paging.itemsKey);
			results.push(...keep(items));
			if (results.length >= want) break;
			const totalPages = Number(dig(body, [paging.totalPagesKey]));
			const last = Number.isFinite(totalPages)
				? page - paging.firstPage + 1 >= totalPages
				: items.length < pageSize;
			if (last || items.length === 0) break;
			page++;
		}
	}
	return Number.isFinite(want) ? results.slice(0, want) : results;
}

function pageCapError(
	ctx: RequestContext,
	profile: VendorProfile,
	maxPages: number,
	fetched: number,
	spec: RequestSpec,
): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`Return All stopped after ${maxPages} pages (${fetched} records) and the ${profile.name} list was still not finished`,
		{
			description:
				'Rather than return a list that looks complete but is not, the node stopped. Narrow the list with filters, or turn Return All off and set a Limit.',
			itemIndex: spec.itemIndex,
		},
	);
}
