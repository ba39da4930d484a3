import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { credentialChosen } from '../../../shared/kit';
import { vendorRequestAll } from '../../../shared/paging';
import { vendorRequest } from '../../../shared/transport';
import { rmProfile } from './transport';

/**
 * Matches shown for a search text (the API has no name search: pages are filtered until this many).
 */
const SEARCH_MATCHES = 100;
/** Records per page of the list without a search text. */
const PAGE = 200;
/** Records read for a dropdown (loadOptions). */
const OPTIONS_CAP = 5000;

const CHOOSE_CREDENTIAL = 'Choose a Resource Management credential above to see the list';
const CHOOSE_PROJECT = 'Choose a project first to see its phases';

/**
 * True when the node has no credential chosen yet: instead of n8n's "Error fetching options", the
 * list then shows one line that says what to do.
 */
const noCredential = (ctx: ILoadOptionsFunctions): boolean =>
	!credentialChosen(ctx, rmProfile.credentialType);

const hintResult = (): INodeListSearchResult => ({
	results: [{ name: CHOOSE_CREDENTIAL, value: '' }],
});

async function searchList(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	toItem: (record: IDataObject) => INodeListSearchItems,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	if (noCredential(ctx)) return hintResult();
	const needle = filter?.trim().toLowerCase();
	if (needle) {
		// The list layer filters page by page and stops once enough matches are found.
		const matches = (record: IDataObject) => {
			const item = toItem(record);
			return item.name.toLowerCase().includes(needle) || String(item.value) === needle;
		};
		const found = await vendorRequestAll.call(
			ctx,
			rmProfile,
			{ method: 'GET', path, qs },
			{ returnAll: false, limit: SEARCH_MATCHES, filter: matches },
		);
		return { results: found.map(toItem) };
	}
	// One page per call: n8n asks for the next one with the `paging.next` link as its token.
	const body = (await vendorRequest.call(ctx, rmProfile, {
		method: 'GET',
		path: paginationToken ?? path,
		qs: paginationToken ? undefined : { ...qs, per_page: PAGE },
	})) as IDataObject;
	const data = (body.data as IDataObject[] | undefined) ?? [];
	const next = (body.paging as IDataObject | undefined)?.next;
	return {
		results: data.map(toItem),
		paginationToken: typeof next === 'string' && next ? next : undefined,
	};
}

const projectName = (p: IDataObject) =>
	`${String(p.name ?? '')}${p.phase_name ? ` › ${String(p.phase_name)}` : ''}${p.project_code ? ` (${String(p.project_code)})` : ''}${p.archived ? ' [archived]' : ''}`;
const userName = (u: IDataObject) =>
	`${String(u.display_name ?? `${String(u.first_name ?? '')} ${String(u.last_name ?? '')}`)}${u.email ? ` <${String(u.email)}>` : ''}`;

export const listSearch = {
	async searchProjects(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchList(
			this,
			'/projects',
			{},
			(p) => ({ name: projectName(p), value: String(p.id) }),
			filter,
			paginationToken,
		);
	},
	async searchUsers(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchList(
			this,
			'/users',
			{},
			(u) => ({ name: userName(u), value: String(u.id) }),
			filter,
			paginationToken,
		);
	},
	async searchPlaceholders(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchList(
			this,
			'/placeholder_resources',
			{},
			(p) => ({ name: String(p.title ?? p.id), value: String(p.id) }),
			filter,
			paginationToken,
		);
	},
	async searchLeaveTypes(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchList(
			this,
			'/leave_types',
			{},
			(l) => ({ name: String(l.name ?? l.id), value: String(l.id) }),
			filter,
			paginationToken,
		);
	},
	async searchPhases(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		let project: unknown;
		try {
			project = this.getCurrentNodeParameter('projectId', { extractValue: true });
		} catch {
			project = undefined;
		}
		if (!project || !/^\d+$/.test(String(project).trim()))
			return { results: [{ name: CHOOSE_PROJECT, value: '' }] };
		return await searchList(
			this,
			`/projects/${String(project).trim()}/phases`,
			{},
			(p) => ({ name: String(p.phase_name ?? p.name ?? p.id), value: String(p.id) }),
			filter,
			paginationToken,
		);
	},
	async searchRoles(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchList(
			this,
			'/roles',
			{},
			(r) => ({ name: String(r.value ?? r.id), value: String(r.id) }),
			filter,
			paginationToken,
		);
	},
	async searchDisciplines(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchList(
			this,
			'/disciplines',
			{},
			(r) => ({ name: String(r.value ?? r.id), value: String(r.id) }),
			filter,
			paginationToken,
		);
	},
	async searchStatusOptions(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchList(
			this,
			'/status_options',
			{},
			(s) => ({
				name: `${String(s.label ?? s.id)} (${String(s.stage ?? '')})`,
				value: String(s.id),
			}),
			filter,
			paginationToken,
		);
	},
};

async function options(
	ctx: ILoadOptionsFunctions,
	path: string,
	toOption: (r: IDataObject) => INodePropertyOptions,
): Promise<INodePropertyOptions[]> {
	if (noCredential(ctx)) return [{ name: CHOOSE_CREDENTIAL, value: '' }];
	const all = await vendorRequestAll.call(
		ctx,
		rmProfile,
		{ method: 'GET', path },
		{ returnAll: false, limit: OPTIONS_CAP },
	);
	return all.map(toOption).sort((a, b) => a.name.localeCompare(b.name));
}

export const loadOptions = {
	async getStatusOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await options(this, '/status_options', (s) => ({
			name: String(s.label ?? s.id),
			value: s.id as number,
			description: String(s.stage ?? ''),
		}));
	},
	async getRoleNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await options(this, '/roles', (r) => ({
			name: String(r.value),
			value: String(r.value),
		}));
	},
	async getDisciplineNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await options(this, '/disciplines', (r) => ({
			name: String(r.value),
			value: String(r.value),
		}));
	},
	async getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await options(this, '/custom_fields', (f) => ({
			name: `${String(f.name)} (${f.namespace === 'users' ? 'people' : 'projects'})`,
			value: f.id as number,
			description: String(f.data_type ?? ''),
		}));
	},
};
