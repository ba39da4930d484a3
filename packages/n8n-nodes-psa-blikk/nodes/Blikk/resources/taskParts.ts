import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { invalidInput, requireString } from '../../../../shared';
import { returnAllLimit } from '../../../../shared/kit';
import { blikkList, blikkRequest } from '../transport';
import { locator, show, sortOptions } from './common';
import { idParam, listOptions, listQuery, type Handler } from './util';

// ---------------------------------------------------------------- comments
const C = 'taskComment';

export const taskCommentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: show(C),
		default: 'create',
		options: [
			{ name: 'Create', value: 'create', action: 'Add a comment to a task' },
			{ name: 'Delete', value: 'delete', action: 'Delete a task comment' },
			{ name: 'Get Many', value: 'getAll', action: 'Get the comments of a task' },
			{ name: 'Update', value: 'update', action: 'Update a task comment' },
		],
	},
	locator('taskId', 'Task', 'searchTasks', show(C)),
	{
		displayName: 'Comment ID',
		name: 'commentId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: show(C, ['delete', 'update']),
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		displayOptions: show(C, ['create', 'update']),
	},
	...returnAllLimit(C, 'getAll', {}, { maxLimit: 100000 }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(C, 'getAll'),
		options: sortOptions(['createdDate']),
	},
];

export const taskCommentHandlers: Record<string, Handler> = {
	async create(i) {
		const taskId = idParam(this, i, 'taskId', 'Task');
		const text = requireString(this.getNode(), i, 'Text', this.getNodeParameter('text', i));
		return await blikkRequest.call(this, {
			method: 'POST',
			path: `/v1/Core/Tasks/${taskId}/Comments`,
			body: { text },
			itemIndex: i,
		});
	},
	async update(i) {
		const taskId = idParam(this, i, 'taskId', 'Task');
		const id = idParam(this, i, 'commentId', 'Comment ID');
		const text = requireString(this.getNode(), i, 'Text', this.getNodeParameter('text', i));
		return await blikkRequest.call(this, {
			method: 'PUT',
			path: `/v1/Core/Tasks/${taskId}/Comments/${id}`,
			body: { text },
			itemIndex: i,
			idempotent: true,
		});
	},
	async delete(i) {
		const taskId = idParam(this, i, 'taskId', 'Task');
		const id = idParam(this, i, 'commentId', 'Comment ID');
		await blikkRequest.call(this, {
			method: 'DELETE',
			path: `/v1/Core/Tasks/${taskId}/Comments/${id}`,
			itemIndex: i,
			idempotent: true,
		});
		return { id, taskId, deleted: true };
	},
	async getAll(i) {
		const taskId = idParam(this, i, 'taskId', 'Task');
		const qs = listQuery({}, this.getNodeParameter('options', i, {}) as IDataObject);
		return await blikkList.call(
			this,
			{ method: 'GET', path: `/v1/Core/Tasks/${taskId}/Comments`, qs, itemIndex: i },
			listOptions(this, i),
		);
	},
};

// ---------------------------------------------------------------- checklists
const K = 'taskChecklist';

const itemsField = (
	name: string,
	displayName: string,
	operation: string,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	default: {},
	placeholder: 'Add Item',
	displayOptions: show(K, operation),
	description,
	options: [
		{
			displayName: 'Item',
			name: 'item',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{
					displayName: 'Is Completed',
					name: 'isCompleted',
					type: 'boolean',
					default: false,
					description: 'Whether the item is done',
				},
			],
		},
	],
});

