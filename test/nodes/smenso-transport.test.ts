/** smenso profile pieces without a server: ticket reading, message → record mapping, dates, units, "no such endpoint", base URL. */
import type { INode } from 'n8n-workflow';

import { assignTicketMessages } from '../../packages/shared/tickets';
import { downloadedFile } from '../../packages/n8n-nodes-psa-smenso/nodes/Smenso/actions/attachment/download.operation';
import {
	fromWire,
	hoursToMinutes,
	interpretTicket,
	isNoSuchEndpoint,
	smensoBaseUrl,
	ticketIdOf,
	ticketSummary,
	toWireDate,
	toWireDateTime,
} from '../../packages/n8n-nodes-psa-smenso/nodes/Smenso/transport';

const node = {
	name: 'smenso',
	type: 'n8n-nodes-psa.smenso',
	typeVersion: 1,
	id: '1',
	position: [0, 0],
	parameters: {},
} as INode;

describe('ticket states: the documented ids 10/30, then the names', () => {
	it.each([
		[{ status: 'Success', statusId: 10 }, 'success'],
		[{ status: 'Failed', statusId: 30, messages: ['x', ''] }, 'failed'],
		[{ status: 'Success with Errors', statusId: 20 }, 'partial'],
		[{ status: 'Started', statusId: 5 }, 'pending'],
		[{ status: 'Created', statusId: 0 }, 'pending'],
		[{ statusId: 10 }, 'success'],
		[{ statusId: 20 }, 'pending'],
		[{}, 'pending'],
	])('%j → %s', (body, state) => {
		expect(interpretTicket(body).state).toBe(state);
	});

	it('reads both time stamp styles of the concept page; the never-started stamp is null', () => {
		const s = ticketSummary({
			id: 'x',
			status: 'Failed',
			statusId: 30,
			received: '11.02.2026 13:19:22',
			started: '0001-01-01T00:00:00+00:00',
			processed: '2026-03-16T09:56:24.4456212+00:00',
			Endpoint: { created: 0, modified: 0, attributesModified: 0, deleted: 0 },
		});
		expect(s).toMatchObject({
			received: '2026-02-11T13:19:22',
			started: null,
			processed: '2026-03-16T09:56:24.4456212+00:00',
			counts: { created: 0 },
		});
	});

	it('finds the ticket id in the shapes a write may answer with', () => {
		const id = 'df268a25-d957-47ec-ae25-a749c0df861b';
		expect(ticketIdOf({ ticketId: id, status: 'Created' })).toBe(id);
		expect(ticketIdOf(`"${id}"`)).toBe(id);
		expect(ticketIdOf({ id, endpoint: 'Task', status: 'Started', statusId: 5 })).toBe(id);
		expect(ticketIdOf({ id, title: 'a record' })).toBeUndefined();
		expect(ticketIdOf([])).toBeUndefined();
	});
});

describe('ticket messages → records', () => {
	const records = [
		{ tempId: 'n8n-row-1', title: 'a' },
		{ tempId: 'n8n-row-2', externalId: 'hr-2' },
		{ tempId: 'n8n-row-7', id: 'aaaaaaaa-0000-4000-8000-000000000001' },
	];
	it('by tempId first, then id/externalId, then position; the rest is unassigned', () => {
		const { byIndex, unassigned } = assignTicketMessages(
			[
				"Record 0 (tempId 'n8n-row-7'): locked",
				'task[1]: Title is required',
				'Something about aaaaaaaa-0000-4000-8000-000000000001',
				'General problem',
				'Record 9: out of range',
			],
			records,
			{ key: 'task' },
		);
		expect(byIndex.get(2)).toEqual([
			"Record 0 (tempId 'n8n-row-7'): locked",
			'Something about aaaaaaaa-0000-4000-8000-000000000001',
		]);
		expect(byIndex.get(1)).toEqual(['task[1]: Title is required']);
		expect(unassigned).toEqual(['General problem', 'Record 9: out of range']);
	});
});

describe('dates without UTC offsets, answers in dd.MM.yyyy', () => {
	it('moves offset values into the zone (DST aware), keeps local values and bare dates', () => {
		expect(toWireDateTime(node, 0, 'Start', '2026-03-28T12:00:00Z', 'Europe/Berlin')).toBe(
			'2026-03-28T13:00:00',
		);
		expect(toWireDateTime(node, 0, 'Start', '2026-03-30T12:00:00Z', 'Europe/Berlin')).toBe(
			'2026-03-30T14:00:00',
		);
		expect(toWireDateTime(node, 0, 'Start', '2026-03-30T12:00:00+05:00', 'UTC')).toBe(
			'2026-03-30T07:00:00',
		);
		expect(toWireDateTime(node, 0, 'Start', '2026-03-30T08:15', 'Asia/Tokyo')).toBe(
			'2026-03-30T08:15:00',
		);
		expect(toWireDateTime(node, 0, 'Start', '2026-03-30', 'Asia/Tokyo')).toBe('2026-03-30');
		expect(toWireDate(node, 0, 'Day', '2026-03-30T23:30:00Z', 'Europe/Berlin')).toBe('2026-03-31');
	});
	it('names the field and the row for values that are not dates', () => {
		expect(() => toWireDateTime(node, 3, 'Start', 'next tuesday', 'UTC')).toThrow(
			/^Start: must be a date .* \(row 4\)/,
		);
		expect(() => toWireDate(node, 1, 'Day', '2026-02-30', 'UTC')).toThrow(
			/^Day: is not a real calendar date.*\(row 2\)/,
		);
	});
	it('reads smenso answers (dd.MM.yyyy, dd.MM.yyyy HH:mm:ss) as ISO, nested too', () => {
		expect(
			fromWire({
				startDate: '15.07.2025',
				created: '15.07.2025 14:54:43',
				children: [{ dueDate: '01.08.2025' }],
				title: '01.02.x',
			}),
		).toEqual({
			startDate: '2025-07-15',
			created: '2025-07-15T14:54:43',
			children: [{ dueDate: '2025-08-01' }],
			title: '01.02.x',
		});
	});
});

