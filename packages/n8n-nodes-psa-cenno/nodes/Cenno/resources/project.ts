import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	operationProperty,
	pick,
	returnAllLimit,
	show,
	simplifyOption,
} from '../../../../shared/kit';
import {
	filtersCollection,
	getAllHandler,
	getHandler,
	locator,
	optionsField,
	updatedSinceDef,
	updatedSinceFilter,
	type FilterDef,
	type Handler,
} from './common';

const filters: FilterDef[] = [
	{ key: 'search', label: 'Title Contains', kind: 'text', fields: ['title'] },
	{ key: 'companyId', label: 'Company', kind: 'id', fields: ['company_id'] },
	{ key: 'statusType', label: 'Status', kind: 'choice', fields: ['status_type'] },
	updatedSinceDef,
];

export function simplifyProject(record: IDataObject): IDataObject {
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

export const projectDescription: INodeProperties[] = [
	operationProperty(
		'project',
		[
			{ name: 'Get', value: 'get', description: 'Get a project by ID', action: 'Get a project' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List projects',
				action: 'Get many projects',
			},
		],
		'getAll',
	),
	locator('project', {
		name: 'projectId',
		displayName: 'Project',
		description: 'The Cenno project',
		displayOptions: show('project', 'get'),
	}),
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
	simplifyOption(show('project', ['get', 'getAll'])),
];

export const projectOperations: Record<string, Handler> = {
	get: getHandler('project', 'projectId', 'Project', simplifyProject),
	getAll: getAllHandler('project', filters, simplifyProject),
};
