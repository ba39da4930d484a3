/** smenso sandbox: happy paths per endpoint family (every route in sandbox/smenso/ROUTES.md). */
import { accepted, type Any, call, startSandbox, WTZ } from './smenso.helpers';

// The rich ticket shape: its counts show what each endpoint applied (the default shape has none on success).
const ctx = startSandbox({ ticketShape: 'rich' });
const s = () => ctx.sandbox;
const st = () => s().state();
const project = () => st().projects[0];
const tasksOf = (id: string) => st().tasks.filter((t: Any) => t.projectId === id);
const get = async (path: string) => {
	const r = await call(s(), 'GET', path);
	if (r.status !== 200) throw new Error(`GET ${path} → ${r.status} ${r.text}`);
	return r.json;
};
const ok = (ticket: Any) =>
	expect(ticket).toMatchObject({ status: 'Success', statusId: 10, messages: [] });
/** Routes answered with 2xx across this file (stats are reset before each test, so collect after each). */
const covered = new Set<string>();
afterEach(() => {
	for (const entry of s().stats.log)
		if (entry.status >= 200 && entry.status < 300) covered.add(`${entry.method} ${entry.path}`);
});

it('serves 99 JSON/Reporting routes plus 10 XML routes that answer 501 (not simulated)', async () => {
	expect(s().routes).toHaveLength(109);
	const r = await call(s(), 'POST', 'Integration/project', '<Project/>', {
		'Content-Type': 'application/xml',
	});
	expect(r.status).toBe(501);
	expect(r.headers.get('x-smenso-sandbox')).toBe('xml-not-simulated');
});

describe('projects', () => {
	it('list (with projectIds), get; dates dd.MM.yyyy; flavors as {id, name, type, value}', async () => {
		expect(await get('integration/timezones/json')).toContain('Europe/Berlin');
		const all = await get('integration/project/json');
		expect(all).toHaveLength(6);
		const two = await get(
			`integration/project/json?projectIds=${all[0].id},${all[1].id}&timezone=${encodeURIComponent(WTZ)}&lang=de-DE`,
		);
		expect(two.map((p: Any) => p.id)).toEqual([all[0].id, all[1].id]);
		const one = await get(`integration/project/json/${project().id}`);
		expect(one).toMatchObject({
			title: 'ERP Rollout',
			startDate: '05.01.2026',
			phaseId: 101,
			phase: 'Initiation',
			typeId: 201,
		});
		expect(one.flavors).toEqual(
			expect.arrayContaining([
				{ id: expect.any(String), name: 'Risk score', type: 'number', value: 3 },
				expect.objectContaining({ name: 'Go-live date', value: '04.07.2026' }),
			]),
		);
	});

	it('create (envelope, Windows timezoneId, phaseId/typeId numbers or names, flavor values) and update', async () => {
		ok(
			await accepted(s(), 'POST', 'integration/project/json', {
				timezoneId: WTZ,
				noFeed: true,
				project: [
					{
						title: 'API project',
						phaseId: 102,
						typeId: 'Internal project',
						startDate: '01.03.2026',
						endDate: '2026-09-30',
						budget: 1000,
						currency: 'CHF',
						projectManager: 'ben.meyer@example.com',
						externalId: 'crm-1',
						tempId: 'r1',
						flavor: [
							{ target: 'Risk score', value: 7 },
							{ target: 'Go-live date', value: 1726790400000 },
						],
					},
				],
			}),
		);
		const created = st().projects.find((p: Any) => p.externalId === 'crm-1');
		expect(created).toMatchObject({
			phaseId: 102,
			typeId: 202,
			startDate: '2026-03-01',
			endDate: '2026-09-30',
			currency: 'CHF',
			projectManager: st().members[1].id,
		});
		ok(
			await accepted(s(), 'PUT', 'integration/project/json', {
				timezoneId: WTZ,
				project: [{ id: created.id, useExternalId: false, title: 'API project 2', goal: 'g' }],
			}),
		);
		expect(created.title).toBe('API project 2');
	});

	it('archive / unarchive (N-new paths) and the N-old archive path', async () => {
		const id = project().id;
		ok(await accepted(s(), 'POST', `integration/project/json/archive/${id}`));
		expect(project().isArchived).toBe(true);
		ok(await accepted(s(), 'POST', `integration/project/json/unarchive/${id}`));
		expect(project().isArchived).toBe(false);
		ok(await accepted(s(), 'POST', `integration/project/json/${id}/archive`));
		expect(project().isArchived).toBe(true);
	});

	it('create from template with options; update master data from template; delete', async () => {
		const template = st().projects.find((p: Any) => p.isTemplate);
		ok(
			await accepted(s(), 'POST', `integration/project/json/${template.id}`, {
				title: 'From template',
				folder: 'Planning',
				projectType: 'Customer project',
				isPrivate: false,
				startDate: '2026-06-01',
				statusId: 0,
				code: 'TPL-1',
				options: {
					tasks: true,
					flavors: false,
					budget: true,
					description: true,
					manager: true,
					permissions: true,
					adjustTaskDates: true,
				},
			}),
		);
		const created = st().projects.find((p: Any) => p.title === 'From template');
		expect(tasksOf(created.id)).toHaveLength(6);
		expect(created.flavors).toEqual({});
		expect(tasksOf(created.id)[0].startDate).toBe('2026-06-01');
		const target = st().projects[1];
		target.budget = 1;
		ok(
			await accepted(s(), 'PUT', `integration/project/json/${template.id}`, {
				projectId: target.id,
				overwriteValues: true,
				budget: true,
				flavors: true,
				startDate: false,
			}),
		);
		expect(target.budget).toBe(template.budget);
		ok(await accepted(s(), 'DELETE', `integration/project/json/${created.id}`));
		expect(st().projects.some((p: Any) => p.id === created.id)).toBe(false);
	});
});

