'use strict';
/**
 * Seeded smenso workspace (deterministic). The GUID sequence of the entities the old sandbox seeded (members,
 * absence types, phases, types, status-report templates, views, projects + tasks, time records, absences, status
 * reports) is kept, so ids quoted in examples/*.json and tests stay valid; everything new is seeded after them.
 * Internal dates are ISO (yyyy-MM-dd); the routes render them as smenso answers them (dd.MM.yyyy).
 */
const { seededRandom } = require('../lib/server');

const FIRST_NAMES = ['Anna', 'Ben', 'Clara', 'David', 'Eva', 'Felix', 'Greta', 'Hannes'];
const LAST_NAMES = ['Schmidt', 'Meyer', 'Weber', 'Fischer', 'Wagner', 'Becker', 'Hoffmann', 'Koch'];
const PROJECT_TITLES = [
	'ERP Rollout',
	'Website Relaunch',
	'Data Warehouse',
	'Mobile App',
	'Office Move',
	'Security Audit',
	'CRM Migration',
	'Training Program',
];
const TASK_TITLES = [
	'Kick-off',
	'Requirements',
	'Design',
	'Build',
	'Test',
	'Go-live',
	'Hypercare',
	'Lessons learned',
	'Budget review',
	'Vendor selection',
];

function createGuidFactory(seed) {
	const random = seededRandom(seed);
	const hex = (n) =>
		Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
	return () =>
		`${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
}

function addDays(date, days) {
	const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** A small but real PDF (opens in a viewer), and a PNG (1×1 red pixel), as attachment bytes. */
function pdfBytes(title) {
	const text = `BT /F1 18 Tf 72 720 Td (${title.replace(/[()\\]/g, '')}) Tj ET`;
	const objs = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n';
	const offsets = [];
	objs.forEach((o, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
	'base64',
);

function seedState(seedOptions = {}) {
	const guid = createGuidFactory(seedOptions.randomSeed || 4711);
	const random = seededRandom((seedOptions.randomSeed || 4711) + 1);
	const counts = { projects: 6, tasksPerProject: 6, timeRecords: 24, absences: 6, ...seedOptions };
	const state = {
		guid,
		members: [],
		teams: [],
		absenceTypes: [],
		phases: [],
		types: [],
		projects: [],
		tasks: [],
		taskTemplates: [],
		timeRecords: [],
		absences: [],
		statusReports: [],
		statusReportTemplates: [],
		views: [],
		comments: [],
		folders: [],
		attachments: [],
		flavors: [],
		workingTimes: [],
		permissions: {},
		invites: [],
		tickets: new Map(),
		ticketOrder: [],
	};
	for (let i = 0; i < 8; i++) {
		state.members.push({
			id: guid(),
			firstName: FIRST_NAMES[i],
			lastName: LAST_NAMES[i],
			email: `${FIRST_NAMES[i].toLowerCase()}.${LAST_NAMES[i].toLowerCase()}@example.com`,
			isActive: i !== 7,
			role: i === 0 ? 'admin' : i === 6 ? 'read-only-member' : 'member',
			hourlyRate: 80 + i * 5,
			holidayCalendar: i < 5 ? 'Germany – Bavaria' : 'Germany – Berlin',
			teamIds: [],
			flavors: {},
		});
	}
	for (const [title, approval, limited] of [
		['Vacation', true, true],
		['Sick leave', false, false],
		['Training', true, false],
		['Parental leave', true, false],
	]) {
		state.absenceTypes.push({
			id: guid(),
			title,
			type: limited ? 'limited' : 'unlimited',
			isApprovalNecessary: approval,
			includeInHolidaysOverview: title !== 'Sick leave',
			yearlyBudget: limited ? 30 : null,
			recommendedApprovers: approval ? 'anna.schmidt@example.com' : '',
			externalId: null,
		});
	}
	// Project folders ("phases") and types: numeric ids (P13, N-new); the guid() call keeps the old id sequence.
	['Initiation', 'Planning', 'Execution', 'Closure'].forEach((name, i) =>
		state.phases.push({ id: 101 + i, name, uid: guid() }),
	);
	['Customer project', 'Internal project'].forEach((name, i) =>
		state.types.push({ id: 201 + i, name, uid: guid() }),
	);
	for (const name of ['Monthly status', 'Steering committee'])
		state.statusReportTemplates.push({ id: guid(), title: name });
	for (const [name, kind] of [
		['All projects', 'projects'],
		['Active projects', 'projects'],
		['Task list', 'tasks'],
	])
		state.views.push({ id: guid(), name, kind });

	for (let p = 0; p < counts.projects; p++) {
		const start = addDays('2026-01-05', p * 14);
		const project = {
			id: guid(),
			number: `P-${String(1001 + p)}`,
			title:
				PROJECT_TITLES[p % PROJECT_TITLES.length] + (p >= PROJECT_TITLES.length ? ` ${p}` : ''),
			description: `<p>Seeded project ${p + 1}</p>`,
			goal: 'Deliver on time and on budget',
			benefit: null,
			phaseId: state.phases[p % state.phases.length].id,
			typeId: state.types[p % state.types.length].id,
			startDate: start,
			endDate: addDays(start, 180),
			budget: 50000 + p * 10000,
			currency: 'EUR',
			projectManager: state.members[p % state.members.length].id,
			locationId: null,
			statusId: 0,
			workflowId: null,
			departmentId: null,
			hourlyRate: 95,
			usePersonalHourlyRates: false,
			blockTimeRecording: false,
			parentId: null,
			isArchived: p === counts.projects - 2,
			isTemplate: p === counts.projects - 1,
			isPrivate: false,
			code: `PRJ-${1001 + p}`,
			labels: [],
			externalId: null,
			flavors: {},
		};
		state.projects.push(project);
		for (let t = 0; t < counts.tasksPerProject; t++) {
			const taskStart = addDays(start, t * 7);
			state.tasks.push({
				id: guid(),
				projectId: project.id,
				title: TASK_TITLES[t % TASK_TITLES.length],
				description: '',
				startDate: taskStart,
				dueDate: addDays(taskStart, 6),
				plannedDuration: 480 * (t + 1),
				duration: t < 2 ? 480 * (t + 1) : 0,
				priority: (t % 4) + 1,
				statusId: t < 2 ? 3 : t < 4 ? 2 : 1,
				responsibleUserId: state.members[(p + t) % state.members.length].id,
				parentTaskId: null,
				folderId: null,
				isMilestone: t === 5,
				sortOrder: t + 1,
				externalId: null,
				dependencies: [],
				flavors: {},
			});
		}
	}
	const bookable = state.tasks.filter((task) => {
		const project = state.projects.find((p) => p.id === task.projectId);
		return !project.isArchived && !project.isTemplate;
	});
	for (let r = 0; r < counts.timeRecords; r++) {
		const task = bookable[r % bookable.length];
		state.timeRecords.push({
			id: guid(),
			projectId: task.projectId,
			taskId: task.id,
			userId: state.members[r % 6].id,
			date: addDays('2025-12-15', r * 3),
			duration: 30 + Math.floor(random() * 16) * 15,
			startDate: null,
			endDate: null,
			statusId: 0,
			description: `Work on ${task.title}`,
			locked: false,
			externalId: null,
			flavors: {},
		});
	}
	for (let a = 0; a < counts.absences; a++) {
		const start = addDays('2026-02-02', a * 11);
		const type = state.absenceTypes[a % 3];
		state.absences.push({
			id: guid(),
			userId: state.members[a % 6].id,
			absenceTypeId: type.id,
			startDate: start,
			endDate: addDays(start, 2 + (a % 3)),
			startDateMinutes: a === 1 ? 240 : null,
			endDateMinutes: null,
			status: type.isApprovalNecessary ? ['submitted', 'approved', 'rejected'][a % 3] : null,
			comment: a === 1 ? 'Half day on the first day' : '',
			locked: false,
			externalId: null,
		});
	}
	const report = (project, title, statusDate, overallStatusId, isPublished) => ({
		id: guid(),
		projectId: project.id,
		title,
		statusDate,
		overallStatusId,
		timeStatusId: overallStatusId === 1 ? 1 : 2,
		costStatusId: 1,
		goalStatusId: 1,
		explanation: overallStatusId === 1 ? 'On track.' : 'Minor delays.',
		nextSteps: 'Continue as planned.',
		targetDate: null,
		progressManual: isPublished ? 40 : 55,
		isPublished,
		publicationDate: isPublished ? `${statusDate}T17:00:00` : null,
		externalId: null,
		flavors: {},
	});
	for (const project of state.projects.slice(0, 3))
		state.statusReports.push(
			report(project, `Status ${project.title} January`, '2026-01-31', 1, true),
		);
	state.statusReports.push(
		report(state.projects[0], `Status ${state.projects[0].title} February`, '2026-02-28', 2, false),
	);

	// ---------- entities the old sandbox did not have (seeded after, so the ids above stay stable) ----------
	const M = state.members;
	for (const [name, members] of [
		['Development', [0, 1, 2, 3]],
		['Consulting', [3, 4, 5]],
		['Management', [0, 6]],
	]) {
		const team = { id: guid(), name, memberIds: members.map((i) => M[i].id) };
		state.teams.push(team);
		for (const i of members) M[i].teamIds.push(team.id);
	}
	const flavor = (name, type, targets, extra = {}) => {
		const f = {
			id: guid(),
			name,
			type,
			targets,
			options: null,
			min: null,
			max: null,
			readOnly: type === 'formula',
			...extra,
		};
		state.flavors.push(f);
		return f;
	};
	const fCost = flavor('Cost centre', 'singleSelect', ['project', 'timeRecord', 'user'], {
		options: ['CC-100 Sales', 'CC-200 IT', 'CC-300 Operations'],
	});
	const fBillable = flavor('Billable', 'boolean', ['timeRecord', 'task']);
	const fRisk = flavor('Risk score', 'number', ['project', 'statusReport'], { min: 0, max: 10 });
	const fGoLive = flavor('Go-live date', 'date', ['project', 'task']);
	flavor('Customer reference', 'text', ['project', 'task']);
	const fSkills = flavor('Skills', 'multiSelect', ['user', 'task'], {
		options: ['SAP', 'Java', 'Design', 'Consulting'],
	});
	flavor('Margin', 'formula', ['project'], { formula: '[Budget] - [Cost]' });
	for (const project of state.projects) {
		project.flavors[fCost.id] = 'CC-200 IT';
		project.flavors[fRisk.id] = 3;
		project.flavors[fGoLive.id] = project.endDate;
	}
	state.timeRecords.forEach((tr, i) => (tr.flavors[fBillable.id] = i % 3 !== 0));
	M.forEach((m, i) => {
		m.flavors[fCost.id] = ['CC-100 Sales', 'CC-200 IT', 'CC-300 Operations'][i % 3];
		m.flavors[fSkills.id] = i % 2 ? ['Java'] : ['SAP', 'Consulting'];
	});

	for (const project of state.projects) {
		const tasks = state.tasks.filter((t) => t.projectId === project.id);
		const f1 = {
			id: guid(),
			projectId: project.id,
			name: 'Preparation',
			priority: 'high',
			startDate: project.startDate,
			endDate: addDays(project.startDate, 20),
			description: 'Everything before the build',
			color: '#1E88E5',
			fillRowWithColor: false,
			noNewTasksAllowed: false,
			lockNewTasks: false,
			locked: false,
			privateNewTasks: false,
			taskTemplateId: null,
			externalId: null,
		};
		const f2 = {
			id: guid(),
			projectId: project.id,
			name: 'Delivery',
			priority: 'medium',
			startDate: addDays(project.startDate, 21),
			endDate: project.endDate,
			description: '',
			color: '#43A047',
			fillRowWithColor: true,
			noNewTasksAllowed: false,
			lockNewTasks: false,
			locked: false,
			privateNewTasks: false,
			taskTemplateId: null,
			externalId: null,
		};
		state.folders.push(f1, f2);
		tasks.forEach((t, i) => (t.folderId = i < 2 ? f1.id : f2.id));
		for (let i = 1; i < tasks.length; i++)
			tasks[i].dependencies.push({ taskId: tasks[i - 1].id, type: 'FS', lag: 0 });
		if (tasks[3]) tasks[3].parentTaskId = tasks[2].id;
	}
	const p0 = state.projects[0];
	const p0Tasks = state.tasks.filter((t) => t.projectId === p0.id);
	const comment = (target, text, authorIdx, created, isInternal = false) =>
		state.comments.push({
			id: guid(),
			...target,
			text,
			isInternal,
			authorId: M[authorIdx].id,
			created,
			modified: created,
		});
	comment(
		{ taskId: p0Tasks[0].id },
		'Kick-off went well, minutes are attached.',
		0,
		'2026-01-06T09:12:00',
	);
	comment({ taskId: p0Tasks[0].id }, 'Thanks! I added the action items.', 1, '2026-01-06T11:40:00');
	comment(
		{ taskId: p0Tasks[1].id },
		'Budget owner still has to sign off.',
		2,
		'2026-01-14T15:05:00',
		true,
	);
	comment(
		{ statusReportId: state.statusReports[0].id },
		'Agreed with the assessment.',
		3,
		'2026-02-01T08:30:00',
	);
	comment(
		{ statusReportId: state.statusReports[3].id },
		'Please add the vendor delay to the explanation.',
		0,
		'2026-02-27T16:45:00',
		true,
	);

	const attachment = (target, fileName, contentType, bytes, created, extra = {}) => {
		const a = {
			id: guid(),
			kind: 'upload',
			fileName,
			contentType,
			size: bytes ? bytes.length : 0,
			bytes,
			url: null,
			projectId: null,
			taskId: null,
			statusReportId: null,
			created,
			createdBy: M[0].id,
			...target,
			...extra,
		};
		state.attachments.push(a);
		return a;
	};
	attachment(
		{ projectId: p0.id },
		'Project charter.pdf',
		'application/pdf',
		pdfBytes('Project charter: ERP Rollout'),
		'2026-01-05T10:00:00',
	);
	attachment(
		{ projectId: p0.id },
		'requirements.csv',
		'text/csv',
		Buffer.from(
			'id;requirement;priority\r\n1;Single sign-on;high\r\n2;Audit log;medium\r\n',
			'utf8',
		),
		'2026-01-12T14:20:00',
	);
	attachment(
		{ projectId: p0.id, taskId: p0Tasks[0].id },
		'kickoff-minutes.txt',
		'text/plain',
		Buffer.from('Kick-off minutes\n- scope agreed\n- weekly jour fixe on Mondays\n', 'utf8'),
		'2026-01-06T09:10:00',
	);
	attachment(
		{ projectId: p0.id, taskId: p0Tasks[2].id },
		'wireframe.png',
		'image/png',
		PNG,
		'2026-01-20T16:00:00',
	);
	attachment(
		{ projectId: p0.id, statusReportId: state.statusReports[0].id },
		'status-january.pdf',
		'application/pdf',
		pdfBytes('Status January'),
		'2026-01-31T17:00:00',
	);
	attachment(
		{ projectId: p0.id },
		'Architecture.docx (SharePoint)',
		null,
		null,
		'2026-01-08T12:00:00',
		{
			kind: 'link',
			url: 'https://contoso.sharepoint.com/sites/erp/Shared%20Documents/Architecture.docx',
		},
	);

	// Task templates (for POST integration/task/json/{templateId})
	state.taskTemplates.push({
		id: guid(),
		title: 'Quality gate',
		description: 'Review checklist before go-live',
		priority: 3,
		statusId: 1,
		plannedDuration: 240,
		workflowId: null,
		subtasks: ['Code review', 'Security review', 'Sign-off'],
	});
	state.taskTemplates.push({
		id: guid(),
		title: 'Customer workshop',
		description: '',
		priority: 2,
		statusId: 1,
		plannedDuration: 480,
		workflowId: null,
		subtasks: [],
	});

	M.forEach((m, i) => {
		state.workingTimes.push({
			id: guid(),
			userId: m.id,
			startDate: '2025-01-01',
			endDate: null,
			mondayCapacity: 480,
			tuesdayCapacity: 480,
			wednesdayCapacity: 480,
			thursdayCapacity: 480,
			fridayCapacity: i === 4 ? 240 : 480,
			saturdayCapacity: 0,
			sundayCapacity: 0,
			externalId: null,
		});
	});
	const perm = () => ({
		isPrivate: false,
		access: { users: [], teams: [] },
		privacy: { users: [], teams: [] },
	});
	for (const p of state.projects) state.permissions[p.id] = perm();
	state.permissions[p0.id].access.teams.push(state.teams[0].id);
	state.permissions[p0Tasks[1].id] = {
		isPrivate: true,
		access: { users: [], teams: [] },
		privacy: { users: [M[0].id, M[2].id], teams: [] },
	};
	state.invites.push({
		id: guid(),
		email: 'new.colleague@example.com',
		role: 'member',
		locale: 'de',
		kind: 'member',
		status: 'invited',
		created: '2026-02-01T10:00:00',
	});
	return state;
}

module.exports = { seedState, addDays, pdfBytes, PNG };
