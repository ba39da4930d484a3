/**
 * smenso sandbox: one test per reject rule (sandbox/smenso/ROUTES.md "Envelope rules"). Every rejected write
 * answers 400 with smenso's error body {errors: [...]} and creates no ticket.
 */
import { call, expectRejected, startSandbox, WTZ, ZERO } from './smenso.helpers';

const ctx = startSandbox();
const s = () => ctx.sandbox;
const project = () => s().state().projects[0];
const member = (n = 1) => s().state().members[n];
const task = () =>
	s()
		.state()
		.tasks.find((t: { projectId: string }) => t.projectId === project().id);
const post = (path: string, body: unknown, headers?: Record<string, string>) =>
	call(s(), 'POST', path, body, headers);
const put = (path: string, body: unknown) => call(s(), 'PUT', path, body);
afterEach(() => expect(s().counters.ticketsCreated).toBe(0));

const ENVELOPED: Array<[string, string, () => object]> = [
	['project', 'integration/project/json', () => ({ title: 'P', phaseId: 101, typeId: 201 })],
	['task', 'integration/task/json', () => ({ title: 'T' })],
	[
		'absence',
		'integration/absence/json',
		() => ({
			userId: member().email,
			absenceTypeId: 'Sick leave',
			startDate: '2027-05-03',
			endDate: '2027-05-04',
		}),
	],
	[
		'timeRecord',
		'integration/timerecord/json',
		() => ({ taskId: task().id, userId: member().id, date: '2026-05-04', duration: 30 }),
	],
	[
		'statusReport',
		'integration/statusreport/json',
		() => ({ title: 'S', statusDate: '2026-05-04', projectId: project().id }),
	],
];
const needsProjectId = (key: string) => ['task', 'timeRecord'].includes(key);

describe('envelope {timezoneId, [projectId], <entity>: [records]}', () => {
	it.each(ENVELOPED)('%s: a bare JSON array is rejected', async (key, path, record) => {
		expectRejected(
			await post(path, [record()]),
			/must be a JSON object .*a bare array is not accepted/,
		);
	});

	it.each(ENVELOPED)(
		'%s: a flat record without the envelope is rejected',
		async (key, path, record) => {
			const flat = {
				timezoneId: WTZ,
				...(needsProjectId(key) ? { projectId: project().id } : {}),
				...record(),
			};
			expectRejected(await post(path, flat), new RegExp(`Missing "${key}"`));
		},
	);

	it.each(ENVELOPED)(
		'%s: one record as an object (not an array) under the key is rejected',
		async (key, path, record) => {
			expectRejected(
				await post(path, {
					timezoneId: WTZ,
					...(needsProjectId(key) ? { projectId: project().id } : {}),
					[key]: record(),
				}),
				new RegExp(`"${key}" must be an array`),
			);
		},
	);

	it.each(ENVELOPED)('%s: a missing timezoneId is rejected', async (key, path, record) => {
		expectRejected(
			await post(path, {
				...(needsProjectId(key) ? { projectId: project().id } : {}),
				[key]: [record()],
			}),
			/timezoneId is required/,
		);
	});

	it('an empty record array is rejected', async () => {
		expectRejected(
			await post('integration/project/json', { timezoneId: WTZ, project: [] }),
			/at least one record/,
		);
	});

	it('an unknown top-level key is rejected (tasks for task)', async () => {
		expectRejected(
			await post('integration/task/json', {
				timezoneId: WTZ,
				projectId: project().id,
				tasks: [{ title: 'T' }],
			}),
			/Unknown top-level key 'tasks'/,
		);
	});

	it('a body that is not JSON (wrong Content-Type) is rejected', async () => {
		expectRejected(
			await post('integration/project/json', 'title=x', {
				'Content-Type': 'application/x-www-form-urlencoded',
			}),
			/must be a JSON object/,
		);
	});

	it('task and time record writes need the top-level projectId as a GUID', async () => {
		expectRejected(
			await post('integration/task/json', { timezoneId: WTZ, task: [{ title: 'T' }] }),
			/projectId '' is not a valid GUID/,
		);
		expectRejected(
			await post('integration/timerecord/json', {
				timezoneId: WTZ,
				projectId: 'P-1001',
				timeRecord: [{ taskId: task().id, userId: member().id, date: '2026-05-04', duration: 30 }],
			}),
			/projectId 'P-1001' is not a valid GUID/,
		);
	});

	it('folder and working-time envelopes need timezoneId too', async () => {
		expectRejected(
			await post('integration/folders/json', { projectId: project().id, folder: [{ name: 'F' }] }),
			/timezoneId is required/,
		);
		expectRejected(
			await post('integration/settings/member/workingtime/json', {
				memberWorkingTime: [{ userId: member().id, startDate: '2027-01-01' }],
			}),
			/timezoneId is required/,
		);
		expectRejected(
			await put('integration/settings/member/json', {
				member: [{ id: member().email, flavor: [] }],
			}),
			/timezoneId is required/,
		);
	});
});

