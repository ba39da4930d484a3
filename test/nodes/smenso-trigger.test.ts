/**
 * smensoTrigger (polling) in-process over several polls: first poll remembers, later polls emit only
 * what changed (fingerprints; smenso records carry no change date), nothing twice, manual mode samples.
 */
import type { IDataObject } from 'n8n-workflow';

import { createSmensoSandbox, loadOptions, poll, type SmensoSandbox } from './smenso.helpers';

let sandbox: SmensoSandbox;
beforeAll(async () => {
	sandbox = createSmensoSandbox({ ticketDelayMs: 0 });
	await sandbox.listen();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const emitted = (items: { json: IDataObject }[][] | null) => (items?.[0] ?? []).map((i) => i.json);

/** Writes straight to the sandbox over HTTP (as another smenso user would) and lets the ticket finish. */
async function write(method: string, path: string, body: unknown) {
	const r = await fetch(`${sandbox.baseUrl()}/${path}`, {
		method,
		headers: { Authorization: 'Basic smenso-sandbox-token', 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	expect(`${r.status} ${r.status === 202 ? '' : await r.text()}`).toBe('202 ');
	sandbox.flushTickets();
}
const TZ = { timezoneId: 'W. Europe Standard Time' };

describe('smenso Trigger', () => {
	it('task created or changed in chosen projects, over several polls', async () => {
		const [p1, p2] = sandbox.state().projects;
		const params = { event: 'taskChanged', projectIds: [p1.id] };
		const first = await poll(sandbox, params);
		expect(first.items).toBeNull();
		const again = await poll(sandbox, params, first.staticData);
		expect(again.items).toBeNull();

		await write('POST', 'integration/task/json', {
			...TZ,
			projectId: p1.id,
			task: [{ title: 'Fresh task' }],
		});
		await write('POST', 'integration/task/json', {
			...TZ,
			projectId: p2.id,
			task: [{ title: 'Other project' }],
		});
		const second = await poll(sandbox, params, again.staticData);
		expect(emitted(second.items)).toEqual([
			expect.objectContaining({ title: 'Fresh task', changeType: 'created' }),
		]);

		const task = sandbox
			.state()
			.tasks.find((t) => t.projectId === p1.id && t.title === 'Kick-off')!;
		await write('PUT', 'integration/task/json', {
			...TZ,
			projectId: p1.id,
			task: [{ id: task.id, statusId: 1 }],
		});
		const third = await poll(sandbox, params, second.staticData);
		expect(emitted(third.items)).toEqual([
			expect.objectContaining({ id: task.id, statusId: 1, changeType: 'updated' }),
		]);

		const fourth = await poll(sandbox, params, third.staticData);
		expect(fourth.items).toBeNull();
	});

	it('a failed poll does not move the state: the change is emitted on the next good poll', async () => {
		const p1 = sandbox.state().projects[0];
		const params = { event: 'taskChanged', projectIds: [p1.id] };
		const first = await poll(sandbox, params);
		await write('POST', 'integration/task/json', {
			...TZ,
			projectId: p1.id,
			task: [{ title: 'Survives an outage' }],
		});
		sandbox.addFault({
			type: 'status',
			status: 403,
			body: { errors: ['Temporarily forbidden'] },
			method: 'GET',
			path: 'task/json',
		});
		const failed = await poll(sandbox, params, first.staticData);
		expect(failed.error?.message).toMatch(/Temporarily forbidden/);
		expect(failed.staticData).toEqual(first.staticData);
		const next = await poll(sandbox, params, failed.staticData);
		expect(emitted(next.items).map((t) => t.title)).toEqual(['Survives an outage']);
	});

	it('new time record (edits of known records are not "new"); all active projects when none chosen', async () => {
		const params = { event: 'timeRecordCreated' };
		const first = await poll(sandbox, params);
		expect(first.items).toBeNull();
		const project = sandbox.state().projects[1];
		const task = sandbox.state().tasks.find((t) => t.projectId === project.id)!;
		const existing = sandbox.state().timeRecords.find((t) => String(t.date) >= '2026-01-01')!;
		await write('POST', 'integration/timerecord/json', {
			...TZ,
			projectId: project.id,
			timeRecord: [
				{
					taskId: task.id,
					userId: sandbox.state().members[0].id,
					date: '2026-05-04',
					duration: 45,
				},
			],
		});
		await write('PUT', 'integration/timerecord/json', {
			...TZ,
			projectId: existing.projectId,
			timeRecord: [{ id: existing.id, duration: 240 }],
		});
		const second = await poll(sandbox, params, first.staticData);
		expect(emitted(second.items)).toEqual([
			expect.objectContaining({ date: '2026-05-04', duration: 45, changeType: 'created' }),
		]);
		expect((await poll(sandbox, params, second.staticData)).items).toBeNull();
	});

	it('absence created or changed, with status filter and "only status changes"', async () => {
		const all = { event: 'absenceChanged' };
		const statusOnly = {
			event: 'absenceChanged',
			onlyStatusChanges: true,
			statuses: ['approved', 'rejected'],
		};
		let a = await poll(sandbox, all);
		let s = await poll(sandbox, statusOnly);
		const submitted = sandbox.state().absences.find((x) => x.status === 'submitted')!;
		await write('PUT', 'integration/absence/json', {
			...TZ,
			absence: [{ id: submitted.id, status: 'approved' }],
		});
		await write('POST', 'integration/absence/json', {
			...TZ,
			absence: [
				{
					userId: sandbox.state().members[7].email,
					absenceTypeId: 'Sick leave',
					startDate: '2027-03-01',
					endDate: '2027-03-02',
				},
			],
		});
		a = await poll(sandbox, all, a.staticData);
		s = await poll(sandbox, statusOnly, s.staticData);
		expect(
			emitted(a.items)
				.map((x) => x.changeType)
				.sort(),
		).toEqual(['created', 'updated']);
		expect(emitted(s.items)).toEqual([
			expect.objectContaining({
				id: submitted.id,
				status: 'approved',
				previousStatus: 'submitted',
				changeType: 'updated',
			}),
		]);
		await write('PUT', 'integration/absence/json', {
			...TZ,
			absence: [{ id: submitted.id, comment: 'just a note' }],
		});
		a = await poll(sandbox, all, a.staticData);
		s = await poll(sandbox, statusOnly, s.staticData);
		expect(emitted(a.items)).toEqual([
			expect.objectContaining({ id: submitted.id, comment: 'just a note' }),
		]);
		expect(s.items).toBeNull();
	});

	it('new comment on a task of the watched project (edits are not new)', async () => {
		const project = sandbox.state().projects[0];
		const task = sandbox.state().tasks.find((t) => t.projectId === project.id)!;
		const params = { event: 'taskCommented', projectIds: [project.id] };
		let p = await poll(sandbox, params);
		expect(p.items).toBeNull();
		await write('POST', 'integration/comment/task/json', {
			comment: [{ taskId: task.id, text: 'Please review' }],
		});
		p = await poll(sandbox, params, p.staticData);
		expect(emitted(p.items)).toEqual([
			expect.objectContaining({
				taskId: task.id,
				text: 'Please review',
				taskTitle: task.title,
				changeType: 'created',
			}),
		]);
		const comment = sandbox.state().comments.find((c) => c.text === 'Please review')!;
		await write('PUT', 'integration/comment/task/json', {
			comment: [{ id: comment.id, text: 'Please review today' }],
		});
		p = await poll(sandbox, params, p.staticData);
		expect(p.items).toBeNull();
	});

	it('new file and task folder created or changed', async () => {
		const project = sandbox.state().projects[0];
		const task = sandbox.state().tasks.find((t) => t.projectId === project.id)!;
		let files = await poll(sandbox, { event: 'attachmentAdded', projectIds: [project.id] });
		let folders = await poll(sandbox, { event: 'folderChanged', projectIds: [project.id] });
		const form = new FormData();
		form.append('file', new Blob([Buffer.from('hello')], { type: 'text/plain' }), 'hello.txt');
		const up = await fetch(
			`${sandbox.baseUrl()}/integration/attachment/task/json/${String(task.id)}`,
			{ method: 'POST', headers: { Authorization: 'Basic smenso-sandbox-token' }, body: form },
		);
		expect(up.status).toBe(200);
		await write('POST', 'integration/folders/json', {
			...TZ,
			projectId: project.id,
			folder: [{ name: 'Hypercare' }],
		});
		files = await poll(
			sandbox,
			{ event: 'attachmentAdded', projectIds: [project.id] },
			files.staticData,
		);
		folders = await poll(
			sandbox,
			{ event: 'folderChanged', projectIds: [project.id] },
			folders.staticData,
		);
		expect(emitted(files.items)).toEqual([
			expect.objectContaining({ fileName: 'hello.txt', changeType: 'created' }),
		]);
		expect(emitted(folders.items)).toEqual([
			expect.objectContaining({ name: 'Hypercare', projectId: project.id, changeType: 'created' }),
		]);
	});

	it('the removed "status report published" event fails clearly instead of watching something else', async () => {
		const r = await poll(sandbox, { event: 'statusReportPublished' });
		expect(r.error?.message).toBe('The event "statusReportPublished" is not available');
	});

	it('manual mode returns one sample and leaves the state alone', async () => {
		const r = await poll(
			sandbox,
			{ event: 'taskChanged', projectIds: [sandbox.state().projects[0].id] },
			{},
			'manual',
		);
		expect(emitted(r.items)).toHaveLength(1);
		expect(r.staticData).toEqual({});
	});

	it('project dropdown', async () => {
		const options = (await loadOptions(
			sandbox,
			'loadOptions',
			'getProjects',
			{},
			undefined,
			'trigger',
		)) as unknown[];
		expect(options).toHaveLength(5);
	});
});
