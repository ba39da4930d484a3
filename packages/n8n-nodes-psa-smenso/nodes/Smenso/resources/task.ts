import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationHandler } from '../../../../shared/execute';
import { operationProperty } from '../../../../shared/kit';
import { invalidInput, isGuid } from '../../../../shared/validation';
import { zoneFor } from '../engine';
import { NO_FEED } from './project';
import {
	checkOrder,
	collection,
	disputed,
	contains,
	fieldProperty,
	getWithFallback,
	guidField,
	limitList,
	locatorValue,
	newExternalId,
	plan,
	projectLocator,
	readOptions,
	required,
	returnAllLimit,
	sameId,
	send,
	show,
	taskLocator,
	waitFields,
	wireRecord,
	withHours,
	writeOptions,
	type Ctx,
	type FieldSpec,
} from './common';

const R = 'task';
const WRITES = ['create', 'createFromTemplate', 'delete', 'update'];

export const taskOperations = operationProperty(
	R,
	[
		{
			name: 'Add Dependency',
			value: 'addDependency',
			action: 'Add a dependency to a task',
			description: 'Make a task wait for a predecessor (blocked by)',
		},
		{ name: 'Create', value: 'create', action: 'Create a task' },
		{
			name: 'Create From Template',
			value: 'createFromTemplate',
			action: 'Create a task from a template',
		},
		{ name: 'Delete', value: 'delete', action: 'Delete a task' },
		{ name: 'Get', value: 'get', action: 'Get a task' },
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many tasks',
			description: 'Get the tasks of a project',
		},
		{ name: 'Get Tree', value: 'getTree', action: 'Get a task with its subtasks' },
		{
			name: 'Remove Dependencies',
			value: 'removeDependencies',
			action: 'Remove dependencies from a task',
		},
		{ name: 'Update', value: 'update', action: 'Update a task' },
	],
	'getAll',
);

export const TASK_HOURS = { plannedDuration: 'plannedHours', duration: 'effortHours' };

const DETAILS: FieldSpec[] = [
	{ name: 'description', label: 'Description', kind: 'text' },
	{ name: 'dueDate', label: 'Due Date', kind: 'date' },
	{
		name: 'effortHours',
		label: 'Actual Effort (Hours)',
		kind: 'hours',
		wire: 'duration',
		description: 'Hours spent, e.g. 1.5 or 1:30 (sent to smenso as minutes)',
	},
	{
		name: 'externalId',
		label: 'External ID',
		kind: 'string',
		description:
			'Your own key, e.g. the ticket number in the source system. If empty on create, the node sets one so it can read the task back.',
	},
	{ name: 'flavors', label: 'Custom Fields (Flavors)', kind: 'flavors', wire: 'flavor' },
	{
		name: 'folder',
		label: 'Folder Name',
		kind: 'string',
		description: 'The task folder of the project, by name',
	},
	{
		name: 'isMilestone',
		label: 'Milestone',
		kind: 'boolean',
		description: 'Whether the task is a milestone',
	},
	{
		name: 'parentTaskId',
		label: 'Parent Task ID',
		kind: 'guid',
		description: 'GUID of the parent task, to make this a subtask',
	},
	{
		name: 'plannedHours',
		label: 'Planned Effort (Hours)',
		kind: 'hours',
		wire: 'plannedDuration',
		description: 'Planned effort, e.g. 8 or 7:30 (sent to smenso as minutes)',
	},
	{
		name: 'priority',
		label: 'Priority',
		kind: 'options',
		options: [
			['1', 1],
			['2', 2],
			['3', 3],
			['4', 4],
		],
		default: 2,
		description: 'Priority 1–4 as in smenso',
	},
	{
		name: 'responsibleUserId',
		label: 'Responsible Member',
		kind: 'user',
		description: "The member's e-mail address or GUID",
	},
	{ name: 'sortOrder', label: 'Sort Order', kind: 'integer' },
	{ name: 'startDate', label: 'Start Date', kind: 'date' },
	{
		name: 'statusId',
		label: 'Status',
		kind: 'options',
		options: [
			['Open', 1],
			['In Progress', 2],
			['Done', 3],
		],
		default: 1,
	},
];