describe('tasks', () => {
	it('list on both paths (N-new /{projectId}, N-old ?projectId=); tree on both paths', async () => {
		const id = project().id;
		const a = await get(`integration/task/json/${id}`);
		const b = await get(`integration/task/json?projectId=${id}`);
		expect(a).toHaveLength(6);
		expect(b).toEqual(a);
		expect(a[0]).toMatchObject({
			title: 'Kick-off',
			plannedDuration: 480,
			dueDate: '11.01.2026',
			status: 'Done',
			folder: 'Preparation',
		});
		const parent = a[2];
		const treeNew = await get(`integration/task/json/${id}/${parent.id}`);
		const treeOld = await get(`integration/task/json/${parent.id}/tree`);
		expect(treeNew.children.map((c: Any) => c.title)).toEqual(['Build']);
		expect(treeOld).toEqual(treeNew);
	});

	it('create with minutes, dueDate, folder and flavors; update; delete', async () => {
		const id = project().id;
		ok(
			await accepted(s(), 'POST', 'integration/task/json', {
				timezoneId: WTZ,
				noFeed: false,
				projectId: id,
				task: [
					{
						title: 'Effort task',
						plannedDuration: 150,
						duration: 30,
						startDate: '2026-04-01',
						dueDate: '03.04.2026',
						priority: 4,
						statusId: 2,
						responsibleUserId: 'clara.weber@example.com',
						folder: 'Delivery',
						isMilestone: false,
						externalId: 'jira-7',
						tempId: 'x',
						flavor: [
							{ target: 'Skills', value: 'SAP,Java' },
							{ target: 'Billable', value: true },
						],
					},
				],
			}),
		);
		const t = st().tasks.find((x: Any) => x.externalId === 'jira-7');
		expect(t).toMatchObject({ plannedDuration: 150, dueDate: '2026-04-03', priority: 4 });
		expect(Object.values(t.flavors)).toEqual(expect.arrayContaining([['SAP', 'Java'], true]));
		ok(
			await accepted(s(), 'PUT', 'integration/task/json', {
				timezoneId: WTZ,
				task: [{ id: t.id, plannedDuration: 2400 }],
			}),
		);
		expect(t.plannedDuration).toBe(2400);
		ok(await accepted(s(), 'DELETE', `integration/task/json/${t.id}`));
		expect(st().tasks.some((x: Any) => x.id === t.id)).toBe(false);
	});

	it('create from a task template (subtasks included)', async () => {
		const template = st().taskTemplates[0];
		const ticket = await accepted(s(), 'POST', `integration/task/json/${template.id}`, {
			projectId: project().id,
			title: null,
			overrideStatus: false,
			overridePriority: false,
			overrideWorkflow: false,
		});
		expect(ticket.Task.created).toBe(4);
		expect(tasksOf(project().id).some((t: Any) => t.title === 'Quality gate')).toBe(true);
	});

	it('dependencies: add (bare array) and remove (taskIds query in any common form)', async () => {
		const [t0, , t2, , t4] = tasksOf(project().id);
		const add = await call(s(), 'PATCH', `integration/task/json/${t4.id}/dependencies`, [
			{ taskId: t0.id, type: 'SS', lag: 2 },
			{ taskId: t2.id, type: 'FF', lag: 0 },
		]);
		expect(add.status).toBe(200);
		expect(add.json.dependencies).toEqual(
			expect.arrayContaining([{ taskId: t0.id, type: 'SS', lag: 2 }]),
		);
		const del = await call(
			s(),
			'DELETE',
			`integration/task/json/${t4.id}/dependencies?taskIds[0]=${t0.id}&taskIds[1]=${t2.id}`,
		);
		expect(del.status).toBe(200);
		expect(del.json.dependencies.map((d: Any) => d.taskId)).not.toContain(t0.id);
		await call(s(), 'PATCH', `integration/task/json/${t4.id}/dependencies`, [{ taskId: t0.id }]);
		expect(
			(await call(s(), 'DELETE', `integration/task/json/${t4.id}/dependencies?taskIds=${t0.id}`))
				.status,
		).toBe(200);
	});
});

