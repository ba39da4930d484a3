import { defineResource } from '../../../../../shared/operation';
import { reportHead, RP } from './fields';
import { getRows } from './getRows.operation';
import { getTotals } from './getTotals.operation';

export const report = defineResource({
	value: RP,
	name: 'Report',
	defaultOperation: getRows.value,
	// Which view over which time frame (both operations).
	properties: reportHead,
	operations: [getRows, getTotals],
});
