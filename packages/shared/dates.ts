import type { INode } from 'n8n-workflow';

import { dateText, invalidInput, valueText } from './validation';

/**
 * One strict date/time reader for every vendor: real calendar dates, times 00:00–23:59, and errors
 * that name the field and the row. What the user wrote is kept as written (a wall-clock date and
 * time); only the vendor's format on the wire differs, and that is the caller's `format…` choice.
 */
export interface WallDate {
	year: number;
	month: number;
	day: number;
}

export interface WallTime {
	hour: number;
	minute: number;
	second: number;
}

export interface WallDateTime extends WallDate, WallTime {
	/** The UTC offset or zone written after the time ("Z", "+01:00"), if any. */
	offset?: string;
	/** True when the value carried a time, not just a date. */
	hasTime: boolean;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isRealDate(year: number, month: number, day: number): boolean {
	if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
	const date = new Date(Date.UTC(2000, month - 1, day));
	date.setUTCFullYear(year);
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

function isRealTime(hour: number, minute: number, second = 0): boolean {
	return (
		[hour, minute, second].every(Number.isInteger) &&
		hour >= 0 &&
		hour <= 23 &&
		minute >= 0 &&
		minute <= 59 &&
		second >= 0 &&
		second <= 59
	);
}

const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A date with an optional time: "2025-07-01", "2025-07-01T08:30", "2025-07-01 08:30:00+02:00", a JS
 * Date or a luxon DateTime (what `{{ $now }}` gives). Refuses "2025-02-30" and "2025-07-01T25:00".
 */
export function parseDateTime(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
): WallDateTime {
	const text = dateText(value);
	const match = DATE_TIME.exec(text);
	if (!match) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`must be a date like 2025-07-01 or a date and time like 2025-07-01T08:30, got "${String(text || (value ?? ''))}"`,
		);
	}
	const [, y, mo, d, h, mi, s, offset] = match;
	const date = { year: Number(y), month: Number(mo), day: Number(d) };
	if (!isRealDate(date.year, date.month, date.day)) {
		throw invalidInput(node, itemIndex, field, `is not a real calendar date: "${text}"`);
	}
	const time = { hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0) };
	if (h !== undefined && !isRealTime(time.hour, time.minute, time.second)) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`has a time that does not exist (use 00:00–23:59): "${text}"`,
		);
	}
	return {
		...date,
		...time,
		hasTime: h !== undefined,
		offset: offset ? offset.toUpperCase() : undefined,
	};
}

/**
 * A calendar date; a time after it is ignored on purpose ("2026-11-10T00:00:00+01:00" is the 10th).
 */
export function parseDate(node: INode, itemIndex: number, field: string, value: unknown): WallDate {
	const { year, month, day } = parseDateTime(node, itemIndex, field, value);
	return { year, month, day };
}

/** A time of day "HH:mm" or "HH:mm:ss", 00:00–23:59. */
export function parseTime(node: INode, itemIndex: number, field: string, value: unknown): WallTime {
	const text = valueText(value);
	const match = TIME.exec(text);
	if (!match)
		throw invalidInput(
			node,
			itemIndex,
			field,
			`must be a time like 08:30, got "${String(value ?? '')}"`,
		);
	const time = { hour: Number(match[1]), minute: Number(match[2]), second: Number(match[3] ?? 0) };
	if (!isRealTime(time.hour, time.minute, time.second)) {
		throw invalidInput(node, itemIndex, field, `is not a time of day (use 00:00–23:59): "${text}"`);
	}
	return time;
}

/** YYYY-MM-DD */
export function formatIsoDate(d: WallDate): string {
	return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** HH:mm, or HH:mm:ss with `seconds`. */
export function formatTime(t: WallTime, seconds = false): string {
	return `${pad(t.hour)}:${pad(t.minute)}${seconds ? `:${pad(t.second)}` : ''}`;
}

/** YYYY-MM-DDTHH:mm:ss without an offset (a wall-clock date-time). */
export function formatLocalDateTime(d: WallDate & WallTime): string {
	return `${formatIsoDate(d)}T${formatTime(d, true)}`;
}

/**
 * Reads a date a vendor answered in dd.MM.yyyy (optionally with HH:mm[:ss]) → ISO text, or
 * undefined.
 */
export function dottedToIso(text: unknown): string | undefined {
	if (typeof text !== 'string') return undefined;
	const m = /^(\d{2})\.(\d{2})\.(\d{4})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
	if (!m || !isRealDate(Number(m[3]), Number(m[2]), Number(m[1]))) return undefined;
	const date = `${m[3]}-${m[2]}-${m[1]}`;
	return m[4] === undefined ? date : `${date}T${m[4]}:${m[5]}:${m[6] ?? '00'}`;
}

/**
 * Accepts n8n date fields (ISO strings with or without time, Dates, luxon DateTimes) and returns
 * YYYY-MM-DD.
 */
export function toDateOnly(node: INode, itemIndex: number, field: string, value: unknown): string {
	return formatIsoDate(parseDate(node, itemIndex, field, value));
}