describe('time records', () => {
	it('list; create by duration and by start+end (duration computed); update; delete', async () => {
		const p = st().projects[1];
		const task = tasksOf(p.id)[0];
		expect((await get(`integration/timerecord/json/${p.id}`)).length).toBeGreaterThan(0);
		ok(
			await accepted(s(), 'POST', 'integration/timerecord/json', {
				timezoneId: WTZ,
				projectId: p.id,
				timeRecord: [
					{
						taskId: task.id,
						userId: 'anna.schmidt@example.com',
						date: '2026-05-04',
						duration: 90,
						statusId: 0,
						externalId: 'tr-1',
						flavor: [{ target: 'Billable', value: false }],
					},
					{
						taskId: task.id,
						userId: st().members[2].id,
						date: '2026-05-05',
						startDate: '2026-05-05T08:00',
						endDate: '2026-05-05T10:15',
						externalId: 'tr-2',
					},
				],
			}),
		);
		const tr2 = st().timeRecords.find((t: Any) => t.externalId === 'tr-2');
		expect(tr2.duration).toBe(135);
		const list = await get(`integration/timerecord/json/${p.id}`);
		expect(list.find((t: Any) => t.externalId === 'tr-2')).toMatchObject({
			date: '05.05.2026',
			startDate: '05.05.2026 08:00:00',
		});
		ok(
			await accepted(s(), 'PUT', 'integration/timerecord/json', {
				timezoneId: WTZ,
				projectId: p.id,
				timeRecord: [{ id: 'tr-1', useExternalId: true, duration: 60, locked: true }],
			}),
		);
		expect(st().timeRecords.find((t: Any) => t.externalId === 'tr-1').duration).toBe(60);
		ok(await accepted(s(), 'DELETE', `integration/timerecord/json/${tr2.id}`));
	});
});

