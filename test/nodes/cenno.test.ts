/**
 * Cenno action node, in-process through n8n-core against the Cenno sandbox: every operation with its
 * documented example, client-side filters with Limit, validation before sending, 422 and 404 paths,
 * Continue On Fail, load options, and secret /users fields absent from every output.
 */
import { DateTime } from 'luxon';
import { Workflow } from 'n8n-workflow';
import type { IDataObject, INode, INodeExecutionData, INodeTypes } from 'n8n-workflow';

import { CennoApi } from '../../packages/n8n-nodes-psa-cenno/credentials/CennoApi.credentials';
import { cennoBaseUrl } from '../../packages/n8n-nodes-psa-cenno/nodes/Cenno/baseUrl';
import { runCredentialTest } from '../harness/inprocess';
import { DOC } from '../sandbox/cenno.doc-examples';
import {
	API_KEY,
	SECRET_FIELDS,
	createCennoSandbox,
	credentialsFor,
	expectNoSecrets,
	loadOptions,
	rl,
	run,
	type CennoSandbox,
} from './cenno.helpers';

let sandbox: CennoSandbox;

// Generous: these tests assert behaviour, never speed, and must pass on a busy machine (issue #11.7).
jest.setTimeout(60_000);

beforeAll(async () => {
	sandbox = createCennoSandbox();
	await sandbox.listen();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const json = (items: INodeExecutionData[][]) => (items[0] ?? []).map((i) => i.json);
const writes = () => sandbox.stats.log.filter((l) => l.method !== 'GET').length;
const requests = () => sandbox.stats.requests;
const entry = (id: number) => sandbox.state().time_entries.find((e) => e.id === id);

describe('credential', () => {
	it('passes with the key, and names the problem for a wrong key (401) and a wrong address (404)', async () => {
		const ok = await runCredentialTest({
			credentialType: new CennoApi(),
			data: credentialsFor(sandbox).psaCennoApi,
		});
		expect(ok.status).toBe('OK');
		expect(sandbox.stats.byRoute['GET /api/projects']).toBe(1);
		expect(sandbox.stats.byRoute['GET /api/users']).toBeUndefined();
		const bad = await runCredentialTest({
			credentialType: new CennoApi(),
			data: credentialsFor(sandbox, { apiKey: 'nope' }).psaCennoApi,
		});
		expect(bad.status).toBe('Error');
		expect(bad.message).toMatch(/rejected the API key \(401 "HTTP Basic: Access denied\."\)/);
		const wrongUrl = await runCredentialTest({
			credentialType: new CennoApi(),
			data: credentialsFor(sandbox, { baseUrl: `${sandbox.url}/elsewhere` }).psaCennoApi,
		});
		expect(wrongUrl.status).toBe('Error');
		expect(wrongUrl.message).toMatch(/No Cenno API at this address/);
	});

	it('builds https://{account}.cennoapp.com/api from an account code and validates custom URLs', () => {
		expect(cennoBaseUrl({ connection: 'account', account: 'acme' })).toBe(
			'https://acme.cennoapp.com/api',
		);
		expect(
			cennoBaseUrl({ connection: 'account', account: ' https://acme.cennoapp.com/api ' }),
		).toBe('https://acme.cennoapp.com/api');
		expect(cennoBaseUrl({ connection: 'customUrl', baseUrl: 'http://127.0.0.1:9/api/' })).toBe(
			'http://127.0.0.1:9/api',
		);
		expect(() => cennoBaseUrl({ connection: 'customUrl', baseUrl: 'ftp://x/api' })).toThrow(
			/not an http\(s\) address/,
		);
		expect(() => cennoBaseUrl({ connection: 'account', account: 'bad code!' })).toThrow(
			/not an account code/,
		);
	});

	it("the credential test's address is the node's address for every form of a good address (one rule)", () => {
		// n8n evaluates the test request's baseURL as an expression, with the credential as $credentials.
		const node: INode = {
			id: 'test',
			name: 'Test',
			type: 'test',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const nodeType = { description: { properties: [] } };
		const nodeTypes = {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		} as unknown as INodeTypes;
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const expression = String(new CennoApi().test!.request.baseURL);
		const testAddress = (credentials: IDataObject) =>
			String(
				workflow.expression.getSimpleParameterValue(
					node,
					expression,
					'internal',
					{ $credentials: credentials } as never,
					undefined,
					'',
				),
			);
		const cases: IDataObject[] = [
			{ connection: 'account', account: 'acme', baseUrl: '' },
			{ connection: 'account', account: ' acme-2 ', baseUrl: '' },
			{ connection: 'account', account: 'acme.cennoapp.com', baseUrl: '' },
			{ connection: 'account', account: 'https://acme.cennoapp.com/api/', baseUrl: '' },
			{ connection: 'account', account: 'HTTPS://ACME.CENNOAPP.COM/api', baseUrl: '' },
			{ connection: 'account', account: 'acme/', baseUrl: '' },
			{ connection: 'customUrl', account: '', baseUrl: 'http://127.0.0.1:9/api/' },
			{ connection: 'customUrl', account: '', baseUrl: ' https://cenno.example.com/api// ' },
		];
		for (const credentials of cases) {
			expect(testAddress(credentials)).toBe(cennoBaseUrl(credentials));
		}
		expect(testAddress(cases[4])).toBe('https://ACME.cennoapp.com/api');
		expect(testAddress(cases[5])).toBe('https://acme.cennoapp.com/api');
	});

	it('sends the key as the Basic user name; a wrong key fails with a readable 401 that never shows the key', async () => {
		const r = await run(
			sandbox,
			{ resource: 'project', operation: 'getAll', returnAll: true },
			undefined,
			{ credentials: { apiKey: 'wrong-key-123' } },
		);
		expect(r.error?.message).toMatch(/Authentication failed/);
		expect(JSON.stringify(r.error)).not.toContain('wrong-key-123');
		expect(JSON.stringify(r.error)).not.toContain(Buffer.from('wrong-key-123:').toString('base64'));
	});
});

describe('companies, projects, categories (get, get many)', () => {
	it('company get returns the documented example; get many lists all, Limit and filters apply', async () => {
		const one = await run(sandbox, { resource: 'company', operation: 'get', companyId: rl(622) });
		expect(json(one.items)).toEqual([DOC.company]);
		const all = await run(sandbox, { resource: 'company', operation: 'getAll', returnAll: true });
		expect(json(all.items)).toHaveLength(sandbox.state().companies.length);
		const limited = await run(sandbox, { resource: 'company', operation: 'getAll', limit: 2 });
		expect(json(limited.items)).toHaveLength(2);
		const search = await run(sandbox, {
			resource: 'company',
			operation: 'getAll',
			returnAll: true,
			filters: { search: 'sample' },
		});
		expect(json(search.items).map((c) => c.id)).toEqual([622]);
	});

	it('project get (raw and simplified) and get many filtered by company and status', async () => {
		const raw = await run(sandbox, {
			resource: 'project',
			operation: 'get',
			projectId: rl(1274, 'list'),
			simplify: false,
		});
		expect(json(raw.items)).toEqual([DOC.project]);
		const simple = json(
			(await run(sandbox, { resource: 'project', operation: 'get', projectId: rl(1274) })).items,
		)[0];
		expect(simple).toMatchObject({
			id: 1274,
			title: 'Getting started',
			company_id: 622,
			status_type: 'open',
		});
		expect(simple.description).toBeUndefined();
		const byCompany = await run(sandbox, {
			resource: 'project',
			operation: 'getAll',
			returnAll: true,
			filters: { companyId: 622 },
		});
		const expected = sandbox
			.state()
			.projects.filter((p) => p.company_id === 622)
			.map((p) => p.id);
		expect(json(byCompany.items).map((p) => p.id)).toEqual(expected);
		const closed = await run(sandbox, {
			resource: 'project',
			operation: 'getAll',
			returnAll: true,
			filters: { statusType: 'closed' },
		});
		expect(json(closed.items).length).toBeGreaterThan(0);
		expect(json(closed.items).every((p) => p.status_type === 'closed')).toBe(true);
	});

	it('category get and get many by project', async () => {
		expect(
			json(
				(await run(sandbox, { resource: 'category', operation: 'get', categoryId: rl(1097) }))
					.items,
			),
		).toEqual([DOC.category]);
		const byProject = await run(sandbox, {
			resource: 'category',
			operation: 'getAll',
			returnAll: true,
			filters: { projectId: 1275 },
		});
		const got = json(byProject.items);
		expect(got.length).toBeGreaterThan(0);
		expect(got.every((c) => c.project_id === 1275)).toBe(true);
	});

	it('404 names the record', async () => {
		const r = await run(sandbox, { resource: 'company', operation: 'get', companyId: rl(999) });
		expect(r.error?.message).toBe('Company 999 was not found');
		expect((r.error as unknown as { httpCode?: string }).httpCode).toBe('404');
	});
});

describe('items: GET /items/{id} answers with an array, the node returns the object', () => {
	it('get returns one object (raw = the documented item)', async () => {
		const r = await run(sandbox, {
			resource: 'item',
			operation: 'get',
			itemId: rl(10346),
			simplify: false,
		});
		expect(r.items[0]).toHaveLength(1);
		expect(json(r.items)[0]).toEqual(DOC.item[0]);
		expect(Array.isArray(json(r.items)[0])).toBe(false);
	});

	it('get many filtered by project, category, assignee and status; Limit counts matching items', async () => {
		const all = sandbox.state().items;
		const inProject = all.filter((i) => i.project_id === 1276);
		const r = await run(sandbox, {
			resource: 'item',
			operation: 'getAll',
			limit: 2,
			filters: { projectId: 1276 },
		});
		expect(json(r.items).map((i) => i.id)).toEqual(inProject.slice(0, 2).map((i) => i.id));
		const assignee = all[3].assignee_id as number;
		const byAssignee = await run(sandbox, {
			resource: 'item',
			operation: 'getAll',
			returnAll: true,
			filters: { assigneeId: assignee, statusType: 'open' },
		});
		expect(json(byAssignee.items).map((i) => i.id)).toEqual(
			all.filter((i) => i.assignee_id === assignee && i.status_type === 'open').map((i) => i.id),
		);
		const byCategory = await run(sandbox, {
			resource: 'item',
			operation: 'getAll',
			returnAll: true,
			filters: { categoryId: 1097 },
		});
		expect(json(byCategory.items).map((i) => i.id)).toEqual(
			all.filter((i) => i.category_id === 1097).map((i) => i.id),
		);
	});

	it('an unknown item is a readable 404', async () => {
		const r = await run(sandbox, { resource: 'item', operation: 'get', itemId: rl(1) });
		expect(r.error?.message).toBe('Item 1 was not found');
	});
});

describe('users: secret fields never leave the node', () => {
	it('get (raw and simplified) and get many have no password hash, salt or tokens', async () => {
		const raw = await run(sandbox, {
			resource: 'user',
			operation: 'get',
			userId: rl(1178),
			simplify: false,
		});
		const user = json(raw.items)[0];
		expect(user).toMatchObject({
			id: 1178,
			first_name: 'Vida',
			last_name: 'Thompson',
			email: 'example@cennoapp.com',
			role: 'owner',
		});
		for (const key of SECRET_FIELDS) expect(user).not.toHaveProperty(key);
		expectNoSecrets(sandbox, raw.items);
		const simple = await run(sandbox, { resource: 'user', operation: 'get', userId: rl(1178) });
		expect(json(simple.items)[0]).toMatchObject({ id: 1178, name: 'Vida Thompson' });
		expectNoSecrets(sandbox, simple.items);
		for (const simplify of [true, false]) {
			const many = await run(sandbox, {
				resource: 'user',
				operation: 'getAll',
				returnAll: true,
				simplify,
			});
			expect(json(many.items)).toHaveLength(sandbox.state().users.length);
			expectNoSecrets(sandbox, many.items);
		}
	});

	it('filters: company, role, active only, search', async () => {
		const active = await run(sandbox, {
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			filters: { active: 'null' },
		});
		expect(json(active.items).every((u) => u.deleted_at === null)).toBe(true);
		expect(json(active.items).length).toBe(
			sandbox.state().users.filter((u) => !u.deleted_at).length,
		);
		const owners = await run(sandbox, {
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			filters: { role: 'owner' },
		});
		expect(json(owners.items).map((u) => u.id)).toContain(1178);
		const search = await run(sandbox, {
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			filters: { search: 'THOMPSON' },
		});
		expect(json(search.items).map((u) => u.id)).toEqual([1178]);
	});

	it('an error body never carries user secrets either', async () => {
		sandbox.addFault({
			type: 'status',
			status: 403,
			path: '/api/users',
			body: sandbox.state().users[1],
		});
		const r = await run(sandbox, { resource: 'user', operation: 'getAll', returnAll: true });
		expect(r.error).toBeDefined();
		expectNoSecrets(sandbox, {
			message: r.error?.message,
			error: r.error,
			description: (r.error as unknown as IDataObject).description,
		});
	});
});

describe('time entries', () => {
	it('get returns the documented example; get many returns every entry unpaged', async () => {
		expect(
			json(
				(await run(sandbox, { resource: 'timeEntry', operation: 'get', timeEntryId: rl(14915) }))
					.items,
			),
		).toEqual([DOC.timeEntry]);
		const all = await run(sandbox, { resource: 'timeEntry', operation: 'getAll', returnAll: true });
		expect(json(all.items)).toHaveLength(sandbox.state().time_entries.length);
		expect(sandbox.stats.byRoute['GET /api/time_entries']).toBe(1);
	});

	it('filters (project, user, date range, billable, updated since) apply before the Limit', async () => {
		const all = sandbox.state().time_entries;
		const wanted = all.filter(
			(e) => e.project_id === 1275 && e.date! >= '2026-01-06' && e.date! <= '2026-01-15',
		);
		expect(wanted.length).toBeGreaterThan(1);
		const r = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'getAll',
			limit: 2,
			filters: { projectId: 1275, dateFrom: '2026-01-06T00:00:00', dateTo: '2026-01-15' },
		});
		expect(json(r.items).map((e) => e.id)).toEqual(wanted.slice(0, 2).map((e) => e.id));
		const byUser = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'getAll',
			returnAll: true,
			filters: { userId: 1179, billable: false },
		});
		expect(json(byUser.items).map((e) => e.id)).toEqual(
			all.filter((e) => e.user_id === 1179 && e.billable === false).map((e) => e.id),
		);
		const since = all[30].updated_at as string;
		const recent = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'getAll',
			returnAll: true,
			filters: { updatedSince: since },
		});
		expect(json(recent.items).map((e) => e.id)).toEqual(
			all.filter((e) => Date.parse(e.updated_at as string) >= Date.parse(since)).map((e) => e.id),
		);
		const noItem = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'getAll',
			returnAll: true,
			filters: { itemId: 10346 },
		});
		expect(json(noItem.items).every((e) => e.item_id === 10346)).toBe(true);
	});

	it('bad filter values fail before any request, naming the field and the item', async () => {
		const before = requests();
		const r = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'getAll',
			returnAll: true,
			filters: { dateFrom: '2026-02-10', dateTo: '2026-02-01' },
		});
		expect(r.error?.message).toMatch(/Filters → Date To: is before Date From .*\(row 1\)/);
		const r2 = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'getAll',
			returnAll: true,
			filters: { projectId: 'abc' },
		});
		expect(r2.error?.message).toMatch(
			/Filters → Project: must be a positive whole number, got "abc" \(row 1\)/,
		);
		expect(requests()).toBe(before);
	});

	it('log time: the documented create example, sent wrapped, answered with the new entry (14916)', async () => {
		const r = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'create',
			projectId: rl(1274, 'list'),
			userId: rl(1178),
			date: '2016-08-15T00:00:00',
			hours: 1,
			additionalFields: { itemId: 10346, description: 'Test entry', billable: true },
		});
		expect(r.error).toBeUndefined();
		const created = json(r.items)[0];
		const { created_at: _c, updated_at: _u, ...expected } = DOC.createResponse as IDataObject;
		expect(created).toMatchObject(expected);
		expect(entry(14916)).toMatchObject({
			user_id: 1178,
			item_id: 10346,
			project_id: 1274,
			date: '2016-08-15',
			hours: 1,
			description: 'Test entry',
		});
		expect(r.items[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('log time for several input items with expressions; each output is paired with its item', async () => {
		const input = [
			{ hours: 1.5, day: '2026-03-02', note: 'Design review' },
			{ hours: 2, day: '2026-03-03', note: 'Client call' },
		];
		const r = await run(
			sandbox,
			{
				resource: 'timeEntry',
				operation: 'create',
				projectId: rl(1275),
				userId: rl(1179),
				date: '={{ $json.day }}',
				hours: '={{ $json.hours }}',
				additionalFields: {
					description: '={{ $json.note }}',
					billable: false,
					externalId: 'payroll-1',
				},
			},
			input,
		);
		expect(r.error).toBeUndefined();
		const out = json(r.items);
		expect(out.map((e) => [e.date, e.hours, e.description, e.billable, e.external_id])).toEqual([
			['2026-03-02', 1.5, 'Design review', false, 'payroll-1'],
			['2026-03-03', 2, 'Client call', false, 'payroll-1'],
		]);
		expect(r.items[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out[0].item_id).toBeNull();
	});

	it('the date takes expressions such as {{ $now }} (only the day is sent)', async () => {
		const r = await run(
			sandbox,
			{
				resource: 'timeEntry',
				operation: 'create',
				projectId: rl(1274),
				userId: rl(1178),
				date: '={{ $now }}',
				hours: 0.25,
			},
			undefined,
			{ timezone: 'Europe/Helsinki' },
		);
		expect(r.error).toBeUndefined();
		const day = json(r.items)[0].date as string;
		expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const helsinkiToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(
			new Date(),
		);
		expect(day).toBe(helsinkiToday);
	});

	it('a large account: 5,000 entries are listed in one request and filtered locally (no timing claim)', async () => {
		sandbox.config.seed = { timeEntries: 5000 };
		try {
			const r = await run(sandbox, {
				resource: 'timeEntry',
				operation: 'getAll',
				limit: 5,
				filters: { userId: 1180, billable: true },
			});
			expect(json(r.items)).toHaveLength(5);
			expect(json(r.items).every((e) => e.user_id === 1180 && e.billable === true)).toBe(true);
			expect(sandbox.stats.byRoute['GET /api/time_entries']).toBe(1);
			expect(sandbox.stats.requests).toBe(1);
		} finally {
			sandbox.config.seed = {};
		}
	}, 60000);

	it('hours must be > 0 and dates real: checked before sending, naming the field and the item', async () => {
		const base = {
			resource: 'timeEntry',
			operation: 'create',
			projectId: rl(1274),
			userId: rl(1178),
			date: '2026-03-02',
		};
		const before = writes();
		const zero = await run(sandbox, { ...base, hours: 0 });
		expect(zero.error?.message).toBe('Hours: must be greater than 0, got 0 (row 1)');
		const negative = await run(sandbox, { ...base, hours: '={{ -2 }}' });
		expect(negative.error?.message).toMatch(/^Hours: must be greater than 0/);
		const badDate = await run(sandbox, { ...base, hours: 1, date: '2026-02-30' });
		expect(badDate.error?.message).toBe('Date: is not a real calendar date: "2026-02-30" (row 1)');
		const noDate = await run(sandbox, { ...base, hours: 1, date: '' });
		expect(noDate.error?.message).toMatch(/^Date: must be a date/);
		const badProject = await run(sandbox, { ...base, hours: 1, projectId: rl('12x') });
		expect(badProject.error?.message).toMatch(
			/^Project: must be a positive whole number, got "12x" \(row 1\)/,
		);
		const badTime = await run(sandbox, { ...base, hours: 1, date: '2026-07-01T25:00' });
		expect(badTime.error?.message).toBe(
			'Date: has a time that does not exist (use 00:00–23:59): "2026-07-01T25:00" (row 1)',
		);
		const second = await run(sandbox, { ...base, hours: '={{ $json.h }}' }, [{ h: 1 }, { h: 0 }]);
		expect(second.error?.message).toBe('Hours: must be greater than 0, got 0 (row 2)');
		// nothing went out: the first row is not written when the second is bad
		expect(writes()).toBe(before);
		expect(sandbox.received()).toEqual([]);
	});

	it("the API's 422 is the backstop: one readable message per field, HTTP 422, the item named", async () => {
		const r = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'create',
			projectId: rl(1275),
			userId: rl(1178),
			date: '2026-03-02',
			hours: 1,
			additionalFields: { itemId: 10346 },
		});
		expect(r.error?.message).toBe('item_id: does not belong to the project');
		const error = r.error as unknown as {
			httpCode?: string;
			description?: string;
			context?: IDataObject;
		};
		expect(error.httpCode).toBe('422');
		expect(error.description).toMatch(/Cenno answered HTTP 422 \(row 1\)/);
		const several = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'create',
			projectId: rl(999999),
			userId: rl(999999),
			date: '2026-03-02',
			hours: 1,
		});
		expect(several.error?.message).toBe('user_id: is invalid; project_id: is invalid');
	});

	it('update changes only the fields set (the documented update example)', async () => {
		await run(sandbox, {
			resource: 'timeEntry',
			operation: 'create',
			projectId: rl(1274),
			userId: rl(1178),
			date: '2016-08-15',
			hours: 1,
			additionalFields: { itemId: 10346, description: 'Test entry' },
		});
		sandbox.config.now = '2030-01-01T10:00:00Z';
		const r = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'update',
			timeEntryId: rl(14916),
			updateFields: { description: 'Test entry X' },
		});
		expect(r.error).toBeUndefined();
		const { created_at: _c, updated_at: _u, ...expected } = DOC.updateResponse as IDataObject;
		expect(json(r.items)[0]).toMatchObject({
			...expected,
			updated_at: '2030-01-01T13:00:00+03:00',
		});
		const put = sandbox.stats.log.filter((l) => l.method === 'PUT');
		expect(put).toHaveLength(1);
		// other fields untouched
		const hours = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'update',
			timeEntryId: rl(14915),
			updateFields: { hours: 3.25, date: '2016-08-16', billable: false },
		});
		expect(json(hours.items)[0]).toMatchObject({
			...(DOC.timeEntry as IDataObject),
			hours: 3.25,
			date: '2016-08-16',
			billable: false,
			updated_at: expect.any(String),
		});
	});

	it('update: nothing to change, bad hours and unknown ids are readable errors', async () => {
		const before = writes();
		const empty = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'update',
			timeEntryId: rl(14915),
			updateFields: {},
		});
		expect(empty.error?.message).toBe('Update Fields: add at least one field to change (row 1)');
		const zero = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'update',
			timeEntryId: rl(14915),
			updateFields: { hours: 0 },
		});
		expect(zero.error?.message).toBe(
			'Update Fields → Hours: must be greater than 0, got 0 (row 1)',
		);
		expect(writes()).toBe(before);
		const missing = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'update',
			timeEntryId: rl(7874),
			updateFields: { description: 'x' },
		});
		expect(missing.error?.message).toBe('Time entry 7874 was not found');
	});

	it('record IDs inside Additional Fields and Update Fields are checked before sending, naming the field', async () => {
		const before = writes();
		const badItem = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'create',
			projectId: rl(1274),
			userId: rl(1178),
			date: '2026-03-02',
			hours: 1,
			additionalFields: { itemId: 'Website' },
		});
		expect(badItem.error?.message).toBe(
			'Additional Fields → Item: must be a positive whole number, got "Website" (row 1)',
		);
		const badProject = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'update',
			timeEntryId: rl(14915),
			updateFields: { projectId: '={{ "12b" }}' },
		});
		expect(badProject.error?.message).toBe(
			'Update Fields → Project: must be a positive whole number, got "12b" (row 1)',
		);
		const badUser = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'update',
			timeEntryId: rl(14915),
			updateFields: { userId: -4 },
		});
		expect(badUser.error?.message).toBe(
			'Update Fields → User: must be a positive whole number, got "-4" (row 1)',
		);
		expect(writes()).toBe(before);
		// An ID from an expression (a number or a string with spaces) is taken as it is.
		const moved = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'update',
			timeEntryId: rl(14915),
			updateFields: { userId: '={{ 1178 }}', itemId: ' 10346 ' },
		});
		expect(moved.error).toBeUndefined();
		expect(entry(14915)).toMatchObject({ user_id: 1178, item_id: 10346 });
	});

	it('delete removes the entry; deleting it again is a 404 naming it (the documented 404 example)', async () => {
		const r = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'delete',
			timeEntryId: rl(14915),
		});
		expect(json(r.items)).toEqual([{ id: 14915, deleted: true }]);
		expect(entry(14915)).toBeUndefined();
		const again = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'delete',
			timeEntryId: rl(14915),
		});
		expect(again.error?.message).toBe('Time entry 14915 was not found');
		const get = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'get',
			timeEntryId: rl(7874),
		});
		expect(get.error?.message).toBe('Time entry 7874 was not found');
		expect((get.error as unknown as { httpCode?: string }).httpCode).toBe('404');
	});

	it('Continue On Fail: failed rows become the shared failure row paired with their item; the others go through', async () => {
		const r = await run(
			sandbox,
			{ resource: 'timeEntry', operation: 'get', timeEntryId: rl('={{ $json.id }}') },
			[{ id: 14915 }, { id: 7874 }, { id: 'x' }],
			{ continueOnFail: true },
		);
		expect(r.error).toBeUndefined();
		expect(r.items[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(json(r.items)[0]).toEqual(DOC.timeEntry);
		expect(json(r.items)[1]).toEqual({
			error: 'Time entry 7874 was not found',
			description: 'Cenno answered HTTP 404 (row 2).',
			httpCode: 404,
			row: 2,
			itemIndex: 1,
			mayHaveBeenApplied: false,
		});
		expect(json(r.items)[2]).toMatchObject({
			row: 3,
			itemIndex: 2,
			httpCode: null,
			mayHaveBeenApplied: false,
		});
		expect(json(r.items)[2].error).toMatch(
			/Time Entry: must be a positive whole number, got "x" \(row 3\)/,
		);
	});

	it('a POST that fails with a 5xx is not retried (no duplicate hours), and says so', async () => {
		sandbox.addFault({
			type: '5xx',
			method: 'POST',
			path: '/api/time_entries',
			beforeHandler: false,
		});
		const before = sandbox.state().time_entries.length;
		const r = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'create',
			projectId: rl(1274),
			userId: rl(1178),
			date: '2026-03-02',
			hours: 1,
		});
		expect(r.error).toBeDefined();
		expect((r.error as unknown as { description?: string }).description).toMatch(
			/not retried automatically/,
		);
		expect(sandbox.state().time_entries.length).toBe(before + 1);
		expect(sandbox.stats.log.filter((l) => l.method === 'POST')).toHaveLength(1);
	});
});

