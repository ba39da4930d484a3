/** Shared set-up for the smenso sandbox tests (HTTP against sandbox/smenso; independent of the node). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { create } = require('../../sandbox/smenso');

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Any = any;

export interface SmensoSandbox {
	url: string;
	config: Any;
	counters: Any;
	stats: Any;
	routes: string[];
	listen(): Promise<string>;
	close(): Promise<void>;
	reset(): void;
	baseUrl(): string;
	state(): Any;
	flushTickets(): void;
	addFault(spec: Any): void;
}

export const TOKEN = 'smenso-sandbox-token';
export const WTZ = 'W. Europe Standard Time';
export const ZERO = '00000000-0000-4000-8000-000000000000';

export function startSandbox(options: Any = {}) {
	const ctx: { sandbox: SmensoSandbox } = { sandbox: undefined as unknown as SmensoSandbox };
	beforeAll(async () => {
		ctx.sandbox = create({ ticketDelayMs: 30, ...options });
		await ctx.sandbox.listen();
	});
	afterAll(async () => await ctx.sandbox.close());
	beforeEach(() => ctx.sandbox.reset());
	return ctx;
}

export interface Answer {
	status: number;
	headers: Headers;
	text: string;
	json: Any;
	bytes: Buffer;
}

export async function call(
	sandbox: SmensoSandbox,
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = {},
): Promise<Answer> {
	const isRaw = body instanceof Uint8Array || typeof body === 'string' || body instanceof FormData;
	const response = await fetch(`${sandbox.baseUrl()}/${path}`, {
		method,
		headers: {
			Authorization: `Basic ${TOKEN}`,
			accept: 'application/json',
			...(body !== undefined && !isRaw ? { 'Content-Type': 'application/json' } : {}),
			...headers,
		},
		body: body === undefined ? undefined : isRaw ? (body as BodyInit) : JSON.stringify(body),
	});
	const bytes = Buffer.from(await response.arrayBuffer());
	const text = bytes.toString('utf8');
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json, bytes };
}

// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the ticket is terminal (no reliance on an idle machine: polls up to 10 s). */
export async function finish(sandbox: SmensoSandbox, ticketId: string) {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const ticket = (await call(sandbox, 'GET', `integration/status/json/${ticketId}`)).json;
		if ([10, 20, 30].includes(ticket.statusId) || Date.now() > deadline) return ticket;
		await sleep(40);
	}
}

/** A write that must be accepted (202 + ticket) and end in Success. */
export async function accepted(
	sandbox: SmensoSandbox,
	method: string,
	path: string,
	body?: unknown,
) {
	const r = await call(sandbox, method, path, body);
	if (r.status !== 202) throw new Error(`${method} ${path} → ${r.status} ${r.text}`);
	const ticket = await finish(sandbox, r.json.ticketId);
	return ticket;
}

export function expectRejected(r: Answer, pattern: RegExp) {
	expect(r.status).toBe(400);
	expect(Array.isArray(r.json?.errors)).toBe(true);
	expect(r.json.errors.join('\n')).toMatch(pattern);
}
