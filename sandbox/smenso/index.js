'use strict';
/**
 * smenso sandbox (dev-only). Mimics the smenso Integration API (JSON) and Reporting API as far as the
 * published docs and the endpoint notes in shared/vendor-docs/README.md describe them:
 *
 *   base path /skyisland/api/ · `Authorization: Basic {token}` (token as issued) · optional `Timezone`
 *   writes (POST/PUT/DELETE) answer 202 (or 200, config.writeStatus) with a ticket id; the ticket moves
 *   "Started" → "Success" (10) / "Success with Errors" (20) / "Failed" (30) after config.ticketDelayMs;
 *   business rules (absence overlap, locked time records, published reports, one draft per project,
 *   archived/template projects) are checked when the ticket is processed, per record, and reported in the
 *   ticket's `messages` as "Record {index}: …"; structural problems (missing title, bad GUID, end before
 *   start, UTC offsets in dates) are rejected at once with 400 `{ errors: [...] }`.
 *
 * Ticket status ids chosen here (the docs only publish 10 and 30): 0 Received, 5 Started,
 * 10 Success, 20 Success with Errors, 30 Failed.
 *
 * Config (options or POST /__sandbox/config):
 *   token, readOnlyToken, noAddonToken   accepted tokens (admin / member / workspace without the add-on)
 *   ticketDelayMs (300)                  time before a ticket is processed
 *   writeStatus (202)                    HTTP status of accepted writes (docs say 200 or 202)
 *   ticketFault: { mode: 'fail' | 'never' | 'partial', count }   next `count` tickets fail / never finish /
 *                                        finish with an extra error message
 *   rateLimit: { limit, windowMs }, rateLimitHeader: 'retry-after' | 'reset'
 *   lockedBefore ('2026-01-01')          time records dated before this are locked
 *   seed: { projects, tasksPerProject, timeRecords, absences, randomSeed } sizes of the seeded data; a
 *                                        changed seed reseeds at once (reset also reseeds)
 */
const { createSandbox, HttpError, slidingWindow, seededRandom } = require('../lib/server');

const P = '/skyisland/api';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

const STATUS = {
	received: { statusId: 0, status: 'Received' },
	started: { statusId: 5, status: 'Started' },
	success: { statusId: 10, status: 'Success' },
	partial: { statusId: 20, status: 'Success with Errors' },
	failed: { statusId: 30, status: 'Failed' },
};

const TIMEZONES = [
	'America/Chicago',
	'America/New_York',
	'Asia/Tokyo',
	'Australia/Sydney',
	'Europe/Berlin',
	'Europe/London',
	'Europe/Vienna',
	'Europe/Zurich',
	'UTC',
];

const FIRST_NAMES = ['Anna', 'Ben', 'Clara', 'David', 'Eva', 'Felix', 'Greta', 'Hannes'];
const LAST_NAMES = ['Schmidt', 'Meyer', 'Weber', 'Fischer', 'Wagner', 'Becker', 'Hoffmann', 'Koch'];
const PROJECT_TITLES = ['ERP Rollout', 'Website Relaunch', 'Data Warehouse', 'Mobile App', 'Office Move', 'Security Audit', 'CRM Migration', 'Training Program'];
const TASK_TITLES = ['Kick-off', 'Requirements', 'Design', 'Build', 'Test', 'Go-live', 'Hypercare', 'Lessons learned', 'Budget review', 'Vendor selection'];

function createGuidFactory(seed) {
	const random = seededRandom(seed);
	const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
	return () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
}

function addDays(date, days) {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

function dayOf(value) {
	return typeof value === 'string' ? value.slice(0, 10) : undefined;
}

function clone(value) {
	return JSON.parse(JSON.stringify(value));
}

function seedState(seedOptions = {}) {
	const guid = createGuidFactory(seedOptions.randomSeed || 4711);
	const random = seededRandom((seedOptions.randomSeed || 4711) + 1);
	const counts = { projects: 6, tasksPerProject: 6, timeRecords: 24, absences: 6, ...seedOptions };
	const state = {
		guid,
		members: [],
		absenceTypes: [],
		phases: [],
		types: [],
		projects: [],
		tasks: [],
		timeRecords: [],
		absences: [],
		statusReports: [],
		statusReportTemplates: [],
		views: [],
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
			role: i === 0 ? 'Admin' : 'Member',
		});
	}
	for (const [name, requiresApproval] of [
		['Vacation', true],
		['Sick leave', false],
		['Training', true],
		['Parental leave', true],
	]) {
		state.absenceTypes.push({ id: guid(), name, requiresApproval });
	}
	for (const name of ['Initiation', 'Planning', 'Execution', 'Closure']) state.phases.push({ id: guid(), name });
	for (const name of ['Customer project', 'Internal project']) state.types.push({ id: guid(), name });
	for (const name of ['Monthly status', 'Steering committee']) state.statusReportTemplates.push({ id: guid(), title: name });
	for (const name of ['All projects', 'Active projects', 'My projects']) state.views.push({ id: guid(), name });

	for (let p = 0; p < counts.projects; p++) {
		const start = addDays('2026-01-05', p * 14);
		const project = {
			id: guid(),
			number: `P-${String(1001 + p)}`,
			title: PROJECT_TITLES[p % PROJECT_TITLES.length] + (p >= PROJECT_TITLES.length ? ` ${p}` : ''),
			description: `Seeded project ${p + 1}`,
			phaseId: state.phases[p % state.phases.length].id,
			typeId: state.types[p % state.types.length].id,
			startDate: start,
			endDate: addDays(start, 180),
			responsibleUserId: state.members[p % state.members.length].id,
			isArchived: p === counts.projects - 2,
			isTemplate: p === counts.projects - 1,
			externalId: null,
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
				endDate: addDays(taskStart, 6),
				plannedHours: 8 * (t + 1),
				responsibleUserId: state.members[(p + t) % state.members.length].id,
				parentTaskId: null,
				status: t < 2 ? 'Done' : t < 4 ? 'In progress' : 'Open',
				priority: ['Low', 'Medium', 'High'][t % 3],
				externalId: null,
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
			description: `Work on ${task.title}`,
			billable: r % 3 !== 0,
			externalId: null,
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
			startDateMinutes: null,
			endDateMinutes: null,
			status: type.requiresApproval ? ['submitted', 'approved', 'rejected'][a % 3] : null,
			comment: '',
			externalId: null,
		});
	}
	for (const project of state.projects.slice(0, 3)) {
		state.statusReports.push({
			id: guid(),
			projectId: project.id,
			title: `Status ${project.title} January`,
			reportDate: '2026-01-31',
			overallStatus: 'green',
			summary: 'On track.',
			isPublished: true,
			publishedDate: '2026-01-31T17:00:00',
			externalId: null,
		});
	}
	state.statusReports.push({
		id: guid(),
		projectId: state.projects[0].id,
		title: `Status ${state.projects[0].title} February`,
		reportDate: '2026-02-28',
		overallStatus: 'yellow',
		summary: 'Minor delays.',
		isPublished: false,
		publishedDate: null,
		externalId: null,
	});
	return state;
}

