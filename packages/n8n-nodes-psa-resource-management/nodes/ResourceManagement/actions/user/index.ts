import { show } from '../../../../../shared/kit';
import { defineResource } from '../../../../../shared/operation';
import { locator } from '../common';
import { archive } from './archive.operation';
import { create } from './create.operation';
import { US } from './fields';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { search } from './search.operation';
import { unarchive } from './unarchive.operation';
import { update } from './update.operation';

export const user = defineResource({
	value: US,
	name: 'Person (User)',
	defaultOperation: get.value,
	// Which person (every operation on one person).
	properties: [
		locator('user', 'userId', 'Person', show(US, ['get', 'update', 'archive', 'unarchive'])),
	],
	operations: [archive, create, search, get, getAll, unarchive, update],
});
