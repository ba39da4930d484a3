import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { vendorRequestAll } from '../../shared/paging';
import { vendorRequest } from '../../shared/transport';
import { invalidInput, requireNumber, requirePositiveInteger, toDateOnly } from '../../shared/validation';
import { rmProfile } from '../transport';

export type Handler = (ctx: IExecuteFunctions, i: number) => Promise<IDataObject | IDataObject[]>;

export interface ResourceModule {
	/** The option shown in the Resource dropdown. */
	resource: INodePropertyOptions;
	/** Operation selector and fields of this resource. */
	properties: INodeProperties[];
	handlers: Record<string, Handler>;
}

export type Show = Record<string, Array<string | boolean | number>>;

// ------------------------------------------------------------------------------------------------
// Requests
// ------------------------------------------------------------------------------------------------

export interface CallOptions {
	qs?: IDataObject;
	body?: IDataObject;
	notFound?: string;
	idempotent?: boolean;
}

/** One request through the shared helper (paced, 429-aware, vendor errors mapped, item named). */
export async function api<T = IDataObject>(
	ctx: IExecuteFunctions,
	i: number,
	method: IHttpRequestMethods,
	path: string,
	options: CallOptions = {},
): Promise<T> {
	return (await vendorRequest.call(ctx, rmProfile, {
		method,
		path,
		qs: options.qs,
		body: options.body,
		itemIndex: i,
		notFoundLabel: options.notFound,
		idempotent: options.idempotent ?? (method === 'PUT' || method === 'DELETE' ? true : undefined),
	})) as T;
}

/** A paged list with the node's Return All / Limit. */
export async function list(ctx: IExecuteFunctions, i: number, path: string, qs: IDataObject = {}, notFound?: string): Promise<IDataObject[]> {
	const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
	const limit = ctx.getNodeParameter('limit', i, 50) as number;
	return await vendorRequestAll.call(ctx, rmProfile, { method: 'GET', path, qs, itemIndex: i, notFoundLabel: notFound }, { returnAll, limit });
}

/** Every record of a list (searches and look-ups), up to `cap` records. */
export async function listEvery(ctx: IExecuteFunctions, i: number, path: string, qs: IDataObject = {}, cap?: number): Promise<IDataObject[]> {
	return await vendorRequestAll.call(
		ctx,
		rmProfile,
		{ method: 'GET', path, qs, itemIndex: i },
		cap ? { returnAll: false, limit: cap } : { returnAll: true },
	);
}

/** Bodies of writes that answer `{ data: [...] }` become items; single objects stay as they are. */
export function unwrap(body: unknown): IDataObject | IDataObject[] {
	if (body && typeof body === 'object' && Array.isArray((body as IDataObject).data)) return (body as IDataObject).data as IDataObject[];
	if (body === undefined || body === null || body === '') return { success: true };
	return body as IDataObject;
}

// ------------------------------------------------------------------------------------------------
// Parameters
// ------------------------------------------------------------------------------------------------

/** A numeric record ID from a plain field or a resource locator, checked before anything is sent. */
export function idOf(ctx: IExecuteFunctions, name: string, i: number, label: string): number {
	const value = ctx.getNodeParameter(name, i, '', { extractValue: true });
	return requirePositiveInteger(ctx.getNode(), i, label, value);
}

/** Optional numeric ID (empty → undefined). */
export function optionalId(ctx: IExecuteFunctions, value: unknown, i: number, label: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'object' && value !== null && 'value' in (value as IDataObject)) {
		return optionalId(ctx, (value as IDataObject).value, i, label);
	}
	return requirePositiveInteger(ctx.getNode(), i, label, value);
}

/** A list of IDs from "1, 2, 3", an array, or a number. */
export function idList(ctx: IExecuteFunctions, value: unknown, i: number, label: string): number[] {
	const parts = Array.isArray(value)
		? value
		: typeof value === 'number'
			? [value]
			: String(value ?? '')
					.split(/[\s,;]+/)
					.filter(Boolean);
	if (!parts.length) throw invalidInput(ctx.getNode(), i, label, 'is required: give one ID or several separated by commas');
	return parts.map((p) => requirePositiveInteger(ctx.getNode(), i, label, p));
}

/** Dates from n8n fields, expressions and `{{ $now }}` (luxon) alike: the shared validation reads them all. */
export function date(ctx: IExecuteFunctions, i: number, label: string, value: unknown): string {
	return toDateOnly(ctx.getNode(), i, label, value);
}

export function optionalDate(ctx: IExecuteFunctions, i: number, label: string, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return toDateOnly(ctx.getNode(), i, label, value);
}

export function number(ctx: IExecuteFunctions, i: number, label: string, value: unknown, bounds?: { min?: number; max?: number; exclusiveMin?: number }): number {
	return requireNumber(ctx.getNode(), i, label, value, bounds);
}

/** Comma-joined `fields=` from a multi-select. */
export function fieldsQuery(ctx: IExecuteFunctions, i: number, name = 'fields'): IDataObject {
	const chosen = ctx.getNodeParameter(name, i, []) as string[];
	return chosen.length ? { fields: chosen.join(',') } : {};
}

