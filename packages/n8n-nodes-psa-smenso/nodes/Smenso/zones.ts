import { IANA_TO_WINDOWS } from './windowsZones';

/**
 * The Windows time zone name smenso wants in `timezoneId` for an IANA zone (the user's choice),
 * from the CLDR table generated at build time. Links such as Asia/Kolkata are resolved to the name
 * CLDR lists. Undefined for anything that is not an IANA zone (a Windows name, a typo).
 */
export function windowsZoneOf(iana: string): string | undefined {
	const text = String(iana ?? '').trim();
	if (!text) return undefined;
	if (IANA_TO_WINDOWS[text]) return IANA_TO_WINDOWS[text];
	if (!text.includes('/')) return undefined;
	let canonical: string | undefined;
	try {
		canonical = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
	} catch {
		return undefined;
	}
	return canonical ? IANA_TO_WINDOWS[canonical] : undefined;
}

/**
 * The zone a write is meant in: the IANA name (Timezone header) and its Windows name (timezoneId).
 */
export interface Zone {
	iana: string;
	windows: string;
}
