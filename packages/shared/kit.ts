import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { invalidInput, requireGuid, requirePositiveInteger } from './validation';

/**
 * The shared parameter kit: the property builders and small helpers every vendor node needs, so
 * vendor folders keep only what is truly theirs (paths, field names, labels).
 */

export type Show = {
	resource?: string[];
	operation?: string[];
	[key: string]: Array<string | boolean | number> | undefined;
};

/** displayOptions for a resource (and operations), plus extra conditions. */
export function show(
	resource: string,
	operation?: string | string[],
	extra: Show = {},
): { show: Show } {
	const base: Show = { resource: [resource] };
	if (operation !== undefined) base.operation = ([] as string[]).concat(operation);
	return { show: { ...base, ...extra } };
}

/** Return All / Limit for a list operation, with extra display conditions if needed. */
export function returnAllLimit(
	resource: string,
	operation: string | string[],
	extra: Show = {},
	options: { maxLimit?: number } = {},
): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: show(resource, operation, extra),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, ...(options.maxLimit ? { maxValue: options.maxLimit } : {}) },
			description: 'Max number of results to return',
			displayOptions: show(resource, operation, { ...extra, returnAll: [false] }),
		},
	];
}

export interface LocatorOptions {
	name: string;
	displayName: string;
	/** listSearch method feeding "From List". */
	searchListMethod: string;
	displayOptions?: INodeProperties['displayOptions'];
	required?: boolean;
	description?: string;
	/** What the record is called in placeholders and messages: "project". */
	label: string;
	/** "By ID" checks: a regex (default: a whole number) and its example. */
	idRegex?: string;
	idExample?: string;
	idError?: string;
	/** "By URL" mode where the vendor has record URLs: a regex whose first group is the ID. */
	url?: { regex: string; example: string };
}

const WHOLE_NUMBER = '^\\s*\\d+\\s*$';

/**
 * A resource locator: From List (searchable), By ID and, where the vendor has record URLs, By URL.
 */
export function locator(options: LocatorOptions): INodeProperties {
	const property: INodeProperties = {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		...(options.description ? { description: options.description } : {}),
		...(options.displayOptions ? { displayOptions: options.displayOptions } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${options.label}...`,
				typeOptions: {
					searchListMethod: options.searchListMethod,
					searchable: true,
					searchFilterRequired: false,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${options.idExample ?? '42'}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: options.idRegex ?? WHOLE_NUMBER,
							errorMessage: options.idError ?? `The ${options.label} ID is a whole number`,
						},
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${options.url?.example ?? ''}`,
				extractValue: { type: 'regex', regex: options.url?.regex ?? '' },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: options.url?.regex ?? '',
							errorMessage: `Not a ${options.label} URL`,
						},
					},
				],
			},
		],
	};
	// The URL mode only where the vendor has record URLs.
	if (!options.url) property.modes = property.modes!.filter((mode) => mode.name !== 'url');
	return property;
}

/** A plain required ID field. */
export function idField(
	name: string,
	displayName: string,
	displayOptions: { show: Show },
	description?: string,
	example = '12345',
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${example}`,
		description,
		displayOptions,
	};
}

/** Simplify switch (reads and writes alike: one record kind, one shape). */
export function simplifyOption(displayOptions: { show: Show }): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions,
	};
}

/** Drops undefined values and empty strings from a body. */
export function compact<T extends IDataObject>(body: T): T {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (value === undefined || value === '') continue;
		out[key] = value;
	}
	return out as T;
}

/** Keeps the listed keys of a record, in that order. */
export function pick(record: IDataObject, keys: string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) if (key in record) out[key] = record[key];
	return out;
}

/**
 * The API base URL from a credential: a fixed/templated URL, or the user's own (validated as
 * http(s)). `custom` is the credential's custom URL value when the user chose one.
 */
export function baseUrlOf(
	vendor: string,
	fixed: string | undefined,
	custom: unknown,
	example: string,
): string {
	if (
		fixed !== undefined &&
		(custom === undefined || custom === null || String(custom).trim() === '')
	)
		return fixed.replace(/\/+$/, '');
	const raw = String(custom ?? '')
		.trim()
		.replace(/\/+$/, '');
	let parsed: URL | undefined;
	try {
		parsed = new URL(raw);
	} catch {
		parsed = undefined;
	}
	if (!parsed || !/^https?:$/.test(parsed.protocol)) {
		throw new UserError(
			`The ${vendor} credential's Base URL "${raw}" is not an http(s) address like ${example}`,
		);
	}
	return raw;
}

