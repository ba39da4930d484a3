'use strict';
/**
 * Resource Management by Smartsheet (10,000ft) sandbox: behaves as /work/shared/vendor-docs says.
 *
 * - Auth: token in the `auth` header (or `auth` query parameter); 401 `{ message }` otherwise.
 * - Collections: `{ data: [...], paging: { per_page, page, previous, self, next } }`, per_page default 20,
 *   max 1000, links host-relative (`/api/v1/users?per_page=20&page=2`). Nested `fields=` collections are
 *   paged the same way.
 * - Rate limit: fixed window per token, `X-RateLimit-Limit/Remaining/Reset` (epoch seconds) on every
 *   response, 429 `{ message }` when exhausted. Options / config: `rateLimit: { limit, windowMs }`.
 * - Errors: `{ message }` with 400 (validation), 401, 403, 404.
 * - Approvals: `updated_at` must match the approvable's; `config.apiUserCanApprove = false` → 403.
 * - Webhooks: https only (`config.allowHttpLoopback` lets http://127.0.0.1 / localhost through), at most
 *   10 per event type, delivery of `{ type, data }` after project/user/time entry/assignment writes; a
 *   410 answer unsubscribes. Deliveries are listed in `GET /__sandbox/state` (`deliveries`).
 * - `POST /__sandbox/config` with `{ seed: { users: N, timeEntries: N } }` adds N records (≤ 50,000) fast;
 *   `{ rateLimit: { limit, windowMs } }` changes the ceiling.
 */
const { createSandbox, HttpError, fixedWindow, postJson } = require('../lib/server');
const { seed, day, stamp } = require('./data');

const API = '/api/v1';
const EVENT_TYPES = [
	'project.created',
	'project.updated',
	'time.entry.created',
	'time.entry.updated',
	'user.created',
	'user.updated',
	'assignment.created',
	'assignment.updated',
];
const DEFAULT_TOKEN = 'rm-sandbox-token';
const MAX_SEED = 50000;

