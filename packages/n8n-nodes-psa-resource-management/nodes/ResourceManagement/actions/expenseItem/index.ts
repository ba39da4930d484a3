import { idField, show } from '../../../../../shared/kit';
import { defineResource } from '../../../../../shared/operation';
import { locator } from '../common';
import { create } from './create.operation';
import { remove } from './delete.operation';
import { EX } from './fields';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

const READS = ['getAll', 'get'];
const WRITES = ['create', 'update', 'delete'];

export const expenseItem = defineResource({
	value: EX,
	name: 'Expense Item',
	defaultOperation: create.value,
	// Where to read (Get, Get Many) or whose expense (Create, Update, Delete), and which one.
	properties: [
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			default: 'user',
			displayOptions: show(EX, READS),
			options: [
				{ name: 'One Person', value: 'user' },
				{ name: 'One Project', value: 'project' },
			],
		},
		locator('user', 'userId', 'Person', show(EX, WRITES)),
		locator('user', 'scopeUserId', 'Person', show(EX, READS, { scope: ['user'] })),
		locator('project', 'scopeProjectId', 'Project', show(EX, READS, { scope: ['project'] })),
		idField('expenseItemId', 'Expense Item ID', show(EX, ['get', 'update', 'delete'])),
	],
	operations: [create, remove, get, getAll, update],
});
