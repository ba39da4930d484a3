/**
 * Blikk action node, in-process through n8n-core against the Blikk sandbox: every operation at least once
 * (with the docs' examples where they exist), token exchange and expiry, pacing, paging, bad input.
 */
import { BlikkApi } from '../../packages/n8n-nodes-psa-blikk/credentials/BlikkApi.credentials';
import { runCredentialTest } from '../harness/inprocess';
import {
	blikkCredentials,
	createBlikkSandbox,
	json,
	load,
	resetPacers,
	rl,
	run,
	storeFor,
	type BlikkSandbox,
} from './blikk.helpers';

// Generous: paced requests (4/s) and a busy machine must never fail a test on time.
jest.setTimeout(180_000);

let sandbox: BlikkSandbox;

beforeAll(async () => {
	sandbox = createBlikkSandbox();
	await sandbox.listen();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	resetPacers();
});

describe('credential', () => {
	it('exchanges id + secret for a token', async () => {
		const ok = await runCredentialTest({
			credentialType: new BlikkApi(),
			data: blikkCredentials(sandbox) as never,
		});
		expect(ok).toMatchObject({ status: 'OK' });
		expect(ok.preAuthentications).toBe(1);
	});

	it('a wrong secret gets Blikk’s own message', async () => {
		const bad = await runCredentialTest({
			credentialType: new BlikkApi(),
			data: blikkCredentials(sandbox, { applicationSecret: 'wrong' }) as never,
		});
		expect(bad.status).toBe('Error');
		expect(bad.message).toMatch(/Invalid application id or secret/);
		expect(bad.message).not.toContain('wrong');
	});

	it('exchanges the entered id and secret for a fresh token even while a token from the old secret is stored (n8n 2.x)', async () => {
		// A saved credential holds a valid token; the user then types a wrong secret and presses Retry.
		const store = storeFor(sandbox);
		await run(sandbox, { resource: 'country', operation: 'getAll', returnAll: true }, { store });
		const saved = store.get('psaBlikkApi')!;
		expect(saved.accessToken).toMatch(/^pk_/);
		// n8n 2.x's credential tester runs preAuthentication only when no token is stored (its test node has no
		// `temp` parameter): emulate that, so only the test request itself can catch the wrong secret.
		const credentialType = new BlikkApi();
		const exchange = credentialType.preAuthentication;
		credentialType.preAuthentication = async function (this: never, data) {
			if (data.accessToken)
				return {
					accessToken: data.accessToken as string,
					tokenExpires: data.tokenExpires as string,
				};
			return await exchange.call(this, data);
		};
		sandbox.resetStats();
		const retried = await runCredentialTest({
			credentialType,
			data: { ...saved, applicationSecret: 'wrong' } as never,
		});
		expect(retried).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/Invalid application id or secret/),
		});
		expect(sandbox.stats.byRoute['POST /v1/Auth/Token']).toBe(1);
		const right = await runCredentialTest({ credentialType, data: saved as never });
		expect(right.status).toBe('OK');
	});

	it('rejects a base URL that is not http(s)', async () => {
		const r = await run(
			sandbox,
			{ resource: 'country', operation: 'getAll', returnAll: true },
			{ store: storeFor(sandbox, { baseUrl: 'ftp://example.com' }) },
		);
		expect(r.error?.message).toMatch(/Base URL "ftp:\/\/example.com" is not an http\(s\) address/);
	});

	it('runtime 403 names permissionsRequired and the IP flag; secrets never appear', async () => {
		const r = await run(
			sandbox,
			{ resource: 'contact', operation: 'getAll', returnAll: false, limit: 1 },
			{
				store: storeFor(sandbox, {
					applicationId: 'limited-app',
					applicationSecret: 'limited-secret',
				}),
			},
		);
		expect(r.error?.message).toMatch(/Permissions required: Contact_Read/);
		const blocked = await run(
			sandbox,
			{ resource: 'country', operation: 'getAll', returnAll: false, limit: 1 },
			{
				store: storeFor(sandbox, {
					applicationId: 'blocked-app',
					applicationSecret: 'blocked-secret',
				}),
			},
		);
		expect(blocked.error?.message).toMatch(/is not allowed/);
		expect(blocked.error?.message).toMatch(/IP address n8n calls from is not allowed/);
		expect(JSON.stringify(blocked.error)).not.toContain('blocked-secret');
	});
});

