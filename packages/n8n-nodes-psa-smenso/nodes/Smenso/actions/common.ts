import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyMode,
	INodePropertyOptions,
} from 'n8n-workflow';

import { defer, type Deferred } from '../../../../shared/execute';
import { idField, locator, readId, readPaging, show, type Show } from '../../../../shared/kit';
import { vendorRequest } from '../../../../shared/transport';
import { invalidInput, isGuid, requireString } from '../../../../shared/validation';
import { disputedCheck, writeSettings, type WritePlan } from '../engine';
import {
	fromWire,
	hoursToMinutes,
	minutesToHours,
	requestWithFallback,
	smensoProfile,
	toWireDate,
	toWireDateTime,
	wholeMinutes,
} from '../transport';

/** Vendor helpers of the smenso actions: locators, the field kinds, write plans, requests. */

export { show };

const GUID_REGEX =
	'^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$';
const GUID_EXAMPLE = 'e7737f60-d5a8-4b61-8cda-2ad51ccff4dd';
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export type Ctx = IExecuteFunctions;

// ---------- resource locators ----------

interface LocatorSpec {
	name: string;
	displayName: string;
	label: string;
	method: string;
	description?: string;
	required?: boolean;
}

function guidLocator(spec: LocatorSpec, displayOptions: { show: Show }): INodeProperties {
	return locator({
		name: spec.name,
		displayName: spec.displayName,
		label: spec.label,
		searchListMethod: spec.method,
		displayOptions,
		required: spec.required ?? true,
		description: spec.description,
		idRegex: GUID_REGEX,
		idExample: GUID_EXAMPLE,
		idError: `The ${spec.label} ID is a GUID like ${GUID_EXAMPLE}`,
	});
}

export const projectLocator = (
	o: { show: Show },
	name = 'projectId',
	displayName = 'Project',
	description?: string,
) => guidLocator({ name, displayName, label: 'project', method: 'searchProjects', description }, o);
export const templateLocator = (o: { show: Show }) =>
	guidLocator(
		{
			name: 'templateId',
			displayName: 'Template',
			label: 'project template',
			method: 'searchProjectTemplates',
			description: 'A template project',
		},
		o,
	);
export const taskLocator = (
	o: { show: Show },
	name = 'taskId',
	displayName = 'Task',
	description = 'A task of the chosen project',
) => guidLocator({ name, displayName, label: 'task', method: 'searchTasks', description }, o);
export const folderLocator = (o: { show: Show }) =>
	guidLocator(
		{
			name: 'folderId',
			displayName: 'Folder',
			label: 'folder',
			method: 'searchFolders',
			description: 'A task folder of the chosen project',
		},
		o,
	);

/**
 * Locator modes beyond From List / By ID (modes have no default of their own, unlike parameters).
 */