describe('time zones: Windows names in timezoneId, IANA in the Timezone header', () => {
	it('an IANA name in timezoneId is rejected', async () => {
		expectRejected(
			await post('integration/project/json', {
				timezoneId: 'Europe/Berlin',
				project: [{ title: 'P', phaseId: 101, typeId: 201 }],
			}),
			/timezoneId 'Europe\/Berlin' is an IANA name/,
		);
	});

	it('an unknown name in timezoneId is rejected', async () => {
		expectRejected(
			await post('integration/project/json', {
				timezoneId: 'Berlin Time',
				project: [{ title: 'P', phaseId: 101, typeId: 201 }],
			}),
			/is not a Windows time zone name/,
		);
	});

	it('a Windows name in the Timezone header is rejected', async () => {
		expectRejected(
			await call(s(), 'GET', 'integration/timezones/json', undefined, { Timezone: WTZ }),
			/Timezone header 'W\. Europe Standard Time' is a Windows name/,
		);
	});

	it('an unknown zone in the Timezone header is rejected', async () => {
		expectRejected(
			await call(s(), 'GET', 'integration/timezones/json', undefined, { Timezone: 'Mars/Olympus' }),
			/not a known IANA time zone/,
		);
	});

	it('an IANA name in the Integration GET query "timezone" is rejected (Windows there, as the vendor node sends)', async () => {
		expectRejected(
			await call(s(), 'GET', 'integration/project/json?timezone=Europe%2FBerlin'),
			/timezone 'Europe\/Berlin' is an IANA name/,
		);
	});
});

describe('dates and units', () => {
	it.each(['2026-03-05T10:00:00Z', '2026-03-05T10:00:00+02:00', '05.03.2026 10:00:00+0100'])(
		'a date with a UTC offset is rejected: %s',
		async (value) => {
			expectRejected(
				await post('integration/task/json', {
					timezoneId: WTZ,
					projectId: project().id,
					task: [{ title: 'T', startDate: value }],
				}),
				/must not contain a UTC offset/,
			);
		},
	);

	it('a time-record start with an offset is rejected too', async () => {
		expectRejected(
			await post('integration/timerecord/json', {
				timezoneId: WTZ,
				projectId: project().id,
				timeRecord: [
					{
						taskId: task().id,
						userId: member().id,
						date: '2026-05-04',
						startDate: '2026-05-04T08:00:00Z',
						endDate: '2026-05-04T09:00:00Z',
					},
				],
			}),
			/UTC offset/,
		);
	});

	it('an impossible date is rejected', async () => {
		expectRejected(
			await post('integration/absence/json', {
				timezoneId: WTZ,
				absence: [
					{
						userId: member().id,
						absenceTypeId: 'Sick leave',
						startDate: '31.02.2027',
						endDate: '2027-03-01',
					},
				],
			}),
			/not a valid calendar date/,
		);
	});

	it('task plannedHours is rejected (effort is plannedDuration in minutes)', async () => {
		expectRejected(
			await post('integration/task/json', {
				timezoneId: WTZ,
				projectId: project().id,
				task: [{ title: 'T', plannedHours: 8 }],
			}),
			/plannedHours is not a task field: send the planned effort as plannedDuration in whole minutes/,
		);
	});

	it('task endDate is rejected (the due date is dueDate)', async () => {
		expectRejected(
			await post('integration/task/json', {
				timezoneId: WTZ,
				projectId: project().id,
				task: [{ title: 'T', endDate: '2026-05-04' }],
			}),
			/endDate is not a task field: the task due date is dueDate/,
		);
	});

	it('fractional or negative minutes are rejected (hours sent as minutes, e.g. 1.5)', async () => {
		expectRejected(
			await post('integration/task/json', {
				timezoneId: WTZ,
				projectId: project().id,
				task: [{ title: 'T', plannedDuration: 1.5 }],
			}),
			/plannedDuration '1\.5' must be a whole number of minutes/,
		);
		expectRejected(
			await post('integration/timerecord/json', {
				timezoneId: WTZ,
				projectId: project().id,
				timeRecord: [{ taskId: task().id, userId: member().id, date: '2026-05-04', duration: -30 }],
			}),
			/duration '-30' must be a whole number of minutes/,
		);
	});

	it('half-day minutes above a day are rejected (startDateMinutes 0–1440)', async () => {
		expectRejected(
			await post('integration/absence/json', {
				timezoneId: WTZ,
				absence: [
					{
						userId: member().id,
						absenceTypeId: 'Sick leave',
						startDate: '2027-05-03',
						endDate: '2027-05-03',
						startDateMinutes: 2000,
					},
				],
			}),
			/from 0 to 1440/,
		);
	});

	it('working-time capacities are minutes per day (0–1440)', async () => {
		expectRejected(
			await post('integration/settings/member/workingtime/json', {
				timezoneId: WTZ,
				memberWorkingTime: [{ userId: member().id, startDate: '2027-01-01', mondayCapacity: 8.5 }],
			}),
			/mondayCapacity '8\.5' must be a whole number of minutes from 0 to 1440/,
		);
	});

	it('an end before its start is rejected', async () => {
		expectRejected(
			await post('integration/task/json', {
				timezoneId: WTZ,
				projectId: project().id,
				task: [{ title: 'a' }, { title: 'b', startDate: '2026-03-05', dueDate: '2026-03-01' }],
			}),
			/task\[1\]: dueDate must not be before startDate/,
		);
	});
});