describe('absences', () => {
	it('list (filter by user e-mail); create a half day by minutes; update; delete', async () => {
		const m = st().members[7];
		ok(
			await accepted(s(), 'POST', 'integration/absence/json', {
				timezoneId: WTZ,
				absence: [
					{
						userId: m.email,
						absenceTypeId: 'Vacation',
						startDate: '14.09.2027',
						endDate: '15.09.2027',
						startDateMinutes: 240,
						endDateMinutes: 480,
						comment: 'half a day first',
						locked: false,
						externalId: 'hr-9',
					},
				],
			}),
		);
		const list = await get(`integration/absence/json?userId=${encodeURIComponent(m.email)}`);
		expect(list).toEqual([
			expect.objectContaining({
				startDate: '14.09.2027',
				startDateMinutes: 240,
				status: 'submitted',
				absenceType: 'Vacation',
			}),
		]);
		ok(
			await accepted(s(), 'PUT', 'integration/absence/json', {
				timezoneId: WTZ,
				absence: [{ id: list[0].id, status: 'approved' }],
			}),
		);
		expect((await get(`integration/absence/json?userId=${m.id}`))[0].status).toBe('approved');
		ok(await accepted(s(), 'DELETE', `integration/absence/json/${list[0].id}`));
	});
});

describe('status reports', () => {
	it('create (projectId top level, N) and (projectId in the record, P10); publish; delete', async () => {
		const p = st().projects[1];
		ok(
			await accepted(s(), 'POST', 'integration/statusreport/json', {
				timezoneId: WTZ,
				noFeed: true,
				projectId: p.id,
				statusReport: [
					{
						title: 'March',
						statusDate: '2026-03-31',
						overallStatusId: 3,
						timeStatusId: 2,
						costStatusId: 1,
						goalStatusId: 1,
						explanation: '<p>late</p>',
						nextSteps: 'escalate',
						targetDate: '2026-04-30',
						progressManual: 35,
						isPublished: true,
						externalId: 'sr-1',
						flavor: [{ target: 'Risk score', value: 9 }],
					},
				],
			}),
		);
		ok(
			await accepted(s(), 'POST', 'integration/statusreport/json', {
				timezoneId: WTZ,
				statusReport: [{ projectId: p.id, title: 'April draft', statusDate: '2026-04-30' }],
			}),
		);
		const draft = st().statusReports.find((r: Any) => r.title === 'April draft');
		ok(
			await accepted(s(), 'PUT', 'integration/statusreport/json', {
				timezoneId: WTZ,
				projectId: p.id,
				statusReport: [{ id: draft.id, isPublished: true }],
			}),
		);
		expect(draft.isPublished).toBe(true);
		expect(draft.publicationDate).toMatch(/^\d{4}-/);
		ok(await accepted(s(), 'DELETE', `integration/statusreport/json/${draft.id}`));
	});

	it('create from template on both paths (P10 and N-new)', async () => {
		const template = st().statusReportTemplates[0];
		ok(
			await accepted(s(), 'POST', `integration/template/statusreport/create/json/${template.id}`, {
				projectId: st().projects[1].id,
			}),
		);
		ok(
			await accepted(s(), 'POST', `integration/statusreport/json/${template.id}`, {
				projectId: st().projects[2].id,
				title: 'From template',
				progressManual: 10,
			}),
		);
		expect(
			st().statusReports.filter(
				(r: Any) => r.title === 'Monthly status' || r.title === 'From template',
			),
		).toHaveLength(2);
	});
});

describe('comments', () => {
	it('task comments: list, get, create, update, delete', async () => {
		const task = tasksOf(project().id)[0];
		const list = await get(`integration/comment/task/json/${task.id}`);
		expect(list).toHaveLength(2);
		expect(list[0]).toMatchObject({
			text: expect.any(String),
			author: 'Anna Schmidt',
			created: '06.01.2026 09:12:00',
		});
		expect(await get(`integration/comment/json/${list[0].id}`)).toEqual(list[0]);
		ok(
			await accepted(s(), 'POST', 'integration/comment/task/json', {
				comment: [{ taskId: task.id, text: 'From the API', isInternal: true, tempId: null }],
			}),
		);
		const created = (await get(`integration/comment/task/json/${task.id}`)).find(
			(c: Any) => c.text === 'From the API',
		);
		expect(created.isInternal).toBe(true);
		ok(
			await accepted(s(), 'PUT', 'integration/comment/task/json', {
				comment: [{ id: created.id, text: 'Edited', isInternal: false }],
			}),
		);
		expect((await get(`integration/comment/json/${created.id}`)).text).toBe('Edited');
		ok(await accepted(s(), 'DELETE', `integration/comment/json/${created.id}`));
	});

	it('status-report comments: list, create, update', async () => {
		const report = st().statusReports[0];
		expect(await get(`integration/comment/statusreport/json/${report.id}`)).toHaveLength(1);
		ok(
			await accepted(s(), 'POST', 'integration/comment/statusreport/json', {
				comment: [{ statusReportId: report.id, text: 'Noted', isInternal: false }],
			}),
		);
		const c = (await get(`integration/comment/statusreport/json/${report.id}`))[1];
		ok(
			await accepted(s(), 'PUT', 'integration/comment/statusreport/json', {
				comment: [{ id: c.id, text: 'Noted twice' }],
			}),
		);
	});
});

