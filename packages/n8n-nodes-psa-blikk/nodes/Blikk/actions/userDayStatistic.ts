import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput } from '../../../../shared/validation';
import { idList, listFields, listQuery, listRecords, toBlikkDate } from './common';

const S = 'userDayStatistic';

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Compare reported and scheduled hours',
	description: 'Reported vs scheduled hours per user and day (max 31 days)',
	readOnly: true,
	properties: [
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			required: true,
			displayOptions: show(S, 'getAll'),
			description: 'First day of the span',
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			required: true,
			displayOptions: show(S, 'getAll'),
			description: 'Last day of the span (at most 31 days after From)',
		},
		...listFields(
			S,
			['name'],
			[
				{
					displayName: 'Department IDs',
					name: 'departmentIds',
					type: 'string',
					default: '',
					placeholder: 'e.g. 1,2',
					description: 'Only users in these departments (comma-separated IDs)',
				},
				{
					displayName: 'User Names or IDs',
					name: 'userIds',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getUsers' },
					default: [],
					description:
						'Only these users. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
			],
		),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const from = toBlikkDate(this, i, 'From', this.getNodeParameter('from', i, ''));
		const to = toBlikkDate(this, i, 'To', this.getNodeParameter('to', i, ''));
		if (!from) throw invalidInput(this.getNode(), i, 'From', 'is required');
		if (!to) throw invalidInput(this.getNode(), i, 'To', 'is required');
		const days =
			(Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) /
			86400000;
		if (days < 0)
			throw invalidInput(this.getNode(), i, 'To', `must not be before From (${from.slice(0, 10)})`);
		if (days > 30)
			throw invalidInput(
				this.getNode(),
				i,
				'To',
				`the span may be at most 31 days; ${from.slice(0, 10)} to ${to.slice(0, 10)} is ${days + 1}`,
			);
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs = listQuery(
			{
				from: from.slice(0, 10),
				to: to.slice(0, 10),
				userIds: idList(this, i, 'User Names or IDs', f.userIds),
				departmentIds: idList(this, i, 'Department IDs', f.departmentIds),
			},
			this.getNodeParameter('options', i, {}) as IDataObject,
		);
		return await listRecords(this, i, '/v1/Core/TimeReports/UserDayStatistics', qs);
	},
});

/** Reported against scheduled hours, per user and day. */
export const userDayStatistic = defineResource({
	value: S,
	name: 'User Day Statistic',
	defaultOperation: getAll.value,
	operations: [getAll],
});
