import type { IExecuteFunctions } from 'n8n-workflow';

import { readId, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput, requireString } from '../../../../shared/validation';
import { blikkRequest } from '../transport';
import { locator } from './common';
import { taskPartDelete, taskPartGetAll, type TaskPart } from './taskPart';

const A = 'taskAttachment';
const path = (taskId: number) => `/v1/Core/Tasks/${taskId}/Attachments`;
const LINK = { show: { resource: [A], operation: ['upload'], source: ['link'] } };

/**
 * multipart/form-data body, built by hand: the shared helper sends it as-is (no extra dependency).
 */
function multipart(
	parts: Array<{ field: string; value: string | Buffer; filename?: string; contentType?: string }>,
): { body: Buffer; contentType: string } {
	const random = Math.floor(Math.random() * 1e9).toString(16);
	const boundary = `----n8nBlikk${Date.now().toString(16)}${random}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const filename =
			part.filename === undefined ? '' : `; filename="${part.filename.replace(/"/g, '')}"`;
		const disposition = `Content-Disposition: form-data; name="${part.field}"${filename}`;
		const type = part.contentType ? `Content-Type: ${part.contentType}\r\n` : '';
		const head = `--${boundary}\r\n${disposition}\r\n${type}\r\n`;
		chunks.push(
			Buffer.from(head, 'utf8'),
			Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value, 'utf8'),
			Buffer.from('\r\n'),
		);
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const upload = defineOperation({
	value: 'upload',
	name: 'Upload',
	action: 'Attach a file or link to a task',
	description: 'Attach a file from binary data, or a link',
	readOnly: false,
	properties: [
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
			displayOptions: LINK,
		},
		{
			displayName: 'Link Type',
			name: 'externalUrlType',
			type: 'options',
			default: 'googleDrive',
			displayOptions: LINK,
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
	],
	async handler(this: IExecuteFunctions, i: number) {
		const taskId = readId(this, i, 'taskId', 'Task');
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
			path: path(taskId),
			body: form.body,
			rawBody: true,
			headers: { 'Content-Type': form.contentType },
			itemIndex: i,
		});
	},
});

const rename = defineOperation({
	value: 'rename',
	name: 'Rename',
	action: 'Rename a task attachment',
	readOnly: false,
	properties: [
		{
			displayName: 'New Name',
			name: 'newName',
			type: 'string',
			default: '',
			required: true,
			displayOptions: show(A, 'rename'),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const taskId = readId(this, i, 'taskId', 'Task');
		const id = readId(this, i, 'attachmentId', 'Attachment ID');
		const name = requireString(this.getNode(), i, 'New Name', this.getNodeParameter('newName', i));
		return await blikkRequest.call(this, {
			method: 'PUT',
			path: `${path(taskId)}/${id}`,
			body: { name },
			itemIndex: i,
			idempotent: true,
		});
	},
});

const download = defineOperation({
	value: 'download',
	name: 'Download',
	action: 'Download a task attachment',
	description: 'Download a file attachment into binary data',
	readOnly: true,
	properties: [
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			displayOptions: show(A, 'download'),
			hint: 'The name of the output binary field to put the file in',
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const taskId = readId(this, i, 'taskId', 'Task');
		const id = readId(this, i, 'attachmentId', 'Attachment ID');
		const field = this.getNodeParameter('binaryPropertyName', i) as string;
		const response = (await blikkRequest.call(this, {
			method: 'GET',
			path: `${path(taskId)}/${id}/Download`,
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
});

const part: TaskPart = {
	resource: A,
	path,
	idParam: 'attachmentId',
	idLabel: 'Attachment ID',
	plural: 'attachments',
	sortKeys: ['name'],
};
const deleteAttachment = taskPartDelete(part);
const getAll = taskPartGetAll(part);

/** Files and links attached to a task. */
export const taskAttachment = defineResource({
	value: A,
	name: 'Task Attachment',
	defaultOperation: 'upload',
	properties: [
		locator('taskId', 'Task', 'searchTasks', show(A)),
		{
			displayName: 'Attachment ID',
			name: 'attachmentId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: show(A, ['delete', 'download', 'rename']),
		},
	],
	operations: [upload, rename, download, deleteAttachment, getAll],
});
