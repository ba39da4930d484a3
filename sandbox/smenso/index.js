'use strict';
/**
 * smenso sandbox (dev-only): the Integration JSON API and the Reporting API as smenso's own pages and its n8n
 * node show them (evidence: ../shared/vendor-docs/smenso-*.md; order: smenso pages > vendor node newer > older >
 * our notes). It accepts every request shape some source shows and rejects with 400 `{errors: [...]}` what none
 * does. Every route, shape and reject rule: ROUTES.md next to this file; interpretations:
 * docs/vendors/smenso-sandbox.md.
 *
 * Config (options or POST /__sandbox/config):
 *   token, readOnlyToken, noAddonToken   accepted tokens (admin / member / workspace without the add-on)
 *   ticketDelayMs (300)                  time before a ticket is processed
 *   writeStatus (202)                    HTTP status of accepted async writes (docs say 200 or 202)
 *   ticketFault: { mode: 'fail' | 'never' | 'partial', count }
 *   ticketShape ('plain')                'plain': a Success ticket is exactly P4's example (id, endpoint, success,
 *                                        status, statusId, received, started, processed: no messages, no counts);
 *                                        'rich': every finished ticket adds messages and the counts object
 *   ticketMessages ('tempId')            how a message names a failed record: 'tempId' (Record <i> (tempId '…')),
 *                                        'record0' (Record <i>), 'record1' (Record <i+1>), 'none' (no record named)
 *   downloadShape ('bytes')              attachment download: 'bytes' (the file, Content-Disposition) or 'json'
 *                                        ({id, fileName, contentType, size, content: base64})
 *   ignoreFields ({})                    { <entity>: [field, …] }: accepted but not stored (a .NET API that drops
 *                                        what it does not know); entity 'templateOptions' = options not applied
 *   rateLimit: { limit, windowMs }, rateLimitHeader: 'retry-after' | 'reset'
 *   lockedBefore ('2026-01-01')          time records dated before this are locked
 *   maxUploadBytes (500 MB)              attachment upload limit (P16)
 *   rejectUnknownFields (true)           a record field no source shows → 400
 *   seed: { projects, tasksPerProject, timeRecords, absences, randomSeed }
 */
const { createSandbox, HttpError, slidingWindow } = require('../lib/server');
const W = require('./wire');
const { seedState, addDays } = require('./seed');

const P = '/skyisland/api';
const { GUID, EMAIL } = W;
const NO_SUCH_ENDPOINT = 'No such endpoint';

// Ticket states: 10 and 30 are documented (P4); the names Created (P6), Started and Success with Errors (N) are
// evidenced, their ids are this sandbox's choice: key on the names for those.
const STATUS = {
	created: { statusId: 0, status: 'Created' },
	started: { statusId: 5, status: 'Started' },
	success: { statusId: 10, status: 'Success' },
	partial: { statusId: 20, status: 'Success with Errors' },
	failed: { statusId: 30, status: 'Failed' },
};
const TIMEZONES = W.supportedIanaZones();
const TASK_STATUS = { 1: 'Open', 2: 'In progress', 3: 'Done' };
const OVERALL_STATUS = {
	1: 'Green',
	2: 'Yellow',
	3: 'Red',
	4: 'On Hold',
	5: 'Not Started',
	6: 'Completed',
	7: 'Cancelled',
};
const MEMBER_ROLES = ['admin', 'member', 'restricted-member', 'read-only-member'];
const GUEST_ROLES = ['guest', 'restricted-guest', 'read-only-guest'];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const clone = (value) => JSON.parse(JSON.stringify(value));
const lower = (v) => String(v).toLowerCase();
const isObject = (v) =>
	v !== null && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v);

