import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireNumber, requireString } from '../../../../shared';
import { returnAllLimit } from '../../../../shared/kit';
import { blikkList, blikkRequest } from '../transport';
import { MERGE_HINT, locator, show, sortOptions } from './common';
import type { OperationTable } from '../../../../shared/execute';
import {
	idList,
	idParam,
	idValue,
	listOptions,
	listQuery,
	optionalId,
	toBlikkDateTime,
} from './util';

const R = 'task';

function taskFields(update: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'When the task ends',
		},
		{
			displayName: 'Estimate (Hours)',
			name: 'estimate',
			type: 'number',
			typeOptions: { numberPrecision: 2, minValue: 0 },
			default: 0,
			description: 'Estimated hours to get the task done',
		},
		{
			displayName: 'Is Completed',
			name: 'isCompleted',
			type: 'boolean',
			default: false,
			description: 'Whether the task is completed',
		},
		{
			displayName: 'Member Names or IDs',
			name: 'memberIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getUsers' },
			default: [],
			description:
				'Users working on the task (replaces the members). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'When the task starts',
		},
		{
			displayName: 'Tag Names or IDs',
			name: 'tagIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getTaskBoardTags' },
			default: [],
			description:
				'Task board tags (replaces the tags). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Time Reporting Enabled',
			name: 'timeReportingEnabled',
			type: 'boolean',
			default: true,
			description: 'Whether time can be reported on the task',
		},
	];
	if (update) {
		fields.push(
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			{
				displayName: 'Board Column Name or ID',
				name: 'taskBoardColumnId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTaskBoardColumns' },
				default: '',
				description:
					'Move the task to this column. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Project ID',
				name: 'projectId',
				type: 'number',
				default: 0,
				description: 'Connect the task to this project',
			},
		);
	}
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export const taskDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: show(R),
		default: 'create',
		options: [
			{
				name: 'Complete',
				value: 'complete',
				action: 'Complete a task',
				description: 'Mark a task as completed (read, merge, write)',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a task',
				description: 'Create a task for a crew, optionally on a board and project',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a task',
				description: 'Delete a task (Blikk refuses when time is reported on it)',
			},
			{ name: 'Get', value: 'get', action: 'Get a task' },
			{ name: 'Get Many', value: 'getAll', action: 'Get tasks' },
			{
				name: 'Update',
				value: 'update',
				action: 'Update a task',
				description:
					'Rename, move or reschedule a task; only the fields you set change (read, merge, write)',
			},
		],
	},
	locator('taskId', 'Task', 'searchTasks', show(R, ['complete', 'delete', 'get', 'update'])),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		displayOptions: show(R, 'create'),
		placeholder: 'e.g. Measure the kitchen',
	},
	{
		displayName: 'Board Column Name or ID',
		name: 'taskBoardColumnId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTaskBoardColumns' },
		default: '',
		displayOptions: show(R, 'create'),
		description:
			'Task board column to put the task in (leave empty for no board). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	locator('project', 'Project', 'searchProjects', show(R, 'create'), {
		required: false,
		description: 'Project to connect the task to (optional)',
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, 'create'),
		options: taskFields(false),
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, 'update'),
		description: MERGE_HINT,
		hint: MERGE_HINT,
		options: taskFields(true),
	},
	...returnAllLimit(R, 'getAll', {}, { maxLimit: 100000 }),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(R, 'getAll'),
		options: [
			{
				displayName: 'Board Column Name or ID',
				name: 'taskBoardColumnId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTaskBoardColumns' },
				default: '',
				description:
					'Only tasks in this task board column. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Board Name or ID',
				name: 'taskBoardId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTaskBoards' },
				default: '',
				description:
					'Only tasks on this task board ("No Board" = tasks on no board). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Created By User Names or IDs',
				name: 'createdByUserIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: [],
				description:
					'Only tasks created by any of these users. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'End Date Before',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Only tasks that have an end date on or before this',
			},
			{
				displayName: 'Member Names or IDs',
				name: 'memberIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: [],
				description:
					'Only tasks that have any of these members. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Start Date From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Only tasks that have a start date on or after this',
			},
			{
				displayName: 'Task IDs',
				name: 'taskIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12,15,20',
				description: 'Only these tasks (comma-separated IDs)',
			},
			{
				displayName: 'Title Contains',
				name: 'titleContains',
				type: 'string',
				default: '',
				placeholder: 'e.g. kitchen',
				description:
					'Only tasks whose title contains this text (any case). Blikk has no text search for tasks: the node filters page by page and stops reading once Limit tasks match.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(R, 'getAll'),
		options: sortOptions(['createdDate', 'title', 'startDate', 'endDate']),
	},
];

