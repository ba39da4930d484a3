import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { cennoProfile, listRecords, type CennoResource } from './transport';
import { credentialChosen } from '../../../shared/kit';
import { valueText } from '../../../shared/validation';

type Labeller = (record: IDataObject, lookups: Lookups) => string;

interface Lookups {
	projects?: Map<number, string>;
}

function userName(record: IDataObject): string {
	const name = [record.first_name, record.last_name].filter(Boolean).join(' ').trim();
	return name || String(record.email ?? `User ${String(record.id)}`);
}

/** "Title · Project" when the project is known (lists not narrowed to one project). */
function withProject(title: string, r: IDataObject, l: Lookups): string {
	const project = l.projects?.get(Number(r.project_id));
	return project ? `${title} · ${project}` : title;
}

const LABELS: Record<CennoResource, Labeller> = {
	company: (r) => String(r.title ?? `Company ${String(r.id)}`),
	user: (r) => (r.email ? `${userName(r)} (${String(r.email)})` : userName(r)),
	project: (r) => String(r.title ?? `Project ${String(r.id)}`),
	category: (r, l) => withProject(String(r.title ?? `Category ${String(r.id)}`), r, l),
	item: (r, l) => withProject(String(r.title ?? `Item ${String(r.id)}`), r, l),
	timeEntry: (r) => {
		const what = r.description ? ` · ${String(r.description)}` : '';
		return `${String(r.date ?? '')} · ${String(r.hours ?? '')} h${what} (#${String(r.id)})`;
	},
};

/** The project the user already chose in the node (top-level locator, Update Fields or Filters). */
function chosenProject(ctx: ILoadOptionsFunctions): number | undefined {
	const candidates: unknown[] = [];
	for (const path of [
		'projectId',
		'filters.projectId',
		'updateFields.projectId',
		'additionalFields.projectId',
	]) {
		try {
			candidates.push(ctx.getCurrentNodeParameter(path, { extractValue: true }));
		} catch {
			// not a parameter of this operation
		}
	}
	for (const value of candidates) {
		const text = valueText(value);
		if (/^\d+$/.test(text)) return Number(text);
	}
	return undefined;
}

/** A dropdown's records, through the shared list layer (one request; filters applied to it). */
async function records(
	ctx: ILoadOptionsFunctions,
	resource: CennoResource,
): Promise<{ list: IDataObject[]; lookups: Lookups }> {
	const lookups: Lookups = {};
	let filter: ((r: IDataObject) => boolean) | undefined;
	if (resource === 'user') filter = (r) => !r.deleted_at;
	const projectId = resource === 'item' || resource === 'category' ? chosenProject(ctx) : undefined;
	if (projectId !== undefined) filter = (r) => Number(r.project_id) === projectId;
	let list = await listRecords.call(ctx, resource, { returnAll: true, filter });
	if ((resource === 'item' || resource === 'category') && projectId === undefined) {
		const projects = await listRecords.call(ctx, 'project', { returnAll: true });
		lookups.projects = new Map(projects.map((p) => [Number(p.id), String(p.title ?? '')]));
	}
	if (resource === 'timeEntry') {
		list = [...list].sort(
			(a, b) =>
				String(b.date ?? '').localeCompare(String(a.date ?? '')) || Number(b.id) - Number(a.id),
		);
	}
	return { list, lookups };
}

/**
 * No credential chosen yet (a node just added): n8n would show "Error fetching options from Cenno".
 * Say what to do instead. n8n itself picks the credential when exactly one Cenno credential exists.
 */
const NO_CREDENTIAL =
	'Choose a Cenno credential above first: the list loads from your Cenno account';

function hasCredential(ctx: ILoadOptionsFunctions): boolean {
	return credentialChosen(ctx, cennoProfile.credentialType);
}

async function options(
	ctx: ILoadOptionsFunctions,
	resource: CennoResource,
): Promise<INodePropertyOptions[]> {
	if (!hasCredential(ctx)) return [{ name: NO_CREDENTIAL, value: '' }];
	const { list, lookups } = await records(ctx, resource);
	return list
		.map((r) => ({ name: LABELS[resource](r, lookups), value: Number(r.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

async function search(
	ctx: ILoadOptionsFunctions,
	resource: CennoResource,
	filter?: string,
): Promise<INodeListSearchResult> {
	if (!hasCredential(ctx)) return { results: [{ name: NO_CREDENTIAL, value: '' }] };
	const { list, lookups } = await records(ctx, resource);
	const needle = (filter ?? '').trim().toLowerCase();
	const results = list
		.map((r) => ({ name: LABELS[resource](r, lookups), value: String(r.id) }))
		.filter((r) => !needle || r.name.toLowerCase().includes(needle) || r.value === needle);
	if (resource !== 'timeEntry') results.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

export const loadOptions = {
	async getCompanies(this: ILoadOptionsFunctions) {
		return await options(this, 'company');
	},
	async getUsers(this: ILoadOptionsFunctions) {
		return await options(this, 'user');
	},
	async getProjects(this: ILoadOptionsFunctions) {
		return await options(this, 'project');
	},
	async getCategories(this: ILoadOptionsFunctions) {
		return await options(this, 'category');
	},
	async getItems(this: ILoadOptionsFunctions) {
		return await options(this, 'item');
	},
};

export const listSearch = {
	async searchCompanies(this: ILoadOptionsFunctions, filter?: string) {
		return await search(this, 'company', filter);
	},
	async searchUsers(this: ILoadOptionsFunctions, filter?: string) {
		return await search(this, 'user', filter);
	},
	async searchProjects(this: ILoadOptionsFunctions, filter?: string) {
		return await search(this, 'project', filter);
	},
	async searchCategories(this: ILoadOptionsFunctions, filter?: string) {
		return await search(this, 'category', filter);
	},
	async searchItems(this: ILoadOptionsFunctions, filter?: string) {
		return await search(this, 'item', filter);
	},
	async searchTimeEntries(this: ILoadOptionsFunctions, filter?: string) {
		return await search(this, 'timeEntry', filter);
	},
};