describe('folders', () => {
	it('list, create, update, delete (plural path)', async () => {
		const id = project().id;
		expect((await get(`integration/folders/json/${id}`)).map((f: Any) => f.name)).toEqual([
			'Preparation',
			'Delivery',
		]);
		ok(
			await accepted(s(), 'POST', 'integration/folders/json', {
				timezoneId: WTZ,
				projectId: id,
				folder: [
					{
						name: 'Hypercare',
						priority: 'highest',
						startDate: '2026-07-01',
						endDate: '2026-07-31',
						color: '#FF0000',
						privateNewTasks: true,
						taskTemplateId: st().taskTemplates[0].id,
						tempId: null,
					},
				],
			}),
		);
		const f = st().folders.find((x: Any) => x.name === 'Hypercare');
		ok(
			await accepted(s(), 'PUT', 'integration/folders/json', {
				timezoneId: WTZ,
				projectId: id,
				folder: [{ id: f.id, noNewTasksAllowed: true }],
			}),
		);
		expect(f.noNewTasksAllowed).toBe(true);
		ok(await accepted(s(), 'DELETE', `integration/folders/json/${id}/${f.id}`));
	});
});

describe('attachments', () => {
	it('list by project (projectOnly), task and status report', async () => {
		const id = project().id;
		expect(await get(`integration/attachment/project/json/${id}`)).toHaveLength(6);
		expect(await get(`integration/attachment/project/json/${id}?projectOnly=false`)).toHaveLength(
			3,
		);
		expect(await get(`integration/attachment/task/json/${tasksOf(id)[0].id}`)).toEqual([
			expect.objectContaining({ fileName: 'kickoff-minutes.txt', kind: 'upload' }),
		]);
		expect(
			await get(`integration/attachment/statusreport/json/${st().statusReports[0].id}`),
		).toHaveLength(1);
	});

	it('upload (multipart, real bytes) → download the same bytes → delete', async () => {
		const task = tasksOf(project().id)[1];
		const bytes = Buffer.from([0, 1, 2, 250, 255, 13, 10, 45, 45]);
		const form = new FormData();
		form.append('file', new Blob([bytes], { type: 'application/x-test' }), 'data.bin');
		const up = await call(s(), 'POST', `integration/attachment/task/json/${task.id}`, form);
		expect(up.status).toBe(200);
		expect(up.json).toEqual([
			expect.objectContaining({
				fileName: 'data.bin',
				size: 9,
				contentType: 'application/x-test',
				taskId: task.id,
				projectId: project().id,
			}),
		]);
		const down = await call(s(), 'GET', `integration/attachment/json/${up.json[0].id}`);
		expect(down.status).toBe(200);
		expect(down.bytes.equals(bytes)).toBe(true);
		expect(down.headers.get('content-type')).toBe('application/x-test');
		expect(down.headers.get('content-disposition')).toMatch(/filename="data.bin"/);
		expect(
			(await call(s(), 'DELETE', `integration/attachment/json/${up.json[0].id}`)).json,
		).toEqual({ id: up.json[0].id, deleted: true });
		expect((await call(s(), 'GET', `integration/attachment/json/${up.json[0].id}`)).status).toBe(
			404,
		);
	});

	it('seeded files download as real bytes (a PDF); a SharePoint link has no bytes (400)', async () => {
		const pdf = st().attachments.find((a: Any) => a.fileName === 'Project charter.pdf');
		const r = await call(s(), 'GET', `integration/attachment/json/${pdf.id}`);
		expect(r.bytes.subarray(0, 5).toString()).toBe('%PDF-');
		const link = st().attachments.find((a: Any) => a.kind === 'link');
		expect((await call(s(), 'GET', `integration/attachment/json/${link.id}`)).status).toBe(400);
	});

	it('upload to a project and to a status report', async () => {
		for (const path of [
			`project/json/${project().id}`,
			`statusreport/json/${st().statusReports[0].id}`,
		]) {
			const form = new FormData();
			form.append('file', new Blob(['hello']), 'hello.txt');
			expect((await call(s(), 'POST', `integration/attachment/${path}`, form)).status).toBe(200);
		}
	});
});