/**
 * Task fields resting on one disputed source: effort and due date (P8, H20 vs the vendor node's
 * plannedHours/endDate), and what only the XML page (H20) or the flavor page (P14) shows for tasks.
 */
const DISPUTED = [
	'plannedHours',
	'effortHours',
	'dueDate',
	'flavors',
	'folder',
	'priority',
	'statusId',
	'isMilestone',
];

export const taskFields: INodeProperties[] = [
	projectLocator(
		show(R, [
			'addDependency',
			'create',
			'createFromTemplate',
			'delete',
			'get',
			'getAll',
			'getTree',
			'removeDependencies',
			'update',
		]),
		'projectId',
		'Project',
		'The project the task belongs to',
	),
	taskLocator(
		show(R, ['addDependency', 'delete', 'get', 'getTree', 'removeDependencies', 'update']),
	),
	fieldProperty({ name: 'title', label: 'Title', kind: 'string' }, show(R, ['create']), true),
	collection('additionalFields', 'Additional Fields', [...DETAILS, NO_FEED], show(R, ['create'])),
	collection(
		'updateFields',
		'Update Fields',
		[...DETAILS, { name: 'title', label: 'Title', kind: 'string' }],
		show(R, ['update']),
	),
	guidField(
		'taskTemplateId',
		'Task Template ID',
		show(R, ['createFromTemplate']),
		'GUID of the task template',
	),
	{
		displayName: 'Additional Fields',
		name: 'templateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, ['createFromTemplate']),
		options: [
			{
				displayName: 'Override Priority',
				name: 'overridePriority',
				type: 'boolean',
				default: false,
				description: "Whether to use the template's priority",
			},
			{
				displayName: 'Override Status',
				name: 'overrideStatus',
				type: 'boolean',
				default: false,
				description: "Whether to use the template's status",
			},
			{
				displayName: 'Override Workflow',
				name: 'overrideWorkflow',
				type: 'boolean',
				default: false,
				description: "Whether to use the template's workflow",
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				description: "Empty: the template's title",
			},
		],
	},
	taskLocator(
		show(R, ['addDependency']),
		'predecessorId',
		'Predecessor',
		'The task this one waits for ("blocked by")',
	),
	{
		displayName: 'Type',
		name: 'dependencyType',
		type: 'options',
		options: [
			{ name: 'Finish to Finish', value: 'FF' },
			{ name: 'Finish to Start', value: 'FS' },
			{ name: 'Start to Finish', value: 'SF' },
			{ name: 'Start to Start', value: 'SS' },
		],
		default: 'FS',
		displayOptions: show(R, ['addDependency']),
	},
	{
		displayName: 'Lag (Days)',
		name: 'lag',
		type: 'number',
		default: 0,
		typeOptions: { numberPrecision: 0 },
		description: 'Days between the predecessor and this task',
		displayOptions: show(R, ['addDependency']),
	},
	{
		displayName: 'Predecessor Task IDs',
		name: 'predecessorIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. e7737f60-d5a8-4b61-8cda-2ad51ccff4dd, 0b4f…',
		description: 'GUIDs of the predecessors whose dependency to remove, separated by commas',
		displayOptions: show(R, ['removeDependencies']),
	},
	...returnAllLimit(R, 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(R, ['getAll']),
		options: [
			{
				displayName: 'Responsible Member',
				name: 'responsibleUserId',
				type: 'string',
				default: '',
				description: 'Only tasks of this member (GUID or e-mail)',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only tasks whose title or external ID contains this text',
			},
			{
				displayName: 'Status',
				name: 'statusId',
				type: 'options',
				options: [
					{ name: 'Done', value: 3 },
					{ name: 'In Progress', value: 2 },
					{ name: 'Open', value: 1 },
				],
				default: 1,
			},
		],
	},
	readOptions(R, ['get', 'getAll', 'getTree']),
	...waitFields(R, WRITES),
	writeOptions(R, WRITES, true),
];

