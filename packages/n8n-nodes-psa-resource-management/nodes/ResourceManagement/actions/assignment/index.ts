import { idField, show } from '../../../../../shared/kit';
import { defineResource } from '../../../../../shared/operation';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { AM } from './fields';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const assignment = defineResource({
	value: AM,
	name: 'Assignment',
	defaultOperation: create.value,
	// Shared by Get, Update and Delete: which assignment.
	properties: [idField('assignmentId', 'Assignment ID', show(AM, ['get', 'update', 'delete']))],
	operations: [create, remove, get, getAll, update],
});