describe('records', () => {
	it('required fields (title, phaseId, typeId) are named, one message per violation', async () => {
		const r = await post('integration/project/json', {
			timezoneId: WTZ,
			project: [{ title: ' ' }],
		});
		expect(r.status).toBe(400);
		expect(r.json.errors).toEqual([
			'Title is required',
			'PhaseId is required',
			'TypeId is required',
		]);
	});

	it('a field no source shows is rejected', async () => {
		expectRejected(
			await post('integration/project/json', {
				timezoneId: WTZ,
				project: [{ title: 'P', phaseId: 101, typeId: 201, colour: 'red' }],
			}),
			/unknown field 'colour' for a project record/,
		);
	});

	it('an update without a GUID id is rejected; useExternalId lets id carry the externalId', async () => {
		expectRejected(
			await put('integration/task/json', { timezoneId: WTZ, task: [{ title: 'x' }] }),
			/id '' is not a valid GUID/,
		);
		expectRejected(
			await put('integration/absence/json', {
				timezoneId: WTZ,
				absence: [{ id: 'hr-1', comment: 'x' }],
			}),
			/id 'hr-1' is not a valid GUID/,
		);
		const ok = await put('integration/absence/json', {
			timezoneId: WTZ,
			absence: [{ id: 'hr-1', useExternalId: true, comment: 'x' }],
		});
		expect(ok.status).toBe(202);
		s().counters.ticketsCreated = 0;
	});

	it('GUID fields must be GUIDs; users are GUIDs or e-mails', async () => {
		expectRejected(
			await post('integration/task/json', {
				timezoneId: WTZ,
				projectId: project().id,
				task: [{ title: 'T', parentTaskId: '42', responsibleUserId: 'anna' }],
			}),
			/parentTaskId '42' is not a valid GUID[\s\S]*responsibleUserId 'anna' must be a user GUID or e-mail/,
		);
	});

	it('isArchived cannot be written with PUT project (archive has its own endpoint)', async () => {
		expectRejected(
			await put('integration/project/json', {
				timezoneId: WTZ,
				project: [{ id: project().id, isArchived: true }],
			}),
			/use POST integration\/project\/json\/archive/,
		);
	});

	it('archive takes no body', async () => {
		expectRejected(
			await post(`integration/project/json/archive/${project().id}`, {
				id: project().id,
				isArchived: true,
			}),
			/takes no request body/,
		);
	});

	it('status report: projectId is required (top level or in the record) and both must agree', async () => {
		expectRejected(
			await post('integration/statusreport/json', {
				timezoneId: WTZ,
				statusReport: [{ title: 'S', statusDate: '2026-05-04' }],
			}),
			/projectId is required/,
		);
		expectRejected(
			await post('integration/statusreport/json', {
				timezoneId: WTZ,
				projectId: project().id,
				statusReport: [
					{ projectId: s().state().projects[1].id, title: 'S', statusDate: '2026-05-04' },
				],
			}),
			/differs from the top-level projectId/,
		);
	});

	it('status report ranges: overallStatusId 1–7, progressManual 0–100', async () => {
		expectRejected(
			await post('integration/statusreport/json', {
				timezoneId: WTZ,
				projectId: project().id,
				statusReport: [
					{ title: 'S', statusDate: '2026-05-04', overallStatusId: 9, progressManual: 120 },
				],
			}),
			/overallStatusId '9' must be from 1 to 7[\s\S]*progressManual '120' must be from 0 to 100/,
		);
	});

	it('project template create needs title, folder and projectType; options are known booleans', async () => {
		const template = s()
			.state()
			.projects.find((p: { isTemplate: boolean }) => p.isTemplate);
		expectRejected(
			await post(`integration/project/json/${template.id}`, {
				title: 'From template',
				options: { tasks: 'yes', everything: true },
			}),
			/Folder is required[\s\S]*ProjectType is required[\s\S]*options\.tasks must be true or false[\s\S]*options\.everything is not a template option/,
		);
	});

	it('template create bodies are flat objects, not arrays', async () => {
		const template = s()
			.state()
			.projects.find((p: { isTemplate: boolean }) => p.isTemplate);
		expectRejected(
			await post(`integration/project/json/${template.id}`, [{ title: 'x' }]),
			/flat JSON object/,
		);
	});
});