/** Removes undefined, null-by-omission and empty strings from a body. */
export function compact(body: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (value === undefined || value === '') continue;
		out[key] = value;
	}
	return out;
}

/**
 * Copies `additionalFields`-style options into a body: dates to YYYY-MM-DD, numbers checked, IDs checked,
 * resource-locator values unwrapped.
 */
export function fieldsToBody(
	ctx: IExecuteFunctions,
	i: number,
	fields: IDataObject,
	kinds: { dates?: string[]; numbers?: string[]; ids?: string[]; labels?: Record<string, string> } = {},
): IDataObject {
	const body: IDataObject = {};
	const label = (key: string) => kinds.labels?.[key] ?? key;
	for (const [key, raw] of Object.entries(fields)) {
		let value: unknown = raw;
		if (value && typeof value === 'object' && !Array.isArray(value) && '__rl' in (value as IDataObject)) value = (value as IDataObject).value;
		if (value === undefined || value === '') continue;
		if (kinds.dates?.includes(key)) body[key] = date(ctx, i, label(key), value);
		else if (kinds.numbers?.includes(key)) body[key] = number(ctx, i, label(key), value);
		else if (kinds.ids?.includes(key)) body[key] = optionalId(ctx, value, i, label(key));
		else body[key] = value as IDataObject[keyof IDataObject];
	}
	return body;
}

// ------------------------------------------------------------------------------------------------
// Description builders
// ------------------------------------------------------------------------------------------------

export function operationProperty(resource: string, options: INodePropertyOptions[], defaultOp: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOp,
	};
}

export function show(resource: string, operation: string | string[], extra: Show = {}): { show: Show } {
	return { show: { resource: [resource], operation: ([] as string[]).concat(operation), ...extra } };
}

export function returnAllLimit(resource: string, operation: string | string[], extra: Show = {}): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: show(resource, operation, extra),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: show(resource, operation, { ...extra, returnAll: [false] }),
		},
	];
}

type LocatorKind = 'project' | 'user' | 'leaveType' | 'phase' | 'role' | 'discipline' | 'statusOption' | 'placeholder';

const LOCATOR: Record<LocatorKind, { search: string; label: string; example: string }> = {
	project: { search: 'searchProjects', label: 'project', example: '1245' },
	user: { search: 'searchUsers', label: 'user', example: '104' },
	leaveType: { search: 'searchLeaveTypes', label: 'leave type', example: '100' },
	phase: { search: 'searchPhases', label: 'phase', example: '1250' },
	role: { search: 'searchRoles', label: 'role', example: '1' },
	discipline: { search: 'searchDisciplines', label: 'discipline', example: '1' },
	statusOption: { search: 'searchStatusOptions', label: 'status option', example: '1' },
	placeholder: { search: 'searchPlaceholders', label: 'placeholder', example: '150' },
};

/** A resource locator (From List with search / By ID) for one of the main records. */
export function locator(
	kind: LocatorKind,
	name: string,
	displayName: string,
	displayOptions: { show: Show },
	options: { required?: boolean; description?: string } = {},
): INodeProperties {
	const meta = LOCATOR[kind];
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description,
		...(Object.keys(displayOptions.show).length ? { displayOptions } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${meta.label}...`,
				typeOptions: { searchListMethod: meta.search, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${meta.example}`,
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `The ${meta.label} ID is a number` } }],
			},
		],
	};
}

export function idField(name: string, displayName: string, displayOptions: { show: Show }, description?: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', placeholder: 'e.g. 12345', description, displayOptions };
}

export function fieldsOption(displayOptions: { show: Show }, values: Array<[string, string]>, description = 'Related records to include in each result (the API\'s "fields" parameter)'): INodeProperties {
	return {
		displayName: 'Include Fields',
		name: 'fields',
		type: 'multiOptions',
		default: [],
		description,
		displayOptions,
		options: values.map(([value, nameText]) => ({ name: nameText, value })).sort((a, b) => a.name.localeCompare(b.name)),
	};
}

export function simplifyOption(displayOptions: { show: Show }): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions,
	};
}

/** Keeps the listed keys (and any nested `fields=` collections the user asked for). */
export function pick(record: IDataObject, keys: string[], extra: string[] = []): IDataObject {
	const out: IDataObject = {};
	for (const key of [...keys, ...extra]) if (key in record) out[key] = record[key];
	return out;
}

export function maybeSimplify(ctx: IExecuteFunctions, i: number, records: IDataObject | IDataObject[], keys: string[]): IDataObject | IDataObject[] {
	const simplify = ctx.getNodeParameter('simplify', i, false) as boolean;
	if (!simplify) return records;
	const extra = ctx.getNodeParameter('fields', i, []) as string[];
	const apply = (r: IDataObject) => pick(r, keys, extra);
	return Array.isArray(records) ? records.map(apply) : apply(records);
}

export const ALLOCATION_MODES: INodePropertyOptions[] = [
	{ name: 'Fixed Hours (Total)', value: 'fixed', description: 'A fixed number of hours over the whole assignment' },
	{ name: 'Hours per Day', value: 'hours_per_day' },
	{ name: 'Percent of Availability', value: 'percent' },
];

export { asNodeError } from '../../shared/execute';
