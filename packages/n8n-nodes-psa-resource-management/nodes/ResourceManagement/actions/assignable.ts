import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../../shared/validation';
import type { ResourceModule } from './common';
import { api, list, returnAllLimit, idOf, idField, operationProperty, show } from './common';

const AS = 'assignable';

const assignableProperties: INodeProperties[] = [
	operationProperty(
		AS,
		[
			{
				name: 'Find by Name',
				value: 'search',
				action: 'Find a project, phase or leave type by name',
				description: 'Find projects, phases or leave types by name',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an assignable',
				description: 'Get the project, phase or leave type behind an assignable_id',
			},
			{ name: 'Get Many', value: 'getAll', action: 'Get many assignables' },
		],
		'get',
	),
	idField(
		'assignableId',
		'Assignable ID',
		show(AS, 'get'),
		'The assignable_id of an assignment, time entry or expense',
	),
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
	{
		displayName: 'Type',
		name: 'assignableType',
		type: 'options',
		default: 'any',
		displayOptions: show(AS, ['search', 'getAll']),
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Leave Type', value: 'LeaveType' },
			{ name: 'Project or Phase', value: 'Project' },
		],
	},
	...returnAllLimit(AS, ['getAll', 'search']),
];

const assignableHandlers: ResourceModule['handlers'] = {
	async get(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'assignableId', i, 'Assignable ID');
		return await api(this, i, 'GET', `/assignables/${id}`, { notFound: `Assignable ${id}` });
	},
	async getAll(this: IExecuteFunctions, i: number) {
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
	async search(this: IExecuteFunctions, i: number) {
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
};

export const assignable: ResourceModule = {
	resource: { name: 'Assignable', value: AS },
	properties: assignableProperties,
	handlers: assignableHandlers,
};
