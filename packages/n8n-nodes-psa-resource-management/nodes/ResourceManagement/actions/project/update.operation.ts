import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api, requireChanges } from '../common';
import { PR, projectBody, projectWritable, simple, simplifyField } from './fields';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a project',
	readOnly: false,
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(PR, 'update'),
			options: projectWritable(true),
		},
		simplifyField('update'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'projectId', 'Project');
		const body = projectBody(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject);
		requireChanges(this, i, body);
		return simple(
			this,
			i,
			await api(this, i, 'PUT', `/projects/${id}`, { body, notFound: `Project ${id}` }),
		);
	},
});
