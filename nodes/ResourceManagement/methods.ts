import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { vendorRequestAll } from '../shared/paging';
import { vendorRequest } from '../shared/transport';
import { rmProfile } from './transport';

/** Records examined when a search text is given (the API has no name search). */
const SEARCH_CAP = 5000;
const PAGE = 200;

async function searchList(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	toItem: (record: IDataObject) => INodeListSearchItems,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = filter?.trim().toLowerCase();
	if (needle) {
		const all = await vendorRequestAll.call(ctx, rmProfile, { method: 'GET', path, qs }, { returnAll: false, limit: SEARCH_CAP });
		const results = all.map(toItem).filter((item) => item.name.toLowerCase().includes(needle) || String(item.value) === needle);
		return { results };
	}
	const body = (await vendorRequest.call(ctx, rmProfile, {
		method: 'GET',
		path: paginationToken ?? path,
		qs: paginationToken ? undefined : { ...qs, per_page: PAGE },
	})) as IDataObject;
	const data = (body.data as IDataObject[] | undefined) ?? [];
	const next = (body.paging as IDataObject | undefined)?.next;
	return { results: data.map(toItem), paginationToken: typeof next === 'string' && next ? next : undefined };
}

const projectName = (p: IDataObject) =>
	`${String(p.name ?? '')}${p.phase_name ? ` › ${String(p.phase_name)}` : ''}${p.project_code ? ` (${String(p.project_code)})` : ''}${p.archived ? ' [archived]' : ''}`;
const userName = (u: IDataObject) => `${String(u.display_name ?? `${String(u.first_name ?? '')} ${String(u.last_name ?? '')}`)}${u.email ? ` <${String(u.email)}>` : ''}`;

export const listSearch = {
	async searchProjects(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchList(this, '/projects', {}, (p) => ({ name: projectName(p), value: String(p.id) }), filter, paginationToken);
	},
	async searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchList(this, '/users', {}, (u) => ({ name: userName(u), value: String(u.id) }), filter, paginationToken);
	},
	async searchPlaceholders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchList(this, '/placeholder_resources', {}, (p) => ({ name: String(p.title ?? p.id), value: String(p.id) }), filter, paginationToken);
	},
	async searchLeaveTypes(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchList(this, '/leave_types', {}, (l) => ({ name: String(l.name ?? l.id), value: String(l.id) }), filter, paginationToken);
	},
	async searchPhases(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		let project: unknown;
		try {
			project = this.getCurrentNodeParameter('projectId', { extractValue: true });
		} catch {
			project = undefined;
		}
		if (!project || !/^\d+$/.test(String(project).trim())) return { results: [] };
		return await searchList(
			this,
			`/projects/${String(project).trim()}/phases`,
			{},
			(p) => ({ name: String(p.phase_name ?? p.name ?? p.id), value: String(p.id) }),
			filter,
			paginationToken,
		);
	},
	async searchRoles(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchList(this, '/roles', {}, (r) => ({ name: String(r.value ?? r.id), value: String(r.id) }), filter, paginationToken);
	},
	async searchDisciplines(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchList(this, '/disciplines', {}, (r) => ({ name: String(r.value ?? r.id), value: String(r.id) }), filter, paginationToken);
	},
	async searchStatusOptions(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchList(this, '/status_options', {}, (s) => ({ name: `${String(s.label ?? s.id)} (${String(s.stage ?? '')})`, value: String(s.id) }), filter, paginationToken);
	},
};

async function options(ctx: ILoadOptionsFunctions, path: string, toOption: (r: IDataObject) => INodePropertyOptions): Promise<INodePropertyOptions[]> {
	const all = await vendorRequestAll.call(ctx, rmProfile, { method: 'GET', path }, { returnAll: false, limit: SEARCH_CAP });
	return all.map(toOption).sort((a, b) => a.name.localeCompare(b.name));
}

export const loadOptions = {
	async getStatusOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await options(this, '/status_options', (s) => ({ name: String(s.label ?? s.id), value: s.id as number, description: String(s.stage ?? '') }));
	},
	async getRoleNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await options(this, '/roles', (r) => ({ name: String(r.value), value: String(r.value) }));
	},
	async getDisciplineNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await options(this, '/disciplines', (r) => ({ name: String(r.value), value: String(r.value) }));
	},
	async getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await options(this, '/custom_fields', (f) => ({
			name: `${String(f.name)} (${f.namespace === 'users' ? 'people' : 'projects'})`,
			value: f.id as number,
			description: String(f.data_type ?? ''),
		}));
	},
};
