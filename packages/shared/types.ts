import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/**
 * Every n8n context our helper can run in: node, trigger (hooks, webhook, poll) and load options.
 */
export type RequestContext =
	IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

/** How a vendor pages its lists. */
export type PagingStrategy =
	| { style: 'none'; itemsKey?: string }
	| {
			/** e.g. `{ data: [], paging: { next: '/api/v1/users?page=2&per_page=20' } }` */
			style: 'linkNext';
			pageSizeParam: string;
			maxPageSize: number;
			itemsKey: string;
			/** Path to the relative `next` link in the body, e.g. ['paging', 'next']. */
			nextPath: string[];
	  }
	| {
			/** e.g. `?page=1&pageSize=100` → `{ page, pageSize, totalPages, items: [] }` */
			style: 'pageCount';
			pageParam: string;
			pageSizeParam: string;
			maxPageSize: number;
			itemsKey: string;
			totalPagesKey: string;
			firstPage: number;
	  };

/** What a vendor folder declares; the shared helper does the rest. */
export interface VendorProfile {
	/** Shown in error messages, e.g. "Acme". */
	name: string;
	/** n8n credential type name, e.g. "psaAcmeApi". */
	credentialType: string;
	/** Base URL without trailing slash, from the decrypted credential. */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	paging: PagingStrategy;
	/** How arrays in the query string are written. Default: repeat (`a=1&a=2`). */
	queryArrayFormat?: 'comma' | 'repeat' | 'brackets';
	/** Documented ceiling in requests per second for one credential (e.g. 4). Omit for none. */
	requestsPerSecond?: number;
	/** Identity of "one credential" for pacing; must not change when a token is refreshed. */
	limiterKey?(credentials: ICredentialDataDecryptedObject): string;
	/** Vendor-specific extraction of a readable message from an error body. */
	errorMessage?(body: unknown, status: number): string | undefined;
	/**
	 * Methods the vendor documents as safe to repeat (resent after a 5xx, reset or timeout, and run
	 * during the execute loop's checking pass). Default GET, HEAD, OPTIONS; a request can still say
	 * `idempotent` itself.
	 */
	idempotentMethods?: string[];
	/**
	 * Seconds to wait that the vendor puts in a 429's body (e.g. `{ waitInSeconds: 3 }`), if it does.
	 */
	rateLimitWaitSeconds?(body: unknown): number | undefined;
	/** Per-request timeout (ms). Default 30 000. */
	timeoutMs?: number;
	/**
	 * Longest total time spent waiting on 429s for one request before giving up (ms). Default 120
	 * 000.
	 */
	rateLimitBudgetMs?: number;
	/** Return All stops with an error past this many pages. Default 1 000. */
	maxPages?: number;
	/** Headers added to every request (e.g. a Timezone header). */
	headers?(credentials: ICredentialDataDecryptedObject): Record<string, string>;
}

export interface RequestSpec {
	method: IHttpRequestMethods;
	/**
	 * Path relative to the base URL ("/projects") or a host-relative link ("/api/v1/users?page=2").
	 */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | Buffer | string;
	headers?: Record<string, string>;
	/** Item the request serves: named in errors. */
	itemIndex?: number;
	/** Safe to resend after a 5xx, reset or timeout. Default: true for GET/HEAD/OPTIONS only. */
	idempotent?: boolean;
	/**
	 * Changes nothing on the server (a search sent as POST, say): it may go out during the execute
	 * loop's checking pass. Default: true for GET/HEAD/OPTIONS only. A PUT or DELETE is a write even
	 * when it is idempotent.
	 */
	readOnly?: boolean;
	timeoutMs?: number;
	/** 'arraybuffer' for binary downloads; 'text' for CSV. Default JSON. */
	encoding?: 'arraybuffer' | 'text' | 'json';
	/** Return { body, headers, statusCode } instead of the body. */
	returnFullResponse?: boolean;
	/** Sent as-is (multipart/form-data uploads); skips JSON encoding. */
	rawBody?: boolean;
	/** What the user was looking for, used when the API answers 404: "Time entry 42". */
	notFoundLabel?: string;
	/** Set when the request is already a retry decided by the caller. */
	attemptLabel?: string;
}

export interface ListOptions {
	/** Fetch every page. */
	returnAll: boolean;
	/** With returnAll false: the most records to return. */
	limit?: number;
	/** Records per page to ask for (default: the vendor's maximum, or the limit if smaller). */
	pageSize?: number;
	/**
	 * A client-side filter applied page by page: Limit counts matching records and paging stops as
	 * soon as Limit matches are in hand (Limit 5 reads one page when the first page has five
	 * matches).
	 */
	filter?: (record: IDataObject) => boolean;
}

export interface FullResponse {
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}
