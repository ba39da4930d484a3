import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readOptionalId } from '../../../../../shared/kit';
import { requireNumber, requireString } from '../../../../../shared/validation';
import { blikkRequest } from '../../transport';
import { idList, refId, toBlikkDateTime } from '../common';

/** What the task operations share: the task fields, their check, and Blikk's read-merge-write. */

export const TASK = 'task';

/**
 * The optional task fields (Additional Fields of Create; with Title, Column, Project for Update).
 */
export function taskFields(update: boolean): INodeProperties[] {
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

/**
 * The fields set in a collection (`additionalFields` or `updateFields`), checked, as Blikk writes
 * them.
 */
export function writeFields(ctx: IExecuteFunctions, i: number, collection: string): IDataObject {
	const f = ctx.getNodeParameter(collection, i, {}) as IDataObject;
	const id = (key: string, label: string) => readOptionalId(ctx, i, `${collection}.${key}`, label);
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
		out.taskBoardColumnId = id('taskBoardColumnId', 'Board Column') ?? null;
	if (f.projectId !== undefined) out.projectId = id('projectId', 'Project ID') ?? null;
	return out;
}

/**
 * A task's start or end as read → Blikk's write format. Blikk lists the day in `startDate` and the
 * time of day apart in `startTime` ("2026-03-02" + "08:00"); a write takes both in one "2026-03-02
 * 08:00:00". Sending the day alone would set the time to 00:00, so the time read is always put
 * back.
 */
function taskMoment(date: unknown, time: unknown): string | null {
	if (typeof date !== 'string' || !date.trim()) return null;
	const day = date.trim().slice(0, 10);
	const fromTime =
		typeof time === 'string' ? /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(time.trim()) : null;
	if (fromTime)
		return `${day} ${fromTime[1].padStart(2, '0')}:${fromTime[2]}:${fromTime[3] ?? '00'}`;
	// No separate time: keep what the date itself carries ("2026-03-02 08:00:00 +00:00"), else
	// midnight.
	const inDate = /^\d{4}-\d{2}-\d{2}[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(date.trim());
	return inDate ? `${day} ${inDate[1]}:${inDate[2]}:${inDate[3] ?? '00'}` : `${day} 00:00:00`;
}

/** A task as listed (task.list) → the body PUT expects: every writable field as read. */
function taskToWrite(t: IDataObject): IDataObject {
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
		taskBoardColumnId: refId(t.boardColumn),
		projectId: refId(t.project),
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

/** Blikk replaces the whole task on PUT: read it, lay the changes over it, write it back. */
export async function mergeAndPut(
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