export const taskChecklistDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: show(K),
		default: 'create',
		options: [
			{ name: 'Create', value: 'create', action: 'Add a checklist to a task' },
			{ name: 'Delete', value: 'delete', action: 'Delete a task checklist' },
			{ name: 'Get Many', value: 'getAll', action: 'Get the checklists of a task' },
			{
				name: 'Update',
				value: 'update',
				action: 'Tick off checklist items',
				description: 'Rename, tick off or add items; existing items are kept',
			},
		],
	},
	locator('taskId', 'Task', 'searchTasks', show(K)),
	{
		displayName: 'Checklist ID',
		name: 'checklistId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: show(K, ['delete', 'update']),
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		displayOptions: show(K, 'create'),
		placeholder: 'e.g. Before leaving the site',
	},
	itemsField('items', 'Items', 'create', 'Checklist items, in order'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(K, 'update'),
		hint: 'Blikk deletes checklist items left out of an update. The node reads the checklist first and keeps every item you do not mention.',
		options: [
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Complete Items Named',
				name: 'completeItems',
				type: 'string',
				default: '',
				description: 'Comma-separated item names to mark as completed',
			},
			{
				displayName: 'Remove Items Named',
				name: 'removeItems',
				type: 'string',
				default: '',
				description: 'Comma-separated item names to delete',
			},
		],
	},
	itemsField('addItems', 'Add Items', 'update', 'New items appended to the checklist'),
	...returnAllLimit(K, 'getAll', {}, { maxLimit: 100000 }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(K, 'getAll'),
		options: sortOptions(['name']),
	},
];

function itemValues(ctx: IExecuteFunctions, i: number, name: string, label: string): IDataObject[] {
	const raw = (ctx.getNodeParameter(name, i, {}) as IDataObject).item as IDataObject[] | undefined;
	return (raw ?? []).map((item, n) => ({
		id: null,
		name: requireString(ctx.getNode(), i, `${label} ${n + 1}: Name`, item.name),
		isCompleted: Boolean(item.isCompleted),
	}));
}

const names = (text: unknown) =>
	String(text ?? '')
		.split(',')
		.map((s) => s.trim().toLowerCase())
		.filter(Boolean);

async function readChecklist(
	ctx: IExecuteFunctions,
	i: number,
	taskId: number,
	id: number,
): Promise<IDataObject> {
	const all = await blikkList.call(
		ctx,
		{ method: 'GET', path: `/v1/Core/Tasks/${taskId}/Checklists`, itemIndex: i },
		{ returnAll: true },
	);
	const found = all.find((c) => c.id === id);
	if (!found)
		throw new NodeOperationError(ctx.getNode(), `Checklist ${id} was not found on task ${taskId}`, {
			itemIndex: i,
		});
	return found;
}

export const taskChecklistHandlers: Record<string, Handler> = {
	async create(i) {
		const taskId = idParam(this, i, 'taskId', 'Task');
		const name = requireString(this.getNode(), i, 'Name', this.getNodeParameter('name', i));
		return await blikkRequest.call(this, {
			method: 'POST',
			path: `/v1/Core/Tasks/${taskId}/Checklists`,
			body: { name, items: itemValues(this, i, 'items', 'Item') },
			itemIndex: i,
		});
	},
	async update(i) {
		const taskId = idParam(this, i, 'taskId', 'Task');
		const id = idParam(this, i, 'checklistId', 'Checklist ID');
		const f = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const added = itemValues(this, i, 'addItems', 'Add Item');
		const complete = names(f.completeItems);
		const remove = names(f.removeItems);
		const current = await readChecklist(this, i, taskId, id);
		const existing = (current.items as IDataObject[]) ?? [];
		const known = existing.map((x) => String(x.title).toLowerCase());
		for (const n of [...complete, ...remove]) {
			if (!known.includes(n))
				throw invalidInput(
					this.getNode(),
					i,
					complete.includes(n) ? 'Complete Items Named' : 'Remove Items Named',
					`no item named "${n}" on this checklist`,
					`Items: ${existing.map((x) => x.title).join(', ')}`,
				);
		}
		const items = existing
			.filter((x) => !remove.includes(String(x.title).toLowerCase()))
			.map((x) => ({
				id: x.id,
				name: x.title,
				isCompleted: Boolean(x.completedDate) || complete.includes(String(x.title).toLowerCase()),
			}));
		const name =
			f.name !== undefined ? requireString(this.getNode(), i, 'Name', f.name) : current.name;
		return await blikkRequest.call(this, {
			method: 'PUT',
			path: `/v1/Core/Tasks/${taskId}/Checklists/${id}`,
			body: { name, items: [...items, ...added] },
			itemIndex: i,
			idempotent: true,
		});
	},
	async delete(i) {
		const taskId = idParam(this, i, 'taskId', 'Task');
		const id = idParam(this, i, 'checklistId', 'Checklist ID');
		await blikkRequest.call(this, {
			method: 'DELETE',
			path: `/v1/Core/Tasks/${taskId}/Checklists/${id}`,
			itemIndex: i,
			idempotent: true,
		});
		return { id, taskId, deleted: true };
	},
	async getAll(i) {
		const taskId = idParam(this, i, 'taskId', 'Task');
		const qs = listQuery({}, this.getNodeParameter('options', i, {}) as IDataObject);
		return await blikkList.call(
			this,
			{ method: 'GET', path: `/v1/Core/Tasks/${taskId}/Checklists`, qs, itemIndex: i },
			listOptions(this, i),
		);
	},
};

