import type { INodeProperties } from 'n8n-workflow';

/**
 * Return All / Limit fields for one list operation, as n8n users know them.
 * `maxLimit` is only a UI bound; paging fetches the vendor's largest page unless the limit is smaller.
 */
export function returnAllOrLimit(
	resource: string | string[],
	operation: string | string[],
	options: { maxLimit?: number } = {},
): INodeProperties[] {
	const show = { resource: ([] as string[]).concat(resource), operation: ([] as string[]).concat(operation) };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, ...(options.maxLimit ? { maxValue: options.maxLimit } : {}) },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** A "Simplify" switch for operations whose records are large. */
export function simplifyField(resource: string | string[], operation: string | string[]): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: { show: { resource: ([] as string[]).concat(resource), operation: ([] as string[]).concat(operation) } },
	};
}
