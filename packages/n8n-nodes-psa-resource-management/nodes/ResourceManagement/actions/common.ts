import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';

import { defineOperation, defineResource } from '../../../../shared/operation';
import {
	locator as kitLocator,
	pick,
	readId,
	readOptionalId,
	readPaging,
	returnAllLimit,
	show,
	type Show,
} from '../../../../shared/kit';
import { vendorRequestAll } from '../../../../shared/paging';
import { vendorRequest } from '../../../../shared/transport';
import { toDateOnly } from '../../../../shared/dates';
import { invalidInput, requireNumber, requirePositiveInteger } from '../../../../shared/validation';
import { rmProfile } from '../transport';

/**
 * What Resource Management keeps for itself on top of the shared kit: its requests (the `auth`
 * profile, link-next paging), its locators' list methods, `fields=` options and Simplify key lists.
 * IDs are numeric and read with the kit's `readId` / `readOptionalId`.
 */

// ------------------------------------------------------------------------------------------------
// Requests
// ------------------------------------------------------------------------------------------------

interface CallOptions {
	qs?: IDataObject;
	body?: IDataObject;
	notFound?: string;
}

/**
 * One request through the shared helper (paced, 429-aware, vendor errors mapped, row named).
 * Whether it writes follows its method, unless its operation is declared read-only (a report sent
 * as POST): then it is a read, safe to resend.
 */
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
	})) as T;
}

/**
 * A paged list with the node's Return All / Limit. A client-side `filter` is applied page by page,
 * and paging stops as soon as Limit matching records are in hand.
 */
export async function list(
	ctx: IExecuteFunctions,
	i: number,
	path: string,
	qs: IDataObject = {},
	options: { notFound?: string; filter?: (record: IDataObject) => boolean } = {},
): Promise<IDataObject[]> {
	return await vendorRequestAll.call(
		ctx,
		rmProfile,
		{ method: 'GET', path, qs, itemIndex: i, notFoundLabel: options.notFound },
		{ ...readPaging(ctx, i), filter: options.filter },
	);
}

/** Bodies of writes that answer `{ data: [...] }` become items; single objects stay as they are. */
export function unwrap(body: unknown): IDataObject | IDataObject[] {
	if (body && typeof body === 'object' && Array.isArray((body as IDataObject).data))
		return (body as IDataObject).data as IDataObject[];
	if (body === undefined || body === null || body === '') return { success: true };
	return body as IDataObject;
}

// ------------------------------------------------------------------------------------------------
// Parameters
// ------------------------------------------------------------------------------------------------

/** A list of IDs from "1, 2, 3", an array, or a number. */
export function idList(ctx: IExecuteFunctions, value: unknown, i: number, label: string): number[] {
	const parts = Array.isArray(value)
		? value
		: typeof value === 'number'
			? [value]
			: String(value ?? '')
					.split(/[\s,;]+/)
					.filter(Boolean);
	if (!parts.length)
		throw invalidInput(
			ctx.getNode(),
			i,
			label,
			'is required: give one ID or several separated by commas',
		);
	return parts.map((p) => requirePositiveInteger(ctx.getNode(), i, label, p));
}

/** A calendar date (YYYY-MM-DD on the wire) through the shared strict date reader. */
export function date(ctx: IExecuteFunctions, i: number, label: string, value: unknown): string {
	return toDateOnly(ctx.getNode(), i, label, value);
}

export function optionalDate(
	ctx: IExecuteFunctions,
	i: number,
	label: string,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return toDateOnly(ctx.getNode(), i, label, value);
}

export function number(
	ctx: IExecuteFunctions,
	i: number,
	label: string,
	value: unknown,
	bounds?: { min?: number; max?: number; exclusiveMin?: number },
): number {
	return requireNumber(ctx.getNode(), i, label, value, bounds);
}

/** A required text parameter, trimmed. */
export function requiredText(
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	label: string,
): string {
	const value = String(ctx.getNodeParameter(name, i, '') ?? '').trim();
	if (!value) throw invalidInput(ctx.getNode(), i, label, 'is required');
	return value;
}

/** Comma-joined `fields=` from a multi-select. */
export function fieldsQuery(ctx: IExecuteFunctions, i: number, name = 'fields'): IDataObject {
	const chosen = ctx.getNodeParameter(name, i, []) as string[];
	return chosen.length ? { fields: chosen.join(',') } : {};
}

/** Update Fields → body; at least one field must be chosen. */
export function requireChanges(
	ctx: IExecuteFunctions,
	i: number,
	body: IDataObject,
	label = 'Update Fields',
): IDataObject {
	if (!Object.keys(body).length)
		throw invalidInput(ctx.getNode(), i, label, 'choose at least one field to change');
	return body;
}

/**
 * Copies `additionalFields`-style options into a body: dates to YYYY-MM-DD, numbers checked, IDs
 * checked (read from the collection parameter `collection` with the kit's `readOptionalId`),
 * resource-locator values unwrapped.
 */
