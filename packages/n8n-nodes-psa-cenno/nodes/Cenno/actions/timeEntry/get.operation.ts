import { defineOperation } from '../../../../../shared/operation';
import { getHandler } from '../common';

/** Get (the Time Entry field is the resource's). */
export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a time entry',
	description: 'Get one time entry by ID',
	readOnly: true,
	handler: getHandler('timeEntry', 'timeEntryId', 'Time Entry'),
});
