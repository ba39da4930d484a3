import { returnAllLimit } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import {
	filtersCollection,
	getAllHandler,
	optionsField,
	updatedSinceDef,
	updatedSinceFilter,
} from '../common';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many time entries (timesheet)',
	description: 'List logged hours (timesheet), filtered by project, user, date or billable',
	readOnly: true,
	properties: [
		...returnAllLimit('timeEntry', 'getAll'),
		filtersCollection('timeEntry', [
			{
				displayName: 'Billable',
				name: 'billable',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Billable Only', value: true },
					{ name: 'Non-Billable Only', value: false },
				],
				default: 'any',
				description: 'Whether to return only billable or only non-billable hours',
			},
			{
				displayName: 'Date From',
				name: 'dateFrom',
				type: 'dateTime',
				default: '',
				description: 'Only entries on or after this day',
			},
			{
				displayName: 'Date To',
				name: 'dateTo',
				type: 'dateTime',
				default: '',
				description: 'Only entries on or before this day',
			},
			optionsField('itemId', 'Item', 'getItems', ['filters.projectId']),
			optionsField('projectId', 'Project', 'getProjects'),
			updatedSinceFilter,
			optionsField('userId', 'User', 'getUsers'),
		]),
	],
	handler: getAllHandler('timeEntry', [
		{ key: 'projectId', label: 'Project', kind: 'id', fields: ['project_id'] },
		{ key: 'itemId', label: 'Item', kind: 'id', fields: ['item_id'] },
		{ key: 'userId', label: 'User', kind: 'id', fields: ['user_id'] },
		{ key: 'dateFrom', label: 'Date From', kind: 'dateFrom', fields: ['date'] },
		{ key: 'dateTo', label: 'Date To', kind: 'dateTo', fields: ['date'] },
		{ key: 'billable', label: 'Billable', kind: 'choice', fields: ['billable'] },
		updatedSinceDef,
	]),
});
