import type { IDataObject } from 'n8n-workflow';

import { defineOperation, defineResource } from '../../../../shared/operation';
import { pick, returnAllLimit, show, simplifyOption } from '../../../../shared/kit';
import {
	filtersCollection,
	getAllHandler,
	getHandler,
	locator,
	optionsField,
	updatedSinceDef,
	updatedSinceFilter,
} from './common';

function simplifyProject(record: IDataObject): IDataObject {
	return pick(record, [
		'id',
		'title',
		'company_id',
		'status_type',
		'completed',
		'start_date',
		'end_date',
		'progress_percent',
		'items_count',
		'external_id',
		'created_at',
		'updated_at',
	]);
}

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a project',
	description: 'Get a project by ID',
	readOnly: true,
	properties: [
		locator('project', {
			name: 'projectId',
			displayName: 'Project',
			description: 'The Cenno project',
			displayOptions: show('project', 'get'),
		}),
		simplifyOption(show('project', 'get')),
	],
	handler: getHandler('project', 'projectId', 'Project', simplifyProject),
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many projects',
	description: 'List projects',
	readOnly: true,
	properties: [
		...returnAllLimit('project', 'getAll'),
		filtersCollection('project', [
			optionsField('companyId', 'Company', 'getCompanies'),
			{
				displayName: 'Status',
				name: 'statusType',
				type: 'options',
				options: [
					{ name: 'Closed', value: 'closed' },
					{ name: 'Open', value: 'open' },
				],
				default: 'open',
				description: 'Only open or only closed projects',
			},
			{
				displayName: 'Title Contains',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only projects whose title contains this text (not case-sensitive)',
			},
			updatedSinceFilter,
		]),
		simplifyOption(show('project', 'getAll')),
	],
	handler: getAllHandler(
		'project',
		[
			{ key: 'search', label: 'Title Contains', kind: 'text', fields: ['title'] },
			{ key: 'companyId', label: 'Company', kind: 'id', fields: ['company_id'] },
			{ key: 'statusType', label: 'Status', kind: 'choice', fields: ['status_type'] },
			updatedSinceDef,
		],
		simplifyProject,
	),
});

export const project = defineResource({
	value: 'project',
	name: 'Project',
	defaultOperation: getAll.value,
	operations: [get, getAll],
});
