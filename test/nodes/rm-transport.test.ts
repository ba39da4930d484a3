/** Resource Management profile: base URL per region, custom URL validation, paging declaration. */
import { resolveUrl } from '../../packages/shared/transport';
import {
	REGION_URLS,
	rmBaseUrl,
	rmProfile,
} from '../../packages/n8n-nodes-psa-resource-management/nodes/ResourceManagement/transport';

describe('Resource Management profile', () => {
	test('regions map to the documented hosts; custom URLs are trimmed', () => {
		expect(rmBaseUrl({ region: 'us' })).toBe('https://api.rm.smartsheet.com/api/v1');
		expect(rmBaseUrl({ region: 'eu' })).toBe('https://api.rm.smartsheet.eu/api/v1');
		expect(rmBaseUrl({})).toBe(REGION_URLS.us);
		expect(rmBaseUrl({ region: 'custom', baseUrl: ' https://api.10000ft.com/api/v1/ ' })).toBe(
			'https://api.10000ft.com/api/v1',
		);
		expect(rmBaseUrl({ region: 'custom', baseUrl: 'http://127.0.0.1:4103/api/v1' })).toBe(
			'http://127.0.0.1:4103/api/v1',
		);
	});

	test('a custom URL that is not http(s) is refused with a readable message', () => {
		for (const bad of [
			'',
			'api.rm.smartsheet.com',
			'ftp://example.com/api/v1',
			'javascript:alert(1)',
		]) {
			expect(() => rmBaseUrl({ region: 'custom', baseUrl: bad })).toThrow(
				/is not an http\(s\) address/,
			);
		}
	});

	test('link-next paging with per_page ≤ 1000 and host-relative next links resolved onto the origin', () => {
		expect(rmProfile.paging).toEqual({
			style: 'linkNext',
			pageSizeParam: 'per_page',
			maxPageSize: 1000,
			itemsKey: 'data',
			nextPath: ['paging', 'next'],
		});
		expect(
			resolveUrl('https://api.rm.smartsheet.com/api/v1', '/api/v1/users?per_page=1000&page=2'),
		).toBe('https://api.rm.smartsheet.com/api/v1/users?per_page=1000&page=2');
		expect(resolveUrl('https://api.rm.smartsheet.com/api/v1', '/users')).toBe(
			'https://api.rm.smartsheet.com/api/v1/users',
		);
		expect(rmProfile.requestsPerSecond).toBeUndefined();
	});

	test('pacing identity is the base URL and token (two tokens do not slow each other)', () => {
		const a = rmProfile.limiterKey!({ region: 'us', apiToken: 'one' });
		const b = rmProfile.limiterKey!({ region: 'us', apiToken: 'two' });
		expect(a).not.toBe(b);
	});
});