describe('token lifecycle', () => {
	it('reuses the stored token across runs and re-authenticates once on expiry without failing an item', async () => {
		const store = storeFor(sandbox);
		const first = await run(
			sandbox,
			{ resource: 'country', operation: 'getAll', returnAll: true },
			{ store },
		);
		expect(first.error).toBeUndefined();
		expect(store.preAuthCount('psaBlikkApi')).toBe(1);
		expect(store.get('psaBlikkApi')?.accessToken).toMatch(/^pk_/);
		expect(store.get('psaBlikkApi')?.tokenExpires).toMatch(
			/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+00:00$/,
		);
		await run(sandbox, { resource: 'country', operation: 'getAll', returnAll: true }, { store });
		expect(store.preAuthCount('psaBlikkApi')).toBe(1);

		// Token expires in the middle of a 12-item run: every item still succeeds.
		sandbox.resetStats();
		const input = Array.from({ length: 12 }, (_, n) => ({ n }));
		let expired = false;
		const timer = setInterval(() => {
			if (!expired && sandbox.stats.requests >= 5) {
				sandbox.config.expireTokens = true;
				expired = true;
			}
		}, 5);
		const r = await run(
			sandbox,
			{ resource: 'task', operation: 'create', title: '={{ "Expiry " + $json.n }}' },
			{ store, input },
		);
		clearInterval(timer);
		expect(r.error).toBeUndefined();
		expect(json(r.items)).toHaveLength(12);
		expect(expired).toBe(true);
		expect(sandbox.stats.byStatus['401']).toBeGreaterThanOrEqual(1);
		expect(store.preAuthCount('psaBlikkApi')).toBe(2);
		expect(sandbox.store().tasks.filter((t) => String(t.title).startsWith('Expiry '))).toHaveLength(
			12,
		);
	});

	it('a short token lifetime: tokens expire between runs and n8n refreshes them', async () => {
		// Long enough for a busy machine to finish the first run on one token, short enough to wait out.
		sandbox.config.tokenLifetimeSeconds = 5;
		const store = storeFor(sandbox);
		await run(sandbox, { resource: 'country', operation: 'getAll', returnAll: true }, { store });
		expect(store.preAuthCount('psaBlikkApi')).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 6100));
		const again = await run(
			sandbox,
			{ resource: 'country', operation: 'getAll', returnAll: true },
			{ store },
		);
		expect(again.error).toBeUndefined();
		expect(store.preAuthCount('psaBlikkApi')).toBe(2);
		sandbox.config.tokenLifetimeSeconds = 3600;
	}, 180_000);
});

describe('pacing and paging', () => {
	it('40 task creations stay within 4 requests per second: zero 429s', async () => {
		sandbox.resetStats();
		const input = Array.from({ length: 40 }, (_, n) => ({ n }));
		const started = Date.now();
		const r = await run(
			sandbox,
			{ resource: 'task', operation: 'create', title: '={{ "Paced " + $json.n }}' },
			{ input },
		);
		const elapsed = Date.now() - started;
		expect(r.error).toBeUndefined();
		expect(json(r.items)).toHaveLength(40);
		expect(sandbox.stats.rateLimited).toBe(0);
		expect(sandbox.stats.byStatus['429']).toBeUndefined();
		// 40 requests at ≤ 4/s take at least ~9.5 s.
		expect(elapsed).toBeGreaterThan(9000);
		// No window of 1 s holds more than 4 requests.
		const times = sandbox.stats.log.filter((l) => l.path !== '/v1/Auth/Token').map((l) => l.t);
		for (let k = 4; k < times.length; k++)
			expect(times[k] - times[k - 4]).toBeGreaterThanOrEqual(1000);
	}, 180_000);

	it('waits out a 429 (Retry-After + waitInSeconds) and completes', async () => {
		sandbox.addFault({ type: '429', path: 'Countries', retryAfter: 1 });
		const started = Date.now();
		const r = await run(sandbox, { resource: 'country', operation: 'getAll', returnAll: true });
		expect(r.error).toBeUndefined();
		expect(json(r.items)).toHaveLength(5);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	});

	it('Return All walks many pages (pageSize 100) and Limit stops early', async () => {
		sandbox.config.seed = { contacts: 440 };
		sandbox.resetStats();
		const all = await run(sandbox, { resource: 'contact', operation: 'getAll', returnAll: true });
		expect(json(all.items)).toHaveLength(500);
		expect(new Set(json(all.items).map((c) => c.id)).size).toBe(500);
		expect(sandbox.stats.byRoute['GET /v1/Core/Contacts']).toBe(5);
		sandbox.resetStats();
		const some = await run(sandbox, {
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: 130,
		});
		expect(json(some.items)).toHaveLength(130);
		expect(sandbox.stats.byRoute['GET /v1/Core/Contacts']).toBe(2);
		const small = await run(sandbox, {
			resource: 'article',
			operation: 'getAll',
			returnAll: false,
			limit: 7,
		});
		expect(json(small.items)).toHaveLength(7);
		expect(sandbox.stats.log.some((l) => l.path === '/v1/Admin/Articles')).toBe(true);
	}, 180_000);
});

