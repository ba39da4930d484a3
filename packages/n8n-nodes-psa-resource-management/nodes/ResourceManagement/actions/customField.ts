import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, readId, returnAllLimit, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput } from '../../../../shared/validation';
import { api, list, requireChanges, requiredText } from './common';

const CF = 'customField';

const customFieldEditable: INodeProperties[] = [
	{
		displayName: 'Default Value',
		name: 'default_value',
		type: 'string',
		default: '',
		description: 'Applied where no value is given; for selection lists, one of the options',
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{
		displayName: 'Show as Filter',
		name: 'is_visible_as_filter',
		type: 'boolean',
		default: false,
		description: 'Whether the field is offered as a filter',
	},
	{
		displayName: 'Show on Info Page',
		name: 'is_visible_on_info_page',
		type: 'boolean',
		default: true,
		description: 'Whether the field is shown on the info page',
	},
];

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a custom field',
	readOnly: false,
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			displayOptions: show(CF, 'create'),
		},
		{
			displayName: 'Applies To',
			name: 'namespace',
			type: 'options',
			default: 'users',
			displayOptions: show(CF, 'create'),
			options: [
				{ name: 'People', value: 'users' },
				{ name: 'Projects', value: 'assignables' },
			],
		},
		{
			displayName: 'Data Type',
			name: 'dataType',
			type: 'options',
			default: 'string',
			displayOptions: show(CF, 'create'),
			options: [
				{ name: 'Text', value: 'string' },
				{ name: 'Selection List (One Value)', value: 'selection_list' },
				{ name: 'Multiple Choice Selection List', value: 'multiple_choice_selection_list' },
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'string',
			typeOptions: { multipleValues: true },
			default: [],
			placeholder: 'Add Option',
			description: 'The values people can choose from',
			displayOptions: show(CF, 'create', {
				dataType: ['selection_list', 'multiple_choice_selection_list'],
			}),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(CF, 'create'),
			options: [
				{
					displayName: 'Apply Default to Existing Records',
					name: 'apply_default_to_existing_objects',
					type: 'boolean',
					default: false,
					description: 'Whether to set the default value on all existing projects or people once',
				},
				...customFieldEditable,
			],
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const name = requiredText(this, i, 'name', 'Name');
		const dataType = this.getNodeParameter('dataType', i) as string;
		const body: IDataObject = {
			...compact(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
			name,
			namespace: this.getNodeParameter('namespace', i) as string,
			data_type: dataType,
		};
		if (dataType !== 'string') {
			const options = (this.getNodeParameter('options', i, []) as string[])
				.map((o) => String(o).trim())
				.filter(Boolean);
			if (!options.length)
				throw invalidInput(
					this.getNode(),
					i,
					'Options',
					'a selection list needs at least one option',
				);
			body.options = options;
		}
		return await api(this, i, 'POST', '/custom_fields', { body });
	},
});

const remove = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a custom field',
	description: 'Deletes the field and all of its values',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'customFieldId', 'Custom Field');
		await api(this, i, 'DELETE', `/custom_fields/${id}`, { notFound: `Custom field ${id}` });
		return { id, deleted: true };
	},
});

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a custom field',
	readOnly: true,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'customFieldId', 'Custom Field');
		return await api(this, i, 'GET', `/custom_fields/${id}`, { notFound: `Custom field ${id}` });
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many custom fields',
	readOnly: true,
	properties: returnAllLimit(CF, 'getAll'),
	async handler(this: IExecuteFunctions, i: number) {
		return await list(this, i, '/custom_fields');
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a custom field',
	readOnly: false,
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(CF, 'update'),
			options: [
				...customFieldEditable,
				{ displayName: 'Name', name: 'name', type: 'string', default: '' } as INodeProperties,
				{
					displayName: 'Options',
					name: 'options',
					type: 'string',
					typeOptions: { multipleValues: true },
					default: [],
					description: 'The complete new list of options',
				} as INodeProperties,
			].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'customFieldId', 'Custom Field');
		const body = compact(this.getNodeParameter('updateFields', i, {}) as IDataObject);
		if (Array.isArray(body.options) && !body.options.length) delete body.options;
		requireChanges(this, i, body);
		return await api(this, i, 'PUT', `/custom_fields/${id}`, {
			body,
			notFound: `Custom field ${id}`,
		});
	},
});

export const customField = defineResource({
	value: CF,
	name: 'Custom Field',
	defaultOperation: getAll.value,
	// Which field (Get, Update, Delete).
	properties: [
		{
			displayName: 'Custom Field Name or ID',
			name: 'customFieldId',
			type: 'options',
			required: true,
			default: '',
			typeOptions: { loadOptionsMethod: 'getCustomFields' },
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			displayOptions: show(CF, ['delete', 'get', 'update']),
		},
	],
	operations: [create, remove, get, getAll, update],
});
