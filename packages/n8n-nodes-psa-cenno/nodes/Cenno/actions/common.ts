import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { formatIsoDate, parseDate, parseDateTime } from '../../../../shared/dates';
import type { OperationHandler } from '../../../../shared/execute';
import {
	locator as kitLocator,
	readId,
	readOptionalId,
	readPaging,
	show,
} from '../../../../shared/kit';
import { invalidInput, requirePositiveInteger } from '../../../../shared/validation';
import { getOne, listRecords, type CennoResource } from '../transport';

/** Which listSearch method feeds each locator, and the record's name in placeholders. */
const LOCATOR: Record<CennoResource, { method: string; label: string; example: string }> = {
	company: { method: 'searchCompanies', label: 'company', example: '622' },
	user: { method: 'searchUsers', label: 'user', example: '1178' },
	project: { method: 'searchProjects', label: 'project', example: '1274' },
	category: { method: 'searchCategories', label: 'category', example: '1097' },
	item: { method: 'searchItems', label: 'item', example: '10346' },
	timeEntry: { method: 'searchTimeEntries', label: 'time entry', example: '14915' },
};

/** A Cenno record picked From List or By ID (Cenno's API has no record URLs to paste). */
export function locator(
	resource: CennoResource,
	options: {
		name: string;
		displayName: string;
		description: string;
		displayOptions: INodeProperties['displayOptions'];
	},
): INodeProperties {
	const { method, label, example } = LOCATOR[resource];
	return kitLocator({
		...options,
		searchListMethod: method,
		label,
		idExample: example,
		idError: 'A Cenno ID is a whole number',
	});
}

/** The "Get" handler of a collection. */
export function getHandler(
	resource: CennoResource,
	param: string,
	label: string,
	simplify?: (r: IDataObject) => IDataObject,
): OperationHandler {
	return async function (this: IExecuteFunctions, i: number) {
		const id = readId(this, i, param, label);
		const record = await getOne.call(this, resource, id, i);
		return simplify && this.getNodeParameter('simplify', i, true) ? simplify(record) : record;
	};
}

/** Reads a "Filters" collection and checks every value before a request is sent. */
interface FilterDef {
	/** Key in the filters collection. */
	key: string;
	/** Label as the user sees it, used in error messages. */
	label: string;
	kind: 'id' | 'text' | 'since' | 'dateFrom' | 'dateTo' | 'choice';
	/** Record fields compared (id, choice: the first; text: any of them contains the text). */
	fields: string[];
}

type Predicate = (record: IDataObject) => boolean;

/**
 * An instant from a date-time field: checked by the shared strict reader, then placed in the
 * workflow's zone.
 */
function sinceMillis(ctx: IExecuteFunctions, i: number, label: string, value: unknown): number {
	const wall = parseDateTime(ctx.getNode(), i, label, value);
	const zone = wall.offset
		? wall.offset === 'Z'
			? 'UTC'
			: `UTC${wall.offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`
		: ctx.getTimezone();
	const instant = DateTime.fromObject(
		{
			year: wall.year,
			month: wall.month,
			day: wall.day,
			hour: wall.hour,
			minute: wall.minute,
			second: wall.second,
		},
		{ zone },
	);
	if (!instant.isValid)
		throw invalidInput(
			ctx.getNode(),
			i,
			label,
			`must be a date and time (e.g. 2026-03-01T09:00), got "${String(value ?? '')}"`,
		);
	return instant.toMillis();
}

/**
 * Builds the predicates of the filters that are set; bad values fail here, naming field and row.
 */
function buildFilters(ctx: IExecuteFunctions, i: number, defs: FilterDef[]): Predicate[] {
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
				const id = readOptionalId(ctx, i, `filters.${def.key}`, label);
				if (id !== undefined) predicates.push((r) => Number(r[field]) === id);
				break;
			}
			case 'text': {
				const needle = String(value).trim().toLowerCase();
				if (needle)
					predicates.push((r) =>
						def.fields.some((f) =>
							String(r[f] ?? '')
								.toLowerCase()
								.includes(needle),
						),
					);
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
				from = formatIsoDate(parseDate(node, i, label, value));
				const day = from;
				predicates.push((r) => String(r[field] ?? '') >= day);
				break;
			}
			case 'dateTo': {
				to = formatIsoDate(parseDate(node, i, label, value));
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

/**
 * The "Get Many" handler: Cenno answers with the whole collection (no paging, no server filters);
 * the list layer applies the filters and stops at Limit matching records. One request, whatever the
 * Limit.
 */
export function getAllHandler(
	resource: CennoResource,
	defs: FilterDef[],
	simplify?: (r: IDataObject) => IDataObject,
): OperationHandler {
	return async function (this: IExecuteFunctions, i: number) {
		const predicates = buildFilters(this, i, defs);
		const paging = readPaging(this, i);
		const returnAll = paging.returnAll;
		const limit = returnAll
			? undefined
			: requirePositiveInteger(this.getNode(), i, 'Limit', paging.limit);
		const matching = await listRecords.call(this, resource, {
			returnAll,
			limit,
			filter: predicates.length ? (r) => predicates.every((p) => p(r)) : undefined,
			itemIndex: i,
		});
		return simplify && this.getNodeParameter('simplify', i, true)
			? matching.map(simplify)
			: matching;
	};
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
		displayOptions: show(resource, 'getAll'),
		options,
	};
}

export const updatedSinceFilter: INodeProperties = {
	displayName: 'Updated Since',
	name: 'updatedSince',
	type: 'dateTime',
	default: '',
	description: "Only records changed at or after this time (compared with Cenno's updated_at)",
};

export const updatedSinceDef: FilterDef = {
	key: 'updatedSince',
	label: 'Updated Since',
	kind: 'since',
	fields: ['updated_at'],
};

/**
 * A dropdown of records (an expression may give the id instead), used inside filter collections.
 */
export function optionsField(
	name: string,
	what: string,
	method: string,
	dependsOn?: string[],
): INodeProperties {
	return {
		displayName: `${what} Name or ID`,
		name,
		type: 'options',
		typeOptions: {
			loadOptionsMethod: method,
			...(dependsOn ? { loadOptionsDependsOn: dependsOn } : {}),
		},
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}