describe('load options and resource-locator lists', () => {
	it('lists companies, projects, categories, items, users and time entries, searchable', async () => {
		const companies = (await loadOptions(
			sandbox,
			'listSearch',
			'searchCompanies',
			{},
			'sample',
		)) as { results: IDataObject[] };
		expect(companies.results).toEqual([{ name: 'Sample Company', value: '622' }]);
		const projects = (await loadOptions(sandbox, 'listSearch', 'searchProjects')) as {
			results: IDataObject[];
		};
		expect(projects.results).toHaveLength(sandbox.state().projects.length);
		const items = (await loadOptions(sandbox, 'listSearch', 'searchItems', {}, 'faq')) as {
			results: IDataObject[];
		};
		expect(items.results).toEqual([
			{ name: '1. Read Help and FAQ · Getting started', value: '10346' },
		]);
		const entries = (await loadOptions(
			sandbox,
			'listSearch',
			'searchTimeEntries',
			{},
			'sample time',
		)) as { results: IDataObject[] };
		expect(entries.results).toEqual([
			{ name: '2016-08-15 · 2 h · Sample time entry (#14915)', value: '14915' },
		]);
		const categories = (await loadOptions(
			sandbox,
			'listSearch',
			'searchCategories',
			{},
			'1097',
		)) as { results: IDataObject[] };
		expect(categories.results.map((c) => c.value)).toEqual(['1097']);
	});

	it('item dropdown follows the chosen project', async () => {
		const options = (await loadOptions(sandbox, 'loadOptions', 'getItems', {
			resource: 'timeEntry',
			operation: 'create',
			projectId: rl(1276, 'list'),
		})) as IDataObject[];
		const expected = sandbox
			.state()
			.items.filter((i) => i.project_id === 1276)
			.map((i) => i.id)
			.sort();
		expect(options.map((o) => o.value).sort()).toEqual(expected);
	});

	it('user lists carry names and emails only: no secrets, no deleted users', async () => {
		const search = await loadOptions(sandbox, 'listSearch', 'searchUsers');
		const options = await loadOptions(sandbox, 'loadOptions', 'getUsers');
		const trigger = await loadOptions(
			sandbox,
			'loadOptions',
			'getProjects',
			{},
			undefined,
			'trigger',
		);
		expectNoSecrets(sandbox, [search, options, trigger]);
		const names = (options as IDataObject[]).map((o) => o.name);
		expect(names).toContain('Vida Thompson (example@cennoapp.com)');
		const deleted = sandbox.state().users.find((u) => u.deleted_at)!;
		expect((options as IDataObject[]).map((o) => o.value)).not.toContain(deleted.id);
	});
});

