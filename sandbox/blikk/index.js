'use strict';
/**
 * Blikk sandbox (dev-only). Mimics https://publicapi.blikk.com/ as blikk-api.txt describes it:
 *
 *   POST /v1/Auth/Token with Basic base64(appId:secret) → { objectName: 'auth.token', accessToken, expires }
 *     (`expires` absolute, `yyyy-MM-dd HH:mm:ss +00:00`; lifetime config.tokenLifetimeSeconds)
 *   every other call: `Authorization: Bearer <token>`; unknown/expired → 401 { message: 'Invalid token' }
 *   more than config.rateLimit.limit (4) requests per config.rateLimit.windowMs (1000) per token (sliding
 *     window) → 429, `Retry-After` and { waitInSeconds }
 *   lists: `page` required (400 + modelState), pageSize 1..100 (default 25), sortBy/sortOrder validated,
 *     `filter.*` (keys case-insensitive, integer arrays comma-separated) → generic.pagedlist
 *   tasks as the docs list them: the day in startDate/endDate ("2026-03-02"), the time of day apart in
 *     startTime/endTime ("08:00"); a write takes "yyyy-MM-dd HH:mm:ss", and a day alone means 00:00
 *   400 { message, modelState } on invalid bodies; 400 { message } when a record does not exist (as the
 *     docs say for get/update/delete); 404 with an empty body for unknown URLs
 *   403 { message, ipAddressAllowed, permissionsRequired } for an application without a permission or an
 *     IP not on its list (see config.apps)
 *
 * Config (options or POST /__sandbox/config; setters act at once):
 * POST /__sandbox/reset restores the seed data and these settings (as given in `options`).
 *   apps: { [appId]: { secret, permissions: [...] | '*', ipAllowed } }
 *      defaults: sandbox-app/sandbox-secret (all), limited-app/limited-secret (no Contact_Read, Contact_Write),
 *      blocked-app/blocked-secret (IP not allowed)
 *   tokenLifetimeSeconds (3600)
 *   rateLimit: { limit: 4, windowMs: 1000 }
 *   seed: { contacts: N, timeReports: N }  append N generated records (fast; N up to 50 000)
 *   sendToAttest: [timeReportIds], attest: [timeReportIds]   what Blikk users do in the app (no API)
 *   expireTokens: true                     invalidate every issued token now
 */
const { createSandbox, HttpError, slidingWindow } = require('../lib/server');
const { seed, stamp, nameId, makeTimeReport, BASE } = require('./data');

const ALL_PERMISSIONS = [
	'Contact_Read',
	'Contact_Write',
	'Project_Read',
	'Task_Read',
	'Task_Write',
	'Timereport_Read',
	'Timereport_Write',
];
const DEFAULT_APPS = {
	'sandbox-app': { secret: 'sandbox-secret', permissions: '*', ipAllowed: true },
	'limited-app': {
		secret: 'limited-secret',
		permissions: ['Project_Read', 'Task_Read', 'Task_Write', 'Timereport_Read', 'Timereport_Write'],
		ipAllowed: true,
	},
	'blocked-app': { secret: 'blocked-secret', permissions: '*', ipAllowed: false },
};

const invalid = (modelState, message = 'The request is invalid.') =>
	new HttpError(400, { message, modelState });