const EXTRA_MODES: Record<'email' | 'name', Pick<INodeProperties, 'modes'>> = {
	email: {
		modes: [
			{
				displayName: 'By E-Mail',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. anna.schmidt@example.com',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*$',
							errorMessage: 'Not an e-mail address',
						},
					},
				],
			},
		],
	},
	name: {
		modes: [{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Vacation' }],
	},
};

function extraMode(kind: 'email' | 'name'): INodePropertyMode[] {
	return [...(EXTRA_MODES[kind].modes ?? [])];
}

/** A member: from the list, by GUID, or by e-mail (smenso takes users either way). */
export function memberLocator(
	o: { show: Show },
	name = 'userId',
	displayName = 'Member',
	description = 'The workspace member (smenso takes a GUID or an e-mail)',
): INodeProperties {
	const base = guidLocator(
		{ name, displayName, label: 'member', method: 'searchMembers', description },
		o,
	);
	base.modes = [...(base.modes ?? []), ...extraMode('email')];
	return base;
}

/** An absence type: from the list, by GUID, or by its name (smenso takes "Vacation" as well). */
export function absenceTypeLocator(o: { show: Show }, required = true): INodeProperties {
	const base = guidLocator(
		{
			name: 'absenceTypeId',
			displayName: 'Absence Type',
			label: 'absence type',
			method: 'searchAbsenceTypes',
			description: 'E.g. Vacation',
			required,
		},
		o,
	);
	base.modes = [...(base.modes ?? []), ...extraMode('name')];
	return base;
}

/**
 * A plain GUID field (records without a list to pick from, e.g. a status report): the kit's ID
 * field.
 */
export const guidField = (
	name: string,
	displayName: string,
	o: { show: Show },
	description?: string,
): INodeProperties => idField(name, displayName, o, description, GUID_EXAMPLE);

/**
 * The value of a locator (or plain field): the kit's `readId` (GUIDs, lower-cased for the wire),
 * plus the modes smenso adds: "By E-Mail" for members and "By Name" for absence types (smenso takes
 * either).
 */
export function locatorValue(
	ctx: Ctx,
	i: number,
	name: string,
	label: string,
	kinds: { email?: boolean; name?: boolean } = {},
): string {
	const raw = ctx.getNodeParameter(name, i, '') as unknown;
	const isLocator = !!raw && typeof raw === 'object';
	const mode = isLocator ? String((raw as IDataObject).mode ?? 'id') : 'id';
	const value = String(
		isLocator ? ((raw as IDataObject).value ?? '') : typeof raw === 'string' ? raw : '',
	).trim();
	const node = ctx.getNode();
	if (!value && (mode === 'email' || mode === 'name'))
		throw invalidInput(
			node,
			i,
			label,
			`is required: ${mode === 'email' ? 'enter an e-mail address' : 'enter a name'}`,
		);
	if (mode === 'email' || (kinds.email && mode !== 'list' && EMAIL.test(value))) {
		if (!EMAIL.test(value))
			throw invalidInput(
				node,
				i,
				label,
				`must be an e-mail address like anna.schmidt@example.com, got "${value}"`,
			);
		return value;
	}
	// A plain value (an expression or an older workflow) may be a name where smenso takes names.
	if (kinds.name && value && (mode === 'name' || (!isLocator && !isGuid(value)))) return value;
	return readId(ctx, i, name, label, { guid: true }).toLowerCase();
}

/** A required text parameter (the shared check, with the parameter read). */
export function required(ctx: Ctx, i: number, name: string, label: string): string {
	return requireString(ctx.getNode(), i, label, ctx.getNodeParameter(name, i, ''));
}

// ---------- declarative fields: UI property and wire value from one description ----------

type Kind =
	| 'string'
	| 'text'
	| 'number'
	| 'integer'
	| 'boolean'
	| 'date'
	| 'dateTime'
	| 'guid'
	| 'user'
	| 'hours'
	| 'minutes'
	| 'options'
	| 'color'
	| 'percent'
	| 'flavors';

export interface FieldSpec {
	name: string;
	label: string;
	kind: Kind;
	/** Key on the wire, if not `name`. */
	wire?: string;
	options?: Array<[string, string | number]>;
	description?: string;
	default?: unknown;
	min?: number;
	max?: number;
}

const FLAVOR_HELP =
	'Custom field values ("flavors"), one per line as Name=Value, e.g. Cost Center=4711. Names or GUIDs of the flavors; dates as 2026-03-01; lists as A,B.';

export function fieldProperty(
	f: FieldSpec,
	displayOptions?: { show: Show },
	isRequired = false,
): INodeProperties {
	const base = {
		displayName: f.label,
		name: f.name,
		description: f.description,
		required: isRequired || undefined,
		...(displayOptions ? { displayOptions } : {}),
	};
	switch (f.kind) {
		case 'text':
			return { ...base, type: 'string', typeOptions: { rows: 3 }, default: '' };
		case 'number':
		case 'integer':
		case 'percent':
			return {
				...base,
				type: 'number',
				default: (f.default as number) ?? 0,
				typeOptions: {
					...(f.min !== undefined ? { minValue: f.min } : {}),
					...(f.max !== undefined ? { maxValue: f.max } : {}),
					...(f.kind === 'number' ? {} : { numberPrecision: 0 }),
				},
			};
		case 'minutes':
			return {
				...base,
				type: 'number',
				default: (f.default as number) ?? 0,
				typeOptions: { minValue: 0, maxValue: f.max ?? 1440, numberPrecision: 0 },
			};
		case 'boolean':
			return {
				...base,
				type: 'boolean',
				default: (f.default as boolean) ?? false,
				description: f.description ?? `Whether ${f.label.toLowerCase()}`,
			};
		case 'date':
		case 'dateTime':
			return { ...base, type: 'dateTime', default: '' };
		case 'options':
			return {
				...base,
				type: 'options',
				options: (f.options ?? [])
					.map(([name, value]) => ({ name, value }))
					.sort((a, b) => a.name.localeCompare(b.name)) as INodePropertyOptions[],
				default: (f.default as string | number) ?? f.options?.[0]?.[1] ?? '',
			};
		case 'hours':
			return {
				...base,
				type: 'string',
				default: '',
				placeholder: 'e.g. 1.5 or 1:30',
				description:
					f.description ?? 'Hours, e.g. 1.5 or 1:30 (smenso stores minutes; the node converts)',
			};
		case 'guid':
			return { ...base, type: 'string', default: '', placeholder: `e.g. ${GUID_EXAMPLE}` };
		case 'user':
			return {
				...base,
				type: 'string',
				default: '',
				placeholder: 'e.g. anna.schmidt@example.com or a GUID',
			};
		case 'color':
			return { ...base, type: 'color', default: '#1F77B4' };
		case 'flavors':
			return {
				...base,
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				placeholder: 'Cost Center=4711',
				description: f.description ?? FLAVOR_HELP,
			};
		default:
			return { ...base, type: 'string', default: '' };
	}
}

/** An "Additional Fields" / "Update Fields" collection, fields sorted by name. */
export function collection(
	name: string,
	displayName: string,
	fields: FieldSpec[],
	displayOptions: { show: Show },
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: displayName === 'Update Fields' ? 'Add Field' : 'Add Field',
		default: {},
		displayOptions,
		options: fields
			.map((f) => fieldProperty(f))
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Parses "Name=Value" lines (or a JSON object/array) into smenso's `flavor: [{target, value}]`. */
function flavorValues(ctx: Ctx, i: number, label: string, value: unknown): IDataObject[] {
	const node = ctx.getNode();
	if (Array.isArray(value)) return value as IDataObject[];
	if (value && typeof value === 'object')
		return Object.entries(value as IDataObject).map(([target, v]) => ({ target, value: v }));
	const text = String(value ?? '').trim();
	if (!text) return [];
	if (text.startsWith('{') || text.startsWith('[')) {
		try {
			return flavorValues(ctx, i, label, JSON.parse(text));
		} catch {
			throw invalidInput(node, i, label, 'is not valid JSON');
		}
	}
	return text
		.split(/\r?\n/)
		.filter((line) => line.trim())
		.map((line) => {
			const at = line.indexOf('=');
			if (at <= 0)
				throw invalidInput(node, i, label, `each line must be Name=Value, got "${line.trim()}"`);
			const raw = line.slice(at + 1).trim();
			const v: unknown =
				raw === 'true'
					? true
					: raw === 'false'
						? false
						: raw !== '' && /^-?\d+(?:\.\d+)?$/.test(raw)
							? Number(raw)
							: raw;
			return { target: line.slice(0, at).trim(), value: v } as IDataObject;
		});
}

/** One field's value for the wire, checked (errors name the field and the row). */
function wireValue(ctx: Ctx, i: number, f: FieldSpec, value: unknown, zone: string): unknown {
	const node = ctx.getNode();
	switch (f.kind) {
		case 'string':
		case 'text':
			return String(value);
		case 'number':
		case 'integer':
		case 'percent': {
			const n = typeof value === 'number' ? value : Number(String(value).trim());
			if (String(value).trim() === '' || !Number.isFinite(n))
				throw invalidInput(node, i, f.label, `must be a number, got "${String(value)}"`);
			if (f.kind !== 'number' && !Number.isInteger(n))
				throw invalidInput(node, i, f.label, `must be a whole number, got ${n}`);
			if (f.min !== undefined && n < f.min)
				throw invalidInput(node, i, f.label, `must be at least ${f.min}, got ${n}`);
			if (f.max !== undefined && n > f.max)
				throw invalidInput(node, i, f.label, `must be at most ${f.max}, got ${n}`);
			return n;
		}
		case 'minutes':
			return wholeMinutes(node, i, f.label, value, f.max ?? 1440);
		case 'hours':
			return hoursToMinutes(node, i, f.label, value);
		case 'boolean':
			return value === true || value === 'true';
		case 'date':
			return toWireDate(node, i, f.label, value, zone);
		case 'dateTime':
			return toWireDateTime(node, i, f.label, value, zone);
		case 'guid': {
			const text = String(value).trim();
			if (!isGuid(text))
				throw invalidInput(node, i, f.label, `must be a GUID like ${GUID_EXAMPLE}, got "${text}"`);
			return text.toLowerCase();
		}
		case 'user': {
			const text = String(value).trim();
			if (EMAIL.test(text)) return text;
			if (!isGuid(text))
				throw invalidInput(
					node,
					i,
					f.label,
					`must be a member's e-mail address or GUID, got "${text}"`,
				);
			return text.toLowerCase();
		}
		case 'color': {
			const text = String(value).trim();
			if (!/^#[0-9a-f]{6}$/i.test(text))
				throw invalidInput(node, i, f.label, `must be a colour like #FF0000, got "${text}"`);
			return text.toUpperCase();
		}
		case 'flavors':
			return flavorValues(ctx, i, f.label, value);
		case 'options': {
			const allowed = f.options ?? [];
			const hit = allowed.find(([, v]) => String(v) === String(value).trim());
			if (!hit) {
				const list = [...allowed]
					.sort((a, b) => a[0].localeCompare(b[0]))
					.map(([name, v]) => `${name} (${String(v)})`)
					.join(', ');
				throw invalidInput(node, i, f.label, `must be one of ${list}, got "${String(value)}"`);
			}
			return hit[1];
		}
		default:
			return value;
	}
}

/** The fields the user set in a collection (empty strings skipped), converted for the wire. */
export function wireRecord(
	ctx: Ctx,
	i: number,
	fields: FieldSpec[],
	source: IDataObject,
	zone: string,
): IDataObject {
	const out: IDataObject = {};
	for (const f of fields) {
		const value = source[f.name];
		if (value === undefined || value === null || value === '') continue;
		const converted = wireValue(ctx, i, f, value, zone);
		if (f.kind === 'flavors' && Array.isArray(converted) && !converted.length) continue;
		out[f.wire ?? f.name] = converted as IDataObject[keyof IDataObject];
	}
	return out;
}

/** A top-level field (required or optional) converted for the wire. */
export function wireParam(
	ctx: Ctx,
	i: number,
	f: FieldSpec,
	isRequired: boolean,
	zone: string,
): unknown {
	const value = ctx.getNodeParameter(f.name, i, f.kind === 'boolean' ? false : '') as unknown;
	if (value === undefined || value === null || value === '') {
		if (isRequired) throw invalidInput(ctx.getNode(), i, f.label, 'is required');
		return undefined;
	}
	return wireValue(ctx, i, f, value, zone);
}

export function checkOrder(
	ctx: Ctx,
	i: number,
	record: IDataObject,
	start: string,
	end: string,
	startLabel: string,
	endLabel: string,
): void {
	const a = record[start];
	const b = record[end];
	if (typeof a === 'string' && typeof b === 'string' && b.slice(0, 19) < a.slice(0, 19)) {
		throw invalidInput(
			ctx.getNode(),
			i,
			endLabel,
			`must not be before ${startLabel} (${b} < ${a})`,
		);
	}
}

/**
 * The check of fields whose wire name or storage rests on one disputed source (README: smenso
 * notes): after the read-back, each of them that smenso did not store as sent becomes a warning on
 * the row.
 */
export function disputed(
	record: IDataObject,
	fields: FieldSpec[],
	names: string[],
	what: string,
): (found: IDataObject) => string[] {
	return disputedCheck(
		record,
		fields
			.filter((f) => names.includes(f.name))
			.map((f) => ({ wire: f.wire ?? f.name, label: f.label })),
		what,
	);
}

/** Top-level `noFeed` (N-new): shown among the additional fields, sent beside the records. */
export const NO_FEED: FieldSpec = {
	name: 'noFeed',
	label: 'No Activity Feed Entry',
	kind: 'boolean',
	description: 'Whether to keep the change out of the activity feed',
};

// ---------- shared properties of asynchronous writes ----------

function waitFields(resource: string, operations: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait until smenso has processed the change (its ticket is finished) and return the outcome and, where possible, the saved record. Off: return the ticket ID at once.',
			displayOptions: show(resource, operations),
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWait',
			type: 'number',
			default: 120,
			typeOptions: { minValue: 1, maxValue: 3600 },
			description:
				'How long to wait for the ticket before failing with its ID (the change may still finish later)',
			displayOptions: show(resource, operations, { waitForCompletion: [true] }),
		},
	];
}

const TIMEZONE_OPTION: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timezone',
	type: 'string',
	default: '',
	placeholder: 'e.g. Europe/Berlin',
	description:
		"IANA time zone the dates are meant in. Sent as the Timezone header, and as its Windows name (e.g. W. Europe Standard Time) in the body's timezoneId. Default: the credential's, else the workflow's.",
};

