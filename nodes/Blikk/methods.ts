import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { blikkList, blikkRequest } from './transport';
import { STANDARD } from './resources/timeReport';

const PAGE = 50;

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
	if (!useQuery && filter) items = items.filter((r) => label(r).toLowerCase().includes(filter.toLowerCase()));
	const totalPages = Number(body.totalPages ?? 1);
	return {
		results: items.map((r) => ({ name: label(r), value: String(r.id) })),
		paginationToken: page < totalPages ? String(page + 1) : undefined,
	};
}

const userName = (u: IDataObject) => `${String(u.firstName ?? '')} ${String(u.lastName ?? '')}`.trim() || `User ${String(u.id)}`;
const nameOf = (v: unknown) => String((v as IDataObject | null)?.name ?? '');

async function all(ctx: ILoadOptionsFunctions, path: string): Promise<IDataObject[]> {
	return await blikkList.call(ctx, { method: 'GET', path }, { returnAll: true });
}

const asOptions = (rows: IDataObject[], label: (r: IDataObject) => string = (r) => String(r.name ?? r.title ?? r.id)): INodePropertyOptions[] =>
	rows
		.filter((r) => r.isActive !== false)
		.map((r) => ({ name: label(r), value: r.id as number }))
		.sort((a, b) => a.name.localeCompare(b.name));

export const listSearch = {
	async searchContacts(this: ILoadOptionsFunctions, filter?: string, token?: string) {
		return await searchPage(this, '/v1/Core/Contacts', filter, token, (c) => `${String(c.name)}${c.customerNumber ? ` (${String(c.customerNumber)})` : ''}`, { sortBy: 'name', sortOrder: 'ascending' });
	},
	async searchProjects(this: ILoadOptionsFunctions, filter?: string, token?: string) {
		return await searchPage(this, '/v1/Core/Projects', filter, token, (p) => `${String(p.orderNumber ?? '')} ${String(p.title ?? '')}`.trim(), { sortBy: 'orderNumber', sortOrder: 'descending' });
	},
	async searchUsers(this: ILoadOptionsFunctions, filter?: string, token?: string) {
		return await searchPage(this, '/v1/Admin/Users', filter, token, userName, { sortBy: 'name', sortOrder: 'ascending' });
	},
	async searchTasks(this: ILoadOptionsFunctions, filter?: string, token?: string) {
		// No text filter for tasks in the API: newest first, filtered by title on this page.
		return await searchPage(this, '/v1/Core/Tasks', filter, token, (t) => `${String(t.title)} (#${String(t.id)}${t.board ? `, ${nameOf(t.board)}` : ''})`, { sortBy: 'createdDate', sortOrder: 'descending' }, false);
	},
	async searchTimeReports(this: ILoadOptionsFunctions, filter?: string, token?: string) {
		return await searchPage(this, '/v1/Core/TimeReports', filter, token, (r) => `#${String(r.id)} ${String(r.date)} ${nameOf(r.user)} ${String(r.hours)} h${r.project ? ` ${nameOf(r.project)}` : ''}`, { sortBy: 'createdDate', sortOrder: 'descending' }, false);
	},
};

export const loadOptions = {
	async getActivities(this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/Activities'));
	},
	async getActivitiesWithStandard(this: ILoadOptionsFunctions) {
		return [{ name: "User's Standard Activity", value: STANDARD }, ...asOptions(await all(this, '/v1/Admin/Activities'))];
	},
	async getTimeCodes(this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/TimeCodes'));
	},
	async getTimeCodesWithStandard(this: ILoadOptionsFunctions) {
		return [{ name: "Activity's Preferred or Standard Time Code", value: STANDARD }, ...asOptions(await all(this, '/v1/Admin/TimeCodes'))];
	},
	async getTimeArticles(this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/TimeArticles'));
	},
	async getTimeArticlesWithStandard(this: ILoadOptionsFunctions) {
		return [{ name: "User's Standard Time Article", value: STANDARD }, ...asOptions(await all(this, '/v1/Admin/TimeArticles'))];
	},
	async getInternalProjects(this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/InternalProjects'));
	},
	async getAbsenceProjects(this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/AbsenceProjects'));
	},
	async getContactTags(this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/ContactTags'), (t) => String(t.title ?? t.id));
	},
	async getCountries(this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/Countries'));
	},
	async getUsers(this: ILoadOptionsFunctions) {
		return asOptions(await all(this, '/v1/Admin/Users'), userName);
	},
	async getTaskBoards(this: ILoadOptionsFunctions) {
		return [{ name: 'No Board', value: -1 }, ...asOptions(await all(this, '/v1/Core/TaskBoards'))];
	},
	async getTaskBoardColumns(this: ILoadOptionsFunctions) {
		const boards = await all(this, '/v1/Core/TaskBoards');
		const options: INodePropertyOptions[] = [];
		for (const board of boards) {
			for (const column of (board.columns as IDataObject[] | undefined) ?? []) {
				options.push({ name: `${String(board.name)} / ${String(column.name)}`, value: column.id as number });
			}
		}
		return options.sort((a, b) => a.name.localeCompare(b.name));
	},
	async getTaskBoardTags(this: ILoadOptionsFunctions) {
		const boards = await all(this, '/v1/Core/TaskBoards');
		const options: INodePropertyOptions[] = [];
		for (const board of boards) {
			for (const tag of (board.tags as IDataObject[] | undefined) ?? []) {
				options.push({ name: `${String(board.name)}: ${String(tag.title ?? tag.color ?? tag.id)}`, value: tag.id as number });
			}
		}
		return options.sort((a, b) => a.name.localeCompare(b.name));
	},
};
