/** Attachment › Upload: a file from binary data (P16; the encoding is not shown: multipart). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { invalidInput } from '../../../../../shared/validation';
import { send, show, type Ctx } from '../common';
import { R, parentPath } from './common';

/** smenso's upload limit (P16). */
const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;

function multipart(
	fileName: string,
	mimeType: string,
	data: Buffer,
): { body: Buffer; contentType: string } {
	const boundary = `----n8nSmenso${Date.now().toString(16)}${Math.floor(Math.random() * 1e9).toString(16)}`;
	const safeName = fileName.replace(/["\r\n]/g, '');
	const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${mimeType}\r\n\r\n`;
	return {
		body: Buffer.concat([Buffer.from(head, 'utf8'), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}

/** Refuses a file above smenso's 500 MB limit before anything is sent. */
function checkUploadSize(ctx: Ctx, i: number, field: string, bytes: number): void {
	if (bytes > MAX_UPLOAD_BYTES) {
		throw invalidInput(
			ctx.getNode(),
			i,
			`Input Binary Field "${field}"`,
			`the file is ${Math.ceil(bytes / 1024 / 1024)} MB; smenso accepts at most 500 MB per file`,
		);
	}
}

export const upload = defineOperation({
	value: 'upload',
	name: 'Upload',
	action: 'Upload a file',
	description: 'Attach a file from binary data to a project, task or status report (up to 500 MB)',
	readOnly: false,
	properties: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the input binary field holding the file',
			displayOptions: show(R, ['upload']),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const parent = parentPath(this, i);
		const field = String(this.getNodeParameter('binaryPropertyName', i, 'data'));
		const binary = this.helpers.assertBinaryData(i, field);
		const declared = Number(binary.bytes ?? NaN);
		if (Number.isFinite(declared)) checkUploadSize(this, i, field, declared);
		const data = await this.helpers.getBinaryDataBuffer(i, field);
		checkUploadSize(this, i, field, data.length);
		const fileName =
			binary.fileName ?? `file${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
		const form = multipart(fileName, binary.mimeType || 'application/octet-stream', data);
		const answer = await send<unknown>(this, i, {
			method: 'POST',
			path: `integration/attachment/${parent.path}`,
			body: form.body,
			rawBody: true,
			headers: { 'Content-Type': form.contentType },
			notFoundLabel: parent.label,
		});
		const list = (Array.isArray(answer) ? answer : answer ? [answer] : []) as IDataObject[];
		return list.length ? list : [{ fileName, size: data.length, uploaded: true }];
	},
});
