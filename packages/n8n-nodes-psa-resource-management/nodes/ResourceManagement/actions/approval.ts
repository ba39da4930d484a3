import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { mayHaveBeenApplied, rowLabel } from '../../../../shared/errors';
import { invalidInput } from '../../../../shared/validation';
import type { ResourceModule } from './common';
import {
	api,
	list,
	returnAllLimit,
	unwrap,
	idOf,
	idList,
	fieldsQuery,
	locator,
	fieldsOption,
	operationProperty,
	show,
} from './common';

const AP = 'approval';

const approvalProperties: INodeProperties[] = [
	operationProperty(
		AP,
		[
			{
				name: 'Approve',
				value: 'approve',
				action: 'Approve time',
				description:
					'Approve time entries or expense items (administrators and project managers only)',
			},
			{ name: 'Get Many', value: 'getAll', action: 'Get many approvals' },
			{
				name: 'Submit for Approval',
				value: 'submit',
				action: 'Submit time for approval',
				description:
					'Submit time entries or expense items; the node reads their current updated_at itself',
			},
			{
				name: 'Withdraw',
				value: 'withdraw',
				action: 'Withdraw time from approval',
				description: 'Delete the pending approval of time entries or expense items',
			},
		],
		'submit',
	),
	{
		displayName: 'Record Type',
		name: 'approvableType',
		type: 'options',
		default: 'TimeEntry',
		displayOptions: show(AP, ['submit', 'approve', 'withdraw']),
		options: [
			{ name: 'Time Entries', value: 'TimeEntry' },
			{ name: 'Expense Items', value: 'ExpenseItem' },
		],
	},
	{
		displayName: 'Record IDs',
		name: 'approvableIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 123, 124',
		description: 'One ID or several separated by commas. Each input item is sent as one request.',
		displayOptions: show(AP, ['submit', 'approve', 'withdraw']),
	},
	locator(
		'user',
		'expenseUserId',
		'Expense Owner',
		show(AP, ['submit', 'approve', 'withdraw'], { approvableType: ['ExpenseItem'] }),
		{
			description: 'The person the expense items belong to (needed to read them)',
		},
	),
	{
		displayName: 'Status',
		name: 'statusFilter',
		type: 'options',
		default: 'any',
		displayOptions: show(AP, 'getAll'),
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Approved', value: 'approved' },
			{ name: 'Pending', value: 'pending' },
		],
		description: 'Keep only approvals in this state (filtered after reading)',
	},
	...returnAllLimit(AP, 'getAll'),
	fieldsOption(show(AP, 'getAll'), [['approvables', 'Approvables (the Time Entry or Expense)']]),
];

interface Approvable {
	id: number;
	record: IDataObject;
}

async function readApprovables(
	ctx: IExecuteFunctions,
	i: number,
	withApprovals = false,
): Promise<{ type: string; items: Approvable[] }> {
	const type = ctx.getNodeParameter('approvableType', i) as string;
	const ids = idList(ctx, ctx.getNodeParameter('approvableIds', i), i, 'Record IDs');
	const qs = withApprovals ? { fields: 'approvals' } : undefined;
	const items: Approvable[] = [];
	if (type === 'TimeEntry') {
		for (const id of ids)
			items.push({
				id,
				record: await api(ctx, i, 'GET', `/time_entries/${id}`, {
					qs,
					notFound: `Time entry ${id}`,
				}),
			});
	} else {
		const uid = idOf(ctx, 'expenseUserId', i, 'Expense Owner');
		for (const id of ids)
			items.push({
				id,
				record: await api(ctx, i, 'GET', `/users/${uid}/expense_items/${id}`, {
					qs,
					notFound: `Expense item ${id} of person ${uid}`,
				}),
			});
	}
	return { type, items };
}

async function submitOrApprove(
	ctx: IExecuteFunctions,
	i: number,
	status: 'pending' | 'approved',
): Promise<IDataObject[]> {
	const { type, items } = await readApprovables(ctx, i);
	for (const item of items) {
		if (item.record.is_suggestion === true) {
			throw invalidInput(
				ctx.getNode(),
				i,
				'Record IDs',
				`${item.id} is a suggested time entry; only confirmed time can be submitted`,
			);
		}
	}
	const body = {
		approvables: items.map((item) => ({
			id: item.id,
			type,
			updated_at: item.record.updated_at as string,
		})),
		status,
	};
	const answer = await api<IDataObject>(ctx, i, 'POST', '/approvals', { body });
	const approvals = (unwrap(answer) as IDataObject[]) ?? [];
	const done = new Set(
		(Array.isArray(approvals) ? approvals : [approvals]).map((a) => Number(a.approvable_id)),
	);
	const missing = items.filter((item) => !done.has(item.id)).map((item) => item.id);
	if (missing.length) {
		const error = new NodeOperationError(
			ctx.getNode(),
			`Resource Management did not ${status === 'approved' ? 'approve' : 'submit'} ${type === 'TimeEntry' ? 'time entry' : 'expense item'} ${missing.join(', ')} (${rowLabel(i)})`,
			{
				itemIndex: i,
				description: `The record changed between reading it and sending the approval (its updated_at no longer matched). Run the node again to use the current version.${done.size ? ` The other records of this row (${[...done].join(', ')}) were ${status === 'approved' ? 'approved' : 'submitted'}.` : ''}`,
			},
		);
		// Part of the row was carried out: running it again as a whole is not safe without a look first.
		throw done.size ? mayHaveBeenApplied.mark(error) : error;
	}
	return Array.isArray(approvals) ? approvals : [approvals];
}

const approvalHandlers: ResourceModule['handlers'] = {
	async submit(this: IExecuteFunctions, i: number) {
		return await submitOrApprove(this, i, 'pending');
	},
	async approve(this: IExecuteFunctions, i: number) {
		return await submitOrApprove(this, i, 'approved');
	},
	async withdraw(this: IExecuteFunctions, i: number) {
		const { type, items } = await readApprovables(this, i, true);
		// Every record of the row is checked before the first approval is deleted.
		const pendings = items.map((item) => {
			const approvals =
				((item.record.approvals as IDataObject | undefined)?.data as IDataObject[] | undefined) ??
				[];
			const pending = approvals.find((a) => a.status === 'pending');
			if (!pending) {
				const state = approvals[0]?.status
					? `its approval is ${String(approvals[0].status)}`
					: 'it was never submitted';
				throw invalidInput(
					this.getNode(),
					i,
					'Record IDs',
					`${type === 'TimeEntry' ? 'time entry' : 'expense item'} ${item.id} has no pending approval to withdraw (${state})`,
				);
			}
			return pending;
		});
		const out: IDataObject[] = [];
		for (const pending of pendings) {
			await api(this, i, 'DELETE', `/approvals/${pending.id as number}`, {
				notFound: `Approval ${String(pending.id)}`,
			});
			out.push({ ...pending, status: 'withdrawn', withdrawn: true });
		}
		return out;
	},
	async getAll(this: IExecuteFunctions, i: number) {
		const status = this.getNodeParameter('statusFilter', i, 'any') as string;
		const qs = fieldsQuery(this, i);
		// The API has no status filter: approvals are filtered page by page, and Limit stops the reading.
		return await list(
			this,
			i,
			'/approvals',
			qs,
			status === 'any' ? {} : { filter: (a) => a.status === status },
		);
	},
};

export const approval: ResourceModule = {
	resource: { name: 'Approval', value: AP },
	properties: approvalProperties,
	handlers: approvalHandlers,
};
