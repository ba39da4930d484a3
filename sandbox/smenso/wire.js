'use strict';
/**
 * smenso sandbox wire helpers: time zones (CLDR windowsZones), dates (no UTC offsets, dd.MM.yyyy answers),
 * minutes, GUIDs, and a small multipart/form-data parser for attachment uploads. Dev-only.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// ---------- time zones ----------
let windowsNames = new Set();
const ianaFromCldr = new Set();
try {
	// cldr-core is a dev dependency of this repo; the sandbox is dev-only.
	const data = require('cldr-core/supplemental/windowsZones.json');
	for (const { mapZone } of data.supplemental.windowsZones.mapTimezones) {
		windowsNames.add(mapZone._other);
		for (const iana of String(mapZone._type).split(/\s+/)) if (iana) ianaFromCldr.add(iana);
	}
} catch {
	windowsNames = new Set([
		'W. Europe Standard Time',
		'GMT Standard Time',
		'Central Europe Standard Time',
		'Romance Standard Time',
		'UTC',
		'Eastern Standard Time',
		'Pacific Standard Time',
		'Tokyo Standard Time',
		'AUS Eastern Standard Time',
		'Central Standard Time',
	]);
	for (const z of [
		'Europe/Berlin',
		'Europe/London',
		'Europe/Vienna',
		'Europe/Zurich',
		'Europe/Paris',
		'America/New_York',
		'America/Chicago',
		'America/Los_Angeles',
		'Asia/Tokyo',
		'Australia/Sydney',
		'Etc/UTC',
	])
		ianaFromCldr.add(z);
}

function isWindowsZone(value) {
	return typeof value === 'string' && windowsNames.has(value);
}

function isIanaZone(value) {
	if (typeof value !== 'string' || !value) return false;
	if (value === 'UTC') return true; // both a Windows and an IANA name
	if (windowsNames.has(value) && !ianaFromCldr.has(value)) return false;
	if (value !== 'UTC' && !value.includes('/')) return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

/** The list GET integration/timezones/json answers: IANA ids (item style inferred; the pages only say "identifiers"). */
function supportedIanaZones() {
	const all = new Set(ianaFromCldr);
	try {
		for (const z of Intl.supportedValuesOf('timeZone')) all.add(z);
	} catch {
		/* older runtimes */
	}
	all.add('UTC');
	return [...all].filter((z) => isIanaZone(z)).sort();
}

// ---------- dates ----------
const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const DATE_RE =
	/^(?:(\d{4})-(\d{2})-(\d{2})|(\d{2})\.(\d{2})\.(\d{4}))(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?)?$/;

/**
 * Parse a date as the concept pages allow: dd.MM.yyyy or yyyy-MM-dd, optionally with a time (tolerated), never
 * with a UTC offset. Returns { value: 'yyyy-MM-dd' | 'yyyy-MM-ddTHH:mm:ss' } or { error }.
 */
function parseDate(raw, { allowUnixMs = false } = {}) {
	if (allowUnixMs && typeof raw === 'number' && Number.isInteger(raw) && raw > 0) {
		return { value: new Date(raw).toISOString().slice(0, 10) };
	}
	if (typeof raw !== 'string') return { error: 'must be a date string (dd.MM.yyyy or yyyy-MM-dd)' };
	const text = raw.trim();
	if (text.length > 10 && OFFSET.test(text) && /\d{2}:\d{2}/.test(text)) {
		return {
			error:
				'must not contain a UTC offset; send the local date (and time) without Z or ±hh:mm, the API applies the time zone',
		};
	}
	const m = DATE_RE.exec(text);
	if (!m) return { error: 'is not a valid date (dd.MM.yyyy or yyyy-MM-dd)' };
	const year = Number(m[1] || m[6]);
	const month = Number(m[2] || m[5]);
	const day = Number(m[3] || m[4]);
	const d = new Date(Date.UTC(year, month - 1, day));
	if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
		return { error: 'is not a valid calendar date' };
	const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	if (m[7] === undefined) return { value: iso };
	const hh = Number(m[7]);
	const mm = Number(m[8]);
	const ss = Number(m[9] || 0);
	if (hh > 23 || mm > 59 || ss > 59) return { error: 'has an invalid time of day' };
	return { value: `${iso}T${m[7]}:${m[8]}:${String(ss).padStart(2, '0')}` };
}

/** Integration answers: 'yyyy-MM-dd' → 'dd.MM.yyyy'; date-times → 'dd.MM.yyyy HH:mm:ss' (P8). */
function outDate(iso) {
	if (iso === null || iso === undefined || iso === '') return null;
	const s = String(iso);
	const date = `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)}`;
	return s.length > 10 ? `${date} ${s.slice(11, 19)}` : date;
}

/** Reporting/ticket stamp 'dd.MM.yyyy HH:mm:ss' (UTC) from epoch ms. */
function stamp(ms) {
	const d = new Date(ms).toISOString();
	return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)} ${d.slice(11, 19)}`;
}

/** ISO with 7 fraction digits and +00:00, as in the concept page's failed-ticket example. */
function iso7(ms) {
	const d = new Date(ms).toISOString();
	return `${d.slice(0, 19)}.${d.slice(20, 23)}0000+00:00`;
}

function isWholeMinutes(value, max) {
	return (
		typeof value === 'number' &&
		Number.isInteger(value) &&
		value >= 0 &&
		(max === undefined || value <= max)
	);
}

// ---------- multipart/form-data ----------
function parseMultipart(buffer, contentType) {
	const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
	if (!m) return { error: 'multipart/form-data without a boundary' };
	const boundary = Buffer.from(`--${m[1] || m[2]}`);
	const parts = [];
	let pos = buffer.indexOf(boundary);
	if (pos < 0) return { error: 'multipart body without the declared boundary' };
	while (pos >= 0) {
		let start = pos + boundary.length;
		if (buffer.slice(start, start + 2).toString() === '--') break;
		if (buffer.slice(start, start + 2).toString() === '\r\n') start += 2;
		const headerEnd = buffer.indexOf('\r\n\r\n', start);
		if (headerEnd < 0) return { error: 'malformed multipart part (no header end)' };
		const headerText = buffer.slice(start, headerEnd).toString('utf8');
		const next = buffer.indexOf(boundary, headerEnd + 4);
		if (next < 0) return { error: 'malformed multipart body (no closing boundary)' };
		let end = next;
		if (buffer[end - 2] === 0x0d && buffer[end - 1] === 0x0a) end -= 2;
		const headers = {};
		for (const line of headerText.split('\r\n')) {
			const i = line.indexOf(':');
			if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
		}
		const disposition = headers['content-disposition'] || '';
		const name = (/\bname="([^"]*)"/i.exec(disposition) || [])[1];
		const filenameStar = (/filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition) || [])[1];
		const filename = filenameStar
			? decodeURIComponent(filenameStar.trim())
			: (/\bfilename="([^"]*)"/i.exec(disposition) || [])[1];
		parts.push({
			name,
			filename,
			contentType: headers['content-type'] || 'application/octet-stream',
			data: buffer.slice(headerEnd + 4, end),
		});
		pos = next;
	}
	return { parts };
}

module.exports = {
	GUID,
	EMAIL,
	isWindowsZone,
	isIanaZone,
	supportedIanaZones,
	parseDate,
	outDate,
	stamp,
	iso7,
	isWholeMinutes,
	parseMultipart,
	OFFSET,
};
