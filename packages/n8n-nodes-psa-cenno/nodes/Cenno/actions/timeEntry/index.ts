import { show } from '../../../../../shared/kit';
import { defineResource } from '../../../../../shared/operation';
import { locator } from '../common';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

/**
 * Time entries (timesheet): one file per operation; the fields Log Time and Update share in
 * entryFields.
 */
export const timeEntry = defineResource({
	value: 'timeEntry',
	name: 'Time Entry',
	defaultOperation: create.value,
	// Shared by Get, Update and Delete: which entry.
	properties: [
		locator('timeEntry', {
			name: 'timeEntryId',
			displayName: 'Time Entry',
			description: 'The time entry',
			displayOptions: show('timeEntry', ['get', 'update', 'delete']),
		}),
	],
	// In this order, the fields appear in the node as they always have.
	operations: [create, update, getAll, get, remove],
});