const clientError = (message) => new HttpError(400, { message });
const clone = (v) => JSON.parse(JSON.stringify(v));
const now = () => stamp(Date.now());
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function create(options = {}) {
	let state = seed(options.seed || {});
	const tokens = new Map();
	let limiter;
	let tokenCounter = 0;

	const config = {
		apps: { ...DEFAULT_APPS, ...(options.apps || {}) },
		tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
		_rateLimit: { limit: 4, windowMs: 1000, ...(options.rateLimit || {}) },
		get rateLimit() {
			return this._rateLimit;
		},
		set rateLimit(value) {
			this._rateLimit = { ...this._rateLimit, ...(value || {}) };
			limiter = slidingWindow(this._rateLimit);
		},
		set seed(value) {
			seedMore(value || {});
		},
		get seed() {
			return { contacts: state.contacts.length, timeReports: state.timeReports.length };
		},
		set sendToAttest(ids) {
			for (const id of [].concat(ids || [])) {
				const report = state.timeReports.find((r) => r.id === Number(id));
				if (report) report.sentToAttestDate = now();
			}
		},
		set attest(ids) {
			for (const id of [].concat(ids || [])) {
				const report = state.timeReports.find((r) => r.id === Number(id));
				if (report) {
					report.sentToAttestDate = report.sentToAttestDate || now();
					report.attestedDate = now();
					report.attestedByUserId = 1;
				}
			}
		},
		set expireTokens(value) {
			if (value) for (const t of tokens.values()) t.expiresAt = 0;
		},
	};
	for (const key of ['_rateLimit'])
		Object.defineProperty(config, key, {
			enumerable: false,
			writable: true,
			value: config._rateLimit,
		});
	limiter = slidingWindow(config._rateLimit);

	function seedMore({ contacts = 0, timeReports = 0 }) {
		const maxN = 50_000;
		const at = (minutes) => stamp(BASE + minutes * 60_000);
		for (let i = 0; i < Math.min(Number(contacts) || 0, maxN); i++) {
			const id = state.next.contact++;
			const template =
				state.contacts[i % Math.min(state.contacts.length, 60)] || seed().contacts[0];
			state.contacts.push({
				...clone(template),
				id,
				name: `Bulk kontakt ${id}`,
				customerNumber: String(100 + id),
				created: at(-35000 + i / 60),
				lastUpdated: null,
			});
		}
		for (let i = 0; i < Math.min(Number(timeReports) || 0, maxN); i++) {
			const id = state.next.timeReport++;
			state.timeReports.push(
				makeTimeReport(id, id - 1, {
					users: state.users,
					projects: state.projects,
					activities: state.registers.activities.map((a) => ({
						id: a.id,
						preferredTimeCode: a.preferredTimeCode?.id,
						preferredTimeArticle: a.preferredTimeArticle?.id,
					})),
					at,
				}),
			);
		}
	}

	// ---------- helpers ----------
	function lowerQuery(query) {
		const out = {};
		for (const [k, v] of Object.entries(query))
			out[k.toLowerCase()] = Array.isArray(v) ? v[v.length - 1] : v;
		return out;
	}
	function intArray(value, field) {
		if (value === undefined || value === '') return undefined;
		const parts = String(value)
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		if (!parts.every((p) => /^-?\d+$/.test(p)))
			throw invalid({ [field]: [`The value '${value}' is not valid for ${field}.`] });
		return parts.map(Number);
	}
	function intValue(value, field) {
		if (value === undefined || value === '') return undefined;
		if (!/^-?\d+$/.test(String(value)))
			throw invalid({ [field]: [`The value '${value}' is not valid for ${field}.`] });
		return Number(value);
	}
	function boolValue(value, field) {
		if (value === undefined || value === '') return undefined;
		const v = String(value).toLowerCase();
		if (v !== 'true' && v !== 'false')
			throw invalid({ [field]: [`The value '${value}' is not valid for ${field}.`] });
		return v === 'true';
	}
	function dateValue(value, field) {
		if (value === undefined || value === '') return undefined;
		const text = String(value).trim();
		const t = timeOf(text);
		if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(t))
			throw invalid({ [field]: [`The value '${value}' is not valid for ${field}.`] });
		return t;
	}
	/** Blikk datetimes: `2022-07-01 04:43:12 +00:00`, `2021-01-01 14:00:00`, `2021-10-01`; no zone means UTC. */
	function timeOf(value) {
		if (!value) return NaN;
		let text = String(value)
			.trim()
			.replace(/^(\d{4}-\d{2}-\d{2})[ T]/, '$1T')
			.replace(/\s*\+00:00$/, 'Z');
		if (/^\d{4}-\d{2}-\d{2}$/.test(text)) text += 'T00:00:00Z';
		else if (!/(Z|[+-]\d{2}:?\d{2})$/.test(text)) text += 'Z';
		return Date.parse(text);
	}

	/** Validates paging/sorting and slices the list. `sorts` maps sortBy value (lower case) → key fn. */
	function paged(ctx, list, { sorts = {}, objectName } = {}) {
		const q = lowerQuery(ctx.query);
		const modelState = {};
		const page = q.page === undefined ? undefined : Number(q.page);
		if (page === undefined || !Number.isInteger(page) || page < 1)
			modelState.page = ['The field Page must be greater than or equal to 1.'];
		const pageSize = q.pagesize === undefined ? 25 : Number(q.pagesize);
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
			modelState.pageSize = ['The field PageSize must be between 1 and 100.'];
		let sortKey;
		if (q.sortby !== undefined) {
			sortKey = sorts[String(q.sortby).toLowerCase()];
			if (!sortKey)
				modelState.sortBy = [
					`The value '${q.sortby}' is not valid for SortBy. Valid values are: ${Object.keys(sorts).join(', ')}.`,
				];
		}
		const order = q.sortorder === undefined ? undefined : String(q.sortorder).toLowerCase();
		if (order !== undefined && order !== 'ascending' && order !== 'descending')
			modelState.sortOrder = ["The field SortOrder must be 'ascending' or 'descending'."];
		if (Object.keys(modelState).length) throw invalid(modelState);
		let items = list.slice();
		if (sortKey || order) {
			const key = sortKey || ((r) => r.id);
			const dir = order === 'descending' ? -1 : 1;
			items.sort((a, b) => {
				const ka = key(a);
				const kb = key(b);
				// Missing values sort last in both directions.
				if (ka == null && kb == null) return a.id - b.id;
				if (ka == null) return 1;
				if (kb == null) return -1;
				if (ka < kb) return -dir;
				if (ka > kb) return dir;
				return (a.id - b.id) * dir;
			});
		}
		const totalItemCount = items.length;
		const start = (page - 1) * pageSize;
		items = items.slice(start, start + pageSize);
		return {
			status: 200,
			body: {
				objectName: objectName || 'generic.pagedlist',
				page,
				pageSize,
				itemCount: items.length,
				totalItemCount,
				totalPages: Math.ceil(totalItemCount / pageSize),
				items,
			},
		};
	}

	const userName = (id) => {
		const u = state.users.find((x) => x.id === id);
		return u ? `${u.firstName} ${u.lastName}` : `User ${id}`;
	};
	const userRef = (id) => (id ? nameId(id, userName(id)) : null);
	const byTime = (field) => (r) => (r[field] ? timeOf(r[field]) : null);
	const byText = (field) => (r) => (r[field] == null ? null : String(r[field]).toLowerCase());

	function requirePermission(ctx, permission) {
		const app = ctx.app;
		if (!app) return;
		const perms = app.permissions === '*' ? ALL_PERMISSIONS : app.permissions || [];
		if (permission && !perms.includes(permission)) {
			throw new HttpError(403, {
				message: 'You dont have the nessecery permissions to perform this action',
				ipAddressAllowed: true,
				permissionsRequired: [permission],
			});
		}
	}
	const guard = (permission, handler) => (ctx) => {
		requirePermission(ctx, permission);
		return handler(ctx);
	};
	function body(ctx) {
		if (ctx.body === undefined) throw invalid({ '': ['A non-empty request body is required.'] });
		if (Buffer.isBuffer(ctx.body) || typeof ctx.body !== 'object' || Array.isArray(ctx.body))
			throw invalid({ '': ['The request body must be a JSON object.'] });
		return ctx.body;
	}
	function idParam(ctx, name = 'id') {
		const v = ctx.params[name];
		if (!/^\d+$/.test(v)) throw invalid({ [name]: [`The value '${v}' is not valid.`] });
		return Number(v);
	}
	function optionalInt(b, field, modelState) {
		const v = b[field];
		if (v === undefined || v === null) return null;
		if (!Number.isInteger(v)) modelState[field] = [`The field ${field} must be an integer.`];
		return v;
	}
	function intList(b, field, modelState) {
		const v = b[field];
		if (v === undefined || v === null) return [];
		if (!Array.isArray(v) || !v.every(Number.isInteger)) {
			modelState[field] = [`The field ${field} must be an array of integers.`];
			return [];
		}
		return v;
	}

	// ---------- contacts ----------
	const CONTACT_FIELDS = [
		'customerNumber',
		'organizationalOrSocialSecurityNumber',
		'email',
		'invoiceEmail',
		'phoneNumber',
		'cellPhoneNumber',
		'importantInformation',
	];
	const CONTACT_FLAGS = [
		'isActive',
		'isSupplier',
		'isWholeSale',
		'isRetailer',
		'isSubContractor',
		'isPartner',
		'isCustomer',
		'useReverseBuildTax',
	];
	function contactFromBody(b, existing) {
		const modelState = {};
		if (typeof b.name !== 'string' || !b.name.trim())
			modelState.name = ['The Name field is required.'];
		const type = typeof b.contactType === 'string' ? b.contactType.toLowerCase() : '';
		if (type !== 'person' && type !== 'company')
			modelState.contactType = [
				"The ContactType field is required and must be 'person' or 'company'.",
			];
		if (!Number.isInteger(b.responsibleId))
			modelState.responsibleId = ['The ResponsibleId field is required.'];
		else if (!state.users.some((u) => u.id === b.responsibleId))
			modelState.responsibleId = [`User ${b.responsibleId} does not exist.`];
		if (b.email && !/^[^@\s]+@[^@\s]+$/.test(b.email))
			modelState.email = ['The Email field is not a valid e-mail address.'];
		const tagIds = intList(b, b.tagIds !== undefined ? 'tagIds' : 'tags', modelState);
		for (const id of tagIds)
			if (!state.registers.contactTags.some((t) => t.id === id))
				modelState.tagIds = [`Tag ${id} does not exist.`];
		const companyId = optionalInt(b, 'companyId', modelState);
		const parentCompanyId = optionalInt(b, 'parentCompanyId', modelState);
		for (const [field, id] of [
			['companyId', companyId],
			['parentCompanyId', parentCompanyId],
		]) {
			if (id && !state.contacts.some((c) => c.id === id && c.contactType === 'Company'))
				modelState[field] = [`Company ${id} does not exist.`];
		}
		if (Object.keys(modelState).length) throw invalid(modelState);
		const address = (a, prev) => {
			const src = a || prev || {};
			const countryId = src.countryId ?? 1;
			const country = state.registers.countries.find((c) => c.id === countryId);
			return {
				objectName: 'generic.address',
				streetAddress: src.streetAddress ?? '',
				additionalAddress: src.additionalAddress ?? null,
				postalCode: src.postalCode ?? '',
				city: src.city ?? null,
				state: src.state ?? null,
				countryId,
				countryName: country ? country.name : null,
			};
		};
		const ref = (id) => {
			const c = state.contacts.find((x) => x.id === id);
			return c ? nameId(c.id, c.name) : null;
		};
		const record = {
			objectName: 'contact.detail',
			id: existing ? existing.id : state.next.contact++,
			name: b.name.trim(),
			contactType: type === 'person' ? 'Person' : 'Company',
			company: type === 'person' ? ref(companyId) : null,
			parentCompany: type === 'company' ? ref(parentCompanyId) : null,
			responsible: userRef(b.responsibleId),
			tags: tagIds.map((id) => {
				const t = state.registers.contactTags.find((x) => x.id === id);
				return nameId(t.id, t.title);
			}),
			visitingAddress: address(b.visitingAddress, existing && existing.visitingAddress),
			deliveryAddress: address(b.deliveryAddress, existing && existing.deliveryAddress),
			invoiceAddress: address(b.invoiceAddress, existing && existing.invoiceAddress),
		};
		for (const f of CONTACT_FIELDS)
			record[f] =
				b[f] === undefined ? (existing ? null : f === 'customerNumber' ? null : '') : b[f];
		if (!record.customerNumber) record.customerNumber = String(100 + record.id);
		for (const f of CONTACT_FLAGS)
			record[f] = b[f] === undefined ? f === 'isActive' : Boolean(b[f]);
		return record;
	}
	const contactList = (c) => ({
		objectName: 'contact.list',
		id: c.id,
		name: c.name,
		customerNumber: c.customerNumber,
		contactType: c.contactType,
		organizationalOrSocialSecurityNumber: c.organizationalOrSocialSecurityNumber,
		visitingAddress: c.visitingAddress,
		company: c.company,
		parentCompany: c.parentCompany,
		created: c.created,
		lastUpdated: c.lastUpdated,
	});
	function findContact(ctx) {
		const id = idParam(ctx);
		const c = state.contacts.find((x) => x.id === id);
		if (!c) throw clientError(`The contact with id ${id} could not be found.`);
		return c;
	}

	// ---------- tasks ----------
	function boardOfColumn(columnId) {
		for (const board of state.taskBoards) {
			const column = board.columns.find((c) => c.id === columnId);
			if (column) return { board, column };
		}
		return undefined;
	}
	function renderTask(t) {
		const where = t.taskBoardColumnId ? boardOfColumn(t.taskBoardColumnId) : undefined;
		const project = state.projects.find((p) => p.id === t.projectId);
		const allTags = state.taskBoards.flatMap((b) => b.tags);
		return {
			objectName: 'task.list',
			id: t.id,
			title: t.title,
			description: t.description,
			completedDate: t.completedDate,
			timeReportingEnabled: t.timeReportingEnabled,
			estimate: t.estimate,
			// As the docs show a task: the day in startDate/endDate, the time of day apart in startTime/endTime.
			startDate: t.startDate ? t.startDate.slice(0, 10) : null,
			startTime: t.startDate ? t.startDate.slice(11, 16) : null,
			endDate: t.endDate ? t.endDate.slice(0, 10) : null,
			endTime: t.endDate ? t.endDate.slice(11, 16) : null,
			numberOfComments: state.comments.filter((c) => c.taskId === t.id).length,
			numberOfAttachments: state.attachments.filter((a) => a.taskId === t.id).length,
			numberOfChecklistPoints: state.checklists
				.filter((c) => c.taskId === t.id)
				.reduce((n, c) => n + c.items.length, 0),
			tags: t.tagIds.map((id) => allTags.find((g) => g.id === id)).filter(Boolean),
			members: t.memberIds.map((id) => ({
				objectName: 'task.member',
				userId: id,
				userName: userName(id),
			})),
			boardColumn: where ? nameId(where.column.id, where.column.name) : null,
			board: where ? nameId(where.board.id, where.board.name) : null,
			project: project
				? {
						objectName: 'project.name_id',
						id: project.id,
						name: project.title,
						number: project.orderNumber,
					}
				: null,
			projectCollection: null,
			opportunity: null,
			createdByUser: userRef(t.createdByUserId),
			createdDate: t.createdDate,
			updatedDate: t.updatedDate,
		};
	}
	function taskFromBody(b, existing) {
		const modelState = {};
		if (typeof b.title !== 'string' || !b.title.trim())
			modelState.title = ['The Title field is required.'];
		if (b.estimate !== undefined && b.estimate !== null && typeof b.estimate !== 'number')
			modelState.estimate = ['The field Estimate must be a number.'];
		const memberIds = intList(b, 'memberIds', modelState);
		for (const id of memberIds)
			if (!state.users.some((u) => u.id === id))
				modelState.memberIds = [`User ${id} does not exist.`];
		const tagIds = intList(b, 'tagIds', modelState);
		const columnId = optionalInt(b, 'taskBoardColumnId', modelState);
		if (columnId && !boardOfColumn(columnId))
			modelState.taskBoardColumnId = [`Task board column ${columnId} does not exist.`];
		const projectId = optionalInt(b, 'projectId', modelState);
		if (projectId && !state.projects.some((p) => p.id === projectId))
			modelState.projectId = [`Project ${projectId} does not exist.`];
		const dates = {};
		for (const f of ['startDate', 'endDate']) {
			if (b[f] === undefined || b[f] === null || b[f] === '') dates[f] = null;
			else {
				const t = timeOf(b[f]);
				if (Number.isNaN(t)) modelState[f] = [`The value '${b[f]}' is not valid for ${f}.`];
				else dates[f] = stamp(t);
			}
		}
		if (Object.keys(modelState).length) throw invalid(modelState);
		const completed = b.isCompleted === true;
		return {
			id: existing ? existing.id : state.next.task++,
			title: b.title.trim(),
			description: b.description ?? null,
			completedDate: completed ? (existing && existing.completedDate) || now() : null,
			timeReportingEnabled:
				b.timeReportingEnabled === undefined ? true : Boolean(b.timeReportingEnabled),
			estimate: b.estimate ?? null,
			startDate: dates.startDate,
			endDate: dates.endDate,
			tagIds,
			memberIds,
			taskBoardColumnId: columnId,
			projectId,
			createdByUserId: existing ? existing.createdByUserId : 1,
			createdDate: existing ? existing.createdDate : now(),
			updatedDate: existing ? now() : null,
		};
	}
	function findTask(ctx, param = 'taskId') {
		const id = idParam(ctx, param);
		const t = state.tasks.find((x) => x.id === id);
		if (!t) throw clientError(`The task with id ${id} could not be found.`);
		return t;
	}
	function findChild(list, ctx, param, label) {
		const task = findTask(ctx);
		const id = idParam(ctx, param);
		const item = list.find((x) => x.id === id && x.taskId === task.id);
		if (!item) throw clientError(`The task ${label} with id ${id} could not be found.`);
		return item;
	}
	const renderChecklist = (c) => ({
		objectName: 'task.checklist.list',
		id: c.id,
		name: c.name,
		items: c.items.map((i) => ({
			objectName: 'task.checklistitem.detail',
			id: i.id,
			title: i.title,
			sortOrder: i.sortOrder,
			completedDate: i.completedDate,
			createdByUser: userRef(i.createdByUserId),
			createdDate: i.createdDate,
			updatedDate: i.updatedDate,
		})),
		createdByUser: userRef(c.createdByUserId),
		createdDate: c.createdDate,
		updatedDate: c.updatedDate,
	});
	function checklistItems(b, existing) {
		const modelState = {};
		if (typeof b.name !== 'string' || !b.name.trim())
			modelState.name = ['The Name field is required.'];
		const items = b.items === undefined || b.items === null ? [] : b.items;
		if (!Array.isArray(items)) modelState.items = ['The field Items must be an array.'];
		else
			items.forEach((item, i) => {
				if (!item || typeof item.name !== 'string' || !item.name.trim())
					modelState[`items[${i}].name`] = ['The Name field is required.'];
				if (item && item.id != null && !(existing || []).some((e) => e.id === item.id))
					modelState[`items[${i}].id`] = [`Checklist item ${item.id} does not exist.`];
			});
		if (Object.keys(modelState).length) throw invalid(modelState);
		const previous = existing || [];
		let sort = previous.reduce((m, e) => Math.max(m, e.sortOrder + 1), 0);
		return items.map((item) => {
			const old = item.id != null ? previous.find((e) => e.id === item.id) : undefined;
			const completed = item.isCompleted === true;
			return {
				id: old ? old.id : state.next.checklistItem++,
				title: item.name.trim(),
				sortOrder: old ? old.sortOrder : sort++,
				completedDate: completed ? (old && old.completedDate) || now() : null,
				createdByUserId: old ? old.createdByUserId : 1,
				createdDate: old ? old.createdDate : now(),
				updatedDate: old ? now() : null,
			};
		});
	}
	const renderAttachment = (a) => ({
		objectName: 'task.attachment.list',
		id: a.id,
		name: a.name,
		type: a.type,
		contentType: a.contentType,
		sizeInBytes: a.content ? a.content.length : null,
		externalLinkUrl: a.externalLinkUrl,
		createdByUser: userRef(a.createdByUserId),
		createdDate: a.createdDate,
		updatedDate: a.updatedDate,
	});

	/** Minimal multipart/form-data parser: { fields, files: [{ name, filename, contentType, data }] }. */
	function parseMultipart(ctx) {
		const type = String(ctx.headers['content-type'] || '');
		const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
		if (!type.includes('multipart/form-data') || !match) return undefined;
		const boundary = Buffer.from(`--${match[1] || match[2]}`);
		const raw = ctx.rawBody;
		const fields = {};
		const files = [];
		let pos = raw.indexOf(boundary);
		while (pos !== -1) {
			const start = pos + boundary.length;
			if (raw.slice(start, start + 2).toString() === '--') break;
			const headerEnd = raw.indexOf('\r\n\r\n', start);
			if (headerEnd === -1) break;
			const headers = raw.slice(start + 2, headerEnd).toString('utf8');
			const next = raw.indexOf(boundary, headerEnd + 4);
			if (next === -1) break;
			const data = raw.slice(headerEnd + 4, next - 2);
			const name = /name="([^"]*)"/i.exec(headers);
			const filename = /filename="([^"]*)"/i.exec(headers);
			const partType = /content-type:\s*([^\r\n]+)/i.exec(headers);
			if (name && filename)
				files.push({
					name: name[1],
					filename: filename[1],
					contentType: partType ? partType[1].trim() : 'application/octet-stream',
					data,
				});
			else if (name) fields[name[1]] = data.toString('utf8');
			pos = next;
		}
		return { fields, files };
	}

	// ---------- time reports ----------
	const reg = (list, id) => (id == null ? null : list.find((x) => x.id === id));
	const regRef = (list, id) => {
		const r = reg(list, id);
		return r ? nameId(r.id, r.name ?? r.title) : null;
	};
	function renderTimeReport(r, detail) {
		const project = state.projects.find((p) => p.id === r.projectId);
		const contactId = project && project.customer ? project.customer.id : null;
		const base = {
			objectName: detail ? 'timereport.detail' : 'timereport.list',
			id: r.id,
			date: r.date,
			clockStart: r.clockStart,
			clockEnd: r.clockEnd,
			hours: r.hours,
			invoiceableHours: r.invoiceableHours,
			breakMinutes: r.breakMinutes,
			cost: r.cost,
			rate: r.rate,
			discount: r.discount,
			comment: r.comment,
			internalComment: r.internalComment,
			sentToAttestDate: r.sentToAttestDate,
			attestedDate: r.attestedDate,
		};
		if (detail) base.attestedByUser = userRef(r.attestedByUserId);
		Object.assign(base, {
			user: userRef(r.userId),
			project: project
				? {
						objectName: 'project.name_id',
						id: project.id,
						name: project.title,
						number: project.orderNumber,
					}
				: null,
			internalProject: regRef(state.registers.internalProjects, r.internalProjectId),
			absenceProject: regRef(state.registers.absenceProjects, r.absenceProjectId),
			contact: contactId ? project.customer : null,
			activity: regRef(state.registers.activities, r.activityId),
			timeCode: regRef(state.registers.timeCodes, r.timeCodeId),
			timeArticle: regRef(state.registers.timeArticles, r.timeArticleId),
			costCenter: null,
		});
		if (detail) {
			const task = state.tasks.find((t) => t.id === r.taskId);
			Object.assign(base, {
				bookingProject: null,
				invoiceId: null,
				task: task ? nameId(task.id, task.title) : null,
				travelReport: r.travelReport,
				allowanceReport: r.allowanceReport,
				materials: r.materials,
				equipments: r.equipments,
				additions: r.additions,
			});
		} else {
			Object.assign(base, {
				invoiceId: null,
				travelReportId: r.travelReport ? r.travelReport.id : null,
				allowanceReportId: r.allowanceReport ? r.allowanceReport.id : null,
			});
		}
		base.createdDate = r.createdDate;
		base.updatedDate = r.updatedDate;
		return base;
	}
	function timeReportFromBody(b, existing) {
		const modelState = {};
		const dateT = timeOf(b.date);
		if (b.date === undefined || b.date === null || Number.isNaN(dateT))
			modelState.date = ['The Date field is required.'];
		for (const f of ['hours', 'invoiceableHours']) {
			if (typeof b[f] !== 'number' || !Number.isFinite(b[f]))
				modelState[f] = [`The ${f} field is required and must be a number.`];
			else if (b[f] < 0 || b[f] > 24) modelState[f] = [`The field ${f} must be between 0 and 24.`];
		}
		for (const f of ['clockStart', 'clockEnd']) {
			if (b[f] !== undefined && b[f] !== null && b[f] !== '' && !HHMM.test(b[f]))
				modelState[f] = [`The field ${f} must be in the format "hh:mm".`];
		}
		if (b.breakMinutes != null && !Number.isInteger(b.breakMinutes))
			modelState.breakMinutes = ['The field BreakMinutes must be an integer.'];
		if (!Number.isInteger(b.userId) || !state.users.some((u) => u.id === b.userId))
			modelState.userId = ['The UserId field is required and must point to an existing user.'];
		const checks = [
			['activityId', state.registers.activities, true],
			['timeCodeId', state.registers.timeCodes, true],
			['timeArticleId', state.registers.timeArticles, true],
			['internalProjectId', state.registers.internalProjects, false],
			['absenceProjectId', state.registers.absenceProjects, false],
			['projectId', state.projects, false],
			['taskId', state.tasks, false],
		];
		for (const [field, list, required] of checks) {
			const v = b[field];
			if (v === undefined || v === null) {
				if (required) modelState[field] = [`The ${field} field is required.`];
				continue;
			}
			if (!Number.isInteger(v) || !list.some((x) => x.id === v))
				modelState[field] = [`${field} ${v} does not exist.`];
		}
		const targets = ['projectId', 'internalProjectId', 'absenceProjectId'].filter(
			(f) => b[f] != null,
		);
		if (targets.length !== 1 && !modelState.projectId)
			modelState.projectId = [
				'Exactly one of ProjectId, InternalProjectId and AbsenceProjectId must be set.',
			];
		if (b.activityId != null) {
			const activity = reg(state.registers.activities, b.activityId);
			if (activity && !activity.isActive)
				modelState.activityId = [`Activity ${activity.name} is inactive.`];
		}
		if (existing && existing.attestedDate)
			throw clientError('The time report is attested and can no longer be changed.');
		if (Object.keys(modelState).length) throw invalid(modelState);
		const materials = (b.materials || []).map((m) => ({
			objectName: 'timereport.detail.materialreport',
			id: m.id || state.next.material++,
			title: m.title ?? null,
			units: m.units ?? 0,
			costPerUnit: m.cost ?? null,
			discountInPercent: m.discountInPercent ?? null,
			invoicableUnits: m.invoiceableUnits ?? null,
			unitPrice: m.unitPrice ?? 0,
			invoicableUnitPrice: m.invoiceableUnitPrice ?? null,
			taxPercent: 25,
			amount: (m.units || 0) * (m.unitPrice || 0),
			invoicableAmount: null,
			cost: m.cost ?? null,
			calculatedUnits: m.calculatedUnits ?? null,
			tax: (m.units || 0) * (m.unitPrice || 0) * 0.25,
			toBeInvoiced: !m.isTextOnly,
			article: regRef(state.registers.articles, m.articleId),
			unitText: m.unitText ?? null,
			invoicableUnitText: m.unitText ?? null,
			isRotRut: false,
			invoiceId: null,
			articleNumber: m.articleNumber ?? null,
			costCenter: null,
			bookingProject: null,
		}));
		const equipments = (b.equipments || []).map((e) => ({
			objectName: 'timereport.detail.equipmentreport',
			id: e.id || state.next.material++,
			hours: e.hours ?? 0,
			cost: null,
			rate: null,
			invoicableRate: null,
			invoicableHours: e.hours ?? 0,
			article: regRef(state.registers.articles, e.articleId),
			invoiceId: null,
			discount: null,
			comment: e.comment ?? null,
			costCenter: null,
			bookingProject: null,
		}));
		const additions = (b.additions || []).map((a) => ({
			objectName: 'timereport.detail.additionreport',
			id: a.id || state.next.material++,
			salaryCount: a.numberCount ?? (a.yesNo ? 1 : 0),
			invoicableCount: a.numberCount ?? (a.yesNo ? 1 : 0),
			cost: null,
			invoicablePrice: null,
			discount: null,
			article:
				regRef(state.registers.timeAdditions, a.articleId) ||
				nameId(a.articleId, `Tillägg ${a.articleId}`),
			costCenter: null,
			bookingProject: null,
		}));
		const travel = b.travelReport
			? {
					objectName: 'timereport.detail.travelreport',
					id:
						(existing && existing.travelReport && existing.travelReport.id) ||
						state.next.material++,
					place: b.travelReport.place ?? null,
					invoicablePlace: b.travelReport.place ?? null,
					distance: b.travelReport.distance ?? 0,
					invoicableDistance: b.travelReport.invoiceableDistance ?? null,
					toSalary: Boolean(b.travelReport.toSalary),
					toBeInvoiced: true,
					cost: null,
					rate: null,
					discount: null,
					sentToAttestDate: null,
					attestedDate: null,
					costCenter: null,
					bookingProject: null,
					invoiceId: null,
					companyCar: b.travelReport.companyCar
						? {
								objectName: 'timereport.detail.travelreport.companycar',
								name:
									(regRef(state.registers.companyCars, b.travelReport.companyCar.id) || {}).name ??
									null,
								...b.travelReport.companyCar,
							}
						: null,
				}
			: null;
		const allowance = b.allowanceReport
			? {
					objectName: 'timereport.detail.allowancereport',
					id:
						(existing && existing.allowanceReport && existing.allowanceReport.id) ||
						state.next.material++,
					description: b.allowanceReport.description ?? null,
					cost: null,
					amount: null,
					invoicableAmount: null,
					discount: null,
					invoicableSpecification:
						(regRef(state.registers.allowances, b.allowanceReport.allowanceTypeId) || {}).name ??
						'',
					toBeInvoiced: Boolean(b.allowanceReport.toBeInvoiced),
					sentToAttestDate: null,
					attestedDate: null,
					costCenter: null,
					bookingProject: null,
					invoiceId: null,
				}
			: null;
		return {
			id: existing ? existing.id : state.next.timeReport++,
			date: stamp(dateT).slice(0, 10),
			clockStart: b.clockStart || null,
			clockEnd: b.clockEnd || null,
			hours: b.hours,
			invoiceableHours: b.invoiceableHours,
			breakMinutes: b.breakMinutes ?? null,
			cost: existing ? existing.cost : 350,
			rate: existing ? existing.rate : 550,
			discount: null,
			comment: b.comment ?? null,
			internalComment: b.internalComment ?? null,
			sentToAttestDate: existing ? existing.sentToAttestDate : null,
			attestedDate: existing ? existing.attestedDate : null,
			attestedByUserId: existing ? existing.attestedByUserId : null,
			userId: b.userId,
			projectId: b.projectId ?? null,
			internalProjectId: b.internalProjectId ?? null,
			absenceProjectId: b.absenceProjectId ?? null,
			activityId: b.activityId,
			timeCodeId: b.timeCodeId,
			timeArticleId: b.timeArticleId,
			taskId: b.taskId ?? null,
			travelReport: travel,
			allowanceReport: allowance,
			materials,
			equipments,
			additions,
			createdDate: existing ? existing.createdDate : now(),
			updatedDate: existing ? now() : null,
		};
	}
	function findTimeReport(ctx) {
		const id = idParam(ctx);
		const r = state.timeReports.find((x) => x.id === id);
		if (!r) throw clientError(`The time report with id ${id} could not be found.`);
		return r;
	}

	// ---------- admin registers ----------
	const registerRoute = (path, key, sorts, filter) => ({
		method: 'GET',
		path,
		handler: (ctx) => {
			let list = state.registers[key];
			const q = lowerQuery(ctx.query);
			if (filter && q['filter.query'])
				list = list.filter((r) =>
					filter(r).toLowerCase().includes(String(q['filter.query']).toLowerCase()),
				);
			return paged(ctx, list, { sorts });
		},
	});
	const NAME_DATES = {
		name: byText('name'),
		createddate: byTime('created'),
		updateddate: byTime('updated'),
	};

	const routes = [
		{
			method: 'POST',
			path: '/v1/Auth/Token',
			public: true,
			handler: (ctx) => {
				const header = String(ctx.headers.authorization || '');
				const m = /^Basic\s+(.+)$/i.exec(header);
				const fail = () => new HttpError(401, { message: 'Invalid application id or secret' });
				if (!m) throw fail();
				const decoded = Buffer.from(m[1], 'base64').toString('utf8');
				const colon = decoded.indexOf(':');
				const appId = decoded.slice(0, colon);
				const secret = decoded.slice(colon + 1);
				const app = config.apps[appId];
				if (colon < 0 || !app || app.secret !== secret) throw fail();
				tokenCounter++;
				const hex = (n) => (n + tokenCounter * 7919).toString(16).padStart(12, '0').slice(-12);
				const accessToken = `pk_00000000-0000-4000-8000-${hex(1)}.pa_00000000-0000-4000-8000-${hex(Date.now() % 1e9)}`;
				// `expires` has whole seconds: round up so a token lives at least the configured lifetime.
				const expiresAt =
					Math.ceil((Date.now() + config.tokenLifetimeSeconds * 1000) / 1000) * 1000;
				tokens.set(accessToken, { appId, expiresAt });
				return {
					status: 200,
					body: { objectName: 'auth.token', accessToken, expires: stamp(expiresAt) },
				};
			},
		},
		// Contacts
		{
			method: 'GET',
			path: '/v1/Core/Contacts',
			handler: guard('Contact_Read', (ctx) => {
				const q = lowerQuery(ctx.query);
				let list = state.contacts;
				if (q['filter.query']) {
					const text = String(q['filter.query']).toLowerCase();
					list = list.filter(
						(c) =>
							c.name.toLowerCase().includes(text) ||
							String(c.customerNumber).toLowerCase().includes(text),
					);
				}
				const tagIds = intArray(q['filter.tagids'], 'filter.tagIds');
				if (tagIds)
					list = list.filter((c) => tagIds.every((id) => c.tags.some((t) => t.id === id)));
				const since = dateValue(q['filter.createdorupdatedsince'], 'filter.createdOrUpdatedSince');
				if (since !== undefined)
					list = list.filter((c) => timeOf(c.lastUpdated || c.created) >= since);
				if (q['filter.contacttype'] !== undefined) {
					const type = String(q['filter.contacttype']).toLowerCase();
					if (type !== 'person' && type !== 'company')
						throw invalid({
							'filter.contactType': [
								`The value '${q['filter.contacttype']}' is not valid for ContactType.`,
							],
						});
					list = list.filter((c) => c.contactType.toLowerCase() === type);
				}
				return paged(ctx, list.map(contactList), {
					sorts: {
						name: byText('name'),
						customernumber: byText('customerNumber'),
						created: byTime('created'),
						updated: (r) => (r.lastUpdated ? timeOf(r.lastUpdated) : null),
					},
				});
			}),
		},
		{
			method: 'GET',
			path: '/v1/Core/Contacts/:id',
			handler: guard('Contact_Read', (ctx) => ({ status: 200, body: clone(findContact(ctx)) })),
		},
		{
			method: 'POST',
			path: '/v1/Core/Contacts',
			handler: guard('Contact_Write', (ctx) => {
				const record = contactFromBody(body(ctx));
				record.created = now();
				record.createdBy = nameId(1, userName(1));
				record.lastUpdated = null;
				record.lastUpdatedBy = null;
				state.contacts.push(record);
				return { status: 201, body: clone(record) };
			}),
		},
		{
			method: 'PUT',
			path: '/v1/Core/Contacts/:id',
			handler: guard('Contact_Write', (ctx) => {
				const existing = findContact(ctx);
				const record = contactFromBody(body(ctx), existing);
				Object.assign(existing, record, {
					lastUpdated: now(),
					lastUpdatedBy: nameId(1, userName(1)),
				});
				return { status: 200, body: clone(existing) };
			}),
		},
		{
			method: 'DELETE',
			path: '/v1/Core/Contacts/:id',
			handler: guard('Contact_Write', (ctx) => {
				const c = findContact(ctx);
				if (state.projects.some((p) => p.customer && p.customer.id === c.id))
					throw clientError(
						`The contact ${c.name} is the customer of a project and cannot be deleted.`,
					);
				state.contacts = state.contacts.filter((x) => x !== c);
				return { status: 200 };
			}),
		},
		// Projects
		{
			method: 'GET',
			path: '/v1/Core/Projects',
			handler: guard('Project_Read', (ctx) => {
				const q = lowerQuery(ctx.query);
				let list = state.projects;
				if (q['filter.query']) {
					const text = String(q['filter.query']).toLowerCase();
					list = list.filter((p) =>
						[p.orderNumber, p.title, p.customer && p.customer.name].some(
							(v) => v && String(v).toLowerCase().includes(text),
						),
					);
				}
				return paged(ctx, list, {
					sorts: {
						ordernumber: (r) => Number(r.orderNumber),
						title: byText('title'),
						createddate: byTime('created'),
						updateddate: byTime('updated'),
					},
				});
			}),
		},
		// Task boards
		{
			method: 'GET',
			path: '/v1/Core/TaskBoards',
			handler: guard('Task_Read', (ctx) => {
				const q = lowerQuery(ctx.query);
				let list = state.taskBoards.map((b) => ({
					...b,
					columns: b.columns.map((c) => ({
						...c,
						taskCount: state.tasks.filter((t) => t.taskBoardColumnId === c.id).length,
					})),
				}));
				if (q['filter.query'])
					list = list.filter((b) =>
						b.name.toLowerCase().includes(String(q['filter.query']).toLowerCase()),
					);
				const projectIds = intArray(q['filter.projectids'], 'filter.projectIds');
				if (projectIds) list = list.filter((b) => b.project && projectIds.includes(b.project.id));
				return paged(ctx, list, {
					sorts: {
						createddate: byTime('createdDate'),
						updateddate: byTime('updatedDate'),
						name: byText('name'),
					},
				});
			}),
		},
		// Tasks
		{
			method: 'GET',
			path: '/v1/Core/Tasks',
			handler: guard('Task_Read', (ctx) => {
				const q = lowerQuery(ctx.query);
				let list = state.tasks;
				const from = dateValue(q['filter.from'], 'filter.from');
				if (from !== undefined)
					list = list.filter((t) => t.startDate && timeOf(t.startDate) >= from);
				const to = dateValue(q['filter.to'], 'filter.to');
				if (to !== undefined) list = list.filter((t) => t.endDate && timeOf(t.endDate) <= to);
				const memberIds = intArray(q['filter.memberids'], 'filter.memberIds');
				if (memberIds) list = list.filter((t) => t.memberIds.some((id) => memberIds.includes(id)));
				const createdBy = intArray(q['filter.createdbyuserids'], 'filter.createdByUserIds');
				if (createdBy) list = list.filter((t) => createdBy.includes(t.createdByUserId));
				const taskIds = intArray(q['filter.taskids'], 'filter.taskIds');
				if (taskIds) list = list.filter((t) => taskIds.includes(t.id));
				const boardId = intValue(q['filter.taskboardid'], 'filter.taskBoardId');
				if (boardId === -1) list = list.filter((t) => !t.taskBoardColumnId);
				else if (boardId !== undefined)
					list = list.filter(
						(t) => t.taskBoardColumnId && boardOfColumn(t.taskBoardColumnId).board.id === boardId,
					);
				const columnId = intValue(q['filter.taskboardcolumnid'], 'filter.taskBoardColumnId');
				if (columnId !== undefined) list = list.filter((t) => t.taskBoardColumnId === columnId);
				return paged(ctx, list.map(renderTask), {
					sorts: {
						createddate: byTime('createdDate'),
						title: byText('title'),
						startdate: byTime('startDate'),
						enddate: byTime('endDate'),
					},
				});
			}),
		},
		{
			method: 'POST',
			path: '/v1/Core/Tasks',
			handler: guard('Task_Write', (ctx) => {
				const task = taskFromBody(body(ctx));
				state.tasks.push(task);
				return { status: 200, body: renderTask(task) };
			}),
		},
		{
			method: 'PUT',
			path: '/v1/Core/Tasks/:taskId',
			handler: guard('Task_Write', (ctx) => {
				const existing = findTask(ctx);
				Object.assign(existing, taskFromBody(body(ctx), existing));
				return { status: 200, body: renderTask(existing) };
			}),
		},
		{
			method: 'DELETE',
			path: '/v1/Core/Tasks/:taskId',
			handler: guard('Task_Write', (ctx) => {
				const task = findTask(ctx);
				if (state.timeReports.some((r) => r.taskId === task.id))
					throw clientError('The task has time reported and cannot be deleted.');
				state.tasks = state.tasks.filter((t) => t !== task);
				return { status: 200 };
			}),
		},
		// Comments
		{
			method: 'GET',
			path: '/v1/Core/Tasks/:taskId/Comments',
			handler: guard('Task_Read', (ctx) => {
				const task = findTask(ctx);
				const list = state.comments
					.filter((c) => c.taskId === task.id)
					.map((c) => ({
						objectName: 'task.comment.list',
						id: c.id,
						text: c.text,
						createdByUser: userRef(c.createdByUserId),
						updatedByUser: userRef(c.updatedByUserId),
						createdDate: c.createdDate,
						updatedDate: c.updatedDate,
					}));
				return paged(ctx, list, { sorts: { createddate: byTime('createdDate') } });
			}),
		},
		{
			method: 'POST',
			path: '/v1/Core/Tasks/:taskId/Comments',
			handler: guard('Task_Write', (ctx) => {
				const task = findTask(ctx);
				const b = body(ctx);
				if (typeof b.text !== 'string' || !b.text.trim())
					throw invalid({ text: ['The Text field is required.'] });
				const comment = {
					id: state.next.comment++,
					taskId: task.id,
					text: b.text,
					createdByUserId: 1,
					updatedByUserId: null,
					createdDate: now(),
					updatedDate: null,
				};
				state.comments.push(comment);
				return {
					status: 200,
					body: {
						objectName: 'task.comment.detail',
						id: comment.id,
						text: comment.text,
						createdByUser: userRef(1),
						updatedByUser: null,
						createdDate: comment.createdDate,
						updatedDate: null,
					},
				};
			}),
		},
		{
			method: 'PUT',
			path: '/v1/Core/Tasks/:taskId/Comments/:commentId',
			handler: guard('Task_Write', (ctx) => {
				const comment = findChild(state.comments, ctx, 'commentId', 'comment');
				const b = body(ctx);
				if (typeof b.text !== 'string' || !b.text.trim())
					throw invalid({ text: ['The Text field is required.'] });
				Object.assign(comment, { text: b.text, updatedByUserId: 1, updatedDate: now() });
				return {
					status: 200,
					body: {
						objectName: 'task.comment.detail',
						id: comment.id,
						text: comment.text,
						createdByUser: userRef(comment.createdByUserId),
						updatedByUser: userRef(1),
						createdDate: comment.createdDate,
						updatedDate: comment.updatedDate,
					},
				};
			}),
		},
		{
			method: 'DELETE',
			path: '/v1/Core/Tasks/:taskId/Comments/:commentId',
			handler: guard('Task_Write', (ctx) => {
				const comment = findChild(state.comments, ctx, 'commentId', 'comment');
				state.comments = state.comments.filter((c) => c !== comment);
				return { status: 200 };
			}),
		},
		// Checklists
		{
			method: 'GET',
			path: '/v1/Core/Tasks/:taskId/Checklists',
			handler: guard('Task_Read', (ctx) => {
				const task = findTask(ctx);
				return paged(
					ctx,
					state.checklists.filter((c) => c.taskId === task.id).map(renderChecklist),
					{ sorts: { name: byText('name') } },
				);
			}),
		},
		{
			method: 'POST',
			path: '/v1/Core/Tasks/:taskId/Checklists',
			handler: guard('Task_Write', (ctx) => {
				const task = findTask(ctx);
				const b = body(ctx);
				const items = checklistItems(b);
				const checklist = {
					id: state.next.checklist++,
					taskId: task.id,
					name: b.name.trim(),
					items,
					createdByUserId: 1,
					createdDate: now(),
					updatedDate: null,
				};
				state.checklists.push(checklist);
				return {
					status: 200,
					body: { ...renderChecklist(checklist), objectName: 'task.checklist.detail' },
				};
			}),
		},
		{
			method: 'PUT',
			path: '/v1/Core/Tasks/:taskId/Checklists/:checklistId',
			handler: guard('Task_Write', (ctx) => {
				const checklist = findChild(state.checklists, ctx, 'checklistId', 'checklist');
				const b = body(ctx);
				const items = checklistItems(b, checklist.items);
				Object.assign(checklist, { name: b.name.trim(), items, updatedDate: now() });
				return {
					status: 200,
					body: { ...renderChecklist(checklist), objectName: 'task.checklist.detail' },
				};
			}),
		},
		{
			method: 'DELETE',
			path: '/v1/Core/Tasks/:taskId/Checklists/:checklistId',
			handler: guard('Task_Write', (ctx) => {
				const checklist = findChild(state.checklists, ctx, 'checklistId', 'checklist');
				state.checklists = state.checklists.filter((c) => c !== checklist);
				return { status: 200 };
			}),
		},
		// Attachments
		{
			method: 'GET',
			path: '/v1/Core/Tasks/:taskId/Attachments',
			handler: guard('Task_Read', (ctx) => {
				const task = findTask(ctx);
				return paged(
					ctx,
					state.attachments.filter((a) => a.taskId === task.id).map(renderAttachment),
					{ sorts: { name: byText('name') } },
				);
			}),
		},
		{
			method: 'GET',
			path: '/v1/Core/Tasks/:taskId/Attachments/:attachmentId/Download',
			handler: guard('Task_Read', (ctx) => {
				const a = findChild(state.attachments, ctx, 'attachmentId', 'attachment');
				if (a.type !== 'file')
					throw clientError('The attachment is a link and has no file to download.');
				return {
					status: 200,
					raw: a.content,
					headers: {
						'Content-Type': a.contentType || 'application/octet-stream',
						'Content-Disposition': `attachment; filename="${encodeURIComponent(a.name)}"`,
						'Content-Length': a.content.length,
					},
				};
			}),
		},
		{
			method: 'POST',
			path: '/v1/Core/Tasks/:taskId/Attachments',
			handler: guard('Task_Write', (ctx) => {
				const task = findTask(ctx);
				const multipart = parseMultipart(ctx);
				const fields = multipart
					? multipart.fields
					: ctx.body && !Buffer.isBuffer(ctx.body)
						? ctx.body
						: {};
				const file = multipart && multipart.files[0];
				const modelState = {};
				if (!file && !fields.externalUrl)
					modelState.file = ['Either a file or an ExternalUrl is required.'];
				if (fields.externalUrl && !/^https?:\/\//i.test(fields.externalUrl))
					modelState.externalUrl = ['The ExternalUrl field is not a valid URL.'];
				if (
					fields.externalUrlType &&
					!['googledrive', 'dropbox', 'onedrive'].includes(
						String(fields.externalUrlType).toLowerCase(),
					)
				)
					modelState.externalUrlType = ['Valid values are: googleDrive, dropbox, oneDrive.'];
				if (Object.keys(modelState).length) throw invalid(modelState);
				const attachment = {
					id: state.next.attachment++,
					taskId: task.id,
					name: fields.name || (file ? file.filename : fields.externalUrl),
					type: file ? 'file' : 'link',
					contentType: file ? file.contentType : null,
					content: file ? file.data : null,
					externalLinkUrl: file ? null : fields.externalUrl,
					externalUrlType: file ? null : fields.externalUrlType || null,
					createdByUserId: 1,
					createdDate: now(),
					updatedDate: null,
				};
				state.attachments.push(attachment);
				return {
					status: 200,
					body: { ...renderAttachment(attachment), objectName: 'task.attachment.detail' },
				};
			}),
		},
		{
			method: 'PUT',
			path: '/v1/Core/Tasks/:taskId/Attachments/:attachmentId',
			handler: guard('Task_Write', (ctx) => {
				const a = findChild(state.attachments, ctx, 'attachmentId', 'attachment');
				const b = body(ctx);
				if (typeof b.name !== 'string' || !b.name.trim())
					throw invalid({ name: ['The Name field is required.'] });
				Object.assign(a, { name: b.name.trim(), updatedDate: now() });
				return {
					status: 200,
					body: { ...renderAttachment(a), objectName: 'task.attachment.detail' },
				};
			}),
		},
		{
			method: 'DELETE',
			path: '/v1/Core/Tasks/:taskId/Attachments/:attachmentId',
			handler: guard('Task_Write', (ctx) => {
				const a = findChild(state.attachments, ctx, 'attachmentId', 'attachment');
				state.attachments = state.attachments.filter((x) => x !== a);
				return { status: 200 };
			}),
		},
		// Time reports (UserDayStatistics before :id so the literal path wins)
		{
			method: 'GET',
			path: '/v1/Core/TimeReports/UserDayStatistics',
			handler: guard('Timereport_Read', (ctx) => {
				const q = lowerQuery(ctx.query);
				const from = dateValue(q['filter.from'], 'filter.from');
				const to = dateValue(q['filter.to'], 'filter.to');
				const modelState = {};
				if (from === undefined) modelState['filter.from'] = ['The From field is required.'];
				if (to === undefined) modelState['filter.to'] = ['The To field is required.'];
				if (from !== undefined && to !== undefined && (to < from || to - from > 30 * 86400000))
					modelState['filter.to'] = ['The date span can be a maximum of 31 days.'];
				if (Object.keys(modelState).length) throw invalid(modelState);
				const userIds = intArray(q['filter.userids'], 'filter.userIds');
				const departmentIds = intArray(q['filter.departmentids'], 'filter.departmentIds');
				let users = state.users;
				if (userIds) users = users.filter((u) => userIds.includes(u.id));
				if (departmentIds)
					users = users.filter((u) => u.department && departmentIds.includes(u.department.id));
				const days = [];
				for (let t = from; t <= to; t += 86400000) days.push(stamp(t).slice(0, 10));
				const list = users.map((u) => ({
					objectName: 'timereport.userdaystatistics',
					userId: u.id,
					name: `${u.firstName} ${u.lastName}`,
					department: u.department,
					dates: days.map((date) => {
						const reports = state.timeReports.filter((r) => r.userId === u.id && r.date === date);
						const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
						return {
							objectName: 'timereport.userdaystatistics.datedata',
							date,
							reportedHours: reports.reduce((n, r) => n + r.hours, 0),
							scheduledHours: weekday === 0 || weekday === 6 ? 0 : 8,
							lockedDate: null,
							attestedDate:
								reports.length && reports.every((r) => r.attestedDate)
									? reports[0].attestedDate
									: null,
						};
					}),
				}));
				return paged(ctx, list, { sorts: { name: byText('name') } });
			}),
		},
		{
			method: 'GET',
			path: '/v1/Core/TimeReports',
			handler: guard('Timereport_Read', (ctx) => {
				const q = lowerQuery(ctx.query);
				let list = state.timeReports;
				const from = dateValue(q['filter.from'], 'filter.from');
				if (from !== undefined) list = list.filter((r) => timeOf(r.date) >= from);
				const to = dateValue(q['filter.to'], 'filter.to');
				if (to !== undefined) list = list.filter((r) => timeOf(r.date) <= to);
				const userIds = intArray(q['filter.userids'], 'filter.userIds');
				if (userIds) list = list.filter((r) => userIds.includes(r.userId));
				for (const [key, field, label] of [
					['filter.projectid', 'projectId', 'filter.projectId'],
					['filter.internalprojectid', 'internalProjectId', 'filter.internalProjectId'],
					['filter.absenceprojectid', 'absenceProjectId', 'filter.absenceProjectId'],
				]) {
					const v = intValue(q[key], label);
					if (v !== undefined) list = list.filter((r) => r[field] === v);
				}
				const contactId = intValue(q['filter.contactid'], 'filter.contactId');
				if (contactId !== undefined)
					list = list.filter((r) => {
						const p = state.projects.find((x) => x.id === r.projectId);
						return p && p.customer && p.customer.id === contactId;
					});
				const sent = boolValue(q['filter.issenttoattest'], 'filter.isSentToAttest');
				if (sent !== undefined) list = list.filter((r) => Boolean(r.sentToAttestDate) === sent);
				const attested = boolValue(q['filter.isattested'], 'filter.isAttested');
				if (attested !== undefined) list = list.filter((r) => Boolean(r.attestedDate) === attested);
				if (q['filter.projecttype'] !== undefined) {
					const type = String(q['filter.projecttype']).toLowerCase();
					const field = {
						project: 'projectId',
						internalproject: 'internalProjectId',
						absenceproject: 'absenceProjectId',
					}[type];
					if (!field)
						throw invalid({
							'filter.projectType': ['Valid values are: project, internalProject, absenceProject.'],
						});
					list = list.filter((r) => r[field] != null);
				}
				return paged(
					ctx,
					list.map((r) => renderTimeReport(r, false)),
					{
						sorts: {
							date: byTime('date'),
							username: (r) => r.user.name.toLowerCase(),
							hours: (r) => r.hours,
							invoiceablehours: (r) => r.invoiceableHours,
							senttoattestdate: byTime('sentToAttestDate'),
							attesteddate: byTime('attestedDate'),
							createddate: byTime('createdDate'),
							updateddate: byTime('updatedDate'),
						},
					},
				);
			}),
		},
		{
			method: 'GET',
			path: '/v1/Core/TimeReports/:id',
			handler: guard('Timereport_Read', (ctx) => ({
				status: 200,
				body: renderTimeReport(findTimeReport(ctx), true),
			})),
		},
		{
			method: 'POST',
			path: '/v1/Core/TimeReports',
			handler: guard('Timereport_Write', (ctx) => {
				const report = timeReportFromBody(body(ctx));
				state.timeReports.push(report);
				return { status: 200, body: renderTimeReport(report, true) };
			}),
		},
		{
			method: 'PUT',
			path: '/v1/Core/TimeReports/:id',
			handler: guard('Timereport_Write', (ctx) => {
				const existing = findTimeReport(ctx);
				Object.assign(existing, timeReportFromBody(body(ctx), existing));
				return { status: 200, body: renderTimeReport(existing, true) };
			}),
		},
		{
			method: 'DELETE',
			path: '/v1/Core/TimeReports/:id',
			handler: guard('Timereport_Write', (ctx) => {
				const r = findTimeReport(ctx);
				if (r.attestedDate) throw clientError('The time report is attested and cannot be deleted.');
				state.timeReports = state.timeReports.filter((x) => x !== r);
				return { status: 200 };
			}),
		},
		// Admin registers
		registerRoute('/v1/Admin/AbsenceProjects', 'absenceProjects', { name: byText('name') }),
		registerRoute('/v1/Admin/Activities', 'activities', NAME_DATES),
		registerRoute('/v1/Admin/Allowances', 'allowances', NAME_DATES),
		registerRoute(
			'/v1/Admin/Articles',
			'articles',
			{ ...NAME_DATES, articlenumber: byText('articleNumber') },
			(r) => `${r.articleNumber} ${r.name}`,
		),
		registerRoute('/v1/Admin/CompanyCars', 'companyCars', NAME_DATES),
		registerRoute('/v1/Admin/ContactTags', 'contactTags', {
			name: byText('title'),
			createddate: (r) => r.id,
		}),
		registerRoute('/v1/Admin/Countries', 'countries', { name: byText('name') }),
		registerRoute('/v1/Admin/Equipments', 'equipments', NAME_DATES),
		registerRoute('/v1/Admin/InternalProjects', 'internalProjects', { name: byText('name') }),
		registerRoute('/v1/Admin/TimeAdditions', 'timeAdditions', NAME_DATES),
		registerRoute('/v1/Admin/TimeArticles', 'timeArticles', NAME_DATES),
		registerRoute('/v1/Admin/TimeCodes', 'timeCodes', NAME_DATES),
		{
			method: 'GET',
			path: '/v1/Admin/Users',
			handler: (ctx) => {
				const q = lowerQuery(ctx.query);
				let list = state.users;
				if (q['filter.query']) {
					const text = String(q['filter.query']).toLowerCase();
					list = list.filter((u) =>
						`${u.firstName} ${u.lastName} ${u.email}`.toLowerCase().includes(text),
					);
				}
				const rows = list.map((u) => ({
					objectName: 'user.list',
					id: u.id,
					firstName: u.firstName,
					lastName: u.lastName,
					startDate: u.startDate,
					endDate: u.endDate,
					timeReportingProfile: u.timeReportingProfile,
					department: u.department,
					license: u.license.toLowerCase(),
					permissions: u.permissions,
					createdBy: u.createdBy,
					updatedBy: u.updatedBy,
					createdDate: u.createdDate,
					updatedDate: u.updatedDate,
					name: `${u.firstName} ${u.lastName}`,
				}));
				const page = paged(ctx, rows, { sorts: { name: byText('name') } });
				for (const item of page.body.items) delete item.name;
				return page;
			},
		},
		{
			method: 'GET',
			path: '/v1/Admin/Users/:id',
			handler: (ctx) => {
				const id = idParam(ctx);
				const u = state.users.find((x) => x.id === id);
				if (!u) throw clientError(`The user with id ${id} could not be found.`);
				return { status: 200, body: clone(u) };
			},
		},
	];

	const sandbox = createSandbox({
		name: 'blikk',
		routes,
		config,
		errorBody: (status, message) =>
			status === 500
				? {
						message: 'An unexpected error has occurred.',
						requestId: `r-${Date.now().toString(16)}`,
					}
				: { message },
		notFound: () => ({ status: 404, body: '' }),
		authenticate: (ctx) => {
			const m = /^Bearer\s+(.+)$/i.exec(String(ctx.headers.authorization || ''));
			const token = m && tokens.get(m[1].trim());
			if (!token || token.expiresAt <= Date.now())
				return { status: 401, body: { message: 'Invalid token' } };
			const app = config.apps[token.appId];
			if (!app) return { status: 401, body: { message: 'Invalid token' } };
			if (app.ipAllowed === false) {
				const ip = String(ctx.req.socket.remoteAddress || '127.0.0.1').replace(/^::ffff:/, '');
				return {
					status: 403,
					body: {
						message: `Your IP-address "${ip}" is not allowed`,
						ipAddressAllowed: false,
						permissionsRequired: [],
					},
				};
			}
			ctx.app = app;
			ctx.token = m[1].trim();
			return null;
		},
		rateLimit: (ctx) => {
			if (!ctx.token) return null;
			const hit = limiter.hit(ctx.token);
			if (!hit.limited) return null;
			return {
				status: 429,
				headers: { 'Retry-After': String(hit.retryAfterSeconds) },
				body: { waitInSeconds: hit.retryAfterSeconds },
			};
		},
		rateLimitResponse: (retryAfter) => ({
			status: 429,
			headers: { 'Retry-After': String(retryAfter) },
			body: { waitInSeconds: retryAfter },
		}),
		reset: () => {
			state = seed(options.seed || {});
			tokens.clear();
			config.apps = { ...DEFAULT_APPS, ...(options.apps || {}) };
			config.tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
			config.rateLimit = { limit: 4, windowMs: 1000, ...(options.rateLimit || {}) };
		},
		snapshot: () => ({
			...state,
			attachments: state.attachments.map((a) => ({
				...a,
				content: a.content ? a.content.toString('base64') : null,
			})),
			tokens: tokens.size,
		}),
	});

	sandbox.store = () => state;
	sandbox.tokens = tokens;
	sandbox.demoCredential = () => ({
		type: 'psaBlikkApi',
		name: 'Blikk sandbox',
		data: {
			applicationId: 'sandbox-app',
			applicationSecret: 'sandbox-secret',
			baseUrl: sandbox.url,
		},
	});
	return sandbox;
}

module.exports = { create };
