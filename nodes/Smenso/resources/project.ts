import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import type { OperationHandler, Tools } from '../engine';
import { param } from '../engine';
import { checkOrder, compact, matchesSearch, newExternalId, projectLocator, sameId, show, waitFields, writeOptions } from './common';

const R = 'project';
const WRITES = ['archive', 'create', 'createFromTemplate', 'delete', 'unarchive', 'update'];

export const projectOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [R] } },
	options: [
		{ name: 'Archive', value: 'archive', action: 'Archive a project', description: 'Archive a project (no more bookings)' },
		{ name: 'Create', value: 'create', action: 'Create a project' },
		{ name: 'Create From Template', value: 'createFromTemplate', action: 'Create a project from a template', description: 'Create a project with the tasks and structure of a template project' },
		{ name: 'Delete', value: 'delete', action: 'Delete a project' },
		{ name: 'Get', value: 'get', action: 'Get a project' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many projects' },
		{ name: 'Unarchive', value: 'unarchive', action: 'Unarchive a project' },
		{ name: 'Update', value: 'update', action: 'Update a project' },
	],
	default: 'getAll',
};

const projectDetails: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{ displayName: 'End Date', name: 'endDate', type: 'dateTime', default: '', description: 'Planned end (the date is used)' },
	{ displayName: 'External ID', name: 'externalId', type: 'string', default: '', description: 'Your own key for the project, e.g. the ID in the CRM. If empty on create, the node sets one so it can read the project back.' },
	{ displayName: 'Number', name: 'number', type: 'string', default: '', description: 'Project number shown in smenso' },
	{ displayName: 'Responsible Member Name or ID', name: 'responsibleUserId', type: 'options', typeOptions: { loadOptionsMethod: 'getMembers' }, default: '', description: 'Project manager. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
	{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '', description: 'Planned start (the date is used)' },
];

export const projectFields: INodeProperties[] = [
	projectLocator(R, ['archive', 'delete', 'get', 'unarchive', 'update']),
	{
		displayName: 'Template Project Name or ID',
		name: 'templateId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProjectTemplates' },
		required: true,
		default: '',
		description: 'Template to copy. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: show(R, ['createFromTemplate']),
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(R, ['create', 'createFromTemplate']),
	},
	{
		displayName: 'Phase ID',
		name: 'phaseId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e7737f60-d5a8-4b61-8cda-2ad51ccff4dd',
		description: 'GUID of the project phase (copy it from smenso\'s project settings)',
		displayOptions: show(R, ['create']),
	},
	{
		displayName: 'Type ID',
		name: 'typeId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e7737f60-d5a8-4b61-8cda-2ad51ccff4dd',
		description: 'GUID of the project type (copy it from smenso\'s project settings)',
		displayOptions: show(R, ['create']),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, ['create', 'createFromTemplate']),
		options: projectDetails,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, ['update']),
		options: [
			...projectDetails,
			{ displayName: 'Phase ID', name: 'phaseId', type: 'string', default: '' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			{ displayName: 'Type ID', name: 'typeId', type: 'string', default: '' },
		].sort((a, b) => a.displayName.localeCompare(b.displayName)) as INodeProperties[],
	},
	...returnAllOrLimit(R, 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(R, ['getAll']),
		options: [
			{ displayName: 'Include Archived', name: 'includeArchived', type: 'boolean', default: false, description: 'Whether to include archived projects' },
			{ displayName: 'Include Templates', name: 'includeTemplates', type: 'boolean', default: false, description: 'Whether to include template projects' },
			{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Only projects whose title, number or external ID contains this text' },
		],
	},
	...waitFields(R, WRITES),
	writeOptions(R, WRITES, false),
];

async function details(i: number, t: Tools, source: IDataObject): Promise<IDataObject> {
	const out: IDataObject = {};
	for (const key of ['title', 'description', 'number', 'externalId']) {
		if (source[key] !== undefined && source[key] !== '') out[key] = String(source[key]);
	}
	if (source.title !== undefined && !String(source.title).trim()) t.required(i, 'Title', source.title);
	for (const [key, label] of [
		['phaseId', 'Phase ID'],
		['typeId', 'Type ID'],
		['responsibleUserId', 'Responsible Member ID'],
	]) {
		if (source[key]) out[key] = t.guid(i, label, source[key]);
	}
	if (source.startDate) out.startDate = await t.date(i, 'Start Date', source.startDate);
	if (source.endDate) out.endDate = await t.date(i, 'End Date', source.endDate);
	checkOrder(t, i, out.startDate, out.endDate, 'Start Date', 'End Date');
	return out;
}

