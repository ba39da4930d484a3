import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readId, returnAllLimit, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { invalidInput } from '../../../../../shared/validation';
import { fieldsOption, fieldsQuery, list, locator, optionalDate } from '../common';
import { TE, TIME_ENTRY_FIELDS } from './fields';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many time entries (timesheet)',
	description:
		'List time entries of the account, a person or a project, optionally in a date range',
	readOnly: true,
	properties: [
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			default: 'account',
			displayOptions: show(TE, 'getAll'),
			options: [
				{ name: 'Whole Account', value: 'account' },
				{ name: 'One Person', value: 'user' },
				{ name: 'One Project', value: 'project', description: 'Includes the time on its phases' },
			],
		},
		locator('user', 'scopeUserId', 'Person', show(TE, 'getAll', { scope: ['user'] })),
		locator('project', 'scopeProjectId', 'Project', show(TE, 'getAll', { scope: ['project'] })),
		...returnAllLimit(TE, 'getAll'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show(TE, 'getAll'),
			options: [
				{
					displayName: 'From',
					name: 'from',
					type: 'dateTime',
					default: '',
					description: 'Entries on or after this date',
				},
				{
					displayName: 'Include Suggested Time',
					name: 'with_suggestions',
					type: 'boolean',
					default: false,
					description:
						'Whether to include suggested (unconfirmed) entries generated from assignments (is_suggestion: true, read-only)',
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
				{
					displayName: 'To',
					name: 'to',
					type: 'dateTime',
					default: '',
					description: 'Entries on or before this date',
				},
			],
		},
		fieldsOption(show(TE, 'getAll'), TIME_ENTRY_FIELDS),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const scope = this.getNodeParameter('scope', i) as string;
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {
			...fieldsQuery(this, i),
			from: optionalDate(this, i, 'From', f.from),
			to: optionalDate(this, i, 'To', f.to),
			with_suggestions: f.with_suggestions ? true : undefined,
			sort_field: f.sort_field,
			sort_order: f.sort_order,
		};
		if (qs.from && qs.to && String(qs.from) > String(qs.to))
			throw invalidInput(this.getNode(), i, 'To', `must not be before From (${String(qs.from)})`);
		if (scope === 'user') {
			const uid = readId(this, i, 'scopeUserId', 'Person');
			return await list(this, i, `/users/${uid}/time_entries`, qs, { notFound: `Person ${uid}` });
		}
		if (scope === 'project') {
			const pid = readId(this, i, 'scopeProjectId', 'Project');
			return await list(this, i, `/projects/${pid}/time_entries`, qs, {
				notFound: `Project ${pid}`,
			});
		}
		return await list(this, i, '/time_entries', qs);
	},
});