describe('flavor values (flavor: [{target, value}])', () => {
	const write = (flavor: unknown[]) =>
		post('integration/project/json', {
			timezoneId: WTZ,
			project: [{ title: 'P', phaseId: 101, typeId: 201, flavor }],
		});
	it('an unknown flavor is rejected', async () =>
		expectRejected(await write([{ target: 'Nope', value: 1 }]), /flavor 'Nope' does not exist/));
	it('a value of the wrong type is rejected', async () =>
		expectRejected(
			await write([{ target: 'Risk score', value: 'high' }]),
			/Risk score' \(number\) value "high" must be a number/,
		));
	it('a number outside the range is rejected', async () =>
		expectRejected(
			await write([{ target: 'Risk score', value: 11 }]),
			/outside the allowed range 0–10/,
		));
	it('a select value outside the options is rejected', async () =>
		expectRejected(
			await write([{ target: 'Cost centre', value: 'CC-999' }]),
			/is not one of the options/,
		));
	it('a formula flavor is read-only', async () =>
		expectRejected(await write([{ target: 'Margin', value: 5 }]), /formula flavor and read-only/));
	it('a flavor not defined for the entity is rejected', async () =>
		expectRejected(
			await write([{ target: 'Billable', value: true }]),
			/not defined for project records/,
		));
	it('a date flavor with an offset is rejected', async () =>
		expectRejected(
			await write([{ target: 'Go-live date', value: '2026-09-20T00:00:00Z' }]),
			/UTC offset/,
		));
});

