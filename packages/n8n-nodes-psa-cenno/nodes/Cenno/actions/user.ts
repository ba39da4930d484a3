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

/** Users as most workflows need them (Simplify on). Secret fields are removed in every mode. */
function simplifyUser(record: IDataObject): IDataObject {
	return {
		...pick(record, [
			'id',
			'first_name',
			'last_name',
			'email',
			'role',
			'company_id',
			'title',
			'phone',
			'allow_access',
			'external_id',
			'deleted_at',
			'created_at',
			'updated_at',
		]),
		name: [record.first_name, record.last_name].filter(Boolean).join(' '),
	};
}

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a user',
	description: 'Get a user by ID',
	readOnly: true,
	properties: [
		locator('user', {
			name: 'userId',
			displayName: 'User',
			description: 'The Cenno user',
			displayOptions: show('user', 'get'),
		}),
		simplifyOption(show('user', 'get')),
	],
	handler: getHandler('user', 'userId', 'User', simplifyUser),
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many users',
	description: 'List users',
	readOnly: true,
	properties: [
		...returnAllLimit('user', 'getAll'),
		filtersCollection('user', [
			optionsField('companyId', 'Company', 'getCompanies'),
			{
				displayName: 'Name or Email Contains',
				name: 'search',
				type: 'string',
				default: '',
				description:
					'Only users whose first name, last name or email contains this text (not case-sensitive)',
			},
			{
				displayName: 'Role',
				name: 'role',
				type: 'options',
				options: [
					{ name: 'Admin', value: 'admin' },
					{ name: 'Guest', value: 'guest' },
					{ name: 'Member', value: 'member' },
					{ name: 'Owner', value: 'owner' },
				],
				default: 'member',
				description: 'Only users with this role',
			},
			{
				displayName: 'Status',
				name: 'active',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any', description: 'Active and deleted users' },
					{ name: 'Active Only', value: 'null', description: 'Users that are not deleted' },
				],
				default: 'null',
				description: 'Whether to leave out users that were deleted in Cenno',
			},
			updatedSinceFilter,
		]),
		simplifyOption(show('user', 'getAll')),
	],
	handler: getAllHandler(
		'user',
		[
			{
				key: 'search',
				label: 'Name or Email Contains',
				kind: 'text',
				fields: ['first_name', 'last_name', 'email'],
			},
			{ key: 'companyId', label: 'Company', kind: 'id', fields: ['company_id'] },
			{ key: 'role', label: 'Role', kind: 'choice', fields: ['role'] },
			{ key: 'active', label: 'Status', kind: 'choice', fields: ['deleted_at'] },
			updatedSinceDef,
		],
		simplifyUser,
	),
});

export const user = defineResource({
	value: 'user',
	name: 'User',
	defaultOperation: getAll.value,
	operations: [get, getAll],
});