describe('contacts', () => {
	it('create with the docs example, get, get many with filters, update merges, delete', async () => {
		const created = await run(sandbox, {
			resource: 'contact',
			operation: 'create',
			name: 'Lotta Larsson',
			contactType: 'person',
			responsible: rl(2),
			additionalFields: {
				customerNumber: '111',
				organizationalOrSocialSecurityNumber: '860311-7063',
				email: 'lotta@familjenlarsson.se',
				phoneNumber: '075-9902281',
				cellPhoneNumber: '0707788994',
				isActive: true,
				tagIds: [1, 2],
				visitingAddress: {
					address: { streetAddress: 'Solberga', postalCode: '92372', countryId: 1 },
				},
			},
		});
		expect(created.error).toBeUndefined();
		const contact = json(created.items)[0];
		expect(contact).toMatchObject({
			objectName: 'contact.detail',
			name: 'Lotta Larsson',
			customerNumber: '111',
			contactType: 'Person',
			email: 'lotta@familjenlarsson.se',
		});
		expect((contact.tags as Array<{ id: number }>).map((t) => t.id)).toEqual([1, 2]);

		const got = await run(sandbox, {
			resource: 'contact',
			operation: 'get',
			contactId: rl(contact.id as number),
		});
		expect(json(got.items)[0]).toMatchObject({ id: contact.id, responsible: { id: 2 } });

		const filtered = await run(sandbox, {
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { query: 'lotta larsson', tagIds: [1, 2], contactType: 'person' },
			options: { sortBy: 'name', sortOrder: 'ascending' },
		});
		expect(json(filtered.items).map((c) => c.id)).toEqual([contact.id]);

		const updated = await run(sandbox, {
			resource: 'contact',
			operation: 'update',
			contactId: rl(contact.id as number),
			updateFields: { phoneNumber: '0911-12345', visitingAddress: { address: { city: 'Piteå' } } },
		});
		const u = json(updated.items)[0];
		expect(u).toMatchObject({
			phoneNumber: '0911-12345',
			email: 'lotta@familjenlarsson.se',
			customerNumber: '111',
			responsible: { id: 2 },
		});
		expect(u.visitingAddress).toMatchObject({
			streetAddress: 'Solberga',
			city: 'Piteå',
			postalCode: '92372',
		});
		expect((u.tags as unknown[]).length).toBe(2);
		expect(u.lastUpdated).toMatch(/\+00:00$/);

		const since = await run(sandbox, {
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { createdOrUpdatedSince: '2026-06-01T00:00:00Z' },
		});
		expect(json(since.items).map((c) => c.id)).toEqual([contact.id]);

		const deleted = await run(sandbox, {
			resource: 'contact',
			operation: 'delete',
			contactId: rl(contact.id as number),
		});
		expect(json(deleted.items)[0]).toEqual({ id: contact.id, deleted: true });
		const gone = await run(sandbox, {
			resource: 'contact',
			operation: 'get',
			contactId: rl(contact.id as number),
		});
		expect(gone.error?.message).toMatch(/could not be found/);
	});

	it('vendor validation errors show modelState in the vendor’s words', async () => {
		const r = await run(sandbox, {
			resource: 'contact',
			operation: 'create',
			name: 'X',
			contactType: 'company',
			responsible: rl(999),
		});
		expect(r.error?.message).toMatch(/responsibleId: User 999 does not exist/);
	});
});