function writeFields(ctx: IExecuteFunctions, i: number, f: IDataObject): IDataObject {
	const out: IDataObject = {};
	if (f.title !== undefined) out.title = requireString(ctx.getNode(), i, 'Title', f.title);
	if (f.description !== undefined) out.description = f.description;
	if (f.isCompleted !== undefined) out.isCompleted = f.isCompleted;
	if (f.timeReportingEnabled !== undefined) out.timeReportingEnabled = f.timeReportingEnabled;
	if (f.estimate !== undefined)
		out.estimate = requireNumber(ctx.getNode(), i, 'Estimate (Hours)', f.estimate, { min: 0 });
	if (f.startDate !== undefined)
		out.startDate = toBlikkDateTime(ctx, i, 'Start Date', f.startDate) ?? null;
	if (f.endDate !== undefined) out.endDate = toBlikkDateTime(ctx, i, 'End Date', f.endDate) ?? null;
	if (f.tagIds !== undefined) out.tagIds = idList(ctx, i, 'Tag Names or IDs', f.tagIds) ?? [];
	if (f.memberIds !== undefined)
		out.memberIds = idList(ctx, i, 'Member Names or IDs', f.memberIds) ?? [];
	if (f.taskBoardColumnId !== undefined)
		out.taskBoardColumnId = idValue(ctx, i, 'Board Column', f.taskBoardColumnId) ?? null;
	if (f.projectId !== undefined) out.projectId = idValue(ctx, i, 'Project ID', f.projectId) ?? null;
	return out;
}

/**
 * A task's start or end as read → Blikk's write format. Blikk lists the day in `startDate` and the time of
 * day apart in `startTime` ("2026-03-02" + "08:00"); a write takes both in one "2026-03-02 08:00:00". Sending
 * the day alone would set the time to 00:00, so the time read is always put back.
 */
