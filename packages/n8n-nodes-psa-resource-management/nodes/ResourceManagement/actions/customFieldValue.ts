import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../../shared/validation';
import type { ResourceModule } from './common';
import {
	api,
	list,
	unwrap,
	idOf,
	locator,
	idField,
	operationProperty,
	show,
	returnAllLimit,
	requiredText,
} from './common';

const CV = 'customFieldValue';

const customFieldValueProperties: INodeProperties[] = [
	operationProperty(
		CV,
		[
			{ name: 'Get Many', value: 'getAll', action: 'Get many custom field values' },
			{
				name: 'Set',
				value: 'create',
				action: 'Set a custom field value',
				description:
					'Set the value(s) of a field on a project or person; replaces earlier values of that field',
			},
			{ name: 'Update', value: 'update', action: 'Update a custom field value' },
		],
		'create',
	),
	{
		displayName: 'Values Of',
		name: 'owner',
		type: 'options',
		default: 'user',
		displayOptions: show(CV, ['create', 'getAll', 'update']),
		options: [
			{ name: 'A Person', value: 'user' },
			{ name: 'A Project', value: 'project' },
		],
	},
	locator(
		'user',
		'userId',
		'Person',
		show(CV, ['create', 'getAll', 'update'], { owner: ['user'] }),
	),
	locator(
		'project',
		'projectId',
		'Project',
		show(CV, ['create', 'getAll', 'update'], { owner: ['project'] }),
	),
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
	idField('customFieldValueId', 'Custom Field Value ID', show(CV, 'update')),
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		description:
			'For multiple choice lists, several values separated by commas (they replace the current set)',
		displayOptions: show(CV, ['create', 'update']),
	},
	...returnAllLimit(CV, 'getAll'),
];

function valueBase(ctx: IExecuteFunctions, i: number): string {
	return ctx.getNodeParameter('owner', i) === 'project'
		? `/projects/${idOf(ctx, 'projectId', i, 'Project')}/custom_field_values`
		: `/users/${idOf(ctx, 'userId', i, 'Person')}/custom_field_values`;
}

const customFieldValueHandlers: ResourceModule['handlers'] = {
	async getAll(this: IExecuteFunctions, i: number) {
		return await list(this, i, valueBase(this, i));
	},
	async create(this: IExecuteFunctions, i: number) {
		const fieldId = idOf(this, 'customFieldId', i, 'Custom Field');
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
	async update(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'customFieldValueId', i, 'Custom Field Value ID');
		const value = requiredText(this, i, 'value', 'Value');
		return await api(this, i, 'PUT', `${valueBase(this, i)}/${id}`, {
			body: { value },
			notFound: `Custom field value ${id}`,
		});
	},
};

export const customFieldValue: ResourceModule = {
	resource: { name: 'Custom Field Value', value: CV },
	properties: customFieldValueProperties,
	handlers: customFieldValueHandlers,
};
