import type { ICredentialDataDecryptedObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** Keys whose values are never shown to a user: in bodies, errors or output. */
export const SECRET_KEY_PATTERN =
	/pass(word)?|secret|token|api[_-]?key|authorization|^auth$|crypted|salt|session|cookie|private[_-]?key/i;

/** The failure of one HTTP attempt, reduced to what is safe and useful (never headers we sent). */
export interface FailureInfo {
	status?: number;
	headers: Record<string, string | string[] | undefined>;
	body?: unknown;
	/** Node.js network error code: ECONNREFUSED, ECONNRESET, ETIMEDOUT, ECONNABORTED, … */
	code?: string;
	message: string;
}

function lowerCaseHeaders(headers: unknown): Record<string, string | string[] | undefined> {
	const out: Record<string, string | string[] | undefined> = {};
	if (!headers || typeof headers !== 'object') return out;
	const source =
		typeof (headers as { toJSON?: () => unknown }).toJSON === 'function'
			? ((headers as { toJSON: () => unknown }).toJSON() as Record<string, unknown>)
			: (headers as Record<string, unknown>);
	for (const [key, value] of Object.entries(source)) {
		if (typeof value === 'string' || Array.isArray(value)) out[key.toLowerCase()] = value as string;
		else if (typeof value === 'number') out[key.toLowerCase()] = String(value);
	}
	return out;
}

const NETWORK_CODES = [
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ESOCKETTIMEDOUT',
	'UND_ERR_SOCKET',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
];

/**
 * Reads status, headers, body and network code from whatever n8n threw: a NodeApiError wrapping an
 * axios error (`cause`), the axios error itself, or a plain Error. Never copies the request config.
 *
 * n8n 1.x (n8n-workflow 1.x, e.g. n8n 1.123.81) throws a NodeApiError *without* the axios error:
 * its ExecutionBaseError declares `cause` as a class field, which resets the `cause` that Error's
 * constructor had just set to undefined. What survives on that error is `httpCode` (the HTTP status
 * as a string, or the network code such as "ECONNREFUSED"), `context.data` (the response body, only
 * when it was a JSON object) and `messages` (axios's own texts, e.g. "connect ECONNREFUSED …",
 * "timeout of 30000ms exceeded"). Response headers are not kept anywhere, so on 1.x a 429 is waited
 * out from the body (a profile's `rateLimitWaitSeconds`) or by backoff instead of `Retry-After` /
 * `X-RateLimit-Reset`, and text or array bodies are not available.
 */
export function describeFailure(error: unknown): FailureInfo {
	const candidates: Array<Record<string, unknown>> = [];
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		candidates.push(current as Record<string, unknown>);
		current = (current as { cause?: unknown }).cause;
	}
	const info: FailureInfo = { headers: {}, message: '' };
	for (const candidate of candidates) {
		const response = candidate.response as Record<string, unknown> | undefined;
		if (info.status === undefined && response && typeof response.status === 'number') {
			info.status = response.status;
			info.headers = lowerCaseHeaders(response.headers);
			info.body = response.data ?? response.body;
		}
		const code = typeof candidate.code === 'string' ? candidate.code : undefined;
		if (!info.code && code && NETWORK_CODES.includes(code)) info.code = code;
		if (!info.message && typeof candidate.message === 'string') info.message = candidate.message;
	}
	// No axios response reachable (n8n 1.x, see above): fall back to what NodeApiError itself keeps.
	const top = candidates[0];
	const httpCode =
		top && (typeof top.httpCode === 'string' || typeof top.httpCode === 'number')
			? String(top.httpCode).trim()
			: '';
	if (info.status === undefined && /^\d{3}$/.test(httpCode) && Number(httpCode) >= 100) {
		info.status = Number(httpCode);
		const context = top.context as { data?: unknown } | undefined;
		if (info.body === undefined && context && context.data !== undefined && context.data !== null) {
			info.body = context.data;
		}
	}
	if (!info.code && info.status === undefined && NETWORK_CODES.includes(httpCode))
		info.code = httpCode;
	if (!info.code) {
		const texts: string[] = [];
		for (const c of candidates) {
			texts.push(String(c.message ?? ''));
			if (Array.isArray(c.messages)) texts.push(...c.messages.map((m) => String(m)));
		}
		const text = texts.join(' ');
		const found = NETWORK_CODES.find((code) => text.includes(code));
		if (found) info.code = found;
		else if (/timeout of \d+ms exceeded|timed out/i.test(text)) info.code = 'ETIMEDOUT';
		else if (/socket hang up/i.test(text)) info.code = 'ECONNRESET';
	}
	if (typeof info.body === 'string') {
		try {
			info.body = JSON.parse(info.body);
		} catch {
			// keep text bodies as they are
		}
	}
	if (
		info.body instanceof ArrayBuffer ||
		(info.body && (info.body as { buffer?: unknown }).buffer instanceof ArrayBuffer)
	) {
		try {
			const text = Buffer.from(info.body as ArrayBuffer).toString('utf8');
			info.body = JSON.parse(text);
		} catch {
			info.body = undefined;
		}
	}
	return info;
}

function asText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value && typeof value === 'object') {
		const o = value as Record<string, unknown>;
		for (const key of ['message', 'Message', 'error', 'description', 'detail', 'title']) {
			if (typeof o[key] === 'string') return o[key] as string;
		}
		return JSON.stringify(value);
	}
	return '';
}

/**
 * The generic reading of an error body, for the conventions most JSON APIs share; a vendor's own
 * shapes belong in its profile's `errorMessage` (tried first). Understood here:
 * - `{ message }` (or `Message`, `error`) and text or HTML bodies;
 * - `{ errors: ["…"] }`, `{ errors: [{ message }] }` and `{ errors: { field: ["…"] } }`;
 * - a body that is only a field → messages map `{ field: ["…"] }`.
 */
