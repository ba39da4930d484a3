/**
 * Blikk Trigger (polling) in-process: first poll remembers, later polls emit new/updated records once,
 * ties on the cursor second are neither lost nor repeated, paging through many new records, manual
 * sample, and a failed poll does not move the cursor.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	createBlikkSandbox,
	poll,
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

const ids = (items: { json: IDataObject }[][] | null) =>
	(items?.[0] ?? []).map((i) => i.json.id as number);
const T = (s: string) => `2027-01-01 10:00:${s} +00:00`;

describe('Blikk Trigger', () => {
	it('task created: several polls with new and tied-timestamp records, nothing twice, nothing skipped', async () => {
		const store = storeFor(sandbox);
		const first = await poll(sandbox, 'taskCreated', undefined, store);
		expect(first.items).toBeNull();
		expect(first.error).toBeUndefined();

		const created = await run(
			sandbox,
			{ resource: 'task', operation: 'create', title: '={{ "New " + $json.n }}' },
			{ input: [{ n: 1 }, { n: 2 }, { n: 3 }], store },
		);
		const newIds = created.items[0].map((i) => i.json.id as number);
		// Two of them share one second, the third is later.
		const tasks = sandbox.store().tasks;
		tasks.find((t) => t.id === newIds[0])!.createdDate = T('01');
		tasks.find((t) => t.id === newIds[1])!.createdDate = T('01');
		tasks.find((t) => t.id === newIds[2])!.createdDate = T('05');

		const second = await poll(sandbox, 'taskCreated', first.staticData, store);
		expect(ids(second.items).sort()).toEqual([...newIds].sort());
		const third = await poll(sandbox, 'taskCreated', second.staticData, store);
		expect(third.items).toBeNull();

		// A record that lands on the cursor's second after the poll (tie) is still emitted, once.
		const late = await run(
			sandbox,
			{ resource: 'task', operation: 'create', title: 'Late tie' },
			{ store },
		);
		const lateId = late.items[0][0].json.id as number;
		sandbox.store().tasks.find((t) => t.id === lateId)!.createdDate = T('05');
		const fourth = await poll(sandbox, 'taskCreated', third.staticData, store);
		expect(ids(fourth.items)).toEqual([lateId]);
		const fifth = await poll(sandbox, 'taskCreated', fourth.staticData, store);
		expect(fifth.items).toBeNull();
	});

	it('time report created: pages through 250 new records, each once', async () => {
		const store = storeFor(sandbox);
		const first = await poll(sandbox, 'timeReportCreated', undefined, store);
		expect(first.items).toBeNull();
		sandbox.config.seed = { timeReports: 250 };
		sandbox.resetStats();
		const second = await poll(sandbox, 'timeReportCreated', first.staticData, store);
		const got = ids(second.items);
		expect(got).toHaveLength(250);
		expect(new Set(got).size).toBe(250);
		expect(sandbox.stats.byRoute['GET /v1/Core/TimeReports']).toBeGreaterThanOrEqual(3);
		const third = await poll(sandbox, 'timeReportCreated', second.staticData, store);
		expect(third.items).toBeNull();
	}, 180_000);

	it('time report updated, sent to attest and attested', async () => {
		const store = storeFor(sandbox);
		const updated0 = await poll(sandbox, 'timeReportUpdated', undefined, store);
		const sent0 = await poll(sandbox, 'timeReportSentToAttest', undefined, store);
		const attested0 = await poll(sandbox, 'timeReportAttested', undefined, store);
		expect([updated0.items, sent0.items, attested0.items]).toEqual([null, null, null]);

		await run(
			sandbox,
			{
				resource: 'timeReport',
				operation: 'update',
				timeReportId: rl(5),
				updateFields: { comment: 'changed' },
			},
			{ store },
		);
		sandbox.config.sendToAttest = [5, 8];
		sandbox.config.attest = [8];

		const updated = await poll(sandbox, 'timeReportUpdated', updated0.staticData, store);
		expect(ids(updated.items)).toEqual([5]);
		const sent = await poll(sandbox, 'timeReportSentToAttest', sent0.staticData, store);
		expect(ids(sent.items).sort((a, b) => a - b)).toEqual([5, 8]);
		const attested = await poll(sandbox, 'timeReportAttested', attested0.staticData, store);
		expect(ids(attested.items)).toEqual([8]);
		expect((attested.items![0][0].json as IDataObject).attestedDate).toMatch(/\+00:00$/);

		const again = await Promise.all([
			poll(sandbox, 'timeReportUpdated', updated.staticData, store),
			poll(sandbox, 'timeReportSentToAttest', sent.staticData, store),
			poll(sandbox, 'timeReportAttested', attested.staticData, store),
		]);
		expect(again.map((a) => a.items)).toEqual([null, null, null]);
	});

	it('contact created or updated uses createdOrUpdatedSince; project created', async () => {
		const store = storeFor(sandbox);
		const c0 = await poll(sandbox, 'contactChanged', undefined, store);
		const p0 = await poll(sandbox, 'projectCreated', undefined, store);
		expect([c0.items, p0.items]).toEqual([null, null]);

		const created = await run(
			sandbox,
			{
				resource: 'contact',
				operation: 'create',
				name: 'Ny kund AB',
				contactType: 'company',
				responsible: rl(1),
			},
			{ store },
		);
		await run(
			sandbox,
			{
				resource: 'contact',
				operation: 'update',
				contactId: rl(7),
				updateFields: { email: 'ny@example.se' },
			},
			{ store },
		);
		sandbox.resetStats();
		const c1 = await poll(sandbox, 'contactChanged', c0.staticData, store);
		expect(ids(c1.items).sort((a, b) => a - b)).toEqual([7, created.items[0][0].json.id as number]);
		expect(sandbox.stats.log.some((l) => l.path === '/v1/Core/Contacts')).toBe(true);
		const c2 = await poll(sandbox, 'contactChanged', c1.staticData, store);
		expect(c2.items).toBeNull();

		const projects = sandbox.store().projects;
		projects.push({
			...projects[0],
			id: 99,
			title: 'Nytt projekt',
			created: '2027-02-01 08:00:00 +00:00',
		});
		const p1 = await poll(sandbox, 'projectCreated', p0.staticData, store);
		expect(ids(p1.items)).toEqual([99]);
	});

	it('manual mode returns the newest record as a sample and leaves the cursor alone', async () => {
		const store = storeFor(sandbox);
		const manual = await poll(sandbox, 'taskCreated', undefined, store, 'manual');
		expect(ids(manual.items)).toEqual([40]);
		expect(manual.staticData).toEqual({});
	});

	it('a failed poll does not move the cursor; the next one emits what was missed', async () => {
		const store = storeFor(sandbox);
		const first = await poll(sandbox, 'timeReportCreated', undefined, store);
		const created = await run(
			sandbox,
			{
				resource: 'timeReport',
				operation: 'create',
				user: rl(1),
				date: '2026-11-20',
				hours: 4,
				projectType: 'project',
				project: rl(2),
			},
			{ store },
		);
		sandbox.addFault({
			type: 'status',
			status: 400,
			path: 'TimeReports',
			method: 'GET',
			count: 1,
			body: { message: 'The request is invalid.', modelState: { page: ['boom'] } },
		});
		const failed = await poll(sandbox, 'timeReportCreated', first.staticData, store);
		expect(failed.error?.message).toMatch(/page: boom/);
		expect(failed.staticData).toEqual(first.staticData);
		const recovered = await poll(sandbox, 'timeReportCreated', failed.staticData, store);
		expect(ids(recovered.items)).toEqual([created.items[0][0].json.id]);
	});
});
