import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { invalidInput } from '../../../../../shared/validation';
import { api } from '../common';
import { simple, simplifyField, US, userBody, userWritable } from './fields';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Add a person',
	readOnly: false,
	properties: [
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			required: true,
			default: '',
			displayOptions: show(US, 'create'),
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			required: true,
			default: '',
			displayOptions: show(US, 'create'),
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			displayOptions: show(US, 'create'),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(US, 'create'),
			options: userWritable(false),
		},
		simplifyField('create'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const body = userBody(this, i, {
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
			first_name: String(this.getNodeParameter('firstName', i) ?? '').trim(),
			last_name: String(this.getNodeParameter('lastName', i) ?? '').trim(),
			email: String(this.getNodeParameter('email', i) ?? '').trim(),
		});
		if (!body.first_name) throw invalidInput(this.getNode(), i, 'First Name', 'is required');
		if (!body.last_name) throw invalidInput(this.getNode(), i, 'Last Name', 'is required');
		if (!body.email) throw invalidInput(this.getNode(), i, 'Email', 'is required');
		return simple(this, i, await api(this, i, 'POST', '/users', { body }));
	},
});
