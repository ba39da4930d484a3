import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { fieldsQuery, list, optionalDate } from '../common';
import { includeFields, PR, simple, simplifyField } from './fields';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many projects',
	readOnly: true,
	properties: [
		...returnAllLimit(PR, 'getAll'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show(PR, 'getAll'),
			options: [
				{ displayName: 'Ends On or After', name: 'from', type: 'dateTime', default: '' },
				{
					displayName: 'Include Archived',
					name: 'with_archived',
					type: 'boolean',
					default: false,
					description: 'Whether to include archived projects',
				},
				{
					displayName: 'Include Phases',
					name: 'with_phases',
					type: 'boolean',
					default: false,
					description: 'Whether to list phases (child projects) as well',
				},
				{
					displayName: 'Only Entirely Within Dates',
					name: 'strict',
					type: 'boolean',
					default: false,
					description: 'Whether to keep only projects that lie entirely between the two dates',
				},
				{
					displayName: 'Phase Name',
					name: 'phase_name',
					type: 'string',
					default: '',
					description: 'Exact phase name',
				},
				{
					displayName: 'Project Code',
					name: 'project_code',
					type: 'string',
					default: '',
					description: 'Exact project code',
				},
				{
					displayName: 'Project State',
					name: 'project_state',
					type: 'multiOptions',
					default: [],
					options: [
						{ name: 'Confirmed', value: 'Confirmed' },
						{ name: 'Internal', value: 'Internal' },
						{ name: 'Tentative', value: 'Tentative' },
					],
				},
				{
					displayName: 'Sort By',
					name: 'sort_field',
					type: 'options',
					default: 'created',
					options: [
						{ name: 'Created', value: 'created' },
						{ name: 'Updated', value: 'updated' },
					],
				},
				{
					displayName: 'Sort Order',
					name: 'sort_order',
					type: 'options',
					default: 'ascending',
					options: [
						{ name: 'Ascending', value: 'ascending' },
						{ name: 'Descending', value: 'descending' },
					],
				},
				{ displayName: 'Starts On or Before', name: 'to', type: 'dateTime', default: '' },
			],
		},
		includeFields('getAll'),
		simplifyField('getAll'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const states = (f.project_state as string[] | undefined) ?? [];
		const qs: IDataObject = {
			...fieldsQuery(this, i),
			from: optionalDate(this, i, 'Ends On or After', f.from),
			to: optionalDate(this, i, 'Starts On or Before', f.to),
			strict: f.strict ? true : undefined,
			with_archived: f.with_archived ? true : undefined,
			with_phases: f.with_phases ? true : undefined,
			project_code: f.project_code,
			phase_name: f.phase_name,
			sort_field: f.sort_field,
			sort_order: f.sort_order,
			...(states.length ? { filter_field: 'project_state', filter_list: states.join(',') } : {}),
		};
		return simple(this, i, await list(this, i, '/projects', qs));
	},
});