const projectOf = (ctx: Ctx, i: number) => locatorValue(ctx, i, 'projectId', 'Project');
const taskOf = (ctx: Ctx, i: number) => locatorValue(ctx, i, 'taskId', 'Task');

/**
 * The tasks of a project. N-new's path (`task/json/{projectId}`, also our earlier notes) first; N-old's
 * `task/json?projectId=` only if smenso says the first does not exist.
 */
export async function tasksOf(
	ctx: Ctx,
	i: number | undefined,
	projectId: string,
): Promise<IDataObject[]> {
	const list = await getWithFallback<IDataObject[]>(
		ctx,
		i,
		'task:list',
		[
			{ path: `integration/task/json/${projectId}` },
			{ path: 'integration/task/json', qs: { projectId } },
		],
		`Project ${projectId}`,
	);
	return (Array.isArray(list) ? list : []).map((t) => withHours(t, TASK_HOURS));
}

function readBack(ctx: Ctx, projectId: string, find: (task: IDataObject) => boolean) {
	return {
		key: `tasks:${projectId}`,
		fetch: async () => await tasksOf(ctx, undefined, projectId),
		match: (list: IDataObject[]) => list.find(find),
	};
}

async function details(ctx: Ctx, i: number, source: IDataObject): Promise<IDataObject> {
	const zone = await zoneFor(ctx, i);
	const out = wireRecord(
		ctx,
		i,
		DETAILS.concat({ name: 'title', label: 'Title', kind: 'string' }),
		source,
		zone.iana,
	);
	if (source.title !== undefined && !String(source.title).trim())
		throw invalidInput(ctx.getNode(), i, 'Title', 'must not be empty');
	checkOrder(ctx, i, out, 'startDate', 'dueDate', 'Start Date', 'Due Date');
	return out;
}

