import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idField, readId, returnAllLimit, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput } from '../../../../shared/validation';
import { api, list, locator, requiredText, unwrap } from './common';

const CV = 'customFieldValue';
const ALL = ['create', 'getAll', 'update'];

/** Value, the last field of Set and Update. */
const valueField = (operation: string): INodeProperties => ({
	displayName: 'Value',
	name: 'value',
	type: 'string',
	required: true,
	default: '',
	description:
		'For multiple choice lists, several values separated by commas (they replace the current set)',
	displayOptions: show(CV, operation),
});

function valueBase(ctx: IExecuteFunctions, i: number): string {
	return ctx.getNodeParameter('owner', i) === 'project'
		? `/projects/${readId(ctx, i, 'projectId', 'Project')}/custom_field_values`
		: `/users/${readId(ctx, i, 'userId', 'Person')}/custom_field_values`;
}

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many custom field values',
	readOnly: true,
	properties: returnAllLimit(CV, 'getAll'),
	async handler(this: IExecuteFunctions, i: number) {
		return await list(this, i, valueBase(this, i));
	},
});

const set = defineOperation({
	value: 'create',
	name: 'Set',
	action: 'Set a custom field value',
	description:
		'Set the value(s) of a field on a project or person; replaces earlier values of that field',
	readOnly: false,
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
			displayOptions: show(CV, 'create'),
		},
		valueField('create'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const fieldId = readId(this, i, 'customFieldId', 'Custom Field');
		const raw = this.getNodeParameter('value', i);
		const values = Array.isArray(raw)
			? raw.map(String)
			: String(raw ?? '')
					.split(',')
					.map((v) => v.trim())
					.filter(Boolean);
		if (!values.length) throw invalidInput(this.getNode(), i, 'Value', 'is required');
		const base = valueBase(this, i);
		const field = await api<IDataObject>(this, i, 'GET', `/custom_fields/${fieldId}`, {
			notFound: `Custom field ${fieldId}`,
		});
		const multiple = field.data_type === 'multiple_choice_selection_list';
		const value = multiple ? values : Array.isArray(raw) ? String(raw[0]) : String(raw).trim();
		return unwrap(await api(this, i, 'POST', base, { body: { custom_field_id: fieldId, value } }));
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a custom field value',
	readOnly: false,
	properties: [
		idField('customFieldValueId', 'Custom Field Value ID', show(CV, 'update')),
		valueField('update'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'customFieldValueId', 'Custom Field Value ID');
		const value = requiredText(this, i, 'value', 'Value');
		return await api(this, i, 'PUT', `${valueBase(this, i)}/${id}`, {
			body: { value },
			notFound: `Custom field value ${id}`,
		});
	},
});

export const customFieldValue = defineResource({
	value: CV,
	name: 'Custom Field Value',
	defaultOperation: set.value,
	// Whose values (every operation).
	properties: [
		{
			displayName: 'Values Of',
			name: 'owner',
			type: 'options',
			default: 'user',
			displayOptions: show(CV, ALL),
			options: [
				{ name: 'A Person', value: 'user' },
				{ name: 'A Project', value: 'project' },
			],
		},
		locator('user', 'userId', 'Person', show(CV, ALL, { owner: ['user'] })),
		locator('project', 'projectId', 'Project', show(CV, ALL, { owner: ['project'] })),
	],
	operations: [getAll, set, update],
});
