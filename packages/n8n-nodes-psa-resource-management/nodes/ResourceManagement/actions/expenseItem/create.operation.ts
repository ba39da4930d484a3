import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact, readId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api, date, locator, number } from '../common';
import { EX } from './fields';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Log an expense',
	readOnly: false,
	properties: [
		{
			displayName: 'Spent On',
			name: 'assignableType',
			type: 'options',
			default: 'project',
			displayOptions: show(EX, 'create'),
			options: [
				{ name: 'Project or Phase', value: 'project' },
				{ name: 'Leave Type', value: 'leaveType' },
			],
		},
		locator('project', 'projectId', 'Project', show(EX, 'create', { assignableType: ['project'] })),
		locator(
			'leaveType',
			'leaveTypeId',
			'Leave Type',
			show(EX, 'create', { assignableType: ['leaveType'] }),
		),
		{
			displayName: 'Date',
			name: 'date',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: show(EX, 'create'),
		},
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			required: true,
			default: 0,
			typeOptions: { numberPrecision: 2 },
			displayOptions: show(EX, 'create'),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(EX, 'create'),
			options: [
				{
					displayName: 'Category',
					name: 'category',
					type: 'string',
					default: '',
					description: 'An expense budget category, e.g. Travel',
				},
				{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
			],
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const uid = readId(this, i, 'userId', 'Person');
		const type = this.getNodeParameter('assignableType', i) as string;
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = compact({
			[type === 'leaveType' ? 'leave_type_id' : 'project_id']:
				type === 'leaveType'
					? readId(this, i, 'leaveTypeId', 'Leave Type')
					: readId(this, i, 'projectId', 'Project'),
			date: date(this, i, 'Date', this.getNodeParameter('date', i)),
			amount: number(this, i, 'Amount', this.getNodeParameter('amount', i)),
			category: extra.category as string,
			notes: extra.notes as string,
		});
		return await api(this, i, 'POST', `/users/${uid}/expense_items`, {
			body,
			notFound: `Person ${uid}`,
		});
	},
});
