import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { credentialChosen } from '../../../shared/kit';
import { STANDARD } from './actions/common';
import { blikkList, blikkProfile, blikkRequest } from './transport';

const PAGE = 50;

/**
 * Shown in a dropdown before a credential is chosen, instead of n8n's "Error fetching options from
 * Blikk".
 */
export const CHOOSE_CREDENTIAL_HINT = 'Choose a Blikk credential above, then this list loads';

function hasCredential(ctx: ILoadOptionsFunctions): boolean {
	return credentialChosen(ctx, blikkProfile.credentialType);
}

type Loader = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;
type Searcher = (
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) => Promise<INodeListSearchResult>;

/** Dropdowns answer with a hint (not an error) while no credential is chosen. */
function options(load: Loader): Loader {
	return async function (this: ILoadOptionsFunctions) {
		if (!hasCredential(this)) return [{ name: CHOOSE_CREDENTIAL_HINT, value: '' }];
		return await load.call(this);
	};
}

function search(find: Searcher): Searcher {
	return async function (this: ILoadOptionsFunctions, filter?: string, token?: string) {
		if (!hasCredential(this)) return { results: [{ name: CHOOSE_CREDENTIAL_HINT, value: '' }] };
		return await find.call(this, filter, token);
	};
}

async function searchPage(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	token: string | undefined,
	label: (r: IDataObject) => string,
	extra: IDataObject = {},
	useQuery = true,
): Promise<INodeListSearchResult> {
	const page = Number(token ?? 1) || 1;
	const qs: IDataObject = { page, pageSize: PAGE, ...extra };
	if (useQuery && filter) qs['filter.query'] = filter;
	const body = await blikkRequest.call(ctx, { method: 'GET', path, qs });
	let items = (body.items as IDataObject[] | undefined) ?? [];
	if (!useQuery && filter)
		items = items.filter((r) => label(r).toLowerCase().includes(filter.toLowerCase()));
	const totalPages = Number(body.totalPages ?? 1);
	return {
		results: items.map((r) => ({ name: label(r), value: String(r.id) })),
		paginationToken: page < totalPages ? String(page + 1) : undefined,
	};
}

const userName = (u: IDataObject) =>
	`${String(u.firstName ?? '')} ${String(u.lastName ?? '')}`.trim() || `User ${String(u.id)}`;
const nameOf = (v: unknown) => String((v as IDataObject | null)?.name ?? '');

async function all(ctx: ILoadOptionsFunctions, path: string): Promise<IDataObject[]> {
	return await blikkList.call(ctx, { method: 'GET', path }, { returnAll: true });
}

const asOptions = (
	rows: IDataObject[],
	label: (r: IDataObject) => string = (r) => String(r.name ?? r.title ?? r.id),
): INodePropertyOptions[] =>
	rows
		.filter((r) => r.isActive !== false)
		.map((r) => ({ name: label(r), value: r.id as number }))
		.sort((a, b) => a.name.localeCompare(b.name));

export const listSearch = {
	searchContacts: search(async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	) {
		return await searchPage(
			this,
			'/v1/Core/Contacts',
			filter,
			token,
			(c) => `${String(c.name)}${c.customerNumber ? ` (${String(c.customerNumber)})` : ''}`,
			{ sortBy: 'name', sortOrder: 'ascending' },
		);
	}),
	searchProjects: search(async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	) {
		return await searchPage(
			this,
			'/v1/Core/Projects',
			filter,
			token,
			(p) => `${String(p.orderNumber ?? '')} ${String(p.title ?? '')}`.trim(),
			{ sortBy: 'orderNumber', sortOrder: 'descending' },
		);
	}),
	searchUsers: search(async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	) {
		return await searchPage(this, '/v1/Admin/Users', filter, token, userName, {
			sortBy: 'name',
			sortOrder: 'ascending',
		});
	}),
	searchTasks: search(async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	) {
		// No text filter for tasks in the API: newest first, filtered by title on this page.
		return await searchPage(
			this,
			'/v1/Core/Tasks',
			filter,
			token,
			(t) => `${String(t.title)} (#${String(t.id)}${t.board ? `, ${nameOf(t.board)}` : ''})`,
			{ sortBy: 'createdDate', sortOrder: 'descending' },
			false,
		);
	}),
	searchTimeReports: search(async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		token?: string,
	) {
		return await searchPage(
			this,
			'/v1/Core/TimeReports',
			filter,
			token,
			(r) =>
				`#${String(r.id)} ${String(r.date)} ${nameOf(r.user)} ${String(r.hours)} h${r.project ? ` ${nameOf(r.project)}` : ''}`,
			{ sortBy: 'createdDate', sortOrder: 'descending' },
			false,
		);
	}),
};

export const loadOptions = {
	getActivities: options(async function (this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/Activities'));
	}),
	getActivitiesWithStandard: options(async function (this: ILoadOptionsFunctions) {
		return [
			{ name: "User's Standard Activity", value: STANDARD },
			...asOptions(await all(this, '/v1/Admin/Activities')),
		];
	}),
	getTimeCodes: options(async function (this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/TimeCodes'));
	}),
	getTimeCodesWithStandard: options(async function (this: ILoadOptionsFunctions) {
		return [
			{ name: "Activity's Preferred or Standard Time Code", value: STANDARD },
			...asOptions(await all(this, '/v1/Admin/TimeCodes')),
		];
	}),
	getTimeArticles: options(async function (this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/TimeArticles'));
	}),
	getTimeArticlesWithStandard: options(async function (this: ILoadOptionsFunctions) {
		return [
			{ name: "User's Standard Time Article", value: STANDARD },
			...asOptions(await all(this, '/v1/Admin/TimeArticles')),
		];
	}),
	getInternalProjects: options(async function (this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/InternalProjects'));
	}),
	getAbsenceProjects: options(async function (this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/AbsenceProjects'));
	}),
	getContactTags: options(async function (this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/ContactTags'), (t) => String(t.title ?? t.id));
	}),
	getCountries: options(async function (this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/Countries'));
	}),
	getUsers: options(async function (this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/Users'), userName);
	}),
	getTaskBoards: options(async function (this: ILoadOptionsFunctions) {
		return [{ name: 'No Board', value: -1 }, ...asOptions(await all(this, '/v1/Core/TaskBoards'))];
	}),
	getTaskBoardColumns: options(async function (this: ILoadOptionsFunctions) {
		const boards = await all(this, '/v1/Core/TaskBoards');
		const options: INodePropertyOptions[] = [];
		for (const board of boards) {
			for (const column of (board.columns as IDataObject[] | undefined) ?? []) {
				options.push({
					name: `${String(board.name)} / ${String(column.name)}`,
					value: column.id as number,
				});
			}
		}
		return options.sort((a, b) => a.name.localeCompare(b.name));
	}),
	getTaskBoardTags: options(async function (this: ILoadOptionsFunctions) {
		const boards = await all(this, '/v1/Core/TaskBoards');
		const options: INodePropertyOptions[] = [];
		for (const board of boards) {
			for (const tag of (board.tags as IDataObject[] | undefined) ?? []) {
				options.push({
					name: `${String(board.name)}: ${String(tag.title ?? tag.color ?? tag.id)}`,
					value: tag.id as number,
				});
			}
		}
		return options.sort((a, b) => a.name.localeCompare(b.name));
	}),
};
