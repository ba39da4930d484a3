import type { IExecuteFunctions } from 'n8n-workflow';

import { readId, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { blikkRequest } from '../transport';
import { locator } from './common';
import { registerGetAll } from './registers';

const getAll = registerGetAll({
	resource: 'user',
	plural: 'users',
	path: '/v1/Admin/Users',
	sortBy: ['name'],
	query: 'Matches the user’s name',
});

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a user',
	description: 'One user with details such as standard activity and time article',
	readOnly: true,
	properties: [locator('userId', 'User', 'searchUsers', show('user', 'get'))],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'userId', 'User');
		return await blikkRequest.call(this, {
			method: 'GET',
			path: `/v1/Admin/Users/${id}`,
			itemIndex: i,
			notFoundLabel: `User ${id}`,
		});
	},
});

/** Blikk's users: the register (Get Many) and one user with details (Get). */
export const user = defineResource({
	value: 'user',
	name: 'User',
	defaultOperation: getAll.value,
	operations: [get, getAll],
});
