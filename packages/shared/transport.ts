import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import {
	buildApiError,
	describeFailure,
	isVendorError,
	mayHaveBeenApplied,
	secretValues,
	vendorMessage,
	type FailureInfo,
} from './errors';
import { pacerFor } from './limiter';
import { inReadOnlyOperation, rehearsalGate } from './rehearsal';
import { backoffMs, rateLimitDelayMs, rateLimitHeaders } from './retry';
import type { FullResponse, RequestContext, RequestSpec, VendorProfile } from './types';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RATE_LIMIT_BUDGET_MS = 120_000;
/** Resends after a network/5xx failure of an idempotent request, and after connection refused. */
const MAX_TRANSIENT_RETRIES = 3;
const IDEMPOTENT_METHODS = ['GET', 'HEAD', 'OPTIONS'];

const credentialCache = new WeakMap<object, Map<string, Promise<ICredentialDataDecryptedObject>>>();

/** Decrypted credentials, read once per n8n context object. */
export async function credentialsFor(
	ctx: RequestContext,
	profile: VendorProfile,
): Promise<ICredentialDataDecryptedObject> {
	let perContext = credentialCache.get(ctx);
	if (!perContext) {
		perContext = new Map();
		credentialCache.set(ctx, perContext);
	}
	let pending = perContext.get(profile.credentialType);
	if (!pending) {
		pending = ctx.getCredentials(profile.credentialType) as Promise<ICredentialDataDecryptedObject>;
		perContext.set(profile.credentialType, pending);
	}
	return await pending;
}

function limiterKey(profile: VendorProfile, credentials: ICredentialDataDecryptedObject): string {
	const identity = profile.limiterKey
		? profile.limiterKey(credentials)
		: JSON.stringify(Object.entries(credentials).sort(([a], [b]) => a.localeCompare(b)));
	return `${profile.credentialType}:${createHash('sha256').update(identity).digest('hex')}`;
}

/** Writes arrays in the query the vendor's way and drops empty values. */
function serializeQuery(
	qs: IDataObject | undefined,
	format: VendorProfile['queryArrayFormat'],
): IDataObject | undefined {
	if (!qs) return undefined;
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined || value === null || value === '') continue;
		if (Array.isArray(value)) {
			if (!value.length) continue;
			out[key] = format === 'comma' ? value.join(',') : value;
		} else {
			out[key] = value;
		}
	}
	return Object.keys(out).length ? out : undefined;
}

function isEmptyBody(body: RequestSpec['body']): boolean {
	if (body === undefined || body === null) return true;
	if (typeof body === 'string') return body.length === 0;
	if (Buffer.isBuffer(body)) return false;
	if (Array.isArray(body)) return false;
	return Object.keys(body).length === 0;
}

/**
 * Joins the base URL and a path; host-relative links (a `next` link in the body) keep their own
 * prefix.
 */