function create(options = {}) {
	const tokens = options.tokens || [DEFAULT_TOKEN];
	let state;
	let nextId;
	let deliveries = [];
	let writes = [];
	let limiter;

	const settings = {
		rateLimit: { limit: 120, windowMs: 1000, ...(options.rateLimit || {}) },
		apiUserCanApprove: options.apiUserCanApprove !== undefined ? options.apiUserCanApprove : true,
		allowHttpLoopback: Boolean(options.allowHttpLoopback),
		staleApprovals: options.staleApprovals || 'error',
		deliverWebhooks: options.deliverWebhooks !== undefined ? options.deliverWebhooks : true,
		seeded: {},
	};
	// POST /__sandbox/config assigns keys one by one onto this object: react to `seed` and `rateLimit`.
	const config = new Proxy(settings, {
		set(target, key, value) {
			if (key === 'seed') {
				target.seeded = seedExtra(value || {});
				return true;
			}
			if (key === 'rateLimit') {
				target.rateLimit = { ...target.rateLimit, ...(value || {}) };
				limiter = fixedWindow(target.rateLimit);
				return true;
			}
			target[key] = value;
			return true;
		},
	});

	function reset() {
		const seeded = seed(options.seed || {});
		state = seeded.db;
		nextId = seeded.nextId;
		deliveries = [];
		writes = [];
		settings.touchOnRead = [];
		settings.rateLimit = { limit: 120, windowMs: 1000, ...(options.rateLimit || {}) };
		settings.apiUserCanApprove =
			options.apiUserCanApprove !== undefined ? options.apiUserCanApprove : true;
		settings.allowHttpLoopback = Boolean(options.allowHttpLoopback);
		settings.staleApprovals = options.staleApprovals || 'error';
		settings.seeded = {};
		limiter = fixedWindow(settings.rateLimit);
	}
	reset();

	// ------------------------------------------------------------------ helpers
	const now = () => stamp(new Date());
	const newId = () => nextId++;
	const bad = (message) => new HttpError(400, { message });
	const notFound = (what) => new HttpError(404, { message: `${what} not found` });

	function idParam(value, what) {
		if (!/^\d+$/.test(String(value))) throw notFound(what);
		return Number(value);
	}
	function find(list, id, what) {
		const n = idParam(id, what);
		const found = list.find((x) => x.id === n);
		if (!found) throw notFound(`${what} ${id}`);
		return found;
	}

	/** JSON or form-encoded body (the docs' curl examples post `a=b&c=d`). */
	function input(ctx) {
		if (ctx.body && !Buffer.isBuffer(ctx.body)) return ctx.body;
		if (Buffer.isBuffer(ctx.body)) {
			const out = {};
			for (const [key, value] of new URLSearchParams(ctx.body.toString('utf8'))) {
				const k = key.replace(/\[\]$/, '');
				if (key.endsWith('[]')) out[k] = [].concat(out[k] || [], value);
				else out[k] = value;
			}
			return out;
		}
		return {};
	}

	const truthy = (v) => v === true || v === 'true' || v === '1' || v === 1;
	const isDate = (v) =>
		typeof v === 'string' &&
		/^\d{4}-\d{2}-\d{2}$/.test(v) &&
		!Number.isNaN(Date.parse(`${v}T00:00:00Z`));
	function dateParam(value, name, { required = false } = {}) {
		if (value === undefined || value === null || value === '') {
			if (required) throw bad(`${name} is required`);
			return undefined;
		}
		const text = String(value).slice(0, 10);
		if (!isDate(text)) throw bad(`${name} must be a valid date formatted as yyyy-mm-dd`);
		return text;
	}
	function numberParam(value, name, { required = false, min } = {}) {
		if (value === undefined || value === null || value === '') {
			if (required) throw bad(`${name} is required`);
			return undefined;
		}
		const n = Number(value);
		if (!Number.isFinite(n)) throw bad(`${name} must be a number`);
		if (min !== undefined && n < min) throw bad(`${name} must be greater than or equal to ${min}`);
		return n;
	}

	function pageParams(query) {
		let perPage = Number.parseInt(query.per_page, 10);
		if (!Number.isFinite(perPage) || perPage < 1) perPage = 20;
		perPage = Math.min(perPage, 1000);
		let page = Number.parseInt(query.page, 10);
		if (!Number.isFinite(page) || page < 1) page = 1;
		return { perPage, page };
	}

	/** A collection as the API pages it; `path` is the request path, `query` the request's query. */
	function collection(items, path, query = {}) {
		const { perPage, page } = pageParams(query);
		const keep = Object.entries(query).filter(([k]) => !['page', 'per_page', 'auth'].includes(k));
		const link = (p) => {
			const params = new URLSearchParams();
			for (const [k, v] of keep) for (const one of [].concat(v)) params.append(k, one);
			params.append('per_page', String(perPage));
			params.append('page', String(p));
			return `${path}?${params.toString()}`;
		};
		const start = (page - 1) * perPage;
		const data = items.slice(start, start + perPage);
		return {
			data,
			paging: {
				per_page: perPage,
				page,
				previous: page > 1 ? link(page - 1) : null,
				self: link(page),
				next: start + perPage < items.length ? link(page + 1) : null,
			},
		};
	}
	const fieldsOf = (query) =>
		new Set(
			String(query.fields || '')
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean),
		);
	const nested = (items, path, query) => collection(items, path, { per_page: query.per_page });

	function sortBy(items, query, map = { created: 'created_at', updated: 'updated_at' }) {
		const field = map[query.sort_field];
		if (!query.sort_field) return items;
		if (!field) throw bad(`sort_field must be one of ${Object.keys(map).join(', ')}`);
		const dir = query.sort_order === 'descending' ? -1 : 1;
		return [...items].sort((a, b) =>
			String(a[field] ?? '') < String(b[field] ?? '')
				? -dir
				: String(a[field] ?? '') > String(b[field] ?? '')
					? dir
					: a.id - b.id,
		);
	}

	// ------------------------------------------------------------------ webhooks delivery
	function emit(type, data) {
		if (!settings.deliverWebhooks) return;
		const targets = state.webhooks.filter((w) => w.event_type === type);
		if (!targets.length) return;
		const payload = { type, data: JSON.parse(JSON.stringify(data)) };
		setImmediate(async () => {
			for (const hook of targets) {
				const result = await postJson(hook.url, payload);
				deliveries.push({
					webhook_id: hook.id,
					url: hook.url,
					type,
					id: data.id,
					status: result.status,
					error: result.error,
					at: now(),
				});
				if (deliveries.length > 500) deliveries.shift();
				if (result.status === 410) state.webhooks = state.webhooks.filter((w) => w.id !== hook.id);
			}
		});
	}

	// ------------------------------------------------------------------ representations
	const assignableById = (id) =>
		state.projects.find((p) => p.id === id) || state.leaveTypes.find((l) => l.id === id);
	const userOrPlaceholder = (id) =>
		state.users.find((u) => u.id === id) || state.placeholders.find((p) => p.id === id);
	const tagsOf = (links, owner) =>
		links
			.filter((l) => l.owner === owner)
			.map((l) => state.tags.find((t) => t.id === l.tag))
			.filter(Boolean);

	function approvalsFor(type, id) {
		return state.approvals.filter((a) => a.approvable_type === type && a.approvable_id === id);
	}

	function showUser(user, query, path) {
		const fields = fieldsOf(query);
		const out = { ...user };
		if (fields.has('tags'))
			out.tags = nested(tagsOf(state.userTags, user.id), `${API}/users/${user.id}/tags`, query);
		if (fields.has('assignments'))
			out.assignments = nested(
				state.assignments.filter((a) => a.user_id === user.id),
				`${API}/users/${user.id}/assignments`,
				query,
			);
		if (fields.has('availabilities'))
			out.availabilities = nested(
				state.availabilities.filter((a) => a.user_id === user.id),
				`${API}/users/${user.id}/availabilities`,
				query,
			);
		if (fields.has('custom_field_values'))
			out.custom_field_values = nested(
				state.customFieldValues.filter((v) => v.user_id === user.id),
				`${API}/users/${user.id}/custom_field_values`,
				query,
			);
		void path;
		return out;
	}

	function projectSummary(p) {
		const ids = [p.id, ...state.projects.filter((c) => c.parent_id === p.id).map((c) => c.id)];
		const entries = state.timeEntries.filter((t) => ids.includes(t.assignable_id));
		const hours = entries.reduce((s, t) => s + (t.hours || 0), 0);
		const dollars = entries.reduce((s, t) => s + (t.hours || 0) * (t.bill_rate || 0), 0);
		const approvedIds = new Set(
			state.approvals
				.filter((a) => a.status === 'approved' && a.approvable_type === 'TimeEntry')
				.map((a) => a.approvable_id),
		);
		const approved = entries.filter((t) => approvedIds.has(t.id));
		return {
			bounding_startdate: p.starts_at,
			bounding_enddate: p.ends_at,
			confirmed_hours: hours,
			confirmed_dollars: dollars,
			approved_hours: approved.reduce((s, t) => s + t.hours, 0),
			approved_dollars: approved.reduce((s, t) => s + t.hours * (t.bill_rate || 0), 0),
			unconfirmed_hours: 0,
			unconfirmed_dollars: 0,
			scheduled_hours: hours,
			scheduled_dollars: dollars,
			future_hours: 0,
			future_dollars: 0,
		};
	}

	function showProject(p, query) {
		const fields = fieldsOf(query);
		const out = { ...p };
		if (fields.has('tags'))
			out.tags = nested(tagsOf(state.projectTags, p.id), `${API}/projects/${p.id}/tags`, query);
		if (fields.has('children'))
			out.children = nested(
				state.projects.filter((c) => c.parent_id === p.id),
				`${API}/projects/${p.id}/phases`,
				query,
			);
		if (fields.has('budget_items'))
			out.budget_items = nested(
				state.budgetItems.filter((b) => b.assignable_id === p.id),
				`${API}/projects/${p.id}/budget_items`,
				query,
			);
		if (fields.has('phase_count'))
			out.phase_count = state.projects.filter((c) => c.parent_id === p.id).length;
		if (fields.has('custom_field_values'))
			out.custom_field_values = nested(
				state.customFieldValues.filter((v) => v.project_id === p.id),
				`${API}/projects/${p.id}/custom_field_values`,
				query,
			);
		if (fields.has('summary')) Object.assign(out, projectSummary(p));
		return out;
	}

	function showAssignment(a, query) {
		const fields = fieldsOf(query);
		const out = { ...a };
		const subs = state.subtasks.filter((s) => s.assignment_id === a.id);
		if (fields.has('subtasks'))
			out.subtasks = nested(subs, `${API}/assignments/${a.id}/subtasks`, query);
		if (fields.has('subtasks_counts') || fields.has('subtask_counts'))
			out.subtask_counts = {
				completed: subs.filter((s) => s.completed).length,
				total: subs.length,
			};
		return out;
	}

	function showApprovable(type, record, query) {
		const fields = fieldsOf(query);
		const out = { ...record };
		if (fields.has('approvals'))
			out.approvals = nested(approvalsFor(type, record.id), `${API}/approvals`, query);
		return out;
	}

	function showApproval(a, query) {
		const fields = fieldsOf(query);
		const out = { ...a };
		if (fields.has('approvables')) {
			const list = a.approvable_type === 'TimeEntry' ? state.timeEntries : state.expenseItems;
			out.approvables = nested(
				list.filter((r) => r.id === a.approvable_id),
				`${API}/approvals/${a.id}/approvables`,
				query,
			);
		}
		return out;
	}

	// ------------------------------------------------------------------ routes
	const routes = [];
	const route = (method, path, handler) => routes.push({ method, path: `${API}${path}`, handler });
	const ok = (body, status = 200) => ({ status, body });
	const list = (ctx, items, map = (x) => x) => {
		const page = collection(items, ctx.path, ctx.query);
		return ok({ ...page, data: page.data.map(map) });
	};

	// ---- approvals
	route('GET', '/approvals', (ctx) =>
		list(ctx, state.approvals, (a) => showApproval(a, ctx.query)),
	);
	route('POST', '/approvals', (ctx) => {
		const body = input(ctx);
		const status = body.status;
		if (!['pending', 'approved'].includes(status))
			throw bad('status must be either "pending" or "approved"');
		if (!Array.isArray(body.approvables) || !body.approvables.length)
			throw bad('approvables must be a non-empty array');
		if (status === 'approved' && !settings.apiUserCanApprove) {
			throw new HttpError(403, {
				message: 'Only administrators and project managers can approve time and expenses',
			});
		}
		const out = [];
		for (const item of body.approvables) {
			const type = item && item.type;
			if (!['TimeEntry', 'ExpenseItem'].includes(type))
				throw bad('approvable type must be either "TimeEntry" or "ExpenseItem"');
			const records = type === 'TimeEntry' ? state.timeEntries : state.expenseItems;
			const record = records.find((r) => r.id === Number(item.id));
			if (!record) throw notFound(`${type} ${item.id}`);
			if (!item.updated_at) throw bad(`updated_at is required for ${type} ${item.id}`);
			if (Date.parse(item.updated_at) !== Date.parse(record.updated_at)) {
				if (settings.staleApprovals === 'skip') continue;
				throw bad(
					`${type} ${item.id} has changed since it was viewed: updated_at ${item.updated_at} does not match ${record.updated_at}`,
				);
			}
			let approval = approvalsFor(type, record.id)[0];
			const t = now();
			if (!approval) {
				approval = {
					id: newId(),
					status: 'pending',
					approvable_id: record.id,
					approvable_type: type,
					submitted_by: state.users[0].id,
					submitted_at: t,
					approved_by: null,
					approved_at: null,
					created_at: t,
					updated_at: t,
				};
				state.approvals.push(approval);
			}
			if (status === 'approved') {
				approval.status = 'approved';
				approval.approved_by = state.users[0].id;
				approval.approved_at = t;
			} else {
				approval.status = 'pending';
				approval.submitted_at = t;
				approval.approved_by = null;
				approval.approved_at = null;
			}
			approval.updated_at = t;
			out.push({ ...approval });
		}
		return ok(collection(out, ctx.path, { per_page: Math.max(out.length, 20) }));
	});
	route('DELETE', '/approvals/:id', (ctx) => {
		const approval = find(state.approvals, ctx.params.id, 'Approval');
		if (approval.status !== 'pending')
			throw bad('Approvals can only be deleted if the status is "pending"');
		state.approvals = state.approvals.filter((a) => a !== approval);
		return { status: 204 };
	});

	// ---- assignables
	const allAssignables = () =>
		[...state.leaveTypes, ...state.projects.filter((p) => !p.archived)].sort((a, b) => a.id - b.id);
	route('GET', '/assignables', (ctx) => list(ctx, allAssignables()));
	route('GET', '/assignables/:id', (ctx) => {
		const n = idParam(ctx.params.id, 'Assignable');
		const found = assignableById(n);
		if (!found) throw notFound(`Assignable ${ctx.params.id}`);
		return ok(found.type === 'Project' ? showProject(found, ctx.query) : { ...found });
	});

	// ---- assignments
	function filterAssignments(items, query) {
		const from = dateParam(query.from, 'from');
		const to = dateParam(query.to, 'to');
		return items.filter((a) => (!from || a.ends_at >= from) && (!to || a.starts_at <= to));
	}
	function projectIds(pid, withPhases) {
		return [
			pid,
			...(withPhases ? state.projects.filter((p) => p.parent_id === pid).map((p) => p.id) : []),
		];
	}
	route('GET', '/assignments', (ctx) =>
		list(ctx, filterAssignments(state.assignments, ctx.query), (a) => showAssignment(a, ctx.query)),
	);
	route('GET', '/users/:userId/assignments', (ctx) => {
		const u = find(state.users, ctx.params.userId, 'User');
		return list(
			ctx,
			filterAssignments(
				state.assignments.filter((a) => a.user_id === u.id),
				ctx.query,
			),
			(a) => showAssignment(a, ctx.query),
		);
	});
	route('GET', '/placeholder_resources/:userId/assignments', (ctx) => {
		const u = find(state.placeholders, ctx.params.userId, 'Placeholder resource');
		return list(
			ctx,
			filterAssignments(
				state.assignments.filter((a) => a.user_id === u.id),
				ctx.query,
			),
			(a) => showAssignment(a, ctx.query),
		);
	});
	route('GET', '/projects/:projectId/assignments', (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		const ids = projectIds(p.id, truthy(ctx.query.with_phases));
		return list(
			ctx,
			filterAssignments(
				state.assignments.filter((a) => ids.includes(a.assignable_id)),
				ctx.query,
			),
			(a) => showAssignment(a, ctx.query),
		);
	});
	function scopedAssignment(ctx) {
		const a = find(state.assignments, ctx.params.id, 'Assignment');
		if (ctx.params.userId !== undefined && a.user_id !== idParam(ctx.params.userId, 'User'))
			throw notFound(`Assignment ${ctx.params.id}`);
		if (ctx.params.projectId !== undefined) {
			const pid = idParam(ctx.params.projectId, 'Project');
			const parent = assignableById(a.assignable_id);
			if (a.assignable_id !== pid && (!parent || parent.parent_id !== pid))
				throw notFound(`Assignment ${ctx.params.id}`);
		}
		return a;
	}
	for (const prefix of ['', '/users/:userId', '/projects/:projectId']) {
		route('GET', `${prefix}/assignments/:id`, (ctx) =>
			ok(showAssignment(scopedAssignment(ctx), ctx.query)),
		);
		route('PUT', `${prefix}/assignments/:id`, (ctx) => {
			const a = scopedAssignment(ctx);
			const next = assignmentFields({ ...a }, input(ctx), false);
			Object.assign(a, next, { updated_at: now() });
			emit('assignment.updated', a);
			return ok(showAssignment(a, ctx.query));
		});
		route('DELETE', `${prefix}/assignments/:id`, (ctx) => {
			const a = scopedAssignment(ctx);
			state.assignments = state.assignments.filter((x) => x !== a);
			state.subtasks = state.subtasks.filter((s) => s.assignment_id !== a.id);
			return { status: 204 };
		});
		route('POST', `${prefix}/assignments`, (ctx) => {
			const body = { ...input(ctx) };
			if (ctx.params.userId !== undefined) {
				const uid = idParam(ctx.params.userId, 'User');
				if (!userOrPlaceholder(uid)) throw notFound(`User ${ctx.params.userId}`);
				if (body.user_id !== undefined && body.user_id !== null && Number(body.user_id) !== uid)
					throw bad('user_id in the URL must match user_id in the request body');
				body.user_id = uid;
			}
			if (ctx.params.projectId !== undefined) {
				const pid = idParam(ctx.params.projectId, 'Project');
				find(state.projects, pid, 'Project');
				if (body.assignable_id === undefined && body.project_id === undefined)
					body.assignable_id = pid;
			}
			const t = now();
			const a = assignmentFields(
				{
					id: newId(),
					bill_rate: null,
					bill_rate_id: null,
					repetition_id: null,
					created_at: t,
					updated_at: t,
					all_day_assignment: true,
					resource_request_id: null,
					status: null,
					status_option_id: null,
					description: null,
					note: null,
				},
				body,
				true,
			);
			state.assignments.push(a);
			const subtasks = body.subtasks;
			if (subtasks !== undefined) {
				if (!Array.isArray(subtasks)) throw bad('subtasks must be an array of subtask objects');
				for (const s of subtasks) {
					if (!s || !s.description) throw bad('subtask description is required');
					state.subtasks.push({
						id: newId(),
						assignment_id: a.id,
						assignable_id: a.assignable_id,
						description: String(s.description),
						completed: truthy(s.completed),
						updated_at: t,
						created_at: t,
						updated_by: state.users[0].id,
					});
				}
			}
			emit('assignment.created', a);
			return ok(subtasks !== undefined ? showAssignment(a, { fields: 'subtasks' }) : a, 200);
		});
	}
	function assignmentFields(a, body, creating) {
		const assignableId =
			body.assignable_id ?? body.project_id ?? body.leave_id ?? body.leave_type_id;
		if (assignableId !== undefined) {
			const found = assignableById(Number(assignableId));
			if (!found) throw bad(`assignable ${assignableId} does not exist`);
			if (found.archived) throw bad('Cannot assign to an archived project');
			a.assignable_id = found.id;
		} else if (creating) throw bad('assignable_id (or project_id / leave_id) is required');
		if (body.user_id !== undefined) {
			if (body.user_id === null || body.user_id === '') a.user_id = null;
			else {
				const u = userOrPlaceholder(Number(body.user_id));
				if (!u) throw bad(`user ${body.user_id} does not exist`);
				a.user_id = u.id;
			}
		} else if (creating) a.user_id = null;
		const starts = dateParam(body.starts_at, 'starts_at', { required: creating });
		const ends = dateParam(body.ends_at, 'ends_at', { required: creating });
		if (starts) a.starts_at = starts;
		if (ends) a.ends_at = ends;
		if (a.ends_at < a.starts_at) throw bad('ends_at must be on or after starts_at');
		const mode =
			body.allocation_mode ??
			(creating
				? body.hours_per_day !== undefined
					? 'hours_per_day'
					: body.fixed_hours !== undefined
						? 'fixed'
						: 'percent'
				: a.allocation_mode);
		if (!['percent', 'hours_per_day', 'fixed'].includes(mode))
			throw bad('allocation_mode must be one of percent, hours_per_day, fixed');
		if (mode !== a.allocation_mode || creating) {
			delete a.percent;
			delete a.hours_per_day;
			delete a.fixed_hours;
		}
		a.allocation_mode = mode;
		if (mode === 'percent')
			a.percent = numberParam(body.percent, 'percent', { min: 0 }) ?? a.percent ?? 1;
		if (mode === 'hours_per_day') {
			a.hours_per_day =
				numberParam(body.hours_per_day, 'hours_per_day', {
					min: 0,
					required: a.hours_per_day === undefined,
				}) ?? a.hours_per_day;
			if (a.hours_per_day > 24) throw bad('hours_per_day must be at most 24');
		}
		if (mode === 'fixed')
			a.fixed_hours =
				numberParam(body.fixed_hours, 'fixed_hours', {
					min: 0,
					required: a.fixed_hours === undefined,
				}) ?? a.fixed_hours;
		if (body.status_option_id !== undefined && body.status_option_id !== null) {
			const so = state.statusOptions.find(
				(s) => s.id === Number(body.status_option_id) && !s.deleted_at,
			);
			if (!so) throw bad(`status_option_id ${body.status_option_id} does not exist`);
			a.status_option_id = so.id;
		}
		for (const key of [
			'description',
			'note',
			'bill_rate',
			'bill_rate_id',
			'all_day_assignment',
			'repetition_id',
		])
			if (body[key] !== undefined) a[key] = body[key];
		return a;
	}

	// ---- subtasks
	function subtaskParent(ctx) {
		const pid = idParam(ctx.params.projectId, 'Project');
		find(state.projects, pid, 'Project');
		const a = find(state.assignments, ctx.params.assignmentId, 'Assignment');
		const parent = assignableById(a.assignable_id);
		if (a.assignable_id !== pid && (!parent || parent.parent_id !== pid))
			throw notFound(`Assignment ${ctx.params.assignmentId}`);
		return a;
	}
	const SUB = '/projects/:projectId/assignments/:assignmentId/subtasks';
	route('GET', SUB, (ctx) => {
		const a = subtaskParent(ctx);
		return list(
			ctx,
			state.subtasks.filter((s) => s.assignment_id === a.id),
		);
	});
	route('POST', SUB, (ctx) => {
		const a = subtaskParent(ctx);
		const body = input(ctx);
		if (!body.description) throw bad('description is required');
		const t = now();
		const s = {
			id: newId(),
			assignment_id: a.id,
			assignable_id: a.assignable_id,
			description: String(body.description),
			completed: truthy(body.completed),
			updated_at: t,
			created_at: t,
			updated_by: state.users[0].id,
		};
		state.subtasks.push(s);
		return ok(s);
	});
	const oneSubtask = (ctx) => {
		const a = subtaskParent(ctx);
		const s = find(state.subtasks, ctx.params.id, 'Subtask');
		if (s.assignment_id !== a.id) throw notFound(`Subtask ${ctx.params.id}`);
		return s;
	};
	route('GET', `${SUB}/:id`, (ctx) => ok(oneSubtask(ctx)));
	route('PUT', `${SUB}/:id`, (ctx) => {
		const s = oneSubtask(ctx);
		const body = input(ctx);
		if (body.description !== undefined) {
			if (!body.description) throw bad('description cannot be blank');
			s.description = String(body.description);
		}
		if (body.completed !== undefined) s.completed = truthy(body.completed);
		s.updated_at = now();
		s.updated_by = state.users[0].id;
		return ok(s);
	});
	route('DELETE', `${SUB}/:id`, (ctx) => {
		const s = oneSubtask(ctx);
		state.subtasks = state.subtasks.filter((x) => x !== s);
		return { status: 204 };
	});

	// ---- bill rates
	route('GET', '/bill_rates', (ctx) =>
		list(
			ctx,
			state.billRates.filter((b) => b.assignable_id === null),
		),
	);
	const projectRates = (pid) => state.billRates.filter((b) => b.assignable_id === pid);
	route('GET', '/projects/:projectId/bill_rates', (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		return list(ctx, projectRates(p.id));
	});
	const oneRate = (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		const r = find(state.billRates, ctx.params.id, 'Bill rate');
		if (r.assignable_id !== p.id) throw notFound(`Bill rate ${ctx.params.id}`);
		return r;
	};
	function rateFields(r, body, creating) {
		if (creating || body.rate !== undefined)
			r.rate = numberParam(body.rate, 'rate', { required: true, min: 0 });
		for (const key of ['discipline_id', 'role_id', 'user_id']) {
			if (body[key] !== undefined)
				r[key] = body[key] === null || body[key] === '' ? null : Number(body[key]);
		}
		if (r.user_id !== null && r.user_id !== undefined) {
			if (!userOrPlaceholder(r.user_id)) throw bad(`user ${r.user_id} does not exist`);
			if (r.role_id || r.discipline_id)
				throw bad(
					'A project and user specific bill rate must not specify a role_id or discipline_id',
				);
		}
		if (body.starts_at !== undefined)
			r.starts_at = body.starts_at ? dateParam(body.starts_at, 'starts_at') : null;
		if (body.ends_at !== undefined)
			r.ends_at = body.ends_at ? dateParam(body.ends_at, 'ends_at') : null;
		return r;
	}
	route('GET', '/projects/:projectId/bill_rates/:id', (ctx) => ok(oneRate(ctx)));
	route('PUT', '/projects/:projectId/bill_rates/:id', (ctx) => {
		const r = oneRate(ctx);
		Object.assign(r, rateFields({ ...r }, input(ctx), false), { updated_at: now() });
		return ok(r);
	});
	route('DELETE', '/projects/:projectId/bill_rates/:id', (ctx) => {
		const r = oneRate(ctx);
		state.billRates = state.billRates.filter((x) => x !== r);
		return { status: 204 };
	});
	route('POST', '/projects/:projectId/bill_rates', (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		const body = input(ctx);
		if (body.assignable_id !== undefined && Number(body.assignable_id) !== p.id)
			throw bad('assignable_id must be the project of the URL');
		const t = now();
		const r = rateFields(
			{
				id: newId(),
				rate: null,
				discipline_id: null,
				role_id: null,
				assignable_id: p.id,
				user_id: null,
				starts_at: null,
				ends_at: null,
				created_at: t,
				updated_at: t,
			},
			body,
			true,
		);
		state.billRates.push(r);
		return ok(r);
	});

	// ---- budget item categories
	route('GET', '/time_entry_categories', (ctx) => list(ctx, state.timeCategories));
	route('GET', '/expense_item_categories', (ctx) => list(ctx, state.expenseCategories));
	route('GET', '/projects/:projectId/time_entry_categories', (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		return list(
			ctx,
			state.budgetItems.filter((b) => b.assignable_id === p.id && b.item_type !== 'Expenses'),
		);
	});
	route('GET', '/projects/:projectId/expense_item_categories', (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		return list(
			ctx,
			state.budgetItems.filter((b) => b.assignable_id === p.id && b.item_type === 'Expenses'),
		);
	});

	// ---- budget items
	const ITEM_TYPES = ['TimeFees', 'TimeFeesDays', 'Expenses'];
	const itemType = (value, required) => {
		if (value === undefined || value === '') {
			if (required) throw bad('item_type is required (one of TimeFees / TimeFeesDays / Expenses)');
			return undefined;
		}
		if (!ITEM_TYPES.includes(value))
			throw bad('item_type must be one of TimeFees / TimeFeesDays / Expenses');
		return value;
	};
	route('GET', '/projects/:projectId/budget_items', (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		const type = itemType(ctx.query.item_type, true);
		return list(
			ctx,
			state.budgetItems.filter((b) => b.assignable_id === p.id && b.item_type === type),
		);
	});
	const oneBudget = (ctx) => {
		const b = find(state.budgetItems, ctx.params.id, 'Budget item');
		if (
			ctx.params.projectId !== undefined &&
			b.assignable_id !== idParam(ctx.params.projectId, 'Project')
		)
			throw notFound(`Budget item ${ctx.params.id}`);
		return b;
	};
	function budgetFields(b, body, creating) {
		const type = itemType(body.item_type, creating);
		if (type) b.item_type = type;
		if (creating || body.amount !== undefined)
			b.amount = numberParam(body.amount, 'amount', { required: true });
		for (const key of ['category', 'peritem_amount', 'peritem_label'])
			if (body[key] !== undefined) b[key] = body[key];
		return b;
	}
	for (const prefix of ['', '/projects/:projectId']) {
		route('GET', `${prefix}/budget_items/:id`, (ctx) => ok(oneBudget(ctx)));
		route('PUT', `${prefix}/budget_items/:id`, (ctx) => {
			const b = oneBudget(ctx);
			Object.assign(b, budgetFields({ ...b }, input(ctx), false), { updated_at: now() });
			return ok(b);
		});
		route('DELETE', `${prefix}/budget_items/:id`, (ctx) => {
			const b = oneBudget(ctx);
			state.budgetItems = state.budgetItems.filter((x) => x !== b);
			return { status: 204 };
		});
	}
	route('POST', '/projects/:projectId/budget_items', (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		const t = now();
		const b = budgetFields(
			{
				id: newId(),
				assignable_id: p.id,
				assignable_parent_id: p.parent_id,
				category: null,
				amount: null,
				item_type: null,
				peritem_amount: null,
				peritem_label: null,
				created_at: t,
				updated_at: t,
			},
			input(ctx),
			true,
		);
		state.budgetItems.push(b);
		return ok(b);
	});

	// ---- custom fields
	const SELECTION = ['selection_list', 'multiple_choice_selection_list'];
	route('GET', '/custom_fields', (ctx) => {
		const ns = ctx.query.namespace;
		return list(
			ctx,
			state.customFields.filter((f) => !ns || f.namespace === ns),
		);
	});
	route('GET', '/custom_fields/:id', (ctx) =>
		ok(find(state.customFields, ctx.params.id, 'Custom field')),
	);
	route('POST', '/custom_fields', (ctx) => {
		const body = input(ctx);
		if (!['assignables', 'users'].includes(body.namespace))
			throw bad('namespace must be either assignables or users');
		if (!body.name) throw bad('name is required');
		if (!['string', ...SELECTION].includes(body.data_type))
			throw bad('data_type must be one of string, selection_list, multiple_choice_selection_list');
		if (
			SELECTION.includes(body.data_type) &&
			(!Array.isArray(body.options) || !body.options.length)
		)
			throw bad('options are required for selection lists');
		const f = {
			id: newId(),
			namespace: body.namespace,
			data_type: body.data_type,
			name: String(body.name),
			description: body.description ?? null,
			default_value: body.default_value ?? null,
			is_visible_on_info_page:
				body.is_visible_on_info_page === undefined ? true : truthy(body.is_visible_on_info_page),
			is_visible_as_filter: truthy(body.is_visible_as_filter),
			options: SELECTION.includes(body.data_type) ? body.options.map(String) : [],
		};
		state.customFields.push(f);
		return ok(f);
	});
	route('PUT', '/custom_fields/:id', (ctx) => {
		const f = find(state.customFields, ctx.params.id, 'Custom field');
		const body = input(ctx);
		if (body.namespace !== undefined || body.data_type !== undefined)
			throw bad('namespace and data_type cannot be changed');
		if (body.name !== undefined && !body.name) throw bad('name cannot be blank');
		for (const key of ['name', 'description', 'default_value'])
			if (body[key] !== undefined) f[key] = body[key];
		for (const key of ['is_visible_on_info_page', 'is_visible_as_filter'])
			if (body[key] !== undefined) f[key] = truthy(body[key]);
		if (body.options !== undefined) {
			if (!Array.isArray(body.options)) throw bad('options must be an array');
			f.options = body.options.map(String);
		}
		if (f.default_value && SELECTION.includes(f.data_type) && !f.options.includes(f.default_value))
			throw bad('default_value must be one of the options');
		return ok(f);
	});
	route('DELETE', '/custom_fields/:id', (ctx) => {
		const f = find(state.customFields, ctx.params.id, 'Custom field');
		state.customFields = state.customFields.filter((x) => x !== f);
		state.customFieldValues = state.customFieldValues.filter((v) => v.custom_field_id !== f.id);
		return { status: 204 };
	});

	// ---- custom field values
	for (const [owner, key, coll, ns] of [
		['projects', 'project_id', 'projects', 'assignables'],
		['users', 'user_id', 'users', 'users'],
	]) {
		const ownerOf = (ctx) =>
			find(state[coll], ctx.params.ownerId, owner === 'users' ? 'User' : 'Project');
		route('GET', `/${owner}/:ownerId/custom_field_values`, (ctx) => {
			const o = ownerOf(ctx);
			return list(
				ctx,
				state.customFieldValues.filter((v) => v[key] === o.id),
			);
		});
		route('POST', `/${owner}/:ownerId/custom_field_values`, (ctx) => {
			const o = ownerOf(ctx);
			const body = input(ctx);
			const field = state.customFields.find((f) => f.id === Number(body.custom_field_id));
			if (!field) throw bad(`custom_field_id ${body.custom_field_id} does not exist`);
			if (field.namespace !== ns)
				throw bad(`custom field ${field.id} belongs to ${field.namespace}, not ${ns}`);
			if (body.value === undefined || body.value === null || body.value === '')
				throw bad('value is required');
			const values = Array.isArray(body.value) ? body.value.map(String) : [String(body.value)];
			if (values.length > 1 && field.data_type !== 'multiple_choice_selection_list')
				throw bad('Only multiple_choice_selection_list fields accept an array of values');
			if (SELECTION.includes(field.data_type))
				for (const v of values)
					if (!field.options.includes(v)) throw bad(`"${v}" is not an option of ${field.name}`);
			state.customFieldValues = state.customFieldValues.filter(
				(v) => !(v[key] === o.id && v.custom_field_id === field.id),
			);
			const created = values.map((value) => ({
				id: newId(),
				custom_field_id: field.id,
				[key]: o.id,
				value,
				custom_field_name: field.name,
			}));
			state.customFieldValues.push(...created);
			if (owner === 'users') touchUser(o);
			return ok(
				Array.isArray(body.value)
					? collection(created, ctx.path, { per_page: Math.max(20, created.length) })
					: created[0],
			);
		});
		route('PUT', `/${owner}/:ownerId/custom_field_values/:id`, (ctx) => {
			const o = ownerOf(ctx);
			const v = find(state.customFieldValues, ctx.params.id, 'Custom field value');
			if (v[key] !== o.id) throw notFound(`Custom field value ${ctx.params.id}`);
			const body = input(ctx);
			if (body.value === undefined || body.value === '') throw bad('value is required');
			const field = state.customFields.find((f) => f.id === v.custom_field_id);
			if (
				field &&
				SELECTION.includes(field.data_type) &&
				!field.options.includes(String(body.value))
			)
				throw bad(`"${body.value}" is not an option of ${field.name}`);
			v.value = String(body.value);
			if (owner === 'users') touchUser(o);
			return ok(v);
		});
	}

	// ---- disciplines, roles, holidays, leave types
	route('GET', '/disciplines', (ctx) => list(ctx, state.disciplines));
	route('GET', '/disciplines/:id', (ctx) =>
		ok(find(state.disciplines, ctx.params.id, 'Discipline')),
	);
	route('GET', '/roles', (ctx) => list(ctx, state.roles));
	route('GET', '/roles/:id', (ctx) => ok(find(state.roles, ctx.params.id, 'Role')));
	route('GET', '/holidays', (ctx) => list(ctx, state.holidays));
	route('GET', '/leave_types', (ctx) => list(ctx, state.leaveTypes));
	route('GET', '/leave_types/:id', (ctx) =>
		ok(find(state.leaveTypes, ctx.params.id, 'Leave type')),
	);

	// ---- expense items
	function filterByDate(items, query) {
		const from = dateParam(query.from, 'from');
		const to = dateParam(query.to, 'to');
		return items.filter((x) => (!from || x.date >= from) && (!to || x.date <= to));
	}
	route('GET', '/users/:userId/expense_items', (ctx) => {
		const u = find(state.users, ctx.params.userId, 'User');
		return list(
			ctx,
			sortBy(
				filterByDate(
					state.expenseItems.filter((e) => e.user_id === u.id),
					ctx.query,
				),
				ctx.query,
			),
			(e) => showApprovable('ExpenseItem', e, ctx.query),
		);
	});
	route('GET', '/projects/:projectId/expense_items', (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		const ids = projectIds(p.id, true);
		return list(
			ctx,
			sortBy(
				filterByDate(
					state.expenseItems.filter((e) => ids.includes(e.assignable_id)),
					ctx.query,
				),
				ctx.query,
			),
			(e) => showApprovable('ExpenseItem', e, ctx.query),
		);
	});
	const oneExpense = (ctx) => {
		const e = find(state.expenseItems, ctx.params.id, 'Expense item');
		if (ctx.params.userId !== undefined && e.user_id !== idParam(ctx.params.userId, 'User'))
			throw notFound(`Expense item ${ctx.params.id}`);
		if (
			ctx.params.projectId !== undefined &&
			!projectIds(idParam(ctx.params.projectId, 'Project'), true).includes(e.assignable_id)
		)
			throw notFound(`Expense item ${ctx.params.id}`);
		return e;
	};
	route('GET', '/users/:userId/expense_items/:id', (ctx) =>
		ok(showApprovable('ExpenseItem', oneExpense(ctx), ctx.query)),
	);
	route('GET', '/projects/:projectId/expense_items/:id', (ctx) =>
		ok(showApprovable('ExpenseItem', oneExpense(ctx), ctx.query)),
	);
	function expenseFields(e, body, creating) {
		const assignable = body.assignable_id ?? body.project_id ?? body.leave_type_id;
		if (assignable !== undefined) {
			const found = assignableById(Number(assignable));
			if (!found) throw bad(`assignable ${assignable} does not exist`);
			e.assignable_id = found.id;
			e.assignable_type = found.type === 'LeaveType' ? 'LeaveType' : 'Project';
		} else if (creating) throw bad('project_id, leave_type_id or assignable_id is required');
		if (creating || body.date !== undefined)
			e.date = dateParam(body.date, 'date', { required: true });
		if (creating || body.amount !== undefined)
			e.amount = numberParam(body.amount, 'amount', { required: true });
		for (const key of ['category', 'notes']) if (body[key] !== undefined) e[key] = body[key];
		return e;
	}
	route('POST', '/users/:userId/expense_items', (ctx) => {
		const u = find(state.users, ctx.params.userId, 'User');
		const t = now();
		const e = expenseFields(
			{
				id: newId(),
				assignable_id: null,
				assignable_type: 'Project',
				user_id: u.id,
				amount: null,
				date: null,
				category: null,
				notes: null,
				created_at: t,
				updated_at: t,
			},
			input(ctx),
			true,
		);
		state.expenseItems.push(e);
		return ok(e);
	});
	route('PUT', '/projects/:projectId/users/:userId/expense_items/:id', (ctx) => {
		const e = oneExpense(ctx);
		Object.assign(e, expenseFields({ ...e }, input(ctx), false), { updated_at: now() });
		return ok(e);
	});
	route('DELETE', '/users/:userId/expense_items/:id', (ctx) => {
		const e = oneExpense(ctx);
		state.expenseItems = state.expenseItems.filter((x) => x !== e);
		return { status: 204 };
	});

	// ---- phases
	route('GET', '/projects/:projectId/phases', (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		return list(
			ctx,
			state.projects.filter((c) => c.parent_id === p.id),
			(c) => showProject(c, ctx.query),
		);
	});
	const onePhase = (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		const c = find(state.projects, ctx.params.id, 'Phase');
		if (c.parent_id !== p.id) throw notFound(`Phase ${ctx.params.id}`);
		return c;
	};
	route('POST', '/projects/:projectId/phases', (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		if (p.parent_id) throw bad('A phase cannot have phases');
		const body = input(ctx);
		if (!body.phase_name) throw bad('phase_name is required');
		const t = now();
		const c = projectFields(
			{
				...newProject(t),
				name: p.name,
				parent_id: p.id,
				starts_at: p.starts_at,
				ends_at: p.ends_at,
				client: p.client,
				project_state: p.project_state,
			},
			body,
			false,
		);
		state.projects.push(c);
		emit('project.created', c);
		return ok(c);
	});
	route('PUT', '/projects/:projectId/phases/:id', (ctx) => {
		const c = onePhase(ctx);
		const body = input(ctx);
		Object.assign(c, projectFields({ ...c }, body, false), { updated_at: now() });
		if (body.use_parent_bill_rates !== undefined)
			c.use_parent_bill_rates = truthy(body.use_parent_bill_rates);
		emit('project.updated', c);
		return ok(c);
	});
	route('DELETE', '/projects/:projectId/phases/:id', (ctx) => {
		const c = onePhase(ctx);
		if (state.assignments.some((a) => a.assignable_id === c.id))
			throw bad('A phase cannot be deleted unless it contains no assignments');
		state.projects = state.projects.filter((x) => x !== c);
		return { status: 204 };
	});

	// ---- placeholder resources
	const showPlaceholder = (p, query) => {
		const fields = fieldsOf(query);
		const out = { ...p };
		if (fields.has('assignments'))
			out.assignments = nested(
				state.assignments.filter((a) => a.user_id === p.id),
				`${API}/placeholder_resources/${p.id}/assignments`,
				query,
			);
		if (fields.has('custom_field_values'))
			out.custom_field_values = nested(
				state.customFieldValues.filter((v) => v.user_id === p.id),
				`${API}/placeholder_resources/${p.id}/custom_field_values`,
				query,
			);
		return out;
	};
	route('GET', '/placeholder_resources', (ctx) =>
		list(ctx, state.placeholders, (p) => showPlaceholder(p, ctx.query)),
	);
	route('GET', '/placeholder_resources/:id', (ctx) =>
		ok(showPlaceholder(find(state.placeholders, ctx.params.id, 'Placeholder resource'), ctx.query)),
	);
	route('POST', '/placeholder_resources', (ctx) => {
		const body = input(ctx);
		if (!body.title) throw bad('title is required');
		const t = now();
		const p = {
			id: newId(),
			title: String(body.title),
			role: body.role ?? null,
			discipline: body.discipline ?? null,
			location: body.location ?? null,
			type: 'PlaceholderResource',
			abbreviation: String(body.title).slice(0, 2).toUpperCase(),
			color: 'blue',
			created_at: t,
			updated_at: t,
		};
		state.placeholders.push(p);
		return ok(p);
	});
	route('PUT', '/placeholder_resources/:id', (ctx) => {
		const p = find(state.placeholders, ctx.params.id, 'Placeholder resource');
		const body = input(ctx);
		if (body.title !== undefined && !body.title) throw bad('title cannot be blank');
		for (const key of ['title', 'role', 'discipline', 'location'])
			if (body[key] !== undefined) p[key] = body[key];
		p.updated_at = now();
		return ok(p);
	});
	route('DELETE', '/placeholder_resources/:id', (ctx) => {
		const p = find(state.placeholders, ctx.params.id, 'Placeholder resource');
		state.placeholders = state.placeholders.filter((x) => x !== p);
		state.assignments = state.assignments.filter((a) => a.user_id !== p.id);
		return { status: 204 };
	});
	route('GET', '/projects/:projectId/placeholder_resources', (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		const ids = projectIds(p.id, true);
		const who = new Set(
			state.assignments.filter((a) => ids.includes(a.assignable_id)).map((a) => a.user_id),
		);
		return list(
			ctx,
			state.placeholders.filter((x) => who.has(x.id)),
			(x) => showPlaceholder(x, ctx.query),
		);
	});

	// ---- tags (projects and users)
	for (const [owner, coll, linksKey, label] of [
		['projects', 'projects', 'projectTags', 'Project'],
		['users', 'users', 'userTags', 'User'],
	]) {
		route('GET', `/${owner}/:ownerId/tags`, (ctx) => {
			const o = find(state[coll], ctx.params.ownerId, label);
			return list(ctx, tagsOf(state[linksKey], o.id));
		});
		route('POST', `/${owner}/:ownerId/tags`, (ctx) => {
			const o = find(state[coll], ctx.params.ownerId, label);
			const value = String(input(ctx).value ?? '').trim();
			if (!value) throw bad('value is required');
			let tag = state.tags.find((t) => t.value.toLowerCase() === value.toLowerCase());
			if (!tag) {
				tag = { id: newId(), value };
				state.tags.push(tag);
			}
			if (!state[linksKey].some((l) => l.owner === o.id && l.tag === tag.id))
				state[linksKey].push({ owner: o.id, tag: tag.id });
			if (owner === 'users') touchUser(o);
			return ok(tag);
		});
		route('DELETE', `/${owner}/:ownerId/tags/:id`, (ctx) => {
			const o = find(state[coll], ctx.params.ownerId, label);
			const tid = idParam(ctx.params.id, 'Tag');
			if (!state[linksKey].some((l) => l.owner === o.id && l.tag === tid))
				throw notFound(`Tag ${ctx.params.id}`);
			state[linksKey] = state[linksKey].filter((l) => !(l.owner === o.id && l.tag === tid));
			if (owner === 'users') touchUser(o);
			return { status: 204 };
		});
	}

	// ---- projects
	const PROJECT_STATES = ['Confirmed', 'Tentative', 'Internal'];
	function newProject(t) {
		return {
			id: newId(),
			archived: false,
			archived_at: null,
			description: '',
			guid: `76c4d8d0-4351-4842-8da2-${String(nextId).padStart(12, '0')}`,
			name: null,
			parent_id: null,
			phase_name: null,
			project_code: '',
			secureurl: null,
			secureurl_expiration: null,
			settings: 0,
			timeentry_lockout: -1,
			starts_at: null,
			ends_at: null,
			deleted_at: null,
			created_at: t,
			updated_at: t,
			use_parent_bill_rates: false,
			thumbnail: null,
			type: 'Project',
			has_pending_updates: false,
			client: null,
			project_state: 'Confirmed',
		};
	}
	function projectFields(p, body, creating) {
		if (creating && !body.name) throw bad('name is required');
		if (body.name !== undefined) {
			if (!String(body.name).trim()) throw bad('name cannot be blank');
			p.name = String(body.name);
		}
		if (body.phase_name !== undefined) p.phase_name = body.phase_name;
		const starts = dateParam(body.starts_at, 'starts_at');
		const ends = dateParam(body.ends_at, 'ends_at');
		if (starts) p.starts_at = starts;
		if (ends) p.ends_at = ends;
		if (p.starts_at && p.ends_at && p.ends_at < p.starts_at)
			throw bad('ends_at must be on or after starts_at');
		if (body.project_state !== undefined) {
			if (!PROJECT_STATES.includes(body.project_state))
				throw bad('project_state must be one of Confirmed, Tentative, Internal');
			p.project_state = body.project_state;
		}
		if (body.timeentry_lockout !== undefined) {
			const n = Number(body.timeentry_lockout);
			if (!Number.isInteger(n) || n < -1)
				throw bad('timeentry_lockout must be -1, 0 or a positive number of days');
			p.timeentry_lockout = n;
		}
		for (const key of ['description', 'client', 'project_code', 'use_parent_bill_rates'])
			if (body[key] !== undefined) p[key] = body[key];
		return p;
	}
	route('GET', '/projects', (ctx) => {
		const q = ctx.query;
		const from = dateParam(q.from, 'from');
		const to = dateParam(q.to, 'to');
		let items = state.projects.filter(
			(p) => (truthy(q.with_phases) || !p.parent_id) && (truthy(q.with_archived) || !p.archived),
		);
		if (from || to) {
			items = items.filter((p) => {
				if (truthy(q.strict))
					return (
						(!from || (p.starts_at && p.starts_at >= from)) &&
						(!to || (p.ends_at && p.ends_at <= to))
					);
				return (
					(!from || !p.ends_at || p.ends_at >= from) && (!to || !p.starts_at || p.starts_at <= to)
				);
			});
		}
		if (q.filter_field !== undefined) {
			if (q.filter_field !== 'project_state')
				throw bad('project_state is the only supported filter_field');
			const wanted = String(q.filter_list || '')
				.split(',')
				.filter(Boolean);
			items = items.filter((p) => wanted.includes(p.project_state));
		}
		if (q.project_code !== undefined)
			items = items.filter((p) => p.project_code === q.project_code);
		if (q.phase_name !== undefined) items = items.filter((p) => p.phase_name === q.phase_name);
		return list(ctx, sortBy(items, q), (p) => showProject(p, q));
	});
	route('GET', '/projects/:id', (ctx) =>
		ok(showProject(find(state.projects, ctx.params.id, 'Project'), ctx.query)),
	);
	route('POST', '/projects', (ctx) => {
		const body = input(ctx);
		const p = projectFields(newProject(now()), body, true);
		state.projects.push(p);
		emit('project.created', p);
		return ok(p);
	});
	route('PUT', '/projects/:id', (ctx) => {
		const p = find(state.projects, ctx.params.id, 'Project');
		const body = { ...input(ctx) };
		const archiving = body.archived !== undefined ? truthy(body.archived) : undefined;
		if (body.id !== undefined && Number(body.id) !== p.id)
			throw bad('id in the body must match the URL');
		delete body.id;
		delete body.archived;
		if (p.archived && archiving !== false)
			throw bad(
				'Projects where archived is set to true cannot be updated. Unarchive the project first.',
			);
		const t = now();
		if (archiving === false) Object.assign(p, { archived: false, archived_at: null });
		Object.assign(p, projectFields({ ...p }, body, false), { updated_at: t });
		if (archiving === true) Object.assign(p, { archived: true, archived_at: t });
		emit('project.updated', p);
		return ok(p);
	});
	route('DELETE', '/projects/:id', (ctx) => {
		const p = find(state.projects, ctx.params.id, 'Project');
		state.projects = state.projects.filter((x) => x !== p && x.parent_id !== p.id);
		return { status: 204 };
	});
	route('GET', '/projects/:projectId/users', (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		const q = ctx.query;
		const ids = projectIds(p.id, truthy(q.with_phases));
		const who = new Set(
			state.assignments.filter((a) => ids.includes(a.assignable_id)).map((a) => a.user_id),
		);
		let items = state.users.filter(
			(u) => who.has(u.id) && (truthy(q.with_archived) || !u.archived),
		);
		if (truthy(q.include_placeholders))
			items = [...items, ...state.placeholders.filter((x) => who.has(x.id))];
		return list(ctx, sortUsers(items, q), (u) => showUser(u, q));
	});

	// ---- reports
	const VIEWS = [
		'time_fees_hours',
		'time_fees_days',
		'time_fees_amounts',
		'time_fees_hours_and_amounts',
		'time_fees_days_and_amounts',
		'budgets_hours',
		'budgets_days',
		'budgets_amounts',
		'utilization',
		'expenses',
	];
	const FRAMES = [
		'this_week',
		'this_month',
		'this_quarter',
		'this_year',
		'last_week',
		'last_month',
		'last_quarter',
		'last_year',
		'next_30',
		'next_60',
		'next_90',
		'last_30',
		'last_60',
		'last_90',
		'last_and_next_90',
	];
	const USER_ATTRS = ['user_id', 'role', 'discipline', 'location', 'assignment_status'];
	const DATE_ATTRS = ['date', 'week', 'month'];
	const GROUPS = [
		...USER_ATTRS,
		...DATE_ATTRS,
		'project_id',
		'client',
		'leave_type',
		'project_type',
		'project_state',
		'phase_name',
		'record_type',
		'entry_type',
		'category',
		'approval_status',
		'approved_by',
	];
	function report(ctx, kind) {
		const body = input(ctx);
		const params = {
			view: body.view ?? 'time_fees_hours',
			time_frame: body.time_frame ?? 'this_week',
			group_by: body.group_by ?? (body.view === 'utilization' ? ['user_id'] : ['project_id']),
			filters: body.filters ?? null,
			today: body.today ?? day(new Date()),
			calc_incurred_using: body.calc_incurred_using ?? 'confirmed-unconfirmed',
		};
		if (!VIEWS.includes(params.view)) throw bad(`view must be one of ${VIEWS.join(', ')}`);
		if (!isDate(params.today)) throw bad('today must be in YYYY-MM-DD format');
		if (!['confirmed-unconfirmed', 'confirmed', 'approved'].includes(params.calc_incurred_using))
			throw bad('calc_incurred_using must be one of confirmed-unconfirmed, confirmed, approved');
		if (!Array.isArray(params.group_by) || params.group_by.length > 5)
			throw bad('group_by must be an array of at most 5 attributes');
		for (const g of params.group_by)
			if (!GROUPS.includes(g)) throw bad(`group_by attribute "${g}" is not supported`);
		if (params.view === 'utilization')
			for (const g of params.group_by)
				if (![...USER_ATTRS, ...DATE_ATTRS].includes(g))
					throw bad('utilization reports can only be grouped by user or date attributes');
		const range = timeRange(params.time_frame, params.today);
		let entries = state.timeEntries.filter((t) => t.date >= range.from && t.date <= range.to);
		const filters = params.filters || {};
		if (typeof filters !== 'object') throw bad('filters must be an object');
		for (const [attr, spec] of Object.entries(filters)) {
			if (attr === 'custom_fields') continue;
			if (
				!spec ||
				!['inclusion', 'exclusion'].includes(spec.operation) ||
				!Array.isArray(spec.values)
			)
				throw bad(
					`filter ${attr} needs an operation (inclusion or exclusion) and an array of values`,
				);
			entries = entries.filter((t) => {
				const v = attrOf(t, attr);
				const hit = spec.values.map(String).includes(String(v));
				return spec.operation === 'inclusion' ? hit : !hit;
			});
		}
		const sum = (list) => {
			const hours = list.reduce((s, t) => s + (t.hours || 0), 0);
			const amount = list.reduce((s, t) => s + (t.hours || 0) * (t.bill_rate || 0), 0);
			return {
				incurred_hours: hours,
				scheduled_hours: hours,
				difference_from_past_scheduled_hours: 0,
				future_scheduled_hours: 0,
				total_hours: hours,
				incurred_amount: amount,
				total_amount: amount,
			};
		};
		const base = { params, dates: { today: params.today, range } };
		if (kind === 'totals') return ok({ ...base, totals: sum(entries) });
		const groups = new Map();
		for (const t of entries) {
			const key = JSON.stringify(params.group_by.map((g) => attrOf(t, g)));
			if (!groups.has(key)) groups.set(key, []);
			groups.get(key).push(t);
		}
		const rows = [...groups.entries()].map(([key, list]) => {
			const values = JSON.parse(key);
			const row = {};
			params.group_by.forEach((g, i) => {
				row[g] = values[i];
				if (g === 'project_id') row.project_name = assignableById(values[i])?.name ?? null;
				if (g === 'user_id')
					row.user_name = state.users.find((u) => u.id === values[i])?.display_name ?? null;
			});
			return { ...row, ...sum(list) };
		});
		return ok({ ...base, rows });
	}
	function attrOf(t, attr) {
		const user = state.users.find((u) => u.id === t.user_id) || {};
		const a = assignableById(t.assignable_id) || {};
		switch (attr) {
			case 'user_id':
				return t.user_id;
			case 'role':
			case 'discipline':
			case 'location':
				return user[attr] ?? null;
			case 'people_tags':
				return tagsOf(state.userTags, t.user_id)
					.map((x) => x.value)
					.join(',');
			case 'project_tags':
				return tagsOf(state.projectTags, t.assignable_id)
					.map((x) => x.value)
					.join(',');
			case 'date':
				return t.date;
			case 'week':
				return t.date;
			case 'month':
				return t.date.slice(0, 7);
			case 'project_id':
				return t.assignable_id;
			case 'client':
				return a.client ?? null;
			case 'leave_type':
				return a.type === 'LeaveType' ? a.name : null;
			case 'project_type':
				return a.type;
			case 'project_state':
				return a.project_state ?? null;
			case 'phase_name':
				return a.phase_name ?? null;
			case 'record_type':
				return 'TimeEntry';
			case 'entry_type':
				return t.is_suggestion ? 'Unconfirmed' : 'Confirmed';
			case 'category':
				return t.task;
			case 'approval_status':
				return approvalsFor('TimeEntry', t.id)[0]?.status ?? 'unsubmitted';
			case 'approved_by':
				return approvalsFor('TimeEntry', t.id)[0]?.approved_by ?? null;
			default:
				return null;
		}
	}
	function timeRange(frame, today) {
		if (frame && typeof frame === 'object') {
			if (!isDate(frame.from) || !isDate(frame.to))
				throw bad('time_frame from and to must be dates in YYYY-MM-DD format');
			return { from: frame.from, to: frame.to };
		}
		if (!FRAMES.includes(frame))
			throw bad(`time_frame must be an object with from/to or one of ${FRAMES.join(', ')}`);
		const t = new Date(`${today}T00:00:00Z`);
		const shift = (d, n) => {
			const x = new Date(d);
			x.setUTCDate(x.getUTCDate() + n);
			return x;
		};
		const monday = shift(t, -((t.getUTCDay() + 6) % 7));
		const y = t.getUTCFullYear();
		const m = t.getUTCMonth();
		const q = Math.floor(m / 3) * 3;
		const r = {
			this_week: [monday, shift(monday, 6)],
			last_week: [shift(monday, -7), shift(monday, -1)],
			this_month: [new Date(Date.UTC(y, m, 1)), new Date(Date.UTC(y, m + 1, 0))],
			last_month: [new Date(Date.UTC(y, m - 1, 1)), new Date(Date.UTC(y, m, 0))],
			this_quarter: [new Date(Date.UTC(y, q, 1)), new Date(Date.UTC(y, q + 3, 0))],
			last_quarter: [new Date(Date.UTC(y, q - 3, 1)), new Date(Date.UTC(y, q, 0))],
			this_year: [new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y, 11, 31))],
			last_year: [new Date(Date.UTC(y - 1, 0, 1)), new Date(Date.UTC(y - 1, 11, 31))],
			next_30: [t, shift(t, 30)],
			next_60: [t, shift(t, 60)],
			next_90: [t, shift(t, 90)],
			last_30: [shift(t, -30), t],
			last_60: [shift(t, -60), t],
			last_90: [shift(t, -90), t],
			last_and_next_90: [shift(t, -90), shift(t, 90)],
		}[frame];
		return { from: day(r[0]), to: day(r[1]) };
	}
	route('POST', '/reports/rows', (ctx) => report(ctx, 'rows'));
	route('POST', '/reports/totals', (ctx) => report(ctx, 'totals'));

	// ---- status options
	const COLORS = [
		'blue_bright',
		'blue_dark',
		'green_bright',
		'green_dark',
		'yellow',
		'orange',
		'red',
		'purple',
	];
	const STAGES = ['planned', 'in_progress', 'done'];
	function statusOptionFields(s, body, creating) {
		if (creating || body.color !== undefined) {
			if (!COLORS.includes(body.color)) throw bad(`color must be one of ${COLORS.join(', ')}`);
			s.color = body.color;
		}
		if (creating || body.label !== undefined) {
			if (!body.label) throw bad('label is required');
			s.label = String(body.label);
		}
		if (creating || body.stage !== undefined) {
			if (!STAGES.includes(body.stage)) throw bad(`stage must be one of ${STAGES.join(', ')}`);
			s.stage = body.stage;
		}
		if (creating || body.order !== undefined)
			s.order = numberParam(body.order, 'order', { required: true });
		return s;
	}
	route('GET', '/status_options', (ctx) =>
		list(
			ctx,
			state.statusOptions.filter((s) => truthy(ctx.query.with_deleted) || !s.deleted_at),
		),
	);
	route('GET', '/status_options/:id', (ctx) =>
		ok(find(state.statusOptions, ctx.params.id, 'Status option')),
	);
	route('POST', '/status_options', (ctx) => {
		const t = now();
		const s = statusOptionFields(
			{ id: newId(), deleted_at: null, created_at: t, updated_at: t },
			input(ctx),
			true,
		);
		state.statusOptions.push(s);
		return ok(s);
	});
	route('PUT', '/status_options/:id', (ctx) => {
		const s = find(state.statusOptions, ctx.params.id, 'Status option');
		Object.assign(s, statusOptionFields({ ...s }, input(ctx), false), { updated_at: now() });
		return ok(s);
	});
	route('DELETE', '/status_options/:id', (ctx) => {
		const s = find(state.statusOptions, ctx.params.id, 'Status option');
		s.deleted_at = now();
		return { status: 204 };
	});

	// ---- time entries
	function suggestions(users, assignableIds, from, to) {
		const out = [];
		for (const a of state.assignments) {
			if (
				a.user_id === null ||
				(users && !users.includes(a.user_id)) ||
				(assignableIds && !assignableIds.includes(a.assignable_id))
			)
				continue;
			let d = a.starts_at;
			let k = 0;
			while (d <= a.ends_at && k < 60) {
				const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
				if (weekday !== 0 && weekday !== 6 && (!from || d >= from) && (!to || d <= to)) {
					const hours =
						a.allocation_mode === 'hours_per_day'
							? a.hours_per_day
							: a.allocation_mode === 'fixed'
								? 0
								: 8 * (a.percent ?? 1);
					const target = assignableById(a.assignable_id) || {};
					out.push({
						id: 900000000 + a.id * 100 + k,
						user_id: a.user_id,
						assignable_id: a.assignable_id,
						assignable_type: target.type === 'LeaveType' ? 'LeaveType' : 'Project',
						date: d,
						hours: null,
						is_suggestion: true,
						scheduled_hours: hours,
						task: null,
						notes: null,
						bill_rate: a.bill_rate ?? 0,
						bill_rate_id: a.bill_rate_id,
						created_at: a.created_at,
						updated_at: a.updated_at,
					});
				}
				const next = new Date(`${d}T00:00:00Z`);
				next.setUTCDate(next.getUTCDate() + 1);
				d = day(next);
				k++;
			}
		}
		return out;
	}
	function listEntries(ctx, { users, assignableIds }) {
		const q = ctx.query;
		const from = dateParam(q.from, 'from');
		const to = dateParam(q.to, 'to');
		let items = state.timeEntries.filter(
			(t) =>
				(!users || users.includes(t.user_id)) &&
				(!assignableIds || assignableIds.includes(t.assignable_id)),
		);
		items = items.filter((t) => (!from || t.date >= from) && (!to || t.date <= to));
		if (truthy(q.with_suggestions))
			items = [...items, ...suggestions(users, assignableIds, from, to)];
		items = q.sort_field ? sortBy(items, q) : items;
		return list(ctx, items, (t) => showApprovable('TimeEntry', t, q));
	}
	route('GET', '/time_entries', (ctx) => listEntries(ctx, {}));
	route('GET', '/users/:userId/time_entries', (ctx) => {
		const id = idParam(ctx.params.userId, 'User');
		if (!userOrPlaceholder(id)) throw notFound(`User ${ctx.params.userId}`);
		return listEntries(ctx, { users: [id] });
	});
	route('GET', '/projects/:projectId/time_entries', (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		return listEntries(ctx, { assignableIds: projectIds(p.id, true) });
	});
	const oneEntry = (ctx) => {
		const t = find(state.timeEntries, ctx.params.id, 'Time entry');
		if (ctx.params.userId !== undefined && t.user_id !== idParam(ctx.params.userId, 'User'))
			throw notFound(`Time entry ${ctx.params.id}`);
		if (
			ctx.params.projectId !== undefined &&
			!projectIds(idParam(ctx.params.projectId, 'Project'), true).includes(t.assignable_id)
		)
			throw notFound(`Time entry ${ctx.params.id}`);
		return t;
	};
	for (const prefix of ['', '/users/:userId', '/projects/:projectId']) {
		route('GET', `${prefix}/time_entries/:id`, (ctx) =>
			ok(showApprovable('TimeEntry', oneEntry(ctx), ctx.query)),
		);
	}
	function entryFields(t, body, creating) {
		if (creating || body.user_id !== undefined) {
			const uid = numberParam(body.user_id, 'user_id', { required: true });
			const user = state.users.find((u) => u.id === uid);
			if (!user) {
				if (state.placeholders.some((p) => p.id === uid))
					throw bad('Time entries cannot be created for placeholder resources');
				throw bad(`user_id ${uid} does not match a user`);
			}
			if (user.license_type !== 'licensed')
				throw bad('Confirmed time entries cannot be created for managed resources');
			t.user_id = uid;
		}
		const assignable = body.assignable_id ?? body.project_id ?? body.leave_type_id;
		if (assignable !== undefined && assignable !== null && assignable !== '') {
			const found = assignableById(Number(assignable));
			if (!found)
				throw bad(`assignable_id ${assignable} does not match a project, phase or leave type`);
			if (found.archived) throw bad('Time cannot be logged on an archived project');
			t.assignable_id = found.id;
			t.assignable_type = found.type === 'LeaveType' ? 'LeaveType' : 'Project';
		} else if (creating) throw bad('assignable_id (or project_id / leave_type_id) is required');
		if (creating || body.date !== undefined)
			t.date = dateParam(body.date, 'date', { required: true });
		if (creating || body.hours !== undefined) {
			t.hours = numberParam(body.hours, 'hours', { required: true, min: 0 });
			if (t.hours > 24) throw bad('hours must be at most 24');
		}
		for (const key of ['task', 'notes']) {
			if (body[key] !== undefined) {
				if (body[key] !== null && String(body[key]).length >= 256)
					throw bad(`${key} must be fewer than 256 characters`);
				t[key] = body[key];
			}
		}
		if (body.bill_rate_id !== undefined) t.bill_rate_id = body.bill_rate_id;
		const target = assignableById(t.assignable_id);
		if (target && target.timeentry_lockout !== undefined && target.timeentry_lockout >= 0) {
			const limit = new Date();
			limit.setUTCDate(limit.getUTCDate() - target.timeentry_lockout);
			if (target.timeentry_lockout === 0 || t.date < day(limit))
				throw bad(`Time entries are locked for ${target.name}`);
		}
		return t;
	}
	function createEntry(ctx, body) {
		const t0 = now();
		const t = entryFields(
			{
				id: newId(),
				user_id: null,
				assignable_id: null,
				assignable_type: 'Project',
				date: null,
				hours: null,
				is_suggestion: false,
				scheduled_hours: null,
				task: null,
				notes: null,
				bill_rate: 0,
				bill_rate_id: null,
				created_at: t0,
				updated_at: t0,
			},
			body,
			true,
		);
		const rate =
			state.billRates.find((r) => r.assignable_id === t.assignable_id && r.user_id === t.user_id) ||
			state.billRates.find((r) => r.assignable_id === t.assignable_id && !r.user_id) ||
			state.billRates.find((r) => r.assignable_id === null && !r.role_id);
		if (rate && t.assignable_type === 'Project') {
			t.bill_rate = rate.rate;
			t.bill_rate_id = t.bill_rate_id ?? rate.id;
		}
		state.timeEntries.push(t);
		emit('time.entry.created', t);
		return ok(t);
	}
	route('POST', '/users/:userId/time_entries', (ctx) => {
		const uid = idParam(ctx.params.userId, 'User');
		if (!state.users.some((u) => u.id === uid)) throw notFound(`User ${ctx.params.userId}`);
		const body = { ...input(ctx) };
		if (body.user_id !== undefined && body.user_id !== null && Number(body.user_id) !== uid)
			throw bad('The user_id in the URL must match the user_id in the POST data');
		body.user_id = uid;
		return createEntry(ctx, body);
	});
	route('POST', '/projects/:projectId/time_entries', (ctx) => {
		const p = find(state.projects, ctx.params.projectId, 'Project');
		const body = { ...input(ctx) };
		const given = body.assignable_id ?? body.project_id;
		if (given !== undefined && given !== null && !projectIds(p.id, true).includes(Number(given)))
			throw bad('The assignable_id must be the project of the URL or one of its phases');
		if (given === undefined || given === null) body.assignable_id = p.id;
		return createEntry(ctx, body);
	});
	for (const prefix of ['/users/:userId', '/projects/:projectId', '']) {
		route('PUT', `${prefix}/time_entries/:id`, (ctx) => {
			const t = oneEntry(ctx);
			const body = { ...input(ctx) };
			if (body.user_id !== undefined && Number(body.user_id) === t.user_id) delete body.user_id;
			const approval = approvalsFor('TimeEntry', t.id)[0];
			if (approval && approval.status === 'approved')
				throw bad('Approved time entries cannot be changed');
			Object.assign(t, entryFields({ ...t }, body, false), { updated_at: now() });
			emit('time.entry.updated', t);
			return ok(t);
		});
		route('DELETE', `${prefix}/time_entries/:id`, (ctx) => {
			const t = oneEntry(ctx);
			const approval = approvalsFor('TimeEntry', t.id)[0];
			if (approval && approval.status === 'approved')
				throw bad('Approved time entries cannot be deleted');
			state.timeEntries = state.timeEntries.filter((x) => x !== t);
			state.approvals = state.approvals.filter(
				(a) => !(a.approvable_type === 'TimeEntry' && a.approvable_id === t.id),
			);
			return { status: 204 };
		});
	}

	// ---- availabilities
	function availabilityFields(a, body) {
		for (let d = 0; d <= 6; d++) {
			const key = `day${d}`;
			if (body[key] !== undefined) {
				const n = numberParam(body[key], key, { min: 0 });
				if (n > 24) throw bad(`${key} must be at most 24`);
				a[key] = n;
			}
		}
		if (body.starts_at !== undefined)
			a.starts_at = body.starts_at ? dateParam(body.starts_at, 'starts_at') : null;
		if (body.ends_at !== undefined)
			a.ends_at = body.ends_at ? dateParam(body.ends_at, 'ends_at') : null;
		if (a.starts_at && a.ends_at && a.ends_at < a.starts_at)
			throw bad('ends_at must be on or after starts_at');
		return a;
	}
	route('GET', '/users/:userId/availabilities', (ctx) => {
		const u = find(state.users, ctx.params.userId, 'User');
		return list(
			ctx,
			state.availabilities.filter((a) => a.user_id === u.id),
		);
	});
	const oneAvailability = (ctx) => {
		const u = find(state.users, ctx.params.userId, 'User');
		const a = find(state.availabilities, ctx.params.id, 'Availability');
		if (a.user_id !== u.id) throw notFound(`Availability ${ctx.params.id}`);
		return { u, a };
	};
	route('GET', '/users/:userId/availabilities/:id', (ctx) => ok(oneAvailability(ctx).a));
	route('PUT', '/users/:userId/availabilities/:id', (ctx) => {
		const { u, a } = oneAvailability(ctx);
		Object.assign(a, availabilityFields({ ...a }, input(ctx)), { updated_at: now() });
		touchUser(u);
		return ok(a);
	});
	route('DELETE', '/users/:userId/availabilities/:id', (ctx) => {
		const { u, a } = oneAvailability(ctx);
		state.availabilities = state.availabilities.filter((x) => x !== a);
		touchUser(u);
		return { status: 204 };
	});
	route('POST', '/users/:userId/availabilities', (ctx) => {
		const u = find(state.users, ctx.params.userId, 'User');
		const t = now();
		const a = availabilityFields(
			{
				id: newId(),
				user_id: u.id,
				starts_at: null,
				ends_at: null,
				day0: 0,
				day1: 8,
				day2: 8,
				day3: 8,
				day4: 8,
				day5: 8,
				day6: 0,
				created_at: t,
				updated_at: t,
			},
			input(ctx),
		);
		state.availabilities.push(a);
		touchUser(u);
		return ok(a);
	});

	// ---- user statuses
	const STATUSES = ['ITO', 'WFH', 'SIC', 'OOO', 'VAC', 'OOF'];
	route('GET', '/users/:userId/statuses', (ctx) => {
		const u = find(state.users, ctx.params.userId, 'User');
		return list(
			ctx,
			state.statuses.filter((s) => s.user_id === u.id).sort((a, b) => b.id - a.id),
		);
	});
	route('POST', '/users/:userId/statuses', (ctx) => {
		const u = find(state.users, ctx.params.userId, 'User');
		const body = input(ctx);
		if (!STATUSES.includes(body.status)) throw bad(`status must be one of ${STATUSES.join(', ')}`);
		if (
			body.assignable_id !== undefined &&
			body.assignable_id !== null &&
			!assignableById(Number(body.assignable_id))
		)
			throw bad(`assignable_id ${body.assignable_id} does not exist`);
		const t = now();
		const s = {
			id: newId(),
			user_id: u.id,
			assignable_id:
				body.assignable_id !== undefined && body.assignable_id !== null
					? Number(body.assignable_id)
					: null,
			status: body.status,
			message: body.message ?? null,
			current_task: body.current_task ?? null,
			start: null,
			end: body.end ?? null,
			created_at: t,
			updated_at: t,
		};
		state.statuses.push(s);
		return ok(s);
	});

	// ---- users
	const SORT_USERS = {
		created: 'created_at',
		updated: 'updated_at',
		first_name: 'first_name',
		last_name: 'last_name',
		hire_date: 'hire_date',
		termination_date: 'termination_date',
	};
	const sortUsers = (items, q) => sortBy(items, q, SORT_USERS);
	function touchUser(u) {
		if (!u || u.type !== 'User') return;
		u.updated_at = now();
		emit('user.updated', u);
	}
	function userFields(u, body, creating) {
		for (const key of ['first_name', 'last_name']) {
			if (creating && !body[key]) throw bad(`${key} is required`);
			if (body[key] !== undefined) {
				if (!String(body[key]).trim()) throw bad(`${key} cannot be blank`);
				u[key] = String(body[key]);
			}
		}
		if (creating && !body.email) throw bad('email is required');
		if (body.email !== undefined) {
			if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(body.email))) throw bad('email is invalid');
			const taken = state.users.find(
				(x) => x.email.toLowerCase() === String(body.email).toLowerCase() && x.id !== u.id,
			);
			if (taken) throw bad('email has already been taken');
			u.email = String(body.email);
		}
		if (body.user_type_id !== undefined) {
			const n = Number(body.user_type_id);
			if (n === 1) throw bad('API users cannot make a user an Administrator: do that in the app');
			if (![0, 2, 3, 4, 5, 7].includes(n))
				throw bad('user_type_id must be one of 0, 2, 3, 4, 5, 7');
			u.user_type_id = n;
		}
		if (body.license_type !== undefined) {
			if (!['licensed', 'managed_resource'].includes(body.license_type))
				throw bad('license_type must be licensed or managed_resource');
			u.license_type = body.license_type;
		}
		for (const key of ['hire_date', 'termination_date'])
			if (body[key] !== undefined) u[key] = body[key] ? dateParam(body[key], key) : null;
		for (const key of [
			'billable',
			'mobile_phone',
			'office_phone',
			'employee_number',
			'role',
			'discipline',
			'location',
			'billability_target',
			'billrate',
		])
			if (body[key] !== undefined) u[key] = body[key];
		u.display_name = `${u.first_name} ${u.last_name}`;
		return u;
	}
	route('GET', '/users', (ctx) => {
		const q = ctx.query;
		let items = state.users.filter((u) => truthy(q.with_archived) || !u.archived);
		if (truthy(q.include_placeholders)) items = [...items, ...state.placeholders];
		return list(ctx, sortUsers(items, q), (u) => (u.type === 'User' ? showUser(u, q) : u));
	});
	route('GET', '/users/:id', (ctx) =>
		ok(showUser(find(state.users, ctx.params.id, 'User'), ctx.query)),
	);
	route('POST', '/users', (ctx) => {
		const t = now();
		const uid = newId();
		const u = userFields(
			{
				id: uid,
				first_name: null,
				last_name: null,
				display_name: null,
				email: null,
				user_type_id: 3,
				billable: true,
				hire_date: null,
				termination_date: null,
				mobile_phone: null,
				office_phone: null,
				archived: false,
				archived_at: null,
				deleted: false,
				deleted_at: null,
				account_owner: false,
				invitation_pending: true,
				user_settings: 0,
				guid: `96d769c7-1b4e-4b07-8baf-${String(uid).padStart(12, '0')}`,
				employee_number: null,
				role: null,
				discipline: null,
				location: null,
				type: 'User',
				license_type: 'licensed',
				billability_target: 100,
				billrate: -1,
				has_login: false,
				login_type: 'default',
				thumbnail: '',
				created_at: t,
				updated_at: t,
			},
			input(ctx),
			true,
		);
		state.users.push(u);
		emit('user.created', u);
		return ok(u);
	});
	route('PUT', '/users/:id', (ctx) => {
		const u = find(state.users, ctx.params.id, 'User');
		const body = { ...input(ctx) };
		if (body.archived !== undefined) {
			const archive = truthy(body.archived);
			if (archive && u.account_owner) throw bad('You cannot archive the account owner');
			u.archived = archive;
			u.archived_at = archive ? now() : null;
			delete body.archived;
		}
		Object.assign(u, userFields({ ...u }, body, false), { updated_at: now() });
		emit('user.updated', u);
		return ok(u);
	});

	// ---- webhooks
	function validWebhookUrl(raw) {
		let url;
		try {
			url = new URL(String(raw));
		} catch {
			return false;
		}
		if (url.protocol === 'https:')
			return Boolean(url.hostname) && (url.hostname.includes('.') || url.hostname === 'localhost');
		return (
			settings.allowHttpLoopback &&
			url.protocol === 'http:' &&
			['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
		);
	}
	route('GET', '/webhooks', (ctx) => list(ctx, state.webhooks));
	route('POST', '/webhooks', (ctx) => {
		const body = input(ctx);
		if (!body.event_type || !body.url) throw bad('event_type and url are required');
		if (!EVENT_TYPES.includes(body.event_type))
			throw bad(`event_type must be one of ${EVENT_TYPES.join(', ')}`);
		if (!validWebhookUrl(body.url)) throw bad('url must be https with a valid host');
		if (state.webhooks.filter((w) => w.event_type === body.event_type).length >= 10)
			throw bad(`No more than 10 webhooks per event type are permitted (${body.event_type})`);
		const w = {
			id: newId(),
			organization_id: 1,
			url: String(body.url),
			status: 'active',
			event_type: body.event_type,
		};
		state.webhooks.push(w);
		return ok(w);
	});
	route('DELETE', '/webhooks/:id', (ctx) => {
		const w = find(state.webhooks, ctx.params.id, 'Webhook');
		state.webhooks = state.webhooks.filter((x) => x !== w);
		return { status: 204 };
	});
	route('PUT', '/webhooks/:id', (ctx) => {
		find(state.webhooks, ctx.params.id, 'Webhook');
		throw bad('Updating a webhook is currently not permitted');
	});

	// ------------------------------------------------------------------ seeding for the benchmark
	function seedExtra(spec) {
		const done = {};
		const users = Math.min(MAX_SEED, Math.max(0, Number(spec.users) || 0));
		const entries = Math.min(MAX_SEED, Math.max(0, Number(spec.timeEntries) || 0));
		const t = '2026-01-05T09:00:00Z';
		for (let i = 0; i < users; i++) {
			const uid = newId();
			state.users.push({
				...state.users[1],
				id: uid,
				first_name: 'Bench',
				last_name: `User ${i + 1}`,
				display_name: `Bench User ${i + 1}`,
				email: `bench.user${uid}@example.com`,
				account_owner: false,
				archived: false,
				archived_at: null,
				guid: `96d769c7-1b4e-4b07-8baf-${String(uid).padStart(12, '0')}`,
				created_at: t,
				updated_at: t,
			});
		}
		if (users) done.users = users;
		const user = state.users.find((u) => u.license_type === 'licensed' && !u.archived);
		const proj = state.projects.find((p) => !p.archived && !p.parent_id);
		for (let i = 0; i < entries; i++) {
			state.timeEntries.push({
				id: newId(),
				user_id: user.id,
				assignable_id: proj.id,
				assignable_type: 'Project',
				date: '2026-02-02',
				hours: 1,
				is_suggestion: false,
				scheduled_hours: null,
				task: 'Bench',
				notes: null,
				bill_rate: 150,
				bill_rate_id: null,
				created_at: t,
				updated_at: t,
			});
		}
		if (entries) done.timeEntries = entries;
		return done;
	}

	// Every answer carries the X-RateLimit headers: wrap handlers so their responses get them too.
	// Writes that reached a handler are journalled with their bodies (`sandbox.writes()`, state `writes`), so
	// tests can check that nothing was sent, or that an update sent only what the user changed.
	// `config.touchOnRead: [timeEntryId, …]` moves a time entry's updated_at after each GET of it, as if
	// someone edited it between the node's read and its write (stale approvals, deterministically).
	for (const r of routes) {
		const handler = r.handler;
		r.handler = async (ctx) => {
			try {
				if (ctx.method !== 'GET')
					writes.push({
						method: ctx.method,
						path: ctx.path,
						query: { ...ctx.query },
						body: JSON.parse(JSON.stringify(input(ctx))),
					});
				let result = (await handler(ctx)) || { status: 204 };
				const touched =
					ctx.method === 'GET' &&
					/\/time_entries\/\d+$/.test(ctx.path) &&
					(settings.touchOnRead || []).map(Number).includes(Number(ctx.params.id));
				if (touched) {
					result = { ...result, body: JSON.parse(JSON.stringify(result.body)) };
					const entry = state.timeEntries.find((t) => t.id === Number(ctx.params.id));
					if (entry) entry.updated_at = stamp(new Date(Date.parse(entry.updated_at) + 60000));
				}
				return { ...result, headers: { ...(ctx.rateHeaders || {}), ...(result.headers || {}) } };
			} catch (error) {
				if (error instanceof HttpError)
					error.headers = { ...(ctx.rateHeaders || {}), ...(error.headers || {}) };
				throw error;
			}
		};
	}

	// ------------------------------------------------------------------ sandbox
	const sandbox = createSandbox({
		name: 'rm',
		routes,
		config,
		reset,
		authenticate(ctx) {
			const token = ctx.headers.auth || ctx.query.auth;
			if (!token)
				return { status: 401, body: { message: 'Missing API token: send it in the auth header' } };
			if (!tokens.includes(String(token)))
				return { status: 401, body: { message: 'Invalid API token' } };
			ctx.token = String(token);
			return null;
		},
		rateLimit(ctx) {
			const hit = limiter.hit(ctx.token || 'anonymous');
			const headers = {
				'X-RateLimit-Limit': String(settings.rateLimit.limit),
				'X-RateLimit-Remaining': String(hit.remaining),
				'X-RateLimit-Reset': String(Math.ceil(hit.resetAt / 1000)),
			};
			ctx.rateHeaders = headers;
			if (hit.limited)
				return {
					status: 429,
					headers,
					body: { message: 'Rate limit exceeded. Retry after the time in X-RateLimit-Reset.' },
				};
			return null;
		},
		rateLimitResponse(retryAfter) {
			const reset = Math.ceil(Date.now() / 1000) + Math.max(1, retryAfter);
			return {
				status: 429,
				headers: {
					'X-RateLimit-Limit': String(settings.rateLimit.limit),
					'X-RateLimit-Remaining': '0',
					'X-RateLimit-Reset': String(reset),
				},
				body: { message: 'Rate limit exceeded. Retry after the time in X-RateLimit-Reset.' },
			};
		},
		notFound: () => ({ status: 404, body: { message: 'Not found' } }),
		errorBody: (status, message) => ({ message }),
		snapshot: () => ({ ...state, deliveries, writes, config: { ...settings } }),
	});

	sandbox.token = tokens[0];
	sandbox.deliveries = () => deliveries;
	sandbox.writes = () => writes;
	sandbox.state = () => state;
	sandbox.demoCredential = () => ({
		type: 'psaResourceManagementApi',
		name: 'Resource Management sandbox',
		data: { region: 'custom', baseUrl: `${sandbox.url}${API}`, apiToken: tokens[0] },
	});
	return sandbox;
}

module.exports = { create, EVENT_TYPES, DEFAULT_TOKEN, API };
