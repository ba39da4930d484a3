import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api, requireChanges } from '../common';
import { simple, simplifyField, US, userBody, userWritable } from './fields';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a person',
	readOnly: false,
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(US, 'update'),
			options: userWritable(true),
		},
		simplifyField('update'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'userId', 'Person');
		const body = userBody(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject);
		requireChanges(this, i, body);
		return simple(
			this,
			i,
			await api(this, i, 'PUT', `/users/${id}`, { body, notFound: `Person ${id}` }),
		);
	},
});