describe('tasks', () => {
	it('create with the docs example fields, get (filter.taskIds), update merges, complete, delete', async () => {
		const created = await run(sandbox, {
			resource: 'task',
			operation: 'create',
			title: 'My task',
			taskBoardColumnId: 1,
			project: rl(1),
			additionalFields: {
				description: 'A very descriptive text about this task',
				isCompleted: false,
				timeReportingEnabled: true,
				estimate: 26.5,
				startDate: '2022-07-11T04:43:12',
				tagIds: [1],
				memberIds: [1, 2],
			},
		});
		expect(created.error).toBeUndefined();
		const task = json(created.items)[0];
		expect(task).toMatchObject({
			title: 'My task',
			estimate: 26.5,
			startDate: '2022-07-11',
			startTime: '04:43',
			boardColumn: { id: 1 },
			board: { id: 1 },
			project: { id: 1 },
		});

		const got = await run(sandbox, {
			resource: 'task',
			operation: 'get',
			taskId: rl(task.id as number),
		});
		expect(json(got.items)[0]).toMatchObject({ id: task.id, title: 'My task' });

		const updated = await run(sandbox, {
			resource: 'task',
			operation: 'update',
			taskId: rl(task.id as number),
			updateFields: { title: 'My task, renamed' },
		});
		expect(json(updated.items)[0]).toMatchObject({
			title: 'My task, renamed',
			estimate: 26.5,
			description: 'A very descriptive text about this task',
			boardColumn: { id: 1 },
			project: { id: 1 },
			completedDate: null,
		});
		expect(
			(json(updated.items)[0].members as Array<{ userId: number }>).map((m) => m.userId),
		).toEqual([1, 2]);

		const completed = await run(sandbox, {
			resource: 'task',
			operation: 'complete',
			taskId: rl(task.id as number),
		});
		expect(json(completed.items)[0].completedDate).toMatch(/\+00:00$/);
		expect(json(completed.items)[0].title).toBe('My task, renamed');

		const deleted = await run(sandbox, {
			resource: 'task',
			operation: 'delete',
			taskId: rl(task.id as number),
		});
		expect(json(deleted.items)[0]).toEqual({ id: task.id, deleted: true });
		const missing = await run(sandbox, {
			resource: 'task',
			operation: 'get',
			taskId: rl(task.id as number),
		});
		expect(missing.error?.message).toMatch(new RegExp(`Task ${String(task.id)} was not found`));
	});

	it('get many with every filter', async () => {
		const all = await run(sandbox, { resource: 'task', operation: 'getAll', returnAll: true });
		expect(json(all.items)).toHaveLength(40);
		const noBoard = await run(sandbox, {
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			filters: { taskBoardId: -1 },
		});
		expect(noBoard.error).toBeUndefined();
		expect(json(noBoard.items)).toHaveLength(0);
		const byBoard = await run(sandbox, {
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			filters: { taskBoardId: 2, memberIds: [2], createdByUserIds: [1] },
		});
		expect(json(byBoard.items).length).toBeGreaterThan(0);
		expect(json(byBoard.items).every((t) => (t.board as { id: number }).id === 2)).toBe(true);
		const byColumn = await run(sandbox, {
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			filters: { taskBoardColumnId: 4 },
		});
		expect(json(byColumn.items).every((t) => (t.boardColumn as { id: number }).id === 4)).toBe(
			true,
		);
		const byIds = await run(sandbox, {
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			filters: { taskIds: '3, 5' },
			options: { sortBy: 'title', sortOrder: 'descending' },
		});
		expect(
			json(byIds.items)
				.map((t) => t.id)
				.sort(),
		).toEqual([3, 5]);
		const dated = await run(sandbox, {
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			filters: { from: '2026-01-05', to: '2026-02-10' },
		});
		expect(json(dated.items).length).toBeGreaterThan(0);
		expect(json(dated.items).every((t) => t.startDate !== null)).toBe(true);
	});
});

