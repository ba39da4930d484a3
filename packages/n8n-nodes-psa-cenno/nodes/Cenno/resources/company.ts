import type { INodeProperties } from 'n8n-workflow';

import { operationProperty, returnAllLimit, show } from '../../../../shared/kit';
import {
	filtersCollection,
	getAllHandler,
	getHandler,
	locator,
	updatedSinceDef,
	updatedSinceFilter,
	type FilterDef,
	type Handler,
} from './common';

const filters: FilterDef[] = [
	{ key: 'search', label: 'Title Contains', kind: 'text', fields: ['title'] },
	updatedSinceDef,
];

export const companyDescription: INodeProperties[] = [
	operationProperty(
		'company',
		[
			{ name: 'Get', value: 'get', description: 'Get a company by ID', action: 'Get a company' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List companies',
				action: 'Get many companies',
			},
		],
		'getAll',
	),
	locator('company', {
		name: 'companyId',
		displayName: 'Company',
		description: 'The customer company in Cenno',
		displayOptions: show('company', 'get'),
	}),
	...returnAllLimit('company', 'getAll'),
	filtersCollection('company', [
		{
			displayName: 'Title Contains',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Only companies whose name contains this text (not case-sensitive)',
		},
		updatedSinceFilter,
	]),
];

export const companyOperations: Record<string, Handler> = {
	get: getHandler('company', 'companyId', 'Company'),
	getAll: getAllHandler('company', filters),
};
