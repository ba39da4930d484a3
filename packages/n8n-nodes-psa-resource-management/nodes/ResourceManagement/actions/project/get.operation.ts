import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api, fieldsQuery } from '../common';
import { includeFields, simple, simplifyField } from './fields';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a project',
	readOnly: true,
	properties: [includeFields('get'), simplifyField('get')],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'projectId', 'Project');
		return simple(
			this,
			i,
			await api(this, i, 'GET', `/projects/${id}`, {
				qs: fieldsQuery(this, i),
				notFound: `Project ${id}`,
			}),
		);
	},
});
