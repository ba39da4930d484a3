import { lookupResource } from './common';

/** Disciplines of the account (read-only): Get and Get Many, from the shared lookup builder. */
export const discipline = lookupResource({
	value: 'discipline',
	name: 'Discipline',
	path: '/disciplines',
	kind: 'discipline',
	singular: 'discipline',
});