const TICKET_DETAIL: INodeProperties = {
	displayName: 'Ticket Detail',
	name: 'ticketDetail',
	type: 'options',
	options: [
		{ name: 'Compact (Ticket ID and Status)', value: 'compact' },
		{ name: 'Full (Counts, Messages, Times)', value: 'full' },
	],
	default: 'compact',
	description: "How much of smenso's ticket to add to each output row",
};

/**
 * Options of an asynchronous write: batch size (where the API takes arrays), time zone, ticket
 * detail.
 */
function writeOptions(resource: string, operations: string[], batchable: boolean): INodeProperties {
	const options: INodeProperties[] = [];
	if (batchable) {
		options.push({
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			default: 500,
			typeOptions: { minValue: 1, maxValue: 5000 },
			description:
				'Input rows for the same endpoint (and project) are sent together, this many per request: one request and one ticket instead of one per row. Each output row still gets its own result.',
		});
	}
	options.push(TICKET_DETAIL, TIMEZONE_OPTION);
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(resource, operations),
		options,
	};
}

/** What every asynchronous write operation shows after its own fields: waiting, and its options. */
export function writeTail(
	resource: string,
	operation: string,
	batchable = true,
): INodeProperties[] {
	return [...waitFields(resource, [operation]), writeOptions(resource, [operation], batchable)];
}

