import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationHandler } from '../../../../shared/execute';
import {
	formatIsoDate,
	formatLocalDateTime,
	parseDate,
	parseDateTime,
	parseTime,
	formatTime,
} from '../../../../shared/dates';
import { invalidInput, requirePositiveInteger } from '../../../../shared/validation';

/** One handler contract for every node: `(this: IExecuteFunctions, itemIndex)` (the shared `OperationTable`). */
export type Handler = OperationHandler;

/** Value of a resource locator or plain ID field, checked as a Blikk ID (positive whole number). */
export function idParam(ctx: IExecuteFunctions, i: number, name: string, label: string): number {
	const value = ctx.getNodeParameter(name, i, '', { extractValue: true }) as unknown;
	return requirePositiveInteger(
		ctx.getNode(),
		i,
		label,
		typeof value === 'string' ? value.trim() : value,
	);
}

/** Same for an optional ID: empty → undefined. */
export function optionalId(
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	label: string,
): number | undefined {
	const value = ctx.getNodeParameter(name, i, '', { extractValue: true }) as unknown;
	return idValue(ctx, i, label, value);
}

export function idValue(
	ctx: IExecuteFunctions,
	i: number,
	label: string,
	value: unknown,
): number | undefined {
	if (value === undefined || value === null || value === '' || value === 0) return undefined;
	const v =
		value && typeof value === 'object' && 'value' in (value as IDataObject)
			? (value as IDataObject).value
			: value;
	if (v === undefined || v === null || v === '' || v === 0) return undefined;
	return requirePositiveInteger(ctx.getNode(), i, label, typeof v === 'string' ? v.trim() : v);
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
 * n8n date/time → Blikk's `yyyy-MM-dd HH:mm:ss` (read by the shared strict date module: no 30 February, no
 * 25:00). Values with a zone (Z, +02:00) are converted to UTC, as the docs call these fields "datetime utc";
 * values without one are sent as written.
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
 * A day (time report date, list spans): the calendar date as written, YYYY-MM-DD. A time or zone after it
 * is ignored on purpose ("2026-11-10T00:00:00+01:00" is the 10th, not the 9th in UTC), but it must exist.
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

/** A time of day → Blikk's "hh:mm" (24-hour clock); empty → null (clears it), not given → undefined. */
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

/** Query object for a list: filters become `filter.<name>`. */
export function listQuery(filters: IDataObject, options: IDataObject = {}): IDataObject {
	const qs: IDataObject = {};
	for (const [k, v] of Object.entries(filters))
		if (v !== undefined && v !== '' && v !== null) qs[`filter.${k}`] = v;
	if (options.sortBy) qs.sortBy = options.sortBy;
	if (options.sortOrder) qs.sortOrder = options.sortOrder;
	return qs;
}

export function listOptions(
	ctx: IExecuteFunctions,
	i: number,
): { returnAll: boolean; limit: number } {
	const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? 0 : (ctx.getNodeParameter('limit', i, 50) as number);
	return { returnAll, limit };
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
