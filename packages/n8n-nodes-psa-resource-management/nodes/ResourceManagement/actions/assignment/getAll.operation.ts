import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readId, returnAllLimit, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { fieldsOption, fieldsQuery, list, locator, optionalDate } from '../common';
import { AM, ASSIGNMENT_FIELDS } from './fields';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many assignments',
	readOnly: true,
	properties: [
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			default: 'account',
			displayOptions: show(AM, 'getAll'),
			options: [
				{ name: 'Whole Account', value: 'account' },
				{ name: 'One Person', value: 'user' },
				{ name: 'One Placeholder', value: 'placeholder' },
				{ name: 'One Project', value: 'project' },
			],
		},
		locator('user', 'scopeUserId', 'Person', show(AM, 'getAll', { scope: ['user'] })),
		locator(
			'placeholder',
			'scopePlaceholderId',
			'Placeholder',
			show(AM, 'getAll', { scope: ['placeholder'] }),
		),
		locator('project', 'scopeProjectId', 'Project', show(AM, 'getAll', { scope: ['project'] })),
		...returnAllLimit(AM, 'getAll'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show(AM, 'getAll'),
			options: [
				{
					displayName: 'Ends After',
					name: 'from',
					type: 'dateTime',
					default: '',
					description: 'Assignments that end after this date',
				},
				{
					displayName: 'Include Phases',
					name: 'with_phases',
					type: 'boolean',
					default: false,
					description: 'Whether to include assignments to phases',
				},
				{
					displayName: 'Starts Before',
					name: 'to',
					type: 'dateTime',
					default: '',
					description: 'Assignments that start before this date',
				},
			],
		},
		fieldsOption(show(AM, 'getAll'), ASSIGNMENT_FIELDS),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const scope = this.getNodeParameter('scope', i) as string;
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {
			...fieldsQuery(this, i),
			from: optionalDate(this, i, 'Ends After', f.from),
			to: optionalDate(this, i, 'Starts Before', f.to),
			with_phases: f.with_phases ? true : undefined,
		};
		if (scope === 'user')
			return await list(
				this,
				i,
				`/users/${readId(this, i, 'scopeUserId', 'Person')}/assignments`,
				qs,
			);
		if (scope === 'placeholder')
			return await list(
				this,
				i,
				`/placeholder_resources/${readId(this, i, 'scopePlaceholderId', 'Placeholder')}/assignments`,
				qs,
			);
		if (scope === 'project')
			return await list(
				this,
				i,
				`/projects/${readId(this, i, 'scopeProjectId', 'Project')}/assignments`,
				qs,
			);
		return await list(this, i, '/assignments', qs);
	},
});
