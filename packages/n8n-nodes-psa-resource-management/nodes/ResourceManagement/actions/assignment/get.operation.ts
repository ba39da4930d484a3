import type { IExecuteFunctions } from 'n8n-workflow';

import { readId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api, fieldsOption, fieldsQuery } from '../common';
import { AM, ASSIGNMENT_FIELDS } from './fields';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an assignment',
	readOnly: true,
	properties: [fieldsOption(show(AM, 'get'), ASSIGNMENT_FIELDS)],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'assignmentId', 'Assignment ID');
		return await api(this, i, 'GET', `/assignments/${id}`, {
			qs: fieldsQuery(this, i),
			notFound: `Assignment ${id}`,
		});
	},
});