/** Options of a read: the time zone dates are shown in. */
export function readOptions(resource: string, operations: string[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(resource, operations),
		options: [TIMEZONE_OPTION],
	};
}

/** Builds the row's write plan with the shared settings and hands it to the batch phase. */
export async function plan(
	ctx: Ctx,
	i: number,
	partial: Omit<WritePlan, 'settings'>,
): Promise<Deferred<WritePlan>> {
	return defer({ ...partial, settings: await writeSettings(ctx, i) });
}

// ---------- reads ----------

/**
 * A GET (with the row's zone as the Timezone header where the user chose one); dates answered as
 * ISO.
 */
export async function get<T = IDataObject[]>(
	ctx: Ctx,
	i: number | undefined,
	path: string,
	qs?: IDataObject,
	notFoundLabel?: string,
): Promise<T> {
	const body = await vendorRequest.call(ctx, smensoProfile, {
		method: 'GET',
		path,
		qs,
		itemIndex: i,
		notFoundLabel,
		headers: zoneHeader(ctx, i),
	});
	return fromWire(body) as T;
}

/** GET with the documented alternative path tried once on 404 "no such endpoint". */
export async function getWithFallback<T = IDataObject[]>(
	ctx: Ctx,
	i: number | undefined,
	route: string,
	candidates: Array<{ path: string; qs?: IDataObject }>,
	notFoundLabel?: string,
): Promise<T> {
	const body = await requestWithFallback(
		ctx,
		route,
		candidates.map((c) => ({
			method: 'GET' as const,
			path: c.path,
			qs: c.qs,
			itemIndex: i,
			notFoundLabel,
			headers: zoneHeader(ctx, i),
		})),
	);
	return fromWire(body) as T;
}

