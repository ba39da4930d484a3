import type { IExecuteFunctions } from 'n8n-workflow';

import { readId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { blikkRequest } from '../../transport';
import { MERGE_HINT } from '../common';
import { CONTACT, contactFields, mergeContact, writeFields } from './fields';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a contact',
	description: 'Change only the fields you set (read, merge, write)',
	readOnly: false,
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(CONTACT, 'update'),
			description: MERGE_HINT,
			hint: MERGE_HINT,
			options: contactFields(true),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'contactId', 'Contact');
		const changes = writeFields(this, i, 'updateFields');
		const current = await blikkRequest.call(this, {
			method: 'GET',
			path: `/v1/Core/Contacts/${id}`,
			itemIndex: i,
			notFoundLabel: `Contact ${id}`,
		});
		return await blikkRequest.call(this, {
			method: 'PUT',
			path: `/v1/Core/Contacts/${id}`,
			body: mergeContact(current, changes),
			itemIndex: i,
			notFoundLabel: `Contact ${id}`,
			idempotent: true,
		});
	},
});