describe('flavors, permissions, members', () => {
	it('flavors: list and delete (values disappear from records)', async () => {
		const list = await get('integration/flavor/json');
		expect(list.map((f: Any) => f.type)).toEqual(
			expect.arrayContaining([
				'text',
				'number',
				'date',
				'singleSelect',
				'multiSelect',
				'boolean',
				'formula',
			]),
		);
		const risk = list.find((f: Any) => f.name === 'Risk score');
		expect((await call(s(), 'DELETE', `integration/flavor/json/${risk.id}`)).status).toBe(200);
		expect(project().flavors[risk.id]).toBeUndefined();
	});

	it('project permissions: get, set/delete access, set/delete privacy', async () => {
		const id = project().id;
		expect(await get(`integration/permissions/project/json/${id}`)).toMatchObject({
			projectId: id,
			isPrivate: false,
			access: { teams: [expect.objectContaining({ name: 'Development' })] },
		});
		const set = await call(s(), 'POST', `integration/permissions/project/access/json/${id}`, {
			add: { users: 'ben.meyer@example.com,clara.weber@example.com', teams: 'Consulting' },
			remove: { teams: 'Development' },
		});
		expect(set.json.access.users.map((u: Any) => u.email)).toEqual([
			'ben.meyer@example.com',
			'clara.weber@example.com',
		]);
		expect(set.json.access.teams.map((t: Any) => t.name)).toEqual(['Consulting']);
		expect(
			(await call(s(), 'DELETE', `integration/permissions/project/access/json/${id}`)).json.access,
		).toEqual({ users: [], teams: [] });
		expect(
			(
				await call(s(), 'POST', `integration/permissions/project/private/json/${id}`, {
					add: { users: 'anna.schmidt@example.com' },
				})
			).json.isPrivate,
		).toBe(true);
		expect(
			(await call(s(), 'DELETE', `integration/permissions/project/private/json/${id}`)).json
				.isPrivate,
		).toBe(false);
	});

	it('task permissions: get, access with includeSubtasks, privacy', async () => {
		const tasks = tasksOf(project().id);
		expect((await get(`integration/permissions/task/json/${tasks[1].id}`)).isPrivate).toBe(true);
		await call(s(), 'POST', `integration/permissions/task/access/json/${tasks[3].id}`, {
			add: { teams: 'Management' },
		});
		await call(s(), 'POST', `integration/permissions/task/access/json/${tasks[2].id}`, {
			add: { users: 'eva.wagner@example.com' },
		});
		await call(
			s(),
			'DELETE',
			`integration/permissions/task/access/json/${tasks[2].id}?includeSubtasks=true`,
		);
		expect((await get(`integration/permissions/task/json/${tasks[3].id}`)).access.teams).toEqual(
			[],
		);
		expect(
			(
				await call(s(), 'POST', `integration/permissions/task/private/json/${tasks[0].id}`, {
					add: { users: 'anna.schmidt@example.com' },
				})
			).status,
		).toBe(200);
		expect(
			(await call(s(), 'DELETE', `integration/permissions/task/private/json/${tasks[1].id}`)).json
				.isPrivate,
		).toBe(false);
	});

	it('members: get; update person flavors (by e-mail)', async () => {
		const members = await get('integration/settings/member/json');
		expect(members[0]).toMatchObject({
			email: 'anna.schmidt@example.com',
			role: 'admin',
			teams: expect.any(Array),
			flavors: expect.any(Array),
		});
		ok(
			await accepted(s(), 'PUT', 'integration/settings/member/json', {
				timezoneId: WTZ,
				member: [
					{
						id: 'ben.meyer@example.com',
						flavor: [
							{ target: 'Cost centre', value: 'CC-100 Sales' },
							{ target: 'Skills', value: ['Design'] },
						],
					},
				],
			}),
		);
		const ben = (await get('integration/settings/member/json'))[1];
		expect(ben.flavors).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ name: 'Cost centre', value: 'CC-100 Sales' }),
				expect.objectContaining({ name: 'Skills', value: ['Design'] }),
			]),
		);
	});
});