// ---------------------------------------------------------------- attachments
const A = 'taskAttachment';

export const taskAttachmentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: show(A),
		default: 'upload',
		options: [
			{ name: 'Delete', value: 'delete', action: 'Delete a task attachment' },
			{
				name: 'Download',
				value: 'download',
				action: 'Download a task attachment',
				description: 'Download a file attachment into binary data',
			},
			{ name: 'Get Many', value: 'getAll', action: 'Get the attachments of a task' },
			{ name: 'Rename', value: 'rename', action: 'Rename a task attachment' },
			{
				name: 'Upload',
				value: 'upload',
				action: 'Attach a file or link to a task',
				description: 'Attach a file from binary data, or a link',
			},
		],
	},
	locator('taskId', 'Task', 'searchTasks', show(A)),
	{
		displayName: 'Attachment ID',
		name: 'attachmentId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: show(A, ['delete', 'download', 'rename']),
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		default: 'binary',
		displayOptions: show(A, 'upload'),
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description: 'A file from the binary data of the input item',
			},
			{
				name: 'External Link',
				value: 'link',
				description: 'A link to Google Drive, Dropbox or OneDrive',
			},
		],
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { resource: [A], operation: ['upload'], source: ['binary'] } },
		hint: 'The name of the input binary field containing the file to be uploaded',
	},
	{
		displayName: 'External URL',
		name: 'externalUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://drive.google.com/…',
		displayOptions: { show: { resource: [A], operation: ['upload'], source: ['link'] } },
	},
	{
		displayName: 'Link Type',
		name: 'externalUrlType',
		type: 'options',
		default: 'googleDrive',
		displayOptions: { show: { resource: [A], operation: ['upload'], source: ['link'] } },
		options: [
			{ name: 'Dropbox', value: 'dropbox' },
			{ name: 'Google Drive', value: 'googleDrive' },
			{ name: 'OneDrive', value: 'oneDrive' },
		],
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		displayOptions: show(A, 'upload'),
		description: 'Name shown in Blikk (default: the file name or the link)',
	},
	{
		displayName: 'New Name',
		name: 'newName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: show(A, 'rename'),
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: show(A, 'download'),
		hint: 'The name of the output binary field to put the file in',
	},
	...returnAllLimit(A, 'getAll', {}, { maxLimit: 100000 }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(A, 'getAll'),
		options: sortOptions(['name']),
	},
];