/** Reads a credential string field, trimmed. */
export function credentialText(credentials: ICredentialDataDecryptedObject, key: string): string {
	return String(credentials[key] ?? '').trim();
}

/**
 * The canvas subtitle in words ("Log Time · Time Report") for a node's Resource and Operation
 * properties, instead of internal values ("logTime: timeReport").
 */
export function subtitleFor(properties: INodeProperties[]): string {
	const resourceNames: Record<string, string> = {};
	for (const prop of properties) {
		if (prop.name !== 'resource' || !prop.options) continue;
		for (const option of prop.options as INodePropertyOptions[])
			resourceNames[String(option.value)] = option.name;
	}
	const labels: Record<string, string> = {};
	for (const prop of properties) {
		if (prop.name !== 'operation' || !prop.options) continue;
		const resources = (prop.displayOptions?.show?.resource as string[] | undefined) ?? [];
		for (const resource of resources) {
			for (const option of prop.options as INodePropertyOptions[]) {
				labels[`${resource}:${String(option.value)}`] =
					`${option.name} · ${resourceNames[resource] ?? resource}`;
			}
		}
	}
	return `={{ (${JSON.stringify(labels)})[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"] }}`;
}

/**
 * Whether the node has a credential of this type chosen. Dropdowns and lists answer with a one-line
 * hint instead of n8n's "Error fetching options" while it has none.
 */
export function credentialChosen(
	ctx: { getNode(): { credentials?: Record<string, { id?: string | null; name?: string }> } },
	credentialType: string,
): boolean {
	const chosen = ctx.getNode().credentials?.[credentialType];
	return !!chosen && !!(chosen.id || chosen.name);
}

/** The user's Return All / Limit choice (see `returnAllLimit`). */
export function readPaging(
	ctx: IExecuteFunctions,
	itemIndex: number,
	defaultLimit = 50,
): { returnAll: boolean; limit: number } {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (ctx.getNodeParameter('limit', itemIndex, defaultLimit) as number);
	return { returnAll, limit };
}

/**
 * The one ID reader: a record ID from a plain field or a resource locator (any mode), checked
 * before anything is sent. Numeric IDs by default; `guid: true` for vendors whose IDs are GUIDs. An
 * empty value says what to do in the mode the user chose ("choose a project from the list").
 */
export function readId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	options: { guid: true },
): string;
export function readId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	options?: { guid?: false },
): number;
export function readId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	options: { guid?: boolean } = {},
): number | string {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const text = typeof value === 'string' ? value.trim() : value;
	if (text === undefined || text === null || text === '') {
		const raw = ctx.getNodeParameter(name, itemIndex, '') as { mode?: string } | string;
		const mode = raw && typeof raw === 'object' ? raw.mode : undefined;
		const what = label.toLowerCase();
		const idKind = options.guid ? 'a GUID' : 'a whole number';
		const problem =
			mode === 'list'
				? `is required: choose a ${what} from the list`
				: mode === 'id'
					? `is required: enter the ${what}'s ID (${idKind})`
					: 'is required';
		throw invalidInput(ctx.getNode(), itemIndex, label, problem);
	}
	return options.guid
		? requireGuid(ctx.getNode(), itemIndex, label, text)
		: requirePositiveInteger(ctx.getNode(), itemIndex, label, text);
}

/**
 * An optional ID: empty (or 0) → undefined, else as `readId`. Accepts a locator value object too.
 */
export function readOptionalId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): number | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value =
		raw && typeof raw === 'object' && 'value' in (raw as IDataObject)
			? (raw as IDataObject).value
			: raw;
	if (value === undefined || value === null || value === '' || value === 0) return undefined;
	return requirePositiveInteger(
		ctx.getNode(),
		itemIndex,
		label,
		typeof value === 'string' ? value.trim() : value,
	);
}
