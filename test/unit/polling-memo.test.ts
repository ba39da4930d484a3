/** The shared poll memory API: a memo per record, and what the last poll knew handed to filter/annotate. */
import type { IDataObject } from 'n8n-workflow';

import { selectChanges, type KnownRecord, type PollState } from '../../packages/shared/polling';

describe('selectChanges (fingerprint mode): memo, filter and annotate', () => {
	const seen: Array<KnownRecord | undefined> = [];
	const options = {
		mode: 'fingerprint' as const,
		id: (r: IDataObject) => String(r.id),
		memo: (r: IDataObject) => String(r.status),
		filter: (_r: IDataObject, previous?: KnownRecord) => (seen.push(previous), true),
		annotate: (r: IDataObject, previous?: KnownRecord) => ({
			changeType: previous ? 'updated' : 'created',
			...(previous?.memo && previous.memo !== r.status ? { previousStatus: previous.memo } : {}),
		}),
	};

	it('keeps the memo beside the fingerprints and hands it back on the next poll', () => {
		const first = selectChanges([{ id: 1, status: 'submitted' }], {}, options);
		expect(first.changed).toEqual([]);
		expect(first.next.memos).toEqual({ '1': 'submitted' });
		const second = selectChanges(
			[
				{ id: 1, status: 'approved' },
				{ id: 2, status: 'submitted' },
			],
			first.next,
			options,
		);
		expect(second.changed).toEqual([
			{ id: 1, status: 'approved', changeType: 'updated', previousStatus: 'submitted' },
			{ id: 2, status: 'submitted', changeType: 'created' },
		]);
		expect(seen.slice(-2)).toEqual([{ memo: 'submitted' }, undefined]);
		expect(second.next.memos).toEqual({ '1': 'approved', '2': 'submitted' });
	});

	it('a known record without a memo (state from before memos) is known, memo undefined', () => {
		const state: PollState = { initialized: true, fingerprints: { '1': 'x' } };
		const r = selectChanges([{ id: 1, status: 'approved' }], state, options);
		expect(r.changed).toEqual([{ id: 1, status: 'approved', changeType: 'updated' }]);
		expect(seen[seen.length - 1]).toEqual({});
	});

	it('without memo the state carries no memos', () => {
		const { memo: _memo, ...rest } = options;
		const r = selectChanges([{ id: 1 }], {}, rest);
		expect(r.next).not.toHaveProperty('memos');
	});
});
