import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readId, returnAllLimit, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput } from '../../../../shared/validation';
import { api, list, locator, number, requireChanges, requiredText } from './common';

const SO = 'statusOption';
const COLORS = [
	'blue_bright',
	'blue_dark',
	'green_bright',
	'green_dark',
	'orange',
	'purple',
	'red',
	'yellow',
];
const colorName = (c: string) =>
	c
		.split('_')
		.map((w) => w[0].toUpperCase() + w.slice(1))
		.join(' ');
const STAGES = [
	{ name: 'Done', value: 'done' },
	{ name: 'In Progress', value: 'in_progress' },
	{ name: 'Planned', value: 'planned' },
];

const statusOptionFields: INodeProperties[] = [
	{
		displayName: 'Color',
		name: 'color',
		type: 'options',
		default: 'green_bright',
		options: COLORS.map((c) => ({ name: colorName(c), value: c })),
	},
	{ displayName: 'Label', name: 'label', type: 'string', default: '' },
	{
		displayName: 'Order',
		name: 'order',
		type: 'number',
		default: 100,
		description: 'Sort position in menus',
	},
	{ displayName: 'Stage', name: 'stage', type: 'options', default: 'in_progress', options: STAGES },
];

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a status option',
	description: 'A work status for assignments (e.g. On Track)',
	readOnly: false,
	properties: [
		{
			displayName: 'Label',
			name: 'label',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. On Track',
			displayOptions: show(SO, 'create'),
		},
		{ ...statusOptionFields[0], displayOptions: show(SO, 'create') },
		{ ...statusOptionFields[3], displayOptions: show(SO, 'create') },
		{ ...statusOptionFields[2], displayOptions: show(SO, 'create') },
	],
	async handler(this: IExecuteFunctions, i: number) {
		const label = requiredText(this, i, 'label', 'Label');
		return await api(this, i, 'POST', '/status_options', {
			body: {
				label,
				color: this.getNodeParameter('color', i) as string,
				stage: this.getNodeParameter('stage', i) as string,
				order: number(this, i, 'Order', this.getNodeParameter('order', i)),
			},
		});
	},
});

const remove = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a status option',
	description: 'Flags it deleted; history keeps it',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'statusOptionId', 'Status Option');
		await api(this, i, 'DELETE', `/status_options/${id}`, { notFound: `Status option ${id}` });
		return { id, deleted: true };
	},
});

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a status option',
	readOnly: true,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'statusOptionId', 'Status Option');
		return await api(this, i, 'GET', `/status_options/${id}`, {
			notFound: `Status option ${id}`,
		});
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many status options',
	readOnly: true,
	properties: [
		{
			displayName: 'Include Deleted',
			name: 'withDeleted',
			type: 'boolean',
			default: false,
			description: 'Whether to list deleted status options too',
			displayOptions: show(SO, 'getAll'),
		},
		...returnAllLimit(SO, 'getAll'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		return await list(
			this,
			i,
			'/status_options',
			this.getNodeParameter('withDeleted', i, false) ? { with_deleted: true } : {},
		);
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a status option',
	readOnly: false,
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(SO, 'update'),
			options: statusOptionFields,
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'statusOptionId', 'Status Option');
		const body = { ...(this.getNodeParameter('updateFields', i, {}) as IDataObject) };
		if (body.order !== undefined) body.order = number(this, i, 'Order', body.order);
		if (body.label !== undefined && !String(body.label).trim())
			throw invalidInput(this.getNode(), i, 'Label', 'must not be empty');
		requireChanges(this, i, body);
		return await api(this, i, 'PUT', `/status_options/${id}`, {
			body,
			notFound: `Status option ${id}`,
		});
	},
});

export const statusOption = defineResource({
	value: SO,
	name: 'Status Option',
	defaultOperation: getAll.value,
	// Which status option (Get, Update, Delete).
	properties: [
		locator(
			'statusOption',
			'statusOptionId',
			'Status Option',
			show(SO, ['delete', 'get', 'update']),
		),
	],
	operations: [create, remove, get, getAll, update],
});
