import { lookupResource } from './common';

/** Roles of the account (read-only): Get and Get Many, from the shared lookup builder. */
export const role = lookupResource({
	value: 'role',
	name: 'Role',
	path: '/roles',
	kind: 'role',
	singular: 'role',
});
