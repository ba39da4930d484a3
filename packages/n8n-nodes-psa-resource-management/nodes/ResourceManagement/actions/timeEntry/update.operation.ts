import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readId, readOptionalId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api, date, requireChanges } from '../common';
import { checkText, entryOwner, hours, TE } from './fields';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Correct logged time',
	readOnly: false,
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(TE, 'update'),
			options: [
				{
					displayName: 'Assignable ID',
					name: 'assignable_id',
					type: 'string',
					default: '',
					description: 'Move the entry to another project, phase or leave type (its ID)',
				},
				{ displayName: 'Bill Rate ID', name: 'bill_rate_id', type: 'number', default: 0 },
				{ displayName: 'Date', name: 'date', type: 'dateTime', default: '' },
				{
					displayName: 'Hours',
					name: 'hours',
					type: 'number',
					default: 0,
					typeOptions: { minValue: 0, maxValue: 24, numberPrecision: 2 },
				},
				{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
				{ displayName: 'Task', name: 'task', type: 'string', default: '' },
			],
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'timeEntryId', 'Time Entry ID');
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body: IDataObject = {};
		if (fields.date) body.date = date(this, i, 'Date', fields.date);
		if (fields.hours !== undefined) body.hours = hours(this, i, fields.hours);
		const assignableId = readOptionalId(this, i, 'updateFields.assignable_id', 'Assignable ID');
		if (assignableId !== undefined) body.assignable_id = assignableId;
		const billRateId = readOptionalId(this, i, 'updateFields.bill_rate_id', 'Bill Rate ID');
		if (billRateId !== undefined) body.bill_rate_id = billRateId;
		for (const key of ['task', 'notes']) {
			if (fields[key] !== undefined) {
				checkText(this, i, key === 'task' ? 'Task' : 'Notes', fields[key]);
				body[key] = fields[key];
			}
		}
		requireChanges(this, i, body);
		const entry = await entryOwner(this, i, id);
		return await api(this, i, 'PUT', `/users/${entry.user_id as number}/time_entries/${id}`, {
			body,
			notFound: `Time entry ${id}`,
		});
	},
});
