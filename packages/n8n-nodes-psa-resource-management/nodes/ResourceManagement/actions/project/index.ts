import { show } from '../../../../../shared/kit';
import { defineResource } from '../../../../../shared/operation';
import { locator } from '../common';
import { archive } from './archive.operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { PR } from './fields';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { search } from './search.operation';
import { unarchive } from './unarchive.operation';
import { update } from './update.operation';

export const project = defineResource({
	value: PR,
	name: 'Project',
	defaultOperation: get.value,
	// Which project (every operation on one project).
	properties: [
		locator(
			'project',
			'projectId',
			'Project',
			show(PR, ['get', 'update', 'delete', 'archive', 'unarchive']),
		),
	],
	operations: [archive, create, remove, search, get, getAll, unarchive, update],
});
