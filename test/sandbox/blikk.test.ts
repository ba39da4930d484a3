/**
 * Blikk sandbox contract: every request/response example in blikk-api.txt replayed against the sandbox,
 * plus the documented rules (auth, paging, sorting, filters, validation, 403/404/429/500 shapes).
 * Where a docs example points at ids of the vendor's own account (responsibleId 15, projectId 15,
 * tagIds 10/16) the replay uses seeded ids; the body shape is the docs'.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { create } = require('../../sandbox/blikk');

type Json = Record<string, unknown>;

// Generous: no test here may fail because the machine is busy.
jest.setTimeout(120_000);
let sandbox: {
	url: string;
	listen(): Promise<string>;
	close(): Promise<void>;
	reset(): void;
	config: Json;
	addFault(f: Json): void;
	store(): Json;
};
let token = '';

const BLIKK_DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+00:00$/;

async function call(
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = {},
) {
	const init: RequestInit = { method, headers: { Authorization: `Bearer ${token}`, ...headers } };
	if (body !== undefined) {
		if (Buffer.isBuffer(body) || typeof body === 'string') init.body = body as never;
		else {
			init.body = JSON.stringify(body);
			(init.headers as Record<string, string>)['Content-Type'] = 'application/json';
		}
	}
	const res = await fetch(`${sandbox.url}${path}`, init);
	const text = await res.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = text;
	}
	return { status: res.status, body: json as Json, text, headers: res.headers };
}

async function newToken(appId = 'sandbox-app', secret = 'sandbox-secret'): Promise<string> {
	const res = await fetch(`${sandbox.url}/v1/Auth/Token`, {
		method: 'POST',
		headers: { Authorization: `Basic ${Buffer.from(`${appId}:${secret}`).toString('base64')}` },
	});
	return ((await res.json()) as { accessToken: string }).accessToken;
}

beforeAll(async () => {
	sandbox = create({ rateLimit: { limit: 1000, windowMs: 1000 } });
	await sandbox.listen();
});
afterAll(async () => await sandbox.close());
beforeEach(async () => {
	sandbox.reset();
	sandbox.config.rateLimit = { limit: 1000, windowMs: 1000 };
	token = await newToken();
});

const PAGED = { objectName: 'generic.pagedlist', page: 1, pageSize: 25 };
const listKeys = (body: Json) => Object.keys((body.items as Json[])[0] ?? {});

describe('authentication (docs: Aquire access token, Authenticate a request, 401)', () => {
	it('POST /v1/Auth/Token with Basic appId:secret → auth.token with absolute expires', async () => {
		const res = await fetch(`${sandbox.url}/v1/Auth/Token`, {
			method: 'POST',
			headers: {
				Authorization: `Basic ${Buffer.from('sandbox-app:sandbox-secret').toString('base64')}`,
			},
		});
		const body = (await res.json()) as Json;
		expect(res.status).toBe(200);
		expect(body).toMatchObject({ objectName: 'auth.token' });
		expect(body.accessToken).toMatch(/^pk_[0-9a-f-]{36}\.pa_[0-9a-f-]{36}$/);
		expect(body.expires).toMatch(BLIKK_DATETIME);
		const lifetime =
			Date.parse(String(body.expires).replace(' +00:00', 'Z').replace(' ', 'T')) - Date.now();
		expect(lifetime).toBeGreaterThan(3599_000);
		expect(lifetime).toBeLessThanOrEqual(3601_000);
	});

	it('wrong secret → 401; the token lifetime is configurable; expired token → 401 Invalid token', async () => {
		const bad = await fetch(`${sandbox.url}/v1/Auth/Token`, {
			method: 'POST',
			headers: { Authorization: `Basic ${Buffer.from('sandbox-app:nope').toString('base64')}` },
		});
		expect(bad.status).toBe(401);
		// Lifetime long enough for a busy machine to use the token, short enough to wait out.
		sandbox.config.tokenLifetimeSeconds = 5;
		token = await newToken();
		expect((await call('GET', '/v1/Admin/Countries?page=1')).status).toBe(200);
		await new Promise((r) => setTimeout(r, 6100));
		expect(await call('GET', '/v1/Admin/Countries?page=1')).toMatchObject({
			status: 401,
			body: { message: 'Invalid token' },
		});
		sandbox.config.tokenLifetimeSeconds = 3600;
	});

	it('GET /v1/Core/Contacts?page=1 with Bearer → 200; POST /v1/Core/Contacts without a token → 401 { message: "Invalid token" }', async () => {
		expect((await call('GET', '/v1/Core/Contacts?page=1')).status).toBe(200);
		token = '';
		expect(await call('POST', '/v1/Core/Contacts', {})).toMatchObject({
			status: 401,
			body: { message: 'Invalid token' },
		});
	});
});

describe('status codes (docs examples)', () => {
	it('200 list and DELETE with an empty body', async () => {
		expect((await call('GET', '/v1/Core/Contacts?page=1')).body.objectName).toBe(
			'generic.pagedlist',
		);
		const del = await call('DELETE', '/v1/Core/Contacts/32');
		expect(del.status).toBe(200);
		expect(del.text).toBe('');
	});

	it('400: GET /v1/Core/Contacts without page', async () => {
		expect(await call('GET', '/v1/Core/Contacts')).toEqual(
			expect.objectContaining({
				status: 400,
				body: {
					message: 'The request is invalid.',
					modelState: { page: ['The field Page must be greater than or equal to 1.'] },
				},
			}),
		);
	});

	it('403: insufficient permissions and IP-address restriction', async () => {
		token = await newToken('limited-app', 'limited-secret');
		expect(await call('GET', '/v1/Core/Contacts?page=1')).toMatchObject({
			status: 403,
			body: {
				message: 'You dont have the nessecery permissions to perform this action',
				ipAddressAllowed: true,
				permissionsRequired: ['Contact_Read'],
			},
		});
		token = await newToken('blocked-app', 'blocked-secret');
		expect(await call('GET', '/v1/Core/Contacts?page=1')).toMatchObject({
			status: 403,
			body: {
				message: 'Your IP-address "127.0.0.1" is not allowed',
				ipAddressAllowed: false,
				permissionsRequired: [],
			},
		});
		sandbox.config.apps = {
			'custom-app': { secret: 'custom-secret', permissions: ['Contact_Read'], ipAllowed: true },
		};
		token = await newToken('custom-app', 'custom-secret');
		expect((await call('POST', '/v1/Core/Tasks', { title: 'x' })).body.permissionsRequired).toEqual(
			['Task_Write'],
		);
	});

	it('404: GET /v1/EndpointThatDoesNotExist → empty body', async () => {
		const res = await call('GET', '/v1/EndpointThatDoesNotExist');
		expect(res.status).toBe(404);
		expect(res.text).toBe('');
	});

	it('429: more than 4 requests in one second per token → Retry-After and { waitInSeconds }', async () => {
		// The documented 4 requests; a window long enough that a busy machine cannot spread the burst over it.
		sandbox.config.rateLimit = { limit: 4, windowMs: 20_000 };
		const results = await Promise.all(
			Array.from({ length: 6 }, () => call('GET', '/v1/Admin/Countries?page=1')),
		);
		expect(results.filter((r) => r.status === 200)).toHaveLength(4);
		const limited = results.filter((r) => r.status === 429);
		expect(limited).toHaveLength(2);
		const wait = (limited[0].body as { waitInSeconds: number }).waitInSeconds;
		expect(limited[0].body).toEqual({ waitInSeconds: expect.any(Number) });
		expect(wait).toBeGreaterThanOrEqual(1);
		expect(wait).toBeLessThanOrEqual(20);
		expect(limited[0].headers.get('retry-after')).toBe(String(wait));
		// Another token has its own window.
		token = await newToken();
		expect((await call('GET', '/v1/Admin/Countries?page=1')).status).toBe(200);
		// Sliding: once the window has passed, the token may send again (waiting longer only makes it surer).
		sandbox.config.rateLimit = { limit: 1, windowMs: 300 };
		token = await newToken();
		expect((await call('GET', '/v1/Admin/Countries?page=1')).status).toBe(200);
		await new Promise((r) => setTimeout(r, 400));
		expect((await call('GET', '/v1/Admin/Countries?page=1')).status).toBe(200);
	});

	it('500: { message, requestId } (fault injection)', async () => {
		sandbox.addFault({ type: '5xx', status: 500, path: 'Countries' });
		const res = await call('GET', '/v1/Admin/Countries?page=1');
		expect(res.status).toBe(500);
		expect(res.body).toMatchObject({ message: 'An unexpected error has occurred.' });
		expect(res.body.requestId).toMatch(/^r-/);
	});
});

describe('lists, sorting and filtering', () => {
	it('basic list, sorted and filtered requests from the docs; list response fields', async () => {
		const basic = await call('GET', '/v1/Core/Contacts?page=1&pageSize=25');
		expect(basic.body).toMatchObject({
			...PAGED,
			itemCount: 25,
			totalItemCount: 60,
			totalPages: 3,
		});
		const sorted = await call('GET', '/v1/Core/Contacts?page=1&sortBy=name&sortOrder=ascending');
		const names = (sorted.body.items as Json[]).map((c) => String(c.name).toLowerCase());
		expect([...names].sort()).toEqual(names);
		const filtered = await call(
			'GET',
			'/v1/Core/Contacts?page=1&filter.query=anders&filter.tagids=42,150,6',
		);
		expect(filtered.body).toMatchObject({
			...PAGED,
			itemCount: 0,
			totalItemCount: 0,
			totalPages: 0,
			items: [],
		});
		const tagged = await call('GET', '/v1/Core/Contacts?page=1&filter.tagIds=1');
		expect((tagged.body.items as Json[]).length).toBe(15);
	});

	it('pageSize 1..100, sortBy/sortOrder and filter values are validated', async () => {
		expect((await call('GET', '/v1/Core/Contacts?page=1&pageSize=101')).body.modelState).toEqual({
			pageSize: ['The field PageSize must be between 1 and 100.'],
		});
		expect((await call('GET', '/v1/Core/Contacts?page=1&pageSize=0')).status).toBe(400);
		expect((await call('GET', '/v1/Core/Contacts?page=0')).status).toBe(400);
		expect(
			(await call('GET', '/v1/Core/Contacts?page=1&sortBy=email')).body.modelState,
		).toHaveProperty('sortBy');
		expect(
			(await call('GET', '/v1/Core/Contacts?page=1&sortOrder=up')).body.modelState,
		).toHaveProperty('sortOrder');
		expect((await call('GET', '/v1/Core/Contacts?page=1&filter.tagIds=a,b')).status).toBe(400);
		expect(
			(await call('GET', '/v1/Core/Contacts?page=1&filter.createdOrUpdatedSince=yesterday')).status,
		).toBe(400);
		expect((await call('GET', '/v1/Core/TimeReports?page=1&filter.isAttested=maybe')).status).toBe(
			400,
		);
		expect((await call('GET', '/v1/Core/Contacts?page=3&pageSize=100')).body).toMatchObject({
			page: 3,
			itemCount: 0,
			totalPages: 1,
		});
	});
});

describe('contacts', () => {
	const docsBody = {
		name: 'Lotta Larsson',
		customerNumber: '111',
		contactType: 'Person',
		organizationalOrSocialSecurityNumber: '860311-7063',
		companyId: null,
		parentCompanyId: null,
		isActive: true,
		email: 'lotta@familjenlarsson.se',
		invoiceEmail: '',
		phoneNumber: '075-9902281',
		cellPhoneNumber: '0707788994',
		importantInformation: null,
		isSupplier: false,
		isWholeSale: false,
		isRetailer: false,
		isSubContractor: false,
		isPartner: false,
		isCustomer: false,
		useReverseBuildTax: false,
		responsibleId: 5,
		tagIds: [1, 2],
		visitingAddress: {
			streetAddress: 'Solberga',
			additionalAddress: null,
			postalCode: '92372',
			city: null,
			state: null,
			countryId: 1,
		},
		deliveryAddress: {
			streetAddress: '',
			additionalAddress: null,
			postalCode: '',
			city: null,
			state: null,
			countryId: 1,
		},
		invoiceAddress: {
			streetAddress: '',
			additionalAddress: '',
			postalCode: '',
			city: null,
			state: null,
			countryId: 1,
		},
	};
	const DETAIL_KEYS = [
		'objectName',
		'id',
		'name',
		'customerNumber',
		'contactType',
		'organizationalOrSocialSecurityNumber',
		'company',
		'parentCompany',
		'isActive',
		'email',
		'invoiceEmail',
		'phoneNumber',
		'cellPhoneNumber',
		'importantInformation',
		'isSupplier',
		'isWholeSale',
		'isRetailer',
		'isSubContractor',
		'isPartner',
		'isCustomer',
		'useReverseBuildTax',
		'responsible',
		'tags',
		'visitingAddress',
		'deliveryAddress',
		'invoiceAddress',
		'created',
		'createdBy',
		'lastUpdated',
		'lastUpdatedBy',
	];

	it('list example: GET /v1/Core/Contacts?page=1&pageSize=10&filter.query=anders&sortBy=name&sortOrder=ascending', async () => {
		const res = await call(
			'GET',
			'/v1/Core/Contacts?page=1&pageSize=10&filter.query=larsson&sortBy=name&sortOrder=ascending',
		);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ objectName: 'generic.pagedlist', page: 1, pageSize: 10 });
		expect(listKeys(res.body).sort()).toEqual(
			[
				'objectName',
				'id',
				'name',
				'customerNumber',
				'contactType',
				'organizationalOrSocialSecurityNumber',
				'visitingAddress',
				'company',
				'parentCompany',
				'created',
				'lastUpdated',
			].sort(),
		);
		expect((res.body.items as Json[])[0].visitingAddress).toMatchObject({
			objectName: 'generic.address',
			countryId: 1,
			countryName: 'Sverige',
		});
	});

	it('get example: GET /v1/Core/Contacts/32 → contact.detail; unknown id → 400', async () => {
		const res = await call('GET', '/v1/Core/Contacts/32');
		expect(res.status).toBe(200);
		expect(Object.keys(res.body).sort()).toEqual([...DETAIL_KEYS].sort());
		expect(res.body.created).toMatch(BLIKK_DATETIME);
		expect((await call('GET', '/v1/Core/Contacts/9999')).status).toBe(400);
	});

	it('create example → 201 with the Get contact body; update example → 200; delete', async () => {
		const created = await call('POST', '/v1/Core/Contacts', docsBody);
		expect(created.status).toBe(201);
		expect(Object.keys(created.body).sort()).toEqual([...DETAIL_KEYS].sort());
		expect(created.body).toMatchObject({
			name: 'Lotta Larsson',
			contactType: 'Person',
			responsible: { id: 5 },
			tags: [{ id: 1 }, { id: 2 }],
			visitingAddress: { streetAddress: 'Solberga', countryName: 'Sverige' },
		});
		const id = created.body.id as number;
		const updated = await call('PUT', `/v1/Core/Contacts/${id}`, {
			...docsBody,
			phoneNumber: '070-1',
		});
		expect(updated).toMatchObject({ status: 200, body: { phoneNumber: '070-1' } });
		expect(updated.body.lastUpdated).toMatch(BLIKK_DATETIME);
		expect((await call('DELETE', `/v1/Core/Contacts/${id}`)).status).toBe(200);
		expect((await call('GET', `/v1/Core/Contacts/${id}`)).status).toBe(400);
	});

	it('validation: name, contactType and responsibleId are required', async () => {
		const res = await call('POST', '/v1/Core/Contacts', { email: 'x' });
		expect(res.status).toBe(400);
		expect(Object.keys(res.body.modelState as Json).sort()).toEqual([
			'contactType',
			'email',
			'name',
			'responsibleId',
		]);
	});

	it('createdOrUpdatedSince and contactType filters', async () => {
		await call('PUT', '/v1/Core/Contacts/3', { ...docsBody, name: 'Changed' });
		const since = await call(
			'GET',
			`/v1/Core/Contacts?page=1&filter.createdOrUpdatedSince=2026-06-01 00:00:00`,
		);
		expect((since.body.items as Json[]).map((c) => c.id)).toEqual([3]);
		const persons = await call(
			'GET',
			'/v1/Core/Contacts?page=1&pageSize=100&filter.contactType=person',
		);
		expect((persons.body.items as Json[]).every((c) => c.contactType === 'Person')).toBe(true);
	});
});

describe('projects, task boards, tasks', () => {
	it('GET /v1/Core/Projects?page=1 and /v1/Core/TaskBoards?page=1 (docs shapes)', async () => {
		const projects = await call('GET', '/v1/Core/Projects?page=1');
		expect(listKeys(projects.body).sort()).toEqual(
			[
				'objectName',
				'id',
				'orderNumber',
				'title',
				'status',
				'startDate',
				'endDate',
				'invoiceType',
				'location',
				'projectManager',
				'customer',
				'projectCollection',
				'createdBy',
				'updatedBy',
				'created',
				'updated',
			].sort(),
		);
		const boards = await call('GET', '/v1/Core/TaskBoards?page=1');
		const board = (boards.body.items as Json[])[0];
		expect(Object.keys(board).sort()).toEqual(
			[
				'objectName',
				'id',
				'name',
				'project',
				'tags',
				'columns',
				'members',
				'createdByUser',
				'updatedByUser',
				'createdDate',
				'updatedDate',
			].sort(),
		);
		expect((board.columns as Json[])[0]).toMatchObject({
			objectName: 'taskboard.list.column',
			taskCount: expect.any(Number),
		});
	});

	it('tasks: list, create example, update example, delete; filter.taskIds gets one task', async () => {
		const list = await call('GET', '/v1/Core/Tasks?page=1');
		expect(listKeys(list.body).sort()).toEqual(
			[
				'objectName',
				'id',
				'title',
				'description',
				'completedDate',
				'timeReportingEnabled',
				'estimate',
				'startDate',
				'startTime',
				'endDate',
				'endTime',
				'numberOfComments',
				'numberOfAttachments',
				'numberOfChecklistPoints',
				'tags',
				'members',
				'boardColumn',
				'board',
				'project',
				'projectCollection',
				'opportunity',
				'createdByUser',
				'createdDate',
				'updatedDate',
			].sort(),
		);
		const example = {
			title: 'My task',
			description: 'A very descriptive text about this task',
			isCompleted: false,
			timeReportingEnabled: true,
			estimate: 26.5,
			startDate: '2022-07-11 04:43:12',
			endDate: null,
			tagIds: [1, 2],
			memberIds: [1, 2],
			taskBoardColumnId: 1,
			projectId: 1,
		};
		const created = await call('POST', '/v1/Core/Tasks', example);
		expect(created).toMatchObject({
			status: 200,
			body: {
				title: 'My task',
				estimate: 26.5,
				startDate: '2022-07-11',
				startTime: '04:43',
				boardColumn: { id: 1 },
				board: { id: 1 },
			},
		});
		const id = created.body.id as number;
		const one = await call('GET', `/v1/Core/Tasks?page=1&filter.taskIds=${id}`);
		expect((one.body.items as Json[]).map((t) => t.id)).toEqual([id]);
		const updated = await call('PUT', `/v1/Core/Tasks/${id}`, { ...example, isCompleted: true });
		expect(updated.body.completedDate).toMatch(BLIKK_DATETIME);
		expect(
			(await call('PUT', `/v1/Core/Tasks/${id}`, { description: 'no title' })).body.modelState,
		).toHaveProperty('title');
		expect((await call('DELETE', '/v1/Core/Tasks/1')).status).toBe(200);
		expect((await call('DELETE', '/v1/Core/Tasks/1')).status).toBe(400);
	});

	it('task filters: taskBoardId -1 lists tasks on no board', async () => {
		await call('POST', '/v1/Core/Tasks', { title: 'Loose task' });
		const loose = await call('GET', '/v1/Core/Tasks?page=1&filter.taskBoardId=-1');
		expect((loose.body.items as Json[]).map((t) => t.title)).toEqual(['Loose task']);
	});
});

describe('task comments, checklists, attachments', () => {
	it('comments: GET /v1/Core/Tasks/1/Comments?page=1&sortorder=descending, POST, PUT, DELETE /1/Comments/1', async () => {
		const list = await call('GET', '/v1/Core/Tasks/1/Comments?page=1&sortorder=descending');
		const items = list.body.items as Json[];
		expect(items[0]).toMatchObject({ objectName: 'task.comment.list', text: expect.any(String) });
		expect((items[0].id as number) > (items[1].id as number)).toBe(true);
		expect(
			(await call('POST', '/v1/Core/Tasks/1/Comments', { text: 'Lorem ipsum dolar sit amet.' }))
				.body.text,
		).toBe('Lorem ipsum dolar sit amet.');
		expect(
			(await call('PUT', '/v1/Core/Tasks/1/Comments/1', { text: 'Lorem ipsum dolar sit amet.' }))
				.status,
		).toBe(200);
		expect((await call('DELETE', '/v1/Core/Tasks/1/Comments/1')).status).toBe(200);
		expect((await call('DELETE', '/v1/Core/Tasks/1/Comments/1')).status).toBe(400);
	});

	it('checklists: GET ?page=1, POST example, PUT example (excluded items are deleted), DELETE', async () => {
		const list = await call('GET', '/v1/Core/Tasks/1/Checklists?page=1');
		expect((list.body.items as Json[])[0]).toMatchObject({
			objectName: 'task.checklist.list',
			name: 'Att göra',
			items: expect.any(Array),
		});
		const created = await call('POST', '/v1/Core/Tasks/1/Checklists', {
			name: 'Lorem ipsum',
			items: [
				{ name: 'Lorem ipsum dolar', isCompleted: true },
				{ name: 'Lorem ipsum dolar sit', isCompleted: false },
				{ name: 'Lorem ipsum dolar sit amet', isCompleted: false },
			],
		});
		expect((created.body.items as Json[]).length).toBe(3);
		const updated = await call('PUT', '/v1/Core/Tasks/1/Checklists/1', {
			name: 'Lorem ipsum dolar',
			items: [
				{ id: 1, name: 'Existing item', isCompleted: false },
				{ id: null, name: 'New item', isCompleted: false },
			],
		});
		expect((updated.body.items as Json[]).map((i) => [i.id, i.title])).toEqual([
			[1, 'Existing item'],
			[expect.any(Number), 'New item'],
		]);
		expect((await call('DELETE', '/v1/Core/Tasks/1/Checklists/1')).status).toBe(200);
	});

	it('attachments: GET ?page=1, Download, POST multipart (docs example), PUT example, DELETE', async () => {
		const list = await call('GET', '/v1/Core/Tasks/1/Attachments?page=1');
		expect((list.body.items as Json[]).map((a) => a.type)).toEqual(['file', 'link']);
		expect(listKeys(list.body).sort()).toEqual(
			[
				'objectName',
				'id',
				'name',
				'type',
				'contentType',
				'sizeInBytes',
				'externalLinkUrl',
				'createdByUser',
				'createdDate',
				'updatedDate',
			].sort(),
		);
		const download = await fetch(`${sandbox.url}/v1/Core/Tasks/1/Attachments/1/Download`, {
			headers: { Authorization: `Bearer ${token}` },
		});
		expect(download.status).toBe(200);
		expect(await download.text()).toContain('Ritning');
		const boundary = '---------------------------41184676334';
		const multipart = Buffer.concat([
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nMy image\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="myimage.png"\r\nContent-Type: image/jpeg\r\n\r\n`,
			),
			Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]),
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]);
		const created = await call('POST', '/v1/Core/Tasks/1/Attachments', multipart, {
			'Content-Type': `multipart/form-data; boundary=${boundary}`,
		});
		expect(created.body).toMatchObject({
			name: 'My image',
			type: 'file',
			contentType: 'image/jpeg',
			sizeInBytes: 5,
		});
		const renamed = await call('PUT', `/v1/Core/Tasks/1/Attachments/${String(created.body.id)}`, {
			name: 'My updated attachment',
		});
		expect(renamed.body.name).toBe('My updated attachment');
		expect((await call('DELETE', '/v1/Core/Tasks/1/Attachments/1')).status).toBe(200);
		expect((await call('POST', '/v1/Core/Tasks/1/Attachments', { name: 'no file' })).status).toBe(
			400,
		);
	});
});

describe('time reports and user day statistics', () => {
	const example = {
		date: '2021-11-10 00:00:00',
		clockStart: '10:00',
		clockEnd: '18:00',
		hours: 7.75,
		invoiceableHours: 9.0,
		breakMinutes: 15,
		comment: 'Lorem ipsum dolar sit amet',
		internalComment: 'Lorem ipsum dolar sit amet',
		userId: 1,
		projectId: 1,
		internalProjectId: null,
		absenceProjectId: null,
		activityId: 1,
		timeCodeId: 1,
		timeArticleId: 1,
		taskId: null,
		travelReport: {
			place: 'Piteå-Luleå-Piteå',
			distance: 100.0,
			invoiceableDistance: 120.0,
			toSalary: true,
			companyCar: {
				id: 1,
				tripStart: 15000.0,
				tripEnd: 15100.0,
				addressStart: 'Blikkgatan 1',
				addressGoal: 'Blikkgatan 2',
				addressEnd: 'Blikkgatan 1',
			},
		},
		allowanceReport: {
			allowanceTypeId: 1,
			description: 'Lorem ipsum dolar sit amet',
			toBeInvoiced: true,
		},
		materials: [
			{
				id: null,
				articleId: 5,
				articleNumber: 'A12',
				title: 'Lorem ipsum',
				unitPrice: 600.0,
				invoiceableUnitPrice: 650.0,
				units: 4.0,
				invoiceableUnits: 5.0,
				calculatedUnits: 4.0,
				unitText: 'st',
				cost: 500.0,
				discountInPercent: 0.0,
				isTextOnly: false,
			},
			{
				id: null,
				articleId: null,
				articleNumber: null,
				title: 'Lorem ipsum dolar sit amet...',
				unitPrice: 0.0,
				invoiceableUnitPrice: null,
				units: 0.0,
				invoiceableUnits: null,
				calculatedUnits: null,
				unitText: null,
				cost: null,
				discountInPercent: null,
				isTextOnly: true,
			},
		],
		equipments: [{ id: null, hours: 4.5, articleId: 10, comment: 'Lorem ipsum dolar sit amet' }],
		additions: [
			{ id: null, articleId: 1, yesNo: null, numberCount: 3.0 },
			{ id: null, articleId: 2, yesNo: true, numberCount: null },
		],
	};

	it('list example query and shapes; get detail; create example; update example; delete', async () => {
		const list = await call(
			'GET',
			'/v1/Core/TimeReports?page=1&filter.from=2021-10-01&filter.to=2021-10-31&sortOrder=ascending',
		);
		expect(list.body).toMatchObject({ ...PAGED, totalItemCount: 0 });
		const all = await call('GET', '/v1/Core/TimeReports?page=1');
		expect(listKeys(all.body).sort()).toEqual(
			[
				'objectName',
				'id',
				'date',
				'clockStart',
				'clockEnd',
				'hours',
				'invoiceableHours',
				'breakMinutes',
				'cost',
				'rate',
				'discount',
				'comment',
				'internalComment',
				'sentToAttestDate',
				'attestedDate',
				'user',
				'project',
				'internalProject',
				'absenceProject',
				'contact',
				'activity',
				'timeCode',
				'timeArticle',
				'costCenter',
				'invoiceId',
				'travelReportId',
				'allowanceReportId',
				'createdDate',
				'updatedDate',
			].sort(),
		);
		const created = await call('POST', '/v1/Core/TimeReports', example);
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({
			objectName: 'timereport.detail',
			date: '2021-11-10',
			hours: 7.75,
			invoiceableHours: 9,
			breakMinutes: 15,
			activity: { id: 1 },
			travelReport: { objectName: 'timereport.detail.travelreport', companyCar: { id: 1 } },
			allowanceReport: { objectName: 'timereport.detail.allowancereport' },
		});
		expect((created.body.materials as Json[]).length).toBe(2);
		const id = created.body.id as number;
		const detail = await call('GET', `/v1/Core/TimeReports/${id}`);
		expect(Object.keys(detail.body)).toEqual(
			expect.arrayContaining([
				'attestedByUser',
				'bookingProject',
				'task',
				'travelReport',
				'allowanceReport',
				'materials',
				'equipments',
				'additions',
			]),
		);
		const updated = await call('PUT', `/v1/Core/TimeReports/${id}`, { ...example, hours: 6 });
		expect(updated.body).toMatchObject({ hours: 6 });
		expect(updated.body.updatedDate).toMatch(BLIKK_DATETIME);
		expect((await call('DELETE', '/v1/Core/TimeReports/1')).status).toBe(200);
		expect(await call('DELETE', '/v1/Core/TimeReports/6')).toMatchObject({
			status: 400,
			body: { message: expect.stringMatching(/attested/) },
		});
	});

	it('validation: hours a number, clockStart hh:mm, one project kind', async () => {
		const res = await call('POST', '/v1/Core/TimeReports', {
			...example,
			hours: 'eight',
			clockStart: '7.30',
			internalProjectId: 1,
		});
		expect(res.status).toBe(400);
		expect(Object.keys(res.body.modelState as Json).sort()).toEqual([
			'clockStart',
			'hours',
			'projectId',
		]);
	});

	it('attest filters and sorting', async () => {
		const sent = await call(
			'GET',
			'/v1/Core/TimeReports?page=1&pageSize=100&filter.isSentToAttest=true&filter.isAttested=false',
		);
		expect((sent.body.items as Json[]).every((r) => r.sentToAttestDate && !r.attestedDate)).toBe(
			true,
		);
		const byAttest = await call(
			'GET',
			'/v1/Core/TimeReports?page=1&pageSize=100&sortBy=attestedDate&sortOrder=descending',
		);
		const dates = (byAttest.body.items as Json[])
			.map((r) => r.attestedDate)
			.filter(Boolean) as string[];
		expect([...dates].sort().reverse()).toEqual(dates);
		expect((byAttest.body.items as Json[])[0].attestedDate).not.toBeNull();
	});

	it('GET /v1/Core/TimeReports/UserDayStatistics?page=1&filter.from=2021-10-01&filter.to=2021-10-02', async () => {
		const res = await call(
			'GET',
			'/v1/Core/TimeReports/UserDayStatistics?page=1&filter.from=2021-10-01&filter.to=2021-10-02',
		);
		const first = (res.body.items as Json[])[0];
		expect(first).toMatchObject({
			objectName: 'timereport.userdaystatistics',
			userId: 1,
			department: { id: 1 },
		});
		expect((first.dates as Json[]).map((d) => d.date)).toEqual(['2021-10-01', '2021-10-02']);
		expect((first.dates as Json[])[0]).toMatchObject({
			objectName: 'timereport.userdaystatistics.datedata',
			reportedHours: 0,
			scheduledHours: 8,
		});
		expect(
			(
				await call(
					'GET',
					'/v1/Core/TimeReports/UserDayStatistics?page=1&filter.from=2021-10-01&filter.to=2021-12-02',
				)
			).status,
		).toBe(400);
	});
});

describe('admin registers', () => {
	it.each([
		['/v1/Admin/AbsenceProjects?page=1', 'absenceproject.list'],
		['/v1/Admin/Activities?page=1', 'activity.list'],
		['/v1/Admin/Allowances?page=1', 'allowance.list'],
		['/v1/Admin/Articles?page=1&filter.query=a00', 'article.list'],
		['/v1/Admin/CompanyCars?page=1', 'companycar.list'],
		['/v1/Admin/ContactTags?page=1', 'generic.tag'],
		['/v1/Admin/Countries?page=1', 'country.list'],
		['/v1/Admin/Equipments?page=1', 'equipment.list'],
		['/v1/Admin/InternalProjects?page=1', 'internalproject.list'],
		['/v1/Admin/TimeAdditions?page=1', 'timeaddition.list'],
		['/v1/Admin/TimeArticles?page=1', 'timearticle.list'],
		['/v1/Admin/TimeCodes?page=1', 'timecode.list'],
		['/v1/Admin/Users?page=1', 'user.list'],
	])('GET %s', async (path, objectName) => {
		const res = await call('GET', path);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ objectName: 'generic.pagedlist', page: 1 });
		expect((res.body.items as Json[])[0].objectName).toBe(objectName);
		expect((await call('GET', path.replace(/page=1&?/, ''))).status).toBe(400);
	});

	it('GET /v1/Admin/Users/1 → user.detail with standard activity and time article', async () => {
		const res = await call('GET', '/v1/Admin/Users/1');
		expect(res.body).toMatchObject({
			objectName: 'user.detail',
			id: 1,
			standardActivity: { id: 1 },
			standardTimeArticle: { id: 1 },
			timeBankEnabled: false,
		});
		expect((await call('GET', '/v1/Admin/Users/99')).status).toBe(400);
	});
});

describe('benchmark hooks', () => {
	it('POST /__sandbox/config seeds 50,000 contacts and time reports and sets the rate limit', async () => {
		// No timing claim here (that belongs in `npm run bench`): a busy machine only makes this slower.
		const res = await fetch(`${sandbox.url}/__sandbox/config`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				seed: { contacts: 50000, timeReports: 50000 },
				rateLimit: { limit: 10, windowMs: 60_000 },
			}),
		});
		const body = (await res.json()) as Json;
		expect(body.seed).toEqual({ contacts: 50060, timeReports: 50080 });
		expect(body.rateLimit).toEqual({ limit: 10, windowMs: 60_000 });
		const last = await call('GET', '/v1/Core/Contacts?page=501&pageSize=100');
		expect(last.body).toMatchObject({ totalItemCount: 50060, totalPages: 501, itemCount: 60 });
		// A fresh token and a window a busy machine cannot outlast: exactly 10 of 12 pass.
		token = await newToken();
		const burst = await Promise.all(
			Array.from({ length: 12 }, () => call('GET', '/v1/Admin/Countries?page=1')),
		);
		expect(burst.filter((r) => r.status === 429)).toHaveLength(2);
	}, 180_000);
});
