import { defineOperation, defineResource } from '../../../../shared/operation';
import { returnAllLimit, show } from '../../../../shared/kit';
import {
	filtersCollection,
	getAllHandler,
	getHandler,
	locator,
	updatedSinceDef,
	updatedSinceFilter,
} from './common';

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a company',
	description: 'Get a company by ID',
	readOnly: true,
	properties: [
		locator('company', {
			name: 'companyId',
			displayName: 'Company',
			description: 'The customer company in Cenno',
			displayOptions: show('company', 'get'),
		}),
	],
	handler: getHandler('company', 'companyId', 'Company'),
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many companies',
	description: 'List companies',
	readOnly: true,
	properties: [
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
	],
	handler: getAllHandler('company', [
		{ key: 'search', label: 'Title Contains', kind: 'text', fields: ['title'] },
		updatedSinceDef,
	]),
});

export const company = defineResource({
	value: 'company',
	name: 'Company',
	defaultOperation: getAll.value,
	operations: [get, getAll],
});
