/** Shared ticket helpers: which ticket confirms which record, and which message names which record. */
import {
	assignTicketMessages,
	stripRecordPrefix,
	ticketConfirms,
} from '../../packages/shared/tickets';

describe('ticketConfirms: a finished ticket by itself', () => {
	const base = { carried: 3, named: 0, unassigned: 0, expect: 'created' };
	it('a Success ticket without counts (the vendor example) confirms every record it carried', () => {
		expect(ticketConfirms({ ...base, state: 'success' })).toBe(true);
		expect(ticketConfirms({ ...base, state: 'success', unassigned: 1 })).toBe(true);
	});
	it('a Success ticket with counts confirms only when they account for the unnamed records', () => {
		expect(ticketConfirms({ ...base, state: 'success', counts: { created: 3 } })).toBe(true);
		expect(ticketConfirms({ ...base, state: 'success', counts: { created: 2 } })).toBe(false);
		expect(ticketConfirms({ ...base, state: 'success', named: 1, counts: { created: 2 } })).toBe(
			true,
		);
		expect(ticketConfirms({ ...base, state: 'success', counts: {}, expect: undefined })).toBe(true);
	});
	it('"Success with Errors" confirms only by counts and without a message naming no record', () => {
		expect(ticketConfirms({ ...base, state: 'partial' })).toBe(false);
		expect(ticketConfirms({ ...base, state: 'partial', named: 1, counts: { created: 2 } })).toBe(
			true,
		);
		expect(
			ticketConfirms({ ...base, state: 'partial', counts: { created: 3 }, unassigned: 1 }),
		).toBe(false);
	});
	it('Failed or still running: never', () => {
		expect(ticketConfirms({ ...base, state: 'failed', counts: { created: 3 } })).toBe(false);
		expect(ticketConfirms({ ...base, state: 'pending' })).toBe(false);
	});
});

describe('assignTicketMessages', () => {
	const records = [{ tempId: 'r-1' }, { tempId: 'r-2' }, { tempId: 'r-3' }];

	it('"Record n" is read 0-based when only that counting names a record the read-back shows unwritten', () => {
		// Row index 1 was not written; "Record 1" fits 0-based (index 1), not 1-based (index 0, written).
		const written = (k: number) => k !== 1;
		const { byIndex, unassigned } = assignTicketMessages(['Record 1: locked'], records, {
			written,
		});
		expect([...byIndex.entries()]).toEqual([[1, ['Record 1: locked']]]);
		expect(unassigned).toEqual([]);
	});

	it('… and 1-based when only that counting fits', () => {
		const written = (k: number) => k !== 1;
		const { byIndex } = assignTicketMessages(['Record 2: locked'], records, { written });
		expect([...byIndex.entries()]).toEqual([[1, ['Record 2: locked']]]);
	});

	it('one counting for the whole ticket: "Record 0" rules out 1-based', () => {
		const written = (k: number) => k === 2;
		const { byIndex } = assignTicketMessages(['Record 0: a', 'Record 1: b'], records, { written });
		expect([...byIndex.entries()]).toEqual([
			[0, ['Record 0: a']],
			[1, ['Record 1: b']],
		]);
	});

	it('without a read-back, or when both countings fit, a position names no record', () => {
		expect(assignTicketMessages(['Record 1: x'], records).unassigned).toEqual(['Record 1: x']);
		const none = () => false;
		expect(assignTicketMessages(['Record 1: x'], records, { written: none }).unassigned).toEqual([
			'Record 1: x',
		]);
		const unknown = () => undefined;
		expect(assignTicketMessages(['Record 1: x'], records, { written: unknown }).unassigned).toEqual(
			['Record 1: x'],
		);
	});

	it('a record the read-back shows written is never named by position', () => {
		const all = () => true;
		expect(assignTicketMessages(['Record 1: x'], records, { written: all }).unassigned).toEqual([
			'Record 1: x',
		]);
	});

	it('tempId, then id/externalId, then <key>[n] (an array index); the rest names no record', () => {
		const { byIndex, unassigned } = assignTicketMessages(
			["Record 7 (tempId 'r-3'): no", 'task[0]: Title is required', 'General problem'],
			records,
			{ key: 'task' },
		);
		expect(byIndex.get(2)).toEqual(["Record 7 (tempId 'r-3'): no"]);
		expect(byIndex.get(0)).toEqual(['task[0]: Title is required']);
		expect(unassigned).toEqual(['General problem']);
	});

	it('strips the record prefix for the row message', () => {
		expect(stripRecordPrefix("Record 2 (tempId 'r-3'): locked")).toBe('locked');
		expect(stripRecordPrefix('task[1]: Title is required')).toBe('Title is required');
		expect(stripRecordPrefix('Row 3: bad')).toBe('bad');
	});
});
