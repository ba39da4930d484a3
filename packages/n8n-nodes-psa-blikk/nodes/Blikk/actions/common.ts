import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	formatIsoDate,
	formatLocalDateTime,
	formatTime,
	parseDate,
	parseDateTime,
	parseTime,
} from '../../../../shared/dates';
import {
	locator as kitLocator,
	readPaging,
	returnAllLimit,
	show,
	type Show,
} from '../../../../shared/kit';
import { invalidInput, requirePositiveInteger } from '../../../../shared/validation';
import { blikkList } from '../transport';

/**
 * What every Blikk resource shares: the record picker, the list fields (Return All / Limit,
 * Filters, Sort By / Sort Order) and Blikk's value formats. Requests go through `../transport`.
 */

/** The "standard" choice of Log Time's activity, time code and time article dropdowns. */
export const STANDARD = 'standard';

export const MERGE_HINT =
	'Blikk replaces the whole record on update. The node first reads the current record and sends it back with only the fields set here changed.';

/** A Blikk record picker: From List (searchable) or By ID (Blikk IDs are whole numbers). */
export function locator(
	name: string,
	displayName: string,
	searchListMethod: string,
	displayOptions: { show: Show },
	{
		required = true,
		description,
		label,
	}: { required?: boolean; description?: string; label?: string } = {},
): INodeProperties {
	return kitLocator({
		name,
		displayName,
		searchListMethod,
		displayOptions,
		required,
		description,
		label: label ?? displayName.replace(/ ID$/, '').toLowerCase(),
		idError: 'Not a valid Blikk ID (a whole number)',
	});
}

/** Sort By / Sort Order options for a list, as the docs name them per endpoint. */
function sortOptions(values: string[]): INodeProperties[] {
	const label = (v: string) => v.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
	const first = values[0];
	return [
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			default: first,
			options: values
				.slice()
				.sort((a, b) => label(a).localeCompare(label(b)))
				.map((value) => ({ name: label(value), value })),
			description: 'Property to sort the list by',
		},
		{
			displayName: 'Sort Order',
			name: 'sortOrder',
			type: 'options',
			default: 'ascending',
			options: [
				{ name: 'Ascending', value: 'ascending' },
				{ name: 'Descending', value: 'descending' },
			],
		},
	];
}

/**
 * The fields of a Blikk list (every one is `GET ?page=`, at most 100 a page): Return All / Limit,
 * the given filters (a Filters collection), `beforeOptions`, then the Options collection (Sort By /
 * Sort Order).
 */
export function listFields(
	resource: string,
	sortBy: string[],
	filters: INodeProperties[] = [],
	beforeOptions: INodeProperties[] = [],
): INodeProperties[] {
	const displayOptions = show(resource, 'getAll');
	return [
		...returnAllLimit(resource, 'getAll', {}, { maxLimit: 100000 }),
		...(filters.length
			? [
					{
						displayName: 'Filters',
						name: 'filters',
						type: 'collection',
						placeholder: 'Add Filter',
						default: {},
						displayOptions,
						options: filters,
					} satisfies INodeProperties,
				]
			: []),
		...beforeOptions,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions,
			options: sortOptions(sortBy),
		},
	];
}

/** Query object for a list: filters become `filter.<name>`; sorting from the Options collection. */
export function listQuery(filters: IDataObject, options: IDataObject = {}): IDataObject {
	const qs: IDataObject = {};
	for (const [k, v] of Object.entries(filters))
		if (v !== undefined && v !== '' && v !== null) qs[`filter.${k}`] = v;
	if (options.sortBy) qs.sortBy = options.sortBy;
	if (options.sortOrder) qs.sortOrder = options.sortOrder;
	return qs;
}

/** Comma-separated or array input of IDs → number[] (each checked). */
export function idList(
	ctx: IExecuteFunctions,
	i: number,
	label: string,
	value: unknown,
): number[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const parts = Array.isArray(value) ? value : String(value).split(',');
	const ids = parts
		.map((p) => (typeof p === 'string' ? p.trim() : p))
		.filter((p) => p !== '' && p !== undefined && p !== null);
	if (!ids.length) return undefined;
	return ids.map((p) => requirePositiveInteger(ctx.getNode(), i, label, p));
}

const empty = (value: unknown) => value === undefined || value === null || value === '';

/**
 * n8n date/time → Blikk's `yyyy-MM-dd HH:mm:ss` (read by the shared strict date module: no 30
 * February, no 25:00). Values with a zone (Z, +02:00) are converted to UTC, as the docs call these
 * fields "datetime utc"; values without one are sent as written.
 */
export function toBlikkDateTime(
	ctx: IExecuteFunctions,
	i: number,
	label: string,
	value: unknown,
): string | undefined {
	if (empty(value)) return undefined;
	const d = parseDateTime(ctx.getNode(), i, label, value);
	const offset = d.offset && d.offset !== 'Z' ? /^([+-])(\d{2}):?(\d{2})$/.exec(d.offset) : null;
	if (!d.offset || !offset) {
		return formatLocalDateTime(d).replace('T', ' ');
	}
	const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
	const utc = new Date(
		Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second) - minutes * 60_000,
	);
	return formatLocalDateTime({
		year: utc.getUTCFullYear(),
		month: utc.getUTCMonth() + 1,
		day: utc.getUTCDate(),
		hour: utc.getUTCHours(),
		minute: utc.getUTCMinutes(),
		second: utc.getUTCSeconds(),
	}).replace('T', ' ');
}

/**
 * A day (time report date, list spans): the calendar date as written, YYYY-MM-DD. A time or zone
 * after it is ignored on purpose ("2026-11-10T00:00:00+01:00" is the 10th, not the 9th in UTC), but
 * it must exist.
 */
export function toBlikkDate(
	ctx: IExecuteFunctions,
	i: number,
	label: string,
	value: unknown,
): string | undefined {
	if (empty(value)) return undefined;
	return formatIsoDate(parseDate(ctx.getNode(), i, label, value));
}

/**
 * A time of day → Blikk's "hh:mm" (24-hour clock); empty → null (clears it), not given → undefined.
 */
export function toBlikkClock(
	ctx: IExecuteFunctions,
	i: number,
	label: string,
	value: unknown,
): string | null | undefined {
	if (value === undefined) return undefined;
	if (empty(value) || (typeof value === 'string' && !value.trim())) return null;
	return formatTime(parseTime(ctx.getNode(), i, label, value));
}

/** JSON parameter (string or object) → value, with an error naming the field. */
export function jsonParam(
	ctx: IExecuteFunctions,
	i: number,
	label: string,
	value: unknown,
): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		throw invalidInput(ctx.getNode(), i, label, 'is not valid JSON');
	}
}

/** A reference to another Blikk record as read ({ id, name }) → its ID. */
export const refId = (v: unknown) => ((v as IDataObject | null)?.id as number | undefined) ?? null;

/**
 * One Blikk list with the user's Return All / Limit (and an optional filter applied page by page).
 */
export async function listRecords(
	ctx: IExecuteFunctions,
	i: number,
	path: string,
	qs: IDataObject,
	filter?: (record: IDataObject) => boolean,
): Promise<IDataObject[]> {
	return await blikkList.call(
		ctx,
		{ method: 'GET', path, qs, itemIndex: i },
		{ ...readPaging(ctx, i), filter },
	);
}

/** The Sort By / Sort Order choice of a list's Options collection, as query parameters. */
export function sortQuery(ctx: IExecuteFunctions, i: number): IDataObject {
	return listQuery({}, ctx.getNodeParameter('options', i, {}) as IDataObject);
}
