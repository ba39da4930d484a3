import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readId, readOptionalId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { vendorRequest } from '../../../../../shared/transport';
import { invalidInput } from '../../../../../shared/validation';
import { clean, cennoProfile, getOne } from '../../transport';
import { optionsField } from '../common';
import { commonFields, dateValue, entryFields, hoursValue } from './entryFields';

/** Update: only the fields the user added are sent (the Time Entry field is the resource's). */
export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update logged time',
	description: 'Correct the hours, date, item or description of a time entry',
	readOnly: false,
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields added here are changed; everything else stays as it is',
			displayOptions: show('timeEntry', 'update'),
			options: (
				[
					...entryFields('updateFields'),
					{
						displayName: 'Date',
						name: 'date',
						type: 'dateTime',
						default: '',
						description: 'The day the work was done (only the date is used)',
					},
					{
						displayName: 'Hours',
						name: 'hours',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 2 },
						default: 1,
						description: 'Hours worked, more than 0',
					},
					optionsField('projectId', 'Project', 'getProjects'),
					optionsField('userId', 'User', 'getUsers'),
				] as INodeProperties[]
			).sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'timeEntryId', 'Time Entry');
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const changes: IDataObject = commonFields(this, i, 'updateFields', 'Update Fields');
		const projectId = readOptionalId(this, i, 'updateFields.projectId', 'Update Fields → Project');
		if (projectId !== undefined) changes.project_id = projectId;
		const userId = readOptionalId(this, i, 'updateFields.userId', 'Update Fields → User');
		if (userId !== undefined) changes.user_id = userId;
		if (fields.date !== undefined && fields.date !== '')
			changes.date = dateValue(this, i, 'Update Fields → Date', fields.date);
		if (fields.hours !== undefined)
			changes.hours = hoursValue(this, i, 'Update Fields → Hours', fields.hours);
		if (!Object.keys(changes).length) {
			throw invalidInput(this.getNode(), i, 'Update Fields', 'add at least one field to change');
		}
		// Cenno changes the fields sent and keeps the others (Rails `update(params)`): only what the
		// user set is sent, so nothing the user did not touch can be changed (no read-merge-write). Not
		// marked idempotent: the execute loop's rehearsal must stop at this write, and a PUT that
		// failed with a 5xx is reported as "may have been applied" rather than resent.
		const updated = await vendorRequest.call(this, cennoProfile, {
			method: 'PUT',
			path: `/time_entries/${id}`,
			body: { time_entry: changes },
			itemIndex: i,
			notFoundLabel: `Time entry ${id}`,
		});
		if (
			updated &&
			typeof updated === 'object' &&
			!Array.isArray(updated) &&
			'id' in (updated as IDataObject)
		) {
			return clean(updated as IDataObject);
		}
		// An answer without the record (e.g. 204): read it back.
		return await getOne.call(this, 'timeEntry', id, i);
	},
});
