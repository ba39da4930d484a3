import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { vendorRequest } from '../../../../../shared/transport';
import { clean, cennoProfile } from '../../transport';
import { locator } from '../common';
import { commonFields, dateValue, entryFields, hoursValue } from './entryFields';

const CREATE = show('timeEntry', 'create');

/** Log Time: a new time entry (hours on a project, optionally an item). */
export const create = defineOperation({
	value: 'create',
	name: 'Log Time',
	action: 'Log time',
	description: 'Log hours on a project (and item): a new time entry',
	readOnly: false,
	properties: [
		locator('project', {
			name: 'projectId',
			displayName: 'Project',
			description: 'The project the hours are logged on',
			displayOptions: CREATE,
		}),
		locator('user', {
			name: 'userId',
			displayName: 'User',
			description: 'Whose hours these are',
			displayOptions: CREATE,
		}),
		{
			displayName: 'Date',
			name: 'date',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'The day the work was done (only the date is used)',
			displayOptions: CREATE,
		},
		{
			displayName: 'Hours',
			name: 'hours',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 1,
			required: true,
			description: 'Hours worked, more than 0 (e.g. 1.5 for an hour and a half)',
			displayOptions: CREATE,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: CREATE,
			options: entryFields('additionalFields'),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const projectId = readId(this, i, 'projectId', 'Project');
		const userId = readId(this, i, 'userId', 'User');
		const date = dateValue(this, i, 'Date', this.getNodeParameter('date', i, ''));
		const hours = hoursValue(this, i, 'Hours', this.getNodeParameter('hours', i, 0));
		const timeEntry: IDataObject = {
			user_id: userId,
			project_id: projectId,
			date,
			hours,
			...commonFields(this, i, 'additionalFields', 'Additional Fields'),
		};
		const created = await vendorRequest.call(this, cennoProfile, {
			method: 'POST',
			path: '/time_entries',
			body: { time_entry: timeEntry },
			itemIndex: i,
		});
		return clean(created as IDataObject);
	},
});
