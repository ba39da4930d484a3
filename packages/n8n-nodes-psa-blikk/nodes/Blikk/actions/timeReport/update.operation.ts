import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { blikkRequest } from '../../transport';
import { MERGE_HINT } from '../common';
import { TIME_REPORT, codeFields, sharedFields, simplifyField, writeFields } from './fields';
import { shaped, timeReportToWrite } from './shape';

const PROJECT_KEYS = ['projectId', 'internalProjectId', 'absenceProjectId'];

const updateFields = (
	[
		...sharedFields,
		...codeFields(false),
		{
			displayName: 'Absence Project ID',
			name: 'absenceProjectId',
			type: 'number',
			default: 0,
			description: 'Move the report to this absence project',
		},
		{ displayName: 'Date', name: 'date', type: 'dateTime', default: '' },
		{
			displayName: 'Hours',
			name: 'hours',
			type: 'number',
			typeOptions: { numberPrecision: 2, minValue: 0, maxValue: 24 },
			default: 0,
		},
		{
			displayName: 'Internal Project ID',
			name: 'internalProjectId',
			type: 'number',
			default: 0,
			description: 'Move the report to this internal project',
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'number',
			default: 0,
			description: 'Move the report to this project',
		},
		{ displayName: 'User ID', name: 'userId', type: 'number', default: 0 },
	] as INodeProperties[]
).sort((a, b) => a.displayName.localeCompare(b.displayName));

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Correct logged time',
	description: 'Change only the fields you set on a time report (read, merge, write)',
	readOnly: false,
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(TIME_REPORT, 'update'),
			hint: MERGE_HINT,
			options: updateFields,
		},
		simplifyField('update'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'timeReportId', 'Time Report ID');
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const changes = writeFields(this, i, fields, (key) => `updateFields.${key}`);
		const current = await blikkRequest.call(this, {
			method: 'GET',
			path: `/v1/Core/TimeReports/${id}`,
			itemIndex: i,
			notFoundLabel: `Time report ${id}`,
		});
		const body = { ...timeReportToWrite(current), ...changes };
		// Moving the report to another kind of project clears the other two.
		for (const key of PROJECT_KEYS) {
			if (changes[key]) for (const other of PROJECT_KEYS) if (other !== key) body[other] = null;
		}
		const updated = await blikkRequest.call(this, {
			method: 'PUT',
			path: `/v1/Core/TimeReports/${id}`,
			body,
			itemIndex: i,
			idempotent: true,
		});
		return shaped(this, i, updated);
	},
});
