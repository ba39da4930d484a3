import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { invalidInput, requirePositiveInteger } from '../../shared';

export type Handler = (this: IExecuteFunctions, i: number) => Promise<IDataObject | IDataObject[] | INodeExecutionData[]>;

/** Value of a resource locator or plain ID field, checked as a Blikk ID (positive whole number). */
export function idParam(ctx: IExecuteFunctions, i: number, name: string, label: string): number {
	const value = ctx.getNodeParameter(name, i, '', { extractValue: true }) as unknown;
	return requirePositiveInteger(ctx.getNode(), i, label, typeof value === 'string' ? value.trim() : value);
}

/** Same for an optional ID: empty → undefined. */
export function optionalId(ctx: IExecuteFunctions, i: number, name: string, label: string): number | undefined {
	const value = ctx.getNodeParameter(name, i, '', { extractValue: true }) as unknown;
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || value === 0) return undefined;
	return requirePositiveInteger(ctx.getNode(), i, label, typeof value === 'string' ? value.trim() : value);
}

export function idValue(ctx: IExecuteFunctions, i: number, label: string, value: unknown): number | undefined {
	if (value === undefined || value === null || value === '' || value === 0) return undefined;
	const v = value && typeof value === 'object' && 'value' in (value as IDataObject) ? (value as IDataObject).value : value;
	if (v === undefined || v === null || v === '') return undefined;
	return requirePositiveInteger(ctx.getNode(), i, label, typeof v === 'string' ? v.trim() : v);
}

/** Comma-separated or array input of IDs → number[] (each checked). */
export function idList(ctx: IExecuteFunctions, i: number, label: string, value: unknown): number[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const parts = Array.isArray(value) ? value : String(value).split(',');
	const ids = parts.map((p) => (typeof p === 'string' ? p.trim() : p)).filter((p) => p !== '' && p !== undefined && p !== null);
	if (!ids.length) return undefined;
	return ids.map((p) => requirePositiveInteger(ctx.getNode(), i, label, p));
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * n8n date/time → Blikk's `yyyy-MM-dd HH:mm:ss`. Values with a zone (Z, +02:00) are converted to UTC (the
 * docs call these fields "datetime utc"); values without one are sent as written.
 */
export function toBlikkDateTime(ctx: IExecuteFunctions, i: number, label: string, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = typeof value === 'string' ? value.trim() : value instanceof Date ? value.toISOString() : String(value);
	const local = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/.exec(text);
	if (local) {
		const [, date, h = '00', m = '00', s = '00'] = local;
		if (Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw invalidInput(ctx.getNode(), i, label, `is not a real date: "${text}"`);
		return `${date} ${h}:${m}:${s}`;
	}
	const parsed = Date.parse(text);
	if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(parsed)) {
		throw invalidInput(ctx.getNode(), i, label, `must be a date or date and time (YYYY-MM-DD or YYYY-MM-DD HH:mm), got "${text}"`);
	}
	const d = new Date(parsed);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Drops undefined values (so a merge only changes what the user set). */
export function defined(values: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = v;
	return out;
}

/** Query object for a list: filters become `filter.<name>`. */
export function listQuery(filters: IDataObject, options: IDataObject = {}): IDataObject {
	const qs: IDataObject = {};
	for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '' && v !== null) qs[`filter.${k}`] = v;
	if (options.sortBy) qs.sortBy = options.sortBy;
	if (options.sortOrder) qs.sortOrder = options.sortOrder;
	return qs;
}

export function listOptions(ctx: IExecuteFunctions, i: number): { returnAll: boolean; limit: number } {
	const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? 0 : (ctx.getNodeParameter('limit', i, 50) as number);
	return { returnAll, limit };
}

/** JSON parameter (string or object) → value, with an error naming the field. */
export function jsonParam(ctx: IExecuteFunctions, i: number, label: string, value: unknown): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		throw invalidInput(ctx.getNode(), i, label, 'is not valid JSON');
	}
}


/**
 * A day (time report date, list spans): the calendar date as written, YYYY-MM-DD. A time or zone after it
 * is ignored on purpose: "2026-11-10T00:00:00+01:00" is the 10th, not the 9th in UTC.
 */
export function toBlikkDate(ctx: IExecuteFunctions, i: number, label: string, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = typeof value === 'string' ? value.trim() : value instanceof Date ? value.toISOString() : String(value);
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
	const check = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
	if (!match || !check || check.getUTCDate() !== Number(match[3]) || check.getUTCMonth() !== Number(match[2]) - 1) {
		throw invalidInput(ctx.getNode(), i, label, `must be a date (YYYY-MM-DD), got "${text}"`);
	}
	return `${match[1]}-${match[2]}-${match[3]}`;
}
