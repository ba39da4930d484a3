import type { INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import {
	filtersCollection,
	getAllHandler,
	getHandler,
	locator,
	show,
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
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['company'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a company by ID', action: 'Get a company' },
			{ name: 'Get Many', value: 'getAll', description: 'List companies', action: 'Get many companies' },
		],
		default: 'getAll',
	},
	locator('company', {
		name: 'companyId',
		displayName: 'Company',
		description: 'The customer company in Cenno',
		displayOptions: show('company', ['get']),
		placeholder: '622',
	}),
	...returnAllOrLimit('company', 'getAll'),
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