function create(options = {}) {
	const config = {
		token: 'smenso-sandbox-token',
		readOnlyToken: 'smenso-readonly-token',
		noAddonToken: 'smenso-no-addon-token',
		ticketDelayMs: 300,
		writeStatus: 202,
		ticketFault: null,
		ticketShape: 'plain',
		ticketMessages: 'tempId',
		ignoreFields: {},
		downloadShape: 'bytes',
		rateLimit: { limit: 1000, windowMs: 60_000 },
		rateLimitHeader: 'retry-after',
		lockedBefore: '2026-01-01',
		maxUploadBytes: 500 * 1024 * 1024,
		rejectUnknownFields: true,
		seed: {},
		...options,
	};
	if (options.seed) config.seed = options.seed;
	// The answer shapes a reset returns to (tests switch them per case).
	const initialShapes = clone({
		ticketShape: config.ticketShape,
		ticketMessages: config.ticketMessages,
		ignoreFields: config.ignoreFields,
		downloadShape: config.downloadShape,
	});
	let state = seedState(config.seed);
	let seedShape = JSON.stringify(config.seed || {});
	function reseedIfChanged() {
		const shape = JSON.stringify(config.seed || {});
		if (shape === seedShape) return;
		seedShape = shape;
		state = seedState(config.seed);
	}
	let limiter = slidingWindow(config.rateLimit);
	let limiterShape = JSON.stringify(config.rateLimit);
	const counters = {
		ticketsCreated: 0,
		recordsReceived: 0,
		writes: 0,
		timezones: {},
		timezoneIds: {},
		downloadAccepts: [],
		/** The `options` of the last create-from-template request. */
		templateOptions: null,
	};

	// ---------- errors ----------
	const fail = (status, errors) => {
		throw new HttpError(status, { errors: [].concat(errors) });
	};
	const badRequest = (errors) => fail(400, errors);
	const recordNotFound = (entity, id) => fail(404, `${entity} '${id}' not found`);
	class RuleError extends Error {}
	const rule = (message) => {
		throw new RuleError(message);
	};

	function requireGuid(value, label) {
		if (typeof value !== 'string' || !GUID.test(value))
			badRequest(`${label} '${value ?? ''}' is not a valid GUID`);
		return value.toLowerCase();
	}
	const byId = (list, id) => list.find((x) => lower(x.id) === lower(id));
	const findProject = (id) => byId(state.projects, id);
	const findTask = (id) => byId(state.tasks, id);
	const findReport = (id) => byId(state.statusReports, id);
	function resolveUser(value) {
		if (typeof value !== 'string') return undefined;
		const v = value.toLowerCase();
		return state.members.find((m) => m.id === v || m.email.toLowerCase() === v);
	}
	function resolveAbsenceType(value) {
		if (value === undefined || value === null) return undefined;
		const v = lower(value);
		return state.absenceTypes.find((t) => t.id === v || t.title.toLowerCase() === v);
	}
	const resolveTeam = (value) =>
		state.teams.find((t) => t.id === lower(value) || t.name.toLowerCase() === lower(value));
	const resolveFlavor = (value) =>
		state.flavors.find((f) => f.id === lower(value) || f.name.toLowerCase() === lower(value));

	// ---------- field schemas ----------
	// type: string | html | guid | user | date | datetime | minutes | dayMinutes | int | number | bool | any |
	//       flavor | numOrName | currency | color | enum (values) | range (min,max ints)
	const S = (type, extra = {}) => ({ type, ...extra });
	const REJECT = {
		task: {
			plannedHours:
				'plannedHours is not a task field: send the planned effort as plannedDuration in whole minutes (smenso: durations are minutes, 2400 = 40 h)',
			endDate: 'endDate is not a task field: the task due date is dueDate',
		},
		project: {
			isArchived:
				'isArchived cannot be written: use POST integration/project/json/archive/{projectId} or …/unarchive/{projectId}',
		},
	};

	function checkField(name, spec, value, prefix, errors, out, target) {
		const where = `${prefix}${name}`;
		if (value === null) {
			out[name] = null;
			return;
		}
		const push = (msg) =>
			errors.push(`${where} '${typeof value === 'object' ? JSON.stringify(value) : value}' ${msg}`);
		switch (spec.type) {
			case 'string':
			case 'html':
				if (typeof value !== 'string') return push('must be a string');
				break;
			case 'guid':
				if (typeof value !== 'string' || !GUID.test(value)) return push('is not a valid GUID');
				value = value.toLowerCase();
				break;
			case 'user':
				if (typeof value !== 'string' || !(GUID.test(value) || EMAIL.test(value)))
					return push('must be a user GUID or e-mail address');
				break;
			case 'date':
			case 'datetime': {
				const parsed = W.parseDate(value);
				if (parsed.error) return push(parsed.error);
				value = spec.type === 'date' ? parsed.value.slice(0, 10) : parsed.value;
				break;
			}
			case 'minutes':
				if (!W.isWholeMinutes(value))
					return push(
						'must be a whole number of minutes (≥ 0); durations are minutes, e.g. 90 = 1.5 h',
					);
				break;
			case 'dayMinutes':
				if (!W.isWholeMinutes(value, 1440))
					return push('must be a whole number of minutes from 0 to 1440 (240 = half a day)');
				break;
			case 'int':
				if (!Number.isInteger(value)) return push('must be an integer');
				if (spec.min !== undefined && (value < spec.min || value > spec.max))
					return push(`must be from ${spec.min} to ${spec.max}`);
				break;
			case 'number':
				if (typeof value !== 'number' || !Number.isFinite(value)) return push('must be a number');
				if (spec.min !== undefined && (value < spec.min || value > spec.max))
					return push(`must be from ${spec.min} to ${spec.max}`);
				break;
			case 'bool':
				if (typeof value !== 'boolean') return push('must be true or false');
				break;
			case 'enum':
				if (!spec.values.includes(value)) return push(`must be one of ${spec.values.join(', ')}`);
				break;
			case 'numOrName':
				if (
					!(typeof value === 'number' && Number.isInteger(value)) &&
					!(typeof value === 'string' && value.trim())
				)
					return push('must be a numeric id (or the name)');
				break;
			case 'currency':
				if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value))
					return push('must be an ISO currency code such as EUR');
				break;
			case 'color':
				if (typeof value !== 'string' || !/^#[0-9a-f]{6}$/i.test(value))
					return push('must be a hex colour such as #FF0000');
				break;
			case 'flavor':
				value = checkFlavors(value, target, where, errors);
				break;
			default:
				break;
		}
		out[name] = value;
	}

	/** flavor: [{ target: <flavor GUID or name>, value }] → { flavorId: value } (shape from N member update). */
	function checkFlavors(list, target, where, errors) {
		const out = {};
		if (!Array.isArray(list)) {
			errors.push(`${where} must be an array of { target, value }`);
			return out;
		}
		list.forEach((item, i) => {
			const at = `${where}[${i}]`;
			if (!isObject(item) || item.target === undefined)
				return errors.push(`${at} must be { target: <flavor GUID or name>, value }`);
			const flavor = resolveFlavor(item.target);
			if (!flavor)
				return errors.push(`${at}: flavor '${item.target}' does not exist in this workspace`);
			if (!flavor.targets.includes(target))
				return errors.push(`${at}: flavor '${flavor.name}' is not defined for ${target} records`);
			if (flavor.readOnly)
				return errors.push(`${at}: flavor '${flavor.name}' is a formula flavor and read-only`);
			const v = item.value;
			const bad = (msg) =>
				errors.push(
					`${at}: flavor '${flavor.name}' (${flavor.type}) value ${JSON.stringify(v)} ${msg}`,
				);
			if (v === null) return (out[flavor.id] = null);
			switch (flavor.type) {
				case 'text':
					if (typeof v !== 'string') return bad('must be a string');
					break;
				case 'number':
					if (typeof v !== 'number' || !Number.isFinite(v)) return bad('must be a number');
					if ((flavor.min !== null && v < flavor.min) || (flavor.max !== null && v > flavor.max))
						return bad(`is outside the allowed range ${flavor.min}–${flavor.max}`);
					break;
				case 'boolean':
					if (typeof v !== 'boolean') return bad('must be true or false');
					break;
				case 'date': {
					const parsed = W.parseDate(v, { allowUnixMs: true });
					if (parsed.error) return bad(`${parsed.error} (or Unix milliseconds)`);
					return (out[flavor.id] = parsed.value.slice(0, 10));
				}
				case 'singleSelect':
					if (!flavor.options.includes(v))
						return bad(`is not one of the options: ${flavor.options.join(', ')}`);
					break;
				case 'multiSelect': {
					const values = Array.isArray(v)
						? v
						: typeof v === 'string'
							? v
									.split(',')
									.map((s) => s.trim())
									.filter(Boolean)
							: null;
					if (!values || values.some((x) => !flavor.options.includes(x)))
						return bad(`must be options from: ${flavor.options.join(', ')}`);
					return (out[flavor.id] = values);
				}
				default:
					break;
			}
			out[flavor.id] = v;
		});
		return out;
	}

	/** Validates one record against a schema; returns { errors, value } with dates normalised to ISO. */
	function checkRecord(record, schema, { prefix, entity, isUpdate, target, required = [] }) {
		const errors = [];
		const value = {};
		if (!isObject(record)) return { errors: [`${prefix}must be an object`], value };
		const rejects = REJECT[entity] || {};
		for (const [name, raw] of Object.entries(record)) {
			if (rejects[name]) {
				errors.push(`${prefix}${rejects[name]}`);
				continue;
			}
			const spec =
				schema[name] ||
				(isUpdate && name === 'id' ? S('any') : undefined) ||
				(isUpdate && name === 'useExternalId' ? S('bool') : undefined);
			if (!spec) {
				if (name === 'tempId' || name === 'externalId') {
					value[name] = raw;
					continue;
				}
				if (config.rejectUnknownFields)
					errors.push(`${prefix}unknown field '${name}' for a ${entity} record`);
				continue;
			}
			if (raw === undefined) continue;
			checkField(name, spec, raw, prefix, errors, value, target);
		}
		if (isUpdate) {
			if (record.useExternalId === true) {
				if (typeof record.id !== 'string' || !record.id.trim())
					errors.push(`${prefix}id must hold the externalId when useExternalId is true`);
			} else if (typeof record.id !== 'string' || !GUID.test(record.id))
				errors.push(`${prefix}id '${record.id ?? ''}' is not a valid GUID`);
			else value.id = record.id.toLowerCase();
		} else {
			for (const name of required) {
				const v = record[name];
				if (v === undefined || v === null || (typeof v === 'string' && !v.trim()))
					errors.push(`${prefix}${name[0].toUpperCase()}${name.slice(1)} is required`);
			}
		}
		return { errors, value };
	}

	/** Envelope `{timezoneId, [projectId], <key>: [records]}` (P13, N). */
	function readEnvelope(ctx, { key, tz = 'required', projectId = 'none', top = [] }) {
		const body = ctx.body;
		const shape = `{ ${tz !== 'none' ? '"timezoneId": "W. Europe Standard Time", ' : ''}${projectId !== 'none' ? '"projectId": "<guid>", ' : ''}"${key}": [ { … } ] }`;
		if (!isObject(body)) {
			if (Array.isArray(body))
				badRequest(`The request body must be a JSON object ${shape}; a bare array is not accepted`);
			badRequest(
				`The request body must be a JSON object ${shape} sent as Content-Type: application/json`,
			);
		}
		const errors = [];
		const allowed = new Set([
			key,
			'timezoneId',
			...top,
			...(projectId !== 'none' ? ['projectId'] : []),
		]);
		for (const k of Object.keys(body))
			if (!allowed.has(k)) errors.push(`Unknown top-level key '${k}' (expected ${shape})`);
		const records = body[key];
		if (records === undefined)
			errors.push(`Missing "${key}": the records go in an array, ${shape}`);
		else if (!Array.isArray(records)) errors.push(`"${key}" must be an array of records, ${shape}`);
		else if (!records.length) errors.push(`"${key}" must hold at least one record`);
		if (body.timezoneId === undefined || body.timezoneId === null || body.timezoneId === '') {
			if (tz === 'required')
				errors.push(
					'timezoneId is required: the Windows time zone name the dates are meant in, e.g. "W. Europe Standard Time"',
				);
		} else errors.push(...checkTimezoneId(body.timezoneId));
		if (
			projectId === 'required' ||
			(projectId === 'optional' && body.projectId !== undefined && body.projectId !== null)
		) {
			if (typeof body.projectId !== 'string' || !GUID.test(body.projectId))
				errors.push(`projectId '${body.projectId ?? ''}' is not a valid GUID`);
		}
		if (body.noFeed !== undefined && typeof body.noFeed !== 'boolean')
			errors.push('noFeed must be true or false');
		if (
			body.externalIdReference !== undefined &&
			body.externalIdReference !== null &&
			typeof body.externalIdReference !== 'string'
		)
			errors.push('externalIdReference must be a string or null');
		if (errors.length) badRequest(errors);
		if (body.timezoneId)
			counters.timezoneIds[body.timezoneId] = (counters.timezoneIds[body.timezoneId] || 0) + 1;
		return { records, top: body };
	}

	function checkTimezoneId(value) {
		if (W.isWindowsZone(value)) return [];
		if (W.isIanaZone(value))
			return [
				`timezoneId '${value}' is an IANA name; JSON write bodies take a Windows time zone name such as "W. Europe Standard Time" (IANA names go in the Timezone header)`,
			];
		return [
			`timezoneId '${value}' is not a Windows time zone name (e.g. "W. Europe Standard Time")`,
		];
	}

	/** Validates all records (400 with every violation) and returns the normalised values. */
	function checkRecords(records, schema, opts) {
		const errors = [];
		const values = records.map((record, i) => {
			const prefix = records.length > 1 ? `${opts.key}[${i}]: ` : '';
			const result = checkRecord(record, schema, { ...opts, prefix });
			errors.push(...result.errors);
			if (opts.extra && isObject(record)) errors.push(...opts.extra(result.value, prefix));
			// Accepted, then dropped: what a server that ignores fields it does not know would do.
			for (const name of (config.ignoreFields || {})[opts.key] || []) delete result.value[name];
			return result.value;
		});
		if (errors.length) badRequest(errors);
		return values;
	}

	function checkOrder(values, startField, endField, key) {
		const errors = [];
		values.forEach((v, i) => {
			if (v[startField] && v[endField] && v[endField].slice(0, 19) < v[startField].slice(0, 19))
				errors.push(
					`${values.length > 1 ? `${key}[${i}]: ` : ''}${endField} must not be before ${startField}`,
				);
		});
		if (errors.length) badRequest(errors);
	}

	function requireAdmin(ctx) {
		if (ctx.role !== 'admin')
			fail(403, 'Write operations of the Integration API require an Admin role');
	}

	function checkReadQuery(ctx) {
		const errors = [];
		const tz = ctx.query.timezone;
		if (tz !== undefined && tz !== '' && !W.isWindowsZone(tz))
			errors.push(
				W.isIanaZone(tz)
					? `timezone '${tz}' is an IANA name; the Integration API's timezone query parameter takes a Windows name such as "W. Europe Standard Time"`
					: `timezone '${tz}' is not a Windows time zone name`,
			);
		if (
			ctx.query.lang !== undefined &&
			ctx.query.lang !== '' &&
			!/^[a-z]{2}(-[A-Za-z]{2})?$/.test(String(ctx.query.lang))
		)
			errors.push(`lang '${ctx.query.lang}' is not a language tag such as de-DE or en-US`);
		if (errors.length) badRequest(errors);
	}

	// ---------- tickets ----------
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
				if (!(error instanceof RuleError)) throw error;
				failures++;
				const raw = ticket.raw[index] || {};
				const who =
					raw.tempId !== undefined && raw.tempId !== null
						? ` (tempId '${raw.tempId}')`
						: raw.externalId
							? ` (externalId '${raw.externalId}')`
							: raw.id
								? ` (id ${raw.id})`
								: '';
				const style = config.ticketMessages;
				messages.push(
					style === 'none'
						? error.message
						: style === 'record0'
							? `Record ${index}: ${error.message}`
							: style === 'record1'
								? `Record ${index + 1}: ${error.message}`
								: `Record ${index}${who}: ${error.message}`,
				);
			}
		});
		let outcome =
			failures === 0 ? 'success' : failures === ticket.records.length ? 'failed' : 'partial';
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
		ticket.processedAt = Date.now();
	}

	/** Registers an async job; `records` (normalised) are applied one by one when the ticket runs. */
	function ticketResponse(endpoint, records, apply, raw = records) {
		counters.ticketsCreated++;
		counters.writes++;
		counters.recordsReceived += records.length;
		const id = state.guid();
		const ticket = {
			id,
			endpoint,
			records,
			raw,
			apply,
			receivedAt: Date.now(),
			dueAt: Date.now() + Number(config.ticketDelayMs || 0),
			done: false,
		};
		const fault = config.ticketFault;
		if (fault && (fault.count === undefined || fault.count > 0)) {
			if (fault.mode === 'never') ticket.never = true;
			if (fault.mode === 'fail') ticket.forceFail = true;
			if (fault.mode === 'partial') ticket.forcePartial = true;
			if (fault.count !== undefined) fault.count--;
		}
		state.tickets.set(id, ticket);
		state.ticketOrder.push(id);
		return { status: Number(config.writeStatus) || 202, body: { ticketId: id, ...STATUS.created } };
	}

	function ticketView(ticket) {
		const phase = ticket.done
			? ticket.outcome
			: Date.now() - ticket.receivedAt < 50
				? 'created'
				: 'started';
		// P4: the success example stamps dd.MM.yyyy HH:mm:ss, the failed example ISO with 7 fraction digits.
		const fmt = phase === 'failed' ? W.iso7 : W.stamp;
		const never = '0001-01-01T00:00:00+00:00';
		const view = {
			id: ticket.id,
			endpoint: ticket.endpoint,
			success: ticket.done && ticket.outcome !== 'failed' ? 1 : 0,
			...STATUS[phase],
			received: fmt(ticket.receivedAt),
			started: phase === 'created' ? never : fmt(ticket.receivedAt + 1),
			processed: ticket.done ? fmt(ticket.processedAt) : never,
		};
		// P4's success example has neither messages nor counts; its failed example has both.
		if (ticket.done && (ticket.outcome !== 'success' || config.ticketShape === 'rich')) {
			view.messages = ticket.messages;
			view[ticket.endpoint] = ticket.counts;
		}
		return view;
	}

	// ---------- renderers (Integration answers: dates dd.MM.yyyy) ----------
	const D = W.outDate;
	const renderFlavors = (map) =>
		Object.entries(map || {}).map(([id, value]) => {
			const f = byId(state.flavors, id) || { name: id, type: 'text' };
			return { id, name: f.name, type: f.type, value: f.type === 'date' ? D(value) : value };
		});
	const userRef = (id) => {
		const m = byId(state.members, id);
		return m ? `${m.firstName} ${m.lastName}` : null;
	};
	const renderProject = (p) => ({
		...clone({ ...p, flavors: undefined }),
		phase: (state.phases.find((x) => x.id === p.phaseId) || {}).name || null,
		type: (state.types.find((x) => x.id === p.typeId) || {}).name || null,
		startDate: D(p.startDate),
		endDate: D(p.endDate),
		flavors: renderFlavors(p.flavors),
	});
	const renderTask = (t) => ({
		...clone({ ...t, flavors: undefined }),
		status: TASK_STATUS[t.statusId] || null,
		folder: (byId(state.folders, t.folderId || '') || {}).name || null,
		startDate: D(t.startDate),
		dueDate: D(t.dueDate),
		flavors: renderFlavors(t.flavors),
	});
	const renderTimeRecord = (r) => ({
		...clone({ ...r, flavors: undefined }),
		date: D(r.date),
		startDate: D(r.startDate),
		endDate: D(r.endDate),
		flavors: renderFlavors(r.flavors),
	});
	const renderAbsence = (a) => ({
		...clone(a),
		absenceType: (byId(state.absenceTypes, a.absenceTypeId) || {}).title || null,
		startDate: D(a.startDate),
		endDate: D(a.endDate),
	});
	const renderComment = (c) => ({
		...clone(c),
		author: userRef(c.authorId),
		created: D(c.created),
		modified: D(c.modified),
	});
	const renderFolder = (f) => ({ ...clone(f), startDate: D(f.startDate), endDate: D(f.endDate) });
	const renderAttachment = (a) => ({
		id: a.id,
		fileName: a.fileName,
		contentType: a.contentType,
		size: a.size,
		kind: a.kind,
		url: a.url,
		projectId: a.projectId,
		taskId: a.taskId,
		statusReportId: a.statusReportId,
		created: D(a.created),
		createdBy: a.createdBy,
	});
	const renderFlavorDef = (f) => clone(f);
	const renderMember = (m) => ({
		id: m.id,
		firstName: m.firstName,
		lastName: m.lastName,
		email: m.email,
		role: m.role,
		isActive: m.isActive,
		hourlyRate: m.hourlyRate,
		holidayCalendar: m.holidayCalendar,
		teams: m.teamIds.map((id) => ({ id, name: byId(state.teams, id).name })),
		flavors: renderFlavors(m.flavors),
	});
	const renderAbsenceType = (t) => clone(t);
	const renderWorkingTime = (w) => ({
		...clone(w),
		startDate: D(w.startDate),
		endDate: D(w.endDate),
	});

	// ---------- routes ----------
	const routes = [];
	const route = (method, path, handler) => routes.push({ method, path: `${P}/${path}`, handler });
	const read = (method, path, handler) =>
		route(method, path, (ctx) => {
			if (path.startsWith('integration/')) checkReadQuery(ctx);
			return handler(ctx);
		});
	const write = (method, path, handler) =>
		route(method, path, (ctx) => {
			requireAdmin(ctx);
			return handler(ctx);
		});

	/** Reporting views: GET with query parameters, or POST with the same keys in a JSON body (P2, P4, P9). */
	const report = (path, handler) => {
		read('GET', path, handler);
		route('POST', path, (ctx) => {
			if (ctx.body !== undefined && !isObject(ctx.body))
				badRequest(
					'A Reporting POST body must be a JSON object of parameters { "filter", "view", "lang", "headers", "format", … }',
				);
			const params = {};
			for (const [k, v] of Object.entries(ctx.body || {}))
				params[k] =
					v === null || v === undefined
						? ''
						: typeof v === 'object'
							? JSON.stringify(v)
							: String(v);
			ctx.query = { ...ctx.query, ...params };
			ctx.body = undefined;
			return handler(ctx);
		});
	};

	// Utility
	read('GET', 'integration/timezones/json', () => ({ body: TIMEZONES }));
	read('GET', 'integration/status/json/:ticketId', (ctx) => {
		requireGuid(ctx.params.ticketId, 'ticketId');
		const ticket = state.tickets.get(ctx.params.ticketId.toLowerCase());
		if (!ticket) recordNotFound('Ticket', ctx.params.ticketId);
		return { body: ticketView(ticket) };
	});

	// ---------- Projects ----------
	const PROJECT = {
		title: S('string'),
		phaseId: S('numOrName'),
		typeId: S('numOrName'),
		description: S('html'),
		goal: S('string'),
		benefit: S('string'),
		startDate: S('date'),
		endDate: S('date'),
		budget: S('number'),
		currency: S('currency'),
		projectManager: S('user'),
		departmentId: S('int'),
		locationId: S('int'),
		statusId: S('int'),
		workflowId: S('int'),
		hourlyRate: S('number'),
		usePersonalHourlyRates: S('bool'),
		blockTimeRecording: S('bool'),
		flavor: S('flavor'),
	};
	const PROJECT_UPDATE = { ...PROJECT, parentId: S('guid') };
	const resolvePhase = (v) =>
		state.phases.find((x) => String(x.id) === String(v) || x.name.toLowerCase() === lower(v));
	const resolveType = (v) =>
		state.types.find((x) => String(x.id) === String(v) || x.name.toLowerCase() === lower(v));
	function applyProjectFields(project, v) {
		let changed = 0;
		for (const [key, value] of Object.entries(v)) {
			if (['id', 'useExternalId', 'tempId', 'flavor'].includes(key)) continue;
			let next = value;
			if (key === 'phaseId' && value !== null) {
				const phase = resolvePhase(value);
				if (!phase) rule(`Project folder (phaseId) '${value}' does not exist`);
				next = phase.id;
			}
			if (key === 'typeId' && value !== null) {
				const type = resolveType(value);
				if (!type) rule(`Project type (typeId) '${value}' does not exist`);
				next = type.id;
			}
			if (key === 'projectManager' && value !== null) {
				const user = resolveUser(value);
				if (!user) rule(`User '${value}' does not exist`);
				next = user.id;
			}
			if (key === 'parentId' && value !== null && !findProject(value))
				rule(`Parent project ${value} does not exist`);
			if (JSON.stringify(project[key]) !== JSON.stringify(next)) changed++;
			project[key] = next;
		}
		if (v.flavor) {
			for (const [id, value] of Object.entries(v.flavor)) {
				if (JSON.stringify(project.flavors[id]) !== JSON.stringify(value)) changed++;
				project.flavors[id] = value;
			}
		}
		if (project.startDate && project.endDate && project.endDate < project.startDate)
			rule('endDate must not be before startDate');
		return changed;
	}
	function findByIdOrExternal(list, v, entity) {
		const found = v.useExternalId
			? list.find((x) => x.externalId !== null && x.externalId === v.id)
			: byId(list, v.id);
		if (!found)
			rule(`${entity} ${v.useExternalId ? `with externalId '${v.id}'` : v.id} does not exist`);
		return found;
	}
	function uniqueTitle(title, ignoreId) {
		const clash = state.projects.find(
			(p) =>
				p.id !== ignoreId && !p.isTemplate && p.title.toLowerCase() === String(title).toLowerCase(),
		);
		if (clash && config.uniqueProjectTitles) rule(`A project titled '${title}' already exists`);
	}

	read('GET', 'integration/project/json', (ctx) => {
		let list = state.projects;
		if (ctx.query.projectIds) {
			const ids = String(ctx.query.projectIds)
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean);
			for (const id of ids) requireGuid(id, 'projectIds');
			list = list.filter((p) => ids.map(lower).includes(p.id));
		}
		if (ctx.query.viewId) {
			requireGuid(ctx.query.viewId, 'viewId');
			if (!byId(state.views, ctx.query.viewId)) recordNotFound('View', ctx.query.viewId);
		}
		const withTags = String(ctx.query.includeTagsInArchived || 'false') === 'true';
		return {
			body: list.map((p) =>
				p.isArchived && !withTags ? { ...renderProject(p), flavors: [] } : renderProject(p),
			),
		};
	});
	read('GET', 'integration/project/json/:id', (ctx) => {
		const project = findProject(requireGuid(ctx.params.id, 'projectId'));
		if (!project) recordNotFound('Project', ctx.params.id);
		return { body: renderProject(project) };
	});
	write('POST', 'integration/project/json', (ctx) => {
		const { records } = readEnvelope(ctx, {
			key: 'project',
			top: ['noFeed', 'externalIdReference'],
		});
		const values = checkRecords(records, PROJECT, {
			key: 'project',
			entity: 'project',
			target: 'project',
			required: ['title', 'phaseId', 'typeId'],
		});
		checkOrder(values, 'startDate', 'endDate', 'project');
		return ticketResponse(
			'Project',
			values,
			(v) => {
				uniqueTitle(v.title);
				const project = {
					id: state.guid(),
					number: `P-${1001 + state.projects.length}`,
					title: '',
					description: null,
					goal: null,
					benefit: null,
					phaseId: null,
					typeId: null,
					startDate: null,
					endDate: null,
					budget: null,
					currency: 'EUR',
					projectManager: null,
					locationId: null,
					statusId: 0,
					workflowId: null,
					departmentId: null,
					hourlyRate: null,
					usePersonalHourlyRates: false,
					blockTimeRecording: false,
					parentId: null,
					isArchived: false,
					isTemplate: false,
					isPrivate: false,
					code: null,
					labels: [],
					externalId: v.externalId ?? null,
					flavors: {},
				};
				applyProjectFields(project, v);
				state.projects.push(project);
				state.permissions[project.id] = {
					isPrivate: false,
					access: { users: [], teams: [] },
					privacy: { users: [], teams: [] },
				};
				return { created: 1 };
			},
			records,
		);
	});
	write('PUT', 'integration/project/json', (ctx) => {
		const { records } = readEnvelope(ctx, { key: 'project', top: ['noFeed'] });
		const values = checkRecords(records, PROJECT_UPDATE, {
			key: 'project',
			entity: 'project',
			target: 'project',
			isUpdate: true,
		});
		checkOrder(values, 'startDate', 'endDate', 'project');
		return ticketResponse(
			'Project',
			values,
			(v) => {
				const project = findByIdOrExternal(state.projects, v, 'Project');
				if (project.isArchived) rule(`Project '${project.title}' is archived; unarchive it first`);
				if (v.title) uniqueTitle(v.title, project.id);
				const next = clone(project);
				const changed = applyProjectFields(next, v);
				Object.assign(project, next);
				return { modified: 1, attributesModified: changed };
			},
			records,
		);
	});
	write('DELETE', 'integration/project/json/:id', (ctx) => {
		const id = requireGuid(ctx.params.id, 'projectId');
		if (!findProject(id)) recordNotFound('Project', id);
		return ticketResponse('Project', [{ id }], (v) => {
			const project = findProject(v.id);
			if (!project) rule(`Project ${v.id} does not exist`);
			state.projects = state.projects.filter((p) => p !== project);
			const taskIds = new Set(
				state.tasks.filter((t) => t.projectId === project.id).map((t) => t.id),
			);
			state.tasks = state.tasks.filter((t) => t.projectId !== project.id);
			state.timeRecords = state.timeRecords.filter((t) => t.projectId !== project.id);
			state.statusReports = state.statusReports.filter((t) => t.projectId !== project.id);
			state.folders = state.folders.filter((f) => f.projectId !== project.id);
			state.attachments = state.attachments.filter((a) => a.projectId !== project.id);
			state.comments = state.comments.filter((c) => !c.taskId || !taskIds.has(c.taskId));
			return { deleted: 1 };
		});
	});
	function archiveRoute(ctx, archived) {
		const id = requireGuid(ctx.params.id, 'projectId');
		if (ctx.body !== undefined && !(isObject(ctx.body) && Object.keys(ctx.body).length === 0))
			badRequest(
				`${archived ? 'Archive' : 'Unarchive'} takes no request body; the project id goes in the path`,
			);
		if (!findProject(id)) recordNotFound('Project', id);
		return ticketResponse('Project', [{ id }], (v) => {
			const project = findProject(v.id);
			if (!project) rule(`Project ${v.id} does not exist`);
			if (project.isTemplate)
				rule(
					`Project '${project.title}' is a template and cannot be ${archived ? 'archived' : 'unarchived'}`,
				);
			if (project.isArchived === archived) return { modified: 0 };
			project.isArchived = archived;
			return { modified: 1, attributesModified: 1 };
		});
	}
	write('POST', 'integration/project/json/archive/:id', (ctx) => archiveRoute(ctx, true));
	write('POST', 'integration/project/json/unarchive/:id', (ctx) => archiveRoute(ctx, false));
	write('POST', 'integration/project/json/:id/archive', (ctx) => archiveRoute(ctx, true)); // N-old
	const TEMPLATE_OPTIONS = [
		'tasks',
		'flavors',
		'budget',
		'description',
		'manager',
		'permissions',
		'adjustTaskDates',
		'startDate',
		'labels',
		'tasksWorkflow',
		'tasksTemplate',
		'folderTasksTemplate',
		'viewSettings',
		'location',
		'hourlyRate',
		'goal',
		'benefit',
		'observers',
		'blockTimeRecording',
		'markedColumns',
		'columnDescriptions',
	];
	function flatBody(ctx, shape) {
		if (!isObject(ctx.body))
			badRequest(
				Array.isArray(ctx.body)
					? `The request body must be a flat JSON object ${shape}; a bare array is not accepted`
					: `The request body must be a JSON object ${shape}`,
			);
		return ctx.body;
	}
	function projectTemplate(id) {
		const template = findProject(requireGuid(id, 'templateId'));
		if (!template || !template.isTemplate) recordNotFound('Project template', id);
		return template;
	}
	write('POST', 'integration/project/json/:templateId', (ctx) => {
		const template = projectTemplate(ctx.params.templateId);
		const body = flatBody(
			ctx,
			'{ "title", "folder", "projectType", "isPrivate", "startDate", "statusId", "code", "options": { … } }',
		);
		const { errors, value } = checkRecord(
			body,
			{
				title: S('string'),
				folder: S('string'),
				projectType: S('string'),
				isPrivate: S('bool'),
				startDate: S('date'),
				statusId: S('enum', { values: [0, 1] }),
				code: S('string'),
				options: S('any'),
			},
			{ prefix: '', entity: 'project template', required: ['title', 'folder', 'projectType'] },
		);
		if (body.options !== undefined) {
			if (!isObject(body.options)) errors.push('options must be an object of booleans');
			else
				for (const [k, o] of Object.entries(body.options))
					if (!TEMPLATE_OPTIONS.includes(k)) errors.push(`options.${k} is not a template option`);
					else if (typeof o !== 'boolean') errors.push(`options.${k} must be true or false`);
		}
		if (errors.length) badRequest(errors);
		counters.templateOptions = clone(body.options ?? null);
		return ticketResponse('Project', [value], (v) => {
			const phase = resolvePhase(v.folder);
			if (!phase) rule(`Project folder '${v.folder}' does not exist`);
			const type = resolveType(v.projectType);
			if (!type) rule(`Project type '${v.projectType}' does not exist`);
			uniqueTitle(v.title);
			// An option the server ignores (config.ignoreFields.templateOptions) is not applied.
			const ignored = (config.ignoreFields || {}).templateOptions || [];
			const opt = (k) => !ignored.includes(k) && (!v.options || v.options[k] !== false);
			const start = v.startDate || template.startDate;
			const shift = template.startDate
				? Math.round((Date.parse(start) - Date.parse(template.startDate)) / 86400000)
				: 0;
			const project = {
				...clone(template),
				id: state.guid(),
				number: `P-${1001 + state.projects.length}`,
				title: v.title,
				phaseId: phase.id,
				typeId: type.id,
				startDate: start,
				isTemplate: false,
				isArchived: false,
				statusId: v.statusId ?? 0,
				isPrivate: !!v.isPrivate,
				code: v.code ?? null,
				externalId: null,
			};
			if (!opt('budget')) project.budget = null;
			if (!opt('description')) project.description = null;
			if (!opt('manager')) project.projectManager = null;
			if (!opt('flavors')) project.flavors = {};
			if (!opt('goal')) project.goal = null;
			if (!opt('benefit')) project.benefit = null;
			if (!opt('hourlyRate')) project.hourlyRate = null;
			if (!opt('location')) project.locationId = null;
			if (!opt('labels')) project.labels = [];
			if (!opt('blockTimeRecording')) project.blockTimeRecording = false;
			if (project.endDate && opt('adjustTaskDates'))
				project.endDate = addDays(project.endDate, shift);
			state.projects.push(project);
			state.permissions[project.id] = v.isPrivate
				? {
						isPrivate: true,
						access: { users: [], teams: [] },
						privacy: { users: [state.members[0].id], teams: [] },
					}
				: opt('permissions')
					? clone(state.permissions[template.id])
					: {
							isPrivate: false,
							access: { users: [], teams: [] },
							privacy: { users: [], teams: [] },
						};
			if (opt('tasks')) {
				const map = new Map();
				for (const task of state.tasks.filter((t) => t.projectId === template.id))
					map.set(task.id, state.guid());
				for (const task of state.tasks.filter((t) => t.projectId === template.id)) {
					const copy = {
						...clone(task),
						id: map.get(task.id),
						projectId: project.id,
						externalId: null,
						folderId: null,
						parentTaskId: task.parentTaskId ? map.get(task.parentTaskId) || null : null,
						dependencies: task.dependencies
							.map((d) => ({ ...d, taskId: map.get(d.taskId) }))
							.filter((d) => d.taskId),
					};
					if (opt('adjustTaskDates')) {
						copy.startDate = copy.startDate && addDays(copy.startDate, shift);
						copy.dueDate = copy.dueDate && addDays(copy.dueDate, shift);
					}
					state.tasks.push(copy);
				}
			}
			return { created: 1 };
		});
	});
	const MASTER_FLAGS = [
		'overwriteValues',
		'startDate',
		'endDate',
		'flavors',
		'labels',
		'manager',
		'budget',
		'location',
		'description',
		'goal',
		'benefit',
	];
	write('PUT', 'integration/project/json/:templateId', (ctx) => {
		const template = projectTemplate(ctx.params.templateId);
		const body = flatBody(
			ctx,
			'{ "projectId", "overwriteValues", "startDate", "endDate", "flavors", … (booleans) }',
		);
		const schema = { projectId: S('guid') };
		for (const f of MASTER_FLAGS) schema[f] = S('bool');
		const { errors, value } = checkRecord(body, schema, {
			prefix: '',
			entity: 'master-data update',
			required: ['projectId'],
		});
		if (errors.length) badRequest(errors);
		if (!findProject(value.projectId)) recordNotFound('Project', value.projectId);
		return ticketResponse('Project', [value], (v) => {
			const project = findProject(v.projectId);
			if (!project) rule(`Project ${v.projectId} does not exist`);
			if (project.isTemplate) rule(`Project '${project.title}' is a template`);
			let changed = 0;
			const take = (flag, field) => {
				if (!v[flag]) return;
				if (JSON.stringify(project[field]) !== JSON.stringify(template[field])) changed++;
				project[field] = clone(template[field]);
			};
			take('startDate', 'startDate');
			take('endDate', 'endDate');
			take('labels', 'labels');
			take('manager', 'projectManager');
			take('budget', 'budget');
			take('location', 'locationId');
			take('description', 'description');
			take('goal', 'goal');
			take('benefit', 'benefit');
			if (v.flavors) {
				for (const [id, value] of Object.entries(template.flavors)) {
					if (
						project.flavors[id] !== undefined &&
						project.flavors[id] !== null &&
						!v.overwriteValues
					)
						continue;
					if (JSON.stringify(project.flavors[id]) !== JSON.stringify(value)) changed++;
					project.flavors[id] = clone(value);
				}
			}
			return { modified: 1, attributesModified: changed };
		});
	});

	// ---------- Tasks ----------
	const TASK = {
		title: S('string'),
		description: S('html'),
		startDate: S('date'),
		dueDate: S('date'),
		plannedDuration: S('minutes'),
		duration: S('minutes'),
		priority: S('int', { min: 1, max: 4 }),
		statusId: S('int', { min: 1, max: 3 }),
		responsibleUserId: S('user'),
		parentTaskId: S('guid'),
		folder: S('string'),
		isMilestone: S('bool'),
		sortOrder: S('int'),
		flavor: S('flavor'),
	};
	function tasksOf(projectId) {
		return state.tasks
			.filter((t) => t.projectId === projectId)
			.sort((a, b) => (a.sortOrder || 0) - (b.sortOrder || 0));
	}
	function treeOf(task) {
		return {
			...renderTask(task),
			children: state.tasks.filter((t) => t.parentTaskId === task.id).map(treeOf),
		};
	}
	function listTasks(projectId) {
		const project = findProject(requireGuid(projectId, 'projectId'));
		if (!project) recordNotFound('Project', projectId);
		return { body: tasksOf(project.id).map(renderTask) };
	}
	read('GET', 'integration/task/json', (ctx) => {
		// N-old: ?projectId=; without it there is no documented "all tasks" list.
		if (ctx.query.projectId === undefined)
			badRequest('projectId is required (GET integration/task/json/{projectId} or ?projectId=)');
		return listTasks(String(ctx.query.projectId));
	});
	read('GET', 'integration/task/json/:taskId/tree', (ctx) => {
		const task = findTask(requireGuid(ctx.params.taskId, 'taskId'));
		if (!task) recordNotFound('Task', ctx.params.taskId);
		return { body: treeOf(task) };
	});
	read('GET', 'integration/task/json/:projectId', (ctx) => {
		if (ctx.query.viewId) {
			requireGuid(ctx.query.viewId, 'viewId');
			if (!byId(state.views, ctx.query.viewId)) recordNotFound('View', ctx.query.viewId);
		}
		return listTasks(ctx.params.projectId);
	});
	read('GET', 'integration/task/json/:projectId/:taskId', (ctx) => {
		const project = findProject(requireGuid(ctx.params.projectId, 'projectId'));
		if (!project) recordNotFound('Project', ctx.params.projectId);
		const task = findTask(requireGuid(ctx.params.taskId, 'taskId'));
		if (!task || task.projectId !== project.id) recordNotFound('Task', ctx.params.taskId);
		return { body: treeOf(task) };
	});
	function assertWritableProject(project) {
		if (project.isArchived) rule(`Project '${project.title}' is archived`);
		if (project.isTemplate) rule(`Project '${project.title}' is a template`);
	}
	function applyTaskFields(task, v) {
		let changed = 0;
		for (const [key, value] of Object.entries(v)) {
			if (['id', 'useExternalId', 'tempId', 'flavor', 'folder'].includes(key)) continue;
			let next = value;
			if (key === 'responsibleUserId' && value !== null) {
				const user = resolveUser(value);
				if (!user) rule(`User '${value}' does not exist`);
				next = user.id;
			}
			if (key === 'parentTaskId' && value !== null) {
				const parent = findTask(value);
				if (!parent || parent.projectId !== task.projectId)
					rule(`Parent task ${value} does not exist in this project`);
				if (parent.id === task.id) rule('A task cannot be its own parent');
			}
			if (JSON.stringify(task[key]) !== JSON.stringify(next)) changed++;
			task[key] = next;
		}
		if (v.folder !== undefined) {
			const folder =
				v.folder === null
					? null
					: state.folders.find(
							(f) => f.projectId === task.projectId && f.name.toLowerCase() === lower(v.folder),
						);
			if (v.folder !== null && !folder) rule(`Folder '${v.folder}' does not exist in this project`);
			if (folder && folder.noNewTasksAllowed && !task.folderId)
				rule(`Folder '${folder.name}' does not allow new tasks`);
			task.folderId = folder ? folder.id : null;
			changed++;
		}
		if (v.flavor)
			for (const [id, value] of Object.entries(v.flavor)) ((task.flavors[id] = value), changed++);
		if (task.startDate && task.dueDate && task.dueDate < task.startDate)
			rule('dueDate must not be before startDate');
		return changed;
	}
	write('POST', 'integration/task/json', (ctx) => {
		const { records, top } = readEnvelope(ctx, {
			key: 'task',
			projectId: 'required',
			top: ['noFeed'],
		});
		const values = checkRecords(records, TASK, {
			key: 'task',
			entity: 'task',
			target: 'task',
			required: ['title'],
		});
		checkOrder(values, 'startDate', 'dueDate', 'task');
		const project = findProject(top.projectId);
		if (!project) recordNotFound('Project', top.projectId);
		return ticketResponse(
			'Task',
			values,
			(v) => {
				assertWritableProject(project);
				const task = {
					id: state.guid(),
					projectId: project.id,
					title: '',
					description: null,
					startDate: null,
					dueDate: null,
					plannedDuration: null,
					duration: null,
					priority: 2,
					statusId: 1,
					responsibleUserId: null,
					parentTaskId: null,
					folderId: null,
					isMilestone: false,
					sortOrder: tasksOf(project.id).length + 1,
					externalId: v.externalId ?? null,
					dependencies: [],
					flavors: {},
				};
				applyTaskFields(task, v);
				state.tasks.push(task);
				return { created: 1 };
			},
			records,
		);
	});
	write('PUT', 'integration/task/json', (ctx) => {
		const { records, top } = readEnvelope(ctx, {
			key: 'task',
			projectId: 'optional',
			top: ['noFeed'],
		});
		const values = checkRecords(records, TASK, {
			key: 'task',
			entity: 'task',
			target: 'task',
			isUpdate: true,
		});
		checkOrder(values, 'startDate', 'dueDate', 'task');
		return ticketResponse(
			'Task',
			values,
			(v) => {
				const task = findByIdOrExternal(
					top.projectId
						? state.tasks.filter((t) => t.projectId === lower(top.projectId))
						: state.tasks,
					v,
					'Task',
				);
				assertWritableProject(findProject(task.projectId));
				const next = clone(task);
				const changed = applyTaskFields(next, v);
				Object.assign(task, next);
				return { modified: 1, attributesModified: changed };
			},
			records,
		);
	});
	write('DELETE', 'integration/task/json/:id', (ctx) => {
		const id = requireGuid(ctx.params.id, 'taskId');
		if (!findTask(id)) recordNotFound('Task', id);
		return ticketResponse('Task', [{ id }], (v) => {
			const ids = new Set([v.id]);
			let grew = true;
			while (grew) {
				grew = false;
				for (const t of state.tasks)
					if (t.parentTaskId && ids.has(t.parentTaskId) && !ids.has(t.id))
						(ids.add(t.id), (grew = true));
			}
			if (!findTask(v.id)) rule(`Task ${v.id} does not exist`);
			state.tasks = state.tasks.filter((t) => !ids.has(t.id));
			for (const t of state.tasks)
				t.dependencies = t.dependencies.filter((d) => !ids.has(d.taskId));
			state.comments = state.comments.filter((c) => !ids.has(c.taskId));
			return { deleted: ids.size };
		});
	});
	write('POST', 'integration/task/json/:templateId', (ctx) => {
		const template = byId(state.taskTemplates, requireGuid(ctx.params.templateId, 'templateId'));
		if (!template) recordNotFound('Task template', ctx.params.templateId);
		const body = flatBody(
			ctx,
			'{ "projectId", "title", "overrideStatus", "overridePriority", "overrideWorkflow" }',
		);
		const { errors, value } = checkRecord(
			body,
			{
				projectId: S('guid'),
				title: S('string'),
				overrideStatus: S('bool'),
				overridePriority: S('bool'),
				overrideWorkflow: S('bool'),
			},
			{ prefix: '', entity: 'task template', required: ['projectId'] },
		);
		if (errors.length) badRequest(errors);
		const project = findProject(value.projectId);
		if (!project) recordNotFound('Project', value.projectId);
		return ticketResponse('Task', [value], (v) => {
			assertWritableProject(project);
			const parent = {
				id: state.guid(),
				projectId: project.id,
				title: v.title || template.title,
				description: template.description,
				startDate: null,
				dueDate: null,
				plannedDuration: template.plannedDuration,
				duration: null,
				priority: v.overridePriority ? 2 : template.priority,
				statusId: v.overrideStatus ? 1 : template.statusId,
				responsibleUserId: null,
				parentTaskId: null,
				folderId: null,
				isMilestone: false,
				sortOrder: tasksOf(project.id).length + 1,
				externalId: null,
				dependencies: [],
				flavors: {},
			};
			state.tasks.push(parent);
			template.subtasks.forEach((title, i) =>
				state.tasks.push({
					...clone(parent),
					id: state.guid(),
					title,
					parentTaskId: parent.id,
					plannedDuration: null,
					sortOrder: parent.sortOrder + i + 1,
				}),
			);
			return { created: 1 + template.subtasks.length };
		});
	});
	const DEP_TYPES = ['FS', 'SS', 'FF', 'SF'];
	write('PATCH', 'integration/task/json/:taskId/dependencies', (ctx) => {
		const task = findTask(requireGuid(ctx.params.taskId, 'taskId'));
		if (!task) recordNotFound('Task', ctx.params.taskId);
		// N-new's only example is a bare array of { taskId (predecessor), type, lag }; that is the accepted shape.
		if (!Array.isArray(ctx.body))
			badRequest(
				'The request body must be a JSON array of dependencies [ { "taskId": "<predecessor guid>", "type": "FS", "lag": 0 } ]',
			);
		if (!ctx.body.length) badRequest('The dependency list is empty');
		const errors = [];
		const deps = ctx.body.map((d, i) => {
			const { errors: e, value } = checkRecord(
				d,
				{ taskId: S('guid'), type: S('enum', { values: DEP_TYPES }), lag: S('int') },
				{ prefix: `[${i}]: `, entity: 'dependency', required: ['taskId'] },
			);
			errors.push(...e);
			if (!e.length) {
				const pred = findTask(value.taskId);
				if (!pred) errors.push(`[${i}]: predecessor task ${value.taskId} not found`);
				else if (pred.id === task.id) errors.push(`[${i}]: a task cannot depend on itself`);
				else if (pred.projectId !== task.projectId)
					errors.push(`[${i}]: predecessor ${pred.id} belongs to another project`);
				else if (dependsOn(pred, task.id))
					errors.push(`[${i}]: the dependency on ${pred.id} would create a cycle`);
			}
			return { taskId: value.taskId, type: value.type || 'FS', lag: value.lag ?? 0 };
		});
		if (errors.length) badRequest(errors);
		for (const dep of deps) {
			const existing = task.dependencies.find((d) => d.taskId === dep.taskId);
			if (existing) Object.assign(existing, dep);
			else task.dependencies.push(dep);
		}
		counters.writes++;
		return { status: 200, body: { taskId: task.id, dependencies: clone(task.dependencies) } };
	});
	function dependsOn(task, targetId, seen = new Set()) {
		if (seen.has(task.id)) return false;
		seen.add(task.id);
		return task.dependencies.some(
			(d) =>
				d.taskId === targetId ||
				(findTask(d.taskId) && dependsOn(findTask(d.taskId), targetId, seen)),
		);
	}
	write('DELETE', 'integration/task/json/:taskId/dependencies', (ctx) => {
		const task = findTask(requireGuid(ctx.params.taskId, 'taskId'));
		if (!task) recordNotFound('Task', ctx.params.taskId);
		const ids = [];
		for (const [key, value] of Object.entries(ctx.query)) {
			if (!/^taskIds(\[\d*\])?$/.test(key)) continue;
			for (const v of [].concat(value))
				ids.push(
					...String(v)
						.split(',')
						.map((s) => s.trim())
						.filter(Boolean),
				);
		}
		if (!ids.length)
			badRequest(
				'taskIds is required: the predecessor task GUIDs to remove (taskIds=a&taskIds=b or taskIds=a,b)',
			);
		for (const id of ids) requireGuid(id, 'taskIds');
		const missing = ids.filter((id) => !task.dependencies.some((d) => d.taskId === lower(id)));
		if (missing.length)
			fail(
				404,
				missing.map((id) => `Dependency of task ${task.id} on '${id}' not found`),
			);
		task.dependencies = task.dependencies.filter((d) => !ids.map(lower).includes(d.taskId));
		counters.writes++;
		return { status: 200, body: { taskId: task.id, dependencies: clone(task.dependencies) } };
	});

	// ---------- Time records ----------
	const TIME_RECORD = {
		taskId: S('guid'),
		userId: S('user'),
		date: S('date'),
		duration: S('minutes'),
		startDate: S('datetime'),
		endDate: S('datetime'),
		statusId: S('int'),
		description: S('string'),
		locked: S('bool'),
		flavor: S('flavor'),
	};
	const isLocked = (tr) =>
		config.lockedBefore && String(tr.date || tr.startDate || '').slice(0, 10) < config.lockedBefore;
	read('GET', 'integration/timerecord/json/:projectId', (ctx) => {
		const project = findProject(requireGuid(ctx.params.projectId, 'projectId'));
		if (!project) recordNotFound('Project', ctx.params.projectId);
		return {
			body: state.timeRecords.filter((t) => t.projectId === project.id).map(renderTimeRecord),
		};
	});
	function timeRecordWrite(ctx, isCreate) {
		const { records, top } = readEnvelope(ctx, { key: 'timeRecord', projectId: 'required' });
		const values = checkRecords(records, TIME_RECORD, {
			key: 'timeRecord',
			entity: 'time record',
			target: 'timeRecord',
			isUpdate: !isCreate,
			required: isCreate ? ['taskId', 'userId', 'date'] : [],
		});
		const errors = [];
		values.forEach((v, i) => {
			const prefix = values.length > 1 ? `timeRecord[${i}]: ` : '';
			if (isCreate && v.duration === undefined && !(v.startDate && v.endDate))
				errors.push(`${prefix}Either duration (minutes) or startDate and endDate are required`);
			if ((v.startDate && !v.endDate) || (!v.startDate && v.endDate))
				errors.push(`${prefix}startDate and endDate go together`);
		});
		if (errors.length) badRequest(errors);
		checkOrder(values, 'startDate', 'endDate', 'timeRecord');
		const project = findProject(top.projectId);
		if (!project) recordNotFound('Project', top.projectId);
		return ticketResponse(
			'TimeRecord',
			values,
			(v) => {
				if (project.isArchived)
					rule(`Time cannot be booked on archived project '${project.title}'`);
				if (project.isTemplate)
					rule(`Time cannot be booked on template project '${project.title}'`);
				if (project.blockTimeRecording)
					rule(`Time recording is blocked on project '${project.title}'`);
				let tr;
				if (isCreate) {
					const task = findTask(v.taskId);
					if (!task || task.projectId !== project.id)
						rule(`Task ${v.taskId} does not exist in project '${project.title}'`);
					tr = {
						id: state.guid(),
						projectId: project.id,
						taskId: task.id,
						userId: null,
						date: null,
						duration: null,
						startDate: null,
						endDate: null,
						statusId: 0,
						description: null,
						locked: false,
						externalId: v.externalId ?? null,
						flavors: {},
					};
				} else {
					const existing = findByIdOrExternal(
						state.timeRecords.filter((t) => t.projectId === project.id),
						v,
						'Time record',
					);
					if (existing.locked || isLocked(existing))
						rule(`Time record ${existing.id} is locked (period before ${config.lockedBefore})`);
					tr = clone(existing);
				}
				let changed = 0;
				for (const [key, value] of Object.entries(v)) {
					if (['id', 'useExternalId', 'tempId', 'flavor', 'taskId'].includes(key)) continue;
					let next = value;
					if (key === 'userId') {
						const user = resolveUser(value);
						if (!user) rule(`User '${value}' does not exist`);
						next = user.id;
					}
					if (JSON.stringify(tr[key]) !== JSON.stringify(next)) changed++;
					tr[key] = next;
				}
				if (v.flavor)
					for (const [id, value] of Object.entries(v.flavor)) ((tr.flavors[id] = value), changed++);
				if (v.startDate && v.endDate) {
					tr.duration = Math.round(
						(Date.parse(`${v.endDate}Z`) - Date.parse(`${v.startDate}Z`)) / 60000,
					);
					if (!tr.date) tr.date = v.startDate.slice(0, 10);
				} else if (v.duration !== undefined) {
					tr.startDate = null;
					tr.endDate = null;
				}
				if (isLocked(tr)) rule(`Time records before ${config.lockedBefore} are locked`);
				if (isCreate) {
					state.timeRecords.push(tr);
					return { created: 1 };
				}
				Object.assign(findTimeRecord(tr.id), tr);
				return { modified: 1, attributesModified: changed };
			},
			records,
		);
	}
	const findTimeRecord = (id) => byId(state.timeRecords, id);
	write('POST', 'integration/timerecord/json', (ctx) => timeRecordWrite(ctx, true));
	write('PUT', 'integration/timerecord/json', (ctx) => timeRecordWrite(ctx, false));
	write('DELETE', 'integration/timerecord/json/:id', (ctx) => {
		const id = requireGuid(ctx.params.id, 'timeRecordId');
		if (!findTimeRecord(id)) recordNotFound('Time record', id);
		return ticketResponse('TimeRecord', [{ id }], (v) => {
			const tr = findTimeRecord(v.id);
			if (!tr) rule(`Time record ${v.id} does not exist`);
			if (tr.locked || isLocked(tr))
				rule(`Time record ${tr.id} is locked (period before ${config.lockedBefore})`);
			state.timeRecords = state.timeRecords.filter((t) => t !== tr);
			return { deleted: 1 };
		});
	});

	// ---------- Absences ----------
	const ABSENCE = {
		userId: S('user'),
		absenceTypeId: S('string'),
		startDate: S('date'),
		endDate: S('date'),
		status: S('enum', { values: ['submitted', 'approved', 'rejected'] }),
		comment: S('string'),
		startDateMinutes: S('dayMinutes'),
		endDateMinutes: S('dayMinutes'),
		locked: S('bool'),
	};
	read('GET', 'integration/absence/json', (ctx) => {
		let list = state.absences;
		if (ctx.query.userId) {
			const user = resolveUser(String(ctx.query.userId));
			list = list.filter((a) => user && a.userId === user.id);
		}
		return { body: list.map(renderAbsence) };
	});
	function absenceWrite(ctx, isCreate) {
		const { records } = readEnvelope(ctx, { key: 'absence' });
		const values = checkRecords(records, ABSENCE, {
			key: 'absence',
			entity: 'absence',
			isUpdate: !isCreate,
			required: isCreate ? ['userId', 'absenceTypeId', 'startDate', 'endDate'] : [],
		});
		checkOrder(values, 'startDate', 'endDate', 'absence');
		return ticketResponse(
			'Absence',
			values,
			(v) => {
				let absence;
				let next;
				if (isCreate)
					next = {
						id: state.guid(),
						userId: null,
						absenceTypeId: null,
						startDate: null,
						endDate: null,
						startDateMinutes: null,
						endDateMinutes: null,
						status: null,
						comment: null,
						locked: false,
						externalId: v.externalId ?? null,
					};
				else {
					absence = findByIdOrExternal(state.absences, v, 'Absence');
					if (absence.locked) rule(`Absence ${absence.id} is locked`);
					next = clone(absence);
				}
				let changed = 0;
				for (const [key, value] of Object.entries(v)) {
					if (['id', 'useExternalId', 'tempId'].includes(key)) continue;
					let nv = value;
					if (key === 'userId') {
						const user = resolveUser(value);
						if (!user) rule(`User '${value}' does not exist`);
						nv = user.id;
					}
					if (key === 'absenceTypeId') {
						const type = resolveAbsenceType(value);
						if (!type) rule(`Absence type '${value}' does not exist`);
						nv = type.id;
					}
					if (JSON.stringify(next[key]) !== JSON.stringify(nv)) changed++;
					next[key] = nv;
				}
				const type = byId(state.absenceTypes, next.absenceTypeId);
				if (next.status && type && !type.isApprovalNecessary)
					rule(`Absence type '${type.title}' needs no approval; an absence of it has no status`);
				if (type && type.isApprovalNecessary && !next.status) next.status = 'submitted';
				if (next.endDate < next.startDate) rule('endDate must not be before startDate');
				const overlap = state.absences.find(
					(a) =>
						a.id !== next.id &&
						a.userId === next.userId &&
						a.status !== 'rejected' &&
						!(next.endDate < a.startDate || next.startDate > a.endDate),
				);
				if (overlap)
					rule(
						`The absence overlaps with an existing absence of this user (${D(overlap.startDate)} – ${D(overlap.endDate)})`,
					);
				if (isCreate) {
					state.absences.push(next);
					return { created: 1 };
				}
				Object.assign(absence, next);
				return { modified: 1, attributesModified: changed };
			},
			records,
		);
	}
	write('POST', 'integration/absence/json', (ctx) => absenceWrite(ctx, true));
	write('PUT', 'integration/absence/json', (ctx) => absenceWrite(ctx, false));
	write('DELETE', 'integration/absence/json/:id', (ctx) => {
		const id = requireGuid(ctx.params.id, 'absenceId');
		if (!byId(state.absences, id)) recordNotFound('Absence', id);
		return ticketResponse('Absence', [{ id }], (v) => {
			const absence = byId(state.absences, v.id);
			if (!absence) rule(`Absence ${v.id} does not exist`);
			if (absence.locked) rule(`Absence ${absence.id} is locked`);
			state.absences = state.absences.filter((a) => a !== absence);
			return { deleted: 1 };
		});
	});

	// ---------- Status reports ----------
	const REPORT = {
		projectId: S('guid'),
		title: S('string'),
		statusDate: S('datetime'),
		overallStatusId: S('int', { min: 1, max: 7 }),
		timeStatusId: S('int', { min: 1, max: 4 }),
		costStatusId: S('int', { min: 1, max: 4 }),
		goalStatusId: S('int', { min: 1, max: 4 }),
		explanation: S('html'),
		nextSteps: S('html'),
		targetDate: S('date'),
		progressManual: S('number', { min: 0, max: 100 }),
		isPublished: S('bool'),
		flavor: S('flavor'),
	};
	function reportProjectIds(values, top) {
		const errors = [];
		values.forEach((v, i) => {
			const prefix = values.length > 1 ? `statusReport[${i}]: ` : '';
			if (top.projectId && v.projectId && lower(top.projectId) !== v.projectId)
				errors.push(
					`${prefix}projectId in the record (${v.projectId}) differs from the top-level projectId (${top.projectId})`,
				);
			v.projectId = v.projectId || (top.projectId ? lower(top.projectId) : undefined);
		});
		if (errors.length) badRequest(errors);
	}
	function oneDraftRule(projectId, ignoreId) {
		const draft = state.statusReports.find(
			(s) => s.projectId === projectId && !s.isPublished && s.id !== ignoreId,
		);
		if (draft)
			rule(
				`The project already has a draft status report ('${draft.title}'); only one draft per project is allowed`,
			);
	}
	function newReport(project, v) {
		return {
			id: state.guid(),
			projectId: project.id,
			title: '',
			statusDate: null,
			overallStatusId: 1,
			timeStatusId: null,
			costStatusId: null,
			goalStatusId: null,
			explanation: null,
			nextSteps: null,
			targetDate: null,
			progressManual: null,
			isPublished: false,
			publicationDate: null,
			externalId: v.externalId ?? null,
			flavors: {},
		};
	}
	function applyReport(report, v) {
		let changed = 0;
		for (const [key, value] of Object.entries(v)) {
			if (['id', 'useExternalId', 'tempId', 'flavor', 'projectId', 'isPublished'].includes(key))
				continue;
			if (JSON.stringify(report[key]) !== JSON.stringify(value)) changed++;
			report[key] = value;
		}
		if (v.flavor)
			for (const [id, value] of Object.entries(v.flavor)) ((report.flavors[id] = value), changed++);
		if (v.isPublished === true && !report.isPublished) {
			report.isPublished = true;
			report.publicationDate = new Date().toISOString().slice(0, 19);
			changed++;
		}
		if (v.isPublished === false && report.isPublished)
			rule('A published status report cannot be set back to draft');
		return changed;
	}
	write('POST', 'integration/statusreport/json', (ctx) => {
		const { records, top } = readEnvelope(ctx, {
			key: 'statusReport',
			projectId: 'optional',
			top: ['noFeed'],
		});
		const values = checkRecords(records, REPORT, {
			key: 'statusReport',
			entity: 'status report',
			target: 'statusReport',
			required: ['title', 'statusDate'],
		});
		reportProjectIds(values, top);
		const missing = values
			.map((v, i) =>
				v.projectId
					? null
					: `${values.length > 1 ? `statusReport[${i}]: ` : ''}projectId is required (top level or in the record)`,
			)
			.filter(Boolean);
		if (missing.length) badRequest(missing);
		return ticketResponse(
			'StatusReport',
			values,
			(v) => {
				const project = findProject(v.projectId);
				if (!project) rule(`Project ${v.projectId} does not exist`);
				assertWritableProject(project);
				if (!v.isPublished) oneDraftRule(project.id);
				const report = newReport(project, v);
				applyReport(report, v);
				state.statusReports.push(report);
				return { created: 1 };
			},
			records,
		);
	});
	write('PUT', 'integration/statusreport/json', (ctx) => {
		const { records, top } = readEnvelope(ctx, { key: 'statusReport', projectId: 'optional' });
		const values = checkRecords(records, REPORT, {
			key: 'statusReport',
			entity: 'status report',
			target: 'statusReport',
			isUpdate: true,
		});
		reportProjectIds(values, top);
		return ticketResponse(
			'StatusReport',
			values,
			(v) => {
				const report = findByIdOrExternal(
					v.projectId
						? state.statusReports.filter((s) => s.projectId === v.projectId)
						: state.statusReports,
					v,
					'Status report',
				);
				if (report.isPublished)
					rule(`Status report '${report.title}' is published and cannot be modified`);
				const next = clone(report);
				const changed = applyReport(next, v);
				Object.assign(report, next);
				return { modified: 1, attributesModified: changed };
			},
			records,
		);
	});
	write('DELETE', 'integration/statusreport/json/:id', (ctx) => {
		const id = requireGuid(ctx.params.id, 'statusReportId');
		if (!findReport(id)) recordNotFound('Status report', id);
		return ticketResponse('StatusReport', [{ id }], (v) => {
			const report = findReport(v.id);
			if (!report) rule(`Status report ${v.id} does not exist`);
			state.statusReports = state.statusReports.filter((s) => s !== report);
			state.comments = state.comments.filter((c) => c.statusReportId !== report.id);
			return { deleted: 1 };
		});
	});
	function reportFromTemplate(ctx, required) {
		const template = byId(
			state.statusReportTemplates,
			requireGuid(ctx.params.templateId, 'templateId'),
		);
		if (!template) recordNotFound('Status report template', ctx.params.templateId);
		const body = flatBody(ctx, '{ "projectId", "title", "progressManual" }');
		const { errors, value } = checkRecord(
			body,
			{
				projectId: S('guid'),
				title: S('string'),
				progressManual: S('number', { min: 0, max: 100 }),
			},
			{ prefix: '', entity: 'status report template', required },
		);
		if (errors.length) badRequest(errors);
		const project = findProject(value.projectId);
		if (!project) recordNotFound('Project', value.projectId);
		return ticketResponse('StatusReport', [value], (v) => {
			assertWritableProject(project);
			oneDraftRule(project.id);
			const report = newReport(project, v);
			applyReport(report, {
				title: v.title || template.title,
				progressManual: v.progressManual ?? null,
				statusDate: new Date().toISOString().slice(0, 10),
			});
			state.statusReports.push(report);
			return { created: 1 };
		});
	}
	write('POST', 'integration/template/statusreport/create/json/:templateId', (ctx) =>
		reportFromTemplate(ctx, ['projectId']),
	); // P10, R
	write('POST', 'integration/statusreport/json/:templateId', (ctx) =>
		reportFromTemplate(ctx, ['projectId', 'title', 'progressManual']),
	); // N-new

	// ---------- Comments (N-new) ----------
	const findComment = (id) => byId(state.comments, id);
	read('GET', 'integration/comment/json/:id', (ctx) => {
		const c = findComment(requireGuid(ctx.params.id, 'commentId'));
		if (!c) recordNotFound('Comment', ctx.params.id);
		return { body: renderComment(c) };
	});
	read('GET', 'integration/comment/task/json/:taskId', (ctx) => {
		const task = findTask(requireGuid(ctx.params.taskId, 'taskId'));
		if (!task) recordNotFound('Task', ctx.params.taskId);
		return { body: state.comments.filter((c) => c.taskId === task.id).map(renderComment) };
	});
	read('GET', 'integration/comment/statusreport/json/:statusReportId', (ctx) => {
		const report = findReport(requireGuid(ctx.params.statusReportId, 'statusReportId'));
		if (!report) recordNotFound('Status report', ctx.params.statusReportId);
		return {
			body: state.comments.filter((c) => c.statusReportId === report.id).map(renderComment),
		};
	});
	function commentWrite(ctx, kind, isCreate) {
		const parentKey = kind === 'task' ? 'taskId' : 'statusReportId';
		const { records } = readEnvelope(ctx, { key: 'comment', tz: 'optional' });
		const schema = { [parentKey]: S('guid'), text: S('string'), isInternal: S('bool') };
		const values = checkRecords(
			records,
			isCreate ? schema : { text: S('string'), isInternal: S('bool') },
			{
				key: 'comment',
				entity: `${kind === 'task' ? 'task' : 'status-report'} comment`,
				isUpdate: !isCreate,
				required: isCreate ? [parentKey, 'text'] : [],
			},
		);
		return ticketResponse(
			'Comment',
			values,
			(v) => {
				if (isCreate) {
					const parent = kind === 'task' ? findTask(v.taskId) : findReport(v.statusReportId);
					if (!parent)
						rule(`${kind === 'task' ? 'Task' : 'Status report'} ${v[parentKey]} does not exist`);
					const now = new Date().toISOString().slice(0, 19);
					state.comments.push({
						id: state.guid(),
						[parentKey]: parent.id,
						text: v.text,
						isInternal: !!v.isInternal,
						authorId: ctx.userId,
						created: now,
						modified: now,
					});
					return { created: 1 };
				}
				const c = findComment(v.id);
				if (!c || !c[parentKey])
					rule(`${kind === 'task' ? 'Task' : 'Status-report'} comment ${v.id} does not exist`);
				let changed = 0;
				if (v.text !== undefined && v.text !== c.text) ((c.text = v.text), changed++);
				if (v.isInternal !== undefined && v.isInternal !== c.isInternal)
					((c.isInternal = v.isInternal), changed++);
				c.modified = new Date().toISOString().slice(0, 19);
				return { modified: 1, attributesModified: changed };
			},
			records,
		);
	}
	write('POST', 'integration/comment/task/json', (ctx) => commentWrite(ctx, 'task', true));
	write('POST', 'integration/comment/statusreport/json', (ctx) =>
		commentWrite(ctx, 'statusreport', true),
	);
	write('PUT', 'integration/comment/task/json', (ctx) => commentWrite(ctx, 'task', false));
	write('PUT', 'integration/comment/statusreport/json', (ctx) =>
		commentWrite(ctx, 'statusreport', false),
	);
	write('DELETE', 'integration/comment/json/:id', (ctx) => {
		const id = requireGuid(ctx.params.id, 'commentId');
		if (!findComment(id)) recordNotFound('Comment', id);
		return ticketResponse('Comment', [{ id }], (v) => {
			if (!findComment(v.id)) rule(`Comment ${v.id} does not exist`);
			state.comments = state.comments.filter((c) => c.id !== v.id);
			return { deleted: 1 };
		});
	});

	// ---------- Folders (N-new, plural path) ----------
	const FOLDER = {
		name: S('string'),
		priority: S('enum', { values: ['none', 'low', 'medium', 'high', 'highest'] }),
		startDate: S('date'),
		endDate: S('date'),
		description: S('html'),
		color: S('color'),
		fillRowWithColor: S('bool'),
		noNewTasksAllowed: S('bool'),
		lockNewTasks: S('bool'),
		locked: S('bool'),
		privateNewTasks: S('bool'),
		taskTemplateId: S('guid'),
	};
	read('GET', 'integration/folders/json/:projectId', (ctx) => {
		const project = findProject(requireGuid(ctx.params.projectId, 'projectId'));
		if (!project) recordNotFound('Project', ctx.params.projectId);
		return { body: state.folders.filter((f) => f.projectId === project.id).map(renderFolder) };
	});
	function folderWrite(ctx, isCreate) {
		const { records, top } = readEnvelope(ctx, { key: 'folder', projectId: 'required' });
		const schema = isCreate
			? FOLDER
			: { ...FOLDER, privateNewTasks: undefined, taskTemplateId: undefined };
		for (const k of Object.keys(schema)) if (!schema[k]) delete schema[k];
		const values = checkRecords(records, schema, {
			key: 'folder',
			entity: 'folder',
			isUpdate: !isCreate,
			required: isCreate ? ['name'] : [],
		});
		checkOrder(values, 'startDate', 'endDate', 'folder');
		const project = findProject(top.projectId);
		if (!project) recordNotFound('Project', top.projectId);
		return ticketResponse(
			'Folder',
			values,
			(v) => {
				assertWritableProject(project);
				let folder;
				if (isCreate) {
					if (v.taskTemplateId && !byId(state.taskTemplates, v.taskTemplateId))
						rule(`Task template ${v.taskTemplateId} does not exist`);
					folder = {
						id: state.guid(),
						projectId: project.id,
						name: '',
						priority: 'none',
						startDate: null,
						endDate: null,
						description: null,
						color: null,
						fillRowWithColor: false,
						noNewTasksAllowed: false,
						lockNewTasks: false,
						locked: false,
						privateNewTasks: false,
						taskTemplateId: null,
						externalId: v.externalId ?? null,
					};
				} else {
					folder = state.folders.find((f) => f.id === v.id && f.projectId === project.id);
					if (!folder) rule(`Folder ${v.id} does not exist in project '${project.title}'`);
					if (folder.locked && v.locked !== false) rule(`Folder '${folder.name}' is locked`);
				}
				let changed = 0;
				for (const [key, value] of Object.entries(v)) {
					if (['id', 'tempId', 'useExternalId'].includes(key)) continue;
					if (JSON.stringify(folder[key]) !== JSON.stringify(value)) changed++;
					folder[key] = value;
				}
				if (isCreate) {
					state.folders.push(folder);
					return { created: 1 };
				}
				return { modified: 1, attributesModified: changed };
			},
			records,
		);
	}
	write('POST', 'integration/folders/json', (ctx) => folderWrite(ctx, true));
	write('PUT', 'integration/folders/json', (ctx) => folderWrite(ctx, false));
	write('DELETE', 'integration/folders/json/:projectId/:folderId', (ctx) => {
		const projectId = requireGuid(ctx.params.projectId, 'projectId');
		const folderId = requireGuid(ctx.params.folderId, 'folderId');
		if (!findProject(projectId)) recordNotFound('Project', projectId);
		if (!state.folders.some((f) => f.id === folderId && f.projectId === projectId))
			recordNotFound('Folder', folderId);
		return ticketResponse('Folder', [{ id: folderId }], (v) => {
			if (!byId(state.folders, v.id)) rule(`Folder ${v.id} does not exist`);
			state.folders = state.folders.filter((f) => f.id !== v.id);
			for (const t of state.tasks) if (t.folderId === v.id) t.folderId = null;
			return { deleted: 1 };
		});
	});

	// ---------- Attachments (P16, N-new) ----------
	const findAttachment = (id) => byId(state.attachments, id);
	function attachmentParent(kind, id) {
		if (kind === 'project') {
			const p = findProject(requireGuid(id, 'projectId'));
			if (!p) recordNotFound('Project', id);
			return { projectId: p.id };
		}
		if (kind === 'task') {
			const t = findTask(requireGuid(id, 'taskId'));
			if (!t) recordNotFound('Task', id);
			return { projectId: t.projectId, taskId: t.id };
		}
		const r = findReport(requireGuid(id, 'statusReportId'));
		if (!r) recordNotFound('Status report', id);
		return { projectId: r.projectId, statusReportId: r.id };
	}
	for (const kind of ['project', 'task', 'statusreport']) {
		read('GET', `integration/attachment/${kind}/json/:id`, (ctx) => {
			const parent = attachmentParent(kind, ctx.params.id);
			let list;
			if (kind === 'project') {
				const q = ctx.query.projectOnly;
				if (q !== undefined && !['true', 'false'].includes(String(q)))
					badRequest(`projectOnly '${q}' must be true or false`);
				// N-new's help text: true (default) = all files of the project incl. task and status-report files.
				const all = q === undefined || String(q) === 'true';
				list = state.attachments.filter(
					(a) => a.projectId === parent.projectId && (all || (!a.taskId && !a.statusReportId)),
				);
			} else if (kind === 'task')
				list = state.attachments.filter((a) => a.taskId === parent.taskId);
			else list = state.attachments.filter((a) => a.statusReportId === parent.statusReportId);
			return { body: list.map(renderAttachment) };
		});
		write('POST', `integration/attachment/${kind}/json/:id`, (ctx) => {
			const parent = attachmentParent(kind, ctx.params.id);
			const type = String(ctx.headers['content-type'] || '');
			if (!/^multipart\/form-data/i.test(type))
				badRequest(
					'An attachment upload must be sent as multipart/form-data with the file as a file part',
				);
			const raw = ctx.rawBody || Buffer.alloc(0);
			const parsed = W.parseMultipart(raw, type);
			if (parsed.error) badRequest(`Malformed upload: ${parsed.error}`);
			const files = parsed.parts.filter((p) => p.filename !== undefined);
			if (!files.length)
				badRequest(
					'The upload has no file part (Content-Disposition: form-data; name="file"; filename="…")',
				);
			const errors = [];
			const limit = Number(config.maxUploadBytes);
			for (const f of files) {
				if (!f.filename.trim()) errors.push('A file part has an empty filename');
				if (f.data.length > limit)
					errors.push(
						`File '${f.filename}' is ${f.data.length} bytes; the upload limit is ${limit === 524288000 ? '500 MB' : `${limit} bytes`} (${limit} bytes)`,
					);
			}
			if (errors.length) badRequest(errors);
			const project = findProject(parent.projectId);
			if (project && project.isTemplate) badRequest(`Project '${project.title}' is a template`);
			const now = new Date().toISOString().slice(0, 19);
			const created = files.map((f) => {
				const a = {
					id: state.guid(),
					kind: 'upload',
					fileName: f.filename,
					contentType: f.contentType,
					size: f.data.length,
					bytes: Buffer.from(f.data),
					url: null,
					projectId: parent.projectId,
					taskId: parent.taskId || null,
					statusReportId: parent.statusReportId || null,
					created: now,
					createdBy: ctx.userId,
				};
				state.attachments.push(a);
				return a;
			});
			counters.writes++;
			return { status: 200, body: created.map(renderAttachment) };
		});
	}
	read('GET', 'integration/attachment/json/:id', (ctx) => {
		const a = findAttachment(requireGuid(ctx.params.id, 'attachmentId'));
		if (!a) recordNotFound('Attachment', ctx.params.id);
		if (a.kind === 'link')
			badRequest(
				`Attachment '${a.fileName}' is a OneDrive/SharePoint link (${a.url}); it has no file stored in smenso to download`,
			);
		counters.downloadAccepts.push(String(ctx.headers.accept || ''));
		// The answer shape is unseen (P16: downloadable; N reads it as JSON): config.downloadShape picks one.
		if (config.downloadShape === 'json')
			return {
				body: {
					id: a.id,
					fileName: a.fileName,
					contentType: a.contentType,
					size: a.size,
					content: a.bytes.toString('base64'),
				},
			};
		return {
			status: 200,
			raw: a.bytes,
			headers: {
				'Content-Type': a.contentType || 'application/octet-stream',
				'Content-Length': String(a.bytes.length),
				'Content-Disposition': `attachment; filename="${a.fileName.replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
			},
		};
	});
	write('DELETE', 'integration/attachment/json/:id', (ctx) => {
		const a = findAttachment(requireGuid(ctx.params.id, 'attachmentId'));
		if (!a) recordNotFound('Attachment', ctx.params.id);
		state.attachments = state.attachments.filter((x) => x !== a);
		counters.writes++;
		return { status: 200, body: { id: a.id, deleted: true } };
	});

	// ---------- Flavors (N-new) ----------
	read('GET', 'integration/flavor/json', () => ({ body: state.flavors.map(renderFlavorDef) }));
	write('DELETE', 'integration/flavor/json/:id', (ctx) => {
		const f = byId(state.flavors, requireGuid(ctx.params.id, 'flavorId'));
		if (!f) recordNotFound('Flavor', ctx.params.id);
		state.flavors = state.flavors.filter((x) => x !== f);
		for (const list of [
			state.projects,
			state.tasks,
			state.timeRecords,
			state.statusReports,
			state.members,
		])
			for (const r of list) delete r.flavors[f.id];
		counters.writes++;
		return { status: 200, body: { id: f.id, deleted: true } };
	});

	// ---------- Permissions (N-new, P15) ----------
	function permissionsOf(kind, id) {
		if (kind === 'project') {
			const p = findProject(requireGuid(id, 'projectId'));
			if (!p) recordNotFound('Project', id);
			if (!state.permissions[p.id])
				state.permissions[p.id] = {
					isPrivate: false,
					access: { users: [], teams: [] },
					privacy: { users: [], teams: [] },
				};
			return { key: p.id, body: { projectId: p.id } };
		}
		const t = findTask(requireGuid(id, 'taskId'));
		if (!t) recordNotFound('Task', id);
		if (!state.permissions[t.id])
			state.permissions[t.id] = {
				isPrivate: false,
				access: { users: [], teams: [] },
				privacy: { users: [], teams: [] },
			};
		return { key: t.id, body: { taskId: t.id, projectId: t.projectId } };
	}
	const renderPermissions = (target) => {
		const p = state.permissions[target.key];
		const users = (ids) =>
			ids.map((id) => ({ id, email: (byId(state.members, id) || {}).email || null }));
		const teams = (ids) =>
			ids.map((id) => ({ id, name: (byId(state.teams, id) || {}).name || null }));
		return {
			...target.body,
			isPrivate: p.isPrivate,
			access: { users: users(p.access.users), teams: teams(p.access.teams) },
			privacy: { users: users(p.privacy.users), teams: teams(p.privacy.teams) },
		};
	};
	function accessBody(body) {
		const shape =
			'{ "add": { "users": "a@x.com,b@x.com", "teams": "Team A" }, "remove": { "users": "…", "teams": "…" } }';
		if (!isObject(body)) badRequest(`The request body must be a JSON object ${shape}`);
		const errors = [];
		const out = { add: { users: [], teams: [] }, remove: { users: [], teams: [] } };
		for (const [k, v] of Object.entries(body)) {
			if (!['add', 'remove'].includes(k)) {
				errors.push(`Unknown key '${k}' (expected ${shape})`);
				continue;
			}
			if (!isObject(v)) {
				errors.push(`${k} must be an object { users, teams }`);
				continue;
			}
			for (const [kind, value] of Object.entries(v)) {
				if (!['users', 'teams'].includes(kind))
					errors.push(`Unknown key '${k}.${kind}' (users or teams)`);
				else if (typeof value !== 'string')
					errors.push(
						`${k}.${kind} must be ONE comma-separated string, not ${Array.isArray(value) ? 'an array' : typeof value}`,
					);
				else
					for (const item of value
						.split(',')
						.map((s) => s.trim())
						.filter(Boolean)) {
						const found = kind === 'users' ? resolveUser(item) : resolveTeam(item);
						if (!found)
							errors.push(
								`${k}.${kind}: ${kind === 'users' ? 'user' : 'team'} '${item}' does not exist`,
							);
						else out[k][kind].push(found.id);
					}
			}
		}
		if (
			!out.add.users.length &&
			!out.add.teams.length &&
			!out.remove.users.length &&
			!out.remove.teams.length &&
			!errors.length
		)
			errors.push(`Nothing to add or remove (expected ${shape})`);
		if (errors.length) badRequest(errors);
		return out;
	}
	for (const kind of ['project', 'task']) {
		read('GET', `integration/permissions/${kind}/json/:id`, (ctx) => ({
			body: renderPermissions(permissionsOf(kind, ctx.params.id)),
		}));
		for (const list of ['access', 'private']) {
			write('POST', `integration/permissions/${kind}/${list}/json/:id`, (ctx) => {
				const target = permissionsOf(kind, ctx.params.id);
				const change = accessBody(ctx.body);
				const p = state.permissions[target.key];
				const lists = list === 'access' ? p.access : p.privacy;
				for (const k of ['users', 'teams']) {
					lists[k] = [...new Set([...lists[k], ...change.add[k]])].filter(
						(id) => !change.remove[k].includes(id),
					);
				}
				if (list === 'private') p.isPrivate = true;
				counters.writes++;
				return { status: 200, body: renderPermissions(target) };
			});
			write('DELETE', `integration/permissions/${kind}/${list}/json/:id`, (ctx) => {
				const target = permissionsOf(kind, ctx.params.id);
				const clear = (key) => {
					const p = state.permissions[key];
					if (!p) return;
					if (list === 'access') p.access = { users: [], teams: [] };
					else Object.assign(p, { isPrivate: false, privacy: { users: [], teams: [] } });
				};
				clear(target.key);
				if (kind === 'task' && list === 'access') {
					const q = ctx.query.includeSubtasks;
					if (q !== undefined && !['true', 'false'].includes(String(q)))
						badRequest(`includeSubtasks '${q}' must be true or false`);
					if (q === undefined || String(q) === 'true') {
						const walk = (id) =>
							state.tasks
								.filter((t) => t.parentTaskId === id)
								.forEach((t) => (clear(t.id), walk(t.id)));
						walk(target.key);
					}
				}
				counters.writes++;
				return { status: 200, body: renderPermissions(target) };
			});
		}
	}

	// ---------- Settings: members, absence types, working times (N-new) ----------
	read('GET', 'integration/settings/member/json', () => ({
		body: state.members.map(renderMember),
	}));
	write('PUT', 'integration/settings/member/json', (ctx) => {
		const { records } = readEnvelope(ctx, { key: 'member' });
		const errors = [];
		const values = records.map((r, i) => {
			const prefix = records.length > 1 ? `member[${i}]: ` : '';
			if (!isObject(r)) return (errors.push(`${prefix}must be an object`), {});
			const { id: _id, ...rest } = r;
			const { errors: e, value } = checkRecord(
				rest,
				{ flavor: S('flavor') },
				{ prefix, entity: 'member', target: 'user' },
			);
			errors.push(...e);
			if (typeof r.id !== 'string' || !(GUID.test(r.id) || EMAIL.test(r.id)))
				errors.push(`${prefix}id '${r.id ?? ''}' must be a member GUID or e-mail address`);
			return { ...value, id: r.id };
		});
		if (errors.length) badRequest(errors);
		return ticketResponse(
			'Member',
			values,
			(v) => {
				const m = resolveUser(v.id);
				if (!m) rule(`Member '${v.id}' does not exist`);
				let changed = 0;
				for (const [id, value] of Object.entries(v.flavor || {}))
					((m.flavors[id] = value), changed++);
				return { modified: 1, attributesModified: changed };
			},
			records,
		);
	});
	const ABSENCE_TYPE = {
		title: S('string'),
		type: S('enum', { values: ['limited', 'unlimited'] }),
		isApprovalNecessary: S('bool'),
		includeInHolidaysOverview: S('bool'),
		yearlyBudget: S('number', { min: 0, max: 366 }),
		recommendedApprovers: S('string'),
	};
	read('GET', 'integration/settings/absencetypes/json', () => ({
		body: state.absenceTypes.map(renderAbsenceType),
	}));
	read('GET', 'integration/settings/absencetype/json/:id', (ctx) => {
		const t = byId(state.absenceTypes, requireGuid(ctx.params.id, 'absenceTypeId'));
		if (!t) recordNotFound('Absence type', ctx.params.id);
		return { body: renderAbsenceType(t) };
	});
	function absenceTypeWrite(ctx, isCreate) {
		const { records } = readEnvelope(ctx, { key: 'absenceType', tz: 'optional' });
		const extra = (v, prefix) =>
			typeof v.recommendedApprovers === 'string'
				? v.recommendedApprovers
						.split(',')
						.map((x) => x.trim())
						.filter((x) => x && !EMAIL.test(x))
						.map((x) => `${prefix}recommendedApprovers '${x}' is not an e-mail address`)
				: [];
		const values = checkRecords(records, ABSENCE_TYPE, {
			key: 'absenceType',
			entity: 'absence type',
			isUpdate: !isCreate,
			required: isCreate ? ['title'] : [],
			extra,
		});
		return ticketResponse(
			'AbsenceType',
			values,
			(v) => {
				let t;
				if (isCreate) {
					if (state.absenceTypes.some((x) => x.title.toLowerCase() === lower(v.title)))
						rule(`An absence type titled '${v.title}' already exists`);
					t = {
						id: state.guid(),
						title: '',
						type: 'unlimited',
						isApprovalNecessary: false,
						includeInHolidaysOverview: true,
						yearlyBudget: null,
						recommendedApprovers: '',
						externalId: v.externalId ?? null,
					};
				} else t = findByIdOrExternal(state.absenceTypes, v, 'Absence type');
				const next = { ...t };
				let changed = 0;
				for (const [key, value] of Object.entries(v)) {
					if (['id', 'useExternalId', 'tempId'].includes(key)) continue;
					if (JSON.stringify(next[key]) !== JSON.stringify(value)) changed++;
					next[key] = value;
				}
				if (
					next.type === 'limited' &&
					(next.yearlyBudget === null || next.yearlyBudget === undefined)
				)
					rule('A limited absence type needs a yearlyBudget (days)');
				if (isCreate) {
					state.absenceTypes.push(next);
					return { created: 1 };
				}
				Object.assign(t, next);
				return { modified: 1, attributesModified: changed };
			},
			records,
		);
	}
	write('POST', 'integration/settings/absencetype/json', (ctx) => absenceTypeWrite(ctx, true));
	write('PUT', 'integration/settings/absencetype/json', (ctx) => absenceTypeWrite(ctx, false));
	write('DELETE', 'integration/settings/absencetype/json/:id', (ctx) => {
		const id = requireGuid(ctx.params.id, 'absenceTypeId');
		if (!byId(state.absenceTypes, id)) recordNotFound('Absence type', id);
		return ticketResponse('AbsenceType', [{ id }], (v) => {
			const t = byId(state.absenceTypes, v.id);
			if (!t) rule(`Absence type ${v.id} does not exist`);
			if (state.absences.some((a) => a.absenceTypeId === t.id))
				rule(`Absence type '${t.title}' is in use by absences and cannot be deleted`);
			state.absenceTypes = state.absenceTypes.filter((x) => x !== t);
			return { deleted: 1 };
		});
	});
	const WORKING_TIME = { userId: S('user'), startDate: S('date'), endDate: S('date') };
	for (const day of DAYS) WORKING_TIME[`${day}Capacity`] = S('dayMinutes');
	read('GET', 'integration/settings/member/workingtime/json', () => ({
		body: state.workingTimes.map(renderWorkingTime),
	}));
	read('GET', 'integration/settings/member/workingtime/json/:userId', (ctx) => {
		const user = resolveUser(ctx.params.userId);
		if (!GUID.test(ctx.params.userId) && !EMAIL.test(ctx.params.userId))
			badRequest(`userId '${ctx.params.userId}' must be a member GUID or e-mail address`);
		if (!user) recordNotFound('Member', ctx.params.userId);
		return { body: state.workingTimes.filter((w) => w.userId === user.id).map(renderWorkingTime) };
	});
	function workingTimeWrite(ctx, isCreate) {
		const { records } = readEnvelope(ctx, { key: 'memberWorkingTime' });
		const values = checkRecords(records, WORKING_TIME, {
			key: 'memberWorkingTime',
			entity: 'working time',
			isUpdate: !isCreate,
			required: isCreate ? ['userId', 'startDate'] : [],
		});
		checkOrder(values, 'startDate', 'endDate', 'memberWorkingTime');
		return ticketResponse(
			'WorkingTime',
			values,
			(v) => {
				let w;
				if (isCreate) {
					const user = resolveUser(v.userId);
					if (!user) rule(`Member '${v.userId}' does not exist`);
					w = {
						id: state.guid(),
						userId: user.id,
						startDate: null,
						endDate: null,
						mondayCapacity: 480,
						tuesdayCapacity: 480,
						wednesdayCapacity: 480,
						thursdayCapacity: 480,
						fridayCapacity: 480,
						saturdayCapacity: 0,
						sundayCapacity: 0,
						externalId: v.externalId ?? null,
					};
				} else w = findByIdOrExternal(state.workingTimes, v, 'Working time');
				const next = { ...w };
				let changed = 0;
				for (const [key, value] of Object.entries(v)) {
					if (['id', 'useExternalId', 'tempId', 'userId'].includes(key)) continue;
					if (JSON.stringify(next[key]) !== JSON.stringify(value)) changed++;
					next[key] = value;
				}
				if (next.endDate && next.endDate < next.startDate)
					rule('endDate must not be before startDate');
				const clash = state.workingTimes.find(
					(x) => x.id !== next.id && x.userId === next.userId && x.startDate === next.startDate,
				);
				if (clash) rule(`Member already has a working time starting ${D(next.startDate)}`);
				if (isCreate) {
					state.workingTimes.push(next);
					return { created: 1 };
				}
				Object.assign(w, next);
				return { modified: 1, attributesModified: changed };
			},
			records,
		);
	}
	write('POST', 'integration/settings/member/workingtime/json', (ctx) =>
		workingTimeWrite(ctx, true),
	);
	write('PUT', 'integration/settings/member/workingtime/json', (ctx) =>
		workingTimeWrite(ctx, false),
	);
	write('DELETE', 'integration/settings/member/workingtime/json/:id', (ctx) => {
		const id = requireGuid(ctx.params.id, 'dailyCapacityId');
		if (!byId(state.workingTimes, id)) recordNotFound('Working time', id);
		return ticketResponse('WorkingTime', [{ id }], (v) => {
			if (!byId(state.workingTimes, v.id)) rule(`Working time ${v.id} does not exist`);
			state.workingTimes = state.workingTimes.filter((w) => w.id !== v.id);
			return { deleted: 1 };
		});
	});

	// ---------- Invitations (N-new) ----------
	for (const [kind, roles, fallback] of [
		['members', MEMBER_ROLES, 'member'],
		['guests', GUEST_ROLES, 'guest'],
	]) {
		write('POST', `integration/workspace/invite/${kind}/json`, (ctx) => {
			const { records } = readEnvelope(ctx, { key: 'invites', tz: 'optional' });
			const extra = (v, prefix) => {
				if (typeof v.email !== 'string') return [];
				if (!EMAIL.test(v.email)) return [`${prefix}email '${v.email}' is not an e-mail address`];
				if (resolveUser(v.email))
					return [`${prefix}'${v.email}' is already a member of this workspace`];
				return [];
			};
			const values = checkRecords(
				records,
				{
					email: S('string'),
					role: S('enum', { values: roles }),
					locale: S('enum', { values: ['de', 'en'] }),
				},
				{ key: 'invites', entity: `${kind.slice(0, -1)} invite`, required: ['email'], extra },
			);
			const now = new Date().toISOString().slice(0, 19);
			const out = values.map((v) => {
				const invite = {
					id: state.guid(),
					email: v.email,
					role: v.role || fallback,
					locale: v.locale || 'de',
					kind: kind.slice(0, -1),
					status: 'invited',
					created: now,
				};
				state.invites.push(invite);
				return {
					email: invite.email,
					role: invite.role,
					locale: invite.locale,
					status: invite.status,
				};
			});
			counters.writes++;
			return { status: 200, body: { invites: out } };
		});
	}

	// ---------- Reporting API (read-only; any role) ----------
	const RS = (iso) =>
		iso ? (String(iso).length > 10 ? W.stamp(Date.parse(`${iso}Z`)) : D(iso)) : '';
	const flavorCols = (map, target) => {
		const out = {};
		for (const f of state.flavors.filter((x) => x.targets.includes(target))) {
			const v = map[f.id];
			out[f.name] =
				v === undefined || v === null
					? ''
					: f.type === 'date'
						? D(v)
						: Array.isArray(v)
							? v.join(', ')
							: v;
		}
		return out;
	};
	const projectFilter = (value, label) => {
		const v = value === undefined || value === '' ? 'active' : String(value).toLowerCase();
		if (!['all', 'active', 'archived', 'templates'].includes(v))
			badRequest(`${label} '${value}' must be all, active, archived or templates`);
		return (p) =>
			v === 'all' ||
			(v === 'active' && !p.isArchived && !p.isTemplate) ||
			(v === 'archived' && p.isArchived) ||
			(v === 'templates' && p.isTemplate);
	};
	const projectRow = (p) => {
		const reports = state.statusReports
			.filter((r) => r.projectId === p.id)
			.sort((a, b) => String(a.statusDate).localeCompare(String(b.statusDate)));
		const last = reports[reports.length - 1];
		return {
			ProjectId: p.id,
			Number: p.number,
			Title: p.title,
			ProjectFolder: (state.phases.find((x) => x.id === p.phaseId) || {}).name || '',
			ProjectType: (state.types.find((x) => x.id === p.typeId) || {}).name || '',
			StartDate: RS(p.startDate),
			EndDate: RS(p.endDate),
			Budget: p.budget ?? '',
			ProjectManager: userRef(p.projectManager) || '',
			Archived: p.isArchived,
			Template: p.isTemplate,
			OverallStatus: last ? OVERALL_STATUS[last.overallStatusId] : '',
			StatusReports: reports.map((r) => r.id).join(','),
			...flavorCols(p.flavors, 'project'),
		};
	};
	const taskRow = (t) => ({
		TaskId: t.id,
		ProjectId: t.projectId,
		Title: t.title,
		Status: TASK_STATUS[t.statusId] || '',
		Priority: t.priority,
		StartDate: RS(t.startDate),
		DueDate: RS(t.dueDate),
		PlannedDurationMinutes: t.plannedDuration ?? '',
		DurationMinutes: t.duration ?? '',
		Responsible: userRef(t.responsibleUserId) || '',
		ParentTaskId: t.parentTaskId || '',
		Folder: (byId(state.folders, t.folderId || '') || {}).name || '',
		...flavorCols(t.flavors, 'task'),
	});
	function freeFilter(value, keys) {
		const out = {};
		if (value === undefined || value === '') return out;
		for (const pair of String(value)
			.split(';')
			.map((s) => s.trim())
			.filter(Boolean)) {
			const m = /^([A-Za-z]+)\s*=\s*(.+)$/.exec(pair);
			if (!m || !keys.includes(m[1]))
				badRequest(
					`filter '${value}': expected key=value pairs joined by ';' with keys ${keys.join(', ')} (sandbox syntax; smenso's is not published)`,
				);
			out[m[1]] = m[2].trim();
		}
		for (const k of ['from', 'to'])
			if (out[k]) {
				const parsed = W.parseDate(out[k]);
				if (parsed.error) badRequest(`filter ${k} '${out[k]}' ${parsed.error}`);
				out[k] = parsed.value;
			}
		return out;
	}
	function modeUser(ctx) {
		const mode = ctx.params.mode;
		if (!['all', 'my'].includes(mode))
			throw new HttpError(
				404,
				{ errors: [`${NO_SUCH_ENDPOINT}: ${ctx.method} ${ctx.path} (mode is all or my)`] },
				{ 'X-Smenso-Sandbox': 'no-such-endpoint' },
			);
		return mode === 'my' ? ctx.userId : undefined;
	}
	function toCsv(rows) {
		if (!rows.length) return '';
		const columns = Object.keys(rows[0]);
		const cell = (v) => {
			const text = v === null || v === undefined ? '' : String(v);
			return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
		};
		return `${[columns.join(';'), ...rows.map((r) => columns.map((c) => cell(r[c])).join(';'))].join('\r\n')}\r\n`;
	}
	function reportAnswer(ctx, rows, { viewKind } = {}) {
		const q = ctx.query;
		const errors = [];
		if (q.lang !== undefined && q.lang !== '' && !/^[a-z]{2}(-[A-Za-z]{2})?$/.test(String(q.lang)))
			errors.push(`lang '${q.lang}' is not a language tag such as de-DE`);
		if (
			q.timezone !== undefined &&
			q.timezone !== '' &&
			!W.isIanaZone(q.timezone) &&
			!W.isWindowsZone(q.timezone)
		)
			errors.push(`timezone '${q.timezone}' is not a time zone`);
		if (errors.length) badRequest(errors);
		if (q.view !== undefined && q.view !== '' && viewKind) {
			requireGuid(String(q.view), 'view');
			const view = byId(state.views, q.view);
			if (!view) recordNotFound('View', q.view);
			if (view.kind !== viewKind)
				badRequest(`View '${view.name}' is a ${view.kind} view, not a ${viewKind} view`);
		}
		if (q.headers !== undefined && q.headers !== '') {
			const wanted = String(q.headers)
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean);
			const known = rows.length ? Object.keys(rows[0]) : wanted;
			const unknown = wanted.filter((h) => !known.includes(h));
			if (unknown.length) badRequest(`headers: unknown column(s) ${unknown.join(', ')}`);
			rows = rows.map((r) => Object.fromEntries(wanted.map((h) => [h, r[h]])));
		}
		const format =
			q.format === undefined || q.format === '' ? 'CSV' : String(q.format).toUpperCase();
		if (format === 'CSV')
			return {
				status: 200,
				raw: toCsv(rows),
				headers: { 'Content-Type': 'text/csv; charset=utf-8' },
			};
		if (format !== 'JSON') badRequest(`format '${q.format}' is not supported (JSON or CSV)`);
		return { body: rows };
	}
	report('reports/projects', (ctx) =>
		reportAnswer(
			ctx,
			state.projects.filter(projectFilter(ctx.query.filter, 'filter')).map(projectRow),
			{ viewKind: 'projects' },
		),
	);
	report('reports/projects/:id', (ctx) => {
		const p = findProject(requireGuid(ctx.params.id, 'projectId'));
		if (!p) recordNotFound('Project', ctx.params.id);
		return reportAnswer(ctx, [projectRow(p)], { viewKind: 'projects' });
	});
	report('reports/tasks/filtered', (ctx) => {
		const keep = projectFilter(ctx.query.globalProjectsFilter, 'globalProjectsFilter');
		const ids = new Set(state.projects.filter(keep).map((p) => p.id));
		return reportAnswer(ctx, state.tasks.filter((t) => ids.has(t.projectId)).map(taskRow));
	});
	report('reports/tasks/:projectId', (ctx) => {
		const p = findProject(requireGuid(ctx.params.projectId, 'projectId'));
		if (!p) recordNotFound('Project', ctx.params.projectId);
		return reportAnswer(ctx, tasksOf(p.id).map(taskRow), { viewKind: 'tasks' });
	});
	function timesReport(ctx) {
		const user = modeUser(ctx);
		const f = freeFilter(ctx.query.filter, ['userId', 'projectId', 'from', 'to']);
		const fu = f.userId ? resolveUser(f.userId) : undefined;
		const rows = state.timeRecords
			.filter(
				(t) =>
					(!user || t.userId === user) &&
					(!f.userId || (fu && t.userId === fu.id)) &&
					(!f.projectId || t.projectId === lower(f.projectId)) &&
					(!f.from || t.date >= f.from) &&
					(!f.to || t.date <= f.to),
			)
			.map((t) => ({
				TimeRecordId: t.id,
				ProjectId: t.projectId,
				Project: (findProject(t.projectId) || {}).title || '',
				TaskId: t.taskId,
				Task: (findTask(t.taskId) || {}).title || '',
				UserId: t.userId,
				User: userRef(t.userId) || '',
				Date: RS(t.date),
				DurationMinutes: t.duration,
				Description: t.description || '',
				...flavorCols(t.flavors, 'timeRecord'),
			}));
		return reportAnswer(ctx, rows, { viewKind: 'times' });
	}
	function absencesReport(ctx) {
		const user = modeUser(ctx);
		const f = freeFilter(ctx.query.filter, ['userId', 'absenceTypeId', 'status', 'from', 'to']);
		const fu = f.userId ? resolveUser(f.userId) : undefined;
		const ft = f.absenceTypeId ? resolveAbsenceType(f.absenceTypeId) : undefined;
		const rows = state.absences
			.filter(
				(a) =>
					(!user || a.userId === user) &&
					(!f.userId || (fu && a.userId === fu.id)) &&
					(!f.absenceTypeId || (ft && a.absenceTypeId === ft.id)) &&
					(!f.status || a.status === f.status) &&
					(!f.from || a.endDate >= f.from) &&
					(!f.to || a.startDate <= f.to),
			)
			.map((a) => ({
				AbsenceId: a.id,
				UserId: a.userId,
				User: userRef(a.userId) || '',
				AbsenceType: (byId(state.absenceTypes, a.absenceTypeId) || {}).title || '',
				StartDate: RS(a.startDate),
				EndDate: RS(a.endDate),
				StartDateMinutes: a.startDateMinutes ?? '',
				EndDateMinutes: a.endDateMinutes ?? '',
				Status: a.status || '',
				Comment: a.comment || '',
			}));
		return reportAnswer(ctx, rows);
	}
	report('reports/times/:mode', timesReport);
	report('reports/absences/:mode', absencesReport);
	report('reports/teams', (ctx) =>
		reportAnswer(
			ctx,
			state.teams.map((t) => ({
				TeamId: t.id,
				Team: t.name,
				Members: t.memberIds.map((id) => byId(state.members, id).email).join(', '),
				MemberCount: t.memberIds.length,
			})),
		),
	);
	report('reports/flavors', (ctx) =>
		reportAnswer(
			ctx,
			state.flavors.map((f) => ({
				FlavorId: f.id,
				Name: f.name,
				Type: f.type,
				UsedOn: f.targets.join(', '),
				Options: (f.options || []).join(', '),
				ReadOnly: f.readOnly,
			})),
		),
	);
	report('reports/settings/member', (ctx) =>
		reportAnswer(
			ctx,
			state.members.map((m) => {
				const w = state.workingTimes
					.filter((x) => x.userId === m.id)
					.sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
				return {
					UserId: m.id,
					Name: `${m.firstName} ${m.lastName}`,
					Email: m.email,
					Role: m.role,
					Active: m.isActive,
					HourlyRate: m.hourlyRate,
					HolidayCalendar: m.holidayCalendar,
					WeeklyCapacityMinutes: w ? DAYS.reduce((s, d) => s + w[`${d}Capacity`], 0) : '',
					Teams: m.teamIds.map((id) => byId(state.teams, id).name).join(', '),
					...flavorCols(m.flavors, 'user'),
				};
			}),
		),
	);

	// ---------- Integration XML API (H18–H23, P3, P9, P10, P16): real endpoints, not simulated here ----------
	// They exist per the evidence, so they must not answer "no such endpoint"; they answer 501 instead.
	for (const [method, path] of [
		['POST', 'integration/project'],
		['POST', 'integration/task'],
		['POST', 'integration/template/project/create/:templateId'],
		['POST', 'integration/template/project/updatemasterdata/:templateId'],
		['POST', 'integration/absence'],
		['DELETE', 'integration/absence/:id'],
		['POST', 'integration/statusreport'],
		['DELETE', 'integration/statusreport/:id'],
		['POST', 'integration/template/statusreport/create/:templateId'],
		['GET', 'integration/attachment/:id'],
	]) {
		route(method, path, () => {
			throw new HttpError(
				501,
				{
					errors: [
						`The smenso sandbox does not simulate the Integration XML API (${method} /${path}); use the JSON API (…/json)`,
					],
				},
				{ 'X-Smenso-Sandbox': 'xml-not-simulated' },
			);
		});
	}

	// ---------- server ----------
	const sandbox = createSandbox({
		name: 'smenso',
		routes,
		config,
		errorBody: (status, message) => ({ errors: [message] }),
		notFound: (ctx) => ({
			status: 404,
			headers: { 'X-Smenso-Sandbox': 'no-such-endpoint' },
			body: { errors: [`${NO_SUCH_ENDPOINT}: ${ctx.method} ${ctx.path}`] },
		}),
		authenticate(ctx) {
			reseedIfChanged();
			processDueTickets();
			const header = String(ctx.headers.authorization || '');
			const match = /^Basic (.+)$/.exec(header);
			const token = match ? match[1] : undefined;
			const tz = ctx.headers.timezone;
			if (tz !== undefined) {
				counters.timezones[tz] = (counters.timezones[tz] || 0) + 1;
				if (!W.isIanaZone(tz)) {
					const msg = W.isWindowsZone(tz)
						? `Timezone header '${tz}' is a Windows name; the Timezone header takes an IANA name such as Europe/Berlin (Windows names go in the body's timezoneId)`
						: `Timezone header '${tz}' is not a known IANA time zone`;
					return { status: 400, body: { errors: [msg] } };
				}
			}
			if (token && token === config.token) {
				ctx.role = 'admin';
				ctx.userId = state.members[0].id;
				return null;
			}
			if (token && token === config.readOnlyToken) {
				ctx.role = 'member';
				ctx.userId = state.members[1].id;
				return null;
			}
			if (token && token === config.noAddonToken) {
				if (ctx.path.toLowerCase().startsWith(`${P}/integration/`)) {
					return {
						status: 403,
						body: {
							errors: [
								'The Enterprise Add-on "smenso Integration API" is not enabled for this workspace.',
							],
						},
					};
				}
				ctx.role = 'member';
				ctx.userId = state.members[2].id;
				return null;
			}
			return {
				status: 401,
				body: { errors: ['Unauthorized: the API token is missing, invalid or expired.'] },
			};
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
			Object.assign(config, clone(initialShapes));
			limiter.reset();
			counters.ticketsCreated = 0;
			counters.recordsReceived = 0;
			counters.writes = 0;
			counters.timezones = {};
			counters.timezoneIds = {};
			counters.downloadAccepts = [];
			counters.templateOptions = null;
		},
		snapshot() {
			reseedIfChanged();
			const { guid, tickets, ticketOrder, attachments, ...rest } = state;
			return {
				...rest,
				attachments: attachments.map(renderAttachment),
				tickets: ticketOrder.map((id) => ticketView(tickets.get(id))),
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
	sandbox.routes = routes.map((r) => `${r.method} ${r.path}`);
	sandbox.state = () => {
		reseedIfChanged();
		return state;
	};
	sandbox.baseUrl = () => `${sandbox.url}${P}`;
	sandbox.demoCredential = () => ({
		type: 'psaSmensoApi',
		name: 'smenso sandbox',
		data: {
			connection: 'customUrl',
			workspace: '',
			baseUrl: `${sandbox.url}${P}`,
			token: config.token,
			timezone: 'Europe/Berlin',
		},
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

module.exports = { create, P, STATUS, TIMEZONES, NO_SUCH_ENDPOINT };