describe('other endpoint families', () => {
	it('dependencies: a wrapper object is rejected (the only shape shown is a bare array)', async () => {
		expectRejected(
			await call(s(), 'PATCH', `integration/task/json/${task().id}/dependencies`, {
				dependencies: [{ taskId: task().id }],
			}),
			/must be a JSON array of dependencies/,
		);
	});

	it('dependencies: a self-dependency, a bad type and a cycle are rejected', async () => {
		const tasks = s()
			.state()
			.tasks.filter((t: { projectId: string }) => t.projectId === project().id);
		expectRejected(
			await call(s(), 'PATCH', `integration/task/json/${tasks[0].id}/dependencies`, [
				{ taskId: tasks[0].id },
				{ taskId: tasks[1].id, type: 'XX' },
			]),
			/cannot depend on itself[\s\S]*type 'XX' must be one of FS, SS, FF, SF/,
		);
		// tasks[1] already depends on tasks[0] (seeded chain) → tasks[0] depending on tasks[1] is a cycle
		expectRejected(
			await call(s(), 'PATCH', `integration/task/json/${tasks[0].id}/dependencies`, [
				{ taskId: tasks[1].id },
			]),
			/would create a cycle/,
		);
	});

	it('permissions: users and teams must be ONE comma-separated string, not arrays; unknown people rejected', async () => {
		expectRejected(
			await post(`integration/permissions/project/access/json/${project().id}`, {
				add: { users: [member().email] },
			}),
			/add\.users must be ONE comma-separated string, not an array/,
		);
		expectRejected(
			await post(`integration/permissions/project/access/json/${project().id}`, {
				add: { users: 'nobody@example.com', teams: 'Ghosts' },
			}),
			/user 'nobody@example.com' does not exist[\s\S]*team 'Ghosts' does not exist/,
		);
	});

	it('attachments: a JSON (base64) upload is rejected: multipart/form-data only', async () => {
		expectRejected(
			await post(`integration/attachment/project/json/${project().id}`, {
				fileName: 'a.txt',
				content: 'aGVsbG8=',
			}),
			/multipart\/form-data/,
		);
	});

	it('attachments: a file over the limit is rejected (500 MB; lowered here by config)', async () => {
		s().config.maxUploadBytes = 10;
		try {
			const form = new FormData();
			form.append(
				'file',
				new Blob([Buffer.alloc(11, 1)], { type: 'application/octet-stream' }),
				'big.bin',
			);
			expectRejected(
				await post(`integration/attachment/project/json/${project().id}`, form),
				/File 'big\.bin' is 11 bytes; the upload limit is 10 bytes/,
			);
		} finally {
			s().config.maxUploadBytes = 500 * 1024 * 1024;
		}
	});

	it('attachments: a multipart body without a file part is rejected', async () => {
		const form = new FormData();
		form.append('note', 'no file here');
		expectRejected(
			await post(`integration/attachment/task/json/${task().id}`, form),
			/no file part/,
		);
	});

	it('invites: bad role, bad e-mail and an existing member are rejected', async () => {
		expectRejected(
			await post('integration/workspace/invite/guests/json', {
				invites: [
					{ email: 'x@example.com', role: 'member' },
					{ email: 'not-mail' },
					{ email: member().email },
				],
			}),
			/role 'member' must be one of guest[\s\S]*not an e-mail address[\s\S]*already a member/,
		);
	});

	it('invites: a bare array is rejected', async () => {
		expectRejected(
			await post('integration/workspace/invite/members/json', [{ email: 'x@example.com' }]),
			/bare array/,
		);
	});

	it('comments: text is required; the records go under "comment"', async () => {
		expectRejected(
			await post('integration/comment/task/json', { comment: [{ taskId: task().id }] }),
			/Text is required/,
		);
		expectRejected(
			await post('integration/comment/task/json', { taskId: task().id, text: 'hi' }),
			/Missing "comment"/,
		);
	});

	it('absence types: type is limited or unlimited; approvers are e-mails', async () => {
		expectRejected(
			await post('integration/settings/absencetype/json', {
				absenceType: [{ title: 'Sabbatical', type: 'yearly', recommendedApprovers: 'anna' }],
			}),
			/type 'yearly' must be one of limited, unlimited[\s\S]*recommendedApprovers 'anna' is not an e-mail/,
		);
	});

	it('reporting: an unknown format, unknown columns or a bad filter are rejected', async () => {
		expectRejected(
			await call(s(), 'GET', 'reports/projects?format=XML'),
			/format 'XML' is not supported/,
		);
		expectRejected(
			await call(s(), 'GET', 'reports/projects?format=JSON&headers=Title,Nope'),
			/unknown column\(s\) Nope/,
		);
		expectRejected(
			await call(s(), 'GET', 'reports/projects?format=JSON&filter=everything'),
			/must be all, active, archived or templates/,
		);
		expectRejected(
			await call(s(), 'GET', 'reports/times/all?format=JSON&filter=user%3E3'),
			/expected key=value pairs/,
		);
	});

	it('a malformed lang is rejected', async () => {
		expectRejected(await call(s(), 'GET', 'integration/flavor/json?lang=german'), /lang 'german'/);
	});

	it('a bad GUID in the path is 400, not 404', async () => {
		expectRejected(await call(s(), 'GET', 'integration/task/json/not-a-guid'), /not a valid GUID/);
		expect((await call(s(), 'GET', `integration/project/json/${ZERO}`)).status).toBe(404);
	});
});