function projectId(i: number, t: Tools): string {
	return t.guid(i, 'Project', param(t.ctx, 'projectId', i));
}

function readBackById(t: Tools, id: string) {
	return {
		key: `project:${id}`,
		fetch: async () => [await t.get<IDataObject>(`integration/project/json/${id}`)],
		match: (list: IDataObject[]) => list.find((p) => sameId(p.id, id)),
	};
}

function readBackByExternalId(t: Tools, externalId: string) {
	return {
		key: 'projects',
		fetch: async () => await t.get<IDataObject[]>('integration/project/json'),
		match: (list: IDataObject[]) => list.find((p) => p.externalId === externalId),
	};
}

export const projectHandlers: Record<string, OperationHandler> = {};

projectHandlers.getAll = {
	async read(i, t) {
		const filters = t.ctx.getNodeParameter('filters', i, {}) as IDataObject;
		const returnAll = t.ctx.getNodeParameter('returnAll', i, false) as boolean;
		const limit = t.ctx.getNodeParameter('limit', i, 50) as number;
		const list = (await t.get<IDataObject[]>('integration/project/json', i)) ?? [];
		const filtered = list.filter(
			(p) =>
				(filters.includeArchived || !p.isArchived) &&
				(filters.includeTemplates || !p.isTemplate) &&
				matchesSearch(p, filters.search, ['title', 'number', 'externalId']),
		);
		return returnAll ? filtered : filtered.slice(0, limit);
	},
};

projectHandlers.get = {
	async read(i, t) {
		const id = projectId(i, t);
		return await t.get<IDataObject>(`integration/project/json/${id}`, i, `Project ${id}`);
	},
};

projectHandlers.create = {
	async write(i, t) {
		const title = t.required(i, 'Title', t.ctx.getNodeParameter('title', i, ''));
		const phaseId = t.guid(i, 'Phase ID', t.ctx.getNodeParameter('phaseId', i, ''));
		const typeId = t.guid(i, 'Type ID', t.ctx.getNodeParameter('typeId', i, ''));
		const extra = await details(i, t, t.ctx.getNodeParameter('additionalFields', i, {}) as IDataObject);
		const record = compact({ ...extra, title, phaseId, typeId, externalId: extra.externalId ?? newExternalId() });
		return {
			group: 'project:create',
			method: 'POST',
			path: 'integration/project/json',
			record,
			batchable: false,
			readBack: readBackByExternalId(t, String(record.externalId)),
		};
	},
};

projectHandlers.createFromTemplate = {
	async write(i, t) {
		const templateId = t.guid(i, 'Template Project', t.ctx.getNodeParameter('templateId', i, ''));
		const title = t.required(i, 'Title', t.ctx.getNodeParameter('title', i, ''));
		const extra = await details(i, t, t.ctx.getNodeParameter('additionalFields', i, {}) as IDataObject);
		const record = compact({ ...extra, title, externalId: extra.externalId ?? newExternalId() });
		return {
			group: `project:template:${templateId}`,
			method: 'POST',
			path: `integration/template/project/create/json/${templateId}`,
			record,
			batchable: false,
			notFoundLabel: `Project template ${templateId}`,
			readBack: readBackByExternalId(t, String(record.externalId)),
		};
	},
};

projectHandlers.update = {
	async write(i, t) {
		const id = projectId(i, t);
		const changes = await details(i, t, t.ctx.getNodeParameter('updateFields', i, {}) as IDataObject);
		return { group: 'project:update', method: 'PUT', path: 'integration/project/json', record: { id, ...changes }, batchable: false, readBack: readBackById(t, id) };
	},
};

for (const [operation, archived] of [
	['archive', true],
	['unarchive', false],
] as const) {
	projectHandlers[operation] = {
		async write(i, t) {
			const id = projectId(i, t);
			return { group: `project:${operation}`, method: 'PUT', path: 'integration/project/json', record: { id, isArchived: archived }, batchable: false, readBack: readBackById(t, id) };
		},
	};
}

projectHandlers.delete = {
	async write(i, t) {
		const id = projectId(i, t);
		return { group: 'project:delete', method: 'DELETE', path: `integration/project/json/${id}`, record: { id }, batchable: false, echo: { deleted: true, id }, notFoundLabel: `Project ${id}` };
	},
};
