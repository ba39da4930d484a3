import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readId, returnAllLimit, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { list, locator } from '../common';
import { includeFields, listQuery, simple, simplifyField, US, userFilters } from './fields';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many people',
	description: 'List the people of the account or of one project',
	readOnly: true,
	properties: [
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			default: 'account',
			displayOptions: show(US, 'getAll'),
			options: [
				{ name: 'Whole Account', value: 'account' },
				{
					name: 'People on One Project',
					value: 'project',
					description: 'People with assignments on the project',
				},
			],
		},
		locator('project', 'scopeProjectId', 'Project', show(US, 'getAll', { scope: ['project'] })),
		...returnAllLimit(US, 'getAll'),
		userFilters('getAll'),
		includeFields('getAll'),
		simplifyField('getAll'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const scope = this.getNodeParameter('scope', i, 'account') as string;
		const qs = listQuery(this, i, f);
		if (scope === 'project') {
			const pid = readId(this, i, 'scopeProjectId', 'Project');
			return simple(
				this,
				i,
				await list(
					this,
					i,
					`/projects/${pid}/users`,
					{ ...qs, with_phases: f.with_phases ? true : undefined },
					{ notFound: `Project ${pid}` },
				),
			);
		}
		return simple(this, i, await list(this, i, '/users', qs));
	},
});