describe('task comments, checklists, attachments', () => {
	it('comments: create (docs example), get many, update, delete', async () => {
		const created = await run(sandbox, {
			resource: 'taskComment',
			operation: 'create',
			taskId: rl(1),
			text: 'Lorem ipsum dolar sit amet.',
		});
		const comment = json(created.items)[0];
		expect(comment).toMatchObject({ text: 'Lorem ipsum dolar sit amet.' });
		const list = await run(sandbox, {
			resource: 'taskComment',
			operation: 'getAll',
			taskId: rl(1),
			returnAll: true,
			options: { sortBy: 'createdDate', sortOrder: 'descending' },
		});
		expect(json(list.items)).toHaveLength(4);
		const updated = await run(sandbox, {
			resource: 'taskComment',
			operation: 'update',
			taskId: rl(1),
			commentId: String(comment.id),
			text: 'Changed',
		});
		expect(json(updated.items)[0]).toMatchObject({ id: comment.id, text: 'Changed' });
		const deleted = await run(sandbox, {
			resource: 'taskComment',
			operation: 'delete',
			taskId: rl(1),
			commentId: String(comment.id),
		});
		expect(json(deleted.items)[0]).toMatchObject({ deleted: true });
		expect(sandbox.store().comments.filter((c) => c.taskId === 1)).toHaveLength(3);
	});

	it('checklists: create (docs example), update keeps items, completes and removes by name, delete', async () => {
		const created = await run(sandbox, {
			resource: 'taskChecklist',
			operation: 'create',
			taskId: rl(2),
			name: 'Lorem ipsum',
			items: {
				item: [
					{ name: 'Lorem ipsum dolar', isCompleted: true },
					{ name: 'Lorem ipsum dolar sit', isCompleted: false },
					{ name: 'Lorem ipsum dolar sit amet', isCompleted: false },
				],
			},
		});
		const checklist = json(created.items)[0];
		expect((checklist.items as unknown[]).length).toBe(3);
		const updated = await run(sandbox, {
			resource: 'taskChecklist',
			operation: 'update',
			taskId: rl(2),
			checklistId: String(checklist.id),
			updateFields: {
				name: 'Lorem ipsum dolar',
				completeItems: 'lorem ipsum dolar sit',
				removeItems: 'Lorem ipsum dolar sit amet',
			},
			addItems: { item: [{ name: 'New item', isCompleted: false }] },
		});
		const items = json(updated.items)[0].items as Array<{
			id: number;
			title: string;
			completedDate: string | null;
		}>;
		expect(json(updated.items)[0].name).toBe('Lorem ipsum dolar');
		expect(items.map((i) => i.title)).toEqual([
			'Lorem ipsum dolar',
			'Lorem ipsum dolar sit',
			'New item',
		]);
		expect(items[0].id).toBe((checklist.items as Array<{ id: number }>)[0].id);
		expect(items[1].completedDate).not.toBeNull();
		const wrong = await run(sandbox, {
			resource: 'taskChecklist',
			operation: 'update',
			taskId: rl(2),
			checklistId: String(checklist.id),
			updateFields: { completeItems: 'nope' },
		});
		expect(wrong.error?.message).toMatch(/Complete Items Named: no item named "nope"/);
		const list = await run(sandbox, {
			resource: 'taskChecklist',
			operation: 'getAll',
			taskId: rl(2),
			returnAll: true,
		});
		expect(json(list.items)).toHaveLength(2);
		await run(sandbox, {
			resource: 'taskChecklist',
			operation: 'delete',
			taskId: rl(2),
			checklistId: String(checklist.id),
		});
		expect(sandbox.store().checklists.filter((c) => c.taskId === 2)).toHaveLength(1);
	});

	it('attachments: upload binary and link, list, download into binary, rename, delete', async () => {
		const content = 'Hello from n8n, åäö';
		const uploaded = await run(
			sandbox,
			{
				resource: 'taskAttachment',
				operation: 'upload',
				taskId: rl(3),
				source: 'binary',
				binaryPropertyName: 'data',
				name: '',
			},
			{
				input: [
					{
						json: {},
						binary: {
							data: {
								data: Buffer.from(content).toString('base64'),
								mimeType: 'text/plain',
								fileName: 'note.txt',
							},
						},
					} as never,
				],
			},
		);
		expect(uploaded.error).toBeUndefined();
		const file = json(uploaded.items)[0];
		expect(file).toMatchObject({
			name: 'note.txt',
			type: 'file',
			contentType: 'text/plain',
			sizeInBytes: Buffer.byteLength(content),
		});

		const link = await run(sandbox, {
			resource: 'taskAttachment',
			operation: 'upload',
			taskId: rl(3),
			source: 'link',
			externalUrl: 'https://example.com/folder',
			externalUrlType: 'dropbox',
			name: 'Our external library',
		});
		expect(json(link.items)[0]).toMatchObject({
			type: 'link',
			externalLinkUrl: 'https://example.com/folder',
			name: 'Our external library',
		});

		const list = await run(sandbox, {
			resource: 'taskAttachment',
			operation: 'getAll',
			taskId: rl(3),
			returnAll: true,
		});
		expect(json(list.items)).toHaveLength(4);

		const downloaded = await run(sandbox, {
			resource: 'taskAttachment',
			operation: 'download',
			taskId: rl(3),
			attachmentId: String(file.id),
			binaryPropertyName: 'file',
		});
		expect(downloaded.error).toBeUndefined();
		const item = downloaded.items[0][0];
		expect(item.json).toMatchObject({ fileName: 'note.txt', mimeType: 'text/plain' });
		expect(item.binary?.file.fileName).toBe('note.txt');
		expect(item.binary?.file.mimeType).toBe('text/plain');
		const stored = sandbox.store().attachments.find((a) => a.id === file.id) as { content: Buffer };
		expect(stored.content.toString('utf8')).toBe(content);

		const linkDownload = await run(sandbox, {
			resource: 'taskAttachment',
			operation: 'download',
			taskId: rl(3),
			attachmentId: String(json(link.items)[0].id),
			binaryPropertyName: 'file',
		});
		expect(linkDownload.error?.message).toMatch(/is a link/);

		const renamed = await run(sandbox, {
			resource: 'taskAttachment',
			operation: 'rename',
			taskId: rl(3),
			attachmentId: String(file.id),
			newName: 'My updated attachment',
		});
		expect(json(renamed.items)[0]).toMatchObject({ name: 'My updated attachment' });
		await run(sandbox, {
			resource: 'taskAttachment',
			operation: 'delete',
			taskId: rl(3),
			attachmentId: String(file.id),
		});
		expect(sandbox.store().attachments.some((a) => a.id === file.id)).toBe(false);
	});
});