function zoneHeader(ctx: Ctx, i: number | undefined): Record<string, string> | undefined {
	if (i === undefined) return undefined;
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const zone = String(options?.timezone ?? '').trim();
	return zone ? { Timezone: zone } : undefined;
}

/** A sync write (permissions, invitations, attachments, dependencies): sent in the send pass. */
export async function send<T = unknown>(
	ctx: Ctx,
	i: number,
	spec: {
		method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
		path: string;
		body?: unknown;
		qs?: IDataObject;
		headers?: Record<string, string>;
		notFoundLabel?: string;
		rawBody?: boolean;
	},
): Promise<T> {
	const body = await vendorRequest.call(ctx, smensoProfile, {
		...spec,
		body: spec.body as IDataObject,
		itemIndex: i,
	});
	return fromWire(body) as T;
}

/** Return All / Limit (the kit's reader) over a list, with a client-side filter. */
export function limitList(
	ctx: Ctx,
	i: number,
	list: IDataObject[],
	keep: (r: IDataObject) => boolean = () => true,
): IDataObject[] {
	const { returnAll, limit } = readPaging(ctx, i);
	const filtered = list.filter(keep);
	return returnAll ? filtered : filtered.slice(0, Math.max(1, limit));
}

export function sameId(a: unknown, b: unknown): boolean {
	return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

export function contains(record: IDataObject, search: unknown, fields: string[]): boolean {
	const text = typeof search === 'string' ? search.trim().toLowerCase() : '';
	return (
		!text ||
		fields.some((f) =>
			String(record[f] ?? '')
				.toLowerCase()
				.includes(text),
		)
	);
}

/** Adds `<name>Hours` beside each minutes field of a record, so users read hours. */
export function withHours(record: IDataObject, fields: Record<string, string>): IDataObject {
	const out = { ...record };
	for (const [minutesKey, hoursKey] of Object.entries(fields))
		if (minutesKey in out) out[hoursKey] = minutesToHours(out[minutesKey]);
	return out;
}

/**
 * An externalId set on create when the user gives none, so the record can be read back after its
 * ticket.
 */
export function newExternalId(ctx: Ctx, i: number): string {
	return `n8n-${ctx.getExecutionId?.() ?? 'run'}-${i + 1}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}