describe('absence types, working times, invitations', () => {
	it('absence types: list (plural path), get, create, update, delete', async () => {
		expect(await get('integration/settings/absencetypes/json')).toHaveLength(4);
		ok(
			await accepted(s(), 'POST', 'integration/settings/absencetype/json', {
				absenceType: [
					{
						title: 'Sabbatical',
						type: 'limited',
						isApprovalNecessary: true,
						includeInHolidaysOverview: true,
						yearlyBudget: 20,
						recommendedApprovers: 'anna.schmidt@example.com,ben.meyer@example.com',
						externalId: 'hr-sab',
						tempId: null,
					},
				],
			}),
		);
		const t = st().absenceTypes.find((x: Any) => x.title === 'Sabbatical');
		expect(await get(`integration/settings/absencetype/json/${t.id}`)).toMatchObject({
			title: 'Sabbatical',
			yearlyBudget: 20,
		});
		ok(
			await accepted(s(), 'PUT', 'integration/settings/absencetype/json', {
				absenceType: [{ id: 'hr-sab', useExternalId: true, yearlyBudget: 25 }],
			}),
		);
		expect(t.yearlyBudget).toBe(25);
		ok(await accepted(s(), 'DELETE', `integration/settings/absencetype/json/${t.id}`));
	});

	it('working times: list all, per user (id or e-mail), create, update, delete', async () => {
		expect(await get('integration/settings/member/workingtime/json')).toHaveLength(8);
		const eva = await get('integration/settings/member/workingtime/json/eva.wagner@example.com');
		expect(eva[0]).toMatchObject({ fridayCapacity: 240, startDate: '01.01.2025' });
		ok(
			await accepted(s(), 'POST', 'integration/settings/member/workingtime/json', {
				timezoneId: WTZ,
				memberWorkingTime: [
					{
						userId: 'eva.wagner@example.com',
						startDate: '2027-01-01',
						mondayCapacity: 240,
						tuesdayCapacity: 240,
						wednesdayCapacity: 240,
						thursdayCapacity: 240,
						fridayCapacity: 240,
						saturdayCapacity: 0,
						sundayCapacity: 0,
						tempId: null,
					},
				],
			}),
		);
		const w = st().workingTimes.find((x: Any) => x.startDate === '2027-01-01');
		ok(
			await accepted(s(), 'PUT', 'integration/settings/member/workingtime/json', {
				timezoneId: WTZ,
				memberWorkingTime: [{ id: w.id, useExternalId: false, fridayCapacity: 0 }],
			}),
		);
		expect(w.fridayCapacity).toBe(0);
		ok(await accepted(s(), 'DELETE', `integration/settings/member/workingtime/json/${w.id}`));
	});

	it('invitations: members and guests (sync answer)', async () => {
		const m = await call(s(), 'POST', 'integration/workspace/invite/members/json', {
			invites: [{ email: 'new.one@example.com', role: 'restricted-member', locale: 'en' }],
		});
		expect(m.json).toEqual({
			invites: [
				{
					email: 'new.one@example.com',
					role: 'restricted-member',
					locale: 'en',
					status: 'invited',
				},
			],
		});
		const g = await call(s(), 'POST', 'integration/workspace/invite/guests/json', {
			invites: [{ email: 'guest@partner.example' }],
		});
		expect(g.json.invites[0]).toMatchObject({ role: 'guest', locale: 'de' });
	});
});