describe('value formats', () => {
	it.each([
		[
			'absence status',
			'integration/absence/json',
			() => ({
				timezoneId: WTZ,
				absence: [
					{
						userId: member().id,
						absenceTypeId: 'Vacation',
						startDate: '2027-05-03',
						endDate: '2027-05-04',
						status: 'pending',
					},
				],
			}),
			/status 'pending' must be one of submitted, approved, rejected/,
		],
		[
			'folder priority and colour',
			'integration/folders/json',
			() => ({
				timezoneId: WTZ,
				projectId: project().id,
				folder: [{ name: 'F', priority: 'urgent', color: 'red' }],
			}),
			/priority 'urgent' must be one of none[\s\S]*color 'red' must be a hex colour/,
		],
		[
			'project currency',
			'integration/project/json',
			() => ({
				timezoneId: WTZ,
				project: [{ title: 'P', phaseId: 101, typeId: 201, currency: 'euro' }],
			}),
			/currency 'euro' must be an ISO currency code/,
		],
		[
			'task priority 1–4',
			'integration/task/json',
			() => ({ timezoneId: WTZ, projectId: project().id, task: [{ title: 'T', priority: 5 }] }),
			/priority '5' must be from 1 to 4/,
		],
		[
			'boolean as string',
			'integration/task/json',
			() => ({
				timezoneId: WTZ,
				projectId: project().id,
				task: [{ title: 'T', isMilestone: 'yes' }],
			}),
			/isMilestone 'yes' must be true or false/,
		],
		[
			'noFeed as string',
			'integration/project/json',
			() => ({
				timezoneId: WTZ,
				noFeed: 'no',
				project: [{ title: 'P', phaseId: 101, typeId: 201 }],
			}),
			/noFeed must be true or false/,
		],
		[
			'invite locale',
			'integration/workspace/invite/members/json',
			() => ({ invites: [{ email: 'n@example.com', locale: 'fr' }] }),
			/locale 'fr' must be one of de, en/,
		],
		[
			'optional timezoneId is still checked (comments)',
			'integration/comment/task/json',
			() => ({ timezoneId: 'Europe/Berlin', comment: [{ taskId: task().id, text: 'x' }] }),
			/is an IANA name/,
		],
	])('%s', async (_label, path, body, pattern) => {
		expectRejected(await post(path as string, (body as () => object)()), pattern as RegExp);
	});

	it('time record: duration or start+end is required, and start and end go together', async () => {
		expectRejected(
			await post('integration/timerecord/json', {
				timezoneId: WTZ,
				projectId: project().id,
				timeRecord: [{ taskId: task().id, userId: member().id, date: '2026-05-04' }],
			}),
			/Either duration \(minutes\) or startDate and endDate are required/,
		);
		expectRejected(
			await post('integration/timerecord/json', {
				timezoneId: WTZ,
				projectId: project().id,
				timeRecord: [
					{
						taskId: task().id,
						userId: member().id,
						date: '2026-05-04',
						duration: 30,
						startDate: '2026-05-04T08:00',
					},
				],
			}),
			/startDate and endDate go together/,
		);
	});

	it('task list without a project (no source lists all tasks) is rejected', async () => {
		expectRejected(await call(s(), 'GET', 'integration/task/json'), /projectId is required/);
	});

	it('removing dependencies needs taskIds; an unknown dependency is 404', async () => {
		expectRejected(
			await call(s(), 'DELETE', `integration/task/json/${task().id}/dependencies`),
			/taskIds is required/,
		);
		expect(
			(await call(s(), 'DELETE', `integration/task/json/${task().id}/dependencies?taskIds=${ZERO}`))
				.status,
		).toBe(404);
	});

	it('a malformed multipart body is rejected', async () => {
		expectRejected(
			await post(`integration/attachment/project/json/${project().id}`, 'garbage', {
				'Content-Type': 'multipart/form-data; boundary=XYZ',
			}),
			/Malformed upload/,
		);
	});

	it('a Reporting view of the wrong kind is rejected', async () => {
		const taskView = s()
			.state()
			.views.find((v: { kind: string }) => v.kind === 'tasks');
		expectRejected(
			await call(s(), 'GET', `reports/projects?format=JSON&view=${taskView.id}`),
			/is a tasks view, not a projects view/,
		);
	});
});

describe('roles', () => {
	it('Integration writes need an Admin token (403 for a member), reads do not', async () => {
		const headers = { Authorization: 'Basic smenso-readonly-token' };
		const r = await call(
			s(),
			'POST',
			'integration/absence/json',
			{
				timezoneId: WTZ,
				absence: [
					{
						userId: member().email,
						absenceTypeId: 'Sick leave',
						startDate: '2027-05-03',
						endDate: '2027-05-04',
					},
				],
			},
			headers,
		);
		expect(r.status).toBe(403);
		expect(r.json.errors[0]).toMatch(/Admin/);
		expect((await call(s(), 'GET', 'integration/absence/json', undefined, headers)).status).toBe(
			200,
		);
	});
});