export const taskHandlers: Record<string, OperationHandler> = {
	async getAll(i) {
		const projectId = projectOf(this, i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const list = await tasksOf(this, i, projectId);
		return limitList(
			this,
			i,
			list,
			(t) =>
				contains(t, filters.search, ['title', 'externalId']) &&
				(filters.statusId === undefined || Number(t.statusId) === Number(filters.statusId)) &&
				(!filters.responsibleUserId ||
					sameId(t.responsibleUserId, filters.responsibleUserId) ||
					sameId(t.responsibleUserEmail, filters.responsibleUserId)),
		);
	},
	async get(i) {
		const projectId = projectOf(this, i);
		const taskId = taskOf(this, i);
		// No single-task GET in any source: the project's list is read and the task picked from it.
		const task = (await tasksOf(this, i, projectId)).find((t) => sameId(t.id, taskId));
		if (!task)
			throw new NodeOperationError(
				this.getNode(),
				`Task ${taskId} was not found in project ${projectId} (row ${i + 1})`,
				{ itemIndex: i },
			);
		return task;
	},
	async getTree(i) {
		const projectId = projectOf(this, i);
		const taskId = taskOf(this, i);
		const tree = await getWithFallback<IDataObject>(
			this,
			i,
			'task:tree',
			[
				{ path: `integration/task/json/${projectId}/${taskId}` },
				{ path: `integration/task/json/${taskId}/tree` },
			],
			`Task ${taskId}`,
		);
		const hours = (t: IDataObject): IDataObject => ({
			...withHours(t, TASK_HOURS),
			...(Array.isArray(t.children) ? { children: (t.children as IDataObject[]).map(hours) } : {}),
		});
		return hours(tree);
	},
	async create(i) {
		const projectId = projectOf(this, i);
		const title = required(this, i, 'title', 'Title');
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const record: IDataObject = { title, ...(await details(this, i, { ...extra, title })) };
		record.externalId ??= newExternalId(this, i);
		return await plan(this, i, {
			group: `task:create:${projectId}:${extra.noFeed === true}`,
			method: 'POST',
			paths: ['integration/task/json'],
			route: 'task:create',
			envelope: {
				key: 'task',
				timezone: true,
				top: { projectId, ...(extra.noFeed === true ? { noFeed: true } : {}) },
			},
			record,
			batchable: true,
			expect: 'created',
			readBack: readBack(this, projectId, (t) => t.externalId === record.externalId),
			verify: disputed(record, DETAILS, DISPUTED, 'task'),
		});
	},
	async update(i) {
		const projectId = projectOf(this, i);
		const id = taskOf(this, i);
		const changes = await details(
			this,
			i,
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
		);
		return await plan(this, i, {
			group: `task:update:${projectId}`,
			method: 'PUT',
			paths: ['integration/task/json'],
			route: 'task:update',
			// N-new sends no projectId on task updates (our earlier notes did): the higher source wins.
			envelope: { key: 'task', timezone: true },
			record: { id, ...changes },
			batchable: true,
			expect: 'modified',
			readBack: readBack(this, projectId, (t) => sameId(t.id, id)),
			verify: disputed(changes, DETAILS, DISPUTED, 'task'),
		});
	},
	async delete(i) {
		const id = taskOf(this, i);
		return await plan(this, i, {
			group: 'task:delete',
			method: 'DELETE',
			paths: [`integration/task/json/${id}`],
			route: 'task:delete',
			batchable: false,
			expect: 'deleted',
			echo: { id, deleted: true },
			notFoundLabel: `Task ${id}`,
		});
	},
	async createFromTemplate(i) {
		const projectId = projectOf(this, i);
		const templateId = locatorValue(this, i, 'taskTemplateId', 'Task Template ID');
		const extra = this.getNodeParameter('templateFields', i, {}) as IDataObject;
		const body: IDataObject = {
			projectId,
			title: String(extra.title ?? '').trim() || null,
			overrideStatus: extra.overrideStatus === true,
			overridePriority: extra.overridePriority === true,
			overrideWorkflow: extra.overrideWorkflow === true,
		};
		return await plan(this, i, {
			group: 'task:fromTemplate',
			method: 'POST',
			paths: [`integration/task/json/${templateId}`],
			route: 'task:fromTemplate',
			body,
			batchable: false,
			echo: { projectId, templateId },
			notFoundLabel: `Task template ${templateId}`,
		});
	},
	async addDependency(i) {
		const taskId = taskOf(this, i);
		const predecessor = locatorValue(this, i, 'predecessorId', 'Predecessor');
		if (sameId(taskId, predecessor))
			throw invalidInput(
				this.getNode(),
				i,
				'Predecessor',
				'must be another task than the task itself',
			);
		const lag = Number(this.getNodeParameter('lag', i, 0));
		if (!Number.isInteger(lag))
			throw invalidInput(
				this.getNode(),
				i,
				'Lag (Days)',
				`must be a whole number of days, got ${lag}`,
			);
		const type = this.getNodeParameter('dependencyType', i, 'FS') as string;
		// N-new: a bare array of dependencies, PATCHed onto the task.
		return await send<IDataObject>(this, i, {
			method: 'PATCH',
			path: `integration/task/json/${taskId}/dependencies`,
			body: [{ taskId: predecessor, type, lag }],
			notFoundLabel: `Task ${taskId}`,
		});
	},
	async removeDependencies(i) {
		const taskId = taskOf(this, i);
		const raw = required(this, i, 'predecessorIds', 'Predecessor Task IDs');
		const ids = raw.split(/[\s,;]+/).filter(Boolean);
		for (const id of ids)
			if (!isGuid(id))
				throw invalidInput(
					this.getNode(),
					i,
					'Predecessor Task IDs',
					`must be GUIDs separated by commas, got "${id}"`,
				);
		return await send<IDataObject>(this, i, {
			method: 'DELETE',
			path: `integration/task/json/${taskId}/dependencies`,
			qs: { taskIds: ids.join(',') },
			notFoundLabel: `Task ${taskId}`,
		});
	},
};
