import type { IExecuteFunctions } from 'n8n-workflow';

import { readId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api, fieldsOption, fieldsQuery } from '../common';
import { TE, TIME_ENTRY_FIELDS } from './fields';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a time entry',
	readOnly: true,
	properties: [fieldsOption(show(TE, 'get'), TIME_ENTRY_FIELDS)],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'timeEntryId', 'Time Entry ID');
		return await api(this, i, 'GET', `/time_entries/${id}`, {
			qs: fieldsQuery(this, i),
			notFound: `Time entry ${id}`,
		});
	},
});
