/**
 * Attachment › Download: a file into binary data (the answer's shape is not shown: bytes or JSON).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { vendorRequest } from '../../../../../shared/transport';
import { smensoProfile } from '../../transport';
import { locatorValue, show, type Ctx } from '../common';
import { R } from './common';

/** The file's bytes, or JSON with its name and base64 content: smenso's answer shape is unseen. */
const DOWNLOAD_ACCEPT = 'application/octet-stream, application/json;q=0.9, */*;q=0.8';

const JSON_NAME_KEYS = ['fileName', 'filename', 'name', 'FileName'];
const JSON_CONTENT_KEYS = ['content', 'fileContent', 'data', 'base64', 'bytes', 'Content'];
const JSON_TYPE_KEYS = ['contentType', 'mimeType', 'mimetype', 'ContentType'];

function firstString(record: IDataObject, keys: string[]): string | undefined {
	for (const key of keys)
		if (typeof record[key] === 'string' && record[key]) return record[key] as string;
	return undefined;
}

/**
 * A download answer as a file. Raw bytes: the name from Content-Disposition (`filename*` first).
 * JSON (a body that is a JSON object with a base64 content field and no attachment disposition):
 * name, type and content from it. JSON without file content is an error naming its keys, never
 * saved as the file.
 */
export function downloadedFile(
	ctx: Ctx,
	i: number,
	id: string,
	response: { body: ArrayBuffer | Buffer; headers: Record<string, string> },
): { bytes: Buffer; fileName: string; mimeType: string } {
	const raw = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
	const header = (name: string) =>
		String(
			Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1] ?? '',
		);
	const disposition = header('content-disposition');
	const type = header('content-type').split(';')[0].trim().toLowerCase();
	const fromDisposition = fileNameOf(disposition);
	if (!fromDisposition && /[/+]json$/.test(type)) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(raw.toString('utf8'));
		} catch {
			parsed = undefined;
		}
		const record = (Array.isArray(parsed) ? parsed[0] : parsed) as IDataObject | undefined;
		const content =
			record && typeof record === 'object' ? firstString(record, JSON_CONTENT_KEYS) : undefined;
		if (!record || typeof record !== 'object' || content === undefined) {
			throw new NodeOperationError(
				ctx.getNode(),
				`smenso answered the download of attachment ${id} with JSON that holds no file content`,
				{
					itemIndex: i,
					description: `The answer's keys: ${record && typeof record === 'object' ? Object.keys(record).join(', ') || 'none' : 'not an object'}. The node takes the file's bytes, or JSON with the name and base64 content (${JSON_CONTENT_KEYS.join(', ')}); see the README's smenso notes.`,
				},
			);
		}
		const bytes = Buffer.from(content.replace(/^data:[^,]*,/, ''), 'base64');
		return {
			bytes,
			fileName: firstString(record, JSON_NAME_KEYS) ?? `attachment-${id}`,
			mimeType: firstString(record, JSON_TYPE_KEYS) ?? 'application/octet-stream',
		};
	}
	return {
		bytes: raw,
		fileName: fromDisposition ?? `attachment-${id}`,
		mimeType: type || 'application/octet-stream',
	};
}

/**
 * The file name of a Content-Disposition header: RFC 5987 `filename*=UTF-8''…` first, then
 * `filename="…"`.
 */
function fileNameOf(disposition: string): string | undefined {
	const extended = /filename\*\s*=\s*[\w-]*'[^']*'([^;]+)/i.exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
		} catch {
			// fall through to the plain name
		}
	}
	const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
	const name = plain ? (plain[2] ?? plain[1]).trim() : '';
	return name || undefined;
}

export const download = defineOperation({
	value: 'download',
	name: 'Download',
	action: 'Download an attachment',
	description: 'Download a file into binary data',
	readOnly: true,
	properties: [
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the output binary field to put the file in',
			displayOptions: show(R, ['download']),
		},
	],
	async handler(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
		const id = locatorValue(this, i, 'attachmentId', 'Attachment ID');
		const field = String(this.getNodeParameter('binaryPropertyName', i, 'data'));
		const response = (await vendorRequest.call(this, smensoProfile, {
			method: 'GET',
			path: `integration/attachment/json/${id}`,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			// P16 says the file can be downloaded; smenso's node reads the answer as JSON: either is
			// taken.
			headers: { Accept: DOWNLOAD_ACCEPT },
			itemIndex: i,
			notFoundLabel: `Attachment ${id}`,
		})) as { body: ArrayBuffer | Buffer; headers: Record<string, string> };
		const file = downloadedFile(this, i, id, response);
		const binary = await this.helpers.prepareBinaryData(file.bytes, file.fileName, file.mimeType);
		return [
			{
				json: { id, fileName: file.fileName, mimeType: file.mimeType, size: file.bytes.length },
				binary: { [field]: binary },
				pairedItem: { item: i },
			},
		];
	},
});
