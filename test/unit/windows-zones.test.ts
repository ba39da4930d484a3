/** The IANA → Windows table the smenso node ships is exactly what CLDR's windowsZones data gives. */
import * as fs from 'fs';

import {
	CLDR_VERSION,
	IANA_TO_WINDOWS,
} from '../../packages/n8n-nodes-psa-smenso/nodes/Smenso/windowsZones';
import { windowsZoneOf } from '../../packages/n8n-nodes-psa-smenso/nodes/Smenso/zones';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../scripts/gen-windows-zones.js');

describe('IANA → Windows time zones (CLDR)', () => {
	it('regenerating from cldr-core gives the committed file', () => {
		expect(fs.readFileSync(generator.OUT, 'utf8')).toBe(generator.render());
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		expect(CLDR_VERSION).toBe(require('cldr-core/package.json').version);
	});

	it('maps the zones smenso users pick', () => {
		expect(IANA_TO_WINDOWS['Europe/Berlin']).toBe('W. Europe Standard Time');
		expect(windowsZoneOf('Europe/Berlin')).toBe('W. Europe Standard Time');
		expect(windowsZoneOf('Europe/London')).toBe('GMT Standard Time');
		expect(windowsZoneOf('America/New_York')).toBe('Eastern Standard Time');
		expect(windowsZoneOf('UTC')).toBe('UTC');
		expect(windowsZoneOf('Asia/Kolkata')).toBe('India Standard Time');
		expect(windowsZoneOf('Mars/Olympus')).toBeUndefined();
		expect(windowsZoneOf('W. Europe Standard Time')).toBeUndefined();
	});
});
