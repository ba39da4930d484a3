import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { vendorRequest } from '../../../shared/transport';
import { isGuid } from '../../../shared/validation';
import type { RequestContext } from '../../../shared/types';
import { fromWire, requestWithFallback, smensoProfile, taskListCandidates } from './transport';
import { credentialChosen } from '../../../shared/kit';

type Ctx = ILoadOptionsFunctions;

/**
 * No credential chosen yet (a node just added): n8n would show "Error fetching options from
 * smenso". Say what to do instead. n8n itself picks the credential when exactly one smenso
 * credential exists.
 */
export const NO_CREDENTIAL =
	'Choose a smenso credential above first: the list loads from your smenso workspace';

const CHOOSE_PROJECT_FOR_TASKS = 'Choose the project first: its tasks are listed here';
const CHOOSE_PROJECT_FOR_FOLDERS = 'Choose the project first: its folders are listed here';

export function hasCredential(ctx: Ctx): boolean {
	return credentialChosen(ctx, smensoProfile.credentialType);
}

/** A list read (no paging in any source): the array smenso answers, dates as ISO. */
export async function list(
	ctx: RequestContext,
	path: string,
	qs?: IDataObject,
): Promise<IDataObject[]> {
	const body = await vendorRequest.call(ctx, smensoProfile, { method: 'GET', path, qs });
	return Array.isArray(body) ? (fromWire(body) as IDataObject[]) : [];
}

/**
 * A project's tasks: the vendor node's newer path, its older one only on 404 "no such endpoint".
 */
export async function tasksOfProject(
	ctx: RequestContext,
	projectId: string,
): Promise<IDataObject[]> {
	const body = await requestWithFallback(
		ctx,
		'task:list',
		taskListCandidates(projectId).map((c) => ({ method: 'GET' as const, ...c })),
	);
	return Array.isArray(body) ? (fromWire(body) as IDataObject[]) : [];
}

/**
 * No smenso source shows how a project read marks an archived project or a template: these check
 * the names the sandbox and similar APIs use (`isArchived` / `archived`, `isTemplate` /
 * `template`). A project with neither counts as active.
 */
export const isArchived = (p: IDataObject) => p.isArchived === true || p.archived === true;
export const isTemplate = (p: IDataObject) => p.isTemplate === true || p.template === true;

function memberName(m: IDataObject): string {
	const name =
		[m.firstName, m.lastName].filter(Boolean).join(' ') || String(m.name ?? m.email ?? m.id);
	return m.email ? `${name} (${String(m.email)})` : name;
}

function filterBy(entries: Array<{ name: string; value: string }>, filter?: string) {
	const text = (filter ?? '').trim().toLowerCase();
	return text
		? entries.filter((e) => e.name.toLowerCase().includes(text) || e.value.toLowerCase() === text)
		: entries;
}

function currentProjectId(ctx: Ctx): string | undefined {
	try {
		const value = ctx.getCurrentNodeParameter('projectId', { extractValue: true });
		return typeof value === 'string' && isGuid(value) ? value.trim() : undefined;
	} catch {
		return undefined;
	}
}

async function search(
	ctx: Ctx,
	filter: string | undefined,
	load: () => Promise<Array<{ name: string; value: string }>>,
	needs?: string,
): Promise<INodeListSearchResult> {
	if (!hasCredential(ctx)) return { results: [{ name: NO_CREDENTIAL, value: '' }] };
	const entries = await load();
	if (needs && !entries.length) return { results: [{ name: needs, value: '' }] };
	return {
		results: filterBy(
			entries.sort((a, b) => a.name.localeCompare(b.name)),
			filter,
		),
	};
}

const projectEntries = async (ctx: Ctx, templates: boolean) =>
	(await list(ctx, 'integration/project/json'))
		.filter((p) => isTemplate(p) === templates)
		.map((p) => ({
			name: `${String(p.title)}${p.number ? ` (${String(p.number)})` : ''}${isArchived(p) ? ' – archived' : ''}`,
			value: String(p.id),
		}));

export const listSearch = {
	async searchProjects(this: Ctx, filter?: string) {
		return await search(this, filter, async () => await projectEntries(this, false));
	},
	async searchProjectTemplates(this: Ctx, filter?: string) {
		return await search(this, filter, async () => await projectEntries(this, true));
	},
	async searchTasks(this: Ctx, filter?: string) {
		const projectId = currentProjectId(this);
		if (hasCredential(this) && !projectId)
			return { results: [{ name: CHOOSE_PROJECT_FOR_TASKS, value: '' }] };
		return await search(this, filter, async () =>
			(await tasksOfProject(this, String(projectId))).map((t) => ({
				name: `${String(t.title)}${t.folder ? ` (${String(t.folder)})` : ''}`,
				value: String(t.id),
			})),
		);
	},
	async searchFolders(this: Ctx, filter?: string) {
		const projectId = currentProjectId(this);
		if (hasCredential(this) && !projectId)
			return { results: [{ name: CHOOSE_PROJECT_FOR_FOLDERS, value: '' }] };
		return await search(this, filter, async () =>
			(await list(this, `integration/folders/json/${projectId}`)).map((f) => ({
				name: String(f.name),
				value: String(f.id),
			})),
		);
	},
	async searchMembers(this: Ctx, filter?: string) {
		return await search(this, filter, async () =>
			(await list(this, 'integration/settings/member/json')).map((m) => ({
				name: memberName(m),
				value: String(m.id),
			})),
		);
	},
	async searchAbsenceTypes(this: Ctx, filter?: string) {
		return await search(this, filter, async () =>
			(await list(this, 'integration/settings/absencetypes/json')).map((t) => ({
				name: `${String(t.title ?? t.name ?? t.id)}${t.isApprovalNecessary ? ' (needs approval)' : ''}`,
				value: String(t.id),
			})),
		);
	},
};