describe('secrets: the API key never appears in any output', () => {
	it('outputs of every read operation', async () => {
		const outputs = [];
		for (const [resource, idField, id] of [
			['company', 'companyId', 622],
			['user', 'userId', 1178],
			['project', 'projectId', 1274],
			['category', 'categoryId', 1097],
			['item', 'itemId', 10346],
			['timeEntry', 'timeEntryId', 14915],
		] as const) {
			outputs.push(
				(await run(sandbox, { resource, operation: 'get', [idField]: rl(id), simplify: false }))
					.items,
			);
			outputs.push(
				(await run(sandbox, { resource, operation: 'getAll', returnAll: true, simplify: false }))
					.items,
			);
		}
		expect(outputs.flat(2).length).toBeGreaterThan(50);
		expectNoSecrets(sandbox, outputs);
		expect(JSON.stringify(outputs)).not.toContain(API_KEY);
	});
});

describe('example workflows (examples/cenno-*.json) work as shipped', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const logExample = require('../../examples/cenno-log-time.json') as {
		nodes: Array<{
			name: string;
			type: string;
			parameters: IDataObject;
			credentials?: IDataObject;
		}>;
	};
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const payExample = require('../../examples/cenno-payroll-trigger.json') as typeof logExample;
	const node = (wf: typeof logExample, name: string) => wf.nodes.find((n) => n.name === name)!;

	it('log time: the timesheet rows are logged, then the billable list of the last 7 days shows them', async () => {
		// The demo's rows are dated 3, 2 and 1 days ago (relative expressions), as here.
		const day = (n: number) => DateTime.now().minus({ days: n }).toFormat('yyyy-MM-dd');
		const rows = [
			{ day: day(3), hours: 2.5, note: 'Wireframes review', billable: true },
			{ day: day(2), hours: 1, note: 'Internal sync', billable: false },
			{ day: day(1), hours: 4, note: 'Front-end build', billable: true },
		];
		expect(node(logExample, 'Log time').credentials).toEqual({
			psaCennoApi: { id: 'cenno-sandbox', name: 'Cenno sandbox' },
		});
		const logged = await run(sandbox, node(logExample, 'Log time').parameters as never, rows);
		expect(logged.error).toBeUndefined();
		expect(json(logged.items).map((e) => [e.date, e.hours, e.billable])).toEqual([
			[day(3), 2.5, true],
			[day(2), 1, false],
			[day(1), 4, true],
		]);
		const listed = await run(
			sandbox,
			node(logExample, 'Billable hours, last 7 days').parameters as never,
		);
		expect(json(listed.items).map((e) => e.description)).toEqual(
			expect.arrayContaining(['Wireframes review', 'Front-end build']),
		);
		expect(json(listed.items).map((e) => e.description)).not.toContain('Internal sync');
	});

	it('payroll: the user lookup by the entry user_id returns name and email, no secrets', async () => {
		const r = await run(sandbox, node(payExample, 'Who logged it').parameters as never, [
			DOC.timeEntry as IDataObject,
		]);
		expect(json(r.items)[0]).toMatchObject({
			id: 1178,
			name: 'Vida Thompson',
			email: 'example@cennoapp.com',
		});
		expectNoSecrets(sandbox, r.items);
		expect(node(payExample, 'Cenno Trigger').parameters).toMatchObject({ event: 'newTimeEntry' });
	});
});
