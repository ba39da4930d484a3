/** Comment: comments on tasks and status reports (N-new). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import {
	get,
	guidField,
	limitList,
	locatorValue,
	plan,
	projectLocator,
	readOptions,
	required,
	sameId,
	show,
	taskLocator,
	writeTail,
	type Ctx,
} from './common';

const R = 'comment';

async function commentsOf(
	ctx: Ctx,
	i: number | undefined,
	target: 'task' | 'statusreport',
	id: string,
): Promise<IDataObject[]> {
	const list = await get(
		ctx,
		i,
		`integration/comment/${target}/json/${id}`,
		undefined,
		`${target === 'task' ? 'Task' : 'Status report'} ${id}`,
	);
	return Array.isArray(list) ? list : [];
}

const commentId = (ctx: Ctx, i: number) => locatorValue(ctx, i, 'commentId', 'Comment ID');
const statusReportId = (ctx: Ctx, i: number) =>
	locatorValue(ctx, i, 'statusReportId', 'Status Report ID');

async function addComment(ctx: Ctx, i: number, target: 'task' | 'statusreport') {
	const id = target === 'task' ? locatorValue(ctx, i, 'taskId', 'Task') : statusReportId(ctx, i);
	const text = required(ctx, i, 'text', 'Text');
	const isInternal = ctx.getNodeParameter('isInternal', i, false) === true;
	// Comments known before: the new one is the one with this text that was not there (tickets carry
	// no ids).
	const before = new Set((await commentsOf(ctx, i, target, id)).map((c) => String(c.id)));
	return await plan(ctx, i, {
		group: `comment:create:${target}`,
		method: 'POST',
		paths: [`integration/comment/${target}/json`],
		route: `comment:create:${target}`,
		envelope: { key: 'comment', timezone: false },
		record: { [target === 'task' ? 'taskId' : 'statusReportId']: id, text, isInternal },
		batchable: true,
		expect: 'created',
		readBack: {
			key: `comments:${target}:${id}`,
			fetch: async () => await commentsOf(ctx, undefined, target, id),
			match: (list) => list.find((c) => c.text === text && !before.has(String(c.id))),
		},
	});
}

const addToStatusReport = defineOperation({
	value: 'addToStatusReport',
	name: 'Add to Status Report',
	action: 'Comment on a status report',
	readOnly: false,
	properties: writeTail(R, 'addToStatusReport'),
	async handler(this: IExecuteFunctions, i: number) {
		return await addComment(this, i, 'statusreport');
	},
});

const addToTask = defineOperation({
	value: 'addToTask',
	name: 'Add to Task',
	action: 'Comment on a task',
	readOnly: false,
	properties: writeTail(R, 'addToTask'),
	async handler(this: IExecuteFunctions, i: number) {
		return await addComment(this, i, 'task');
	},
});

const deleteComment = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a comment',
	readOnly: false,
	properties: writeTail(R, 'delete'),
	async handler(this: IExecuteFunctions, i: number) {
		const id = commentId(this, i);
		return await plan(this, i, {
			group: 'comment:delete',
			method: 'DELETE',
			paths: [`integration/comment/json/${id}`],
			route: 'comment:delete',
			batchable: false,
			expect: 'deleted',
			echo: { id, deleted: true },
			notFoundLabel: `Comment ${id}`,
		});
	},
});

const getOne = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a comment',
	readOnly: true,
	properties: [readOptions(R, ['get'])],
	async handler(this: IExecuteFunctions, i: number) {
		const id = commentId(this, i);
		return await get<IDataObject>(
			this,
			i,
			`integration/comment/json/${id}`,
			undefined,
			`Comment ${id}`,
		);
	},
});

const getManyOnStatusReport = defineOperation({
	value: 'getManyOnStatusReport',
	name: 'Get Many on Status Report',
	action: 'Get the comments of a status report',
	readOnly: true,
	properties: [
		...returnAllLimit(R, 'getManyOnStatusReport'),
		readOptions(R, ['getManyOnStatusReport']),
	],
	async handler(this: IExecuteFunctions, i: number) {
		return limitList(this, i, await commentsOf(this, i, 'statusreport', statusReportId(this, i)));
	},
});

const getManyOnTask = defineOperation({
	value: 'getManyOnTask',
	name: 'Get Many on Task',
	action: 'Get the comments of a task',
	readOnly: true,
	properties: [...returnAllLimit(R, 'getManyOnTask'), readOptions(R, ['getManyOnTask'])],
	async handler(this: IExecuteFunctions, i: number) {
		return limitList(
			this,
			i,
			await commentsOf(this, i, 'task', locatorValue(this, i, 'taskId', 'Task')),
		);
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a comment',
	readOnly: false,
	properties: writeTail(R, 'update'),
	async handler(this: IExecuteFunctions, i: number) {
		const id = commentId(this, i);
		const target = this.getNodeParameter('target', i, 'task') as string;
		const text = required(this, i, 'text', 'Text');
		const isInternal = this.getNodeParameter('isInternal', i, false) === true;
		return await plan(this, i, {
			group: `comment:update:${target}`,
			method: 'PUT',
			paths: [`integration/comment/${target}/json`],
			route: `comment:update:${target}`,
			envelope: { key: 'comment', timezone: false },
			record: { id, text, isInternal },
			batchable: true,
			expect: 'modified',
			readBack: {
				key: `comment:${id}`,
				fetch: async () => [
					await get<IDataObject>(this, undefined, `integration/comment/json/${id}`),
				],
				match: (list) => list.find((c) => sameId(c.id, id) && c.text === text),
			},
		});
	},
});

export const comment = defineResource({
	value: R,
	name: 'Comment',
	description: 'Comments on tasks and status reports',
	defaultOperation: 'addToTask',
	properties: [
		projectLocator(
			show(R, ['addToTask', 'getManyOnTask']),
			'projectId',
			'Project',
			'The project of the task (for the task list)',
		),
		taskLocator(show(R, ['addToTask', 'getManyOnTask'])),
		guidField(
			'statusReportId',
			'Status Report ID',
			show(R, ['addToStatusReport', 'getManyOnStatusReport']),
		),
		guidField('commentId', 'Comment ID', show(R, ['delete', 'get', 'update'])),
		{
			displayName: 'Comment On',
			name: 'target',
			type: 'options',
			options: [
				{ name: 'Status Report', value: 'statusreport' },
				{ name: 'Task', value: 'task' },
			],
			default: 'task',
			description: 'What the comment belongs to',
			displayOptions: show(R, ['update']),
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			displayOptions: show(R, ['addToStatusReport', 'addToTask', 'update']),
		},
		{
			displayName: 'Internal',
			name: 'isInternal',
			type: 'boolean',
			default: false,
			description: 'Whether the comment is hidden from guests',
			displayOptions: show(R, ['addToStatusReport', 'addToTask', 'update']),
		},
	],
	operations: [
		addToStatusReport,
		addToTask,
		deleteComment,
		getOne,
		getManyOnStatusReport,
		getManyOnTask,
		update,
	],
});
