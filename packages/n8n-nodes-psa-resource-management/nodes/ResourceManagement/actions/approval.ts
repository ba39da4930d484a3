import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { mayHaveBeenApplied, rowLabel } from '../../../../shared/errors';
import { readId, returnAllLimit, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput } from '../../../../shared/validation';
import { api, fieldsOption, fieldsQuery, idList, list, locator, unwrap } from './common';

const AP = 'approval';
const WRITES = ['submit', 'approve', 'withdraw'];

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
		const uid = readId(ctx, i, 'expenseUserId', 'Expense Owner');
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
		// Part of the row was carried out: running it again as a whole is not safe without a look
		// first.
		throw done.size ? mayHaveBeenApplied.mark(error) : error;
	}
	return Array.isArray(approvals) ? approvals : [approvals];
}

const approve = defineOperation({
	value: 'approve',
	name: 'Approve',
	action: 'Approve time',
	description: 'Approve time entries or expense items (administrators and project managers only)',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		return await submitOrApprove(this, i, 'approved');
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many approvals',
	readOnly: true,
	properties: [
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
	],
	async handler(this: IExecuteFunctions, i: number) {
		const status = this.getNodeParameter('statusFilter', i, 'any') as string;
		const qs = fieldsQuery(this, i);
		// The API has no status filter: approvals are filtered page by page, and Limit stops the
		// reading.
		return await list(
			this,
			i,
			'/approvals',
			qs,
			status === 'any' ? {} : { filter: (a) => a.status === status },
		);
	},
});

const submit = defineOperation({
	value: 'submit',
	name: 'Submit for Approval',
	action: 'Submit time for approval',
	description:
		'Submit time entries or expense items; the node reads their current updated_at itself',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		return await submitOrApprove(this, i, 'pending');
	},
});

const withdraw = defineOperation({
	value: 'withdraw',
	name: 'Withdraw',
	action: 'Withdraw time from approval',
	description: 'Delete the pending approval of time entries or expense items',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
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
});

export const approval = defineResource({
	value: AP,
	name: 'Approval',
	defaultOperation: submit.value,
	// Shared by Submit, Approve and Withdraw: which records.
	properties: [
		{
			displayName: 'Record Type',
			name: 'approvableType',
			type: 'options',
			default: 'TimeEntry',
			displayOptions: show(AP, WRITES),
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
			displayOptions: show(AP, WRITES),
		},
		locator(
			'user',
			'expenseUserId',
			'Expense Owner',
			show(AP, WRITES, { approvableType: ['ExpenseItem'] }),
			{ description: 'The person the expense items belong to (needed to read them)' },
		),
	],
	operations: [approve, getAll, submit, withdraw],
});