export function taskMoment(date: unknown, time: unknown): string | null {
	if (typeof date !== 'string' || !date.trim()) return null;
	const day = date.trim().slice(0, 10);
	const fromTime =
		typeof time === 'string' ? /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(time.trim()) : null;
	if (fromTime)
		return `${day} ${fromTime[1].padStart(2, '0')}:${fromTime[2]}:${fromTime[3] ?? '00'}`;
	// No separate time: keep what the date itself carries ("2026-03-02 08:00:00 +00:00"), else midnight.
	const inDate = /^\d{4}-\d{2}-\d{2}[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(date.trim());
	return inDate ? `${day} ${inDate[1]}:${inDate[2]}:${inDate[3] ?? '00'}` : `${day} 00:00:00`;
}

/** A task as listed (task.list) → the body PUT expects: every writable field as read. */
export function taskToWrite(t: IDataObject): IDataObject {
	const ref = (v: unknown) => ((v as IDataObject | null)?.id as number | undefined) ?? null;
	return {
		title: t.title,
		description: t.description ?? null,
		isCompleted: Boolean(t.completedDate),
		timeReportingEnabled: t.timeReportingEnabled ?? true,
		estimate: t.estimate ?? null,
		startDate: taskMoment(t.startDate, t.startTime),
		endDate: taskMoment(t.endDate, t.endTime),
		tagIds: ((t.tags as IDataObject[] | null) ?? []).map((x) => x.id as number),
		memberIds: ((t.members as IDataObject[] | null) ?? []).map((x) => (x.userId ?? x.id) as number),
		taskBoardColumnId: ref(t.boardColumn),
		projectId: ref(t.project),
	};
}

/** Blikk has no GET /Tasks/{id}: one task is read with `filter.taskIds`. */
export async function readTask(
	ctx: IExecuteFunctions,
	i: number,
	id: number,
): Promise<IDataObject> {
	const page = await blikkRequest.call(ctx, {
		method: 'GET',
		path: '/v1/Core/Tasks',
		qs: { page: 1, pageSize: 1, 'filter.taskIds': id },
		itemIndex: i,
	});
	const task = ((page.items as IDataObject[] | undefined) ?? [])[0];
	if (!task) {
		throw new NodeOperationError(ctx.getNode(), `Task ${id} was not found`, {
			itemIndex: i,
			description:
				'Blikk returned no task with this ID. It may have been deleted, or the API application cannot see it.',
		});
	}
	return task;
}

async function mergeAndPut(
	ctx: IExecuteFunctions,
	i: number,
	id: number,
	changes: IDataObject,
): Promise<IDataObject> {
	const current = await readTask(ctx, i, id);
	return await blikkRequest.call(ctx, {
		method: 'PUT',
		path: `/v1/Core/Tasks/${id}`,
		body: { ...taskToWrite(current), ...changes },
		itemIndex: i,
		idempotent: true,
	});
}

export const taskHandlers: OperationTable[string] = {
	async create(i) {
		const body: IDataObject = {
			title: requireString(this.getNode(), i, 'Title', this.getNodeParameter('title', i)),
			...writeFields(this, i, this.getNodeParameter('additionalFields', i, {}) as IDataObject),
		};
		const column = this.getNodeParameter('taskBoardColumnId', i, '') as unknown;
		const columnId = idValue(this, i, 'Board Column', column);
		if (columnId) body.taskBoardColumnId = columnId;
		const projectId = optionalId(this, i, 'project', 'Project');
		if (projectId) body.projectId = projectId;
		return await blikkRequest.call(this, {
			method: 'POST',
			path: '/v1/Core/Tasks',
			body,
			itemIndex: i,
		});
	},
	async get(i) {
		return await readTask(this, i, idParam(this, i, 'taskId', 'Task'));
	},
	async update(i) {
		const id = idParam(this, i, 'taskId', 'Task');
		const changes = writeFields(
			this,
			i,
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
		);
		return await mergeAndPut(this, i, id, changes);
	},
	async complete(i) {
		const id = idParam(this, i, 'taskId', 'Task');
		return await mergeAndPut(this, i, id, { isCompleted: true });
	},
	async delete(i) {
		const id = idParam(this, i, 'taskId', 'Task');
		await blikkRequest.call(this, {
			method: 'DELETE',
			path: `/v1/Core/Tasks/${id}`,
			itemIndex: i,
			idempotent: true,
		});
		return { id, deleted: true };
	},
	async getAll(i) {
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const board =
			f.taskBoardId === undefined || f.taskBoardId === '' || f.taskBoardId === 0
				? undefined
				: Number(f.taskBoardId) === -1
					? -1
					: idValue(this, i, 'Board', f.taskBoardId);
		const qs = listQuery(
			{
				from: toBlikkDateTime(this, i, 'Start Date From', f.from),
				to: toBlikkDateTime(this, i, 'End Date Before', f.to),
				memberIds: idList(this, i, 'Member Names or IDs', f.memberIds),
				createdByUserIds: idList(this, i, 'Created By User Names or IDs', f.createdByUserIds),
				taskIds: idList(this, i, 'Task IDs', f.taskIds),
				taskBoardId: board,
				taskBoardColumnId: idValue(this, i, 'Board Column', f.taskBoardColumnId),
			},
			options,
		);
		const text = String(f.titleContains ?? '')
			.trim()
			.toLowerCase();
		const filter = text
			? (t: IDataObject) =>
					String(t.title ?? '')
						.toLowerCase()
						.includes(text)
			: undefined;
		return await blikkList.call(
			this,
			{ method: 'GET', path: '/v1/Core/Tasks', qs, itemIndex: i },
			{ ...listOptions(this, i), filter },
		);
	},
};
