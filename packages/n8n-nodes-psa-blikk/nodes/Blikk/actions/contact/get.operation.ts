import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { blikkRequest } from '../../transport';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
	readOnly: true,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'contactId', 'Contact');
		return await blikkRequest.call(this, {
			method: 'GET',
			path: `/v1/Core/Contacts/${id}`,
			itemIndex: i,
			notFoundLabel: `Contact ${id}`,
		});
	},
});