export function fieldsToBody(
	ctx: IExecuteFunctions,
	i: number,
	fields: IDataObject,
	kinds: {
		dates?: string[];
		numbers?: string[];
		ids?: { collection: string; keys: string[] };
		labels?: Record<string, string>;
	} = {},
): IDataObject {
	const body: IDataObject = {};
	const label = (key: string) => kinds.labels?.[key] ?? key;
	for (const [key, raw] of Object.entries(fields)) {
		let value: unknown = raw;
		if (
			value &&
			typeof value === 'object' &&
			!Array.isArray(value) &&
			'__rl' in (value as IDataObject)
		)
			value = (value as IDataObject).value;
		if (value === undefined || value === '') continue;
		if (kinds.dates?.includes(key)) body[key] = date(ctx, i, label(key), value);
		else if (kinds.numbers?.includes(key)) body[key] = number(ctx, i, label(key), value);
		else if (kinds.ids?.keys.includes(key))
			body[key] = readOptionalId(ctx, i, `${kinds.ids.collection}.${key}`, label(key));
		else body[key] = value as IDataObject[keyof IDataObject];
	}
	return body;
}

// ------------------------------------------------------------------------------------------------
// Description builders (RM-specific on top of the kit)
// ------------------------------------------------------------------------------------------------

type LocatorKind =
	| 'project'
	| 'user'
	| 'leaveType'
	| 'phase'
	| 'role'
	| 'discipline'
	| 'statusOption'
	| 'placeholder';

const LOCATOR: Record<LocatorKind, { search: string; label: string; example: string }> = {
	project: { search: 'searchProjects', label: 'project', example: '1245' },
	user: { search: 'searchUsers', label: 'person', example: '104' },
	leaveType: { search: 'searchLeaveTypes', label: 'leave type', example: '100' },
	phase: { search: 'searchPhases', label: 'phase', example: '1250' },
	role: { search: 'searchRoles', label: 'role', example: '1' },
	discipline: { search: 'searchDisciplines', label: 'discipline', example: '1' },
	statusOption: { search: 'searchStatusOptions', label: 'status option', example: '1' },
	placeholder: { search: 'searchPlaceholders', label: 'placeholder', example: '150' },
};

/** The kit's resource locator (From List with search / By ID) for one of the main records. */
export function locator(
	kind: LocatorKind,
	name: string,
	displayName: string,
	displayOptions: { show: Show } | undefined,
	options: { required?: boolean; description?: string } = {},
): INodeProperties {
	const meta = LOCATOR[kind];
	return kitLocator({
		name,
		displayName,
		searchListMethod: meta.search,
		label: meta.label,
		idExample: meta.example,
		displayOptions,
		required: options.required,
		description: options.description,
	});
}

/** Include Fields: the API's `fields=` choices of one operation. */
export function fieldsOption(
	displayOptions: { show: Show },
	values: Array<[string, string]>,
): INodeProperties {
	return {
		displayName: 'Include Fields',
		name: 'fields',
		type: 'multiOptions',
		default: [],
		description: 'Related records to include in each result (the API\'s "fields" parameter)',
		displayOptions,
		options: values
			.map(([value, nameText]) => ({ name: nameText, value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}

/** Simplify: keeps the listed keys (and any nested `fields=` collections the user asked for). */
export function maybeSimplify(
	ctx: IExecuteFunctions,
	i: number,
	records: IDataObject | IDataObject[],
	keys: string[],
): IDataObject | IDataObject[] {
	const simplify = ctx.getNodeParameter('simplify', i, false) as boolean;
	if (!simplify) return records;
	const extra = ctx.getNodeParameter('fields', i, []) as string[];
	const apply = (r: IDataObject) => pick(r, [...keys, ...extra]);
	return Array.isArray(records) ? records.map(apply) : apply(records);
}

/**
 * A read-only account list (disciplines, roles, leave types): Get (by locator) and Get Many. Each
 * of them is declared in its own file (`discipline.ts`, `role.ts`, `leaveType.ts`) with this
 * builder.
 */
export function lookupResource(options: {
	value: string;
	name: string;
	path: string;
	kind: 'discipline' | 'role' | 'leaveType';
	singular: string;
}) {
	const { value, name, path, kind, singular } = options;
	const get = defineOperation({
		value: 'get',
		name: 'Get',
		action: `Get a ${singular}`,
		readOnly: true,
		properties: [locator(kind, 'recordId', name, show(value, 'get'))],
		async handler(this: IExecuteFunctions, i: number) {
			const id = readId(this, i, 'recordId', name);
			return await api(this, i, 'GET', `${path}/${id}`, { notFound: `${name} ${id}` });
		},
	});
	const getAll = defineOperation({
		value: 'getAll',
		name: 'Get Many',
		action: `Get many ${singular}s`,
		readOnly: true,
		properties: returnAllLimit(value, 'getAll'),
		async handler(this: IExecuteFunctions, i: number) {
			return await list(this, i, path);
		},
	});
	return defineResource({ value, name, defaultOperation: getAll.value, operations: [get, getAll] });
}
