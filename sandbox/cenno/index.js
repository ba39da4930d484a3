'use strict';
/**
 * Cenno sandbox (dev-only). Mimics the Cenno external API as /work/shared/vendor-docs/cenno-api.txt
 * describes it:
 *
 *   base path /api · Basic auth with the API key as user name, password empty or equal to the key
 *   GET /companies, /companies/:id, /users, /users/:id, /projects, /projects/:id, /categories,
 *       /categories/:id, /items, /items/:id (answers with an ARRAY holding the item, as documented),
 *       /time_entries, /time_entries/:id
 *   POST /time_entries, PUT /time_entries/:id (bodies wrapped: { "time_entry": { … } }), DELETE /time_entries/:id
 *   422 { field: [messages] } on validation errors · 404 with an empty body for unknown ids
 *   Lists are unpaged and take no filters (the docs document none): the whole collection every time.
 *   /users records carry the password hash, salt and session tokens the docs show (the node must strip them).
 *
 * Choices where the docs are silent: 401 answers with Rails' plain text "HTTP Basic: Access denied."
 * and a WWW-Authenticate header; DELETE answers 204; PUT changes only the fields sent (Rails
 * `update(params)` semantics); timestamps carry the account's UTC offset (config.utcOffset, default +03:00)
 * with whole seconds, so records written in the same second tie.
 *
 * Config (options or POST /__sandbox/config):
 *   apiKey ('cenno-sandbox-key')        the accepted API key
 *   utcOffset ('+03:00')                offset written in created_at / updated_at
 *   now (unset)                         ISO time to freeze the clock at (tied-timestamp tests); unset = real time
 *   rateLimit: { limit, windowMs }      off by default (Cenno documents no limit); 429 + Retry-After when set
 *   seed: { companies, users, projects, categoriesPerProject, itemsPerProject, timeEntries }  sizes of the
 *                                       seeded data; changing it over /__sandbox/config reseeds on the next call
 *
 * `sandbox.received()` (in-process) lists every API write that reached a handler with its body.
 *
 * Extra test controls (public, not part of Cenno): POST /__cenno/:collection creates a record (for
 * collections the API cannot write: items, projects, …) and PATCH /__cenno/:collection/:id changes one,
 * both stamping created_at/updated_at like the app would.
 */
const { createSandbox, HttpError, slidingWindow, seededRandom } = require('../lib/server');
const seedData = require('./data');

const COLLECTIONS = ['companies', 'users', 'projects', 'categories', 'items', 'time_entries'];
const TIME_ENTRY_FIELDS = [
	'user_id',
	'item_id',
	'project_id',
	'date',
	'hours',
	'description',
	'external_id',
	'billable',
];

function clone(value) {
	return JSON.parse(JSON.stringify(value));
}

function pad(n) {
	return String(n).padStart(2, '0');
}