describe('units: hours in the UI, minutes on the wire', () => {
	it.each([
		['1.5', 90],
		['1,5', 90],
		['1:30', 90],
		[2, 120],
		['0:45', 45],
		['40', 2400],
	])('%j → %d minutes', (hours, minutes) =>
		expect(hoursToMinutes(node, 0, 'Planned Effort (Hours)', hours)).toBe(minutes),
	);
	it('refuses what is not hours, naming field and row', () => {
		expect(() => hoursToMinutes(node, 1, 'Planned Effort (Hours)', 'abc')).toThrow(
			/^Planned Effort \(Hours\): must be hours like 1\.5 or hours:minutes like 1:30, got "abc" \(row 2\)$/,
		);
		expect(() => hoursToMinutes(node, 0, 'X', '1:75')).toThrow(/must be hours/);
		expect(() => hoursToMinutes(node, 0, 'X', '-1')).toThrow(/must be hours/);
	});
});

describe('404: "no such endpoint" vs "record not found"', () => {
	const err = (body: unknown) => ({ httpCode: '404', errorResponse: { body }, message: 'x' });
	it('tells them apart', () => {
		expect(
			isNoSuchEndpoint(err({ errors: ['No such endpoint: POST /skyisland/api/integration/x'] })),
		).toBe(true);
		expect(isNoSuchEndpoint(err('<html>404</html>'))).toBe(true);
		expect(isNoSuchEndpoint(err({ errors: ["Project 'abc' not found"] }))).toBe(false);
		expect(
			isNoSuchEndpoint({
				httpCode: '400',
				errorResponse: { body: { errors: ['No such endpoint'] } },
			}),
		).toBe(false);
	});
});

describe('base URL', () => {
	it('from a workspace (tolerating a pasted host) or a custom URL', () => {
		expect(smensoBaseUrl({ connection: 'workspace', workspace: 'acme' })).toBe(
			'https://acme.smenso.cloud/skyisland/api',
		);
		expect(
			smensoBaseUrl({ connection: 'workspace', workspace: 'https://acme.smenso.cloud/skyisland/' }),
		).toBe('https://acme.smenso.cloud/skyisland/api');
		expect(
			smensoBaseUrl({ connection: 'customUrl', baseUrl: 'http://127.0.0.1:4101/skyisland/api/' }),
		).toBe('http://127.0.0.1:4101/skyisland/api');
		expect(() => smensoBaseUrl({ connection: 'customUrl', baseUrl: 'ftp://x' })).toThrow(
			/not an http\(s\) address/,
		);
		expect(() => smensoBaseUrl({ connection: 'workspace', workspace: '' })).toThrow(
			/not a subdomain/,
		);
	});
});

describe('attachment download: the file bytes or JSON with the file', () => {
	const ctx = { getNode: () => node } as never;
	const pdf = Buffer.from('%PDF-1.4 x');
	it('bytes: the name from Content-Disposition (RFC 5987 first), the type from Content-Type', () => {
		expect(
			downloadedFile(ctx, 0, 'a', {
				body: pdf,
				headers: {
					'Content-Type': 'application/pdf; charset=binary',
					'Content-Disposition': `attachment; filename="Prufbericht.pdf"; filename*=UTF-8''Pr%C3%BCfbericht.pdf`,
				},
			}),
		).toEqual({ bytes: pdf, fileName: 'Prüfbericht.pdf', mimeType: 'application/pdf' });
		expect(
			downloadedFile(ctx, 0, 'a', {
				body: pdf,
				headers: { 'content-disposition': 'inline; filename=a.pdf' },
			}).fileName,
		).toBe('a.pdf');
	});
	it('a JSON file sent as an attachment stays the file', () => {
		const file = Buffer.from('{"content":"aGk=","fileName":"x"}');
		expect(
			downloadedFile(ctx, 0, 'a', {
				body: file,
				headers: {
					'content-type': 'application/json',
					'content-disposition': 'attachment; filename="settings.json"',
				},
			}),
		).toEqual({ bytes: file, fileName: 'settings.json', mimeType: 'application/json' });
	});
	it('JSON: name, type and base64 content (a data URL prefix is dropped)', () => {
		const body = Buffer.from(
			JSON.stringify({
				name: 'minutes.pdf',
				mimeType: 'application/pdf',
				data: `data:application/pdf;base64,${pdf.toString('base64')}`,
			}),
		);
		expect(
			downloadedFile(ctx, 0, 'a', {
				body,
				headers: { 'content-type': 'application/json; charset=utf-8' },
			}),
		).toEqual({ bytes: pdf, fileName: 'minutes.pdf', mimeType: 'application/pdf' });
	});
});
