import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { locator as kitLocator, show, type Show } from '../../../../shared/kit';

export { show };

/** A Blikk record picker: From List (searchable) or By ID (Blikk IDs are whole numbers). */
export function locator(
	name: string,
	displayName: string,
	searchListMethod: string,
	displayOptions: { show: Show },
	{
		required = true,
		description,
		label,
	}: { required?: boolean; description?: string; label?: string } = {},
): INodeProperties {
	return kitLocator({
		name,
		displayName,
		searchListMethod,
		displayOptions,
		required,
		description,
		label: label ?? displayName.replace(/ ID$/, '').toLowerCase(),
		idError: 'Not a valid Blikk ID (a whole number)',
	});
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
