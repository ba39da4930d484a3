import { lookupResource } from './common';

/** Leave types of the account (read-only): Get and Get Many, from the shared lookup builder. */
export const leaveType = lookupResource({
	value: 'leaveType',
	name: 'Leave Type',
	path: '/leave_types',
	kind: 'leaveType',
	singular: 'leave type',
});