describe('Reporting API', () => {
	it('every view answers JSON with format=JSON and CSV by default', async () => {
		const id = project().id;
		for (const path of [
			'reports/projects',
			`reports/projects/${id}`,
			`reports/tasks/${id}`,
			'reports/tasks/filtered',
			'reports/times/all',
			'reports/times/my',
			'reports/absences/all',
			'reports/absences/my',
			'reports/teams',
			'reports/flavors',
			'reports/settings/member',
		]) {
			const json = await call(s(), 'GET', `${path}?format=JSON&lang=de-DE`, undefined, {
				Timezone: 'Europe/Berlin',
			});
			expect([path, json.status, Array.isArray(json.json)]).toEqual([path, 200, true]);
			const csv = await call(s(), 'GET', path);
			expect([path, csv.headers.get('content-type')]).toEqual([path, 'text/csv; charset=utf-8']);
			const posted = await call(s(), 'POST', path, { format: 'JSON', lang: 'en-US' });
			expect([path, posted.status, posted.json]).toEqual([path, 200, json.json]);
		}
	});

	it('projects filter, view, headers; tasks filtered by globalProjectsFilter; dates dd.MM.yyyy', async () => {
		expect(await get('reports/projects?format=JSON&filter=all')).toHaveLength(6);
		expect(await get('reports/projects?format=JSON&filter=active')).toHaveLength(4);
		expect(await get('reports/projects?format=JSON&filter=templates')).toHaveLength(1);
		const view = st().views[0];
		const narrow = await get(
			`reports/projects?format=JSON&view=${view.id}&headers=Title,StartDate&filter=archived`,
		);
		expect(narrow).toEqual([{ Title: 'Office Move', StartDate: '02.03.2026' }]);
		expect((await get('reports/tasks/filtered?format=JSON&globalProjectsFilter=all')).length).toBe(
			36,
		);
		const p0 = (await get(`reports/projects/${project().id}?format=JSON`))[0];
		expect(p0.StatusReports.split(',')).toHaveLength(2);
	});

	it('times and absences by mode, with a filter; every view also by POST with the parameters in a JSON body', async () => {
		const all = await get('reports/times/all?format=JSON');
		const mine = await get('reports/times/my?format=JSON');
		expect(mine.length).toBeLessThan(all.length);
		expect(mine.every((r: Any) => r.UserId === st().members[0].id)).toBe(true);
		const filtered = await get(
			`reports/times/all?format=JSON&filter=${encodeURIComponent(`projectId=${project().id};from=2026-01-01`)}`,
		);
		expect(filtered.every((r: Any) => r.ProjectId === project().id)).toBe(true);
		const post = await call(s(), 'POST', 'reports/absences/all', {
			filter: 'status=submitted',
			format: 'JSON',
		});
		expect(post.json.length).toBeGreaterThan(0);
		expect(post.json.every((r: Any) => r.Status === 'submitted')).toBe(true);
		const projects = await call(s(), 'POST', 'reports/projects', {
			filter: 'all',
			format: 'JSON',
			headers: 'Title',
		});
		expect(projects.json).toHaveLength(6);
		expect(Object.keys(projects.json[0])).toEqual(['Title']);
		expect((await call(s(), 'POST', 'reports/teams', {})).headers.get('content-type')).toMatch(
			/text\/csv/,
		);
	});

	it('CSV: ";"-separated, header row, CRLF, values quoted when needed', async () => {
		const csv = (await call(s(), 'GET', 'reports/teams?format=CSV')).text;
		expect(csv.split('\r\n')[0]).toBe('TeamId;Team;Members;MemberCount');
		expect(csv.endsWith('\r\n')).toBe(true);
	});
});

it('every simulated route answered 2xx at least once in this file', () => {
	const missing = s()
		.routes.filter((r) => r.includes('/json') || r.includes('/reports/'))
		.filter((r) => {
			const [method, path] = r.split(' ');
			const re = new RegExp(`^${path.replace(/:[A-Za-z]+/g, '[^/]+')}$`, 'i');
			return ![...covered].some(
				(c) => c.startsWith(`${method} `) && re.test(c.slice(method.length + 1)),
			);
		});
	expect(missing).toEqual([]);
});