/** "2016-08-15T16:46:05+03:00" for a Date, in the given offset. */
function stamp(date, offset) {
	const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset) || ['', '+', '00', '00'];
	const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
	const local = new Date(date.getTime() + minutes * 60000);
	return (
		`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
		`T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${match[1]}${match[2]}:${match[3]}`
	);
}

function isRealDate(value) {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function create(options = {}) {
	const config = {
		apiKey: 'cenno-sandbox-key',
		utcOffset: '+03:00',
		now: undefined,
		rateLimit: undefined,
		seed: {},
		...options,
	};
	let state;
	let seededWith;
	/** Every write request as received (method, path, body): tests check what was sent, not only the outcome. */
	const received = [];
	let limiter;
	let limiterWith;

	function reseed() {
		seededWith = JSON.stringify(config.seed || {});
		state = seedData.build({ ...(config.seed || {}) }, seededRandom);
	}
	function ensureSeed() {
		if (!state || JSON.stringify(config.seed || {}) !== seededWith) reseed();
	}
	reseed();

	function nowStamp() {
		const date = config.now ? new Date(config.now) : new Date();
		return stamp(date, config.utcOffset || '+00:00');
	}

	function find(collection, id) {
		ensureSeed();
		const wanted = Number(id);
		if (!/^\d+$/.test(String(id))) return undefined;
		return state[collection].find((r) => r.id === wanted);
	}

	function mustFind(collection, id) {
		const record = find(collection, id);
		if (!record) throw new HttpError(404, '');
		return record;
	}

	/** 422 { field: [messages] } for a time entry as it would be after the write. */
	function validateTimeEntry(entry) {
		const errors = {};
		const add = (field, message) => (errors[field] = [...(errors[field] || []), message]);
		if (entry.user_id === undefined || entry.user_id === null || entry.user_id === '')
			add('user_id', "can't be blank");
		else if (!find('users', entry.user_id)) add('user_id', 'is invalid');
		if (entry.project_id === undefined || entry.project_id === null || entry.project_id === '')
			add('project_id', "can't be blank");
		else if (!find('projects', entry.project_id)) add('project_id', 'is invalid');
		if (entry.item_id !== undefined && entry.item_id !== null && entry.item_id !== '') {
			const item = find('items', entry.item_id);
			if (!item) add('item_id', 'is invalid');
			else if (
				entry.project_id !== undefined &&
				Number(item.project_id) !== Number(entry.project_id)
			)
				add('item_id', 'does not belong to the project');
		}
		if (entry.date === undefined || entry.date === null || entry.date === '')
			add('date', "can't be blank");
		else if (!isRealDate(entry.date)) add('date', 'is not a valid date');
		if (entry.hours === undefined || entry.hours === null || entry.hours === '')
			add('hours', "can't be blank");
		else if (typeof entry.hours !== 'number' && !/^-?\d+(\.\d+)?$/.test(String(entry.hours)))
			add('hours', 'is not a number');
		else if (Number(entry.hours) <= 0) add('hours', 'must be greater than 0');
		if (
			entry.billable !== undefined &&
			entry.billable !== null &&
			typeof entry.billable !== 'boolean'
		)
			add('billable', 'is not included in the list');
		if (Object.keys(errors).length) throw new HttpError(422, errors);
	}

	function normalizeEntry(entry) {
		const out = { ...entry };
		for (const key of ['user_id', 'item_id', 'project_id']) {
			if (
				out[key] !== undefined &&
				out[key] !== null &&
				out[key] !== '' &&
				/^\d+$/.test(String(out[key]))
			)
				out[key] = Number(out[key]);
		}
		if (out.hours !== undefined && out.hours !== null && out.hours !== '')
			out.hours = Number(out.hours);
		return out;
	}

	function wrapped(ctx) {
		const body = ctx.body;
		received.push({
			method: ctx.method,
			path: ctx.path,
			body: clone(body === undefined ? null : body),
		});
		if (
			!body ||
			typeof body !== 'object' ||
			Buffer.isBuffer(body) ||
			!body.time_entry ||
			typeof body.time_entry !== 'object'
		) {
			// Rails' params.require(:time_entry)
			throw new HttpError(400, { error: 'param is missing or the value is empty: time_entry' });
		}
		const picked = {};
		for (const key of TIME_ENTRY_FIELDS)
			if (key in body.time_entry) picked[key] = body.time_entry[key];
		return picked;
	}

	const list = (collection) => () => {
		ensureSeed();
		return { status: 200, body: clone(state[collection]) };
	};
	const one = (collection) => (ctx) => ({
		status: 200,
		body: clone(mustFind(collection, ctx.params.id)),
	});

	const routes = [
		{ method: 'GET', path: '/api/companies', handler: list('companies') },
		{ method: 'GET', path: '/api/companies/:id', handler: one('companies') },
		{ method: 'GET', path: '/api/users', handler: list('users') },
		{ method: 'GET', path: '/api/users/:id', handler: one('users') },
		{ method: 'GET', path: '/api/projects', handler: list('projects') },
		{ method: 'GET', path: '/api/projects/:id', handler: one('projects') },
		{ method: 'GET', path: '/api/categories', handler: list('categories') },
		{ method: 'GET', path: '/api/categories/:id', handler: one('categories') },
		{ method: 'GET', path: '/api/items', handler: list('items') },
		// Documented quirk: the single item comes back inside an array.
		{
			method: 'GET',
			path: '/api/items/:id',
			handler: (ctx) => ({ status: 200, body: [clone(mustFind('items', ctx.params.id))] }),
		},
		{ method: 'GET', path: '/api/time_entries', handler: list('time_entries') },
		{ method: 'GET', path: '/api/time_entries/:id', handler: one('time_entries') },
		{
			method: 'POST',
			path: '/api/time_entries',
			handler: (ctx) => {
				ensureSeed();
				const input = normalizeEntry(wrapped(ctx));
				validateTimeEntry(input);
				const now = nowStamp();
				const record = {
					id: state.nextId.time_entries++,
					user_id: input.user_id,
					item_id: input.item_id ?? null,
					project_id: input.project_id,
					date: input.date,
					hours: input.hours,
					description: input.description ?? '',
					created_at: now,
					updated_at: now,
					external_id: input.external_id ?? null,
					billable: input.billable ?? true,
				};
				state.time_entries.push(record);
				return { status: 201, body: clone(record) };
			},
		},
		{
			method: 'PUT',
			path: '/api/time_entries/:id',
			handler: (ctx) => {
				const record = mustFind('time_entries', ctx.params.id);
				const changes = normalizeEntry(wrapped(ctx));
				const merged = { ...record, ...changes };
				validateTimeEntry(merged);
				const changed = Object.keys(changes).some(
					(key) => JSON.stringify(record[key]) !== JSON.stringify(merged[key]),
				);
				Object.assign(record, merged);
				if (changed) record.updated_at = nowStamp();
				return { status: 200, body: clone(record) };
			},
		},
		{
			method: 'DELETE',
			path: '/api/time_entries/:id',
			handler: (ctx) => {
				received.push({ method: ctx.method, path: ctx.path, body: null });
				const record = mustFind('time_entries', ctx.params.id);
				state.time_entries = state.time_entries.filter((r) => r !== record);
				return { status: 204 };
			},
		},
		// ---- test controls (not Cenno) ----
		{
			method: 'POST',
			path: '/__cenno/:collection',
			public: true,
			handler: (ctx) => {
				ensureSeed();
				const collection = ctx.params.collection;
				if (!COLLECTIONS.includes(collection))
					throw new HttpError(404, { error: `unknown collection ${collection}` });
				const now = nowStamp();
				const record = {
					...seedData.template(collection, state),
					id: undefined,
					...(ctx.body || {}),
				};
				if (record.id === undefined || record.id === null) record.id = state.nextId[collection]++;
				if (find(collection, record.id))
					throw new HttpError(422, { id: ['has already been taken'] });
				record.created_at = (ctx.body && ctx.body.created_at) || now;
				record.updated_at = (ctx.body && ctx.body.updated_at) || record.created_at;
				state[collection].push(record);
				return { status: 201, body: clone(record) };
			},
		},
		{
			method: 'PATCH',
			path: '/__cenno/:collection/:id',
			public: true,
			handler: (ctx) => {
				const collection = ctx.params.collection;
				if (!COLLECTIONS.includes(collection))
					throw new HttpError(404, { error: `unknown collection ${collection}` });
				const record = mustFind(collection, ctx.params.id);
				Object.assign(record, ctx.body || {});
				if (!(ctx.body && ctx.body.updated_at)) record.updated_at = nowStamp();
				return { status: 200, body: clone(record) };
			},
		},
	];

	const sandbox = createSandbox({
		name: 'cenno',
		routes,
		config,
		authenticate(ctx) {
			const header = String(ctx.headers.authorization || '');
			const match = /^Basic\s+(.+)$/i.exec(header);
			let ok = false;
			if (match) {
				const decoded = Buffer.from(match[1], 'base64').toString('utf8');
				const colon = decoded.indexOf(':');
				const user = colon >= 0 ? decoded.slice(0, colon) : decoded;
				const password = colon >= 0 ? decoded.slice(colon + 1) : '';
				ok = user === config.apiKey && (password === '' || password === user);
			}
			if (ok) return null;
			return {
				status: 401,
				headers: {
					'WWW-Authenticate': 'Basic realm="Application"',
					'Content-Type': 'text/plain; charset=utf-8',
				},
				body: 'HTTP Basic: Access denied.\n',
			};
		},
		rateLimit(ctx) {
			if (!config.rateLimit || !config.rateLimit.limit) return null;
			const key = JSON.stringify(config.rateLimit);
			if (!limiter || limiterWith !== key) {
				limiter = slidingWindow({
					limit: config.rateLimit.limit,
					windowMs: config.rateLimit.windowMs || 1000,
				});
				limiterWith = key;
			}
			const hit = limiter.hit(String(ctx.headers.authorization || ''));
			if (!hit.limited) return null;
			return {
				status: 429,
				headers: { 'Retry-After': String(hit.retryAfterSeconds) },
				body: 'Retry later\n',
			};
		},
		rateLimitResponse: (retryAfter) => ({
			status: 429,
			headers: { 'Retry-After': String(retryAfter) },
			body: 'Retry later\n',
		}),
		notFound: () => ({ status: 404, body: '' }),
		errorBody: (status, message) => ({ error: message }),
		reset() {
			config.now = undefined;
			received.length = 0;
			reseed();
		},
		snapshot() {
			ensureSeed();
			const out = {};
			for (const collection of COLLECTIONS) out[collection] = clone(state[collection]);
			return out;
		},
	});

	sandbox.state = () => {
		ensureSeed();
		return state;
	};
	/** Write requests (POST, PUT, DELETE of the API) that reached the handlers, oldest first. */
	sandbox.received = () => clone(received);
	sandbox.demoCredential = () => ({
		type: 'psaCennoApi',
		name: 'Cenno sandbox',
		data: {
			connection: 'customUrl',
			account: '',
			baseUrl: `${sandbox.url}/api`,
			apiKey: config.apiKey,
		},
	});
	return sandbox;
}

module.exports = { create, stamp };
