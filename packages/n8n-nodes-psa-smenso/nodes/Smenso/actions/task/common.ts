/** What the task operations share: the field list, the project's task list, the read-back. */
import type { IDataObject } from 'n8n-workflow';

import { invalidInput } from '../../../../../shared/validation';
import { zoneFor } from '../../engine';
import { taskListCandidates } from '../../transport';
import {
	checkOrder,
	getWithFallback,
	locatorValue,
	wireRecord,
	withHours,
	type Ctx,
	type FieldSpec,
} from '../common';

export const R = 'task';

/** Minutes on the wire → hours beside them in the output. */
const TASK_HOURS = { plannedDuration: 'plannedHours', duration: 'effortHours' };

export const TITLE: FieldSpec = { name: 'title', label: 'Title', kind: 'string' };

export const DETAILS: FieldSpec[] = [
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
export const DISPUTED = [
	'plannedHours',
	'effortHours',
	'dueDate',
	'flavors',
	'folder',
	'priority',
	'statusId',
	'isMilestone',
];

export const projectOf = (ctx: Ctx, i: number) => locatorValue(ctx, i, 'projectId', 'Project');
export const taskOf = (ctx: Ctx, i: number) => locatorValue(ctx, i, 'taskId', 'Task');

/**
 * The tasks of a project. N-new's path (`task/json/{projectId}`, also our earlier notes) first;
 * N-old's `task/json?projectId=` only if smenso says the first does not exist.
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
		taskListCandidates(projectId),
		`Project ${projectId}`,
	);
	return (Array.isArray(list) ? list : []).map((t) => withHours(t, TASK_HOURS));
}

export function withTaskHours(task: IDataObject): IDataObject {
	return {
		...withHours(task, TASK_HOURS),
		...(Array.isArray(task.children)
			? { children: (task.children as IDataObject[]).map(withTaskHours) }
			: {}),
	};
}

export function readBack(ctx: Ctx, projectId: string, find: (task: IDataObject) => boolean) {
	return {
		key: `tasks:${projectId}`,
		fetch: async () => await tasksOf(ctx, undefined, projectId),
		match: (list: IDataObject[]) => list.find(find),
	};
}

/** The task fields the user set, checked and converted for the wire. */
export async function details(ctx: Ctx, i: number, source: IDataObject): Promise<IDataObject> {
	const zone = await zoneFor(ctx, i);
	const out = wireRecord(ctx, i, DETAILS.concat(TITLE), source, zone.iana);
	if (source.title !== undefined && !String(source.title).trim())
		throw invalidInput(ctx.getNode(), i, 'Title', 'must not be empty');
	checkOrder(ctx, i, out, 'startDate', 'dueDate', 'Start Date', 'Due Date');
	return out;
}
