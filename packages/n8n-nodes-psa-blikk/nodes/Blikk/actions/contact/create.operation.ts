import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { requireString } from '../../../../../shared/validation';
import { blikkRequest } from '../../transport';
import { locator } from '../common';
import { CONTACT, CONTACT_TYPES, contactFields, writeFields } from './fields';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a customer or contact',
	description: 'Create a customer, supplier or other contact',
	readOnly: false,
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			displayOptions: show(CONTACT, 'create'),
			description: 'Name of the person or company',
		},
		{
			displayName: 'Contact Type',
			name: 'contactType',
			type: 'options',
			required: true,
			default: 'company',
			displayOptions: show(CONTACT, 'create'),
			options: CONTACT_TYPES,
		},
		locator('responsible', 'Responsible User', 'searchUsers', show(CONTACT, 'create'), {
			description: 'The Blikk user responsible for this contact',
		}),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(CONTACT, 'create'),
			options: contactFields(false),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const body: IDataObject = {
			name: requireString(this.getNode(), i, 'Name', this.getNodeParameter('name', i)),
			contactType: this.getNodeParameter('contactType', i),
			responsibleId: readId(this, i, 'responsible', 'Responsible User'),
			...writeFields(this, i, 'additionalFields'),
		};
		return await blikkRequest.call(this, {
			method: 'POST',
			path: '/v1/Core/Contacts',
			body,
			itemIndex: i,
		});
	},
});
