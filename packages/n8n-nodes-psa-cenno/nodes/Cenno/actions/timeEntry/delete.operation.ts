import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { vendorRequest } from '../../../../../shared/transport';
import { cennoProfile } from '../../transport';

/** Delete (the Time Entry field is the resource's). */
export const remove = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete logged time',
	description: 'Delete a time entry (hours logged by mistake)',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'timeEntryId', 'Time Entry');
		await vendorRequest.call(this, cennoProfile, {
			method: 'DELETE',
			path: `/time_entries/${id}`,
			itemIndex: i,
			notFoundLabel: `Time entry ${id}`,
		});
		return { id, deleted: true };
	},
});
