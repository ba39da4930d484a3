import { idField, show } from '../../../../../shared/kit';
import { defineResource } from '../../../../../shared/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { TE } from './fields';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const timeEntry = defineResource({
	value: TE,
	name: 'Time Entry',
	defaultOperation: create.value,
	// Which entry (Get, Update, Delete).
	properties: [idField('timeEntryId', 'Time Entry ID', show(TE, ['get', 'update', 'delete']))],
	operations: [create, remove, get, getAll, update],
});
