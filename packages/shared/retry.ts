/** How long to wait after a 429, in the order the brief sets. All results in milliseconds. */

function header(
	headers: Record<string, string | string[] | undefined>,
	name: string,
): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * 1. `Retry-After` (seconds or an HTTP date)
 * 2. seconds the vendor puts in the 429's body, read by its profile (`rateLimitWaitSeconds`)
 * 3. `X-RateLimit-Reset` (epoch seconds)
 * 4. exponential backoff 1, 2, 4, 8 … s capped at 30 s (attempt starts at 1)
 */
export function rateLimitDelayMs(
	headers: Record<string, string | string[] | undefined>,
	body: unknown,
	attempt: number,
	now = Date.now(),
	bodyWaitSeconds?: (body: unknown) => number | undefined,
): { delayMs: number; source: string } {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined && retryAfter.trim() !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds) && seconds >= 0)
			return { delayMs: seconds * 1000, source: 'Retry-After' };
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return { delayMs: Math.max(0, date - now), source: 'Retry-After' };
	}
	if (bodyWaitSeconds && body !== undefined && body !== null) {
		const wait = Number(bodyWaitSeconds(body));
		if (Number.isFinite(wait) && wait >= 0)
			return { delayMs: wait * 1000, source: 'response body' };
	}
	const reset = header(headers, 'x-ratelimit-reset');
	if (reset !== undefined) {
		const epoch = Number(reset);
		if (Number.isFinite(epoch) && epoch > 0) {
			// Epoch seconds; tolerate a server that sends milliseconds.
			const resetMs = epoch > 1e12 ? epoch : epoch * 1000;
			return { delayMs: Math.max(0, resetMs - now), source: 'X-RateLimit-Reset' };
		}
	}
	return { delayMs: backoffMs(attempt), source: 'backoff' };
}

/** 1, 2, 4, 8 … seconds, capped at `capMs` (default 30 s). `attempt` starts at 1. */
export function backoffMs(attempt: number, baseMs = 1000, capMs = 30_000): number {
	return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** Reads X-RateLimit-Limit/Remaining/Reset when the vendor sends them. */
export function rateLimitHeaders(headers: Record<string, string | string[] | undefined>): {
	limit?: number;
	remaining?: number;
	resetAt?: number;
} {
	const num = (name: string) => {
		const value = header(headers, name);
		if (value === undefined) return undefined;
		const n = Number(value);
		return Number.isFinite(n) ? n : undefined;
	};
	const reset = num('x-ratelimit-reset');
	return {
		limit: num('x-ratelimit-limit'),
		remaining: num('x-ratelimit-remaining'),
		resetAt: reset === undefined ? undefined : reset > 1e12 ? reset : reset * 1000,
	};
}
