import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { invalidInput, requirePositiveInteger, toDateOnly } from '../../shared/validation';
import { getOne, listAll, type CennoResource } from '../transport';

export type Handler = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>;

export function show(resource: string, operation: string[]): { show: { resource: string[]; operation: string[] } } {
	return { show: { resource: [resource], operation } };
}

const ID_REGEX = '^\\s*[0-9]+\\s*$';

/** Which listSearch method feeds each locator. */
const SEARCH_METHOD: Record<CennoResource, string> = {
	company: 'searchCompanies',
	user: 'searchUsers',
	project: 'searchProjects',
	category: 'searchCategories',
	item: 'searchItems',
	timeEntry: 'searchTimeEntries',
};

/** A record picked from a searchable list or given by its numeric Cenno id. */
export function locator(
	resource: CennoResource,
	options: {
		name: string;
		displayName: string;
		description: string;
		displayOptions?: INodeProperties['displayOptions'];
		required?: boolean;
		placeholder?: string;
	},
): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description,
		...(options.displayOptions ? { displayOptions: options.displayOptions } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: SEARCH_METHOD[resource], searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.placeholder ?? '1274',
				validation: [{ type: 'regex', properties: { regex: ID_REGEX, errorMessage: 'A Cenno ID is a whole number' } }],
			},
		],
	};
}

/** A numeric id from a locator, an options field or an expression; errors name the field and the item. */
export function idParam(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): number {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
	return requirePositiveInteger(ctx.getNode(), itemIndex, label, value);
}

/** The "Get" handler of a read-only collection. */
export function getHandler(resource: CennoResource, param: string, label: string, simplify?: (r: IDataObject) => IDataObject): Handler {
	return async function (this: IExecuteFunctions, i: number) {
		const id = idParam(this, param, label, i);
		const record = await getOne.call(this, resource, id, i);
		return simplify && this.getNodeParameter('simplify', i, true) ? simplify(record) : record;
	};
}

/** Reads a "Filters" collection and checks every value before a request is sent. */
export interface FilterDef {
	/** Key in the filters collection. */
	key: string;
	/** Label as the user sees it, used in error messages. */
	label: string;
	kind: 'id' | 'text' | 'since' | 'dateFrom' | 'dateTo' | 'choice';
	/** Record fields compared (id, choice: the first; text: any of them contains the text). */
	fields: string[];
}

type Predicate = (record: IDataObject) => boolean;

function sinceMillis(ctx: IExecuteFunctions, i: number, label: string, value: unknown): number {
	const zone = ctx.getTimezone();
	let parsed: DateTime | undefined;
	if (value instanceof Date) parsed = DateTime.fromJSDate(value);
	else if (DateTime.isDateTime(value)) parsed = value as DateTime;
	else if (typeof value === 'string' && value.trim()) parsed = DateTime.fromISO(value.trim().replace(' ', 'T'), { zone });
	if (!parsed || !parsed.isValid) {
		throw invalidInput(ctx.getNode(), i, label, `must be a date and time (e.g. 2026-03-01T09:00), got "${String(value ?? '')}"`);
	}
	return parsed.toMillis();
}

/** Builds the predicates of the filters that are set; bad values fail here, naming field and item. */
export function buildFilters(ctx: IExecuteFunctions, i: number, defs: FilterDef[]): Predicate[] {
	const filters = ctx.getNodeParameter('filters', i, {}) as IDataObject;
	const node = ctx.getNode();
	const predicates: Predicate[] = [];
	let from: string | undefined;
	let to: string | undefined;
	for (const def of defs) {
		const value = filters[def.key];
		if (value === undefined || value === null || value === '') continue;
		const label = `Filters → ${def.label}`;
		const [field] = def.fields;
		switch (def.kind) {
			case 'id': {
				const raw = value && typeof value === 'object' && 'value' in (value as IDataObject) ? (value as IDataObject).value : value;
				if (raw === '' || raw === undefined) break;
				const id = requirePositiveInteger(node, i, label, raw);
				predicates.push((r) => Number(r[field]) === id);
				break;
			}
			case 'text': {
				const needle = String(value).trim().toLowerCase();
				if (needle) predicates.push((r) => def.fields.some((f) => String(r[f] ?? '').toLowerCase().includes(needle)));
				break;
			}
			case 'choice': {
				if (value === 'any') break;
				if (value === 'null') predicates.push((r) => r[field] === null || r[field] === undefined);
				else if (typeof value === 'boolean') predicates.push((r) => r[field] === value);
				else predicates.push((r) => String(r[field]) === String(value));
				break;
			}
			case 'since': {
				const since = sinceMillis(ctx, i, label, value);
				predicates.push((r) => {
					const t = Date.parse(String(r[field] ?? ''));
					return !Number.isNaN(t) && t >= since;
				});
				break;
			}
			case 'dateFrom': {
				from = toDateOnly(node, i, label, value);
				const day = from;
				predicates.push((r) => String(r[field] ?? '') >= day);
				break;
			}
			case 'dateTo': {
				to = toDateOnly(node, i, label, value);
				const day = to;
				predicates.push((r) => String(r[field] ?? '').slice(0, 10) <= day);
				break;
			}
		}
	}
	if (from && to && from > to) {
		throw invalidInput(node, i, 'Filters → Date To', `is before Date From (${to} < ${from})`);
	}
	return predicates;
}

/** The "Get Many" handler: whole collection (Cenno does not page), then filters, then Limit. */
export function getAllHandler(resource: CennoResource, defs: FilterDef[], simplify?: (r: IDataObject) => IDataObject): Handler {
	return async function (this: IExecuteFunctions, i: number) {
		const predicates = buildFilters(this, i, defs);
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? Infinity : requirePositiveInteger(this.getNode(), i, 'Limit', this.getNodeParameter('limit', i, 50));
		const records = await listAll.call(this, resource, i);
		const matching = records.filter((r) => predicates.every((p) => p(r))).slice(0, limit);
		return simplify && this.getNodeParameter('simplify', i, true) ? matching.map(simplify) : matching;
	};
}

export function pick(record: IDataObject, keys: string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) if (key in record) out[key] = record[key];
	return out;
}

/** Filter fields for a Get Many, as n8n users know them. */
export function filtersCollection(resource: string, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description:
			'Cenno returns whole lists; these filters are applied by n8n before the Limit, so Limit counts matching records',
		displayOptions: show(resource, ['getAll']),
		options,
	};
}

export const updatedSinceFilter: INodeProperties = {
	displayName: 'Updated Since',
	name: 'updatedSince',
	type: 'dateTime',
	default: '',
	description: 'Only records changed at or after this time (compared with Cenno\'s updated_at)',
};

export const updatedSinceDef: FilterDef = { key: 'updatedSince', label: 'Updated Since', kind: 'since', fields: ['updated_at'] };

/** A dropdown of records (an expression may give the id instead), used inside filter collections. */
export function optionsField(name: string, what: string, method: string, dependsOn?: string[]): INodeProperties {
	return {
		displayName: `${what} Name or ID`,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: method, ...(dependsOn ? { loadOptionsDependsOn: dependsOn } : {}) },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}