export function vendorMessage(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') {
		const text = body
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
		return text ? text.slice(0, 300) : undefined;
	}
	if (Array.isArray(body)) {
		const parts = body.map(asText).filter(Boolean);
		return parts.length ? parts.join('; ') : undefined;
	}
	if (typeof body !== 'object') return String(body);
	const o = body as Record<string, unknown>;
	const parts: string[] = [];
	const main =
		typeof o.message === 'string'
			? o.message
			: typeof o.Message === 'string'
				? o.Message
				: typeof o.error === 'string'
					? o.error
					: undefined;
	if (main) parts.push(main);
	if (Array.isArray(o.errors)) {
		const errs = o.errors.map(asText).filter(Boolean);
		if (errs.length) parts.push(errs.join('; '));
	} else if (o.errors && typeof o.errors === 'object') {
		parts.push(fieldMessages(o.errors as Record<string, unknown>));
	}
	if (!parts.length) {
		const fieldLike = Object.entries(o).filter(
			([, v]) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
		);
		if (fieldLike.length && fieldLike.length === Object.keys(o).length)
			parts.push(fieldMessages(o));
	}
	const joined = parts.filter(Boolean).join(' ');
	return joined || undefined;
}

/** "field: message, message; other: message" from a field → messages map. */
export function fieldMessages(fields: Record<string, unknown>): string {
	return Object.entries(fields)
		.map(([field, messages]) => {
			const list = Array.isArray(messages) ? messages.map(asText) : [asText(messages)];
			const label = field === 'base' || field === '' ? '' : `${field}: `;
			return `${label}${list.join(', ')}`;
		})
		.join('; ');
}

/** Collects every string credential value long enough to be a secret, for redaction. */
export function secretValues(credentials: ICredentialDataDecryptedObject | undefined): string[] {
	if (!credentials) return [];
	const values: string[] = [];
	for (const [key, value] of Object.entries(credentials)) {
		if (typeof value !== 'string' || value.length < 6) continue;
		if (
			/url|region|workspace|account|timezone|zone|host/i.test(key) &&
			!SECRET_KEY_PATTERN.test(key)
		)
			continue;
		values.push(value);
		// A Basic header carries base64 of the secret: redact that form too.
		values.push(Buffer.from(value).toString('base64'));
		values.push(Buffer.from(`${value}:`).toString('base64'));
	}
	return values;
}

/** Replaces every occurrence of a secret in a text with ***. */
function redact(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && out.includes(secret)) out = out.split(secret).join('***');
	}
	return out.replace(/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, '$1 ***');
}

/** Removes secret-looking keys from a body before it is shown in an error or returned. */
function stripSecrets<T>(value: T, depth = 0): T {
	if (depth > 8 || value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map((v) => stripSecrets(v, depth + 1)) as unknown as T;
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
		if (SECRET_KEY_PATTERN.test(key)) continue;
		out[key] = stripSecrets(v, depth + 1);
	}
	return out as T;
}

export interface ApiErrorOptions {
	vendor: string;
	status?: number;
	message: string;
	description?: string;
	itemIndex?: number;
	body?: unknown;
	secrets: string[];
}

/**
 * The one way a vendor failure becomes an n8n error: the vendor's words, the HTTP status, the item.
 */
export function buildApiError(node: INode, options: ApiErrorOptions): NodeApiError {
	const { vendor, status, itemIndex, secrets } = options;
	const message = redact(options.message, secrets);
	const where = itemIndex === undefined ? '' : ` (${rowLabel(itemIndex)})`;
	const descriptionParts = [
		status ? `${vendor} answered HTTP ${status}${where}.` : `${vendor} request failed${where}.`,
	];
	if (options.description) descriptionParts.push(redact(options.description, secrets));
	const safeBody =
		options.body === undefined
			? undefined
			: JSON.parse(redact(JSON.stringify(stripSecrets(options.body)) ?? 'null', secrets));
	const errorResponse: JsonObject = { message, httpCode: status ? String(status) : '' };
	if (safeBody !== undefined) errorResponse.body = safeBody;
	const error = new NodeApiError(node, errorResponse, {
		message,
		description: descriptionParts.join(' '),
		httpCode: status ? String(status) : undefined,
		itemIndex,
	});
	// NodeApiError's generic status texts are not the vendor's words: keep ours.
	error.message = message;
	vendorErrors.add(error);
	return error;
}

const vendorErrors = new WeakSet<object>();

/** True for errors this helper built (already mapped: never wrap or retry them again). */
export function isVendorError(error: unknown): error is NodeApiError {
	return typeof error === 'object' && error !== null && vendorErrors.has(error);
}

/** Rows as users count them: n8n's item 0 is "row 1". `capital` for the start of a sentence. */
export function rowLabel(itemIndex: number, capital = false): string {
	return `${capital ? 'Row' : 'row'} ${itemIndex + 1}`;
}

const mayHaveBeenAppliedErrors = new WeakSet<object>();

/**
 * True when a failed write may nevertheless have been carried out by the server (a 5xx, reset,
 * timeout or malformed answer after the request was sent, an asynchronous job still running at the
 * deadline). Such a row must be checked before it is run again; every other failure is safe to
 * retry once its cause is fixed.
 */
export function mayHaveBeenApplied(error: unknown): boolean {
	return typeof error === 'object' && error !== null && mayHaveBeenAppliedErrors.has(error);
}
mayHaveBeenApplied.mark = <T extends object>(error: T): T => {
	mayHaveBeenAppliedErrors.add(error);
	return error;
};