export function resolveUrl(baseUrl: string, path: string): string {
	if (/^https?:\/\//i.test(path)) return path;
	const base = baseUrl.replace(/\/+$/, '');
	const basePath = new URL(base).pathname.replace(/\/+$/, '');
	if (basePath && basePath !== '/' && path.startsWith(`${basePath}/`)) {
		return `${new URL(base).origin}${path}`;
	}
	return `${base}/${path.replace(/^\/+/, '')}`;
}

function notFoundText(spec: RequestSpec, fromVendor: string | undefined): string {
	if (spec.notFoundLabel)
		return `${spec.notFoundLabel} was not found${fromVendor ? `: ${fromVendor}` : ''}`;
	return fromVendor ?? 'The record was not found';
}

/**
 * One request to a vendor API, the way every node, trigger, load-options method and credential path
 * makes it: authenticated by n8n (so preAuthentication and its 401 re-auth work), paced per
 * credential, 429s waited out as the server asks, safe retries only, and vendor errors turned into
 * NodeApiErrors.
 */
export async function vendorRequest<T = unknown>(
	this: RequestContext,
	profile: VendorProfile,
	spec: RequestSpec,
): Promise<T> {
	const response = await vendorRequestFull.call(this, profile, spec);
	return (spec.returnFullResponse ? response : response.body) as T;
}

async function vendorRequestFull(
	this: RequestContext,
	profile: VendorProfile,
	spec: RequestSpec,
): Promise<FullResponse> {
	const method = spec.method.toUpperCase();
	// Checking pass of the execute loop: writes stop here, identical reads are answered once. Whether
	// a request writes depends on its method (or `readOnly`, or the operation being declared
	// read-only), never on `idempotent`: a PUT is a write.
	const readOnly =
		spec.readOnly ?? (inReadOnlyOperation(this) || ['GET', 'HEAD', 'OPTIONS'].includes(method));
	const gate = rehearsalGate(this, !readOnly);
	if (gate && (spec.encoding === undefined || spec.encoding === 'json')) {
		const key = JSON.stringify([
			method,
			spec.path,
			spec.qs ?? null,
			spec.body ?? null,
			spec.headers ?? null,
			spec.returnFullResponse ?? false,
		]);
		let pending = gate.reads.get(key);
		if (!pending) {
			pending = sendRequest.call(this, profile, spec);
			if (gate.reads.size < gate.max) gate.reads.set(key, pending);
		}
		const response = await pending;
		// Each row gets its own copy: a handler may change what it read before it writes.
		return {
			...response,
			body: response.body === undefined ? undefined : JSON.parse(JSON.stringify(response.body)),
		};
	}
	return await sendRequest.call(this, profile, spec);
}

async function sendRequest(
	this: RequestContext,
	profile: VendorProfile,
	spec: RequestSpec,
): Promise<FullResponse> {
	const credentials = await credentialsFor(this, profile);
	const secrets = secretValues(credentials);
	const pacer = pacerFor(limiterKey(profile, credentials), profile.requestsPerSecond);
	const method = spec.method.toUpperCase();
	// A read is safe to resend whatever its method; anything else as the vendor profile says.
	const idempotent =
		spec.idempotent ??
		((spec.readOnly ?? inReadOnlyOperation(this))
			? true
			: (profile.idempotentMethods ?? IDEMPOTENT_METHODS).includes(method));
	const budget = profile.rateLimitBudgetMs ?? DEFAULT_RATE_LIMIT_BUDGET_MS;

	const options: IHttpRequestOptions = {
		method: spec.method,
		url: resolveUrl(profile.baseUrl(credentials), spec.path),
		qs: serializeQuery(spec.qs, profile.queryArrayFormat),
		headers: {
			Accept: 'application/json',
			...(profile.headers?.(credentials) ?? {}),
			...(spec.headers ?? {}),
		},
		timeout: spec.timeoutMs ?? profile.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		returnFullResponse: true,
		json: spec.encoding === undefined || spec.encoding === 'json',
	};
	if (profile.queryArrayFormat === 'brackets') options.arrayFormat = 'brackets';
	else if (profile.queryArrayFormat !== 'comma') options.arrayFormat = 'repeat';
	if (spec.encoding === 'arraybuffer') options.encoding = 'arraybuffer';
	if (spec.encoding === 'text') options.encoding = 'text';
	if (!isEmptyBody(spec.body)) options.body = spec.body as IDataObject;
	if (!options.qs) delete options.qs;

	let rateLimitWaited = 0;
	let rateLimitAttempts = 0;
	let transientRetries = 0;
	for (;;) {
		const release = await pacer.acquire();
		let failure: FailureInfo;
		try {
			try {
				const raw = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					profile.credentialType,
					{ ...options, headers: { ...options.headers } },
				)) as { body: unknown; headers: Record<string, string>; statusCode: number };
				const headers = raw.headers ?? {};
				const limits = rateLimitHeaders(headers);
				pacer.onSuccess(limits.remaining, limits.resetAt, limits.limit);
				let body = raw.body;
				if (options.json && typeof body === 'string' && body.trim() !== '') {
					try {
						body = JSON.parse(body);
					} catch {
						failure = {
							status: raw.statusCode,
							headers,
							body: undefined,
							message: 'malformed JSON',
							code: 'EBADJSON',
						};
						if (idempotent && transientRetries < MAX_TRANSIENT_RETRIES) {
							transientRetries++;
							await sleep(backoffMs(transientRetries, 500));
							continue;
						}
						const malformed = buildApiError(this.getNode(), {
							vendor: profile.name,
							status: raw.statusCode,
							message: `${profile.name} answered with a response that is not valid JSON`,
							description: idempotent
								? 'The request was retried and the answer stayed malformed.'
								: 'The write may already have been carried out by the server. Check before running it again.',
							itemIndex: spec.itemIndex,
							secrets,
						});
						if (!idempotent) mayHaveBeenApplied.mark(malformed);
						throw malformed;
					}
				}
				return { body, headers, statusCode: raw.statusCode };
			} catch (error) {
				// Already mapped (malformed JSON above): NodeApiError returns the same instance.
				if (isVendorError(error))
					throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
				failure = describeFailure(error);
			}
		} finally {
			// The response (or the failure) is in: the pacer's one-second guard counts from now.
			release();
		}

		// 429: wait as the server says (all methods: a throttled request was not carried out).
		if (failure.status === 429) {
			rateLimitAttempts++;
			const { delayMs, source } = rateLimitDelayMs(
				failure.headers,
				failure.body,
				rateLimitAttempts,
				Date.now(),
				profile.rateLimitWaitSeconds,
			);
			const wait = Math.max(delayMs, 50);
			if (rateLimitWaited + wait > budget) {
				throw buildApiError(this.getNode(), {
					vendor: profile.name,
					status: 429,
					message: `${profile.name} kept rate-limiting the request: the limit was not lifted within ${Math.round(budget / 1000)} s`,
					description: `Waited ${Math.round(rateLimitWaited / 1000)} s over ${rateLimitAttempts - 1} retries (${source}). Slow the workflow down or try again later.`,
					itemIndex: spec.itemIndex,
					body: failure.body,
					secrets,
				});
			}
			rateLimitWaited += wait;
			pacer.onRateLimited(Date.now() + wait, source);
			continue;
		}

		const refused = failure.code === 'ECONNREFUSED';
		const transient =
			(failure.status !== undefined && failure.status >= 500) ||
			[
				'ECONNRESET',
				'ETIMEDOUT',
				'ECONNABORTED',
				'EPIPE',
				'ESOCKETTIMEDOUT',
				'UND_ERR_SOCKET',
				'UND_ERR_HEADERS_TIMEOUT',
			].includes(failure.code ?? '');
		if ((refused || (transient && idempotent)) && transientRetries < MAX_TRANSIENT_RETRIES) {
			transientRetries++;
			await sleep(backoffMs(transientRetries));
			continue;
		}

		throw toVendorError(this, profile, spec, failure, {
			idempotent,
			transient,
			refused,
			retries: transientRetries,
			secrets,
		});
	}
}