/** multipart/form-data body, built by hand: the shared helper sends it as-is (no extra dependency). */
function multipart(
	parts: Array<{ field: string; value: string | Buffer; filename?: string; contentType?: string }>,
): { body: Buffer; contentType: string } {
	const boundary = `----n8nBlikk${Date.now().toString(16)}${Math.floor(Math.random() * 1e9).toString(16)}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const disposition = `form-data; name="${part.field}"${part.filename !== undefined ? `; filename="${part.filename.replace(/"/g, '')}"` : ''}`;
		const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ''}\r\n`;
		chunks.push(
			Buffer.from(head, 'utf8'),
			Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value, 'utf8'),
			Buffer.from('\r\n'),
		);
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const taskAttachmentHandlers: Record<string, Handler> = {
	async upload(i) {
		const taskId = idParam(this, i, 'taskId', 'Task');
		const source = this.getNodeParameter('source', i) as string;
		const name = String(this.getNodeParameter('name', i, '') ?? '').trim();
		let form;
		if (source === 'binary') {
			const field = this.getNodeParameter('binaryPropertyName', i) as string;
			const binary = this.helpers.assertBinaryData(i, field);
			const data = await this.helpers.getBinaryDataBuffer(i, field);
			const fileName = binary.fileName ?? `file.${binary.fileExtension ?? 'bin'}`;
			form = multipart([
				{ field: 'name', value: name || fileName },
				{
					field: 'file',
					value: data,
					filename: fileName,
					contentType: binary.mimeType || 'application/octet-stream',
				},
			]);
		} else {
			const url = requireString(
				this.getNode(),
				i,
				'External URL',
				this.getNodeParameter('externalUrl', i),
			);
			if (!/^https?:\/\//i.test(url))
				throw invalidInput(
					this.getNode(),
					i,
					'External URL',
					`must start with https:// or http://, got "${url}"`,
				);
			form = multipart([
				{ field: 'name', value: name || url },
				{ field: 'externalUrl', value: url },
				{ field: 'externalUrlType', value: this.getNodeParameter('externalUrlType', i) as string },
			]);
		}
		return await blikkRequest.call(this, {
			method: 'POST',
			path: `/v1/Core/Tasks/${taskId}/Attachments`,
			body: form.body,
			rawBody: true,
			headers: { 'Content-Type': form.contentType },
			itemIndex: i,
		});
	},
	async download(i) {
		const taskId = idParam(this, i, 'taskId', 'Task');
		const id = idParam(this, i, 'attachmentId', 'Attachment ID');
		const field = this.getNodeParameter('binaryPropertyName', i) as string;
		const response = (await blikkRequest.call(this, {
			method: 'GET',
			path: `/v1/Core/Tasks/${taskId}/Attachments/${id}/Download`,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			itemIndex: i,
		})) as unknown as { body: ArrayBuffer | Buffer; headers: Record<string, string> };
		const disposition = String(response.headers['content-disposition'] ?? '');
		const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
		const fileName = match ? decodeURIComponent(match[1]) : `attachment-${id}`;
		const mimeType = String(response.headers['content-type'] ?? 'application/octet-stream').split(
			';',
		)[0];
		const buffer = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
		const binary = await this.helpers.prepareBinaryData(buffer, fileName, mimeType);
		return [
			{
				json: { taskId, attachmentId: id, fileName, mimeType, sizeInBytes: buffer.length },
				binary: { [field]: binary },
				pairedItem: { item: i },
			},
		];
	},
	async rename(i) {
		const taskId = idParam(this, i, 'taskId', 'Task');
		const id = idParam(this, i, 'attachmentId', 'Attachment ID');
		const name = requireString(this.getNode(), i, 'New Name', this.getNodeParameter('newName', i));
		return await blikkRequest.call(this, {
			method: 'PUT',
			path: `/v1/Core/Tasks/${taskId}/Attachments/${id}`,
			body: { name },
			itemIndex: i,
			idempotent: true,
		});
	},
	async delete(i) {
		const taskId = idParam(this, i, 'taskId', 'Task');
		const id = idParam(this, i, 'attachmentId', 'Attachment ID');
		await blikkRequest.call(this, {
			method: 'DELETE',
			path: `/v1/Core/Tasks/${taskId}/Attachments/${id}`,
			itemIndex: i,
			idempotent: true,
		});
		return { id, taskId, deleted: true };
	},
	async getAll(i) {
		const taskId = idParam(this, i, 'taskId', 'Task');
		const qs = listQuery({}, this.getNodeParameter('options', i, {}) as IDataObject);
		return await blikkList.call(
			this,
			{ method: 'GET', path: `/v1/Core/Tasks/${taskId}/Attachments`, qs, itemIndex: i },
			listOptions(this, i),
		);
	},
};
