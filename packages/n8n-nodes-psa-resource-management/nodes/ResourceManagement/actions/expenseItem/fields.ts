import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../../shared/kit';

/** What the expense item operations share. */

export const EX = 'expenseItem';

export const EXPENSE_FIELDS: Array<[string, string]> = [['approvals', 'Approvals']];

/** Where Get and Get Many read: one person's or one project's expense items. */
export function expenseScopePath(ctx: IExecuteFunctions, i: number): string {
	const scope = ctx.getNodeParameter('scope', i) as string;
	return scope === 'project'
		? `/projects/${readId(ctx, i, 'scopeProjectId', 'Project')}`
		: `/users/${readId(ctx, i, 'scopeUserId', 'Person')}`;
}
