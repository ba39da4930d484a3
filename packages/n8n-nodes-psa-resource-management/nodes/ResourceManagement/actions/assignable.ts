import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idField, readId, returnAllLimit, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput } from '../../../../shared/validation';
import { api, list } from './common';

const AS = 'assignable';

/** Type filter of Get Many and Find by Name. */
const typeField = (operation: string): INodeProperties => ({
	displayName: 'Type',
	name: 'assignableType',
	type: 'options',
	default: 'any',
	displayOptions: show(AS, operation),
	options: [
		{ name: 'Any', value: 'any' },
		{ name: 'Leave Type', value: 'LeaveType' },
		{ name: 'Project or Phase', value: 'Project' },
	],
});

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an assignable',
	description: 'Get the project, phase or leave type behind an assignable_id',
	readOnly: true,
	properties: [
		idField(
			'assignableId',
			'Assignable ID',
			show(AS, 'get'),
			'The assignable_id of an assignment, time entry or expense',
		),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'assignableId', 'Assignable ID');
		return await api(this, i, 'GET', `/assignables/${id}`, { notFound: `Assignable ${id}` });
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many assignables',
	readOnly: true,
	properties: [typeField('getAll'), ...returnAllLimit(AS, 'getAll')],
	async handler(this: IExecuteFunctions, i: number) {
		const type = this.getNodeParameter('assignableType', i, 'any') as string;
		// The API has no type filter: records are filtered page by page, and Limit stops the reading.
		return await list(
			this,
			i,
			'/assignables',
			{},
			type === 'any' ? {} : { filter: (a) => a.type === type },
		);
	},
});

const search = defineOperation({
	value: 'search',
	name: 'Find by Name',
	action: 'Find a project, phase or leave type by name',
	description: 'Find projects, phases or leave types by name',
	readOnly: true,
	properties: [
		{
			displayName: 'Name',
			name: 'searchText',
			type: 'string',
			required: true,
			default: '',
			displayOptions: show(AS, 'search'),
		},
		{
			displayName: 'Match',
			name: 'match',
			type: 'options',
			default: 'contains',
			displayOptions: show(AS, 'search'),
			options: [
				{ name: 'Contains (Case-Insensitive)', value: 'contains' },
				{ name: 'Exact (Case-Insensitive)', value: 'exact' },
			],
		},
		typeField('search'),
		...returnAllLimit(AS, 'search'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const text = String(this.getNodeParameter('searchText', i) ?? '')
			.trim()
			.toLowerCase();
		if (!text) throw invalidInput(this.getNode(), i, 'Name', 'is required');
		const match = this.getNodeParameter('match', i, 'contains') as string;
		const type = this.getNodeParameter('assignableType', i, 'any') as string;
		const filter = (a: IDataObject) => {
			if (type !== 'any' && a.type !== type) return false;
			const names = [a.name, a.phase_name].filter(Boolean).map((n) => String(n).toLowerCase());
			return names.some((n) => (match === 'exact' ? n === text : n.includes(text)));
		};
		return await list(this, i, '/assignables', {}, { filter });
	},
});

export const assignable = defineResource({
	value: AS,
	name: 'Assignable',
	defaultOperation: get.value,
	operations: [get, getAll, search],
});
