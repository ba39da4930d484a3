import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api, requiredText } from '../common';
import { PR, projectBody, projectWritable, simple, simplifyField } from './fields';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a project',
	readOnly: false,
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			displayOptions: show(PR, 'create'),
		},
		{
			displayName: 'Start Date',
			name: 'starts_at',
			type: 'dateTime',
			default: '',
			displayOptions: show(PR, 'create'),
		},
		{
			displayName: 'End Date',
			name: 'ends_at',
			type: 'dateTime',
			default: '',
			displayOptions: show(PR, 'create'),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(PR, 'create'),
			options: projectWritable(false),
		},
		simplifyField('create'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const name = requiredText(this, i, 'name', 'Name');
		const body = projectBody(this, i, {
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
			name,
			starts_at: this.getNodeParameter('starts_at', i, ''),
			ends_at: this.getNodeParameter('ends_at', i, ''),
		});
		return simple(this, i, await api(this, i, 'POST', '/projects', { body }));
	},
});
