import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export type Show = { resource: string[]; operation?: string[]; [key: string]: Array<string | boolean | number> | undefined };

export function show(resource: string, operation?: string | string[]): { show: Show } {
	return { show: operation ? { resource: [resource], operation: ([] as string[]).concat(operation) } : { resource: [resource] } };
}

/** A resource locator: pick from a searchable list or enter the numeric ID. */
export function locator(
	name: string,
	displayName: string,
	searchListMethod: string,
	displayOptions: { show: Show },
	{ required = true, description }: { required?: boolean; description?: string } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description,
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true, searchFilterRequired: false },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 42',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Not a valid Blikk ID (a whole number)' } }],
			},
		],
	};
}

/** Sort By / Sort Order options for a list, as the docs name them per endpoint. */
export function sortOptions(values: string[]): INodeProperties[] {
	const label = (v: string) => v.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
	const first = values[0];
	return [
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			default: first,
			options: values
				.slice()
				.sort((a, b) => label(a).localeCompare(label(b)))
				.map((value): INodePropertyOptions => ({ name: label(value), value })),
			description: 'Property to sort the list by',
		},
		{
			displayName: 'Sort Order',
			name: 'sortOrder',
			type: 'options',
			default: 'ascending',
			options: [
				{ name: 'Ascending', value: 'ascending' },
				{ name: 'Descending', value: 'descending' },
			],
		},
	];
}

export const MERGE_HINT =
	'Blikk replaces the whole record on update. The node first reads the current record and sends it back with only the fields set here changed.';
