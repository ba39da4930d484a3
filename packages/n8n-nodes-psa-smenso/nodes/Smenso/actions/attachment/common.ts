/**
 * What the attachment operations share: where the files of a project, task or status report are.
 */
import { locatorValue, type Ctx } from '../common';

export const R = 'attachment';

/** The path segment and label of the chosen project, task or status report. */
export function parentPath(ctx: Ctx, i: number): { path: string; label: string } {
	const parent = ctx.getNodeParameter('parent', i, 'task') as string;
	if (parent === 'project') {
		const id = locatorValue(ctx, i, 'projectId', 'Project');
		return { path: `project/json/${id}`, label: `Project ${id}` };
	}
	if (parent === 'statusreport') {
		const id = locatorValue(ctx, i, 'statusReportId', 'Status Report ID');
		return { path: `statusreport/json/${id}`, label: `Status report ${id}` };
	}
	const id = locatorValue(ctx, i, 'taskId', 'Task');
	return { path: `task/json/${id}`, label: `Task ${id}` };
}