describe('time reports', () => {
	it('log time fills activity, time code and time article from the user’s standards', async () => {
		// A date with a time and zone is the calendar day as written (not shifted to UTC).
		const r = await run(sandbox, {
			resource: 'timeReport',
			operation: 'create',
			user: rl(2),
			date: '2026-11-10T00:30:00+02:00',
			hours: 7.5,
			projectType: 'project',
			project: rl(1),
			simplify: false,
		});
		expect(r.error).toBeUndefined();
		const report = json(r.items)[0];
		const user = sandbox.store().users[1] as {
			standardActivity: { id: number };
			standardTimeArticle: { id: number };
		};
		expect(report).toMatchObject({
			date: '2026-11-10',
			hours: 7.5,
			invoiceableHours: 7.5,
			user: { id: 2 },
			project: { id: 1 },
		});
		expect(report.activity).toMatchObject({ id: user.standardActivity.id });
		expect(report.timeArticle).toMatchObject({ id: user.standardTimeArticle.id });
		expect(report.timeCode).toMatchObject({ id: 1 });
	});

	it('log time with the docs example (explicit codes, clock, break, materials) on an internal project', async () => {
		const r = await run(sandbox, {
			resource: 'timeReport',
			operation: 'create',
			simplify: false,
			user: rl(1),
			date: '2021-11-10T00:00:00',
			hours: 7.75,
			projectType: 'internalProject',
			internalProjectId: 1,
			activityId: 2,
			timeCodeId: 3,
			timeArticleId: 4,
			additionalFields: {
				clockStart: '10:00',
				clockEnd: '18:00',
				invoiceableHours: 9,
				breakMinutes: 15,
				comment: 'Lorem ipsum dolar sit amet',
				internalComment: 'Lorem ipsum dolar sit amet',
				materials: JSON.stringify([
					{
						id: null,
						articleId: 5,
						articleNumber: 'A12',
						title: 'Lorem ipsum',
						unitPrice: 600,
						invoiceableUnitPrice: 650,
						units: 4,
						invoiceableUnits: 5,
						calculatedUnits: 4,
						unitText: 'st',
						cost: 500,
						discountInPercent: 0,
						isTextOnly: false,
					},
				]),
				travelReport: JSON.stringify({
					place: 'Piteå-Luleå-Piteå',
					distance: 100,
					invoiceableDistance: 120,
					toSalary: true,
				}),
			},
		});
		expect(r.error).toBeUndefined();
		expect(json(r.items)[0]).toMatchObject({
			clockStart: '10:00',
			clockEnd: '18:00',
			invoiceableHours: 9,
			breakMinutes: 15,
			activity: { id: 2 },
			timeCode: { id: 3 },
			timeArticle: { id: 4 },
			internalProject: { id: 1 },
			project: null,
		});
		expect((json(r.items)[0].materials as unknown[]).length).toBe(1);
		expect(json(r.items)[0].travelReport).toMatchObject({
			place: 'Piteå-Luleå-Piteå',
			distance: 100,
		});
	});

	it('a user without standards gets a clear error naming Activity', async () => {
		const r = await run(sandbox, {
			resource: 'timeReport',
			operation: 'create',
			user: rl(8),
			date: '2026-11-10',
			hours: 2,
			projectType: 'absenceProject',
			absenceProjectId: 1,
		});
		expect(r.error?.message).toMatch(/^Activity: user 8 has no standard activity/);
	});

	it('get, update merges (only hours change), delete; attested reports cannot be deleted', async () => {
		const got = await run(sandbox, {
			resource: 'timeReport',
			operation: 'get',
			timeReportId: rl(2),
			simplify: false,
		});
		const before = json(got.items)[0];
		expect(before).toMatchObject({ objectName: 'timereport.detail', id: 2 });
		const updated = await run(sandbox, {
			resource: 'timeReport',
			operation: 'update',
			timeReportId: rl(2),
			updateFields: { hours: 3.5, comment: 'Corrected' },
			simplify: false,
		});
		expect(updated.error).toBeUndefined();
		const after = json(updated.items)[0];
		expect(after).toMatchObject({
			hours: 3.5,
			comment: 'Corrected',
			date: before.date,
			user: before.user,
			project: before.project,
			activity: before.activity,
			timeCode: before.timeCode,
			timeArticle: before.timeArticle,
			clockStart: before.clockStart,
		});
		expect(after.updatedDate).toMatch(/\+00:00$/);
		const moved = await run(sandbox, {
			resource: 'timeReport',
			operation: 'update',
			timeReportId: rl(2),
			updateFields: { internalProjectId: 2 },
			simplify: false,
		});
		expect(json(moved.items)[0]).toMatchObject({ internalProject: { id: 2 }, project: null });
		const deleted = await run(sandbox, {
			resource: 'timeReport',
			operation: 'delete',
			timeReportId: rl(2),
		});
		expect(json(deleted.items)[0]).toEqual({ id: 2, deleted: true });
		const attested = await run(sandbox, {
			resource: 'timeReport',
			operation: 'delete',
			timeReportId: rl(6),
		});
		expect(attested.error?.message).toMatch(/attested and cannot be deleted/);
	});

	it('get many with the attest filters and the docs example query', async () => {
		const notAttested = await run(sandbox, {
			resource: 'timeReport',
			operation: 'getAll',
			returnAll: true,
			filters: { isSentToAttest: 'true', isAttested: 'false' },
		});
		const rows = json(notAttested.items);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.sentToAttestDate && !r.attestedDate)).toBe(true);
		const docs = await run(sandbox, {
			resource: 'timeReport',
			operation: 'getAll',
			returnAll: true,
			filters: { from: '2026-01-06', to: '2026-01-10', userIds: [1, 2], projectType: 'project' },
			options: { sortBy: 'date', sortOrder: 'ascending' },
		});
		const dates = json(docs.items).map((r) => r.date as string);
		expect(dates.length).toBeGreaterThan(0);
		expect([...dates].sort()).toEqual(dates);
		expect(json(docs.items).every((r) => [1, 2].includes(r.userId as number) && r.projectId)).toBe(
			true,
		);
		const byContact = await run(sandbox, {
			resource: 'timeReport',
			operation: 'getAll',
			returnAll: true,
			filters: { contactId: 1 },
		});
		expect(json(byContact.items).length).toBeGreaterThan(0);
		expect(json(byContact.items).every((r) => r.contactId === 1)).toBe(true);
		// Simplify (default) flattens references; off returns Blikk's nested records.
		expect(json(byContact.items)[0]).toMatchObject({
			userName: expect.any(String),
			activityId: expect.any(Number),
			timeCodeName: expect.any(String),
		});
		expect(json(byContact.items)[0]).not.toHaveProperty('objectName');
		const raw = await run(sandbox, {
			resource: 'timeReport',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			simplify: false,
		});
		expect(json(raw.items)[0]).toMatchObject({
			objectName: 'timereport.list',
			user: { id: expect.any(Number) },
		});
	});

	it('user day statistics over a date span; span over 31 days is refused before sending', async () => {
		const r = await run(sandbox, {
			resource: 'userDayStatistic',
			operation: 'getAll',
			from: '2026-01-05',
			to: '2026-01-06',
			returnAll: true,
			filters: { userIds: [1, 2] },
		});
		expect(json(r.items)).toHaveLength(2);
		expect((json(r.items)[0].dates as unknown[]).length).toBe(2);
		sandbox.resetStats();
		const tooLong = await run(sandbox, {
			resource: 'userDayStatistic',
			operation: 'getAll',
			from: '2026-01-01',
			to: '2026-03-01',
			returnAll: true,
		});
		expect(tooLong.error?.message).toMatch(/^To: the span may be at most 31 days/);
		expect(sandbox.stats.requests).toBe(0);
	});
});

