import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import type { OperationHandler, ReadBack, Tools } from '../engine';
import { param } from '../engine';
import { checkOrder, compact, matchesSearch, newExternalId, projectLocator, sameId, show, taskLocator, waitFields, writeOptions } from './common';

const R = 'task';
const WRITES = ['create', 'delete', 'update'];

export const taskOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [R] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a task' },
		{ name: 'Delete', value: 'delete', action: 'Delete a task' },
		{ name: 'Get', value: 'get', action: 'Get a task' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many tasks', description: 'Get the tasks of a project' },
		{ name: 'Update', value: 'update', action: 'Update a task' },
	],
	default: 'getAll',
};

const taskDetails: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{ displayName: 'End Date', name: 'endDate', type: 'dateTime', default: '', description: 'Due date (date and time, without offset, in the chosen time zone)' },
	{ displayName: 'External ID', name: 'externalId', type: 'string', default: '', description: 'Your own key for the task, e.g. the ticket number in the source system. If empty on create, the node sets one so it can read the task back.' },
	{ displayName: 'Parent Task ID', name: 'parentTaskId', type: 'string', default: '', description: 'GUID of the parent task, to create a subtask' },
	{ displayName: 'Planned Hours', name: 'plannedHours', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		options: [
			{ name: 'High', value: 'High' },
			{ name: 'Low', value: 'Low' },
			{ name: 'Medium', value: 'Medium' },
		],
		default: 'Medium',
	},
	{ displayName: 'Responsible Member Name or ID', name: 'responsibleUserId', type: 'options', typeOptions: { loadOptionsMethod: 'getMembers' }, default: '', description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
	{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '', description: 'Start (date and time, without offset, in the chosen time zone)' },
	{ displayName: 'Status', name: 'status', type: 'string', default: '', placeholder: 'In progress', description: 'Status name as configured in the workspace' },
];

export const taskFields: INodeProperties[] = [
	projectLocator(R, ['create', 'get', 'getAll', 'update'], { description: 'The project the task belongs to' }),
	taskLocator(R, ['delete', 'get', 'update']),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(R, ['create']),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, ['create']),
		options: taskDetails,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, ['update']),
		options: [...taskDetails, { displayName: 'Title', name: 'title', type: 'string', default: '' } as INodeProperties].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
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
			{ displayName: 'Responsible Member Name or ID', name: 'responsibleUserId', type: 'options', typeOptions: { loadOptionsMethod: 'getMembers' }, default: '', description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
			{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Only tasks whose title or external ID contains this text' },
			{ displayName: 'Status', name: 'status', type: 'string', default: '', description: 'Only tasks with this status name' },
		],
	},
	...waitFields(R, WRITES),
	writeOptions(R, WRITES, true),
];

async function details(i: number, t: Tools, source: IDataObject): Promise<IDataObject> {
	const out: IDataObject = {};
	for (const key of ['description', 'externalId', 'priority', 'status']) {
		if (source[key] !== undefined && source[key] !== '') out[key] = String(source[key]);
	}
	if (source.title !== undefined) out.title = t.required(i, 'Title', source.title);
	if (source.responsibleUserId) out.responsibleUserId = t.guid(i, 'Responsible Member ID', source.responsibleUserId);
	if (source.parentTaskId) out.parentTaskId = t.guid(i, 'Parent Task ID', source.parentTaskId);
	if (source.plannedHours !== undefined && source.plannedHours !== '') {
		const hours = Number(source.plannedHours);
		if (!Number.isFinite(hours) || hours < 0) t.required(i, 'Planned Hours', '');
		out.plannedHours = hours;
	}
	if (source.startDate) out.startDate = await t.dateTime(i, 'Start Date', source.startDate);
	if (source.endDate) out.endDate = await t.dateTime(i, 'End Date', source.endDate);
	checkOrder(t, i, out.startDate, out.endDate, 'Start Date', 'End Date');
	return out;
}

export function tasksOf(t: Tools, projectId: string, itemIndex?: number): Promise<IDataObject[]> {
	return t.get<IDataObject[]>(`integration/task/json/${projectId}`, itemIndex, `Project ${projectId}`);
}

function readBack(t: Tools, projectId: string, find: (task: IDataObject) => boolean): ReadBack {
	return { key: `tasks:${projectId}`, fetch: async () => await tasksOf(t, projectId), match: (list) => list.find(find) };
}

function wrap(projectId: string) {
	return (records: IDataObject[]) => ({ projectId, task: records });
}

export const taskHandlers: Record<string, OperationHandler> = {
	getAll: {
		async read(i, t) {
			const projectId = t.guid(i, 'Project', param(t.ctx, 'projectId', i));
			const filters = t.ctx.getNodeParameter('filters', i, {}) as IDataObject;
			const returnAll = t.ctx.getNodeParameter('returnAll', i, false) as boolean;
			const limit = t.ctx.getNodeParameter('limit', i, 50) as number;
			const list = (await tasksOf(t, projectId, i)) ?? [];
			const filtered = list.filter(
				(task) =>
					matchesSearch(task, filters.search, ['title', 'externalId']) &&
					(!filters.status || String(task.status ?? '').toLowerCase() === String(filters.status).toLowerCase()) &&
					(!filters.responsibleUserId || sameId(task.responsibleUserId, filters.responsibleUserId)),
			);
			return returnAll ? filtered : filtered.slice(0, limit);
		},
	},
	get: {
		async read(i, t) {
			const projectId = t.guid(i, 'Project', param(t.ctx, 'projectId', i));
			const taskId = t.guid(i, 'Task', param(t.ctx, 'taskId', i));
			// No single-task GET is known: the project's task list is read and the task picked from it.
			const task = (await tasksOf(t, projectId, i)).find((entry) => sameId(entry.id, taskId));
			if (!task) {
				throw new NodeOperationError(t.ctx.getNode(), `Task ${taskId} was not found in project ${projectId}`, { itemIndex: i });
			}
			return task;
		},
	},
	create: {
		async write(i, t) {
			const projectId = t.guid(i, 'Project', param(t.ctx, 'projectId', i));
			const title = t.required(i, 'Title', t.ctx.getNodeParameter('title', i, ''));
			const extra = await details(i, t, t.ctx.getNodeParameter('additionalFields', i, {}) as IDataObject);
			const record = compact({ ...extra, title, externalId: extra.externalId ?? newExternalId() });
			return {
				group: `task:create:${projectId}`,
				method: 'POST',
				path: 'integration/task/json',
				record,
				wrap: wrap(projectId),
				batchable: true,
				readBack: readBack(t, projectId, (task) => task.externalId === record.externalId),
			};
		},
	},
	update: {
		async write(i, t) {
			const projectId = t.guid(i, 'Project', param(t.ctx, 'projectId', i));
			const id = t.guid(i, 'Task', param(t.ctx, 'taskId', i));
			const changes = await details(i, t, t.ctx.getNodeParameter('updateFields', i, {}) as IDataObject);
			return {
				group: `task:update:${projectId}`,
				method: 'PUT',
				path: 'integration/task/json',
				record: { id, ...changes },
				wrap: wrap(projectId),
				batchable: true,
				readBack: readBack(t, projectId, (task) => sameId(task.id, id)),
			};
		},
	},
	delete: {
		async write(i, t) {
			const id = t.guid(i, 'Task', param(t.ctx, 'taskId', i));
			return { group: 'task:delete', method: 'DELETE', path: `integration/task/json/${id}`, record: { id }, batchable: false, echo: { deleted: true, id }, notFoundLabel: `Task ${id}` };
		},
	},
};
