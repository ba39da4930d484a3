import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { blikkRequest } from '../../transport';

export const deleteContact = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a contact',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'contactId', 'Contact');
		await blikkRequest.call(this, {
			method: 'DELETE',
			path: `/v1/Core/Contacts/${id}`,
			itemIndex: i,
			notFoundLabel: `Contact ${id}`,
			idempotent: true,
		});
		return { id, deleted: true };
	},
});