describe('bad input is refused before anything is sent', () => {
	beforeEach(() => sandbox.resetStats());

	it('missing task ID, hours not a number, clockStart not hh:mm: clear errors naming field and item', async () => {
		const missing = await run(sandbox, { resource: 'task', operation: 'get', taskId: rl('') });
		// The shared ID reader says what to do in the mode the user chose (By ID here).
		expect(missing.error?.message).toBe(
			"Task: is required: enter the task's ID (a whole number) (row 1)",
		);
		const hours = await run(
			sandbox,
			{
				resource: 'timeReport',
				operation: 'create',
				user: rl(1),
				date: '2026-11-10',
				hours: '={{ "eight" }}',
				projectType: 'project',
				project: rl(1),
			},
			{ input: [{}] },
		);
		expect(hours.error?.message).toMatch(/Hours/);
		expect(hours.error?.message).toMatch(/eight/);
		const clock = await run(
			sandbox,
			{
				resource: 'timeReport',
				operation: 'create',
				user: rl(1),
				date: '2026-11-10',
				hours: 8,
				projectType: 'project',
				project: rl(1),
				additionalFields: { clockStart: '={{ $json.start }}' },
			},
			{ input: [{ start: '07:00' }, { start: '7.30' }] },
		);
		expect(clock.error?.message).toBe('Clock Start: must be a time like 08:30, got "7.30" (row 2)');
		// Row 1 was valid, but every row is checked before the first write: nothing was sent.
		expect(sandbox.store().timeReports.filter((r) => r.date === '2026-11-10')).toHaveLength(0);
	});

	it('Continue On Fail: the bad item becomes an error item, the others go through, paired items kept', async () => {
		const r = await run(
			sandbox,
			{ resource: 'task', operation: 'get', taskId: rl('={{ $json.id }}') },
			{ input: [{ id: 1 }, { id: 'x' }, { id: 3 }], continueOnFail: true },
		);
		const out = r.items[0];
		expect(out).toHaveLength(3);
		expect(out[0].json.id).toBe(1);
		expect(out[1].json.error).toMatch(/Task: must be a positive whole number, got "x" \(row 2\)/);
		expect(out[1].json).toMatchObject({
			row: 2,
			itemIndex: 1,
			httpCode: null,
			mayHaveBeenApplied: false,
		});
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('registers and dropdowns', () => {
	it.each([
		['absenceProject', 4],
		['activity', 8],
		['allowance', 2],
		['article', 30],
		['companyCar', 2],
		['contactTag', 5],
		['country', 5],
		['equipment', 3],
		['internalProject', 3],
		['project', 12],
		['taskBoard', 3],
		['timeAddition', 2],
		['timeArticle', 5],
		['timeCode', 4],
		['user', 8],
	])('%s: get many returns the whole register', async (resource, count) => {
		const r = await run(sandbox, { resource, operation: 'getAll', returnAll: true });
		expect(r.error).toBeUndefined();
		expect(json(r.items)).toHaveLength(count);
	});

	it('user get, article and project search, task board project filter', async () => {
		const user = await run(sandbox, { resource: 'user', operation: 'get', userId: rl(1) });
		expect(json(user.items)[0]).toMatchObject({
			objectName: 'user.detail',
			standardActivity: { id: 1 },
			standardTimeArticle: { id: 1 },
		});
		const articles = await run(sandbox, {
			resource: 'article',
			operation: 'getAll',
			returnAll: true,
			filters: { query: 'A00' },
			options: { sortBy: 'articleNumber', sortOrder: 'descending' },
		});
		expect(json(articles.items).map((a) => a.articleNumber)).toEqual([
			'A009',
			'A008',
			'A007',
			'A006',
			'A005',
			'A004',
			'A003',
			'A002',
			'A001',
		]);
		const boards = await run(sandbox, {
			resource: 'taskBoard',
			operation: 'getAll',
			returnAll: true,
			filters: { projectIds: '1,2' },
		});
		expect(json(boards.items)).toHaveLength(2);
	});

	it('dropdowns and resource locator searches', async () => {
		const activities = (await load(sandbox, 'loadOptions', 'getActivitiesWithStandard')) as Array<{
			name: string;
			value: unknown;
		}>;
		expect(activities[0]).toEqual({ name: "User's Standard Activity", value: 'standard' });
		expect(activities.some((a) => a.name === 'Gammal aktivitet')).toBe(false);
		const columns = (await load(sandbox, 'loadOptions', 'getTaskBoardColumns')) as Array<{
			name: string;
		}>;
		expect(columns).toHaveLength(9);
		expect(columns[0].name).toMatch(/ \/ /);
		for (const method of [
			'getTimeCodesWithStandard',
			'getTimeArticlesWithStandard',
			'getActivities',
			'getTimeCodes',
			'getTimeArticles',
			'getInternalProjects',
			'getAbsenceProjects',
			'getContactTags',
			'getCountries',
			'getUsers',
			'getTaskBoardTags',
		]) {
			const options = (await load(sandbox, 'loadOptions', method)) as unknown[];
			expect(options.length).toBeGreaterThan(0);
		}
		const contacts = (await load(sandbox, 'listSearch', 'searchContacts', 'Byggbolaget')) as {
			results: Array<{ name: string }>;
		};
		expect(contacts.results.length).toBeGreaterThan(0);
		expect(contacts.results.every((c) => c.name.includes('Byggbolaget'))).toBe(true);
		const users = (await load(sandbox, 'listSearch', 'searchUsers')) as { results: unknown[] };
		expect(users.results).toHaveLength(8);
		const tasks = (await load(sandbox, 'listSearch', 'searchTasks')) as {
			results: unknown[];
			paginationToken?: string;
		};
		expect(tasks.results).toHaveLength(40);
		const projects = (await load(sandbox, 'listSearch', 'searchProjects', 'Takbyte')) as {
			results: Array<{ name: string }>;
		};
		expect(projects.results.length).toBeGreaterThan(0);
		const reports = (await load(sandbox, 'listSearch', 'searchTimeReports')) as {
			results: unknown[];
			paginationToken?: string;
		};
		expect(reports.results).toHaveLength(50);
		expect(reports.paginationToken).toBe('2');
		const boards = (await load(sandbox, 'loadOptions', 'getTaskBoards')) as Array<{
			name: string;
			value: number;
		}>;
		expect(boards).toEqual([
			{ name: 'No Board', value: -1 },
			{ name: 'Bygg norr', value: 1 },
			{ name: 'El-avdelningen', value: 2 },
			{ name: 'Service', value: 3 },
		]);
	}, 180_000);
});
