/**
 * smenso action node, in-process through n8n-core against the smenso sandbox: every operation, tickets
 * (success, failed, success with errors, never finishing), batching, validation before sending.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { SmensoApi } from '../../credentials/SmensoApi.credentials';
import { runCredentialTest } from '../harness/inprocess';
import { createSmensoSandbox, credentialsFor, loadOptions, rl, run, writesSent, type SmensoSandbox } from './smenso.helpers';

let sandbox: SmensoSandbox;

beforeAll(async () => {
	sandbox = createSmensoSandbox({ ticketDelayMs: 50 });
	await sandbox.listen();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const json = (items: INodeExecutionData[][]) => (items[0] ?? []).map((i) => i.json);
const activeProject = () => sandbox.state().projects[0];
const member = (n = 1) => sandbox.state().members[n];

describe('credential', () => {
	it('passes with a good token and names the problem for 401, 403 (no add-on) and 404', async () => {
		const ok = await runCredentialTest({ credentialType: new SmensoApi(), data: credentialsFor(sandbox).psaSmensoApi });
		expect(ok.status).toBe('OK');
		const bad = await runCredentialTest({ credentialType: new SmensoApi(), data: credentialsFor(sandbox, { token: 'nope' }).psaSmensoApi });
		expect(bad.status).toBe('Error');
		expect(bad.message).toMatch(/rejected the API token \(401\)/);
		const noAddon = await runCredentialTest({ credentialType: new SmensoApi(), data: credentialsFor(sandbox, { token: 'smenso-no-addon-token' }).psaSmensoApi });
		expect(noAddon.message).toMatch(/Enterprise Add-on "smenso Integration API"/);
		const wrongUrl = await runCredentialTest({ credentialType: new SmensoApi(), data: credentialsFor(sandbox, { baseUrl: `${sandbox.url}/elsewhere` }).psaSmensoApi });
		expect(wrongUrl.message).toMatch(/No smenso API at this address/);
	});

	it('sends the token exactly as issued and the default time zone header; never shows the token', async () => {
		const r = await run(sandbox, { resource: 'project', operation: 'get', projectId: rl('00000000-0000-4000-8000-000000000000') });
		expect(r.error?.message).toMatch(/Project 00000000-0000-4000-8000-000000000000 was not found/);
		expect(JSON.stringify(r.error)).not.toContain('smenso-sandbox-token');
		expect(sandbox.counters.timezones['Europe/Berlin']).toBeGreaterThan(0);
	});
});

describe('projects', () => {
	it('get many (active only by default, filters, limit), get', async () => {
		const all = await run(sandbox, { resource: 'project', operation: 'getAll', returnAll: true });
		expect(json(all.items)).toHaveLength(4);
		const withArchived = await run(sandbox, { resource: 'project', operation: 'getAll', returnAll: true, filters: { includeArchived: true, includeTemplates: true } });
		expect(json(withArchived.items)).toHaveLength(6);
		const limited = await run(sandbox, { resource: 'project', operation: 'getAll', limit: 2 });
		expect(json(limited.items)).toHaveLength(2);
		const search = await run(sandbox, { resource: 'project', operation: 'getAll', returnAll: true, filters: { search: 'website' } });
		expect(json(search.items).map((p) => p.title)).toEqual(['Website Relaunch']);
		const one = await run(sandbox, { resource: 'project', operation: 'get', projectId: rl(String(activeProject().id), 'list') });
		expect(json(one.items)[0]).toMatchObject({ id: activeProject().id, title: 'ERP Rollout' });
	});

	it('create returns the created project read back by its externalId', async () => {
		const { phases, types } = sandbox.state();
		const r = await run(sandbox, { resource: 'project', operation: 'create', title: 'New rollout', phaseId: phases[0].id, typeId: types[0].id, additionalFields: { startDate: '2026-04-01', endDate: '2026-09-30', externalId: 'crm-77' } });
		expect(r.error).toBeUndefined();
		const out = json(r.items)[0];
		expect(out).toMatchObject({ title: 'New rollout', externalId: 'crm-77', startDate: '2026-04-01', isArchived: false });
		expect(typeof out.id).toBe('string');
		expect(out.ticket).toMatchObject({ status: 'Success', statusId: 10, state: 'success', counts: { created: 1 } });
	});

	it('update, archive, unarchive, delete, create from template', async () => {
		const id = String(activeProject().id);
		const up = await run(sandbox, { resource: 'project', operation: 'update', projectId: rl(id), updateFields: { title: 'ERP Rollout 2' } });
		expect(json(up.items)[0]).toMatchObject({ id, title: 'ERP Rollout 2' });
		const archived = await run(sandbox, { resource: 'project', operation: 'archive', projectId: rl(id) });
		expect(json(archived.items)[0]).toMatchObject({ id, isArchived: true });
		const unarchived = await run(sandbox, { resource: 'project', operation: 'unarchive', projectId: rl(id) });
		expect(json(unarchived.items)[0]).toMatchObject({ id, isArchived: false });
		const template = sandbox.state().projects.find((p) => p.isTemplate)!;
		const fromTemplate = await run(sandbox, { resource: 'project', operation: 'createFromTemplate', templateId: template.id, title: 'From template' });
		const created = json(fromTemplate.items)[0];
		expect(created).toMatchObject({ title: 'From template', isTemplate: false });
		expect(sandbox.state().tasks.filter((t) => t.projectId === created.id)).toHaveLength(6);
		const del = await run(sandbox, { resource: 'project', operation: 'delete', projectId: rl(id) });
		expect(json(del.items)[0]).toMatchObject({ deleted: true, id, ticket: { state: 'success' } });
		expect(sandbox.state().projects.some((p) => p.id === id)).toBe(false);
	});
});

describe('tasks', () => {
	it('get many with filters, get one, not found', async () => {
		const projectId = String(activeProject().id);
		const all = await run(sandbox, { resource: 'task', operation: 'getAll', projectId: rl(projectId), returnAll: true });
		expect(json(all.items)).toHaveLength(6);
		const done = await run(sandbox, { resource: 'task', operation: 'getAll', projectId: rl(projectId), returnAll: true, filters: { status: 'done' } });
		expect(json(done.items)).toHaveLength(2);
		const task = sandbox.state().tasks[3];
		const one = await run(sandbox, { resource: 'task', operation: 'get', projectId: rl(projectId), taskId: rl(String(task.id)) });
		expect(json(one.items)[0]).toMatchObject({ id: task.id, title: task.title });
		const missing = await run(sandbox, { resource: 'task', operation: 'get', projectId: rl(projectId), taskId: rl('00000000-0000-4000-8000-000000000000') });
		expect(missing.error?.message).toMatch(/Task 00000000-0000-4000-8000-000000000000 was not found in project/);
	});

	it('create (dates with offsets moved into the time zone, sent without offset), update, delete', async () => {
		const projectId = String(activeProject().id);
		const created = await run(sandbox, {
			resource: 'task',
			operation: 'create',
			projectId: rl(projectId),
			title: 'Plan cut-over',
			additionalFields: { startDate: '2026-03-02T08:00:00Z', endDate: '2026-03-06T17:00:00', plannedHours: 12, responsibleUserId: member(2).id },
		});
		const task = json(created.items)[0];
		expect(task).toMatchObject({ title: 'Plan cut-over', startDate: '2026-03-02T09:00:00', endDate: '2026-03-06T17:00:00', plannedHours: 12, responsibleUserId: member(2).id, projectId });
		const updated = await run(sandbox, { resource: 'task', operation: 'update', projectId: rl(projectId), taskId: rl(String(task.id)), updateFields: { status: 'Done', title: 'Cut-over planned' } });
		expect(json(updated.items)[0]).toMatchObject({ id: task.id, status: 'Done', title: 'Cut-over planned', ticket: { counts: { modified: 1, attributesModified: 2 } } });
		const deleted = await run(sandbox, { resource: 'task', operation: 'delete', taskId: rl(String(task.id)) });
		expect(json(deleted.items)[0]).toMatchObject({ deleted: true, id: task.id });
		expect(sandbox.state().tasks.some((t) => t.id === task.id)).toBe(false);
	});

	it('the node option time zone overrides the credential (header and conversion)', async () => {
		const projectId = String(activeProject().id);
		const r = await run(sandbox, { resource: 'task', operation: 'create', projectId: rl(projectId), title: 'Tokyo', additionalFields: { startDate: '2026-03-02T00:00:00Z' }, options: { timezone: 'Asia/Tokyo' } });
		expect(json(r.items)[0]).toMatchObject({ startDate: '2026-03-02T09:00:00' });
		expect(sandbox.counters.timezones['Asia/Tokyo']).toBe(1);
	});
});

describe('time records', () => {
	it('get many with filters', async () => {
		const projectId = String(activeProject().id);
		const all = await run(sandbox, { resource: 'timeRecord', operation: 'getAll', projectId: rl(projectId), returnAll: true });
		const expected = sandbox.state().timeRecords.filter((t) => t.projectId === projectId);
		expect(json(all.items)).toHaveLength(expected.length);
		const from = await run(sandbox, { resource: 'timeRecord', operation: 'getAll', projectId: rl(projectId), returnAll: true, filters: { from: '2026-01-01' } });
		expect(json(from.items).every((t) => String(t.date) >= '2026-01-01')).toBe(true);
		expect(json(from.items).length).toBeLessThan(expected.length);
	});

	it('log time by duration and by start/end (user by e-mail), update, delete', async () => {
		const project = activeProject();
		const task = sandbox.state().tasks.find((t) => t.projectId === project.id)!;
		const byDuration = await run(sandbox, { resource: 'timeRecord', operation: 'create', projectId: rl(String(project.id)), taskId: rl(String(task.id)), userId: rl(String(member(1).email), 'email'), date: '2026-03-03', duration: 90, additionalFields: { description: 'Workshop' } });
		const rec = json(byDuration.items)[0];
		expect(rec).toMatchObject({ taskId: task.id, userId: member(1).id, date: '2026-03-03', duration: 90, description: 'Workshop' });
		const byRange = await run(sandbox, { resource: 'timeRecord', operation: 'create', projectId: rl(String(project.id)), taskId: rl(String(task.id)), userId: rl(String(member(1).id)), entryMode: 'startEnd', startDate: '2026-03-04T08:00:00Z', endDate: '2026-03-04T10:30:00Z' });
		expect(json(byRange.items)[0]).toMatchObject({ startDate: '2026-03-04T09:00:00', endDate: '2026-03-04T11:30:00', duration: 150, date: '2026-03-04' });
		const updated = await run(sandbox, { resource: 'timeRecord', operation: 'update', projectId: rl(String(project.id)), timeRecordId: rec.id, updateFields: { duration: 120 } });
		expect(json(updated.items)[0]).toMatchObject({ id: rec.id, duration: 120 });
		const deleted = await run(sandbox, { resource: 'timeRecord', operation: 'delete', timeRecordId: rec.id });
		expect(json(deleted.items)[0]).toMatchObject({ deleted: true });
	});

	it('a locked time record comes back with smenso\'s message', async () => {
		const locked = sandbox.state().timeRecords.find((t) => String(t.date) < '2026-01-01')!;
		const r = await run(sandbox, { resource: 'timeRecord', operation: 'update', projectId: rl(String(locked.projectId)), timeRecordId: locked.id, updateFields: { duration: 15 } });
		expect(r.error?.message).toMatch(/is locked \(period before 2026-01-01\)/);
	});
});

describe('absences', () => {
	it('get many with filters', async () => {
		const all = await run(sandbox, { resource: 'absence', operation: 'getAll', returnAll: true });
		expect(json(all.items)).toHaveLength(6);
		const approved = await run(sandbox, { resource: 'absence', operation: 'getAll', returnAll: true, filters: { status: 'approved' } });
		expect(json(approved.items).every((a) => a.status === 'approved')).toBe(true);
		const mine = await run(sandbox, { resource: 'absence', operation: 'getAll', returnAll: true, filters: { userId: member(0).id } });
		expect(json(mine.items).every((a) => a.userId === member(0).id)).toBe(true);
	});

	it('create (type by name, user by e-mail), then submit / approve / reject, update, delete', async () => {
		const created = await run(sandbox, { resource: 'absence', operation: 'create', userId: rl(String(member(6).email), 'email'), absenceTypeId: 'Vacation', startDate: '2027-07-05', endDate: '2027-07-16', additionalFields: { comment: 'Summer' } });
		const absence = json(created.items)[0];
		const vacation = sandbox.state().absenceTypes.find((t) => t.name === 'Vacation')!;
		expect(absence).toMatchObject({ userId: member(6).id, absenceTypeId: vacation.id, startDate: '2027-07-05', endDate: '2027-07-16', status: 'submitted', comment: 'Summer' });
		for (const [operation, status] of [
			['approve', 'approved'],
			['reject', 'rejected'],
			['submit', 'submitted'],
		]) {
			const r = await run(sandbox, { resource: 'absence', operation, absenceId: absence.id });
			expect(json(r.items)[0]).toMatchObject({ id: absence.id, status });
		}
		const updated = await run(sandbox, { resource: 'absence', operation: 'update', absenceId: absence.id, updateFields: { endDate: '2027-07-19' } });
		expect(json(updated.items)[0]).toMatchObject({ endDate: '2027-07-19' });
		const deleted = await run(sandbox, { resource: 'absence', operation: 'delete', absenceId: absence.id });
		expect(json(deleted.items)[0]).toMatchObject({ deleted: true, id: absence.id });
	});

	it('an overlapping absence fails with smenso\'s own validation message', async () => {
		const existing = sandbox.state().absences[0];
		const r = await run(sandbox, { resource: 'absence', operation: 'create', userId: rl(String(existing.userId)), absenceTypeId: 'Vacation', startDate: existing.startDate, endDate: existing.endDate });
		expect(r.error?.message).toMatch(/^The absence overlaps with an existing absence of this user/);
		expect((r.error as unknown as { description: string }).description).toMatch(/Ticket [0-9a-f-]+ failed for this record/);
	});
});

describe('status reports', () => {
	it('get many, create draft, update, publish, then a change is refused; delete; from template', async () => {
		const project = sandbox.state().projects[1];
		const list = await run(sandbox, { resource: 'statusReport', operation: 'getAll', projectId: rl(String(project.id)), returnAll: true });
		expect(json(list.items)).toHaveLength(1);
		const created = await run(sandbox, { resource: 'statusReport', operation: 'create', projectId: rl(String(project.id)), title: 'March', additionalFields: { overallStatus: 'yellow', reportDate: '2026-03-31' } });
		const report = json(created.items)[0];
		expect(report).toMatchObject({ title: 'March', overallStatus: 'yellow', isPublished: false, reportDate: '2026-03-31' });
		const updated = await run(sandbox, { resource: 'statusReport', operation: 'update', statusReportId: report.id, updateFields: { summary: 'Delays in testing' } });
		expect(json(updated.items)[0]).toMatchObject({ success: true, id: report.id, ticket: { state: 'success' } });
		const published = await run(sandbox, { resource: 'statusReport', operation: 'publish', statusReportId: report.id });
		expect(json(published.items)[0]).toMatchObject({ isPublished: true, ticket: { counts: { modified: 1 } } });
		const refused = await run(sandbox, { resource: 'statusReport', operation: 'update', statusReportId: report.id, updateFields: { summary: 'again' } });
		expect(refused.error?.message).toMatch(/is published and cannot be modified/);
		const template = sandbox.state().statusReportTemplates[0];
		const fromTemplate = await run(sandbox, { resource: 'statusReport', operation: 'createFromTemplate', projectId: rl(String(project.id)), templateId: template.id });
		const draft = json(fromTemplate.items)[0];
		expect(draft).toMatchObject({ title: 'Monthly status', isPublished: false, projectId: project.id });
		const second = await run(sandbox, { resource: 'statusReport', operation: 'createFromTemplate', projectId: rl(String(project.id)), templateId: template.id });
		expect(second.error?.message).toMatch(/only one draft per project/);
		const deleted = await run(sandbox, { resource: 'statusReport', operation: 'delete', statusReportId: draft.id });
		expect(json(deleted.items)[0]).toMatchObject({ deleted: true });
	});
});

describe('tickets: wait off, get status, failed, success with errors, never finishing', () => {
	it('Wait for Completion off returns the ticket at once; Ticket → Get Status reads it', async () => {
		const projectId = String(activeProject().id);
		const r = await run(sandbox, { resource: 'task', operation: 'create', projectId: rl(projectId), title: 'Later', waitForCompletion: false });
		const out = json(r.items)[0];
		expect(out.ticket).toMatchObject({ state: 'pending', httpStatus: 202 });
		expect(sandbox.stats.byRoute['GET /skyisland/api/integration/status/json/:ticketId']).toBeUndefined();
		await new Promise((resolve) => setTimeout(resolve, 80));
		const status = await run(sandbox, { resource: 'ticket', operation: 'get', ticketId: (out.ticket as IDataObject).id, raw: true });
		expect(json(status.items)[0]).toMatchObject({ status: 'Success', statusId: 10, state: 'success', counts: { created: 1 }, raw: { endpoint: 'Task' } });
	});

	it('a failed ticket is an item error carrying smenso\'s messages (Continue On Fail keeps the ticket)', async () => {
		sandbox.config.ticketFault = { mode: 'fail', count: 1 };
		const r = await run(sandbox, { resource: 'task', operation: 'create', projectId: rl(String(activeProject().id)), title: 'Doomed' }, undefined, { continueOnFail: true });
		const out = json(r.items)[0];
		expect(out.error).toMatch(/aborted by the server/);
		expect(out.ticket).toMatchObject({ status: 'Failed', statusId: 30 });
	});

	it('"Success with Errors" succeeds and passes the unassigned messages on as warnings', async () => {
		sandbox.config.ticketFault = { mode: 'partial', count: 1 };
		const r = await run(sandbox, { resource: 'task', operation: 'create', projectId: rl(String(activeProject().id)), title: 'Mostly fine' });
		const out = json(r.items)[0];
		expect(out).toMatchObject({ title: 'Mostly fine', warnings: ['Some attributes could not be written (sandbox fault).'], ticket: { status: 'Success with Errors', state: 'partial' } });
	});

	it('a ticket that never finishes is an error naming the ticket id after Max Wait', async () => {
		sandbox.config.ticketFault = { mode: 'never', count: 1 };
		const started = Date.now();
		const r = await run(sandbox, { resource: 'task', operation: 'create', projectId: rl(String(activeProject().id)), title: 'Stuck', maxWait: 1 });
		expect(Date.now() - started).toBeLessThan(4000);
		expect(r.error?.message).toMatch(/smenso ticket [0-9a-f-]{36} was still processing after 1 s/);
		expect((r.error as unknown as { description: string }).description).toMatch(/Ticket → Get Status/);
	});

	it('a 429 with Retry-After is waited out', async () => {
		sandbox.addFault({ type: '429', retryAfter: 1, method: 'POST', path: 'task/json' });
		const r = await run(sandbox, { resource: 'task', operation: 'create', projectId: rl(String(activeProject().id)), title: 'After a pause' });
		expect(json(r.items)[0]).toMatchObject({ title: 'After a pause' });
		expect(sandbox.stats.rateLimited).toBe(1);
	});
});

describe('rate limits', () => {
	it('429 answered only with X-RateLimit-Reset is waited out too', async () => {
		sandbox.config.rateLimit = { limit: 2, windowMs: 1500 };
		sandbox.config.rateLimitHeader = 'reset';
		try {
			const r = await run(sandbox, { resource: 'project', operation: 'get', projectId: rl('={{ $json.id }}') }, sandbox.state().projects.slice(0, 4).map((p) => ({ id: p.id })));
			expect(r.error).toBeUndefined();
			expect(json(r.items).map((p) => p.id)).toEqual(sandbox.state().projects.slice(0, 4).map((p) => p.id));
			expect(sandbox.stats.rateLimited).toBeGreaterThan(0);
		} finally {
			sandbox.config.rateLimit = { limit: 1000, windowMs: 60000 };
			sandbox.config.rateLimitHeader = 'retry-after';
		}
	});
});

describe('batching', () => {
	it('Batch Size caps the records per request', async () => {
		const projectId = String(activeProject().id);
		const r = await run(sandbox, { resource: 'task', operation: 'create', projectId: rl(projectId), title: '={{ $json.title }}', options: { batchSize: 2 } }, ['a', 'b', 'c', 'd', 'e'].map((title) => ({ title })));
		expect(json(r.items).map((t) => t.title)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(sandbox.counters.ticketsCreated).toBe(3);
	});

	it('500 items → one request, one ticket, 500 paired outputs with their own outcomes', async () => {
		const members = sandbox.state().members;
		const existing = sandbox.state().absences[0];
		const input = Array.from({ length: 500 }, (_, n) => ({
			user: members[n % 6].email,
			start: `2030-${String(1 + Math.floor(n / 84)).padStart(2, '0')}-${String(1 + ((n % 84) % 28)).padStart(2, '0')}`,
			ext: `hr-${n}`,
		}));
		// Two records that smenso will refuse: one overlaps a seeded absence, one has an unknown type.
		input[7] = { user: String(existing.userId), start: String(existing.startDate), ext: 'hr-7' };
		const params = {
			resource: 'absence',
			operation: 'create',
			userId: rl('={{ $json.user }}', 'email'),
			absenceTypeId: '={{ $json.ext === "hr-300" ? "Nonsense" : "Sick leave" }}',
			startDate: '={{ $json.start }}',
			endDate: '={{ $json.start }}',
			additionalFields: { externalId: '={{ $json.ext }}' },
		};
		const r = await run(sandbox, params, input, { continueOnFail: true });
		const out = json(r.items);
		expect(out).toHaveLength(500);
		expect(sandbox.stats.byRoute['POST /skyisland/api/integration/absence/json']).toBe(1);
		expect(sandbox.counters.ticketsCreated).toBe(1);
		expect(sandbox.counters.recordsReceived).toBe(500);
		r.items[0].forEach((item, n) => expect(item.pairedItem).toEqual({ item: n }));
		expect(out[7].error).toMatch(/overlaps/);
		expect(out[300].error).toMatch(/Absence type 'Nonsense' does not exist/);
		const ok = out.filter((o) => !o.error);
		expect(ok).toHaveLength(498);
		expect(out[8]).toMatchObject({ externalId: 'hr-8', ticket: { state: 'partial', batchSize: 500, recordIndex: 8 } });
		expect(typeof out[8].id).toBe('string');
		// One read-back for all 498, not one per item.
		expect(sandbox.stats.byRoute['GET /skyisland/api/integration/absence/json']).toBe(1);
	});

	it('items for different projects go out as one request per project', async () => {
		const [p1, p2] = sandbox.state().projects;
		const input = [p1, p2, p1, p2, p1].map((p, n) => ({ projectId: p.id, title: `T${n}` }));
		const r = await run(sandbox, { resource: 'task', operation: 'create', projectId: rl('={{ $json.projectId }}'), title: '={{ $json.title }}' }, input);
		expect(json(r.items).map((t) => [t.title, t.projectId])).toEqual(input.map((i) => [i.title, i.projectId]));
		expect(sandbox.stats.byRoute['POST /skyisland/api/integration/task/json']).toBe(2);
	});

	it('a batch rejected with 400 gives each named record its message and resends the others once', async () => {
		const projectId = String(activeProject().id);
		sandbox.addFault({ type: 'status', status: 400, method: 'POST', path: 'task/json', body: { errors: ['task[1]: Title is too long'] } });
		const r = await run(sandbox, { resource: 'task', operation: 'create', projectId: rl(projectId), title: '={{ $json.title }}' }, [{ title: 'a' }, { title: 'b' }, { title: 'c' }], { continueOnFail: true });
		const out = json(r.items);
		expect(out[1].error).toBe('Title is too long');
		expect(out[0]).toMatchObject({ title: 'a' });
		expect(out[2]).toMatchObject({ title: 'c' });
		// The rejected request (400, nothing saved) and the resend of the two others (one ticket).
		expect(sandbox.stats.byRoute['POST /skyisland/api/integration/task/json']).toBe(2);
		expect(sandbox.stats.byStatus['400']).toBe(1);
		expect(sandbox.counters.ticketsCreated).toBe(1);
		expect(sandbox.counters.recordsReceived).toBe(2);
	});
});

describe('bad input: clear errors, nothing sent', () => {
	const cases: Array<[string, IDataObject, RegExp]> = [
		['bad project GUID', { resource: 'task', operation: 'create', projectId: rl('12345'), title: 'x' }, /^Project: must be a GUID .* got "12345" \(item 0\)/],
		['missing title', { resource: 'task', operation: 'create', projectId: rl('8b9e89f2-8196-49a1-8f12-53c58fd5c632'), title: '  ' }, /^Title: is required \(item 0\)/],
		['end before start (task)', { resource: 'task', operation: 'create', projectId: rl('8b9e89f2-8196-49a1-8f12-53c58fd5c632'), title: 'x', additionalFields: { startDate: '2026-03-05T10:00:00', endDate: '2026-03-01T10:00:00' } }, /^End Date: must not be before Start Date/],
		['end before start (absence)', { resource: 'absence', operation: 'create', userId: rl('anna.schmidt@example.com', 'email'), absenceTypeId: 'Vacation', startDate: '2027-01-10', endDate: '2027-01-02' }, /^End Date: must not be before Start Date/],
		['bad member', { resource: 'absence', operation: 'create', userId: rl('anna'), absenceTypeId: 'Vacation', startDate: '2027-01-10', endDate: '2027-01-12' }, /^Member: must be a GUID/],
		['bad date', { resource: 'timeRecord', operation: 'create', projectId: rl('8b9e89f2-8196-49a1-8f12-53c58fd5c632'), taskId: rl('8b9e89f2-8196-49a1-8f12-53c58fd5c632'), userId: rl('anna.schmidt@example.com', 'email'), date: '31.02.2026', duration: 30 }, /^Date: must be a date/],
		['bad ticket id', { resource: 'ticket', operation: 'get', ticketId: 'abc' }, /^Ticket ID: must be a GUID/],
		['bad absence id', { resource: 'absence', operation: 'approve', absenceId: 'abc' }, /^Absence ID: must be a GUID/],
	];
	it.each(cases)('%s', async (_name, parameters, message) => {
		const before = sandbox.stats.requests;
		const r = await run(sandbox, parameters);
		expect(r.error?.message).toMatch(message);
		expect(sandbox.stats.requests).toBe(before);
	});

	it('one bad item among many: nothing is sent at all (without Continue On Fail)', async () => {
		const projectId = String(activeProject().id);
		const r = await run(sandbox, { resource: 'task', operation: 'create', projectId: rl(projectId), title: '={{ $json.title }}' }, [{ title: 'a' }, { title: 'b' }, { title: '' }, { title: 'd' }]);
		expect(r.error?.message).toBe('Title: is required (item 2)');
		expect(writesSent(sandbox)).toBe(0);
	});

	it('with Continue On Fail the bad item gets its error and the others are sent in one batch', async () => {
		const projectId = String(activeProject().id);
		const r = await run(sandbox, { resource: 'task', operation: 'create', projectId: rl(projectId), title: '={{ $json.title }}' }, [{ title: 'a' }, { title: '' }, { title: 'c' }], { continueOnFail: true });
		const out = json(r.items);
		expect(out[1]).toEqual({ error: 'Title: is required (item 1)' });
		expect(out[0].title).toBe('a');
		expect(out[2].title).toBe('c');
		expect(sandbox.counters.ticketsCreated).toBe(1);
		expect(r.items[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('reporting API', () => {
	it('JSON rows with limit, one project, tasks, time records, absences', async () => {
		const projects = await run(sandbox, { resource: 'report', operation: 'getProjects', limit: 3 });
		expect(json(projects.items)).toHaveLength(3);
		const view = sandbox.state().views[0];
		const viewed = await run(sandbox, { resource: 'report', operation: 'getProjects', returnAll: true, view: view.id });
		expect(json(viewed.items)).toHaveLength(5);
		const one = await run(sandbox, { resource: 'report', operation: 'getProject', projectId: rl(String(activeProject().id)) });
		expect(json(one.items)[0]).toMatchObject({ ProjectId: activeProject().id });
		const tasks = await run(sandbox, { resource: 'report', operation: 'getTasks', projectId: rl(String(activeProject().id)), returnAll: true });
		expect(json(tasks.items)).toHaveLength(6);
		const times = await run(sandbox, { resource: 'report', operation: 'getTimeRecords', returnAll: true });
		expect(json(times.items)).toHaveLength(24);
		const absences = await run(sandbox, { resource: 'report', operation: 'getAbsences', returnAll: true });
		expect(json(absences.items)).toHaveLength(6);
	});

	it('CSV becomes one item with binary data', async () => {
		const r = await run(sandbox, { resource: 'report', operation: 'getTimeRecords', format: 'CSV', binaryPropertyName: 'report' });
		const item = r.items[0][0];
		expect(item.json).toEqual({ fileName: 'smenso-timerecords.csv', rows: 24 });
		expect(item.binary?.report).toMatchObject({ mimeType: 'text/csv', fileName: 'smenso-timerecords.csv' });
	});
});

describe('lookups', () => {
	it('projects, templates, members, absence types, time zones; searchable lists', async () => {
		const projects = (await loadOptions(sandbox, 'loadOptions', 'getProjects')) as Array<{ name: string }>;
		expect(projects).toHaveLength(5);
		expect(projects.some((p) => p.name.endsWith('(archived)'))).toBe(true);
		const templates = (await loadOptions(sandbox, 'loadOptions', 'getProjectTemplates')) as unknown[];
		expect(templates).toHaveLength(1);
		const members = (await loadOptions(sandbox, 'loadOptions', 'getMembers')) as Array<{ name: string }>;
		expect(members[0].name).toMatch(/^Anna Schmidt \(anna\.schmidt@example\.com\)$/);
		const types = (await loadOptions(sandbox, 'loadOptions', 'getAbsenceTypes')) as Array<{ name: string; description?: string }>;
		expect(types.map((t) => t.name)).toEqual(['Parental leave', 'Sick leave', 'Training', 'Vacation']);
		const zones = (await loadOptions(sandbox, 'loadOptions', 'getTimezones')) as Array<{ value: string }>;
		expect(zones.map((z) => z.value)).toContain('Europe/Berlin');
		const search = (await loadOptions(sandbox, 'listSearch', 'searchProjects', {}, 'data')) as { results: Array<{ name: string }> };
		expect(search.results.map((r) => r.name)).toEqual(['Data Warehouse (P-1003)']);
		const tasks = (await loadOptions(sandbox, 'listSearch', 'searchTasks', { resource: 'task', operation: 'get', projectId: rl(String(activeProject().id)) }, 'design')) as { results: unknown[] };
		expect(tasks.results).toHaveLength(1);
		const people = (await loadOptions(sandbox, 'listSearch', 'searchMembers', {}, 'weber')) as { results: Array<{ value: string }> };
		expect(people.results).toEqual([expect.objectContaining({ value: sandbox.state().members[2].id })]);
	});
});
