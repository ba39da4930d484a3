/** smenso profile pieces without a server: ticket reading, message → record mapping, dates, base URL. */
import type { INode } from 'n8n-workflow';

import { assignMessages, interpretTicket, smensoBaseUrl, ticketIdOf, toSmensoDate, toSmensoDateTime } from '../../nodes/Smenso/transport';

const node = { name: 'smenso', type: 'n8n-nodes-psa.smenso', typeVersion: 1, id: '1', position: [0, 0], parameters: {} } as INode;

describe('ticket states: names first, then ids', () => {
	it.each([
		[{ status: 'Success', statusId: 10 }, 'success'],
		[{ status: 'Failed', statusId: 30, messages: ['x', ''] }, 'failed'],
		[{ status: 'Success with Errors' }, 'partial'],
		[{ status: 'success_with_errors', statusId: 99 }, 'partial'],
		[{ status: 'Started', statusId: 10 }, 'pending'],
		[{ statusId: 10 }, 'success'],
		[{ statusId: 20 }, 'partial'],
		[{ statusId: 30 }, 'failed'],
		[{ statusId: 1 }, 'pending'],
		[{}, 'pending'],
	])('%j → %s', (body, state) => {
		expect(interpretTicket(body).state).toBe(state);
	});

	it('keeps non-empty messages only', () => {
		expect(interpretTicket({ status: 'Failed', messages: ['', ' Boom ', { message: 'Obj' }] }).messages).toEqual(['Boom', 'Obj']);
	});

	it('finds the ticket id in the shapes a write may answer with', () => {
		const id = 'df268a25-d957-47ec-ae25-a749c0df861b';
		expect(ticketIdOf({ ticketId: id })).toBe(id);
		expect(ticketIdOf({ TicketId: id })).toBe(id);
		expect(ticketIdOf({ id, status: 'Received' })).toBe(id);
		expect(ticketIdOf(`"${id}"`)).toBe(id);
		expect(ticketIdOf({ id })).toBeUndefined();
		expect(ticketIdOf([])).toBeUndefined();
	});
});

describe('ticket messages → records', () => {
	const records = [{ externalId: 'hr-1' }, { externalId: 'hr-2', id: 'aaaaaaaa-0000-4000-8000-000000000001' }, { externalId: 'hr-3' }];
	it('by position, externalId or id; the rest is unassigned', () => {
		const { byIndex, unassigned } = assignMessages(
			['Record 0: overlap', 'task[2]: Title is required', "Absence 'hr-2' is locked", 'Something about aaaaaaaa-0000-4000-8000-000000000001', 'General problem', 'Row 9: out of range'],
			records,
		);
		expect(byIndex.get(0)).toEqual(['Record 0: overlap']);
		expect(byIndex.get(1)).toEqual(["Absence 'hr-2' is locked", 'Something about aaaaaaaa-0000-4000-8000-000000000001']);
		expect(byIndex.get(2)).toEqual(['task[2]: Title is required']);
		expect(unassigned).toEqual(['General problem', 'Row 9: out of range']);
	});
	it('"Time records before 2026-01-01" is not a position', () => {
		expect(assignMessages(['Time records before 2026-01-01 are locked'], records).unassigned).toHaveLength(1);
	});
});

describe('dates without UTC offsets', () => {
	it('moves offset values into the zone (DST aware), keeps local values and bare dates', () => {
		expect(toSmensoDateTime(node, 0, 'Start', '2026-03-28T12:00:00Z', 'Europe/Berlin')).toBe('2026-03-28T13:00:00');
		expect(toSmensoDateTime(node, 0, 'Start', '2026-03-30T12:00:00Z', 'Europe/Berlin')).toBe('2026-03-30T14:00:00');
		expect(toSmensoDateTime(node, 0, 'Start', '2026-03-30T12:00:00+05:00', 'UTC')).toBe('2026-03-30T07:00:00');
		expect(toSmensoDateTime(node, 0, 'Start', '2026-03-30T08:15', 'Asia/Tokyo')).toBe('2026-03-30T08:15:00');
		expect(toSmensoDateTime(node, 0, 'Start', '2026-03-30', 'Asia/Tokyo')).toBe('2026-03-30');
		expect(toSmensoDate(node, 0, 'Day', '2026-03-30T23:30:00Z', 'Europe/Berlin')).toBe('2026-03-31');
		expect(toSmensoDate(node, 0, 'Day', new Date('2026-03-30T23:30:00Z'), 'UTC')).toBe('2026-03-30');
	});
	it('names the field and the item for values that are not dates', () => {
		expect(() => toSmensoDateTime(node, 3, 'Start', 'next tuesday', 'UTC')).toThrow(/^Start: must be a date .* \(item 3\)/);
		expect(() => toSmensoDate(node, 1, 'Day', '2026-02-30', 'UTC')).toThrow(/^Day: is not a real calendar date/);
	});
});

describe('base URL', () => {
	it('from a workspace (tolerating a pasted host) or a custom URL', () => {
		expect(smensoBaseUrl({ connection: 'workspace', workspace: 'acme' })).toBe('https://acme.smenso.cloud/skyisland/api');
		expect(smensoBaseUrl({ connection: 'workspace', workspace: 'https://acme.smenso.cloud/skyisland/' })).toBe('https://acme.smenso.cloud/skyisland/api');
		expect(smensoBaseUrl({ connection: 'customUrl', baseUrl: 'http://127.0.0.1:4101/skyisland/api/' })).toBe('http://127.0.0.1:4101/skyisland/api');
		expect(() => smensoBaseUrl({ connection: 'customUrl', baseUrl: 'ftp://x' })).toThrow(/not an http\(s\) address/);
		expect(() => smensoBaseUrl({ connection: 'workspace', workspace: '' })).toThrow(/not a subdomain/);
	});
});
