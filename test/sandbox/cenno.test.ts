/**
 * Cenno sandbox contract: every request/response example of the Cenno API docs replayed over HTTP
 * against sandbox/cenno, plus what the docs say about auth, 422 bodies and 404s.
 */
import type { IDataObject } from 'n8n-workflow';

import { DOC } from './cenno.doc-examples';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { create } = require('../../sandbox/cenno');

interface Sandbox {
	url: string;
	config: IDataObject;
	listen(): Promise<string>;
	close(): Promise<void>;
	reset(): void;
	demoCredential(): { type: string; name: string; data: IDataObject };
}

const KEY = 'cenno-sandbox-key';
let sandbox: Sandbox;

// Generous: these tests assert behaviour, never speed, and must pass on a busy machine (issue #11.7).
jest.setTimeout(60_000);

function basic(user: string, password = ''): string {
	return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

async function call(
	method: string,
	path: string,
	body?: unknown,
	auth: string | null = basic(KEY),
) {
	const headers: Record<string, string> = { Accept: 'application/json' };
	if (auth) headers.Authorization = auth;
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const response = await fetch(`${sandbox.url}/api${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return {
		status: response.status,
		headers: response.headers,
		text,
		json: json as IDataObject & IDataObject[],
	};
}

/** Field names and value types of a documented record: the sandbox must answer in the same shape. */
function shape(record: IDataObject): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(record))
		out[key] = value === null ? 'null' : typeof value;
	return out;
}

beforeAll(async () => {
	sandbox = create();
	await sandbox.listen();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

describe('authentication: Basic with the API key as user name', () => {
	it('accepts an empty password and a password equal to the key', async () => {
		expect((await call('GET', '/projects', undefined, basic(KEY))).status).toBe(200);
		expect((await call('GET', '/projects', undefined, basic(KEY, KEY))).status).toBe(200);
	});

	it('rejects a missing header, a wrong key and a wrong password with 401', async () => {
		for (const auth of [null, basic('wrong-key'), basic(KEY, 'other'), `Bearer ${KEY}`]) {
			const r = await call('GET', '/projects', undefined, auth);
			expect(r.status).toBe(401);
			expect(r.headers.get('www-authenticate')).toMatch(/^Basic/);
		}
	});
});

describe('documented read examples', () => {
	const cases: Array<[string, string, unknown]> = [
		['GET /companies', '/companies', DOC.companiesList],
		['GET /users', '/users', DOC.usersList],
		['GET /projects', '/projects', DOC.projectsList],
		['GET /categories', '/categories', DOC.categoriesList],
		['GET /items', '/items', DOC.itemsList],
		['GET /time_entries', '/time_entries', DOC.timeEntriesList],
	];
	it.each(cases)(
		'%s: an unpaged array containing the documented record verbatim',
		async (_label, path, example) => {
			const r = await call('GET', path);
			expect(r.status).toBe(200);
			expect(Array.isArray(r.json)).toBe(true);
			const documented = (example as IDataObject[])[0];
			expect(r.json.find((x) => x.id === documented.id)).toEqual(documented);
			// every record has the documented shape (same fields, same JSON types where the doc has a value)
			for (const record of r.json) {
				expect(Object.keys(record).sort()).toEqual(Object.keys(documented).sort());
			}
			// lists are unpaged: the same call with paging parameters returns the same whole list
			const paged = await call('GET', `${path}?page=2&per_page=1`);
			expect(paged.json).toEqual(r.json);
			expect(r.json.length).toBeGreaterThan(1);
		},
	);

	const one: Array<[string, string, unknown]> = [
		['GET /companies/622', '/companies/622', DOC.company],
		['GET /users/1178 (docs: /users/471 showing user 1178)', '/users/1178', DOC.user],
		['GET /projects/1274', '/projects/1274', DOC.project],
		['GET /categories/1097', '/categories/1097', DOC.category],
		['GET /items/10346 (an array holding the item)', '/items/10346', DOC.item],
		['GET /time_entries/14915', '/time_entries/14915', DOC.timeEntry],
	];
	it.each(one)('%s answers exactly the documented example', async (_label, path, example) => {
		const r = await call('GET', path);
		expect(r.status).toBe(200);
		expect(r.json).toEqual(example);
	});

	it('/users records carry the secret fields the docs show (so the node strip is tested for real)', async () => {
		const r = await call('GET', '/users');
		for (const user of r.json) {
			for (const key of [
				'crypted_password',
				'password_salt',
				'persistence_token',
				'perishable_token',
				'token',
			]) {
				expect(typeof user[key]).toBe('string');
				expect((user[key] as string).length).toBeGreaterThan(5);
			}
		}
		expect(shape(r.json[1])).toMatchObject({
			crypted_password: 'string',
			token: 'string',
			company_id: 'number',
		});
	});

	it('generated records have created_at/updated_at with the account offset, and several projects/users/items', async () => {
		const entries = (await call('GET', '/time_entries')).json;
		expect(entries.length).toBeGreaterThanOrEqual(20);
		for (const e of entries)
			expect(e.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
		expect((await call('GET', '/projects')).json.length).toBeGreaterThanOrEqual(5);
		expect((await call('GET', '/users')).json.length).toBeGreaterThanOrEqual(5);
		expect((await call('GET', '/items')).json.length).toBeGreaterThanOrEqual(20);
	});
});

describe('documented write examples (time entries)', () => {
	it('POST /time_entries with the documented request answers the documented response (id 14916)', async () => {
		const r = await call('POST', '/time_entries', DOC.createRequest);
		expect([200, 201]).toContain(r.status);
		const { created_at, updated_at, ...rest } = r.json;
		const { created_at: _c, updated_at: _u, ...expected } = DOC.createResponse as IDataObject;
		expect(rest).toEqual(expected);
		expect(created_at).toBe(updated_at);
		expect(String(created_at)).toMatch(/\+03:00$/);
		// state changed: it is now readable and listed
		expect((await call('GET', '/time_entries/14916')).json).toEqual(r.json);
		expect((await call('GET', '/time_entries')).json.map((e) => e.id)).toContain(14916);
	});

	it('PUT /time_entries/14916 with the documented request answers the documented response', async () => {
		await call('POST', '/time_entries', DOC.createRequest);
		sandbox.config.now = '2030-01-01T10:00:00Z';
		const r = await call('PUT', '/time_entries/14916', DOC.updateRequest);
		expect(r.status).toBe(200);
		const { created_at: _c, updated_at, ...rest } = r.json;
		const { created_at: _c2, updated_at: _u2, ...expected } = DOC.updateResponse as IDataObject;
		expect(rest).toEqual(expected);
		expect(updated_at).toBe('2030-01-01T13:00:00+03:00');
	});

	it('PUT changes only the fields sent', async () => {
		const r = await call('PUT', '/time_entries/14915', {
			time_entry: { description: 'Only this' },
		});
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({
			...(DOC.timeEntry as IDataObject),
			description: 'Only this',
			updated_at: expect.any(String),
		});
	});

	it('DELETE /time_entries/14916 removes it; a second GET is 404', async () => {
		await call('POST', '/time_entries', DOC.createRequest);
		const r = await call('DELETE', '/time_entries/14916');
		expect(r.status).toBeLessThan(300);
		expect((await call('GET', '/time_entries/14916')).status).toBe(404);
		expect((await call('DELETE', '/time_entries/14916')).status).toBe(404);
	});

	it('writes are wrapped: an unwrapped body is rejected and nothing is created', async () => {
		const before = (await call('GET', '/time_entries')).json.length;
		const r = await call('POST', '/time_entries', (DOC.createRequest as IDataObject).time_entry);
		expect(r.status).toBe(400);
		expect((await call('GET', '/time_entries')).json.length).toBe(before);
	});
});

describe('validation errors (422 {field: [messages]}) and not found (404)', () => {
	it('the documented example: hours 0 → 422 {"hours": ["must be greater than 0"]}', async () => {
		const body = {
			time_entry: { ...(DOC.createRequest as { time_entry: IDataObject }).time_entry, hours: 0 },
		};
		const r = await call('POST', '/time_entries', body);
		expect(r.status).toBe(422);
		expect(r.json).toEqual(DOC.validationError);
	});

	it('several fields at once, each with its messages; nothing is written', async () => {
		const before = (await call('GET', '/time_entries')).json.length;
		const r = await call('POST', '/time_entries', {
			time_entry: { project_id: 999999, date: '2026-02-30', hours: -1 },
		});
		expect(r.status).toBe(422);
		expect(r.json).toEqual({
			user_id: ["can't be blank"],
			project_id: ['is invalid'],
			date: ['is not a valid date'],
			hours: ['must be greater than 0'],
		});
		expect((await call('GET', '/time_entries')).json.length).toBe(before);
	});

	it('an item of another project is rejected', async () => {
		const r = await call('POST', '/time_entries', {
			time_entry: { user_id: 1178, project_id: 1275, item_id: 10346, date: '2026-01-05', hours: 1 },
		});
		expect(r.status).toBe(422);
		expect(r.json).toEqual({ item_id: ['does not belong to the project'] });
	});

	it('PUT validates the merged record (hours 0 → 422) and leaves it unchanged', async () => {
		const r = await call('PUT', '/time_entries/14915', { time_entry: { hours: 0 } });
		expect(r.status).toBe(422);
		expect((await call('GET', '/time_entries/14915')).json).toEqual(DOC.timeEntry);
	});

	it.each([
		'/time_entries/7874',
		'/companies/1',
		'/users/471',
		'/projects/1',
		'/categories/1',
		'/items/1',
	])('GET %s → 404', async (path) => {
		const r = await call('GET', path);
		expect(r.status).toBe(404);
	});

	it('PUT and DELETE of an unknown time entry → 404', async () => {
		expect((await call('PUT', '/time_entries/7874', DOC.updateRequest)).status).toBe(404);
		expect((await call('DELETE', '/time_entries/7874')).status).toBe(404);
	});
});

describe('sandbox controls', () => {
	it('config.seed reseeds with more records; reset restores the default', async () => {
		await fetch(`${sandbox.url}/__sandbox/config`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ seed: { timeEntries: 500 } }),
		});
		expect((await call('GET', '/time_entries')).json.length).toBe(500);
		sandbox.reset();
		sandbox.config.seed = {};
		expect((await call('GET', '/time_entries')).json.length).toBe(40);
	});

	it('rateLimit config answers 429 with Retry-After past the ceiling', async () => {
		sandbox.config.rateLimit = { limit: 2, windowMs: 1000 };
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await call('GET', '/projects')).status);
		sandbox.config.rateLimit = undefined;
		expect(statuses).toEqual([200, 200, 429]);
	});

	it('POST /__cenno/items adds an item stamped now; PATCH changes one and bumps updated_at', async () => {
		sandbox.config.now = '2030-05-01T09:00:00Z';
		const created = (await (
			await fetch(`${sandbox.url}/__cenno/items`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ title: 'Fresh', project_id: 1275 }),
			})
		).json()) as { id: number };
		expect(created).toMatchObject({
			title: 'Fresh',
			project_id: 1275,
			created_at: '2030-05-01T12:00:00+03:00',
		});
		sandbox.config.now = '2030-05-01T09:30:00Z';
		const patched = await (
			await fetch(`${sandbox.url}/__cenno/items/${created.id}`, {
				method: 'PATCH',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ title: 'Renamed' }),
			})
		).json();
		expect(patched).toMatchObject({
			title: 'Renamed',
			updated_at: '2030-05-01T12:30:00+03:00',
			created_at: '2030-05-01T12:00:00+03:00',
		});
		expect((await call('GET', `/items/${created.id}`)).json[0].title).toBe('Renamed');
	});

	it('demoCredential points at the sandbox with the accepted key', () => {
		expect(sandbox.demoCredential()).toEqual({
			type: 'psaCennoApi',
			name: 'Cenno sandbox',
			data: { connection: 'customUrl', account: '', baseUrl: `${sandbox.url}/api`, apiKey: KEY },
		});
	});
});