function create(options = {}) {
	const config = {
		token: 'smenso-sandbox-token',
		readOnlyToken: 'smenso-readonly-token',
		noAddonToken: 'smenso-no-addon-token',
		ticketDelayMs: 300,
		writeStatus: 202,
		ticketFault: null,
		rateLimit: { limit: 1000, windowMs: 60_000 },
		rateLimitHeader: 'retry-after',
		lockedBefore: '2026-01-01',
		seed: {},
		...options,
	};
	if (options.seed) config.seed = options.seed;
	let state = seedState(config.seed);
	let seedShape = JSON.stringify(config.seed || {});
	/** A changed `seed` (POST /__sandbox/config) reseeds at once, so a benchmark can size the lists in one call. */
	function reseedIfChanged() {
		const shape = JSON.stringify(config.seed || {});
		if (shape === seedShape) return;
		seedShape = shape;
		state = seedState(config.seed);
	}
	let limiter = slidingWindow(config.rateLimit);
	let limiterShape = JSON.stringify(config.rateLimit);
	const counters = { ticketsCreated: 0, recordsReceived: 0, writes: 0, timezones: {} };

	// ---------- helpers ----------
	const fail = (status, errors) => {
		throw new HttpError(status, { errors: [].concat(errors) });
	};
	const badRequest = (errors) => fail(400, errors);
	const notFound = (what) => fail(404, `${what} not found`);

	function requireGuid(value, label) {
		if (typeof value !== 'string' || !GUID.test(value)) badRequest(`${label} '${value ?? ''}' is not a valid GUID`);
		return value;
	}

	function findProject(id) {
		return state.projects.find((p) => p.id.toLowerCase() === String(id).toLowerCase());
	}

	function resolveUser(value) {
		if (typeof value !== 'string') return undefined;
		const v = value.toLowerCase();
		return state.members.find((m) => m.id.toLowerCase() === v || m.email.toLowerCase() === v);
	}

	function resolveAbsenceType(value) {
		if (value === undefined || value === null) return undefined;
		const v = String(value).toLowerCase();
		return state.absenceTypes.find((t) => t.id.toLowerCase() === v || t.name.toLowerCase() === v);
	}

	/** Structural date checks: no UTC offsets, parseable, end not before start. Returns messages. */
	function checkDates(record, fields, prefix) {
		const errors = [];
		for (const field of fields) {
			const value = record[field];
			if (value === undefined || value === null || value === '') continue;
			if (typeof value !== 'string' || Number.isNaN(Date.parse(value.slice(0, 19)))) {
				errors.push(`${prefix}${field} '${value}' is not a valid date`);
			} else if (value.length > 10 && OFFSET.test(value)) {
				errors.push(`${prefix}${field} '${value}' must not contain a UTC offset; the API applies the time zone`);
			}
		}
		return errors;
	}

	function endBeforeStart(record, startField, endField, prefix) {
		const s = record[startField];
		const e = record[endField];
		if (s && e && String(e).slice(0, 19) < String(s).slice(0, 19)) return [`${prefix}${endField} must not be before ${startField}`];
		return [];
	}

	function processDueTickets() {
		const now = Date.now();
		for (const id of state.ticketOrder) {
			const ticket = state.tickets.get(id);
			if (ticket.done || ticket.never || ticket.dueAt > now) continue;
			runTicket(ticket);
		}
	}

	function runTicket(ticket) {
		ticket.done = true;
		const messages = [];
		const counts = { created: 0, modified: 0, attributesModified: 0, deleted: 0 };
		let failures = 0;
		ticket.records.forEach((record, index) => {
			try {
				const result = ticket.apply(record, index) || {};
				for (const key of Object.keys(counts)) counts[key] += result[key] || 0;
			} catch (error) {
				failures++;
				const who = record && record.externalId ? ` (externalId '${record.externalId}')` : record && record.id ? ` (id ${record.id})` : '';
				messages.push(`Record ${index}${who}: ${error.message}`);
			}
		});
		let outcome = failures === 0 ? 'success' : failures === ticket.records.length ? 'failed' : 'partial';
		if (ticket.forceFail) {
			outcome = 'failed';
			messages.push('The import was aborted by the server (sandbox fault).');
		} else if (ticket.forcePartial) {
			outcome = outcome === 'success' ? 'partial' : outcome;
			messages.push('Some attributes could not be written (sandbox fault).');
		}
		ticket.outcome = outcome;
		ticket.messages = messages;
		ticket.counts = counts;
		ticket.processed = new Date().toISOString();
		ticket.started = new Date(ticket.receivedAt + 1).toISOString();
	}

	class RuleError extends Error {}
	const rule = (message) => {
		throw new RuleError(message);
	};

	/** Registers an async job. `records` are applied one by one when the ticket is processed. */
	function ticketResponse(endpoint, records, apply) {
		counters.ticketsCreated++;
		counters.writes++;
		counters.recordsReceived += records.length;
		const id = state.guid();
		const ticket = { id, endpoint, records, apply, receivedAt: Date.now(), dueAt: Date.now() + Number(config.ticketDelayMs || 0), done: false };
		const fault = config.ticketFault;
		if (fault && (fault.count === undefined || fault.count > 0)) {
			if (fault.mode === 'never') ticket.never = true;
			if (fault.mode === 'fail') ticket.forceFail = true;
			if (fault.mode === 'partial') ticket.forcePartial = true;
			if (fault.count !== undefined) fault.count--;
		}
		state.tickets.set(id, ticket);
		state.ticketOrder.push(id);
		return { status: Number(config.writeStatus) || 202, body: { ticketId: id, status: STATUS.received.status, statusId: STATUS.received.statusId } };
	}

	function ticketView(ticket) {
		const phase = ticket.done ? ticket.outcome : Date.now() - ticket.receivedAt < 50 ? 'received' : 'started';
		const view = {
			id: ticket.id,
			endpoint: ticket.endpoint,
			success: ticket.done && ticket.outcome !== 'failed' ? 1 : 0,
			...STATUS[phase],
			received: new Date(ticket.receivedAt).toISOString(),
			started: phase === 'received' ? '0001-01-01T00:00:00+00:00' : new Date(ticket.receivedAt + 1).toISOString(),
			processed: ticket.done ? ticket.processed : '0001-01-01T00:00:00+00:00',
		};
		if (ticket.done) {
			view.messages = ticket.messages;
			view[ticket.endpoint] = ticket.counts;
		}
		return view;
	}

	function toList(body, key) {
		if (Array.isArray(body)) return body;
		if (body && Array.isArray(body[key])) return body[key];
		if (body && typeof body === 'object' && body[key] && typeof body[key] === 'object') return [body[key]];
		return body && typeof body === 'object' ? [body] : [];
	}

	function requireAdmin(ctx) {
		if (ctx.role !== 'admin') fail(403, 'Write operations require an Admin role');
	}

	function assertWritableProject(project, prefix = '') {
		if (project.isArchived) rule(`${prefix}Project '${project.title}' is archived`);
		if (project.isTemplate) rule(`${prefix}Project '${project.title}' is a template`);
	}

	// ---------- entity writers (used by tickets) ----------
	const TASK_FIELDS = ['title', 'description', 'startDate', 'endDate', 'plannedHours', 'responsibleUserId', 'parentTaskId', 'status', 'priority', 'externalId'];
	const TR_FIELDS = ['taskId', 'userId', 'date', 'duration', 'startDate', 'endDate', 'description', 'billable', 'externalId'];
	const ABS_FIELDS = ['startDate', 'endDate', 'startDateMinutes', 'endDateMinutes', 'status', 'comment', 'externalId'];
	const PROJECT_FIELDS = ['title', 'number', 'description', 'phaseId', 'typeId', 'startDate', 'endDate', 'responsibleUserId', 'externalId'];
	const SR_FIELDS = ['title', 'reportDate', 'overallStatus', 'summary', 'externalId'];

	function copyFields(target, source, fields) {
		let changed = 0;
		for (const field of fields) {
			if (source[field] === undefined) continue;
			if (JSON.stringify(target[field]) !== JSON.stringify(source[field])) changed++;
			target[field] = source[field];
		}
		return changed;
	}

	function absenceOverlaps(candidate, ignoreId) {
		return state.absences.find(
			(a) =>
				a.id !== ignoreId &&
				a.userId === candidate.userId &&
				a.status !== 'rejected' &&
				!(candidate.endDate < a.startDate || candidate.startDate > a.endDate),
		);
	}

	function isLocked(timeRecord) {
		return config.lockedBefore && String(timeRecord.date || timeRecord.startDate || '').slice(0, 10) < config.lockedBefore;
	}

	// ---------- routes ----------
	const routes = [];
	const route = (method, path, handler) => routes.push({ method, path: `${P}/${path}`, handler });

	route('GET', 'integration/timezones/json', () => ({ body: TIMEZONES }));

	route('GET', 'integration/status/json/:ticketId', (ctx) => {
		requireGuid(ctx.params.ticketId, 'ticketId');
		const ticket = state.tickets.get(ctx.params.ticketId.toLowerCase());
		if (!ticket) notFound(`Ticket ${ctx.params.ticketId}`);
		return { body: ticketView(ticket) };
	});

	// Lookups
	route('GET', 'integration/settings/member/json', () => ({ body: clone(state.members) }));
	route('GET', 'integration/settings/absencetypes/json', () => ({ body: clone(state.absenceTypes) }));

	// Projects
	route('GET', 'integration/project/json', () => ({ body: clone(state.projects) }));
	route('GET', 'integration/project/json/:id', (ctx) => {
		requireGuid(ctx.params.id, 'projectId');
		const project = findProject(ctx.params.id);
		if (!project) notFound(`Project ${ctx.params.id}`);
		return { body: clone(project) };
	});
	function validateProject(record, prefix, isCreate) {
		const errors = [];
		if (isCreate) {
			if (!record.title || !String(record.title).trim()) errors.push(`${prefix}Title is required`);
			if (!record.phaseId) errors.push(`${prefix}PhaseId is required`);
			if (!record.typeId) errors.push(`${prefix}TypeId is required`);
		} else requireGuid(record.id, `${prefix}id`);
		for (const f of ['phaseId', 'typeId', 'responsibleUserId']) {
			if (record[f] && !GUID.test(record[f])) errors.push(`${prefix}${f} '${record[f]}' is not a valid GUID`);
		}
		errors.push(...checkDates(record, ['startDate', 'endDate'], prefix), ...endBeforeStart(record, 'startDate', 'endDate', prefix));
		return errors;
	}
	route('POST', 'integration/project/json', (ctx) => {
		requireAdmin(ctx);
		const records = toList(ctx.body, 'project');
		if (!records.length) badRequest('No project in the request body');
		const errors = records.flatMap((r, i) => validateProject(r, records.length > 1 ? `project[${i}]: ` : '', true));
		if (errors.length) badRequest(errors);
		return ticketResponse('Project', records, (record) => {
			if (!state.phases.some((p) => p.id === record.phaseId)) rule(`Phase ${record.phaseId} does not exist`);
			if (!state.types.some((p) => p.id === record.typeId)) rule(`Project type ${record.typeId} does not exist`);
			const project = { id: state.guid(), number: `P-${1001 + state.projects.length}`, description: '', startDate: null, endDate: null, responsibleUserId: null, isArchived: false, isTemplate: false, externalId: null };
			copyFields(project, record, PROJECT_FIELDS);
			state.projects.push(project);
			return { created: 1 };
		});
	});
	route('PUT', 'integration/project/json', (ctx) => {
		requireAdmin(ctx);
		const records = toList(ctx.body, 'project');
		if (!records.length) badRequest('No project in the request body');
		const errors = records.flatMap((r, i) => validateProject(r, records.length > 1 ? `project[${i}]: ` : '', false));
		if (errors.length) badRequest(errors);
		return ticketResponse('Project', records, (record) => {
			const project = findProject(record.id);
			if (!project) rule(`Project ${record.id} does not exist`);
			if (project.isTemplate) rule(`Project '${project.title}' is a template`);
			if (project.isArchived && record.isArchived !== false) rule(`Project '${project.title}' is archived`);
			let changed = copyFields(project, record, PROJECT_FIELDS);
			if (typeof record.isArchived === 'boolean' && record.isArchived !== project.isArchived) {
				project.isArchived = record.isArchived;
				changed++;
			}
			return { modified: 1, attributesModified: changed };
		});
	});
	route('DELETE', 'integration/project/json/:id', (ctx) => {
		requireAdmin(ctx);
		requireGuid(ctx.params.id, 'projectId');
		if (!findProject(ctx.params.id)) notFound(`Project ${ctx.params.id}`);
		return ticketResponse('Project', [{ id: ctx.params.id }], (record) => {
			const project = findProject(record.id);
			if (!project) rule(`Project ${record.id} does not exist`);
			state.projects = state.projects.filter((p) => p !== project);
			state.tasks = state.tasks.filter((t) => t.projectId !== project.id);
			state.timeRecords = state.timeRecords.filter((t) => t.projectId !== project.id);
			state.statusReports = state.statusReports.filter((t) => t.projectId !== project.id);
			return { deleted: 1 };
		});
	});
	route('POST', 'integration/template/project/create/json/:templateId', (ctx) => {
		requireAdmin(ctx);
		requireGuid(ctx.params.templateId, 'templateId');
		const template = findProject(ctx.params.templateId);
		if (!template || !template.isTemplate) notFound(`Project template ${ctx.params.templateId}`);
		const record = ctx.body && typeof ctx.body === 'object' && !Array.isArray(ctx.body) ? ctx.body : {};
		const errors = [];
		if (!record.title || !String(record.title).trim()) errors.push('Title is required');
		errors.push(...checkDates(record, ['startDate'], ''));
		if (errors.length) badRequest(errors);
		return ticketResponse('Project', [record], (rec) => {
			const project = { ...clone(template), id: state.guid(), number: `P-${1001 + state.projects.length}`, isTemplate: false, isArchived: false, externalId: null };
			copyFields(project, rec, PROJECT_FIELDS);
			state.projects.push(project);
			for (const task of state.tasks.filter((t) => t.projectId === template.id)) {
				state.tasks.push({ ...clone(task), id: state.guid(), projectId: project.id, externalId: null });
			}
			return { created: 1 };
		});
	});

	// Tasks
	route('GET', 'integration/task/json/:projectId', (ctx) => {
		requireGuid(ctx.params.projectId, 'projectId');
		const project = findProject(ctx.params.projectId);
		if (!project) notFound(`Project ${ctx.params.projectId}`);
		return { body: clone(state.tasks.filter((t) => t.projectId === project.id)) };
	});
	function taskWrite(ctx, isCreate) {
		requireAdmin(ctx);
		const body = ctx.body || {};
		const projectId = body.projectId;
		requireGuid(projectId, 'projectId');
		const project = findProject(projectId);
		if (!project) notFound(`Project ${projectId}`);
		const records = toList(body, 'task');
		if (!records.length) badRequest('No task in the request body');
		const errors = [];
		records.forEach((r, i) => {
			const prefix = records.length > 1 ? `task[${i}]: ` : '';
			if (isCreate && (!r.title || !String(r.title).trim())) errors.push(`${prefix}Title is required`);
			if (!isCreate && (!r.id || !GUID.test(r.id))) errors.push(`${prefix}id '${r.id ?? ''}' is not a valid GUID`);
			for (const f of ['responsibleUserId', 'parentTaskId']) if (r[f] && !GUID.test(r[f])) errors.push(`${prefix}${f} '${r[f]}' is not a valid GUID`);
			errors.push(...checkDates(r, ['startDate', 'endDate'], prefix), ...endBeforeStart(r, 'startDate', 'endDate', prefix));
		});
		if (errors.length) badRequest(errors);
		return ticketResponse('Task', records, (record) => {
			assertWritableProject(project);
			if (record.responsibleUserId && !resolveUser(record.responsibleUserId)) rule(`User ${record.responsibleUserId} does not exist`);
			if (isCreate) {
				const task = { id: state.guid(), projectId: project.id, title: '', description: '', startDate: null, endDate: null, plannedHours: null, responsibleUserId: null, parentTaskId: null, status: 'Open', priority: 'Medium', externalId: null };
				copyFields(task, record, TASK_FIELDS);
				state.tasks.push(task);
				return { created: 1 };
			}
			const task = state.tasks.find((t) => t.id === record.id.toLowerCase() && t.projectId === project.id);
			if (!task) rule(`Task ${record.id} does not exist in project '${project.title}'`);
			const changed = copyFields(task, record, TASK_FIELDS);
			if (task.endDate && task.startDate && task.endDate < task.startDate) rule('endDate must not be before startDate');
			return { modified: 1, attributesModified: changed };
		});
	}
	route('POST', 'integration/task/json', (ctx) => taskWrite(ctx, true));
	route('PUT', 'integration/task/json', (ctx) => taskWrite(ctx, false));
	route('DELETE', 'integration/task/json/:id', (ctx) => {
		requireAdmin(ctx);
		requireGuid(ctx.params.id, 'taskId');
		if (!state.tasks.some((t) => t.id === ctx.params.id.toLowerCase())) notFound(`Task ${ctx.params.id}`);
		return ticketResponse('Task', [{ id: ctx.params.id.toLowerCase() }], (record) => {
			const before = state.tasks.length;
			state.tasks = state.tasks.filter((t) => t.id !== record.id);
			if (before === state.tasks.length) rule(`Task ${record.id} does not exist`);
			return { deleted: 1 };
		});
	});

	// Time records
	route('GET', 'integration/timerecord/json/:projectId', (ctx) => {
		requireGuid(ctx.params.projectId, 'projectId');
		const project = findProject(ctx.params.projectId);
		if (!project) notFound(`Project ${ctx.params.projectId}`);
		return { body: clone(state.timeRecords.filter((t) => t.projectId === project.id)) };
	});
	function timeRecordWrite(ctx, isCreate) {
		requireAdmin(ctx);
		const body = ctx.body || {};
		requireGuid(body.projectId, 'projectId');
		const project = findProject(body.projectId);
		if (!project) notFound(`Project ${body.projectId}`);
		const records = toList(body, 'timeRecord');
		if (!records.length) badRequest('No time record in the request body');
		const errors = [];
		records.forEach((r, i) => {
			const prefix = records.length > 1 ? `timeRecord[${i}]: ` : '';
			if (!isCreate && (!r.id || !GUID.test(r.id))) errors.push(`${prefix}id '${r.id ?? ''}' is not a valid GUID`);
			if (isCreate) {
				if (!r.taskId || !GUID.test(r.taskId)) errors.push(`${prefix}taskId '${r.taskId ?? ''}' is not a valid GUID`);
				if (!r.userId) errors.push(`${prefix}userId is required`);
				if (r.duration === undefined && !(r.startDate && r.endDate)) errors.push(`${prefix}Either duration or startDate and endDate are required`);
				if (r.duration === undefined && !r.date && !r.startDate) errors.push(`${prefix}date is required`);
			}
			if (r.duration !== undefined && !(Number(r.duration) > 0)) errors.push(`${prefix}duration must be a positive number of minutes`);
			errors.push(...checkDates(r, ['date', 'startDate', 'endDate'], prefix), ...endBeforeStart(r, 'startDate', 'endDate', prefix));
		});
		if (errors.length) badRequest(errors);
		return ticketResponse('TimeRecord', records, (record) => {
			if (project.isArchived) rule(`Time cannot be booked on archived project '${project.title}'`);
			if (project.isTemplate) rule(`Time cannot be booked on template project '${project.title}'`);
			if (isCreate) {
				const task = state.tasks.find((t) => t.id === String(record.taskId).toLowerCase() && t.projectId === project.id);
				if (!task) rule(`Task ${record.taskId} does not exist in project '${project.title}'`);
				const user = resolveUser(record.userId);
				if (!user) rule(`User ${record.userId} does not exist`);
				const tr = { id: state.guid(), projectId: project.id, taskId: task.id, userId: user.id, date: null, duration: null, startDate: null, endDate: null, description: '', billable: true, externalId: null };
				copyFields(tr, record, TR_FIELDS);
				tr.userId = user.id;
				tr.taskId = task.id;
				if (!tr.date && tr.startDate) tr.date = tr.startDate.slice(0, 10);
				if (tr.duration === null && tr.startDate && tr.endDate) tr.duration = Math.round((Date.parse(tr.endDate) - Date.parse(tr.startDate)) / 60000);
				if (isLocked(tr)) rule(`Time records before ${config.lockedBefore} are locked`);
				state.timeRecords.push(tr);
				return { created: 1 };
			}
			const tr = state.timeRecords.find((t) => t.id === record.id.toLowerCase() && t.projectId === project.id);
			if (!tr) rule(`Time record ${record.id} does not exist in project '${project.title}'`);
			if (isLocked(tr)) rule(`Time record ${tr.id} is locked (period before ${config.lockedBefore})`);
			const next = { ...tr };
			const changed = copyFields(next, record, TR_FIELDS);
			if (record.userId) {
				const user = resolveUser(record.userId);
				if (!user) rule(`User ${record.userId} does not exist`);
				next.userId = user.id;
			}
			if (isLocked(next)) rule(`Time records before ${config.lockedBefore} are locked`);
			Object.assign(tr, next);
			return { modified: 1, attributesModified: changed };
		});
	}
	route('POST', 'integration/timerecord/json', (ctx) => timeRecordWrite(ctx, true));
	route('PUT', 'integration/timerecord/json', (ctx) => timeRecordWrite(ctx, false));
	route('DELETE', 'integration/timerecord/json/:id', (ctx) => {
		requireAdmin(ctx);
		requireGuid(ctx.params.id, 'timeRecordId');
		const existing = state.timeRecords.find((t) => t.id === ctx.params.id.toLowerCase());
		if (!existing) notFound(`Time record ${ctx.params.id}`);
		return ticketResponse('TimeRecord', [{ id: existing.id }], (record) => {
			const tr = state.timeRecords.find((t) => t.id === record.id);
			if (!tr) rule(`Time record ${record.id} does not exist`);
			if (isLocked(tr)) rule(`Time record ${tr.id} is locked (period before ${config.lockedBefore})`);
			state.timeRecords = state.timeRecords.filter((t) => t !== tr);
			return { deleted: 1 };
		});
	});

	// Absences
	route('GET', 'integration/absence/json', (ctx) => {
		let list = state.absences;
		const user = ctx.query.userId ? resolveUser(ctx.query.userId) : undefined;
		if (ctx.query.userId) list = list.filter((a) => user && a.userId === user.id);
		return { body: clone(list) };
	});
	function absenceWrite(ctx, isCreate) {
		requireAdmin(ctx);
		const records = toList(ctx.body, 'absence');
		if (!records.length) badRequest('No absence in the request body');
		const errors = [];
		records.forEach((r, i) => {
			const prefix = records.length > 1 ? `absence[${i}]: ` : '';
			if (!isCreate && (!r.id || !GUID.test(r.id))) errors.push(`${prefix}id '${r.id ?? ''}' is not a valid GUID`);
			if (isCreate) {
				if (!r.userId) errors.push(`${prefix}userId is required`);
				if (r.absenceTypeId === undefined || r.absenceTypeId === '') errors.push(`${prefix}absenceTypeId is required`);
				if (!r.startDate) errors.push(`${prefix}startDate is required`);
				if (!r.endDate) errors.push(`${prefix}endDate is required`);
			}
			if (r.status !== undefined && r.status !== null && !['submitted', 'approved', 'rejected'].includes(r.status)) errors.push(`${prefix}status '${r.status}' is not one of submitted, approved, rejected`);
			errors.push(...checkDates(r, ['startDate', 'endDate'], prefix), ...endBeforeStart(r, 'startDate', 'endDate', prefix));
		});
		if (errors.length) badRequest(errors);
		return ticketResponse('Absence', records, (record) => {
			let absence;
			let next;
			if (isCreate) {
				next = { id: state.guid(), userId: null, absenceTypeId: null, startDate: null, endDate: null, startDateMinutes: null, endDateMinutes: null, status: null, comment: '', externalId: null };
			} else {
				absence = state.absences.find((a) => a.id === record.id.toLowerCase());
				if (!absence) rule(`Absence ${record.id} does not exist`);
				next = { ...absence };
			}
			const changed = copyFields(next, record, ABS_FIELDS);
			if (record.userId !== undefined) {
				const user = resolveUser(record.userId);
				if (!user) rule(`User '${record.userId}' does not exist`);
				next.userId = user.id;
			}
			if (record.absenceTypeId !== undefined) {
				const type = resolveAbsenceType(record.absenceTypeId);
				if (!type) rule(`Absence type '${record.absenceTypeId}' does not exist`);
				next.absenceTypeId = type.id;
			}
			const type = state.absenceTypes.find((t) => t.id === next.absenceTypeId);
			if (next.status && type && !type.requiresApproval) rule(`Absence type '${type.name}' does not need approval; status cannot be set`);
			if (isCreate && type && type.requiresApproval && !next.status) next.status = 'submitted';
			if (next.endDate < next.startDate) rule('endDate must not be before startDate');
			const overlap = absenceOverlaps(next, next.id);
			if (overlap) rule(`The absence overlaps with an existing absence of this user (${overlap.startDate} – ${overlap.endDate})`);
			if (isCreate) {
				state.absences.push(next);
				return { created: 1 };
			}
			Object.assign(absence, next);
			return { modified: 1, attributesModified: changed };
		});
	}
	route('POST', 'integration/absence/json', (ctx) => absenceWrite(ctx, true));
	route('PUT', 'integration/absence/json', (ctx) => absenceWrite(ctx, false));
	route('DELETE', 'integration/absence/json/:id', (ctx) => {
		requireAdmin(ctx);
		requireGuid(ctx.params.id, 'absenceId');
		if (!state.absences.some((a) => a.id === ctx.params.id.toLowerCase())) notFound(`Absence ${ctx.params.id}`);
		return ticketResponse('Absence', [{ id: ctx.params.id.toLowerCase() }], (record) => {
			const before = state.absences.length;
			state.absences = state.absences.filter((a) => a.id !== record.id);
			if (before === state.absences.length) rule(`Absence ${record.id} does not exist`);
			return { deleted: 1 };
		});
	});

	// Status reports
	route('GET', 'integration/statusreport/json/:projectId', (ctx) => {
		requireGuid(ctx.params.projectId, 'projectId');
		const project = findProject(ctx.params.projectId);
		if (!project) notFound(`Project ${ctx.params.projectId}`);
		return { body: clone(state.statusReports.filter((s) => s.projectId === project.id)) };
	});
	function publishIfAsked(report, record) {
		if (record.isPublished === true && !report.isPublished) {
			report.isPublished = true;
			report.publishedDate = new Date().toISOString().slice(0, 19);
			return 1;
		}
		if (record.isPublished === false && report.isPublished) rule('A published status report cannot be changed back to draft');
		return 0;
	}
	function oneDraftRule(projectId, ignoreId) {
		const draft = state.statusReports.find((s) => s.projectId === projectId && !s.isPublished && s.id !== ignoreId);
		if (draft) rule(`The project already has a draft status report ('${draft.title}'); only one draft per project is allowed`);
	}
	route('POST', 'integration/statusreport/json', (ctx) => {
		requireAdmin(ctx);
		const records = toList(ctx.body, 'statusReport');
		if (!records.length) badRequest('No status report in the request body');
		const errors = [];
		records.forEach((r, i) => {
			const prefix = records.length > 1 ? `statusReport[${i}]: ` : '';
			if (!r.projectId || !GUID.test(r.projectId)) errors.push(`${prefix}projectId '${r.projectId ?? ''}' is not a valid GUID`);
			if (!r.title || !String(r.title).trim()) errors.push(`${prefix}Title is required`);
			errors.push(...checkDates(r, ['reportDate'], prefix));
		});
		if (errors.length) badRequest(errors);
		return ticketResponse('StatusReport', records, (record) => {
			const project = findProject(record.projectId);
			if (!project) rule(`Project ${record.projectId} does not exist`);
			assertWritableProject(project);
			if (!record.isPublished) oneDraftRule(project.id);
			const report = { id: state.guid(), projectId: project.id, title: '', reportDate: new Date().toISOString().slice(0, 10), overallStatus: 'green', summary: '', isPublished: false, publishedDate: null, externalId: null };
			copyFields(report, record, SR_FIELDS);
			publishIfAsked(report, record);
			state.statusReports.push(report);
			return { created: 1 };
		});
	});
	route('PUT', 'integration/statusreport/json', (ctx) => {
		requireAdmin(ctx);
		const records = toList(ctx.body, 'statusReport');
		if (!records.length) badRequest('No status report in the request body');
		const errors = [];
		records.forEach((r, i) => {
			const prefix = records.length > 1 ? `statusReport[${i}]: ` : '';
			if (!r.id || !GUID.test(r.id)) errors.push(`${prefix}id '${r.id ?? ''}' is not a valid GUID`);
			errors.push(...checkDates(r, ['reportDate'], prefix));
		});
		if (errors.length) badRequest(errors);
		return ticketResponse('StatusReport', records, (record) => {
			const report = state.statusReports.find((s) => s.id === record.id.toLowerCase());
			if (!report) rule(`Status report ${record.id} does not exist`);
			if (report.isPublished) rule(`Status report '${report.title}' is published and cannot be modified`);
			const changed = copyFields(report, record, SR_FIELDS) + publishIfAsked(report, record);
			return { modified: 1, attributesModified: changed };
		});
	});
	route('DELETE', 'integration/statusreport/json/:id', (ctx) => {
		requireAdmin(ctx);
		requireGuid(ctx.params.id, 'statusReportId');
		if (!state.statusReports.some((s) => s.id === ctx.params.id.toLowerCase())) notFound(`Status report ${ctx.params.id}`);
		return ticketResponse('StatusReport', [{ id: ctx.params.id.toLowerCase() }], (record) => {
			const report = state.statusReports.find((s) => s.id === record.id);
			if (!report) rule(`Status report ${record.id} does not exist`);
			if (report.isPublished) rule(`Status report '${report.title}' is published and cannot be deleted`);
			state.statusReports = state.statusReports.filter((s) => s !== report);
			return { deleted: 1 };
		});
	});
	route('POST', 'integration/template/statusreport/create/json/:templateId', (ctx) => {
		requireAdmin(ctx);
		requireGuid(ctx.params.templateId, 'templateId');
		const template = state.statusReportTemplates.find((t) => t.id === ctx.params.templateId.toLowerCase());
		if (!template) notFound(`Status report template ${ctx.params.templateId}`);
		const record = ctx.body && typeof ctx.body === 'object' && !Array.isArray(ctx.body) ? ctx.body : {};
		if (!record.projectId || !GUID.test(record.projectId)) badRequest(`projectId '${record.projectId ?? ''}' is not a valid GUID`);
		const dateErrors = checkDates(record, ['reportDate'], '');
		if (dateErrors.length) badRequest(dateErrors);
		return ticketResponse('StatusReport', [record], (rec) => {
			const project = findProject(rec.projectId);
			if (!project) rule(`Project ${rec.projectId} does not exist`);
			assertWritableProject(project);
			oneDraftRule(project.id);
			const report = { id: state.guid(), projectId: project.id, title: rec.title || template.title, reportDate: rec.reportDate || new Date().toISOString().slice(0, 10), overallStatus: 'green', summary: '', isPublished: false, publishedDate: null, externalId: rec.externalId || null };
			state.statusReports.push(report);
			return { created: 1 };
		});
	});

	// Reporting API (read-only, JSON or CSV)
	function reportRows(kind, ctx) {
		switch (kind) {
			case 'projects':
				return state.projects.filter((p) => !p.isTemplate).map((p) => ({ ProjectId: p.id, Number: p.number, Title: p.title, StartDate: p.startDate, EndDate: p.endDate, Archived: p.isArchived }));
			case 'tasks':
				return state.tasks.filter((t) => t.projectId === ctx.params.projectId.toLowerCase()).map((t) => ({ TaskId: t.id, ProjectId: t.projectId, Title: t.title, Status: t.status, StartDate: t.startDate, EndDate: t.endDate, PlannedHours: t.plannedHours }));
			case 'times':
				return state.timeRecords.map((t) => ({ TimeRecordId: t.id, ProjectId: t.projectId, TaskId: t.taskId, UserId: t.userId, Date: t.date, DurationMinutes: t.duration, Billable: t.billable }));
			case 'absences':
				return state.absences.map((a) => ({ AbsenceId: a.id, UserId: a.userId, AbsenceType: (state.absenceTypes.find((t) => t.id === a.absenceTypeId) || {}).name, StartDate: a.startDate, EndDate: a.endDate, Status: a.status }));
			default:
				return [];
		}
	}
	function toCsv(rows) {
		if (!rows.length) return '';
		const columns = Object.keys(rows[0]);
		const cell = (v) => {
			const text = v === null || v === undefined ? '' : String(v);
			return /[";\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
		};
		return [columns.join(';'), ...rows.map((r) => columns.map((c) => cell(r[c])).join(';'))].join('\r\n') + '\r\n';
	}
	function reportAnswer(ctx, rows) {
		if (ctx.query.view !== undefined) {
			requireGuid(ctx.query.view, 'view');
			if (!state.views.some((v) => v.id === String(ctx.query.view).toLowerCase())) notFound(`View ${ctx.query.view}`);
		}
		const format = String(ctx.query.format || 'JSON').toUpperCase();
		if (format === 'CSV') return { status: 200, raw: toCsv(rows), headers: { 'Content-Type': 'text/csv; charset=utf-8' } };
		if (format !== 'JSON') badRequest(`format '${ctx.query.format}' is not supported (JSON or CSV)`);
		return { body: rows };
	}
	route('GET', 'reports/projects', (ctx) => reportAnswer(ctx, reportRows('projects', ctx)));
	route('GET', 'reports/projects/:id', (ctx) => {
		requireGuid(ctx.params.id, 'projectId');
		const rows = reportRows('projects', ctx).filter((r) => r.ProjectId === ctx.params.id.toLowerCase());
		if (!rows.length) notFound(`Project ${ctx.params.id}`);
		return reportAnswer(ctx, rows);
	});
	route('GET', 'reports/tasks/:projectId', (ctx) => {
		requireGuid(ctx.params.projectId, 'projectId');
		if (!findProject(ctx.params.projectId)) notFound(`Project ${ctx.params.projectId}`);
		return reportAnswer(ctx, reportRows('tasks', ctx));
	});
	route('GET', 'reports/times/all', (ctx) => reportAnswer(ctx, reportRows('times', ctx)));
	route('GET', 'reports/absences/all', (ctx) => reportAnswer(ctx, reportRows('absences', ctx)));
	route('GET', 'reports/views', () => ({ body: clone(state.views) }));

	const sandbox = createSandbox({
		name: 'smenso',
		routes,
		config,
		errorBody: (status, message) => ({ errors: [message] }),
		notFound: (ctx) => ({ status: 404, body: { errors: [`No endpoint ${ctx.method} ${ctx.path}`] } }),
		authenticate(ctx) {
			reseedIfChanged();
			processDueTickets();
			const header = String(ctx.headers.authorization || '');
			const match = /^Basic (.+)$/.exec(header);
			const token = match ? match[1] : undefined;
			if (ctx.headers.timezone) counters.timezones[ctx.headers.timezone] = (counters.timezones[ctx.headers.timezone] || 0) + 1;
			if (ctx.headers.timezone && !TIMEZONES.includes(ctx.headers.timezone)) {
				return { status: 400, body: { errors: [`Unknown time zone '${ctx.headers.timezone}'`] } };
			}
			if (token && token === config.token) {
				ctx.role = 'admin';
				return null;
			}
			if (token && token === config.readOnlyToken) {
				ctx.role = 'member';
				return null;
			}
			if (token && token === config.noAddonToken) {
				if (ctx.path.startsWith(`${P}/integration/`)) {
					return { status: 403, body: { errors: ['The Enterprise Add-on "smenso Integration API" is not enabled for this workspace.'] } };
				}
				ctx.role = 'member';
				return null;
			}
			return { status: 401, body: { errors: ['Unauthorized: the API token is missing or invalid.'] } };
		},
		rateLimit(ctx) {
			if (!config.rateLimit) return null;
			const shape = JSON.stringify(config.rateLimit);
			if (shape !== limiterShape) {
				limiter = slidingWindow(config.rateLimit);
				limiterShape = shape;
			}
			const hit = limiter.hit(String(ctx.headers.authorization || ''));
			if (!hit.limited) return null;
			return rateLimitAnswer(hit.retryAfterSeconds, hit.resetAt);
		},
		rateLimitResponse: (retryAfter) => rateLimitAnswer(retryAfter, Date.now() + retryAfter * 1000),
		reset() {
			seedShape = JSON.stringify(config.seed || {});
			state = seedState(config.seed);
			config.ticketFault = null;
			limiter.reset();
			counters.ticketsCreated = 0;
			counters.recordsReceived = 0;
			counters.writes = 0;
			counters.timezones = {};
		},
		snapshot() {
			reseedIfChanged();
			return {
				members: state.members,
				absenceTypes: state.absenceTypes,
				phases: state.phases,
				types: state.types,
				projects: state.projects,
				tasks: state.tasks,
				timeRecords: state.timeRecords,
				absences: state.absences,
				statusReports: state.statusReports,
				statusReportTemplates: state.statusReportTemplates,
				views: state.views,
				tickets: state.ticketOrder.map((id) => ticketView(state.tickets.get(id))),
				counters,
			};
		},
	});

	function rateLimitAnswer(retryAfterSeconds, resetAt) {
		const headers = {
			'X-RateLimit-Limit': String(config.rateLimit ? config.rateLimit.limit : 0),
			'X-RateLimit-Remaining': '0',
			'X-RateLimit-Reset': String(Math.ceil(resetAt / 1000)),
		};
		if (config.rateLimitHeader !== 'reset') headers['Retry-After'] = String(retryAfterSeconds);
		return { status: 429, headers, body: { errors: ['Too many requests. Please retry later.'] } };
	}

	sandbox.counters = counters;
	sandbox.state = () => {
		reseedIfChanged();
		return state;
	};
	sandbox.baseUrl = () => `${sandbox.url}${P}`;
	sandbox.demoCredential = () => ({
		type: 'psaSmensoApi',
		name: 'smenso sandbox',
		data: { connection: 'customUrl', workspace: '', baseUrl: `${sandbox.url}${P}`, token: config.token, timezone: 'Europe/Berlin' },
	});
	/** Finishes every pending ticket now (tests). */
	sandbox.flushTickets = () => {
		for (const id of state.ticketOrder) {
			const ticket = state.tickets.get(id);
			if (!ticket.done && !ticket.never) runTicket(ticket);
		}
	};
	return sandbox;
}

module.exports = { create, P, STATUS, TIMEZONES };