function toVendorError(
	ctx: RequestContext,
	profile: VendorProfile,
	spec: RequestSpec,
	failure: FailureInfo,
	flags: {
		idempotent: boolean;
		transient: boolean;
		refused: boolean;
		retries: number;
		secrets: string[];
	},
): NodeApiError {
	const fromVendor =
		failure.status !== undefined
			? (profile.errorMessage?.(failure.body, failure.status) ?? vendorMessage(failure.body))
			: undefined;
	let message: string;
	const details: string[] = [];
	if (failure.status === undefined) {
		const what =
			failure.code === 'ECONNREFUSED'
				? `${profile.name} refused the connection`
				: failure.code === 'ETIMEDOUT' || failure.code === 'ECONNABORTED'
					? `${profile.name} did not answer in time`
					: `The connection to ${profile.name} failed${failure.code ? ` (${failure.code})` : ''}`;
		message = what;
		if (flags.retries) details.push(`Tried ${flags.retries + 1} times.`);
	} else if (failure.status === 404) {
		message = notFoundText(spec, fromVendor);
	} else if (failure.status === 401) {
		message = fromVendor
			? `Authentication failed: ${fromVendor}`
			: 'Authentication failed: check the credential';
	} else {
		message = fromVendor ?? `${profile.name} answered HTTP ${failure.status}`;
		if (flags.retries) details.push(`Tried ${flags.retries + 1} times.`);
	}
	if (flags.transient && !flags.idempotent) {
		details.push(
			'This write was not retried automatically: it may already have been carried out by the server. Check before running it again.',
		);
	}
	const error = buildApiError(ctx.getNode(), {
		vendor: profile.name,
		status: failure.status,
		message,
		description: details.join(' ') || undefined,
		itemIndex: spec.itemIndex,
		body: failure.body,
		secrets: flags.secrets,
	});
	if (flags.transient && !flags.idempotent) mayHaveBeenApplied.mark(error);
	return error;
}
