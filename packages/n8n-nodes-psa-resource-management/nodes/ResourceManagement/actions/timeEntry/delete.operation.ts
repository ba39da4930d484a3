import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api } from '../common';
import { entryOwner } from './fields';

export const remove = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete logged time',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'timeEntryId', 'Time Entry ID');
		const entry = await entryOwner(this, i, id);
		await api(this, i, 'DELETE', `/users/${entry.user_id as number}/time_entries/${id}`, {
			notFound: `Time entry ${id}`,
		});
		return { id, deleted: true };
	},
});
