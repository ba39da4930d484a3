/** Comments, task folders, attachments and permissions (vendor node newer generation; attachments also P16). */
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationHandler } from '../../../../shared/execute';
import { operationProperty } from '../../../../shared/kit';
import { vendorRequest } from '../../../../shared/transport';
import { invalidInput } from '../../../../shared/validation';
import { zoneFor } from '../engine';
import { smensoProfile } from '../transport';
import {
	collection,
	compact,
	fieldProperty,
	folderLocator,
	get,
	guidField,
	limitList,
	locatorValue,
	plan,
	projectLocator,
	readOptions,
	required,
	returnAllLimit,
	sameId,
	send,
	show,
	taskLocator,
	waitFields,
	wireRecord,
	writeOptions,
	type Ctx,
	type FieldSpec,
} from './common';

// ---------------------------------------------------------------- comments

const C = 'comment';
const C_WRITES = ['addToStatusReport', 'addToTask', 'delete', 'update'];

export const commentOperations = operationProperty(
	C,
	[
		{
			name: 'Add to Status Report',
			value: 'addToStatusReport',
			action: 'Comment on a status report',
		},
		{ name: 'Add to Task', value: 'addToTask', action: 'Comment on a task' },
		{ name: 'Delete', value: 'delete', action: 'Delete a comment' },
		{ name: 'Get', value: 'get', action: 'Get a comment' },
		{
			name: 'Get Many on Status Report',
			value: 'getManyOnStatusReport',
			action: 'Get the comments of a status report',
		},
		{ name: 'Get Many on Task', value: 'getManyOnTask', action: 'Get the comments of a task' },
		{ name: 'Update', value: 'update', action: 'Update a comment' },
	],
	'addToTask',
);

export const commentFields: INodeProperties[] = [
	projectLocator(
		show(C, ['addToTask', 'getManyOnTask']),
		'projectId',
		'Project',
		'The project of the task (for the task list)',
	),
	taskLocator(show(C, ['addToTask', 'getManyOnTask'])),
	guidField(
		'statusReportId',
		'Status Report ID',
		show(C, ['addToStatusReport', 'getManyOnStatusReport']),
	),
	guidField('commentId', 'Comment ID', show(C, ['delete', 'get', 'update'])),
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
		displayOptions: show(C, ['update']),
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		displayOptions: show(C, ['addToStatusReport', 'addToTask', 'update']),
	},
	{
		displayName: 'Internal',
		name: 'isInternal',
		type: 'boolean',
		default: false,
		description: 'Whether the comment is hidden from guests',
		displayOptions: show(C, ['addToStatusReport', 'addToTask', 'update']),
	},
	...returnAllLimit(C, ['getManyOnStatusReport', 'getManyOnTask']),
	readOptions(C, ['get', 'getManyOnStatusReport', 'getManyOnTask']),
	...waitFields(C, C_WRITES),
	writeOptions(C, C_WRITES, true),
];

export async function commentsOf(
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

async function addComment(ctx: Ctx, i: number, target: 'task' | 'statusreport') {
	const id =
		target === 'task'
			? locatorValue(ctx, i, 'taskId', 'Task')
			: locatorValue(ctx, i, 'statusReportId', 'Status Report ID');
	const text = required(ctx, i, 'text', 'Text');
	const isInternal = ctx.getNodeParameter('isInternal', i, false) === true;
	// Comments known before: the new one is the one with this text that was not there (tickets carry no ids).
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

export const commentHandlers: Record<string, OperationHandler> = {
	async addToTask(i) {
		return await addComment(this, i, 'task');
	},
	async addToStatusReport(i) {
		return await addComment(this, i, 'statusreport');
	},
	async get(i) {
		const id = locatorValue(this, i, 'commentId', 'Comment ID');
		return await get<IDataObject>(
			this,
			i,
			`integration/comment/json/${id}`,
			undefined,
			`Comment ${id}`,
		);
	},
	async getManyOnTask(i) {
		return limitList(
			this,
			i,
			await commentsOf(this, i, 'task', locatorValue(this, i, 'taskId', 'Task')),
		);
	},
	async getManyOnStatusReport(i) {
		return limitList(
			this,
			i,
			await commentsOf(
				this,
				i,
				'statusreport',
				locatorValue(this, i, 'statusReportId', 'Status Report ID'),
			),
		);
	},
	async update(i) {
		const id = locatorValue(this, i, 'commentId', 'Comment ID');
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
	async delete(i) {
		const id = locatorValue(this, i, 'commentId', 'Comment ID');
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
};

// ---------------------------------------------------------------- task folders

const F = 'folder';
const F_WRITES = ['create', 'delete', 'update'];

export const folderOperations = operationProperty(
	F,
	[
		{ name: 'Create', value: 'create', action: 'Create a task folder' },
		{ name: 'Delete', value: 'delete', action: 'Delete a task folder' },
		{ name: 'Get Many', value: 'getAll', action: 'Get the task folders of a project' },
		{ name: 'Update', value: 'update', action: 'Update a task folder' },
	],
	'getAll',
);

const FOLDER_FIELDS: FieldSpec[] = [
	{ name: 'color', label: 'Color', kind: 'color' },
	{ name: 'description', label: 'Description', kind: 'text' },
	{ name: 'endDate', label: 'End Date', kind: 'date' },
	{ name: 'fillRowWithColor', label: 'Fill Row With Color', kind: 'boolean' },
	{ name: 'locked', label: 'Locked', kind: 'boolean', description: 'Whether the folder is locked' },
	{ name: 'lockNewTasks', label: 'Lock New Tasks', kind: 'boolean' },
	{
		name: 'noNewTasksAllowed',
		label: 'No New Tasks Allowed',
		kind: 'boolean',
		description: 'Whether only admins may add tasks',
	},
	{
		name: 'priority',
		label: 'Priority',
		kind: 'options',
		options: [
			['None', 'none'],
			['Low', 'low'],
			['Medium', 'medium'],
			['High', 'high'],
			['Highest', 'highest'],
		],
		default: 'none',
	},
	{ name: 'startDate', label: 'Start Date', kind: 'date' },
];
const FOLDER_CREATE: FieldSpec[] = [
	...FOLDER_FIELDS,
	{ name: 'privateNewTasks', label: 'Private New Tasks', kind: 'boolean' },
	{ name: 'taskTemplateId', label: 'Default Task Template ID', kind: 'guid' },
];

export const folderFields: INodeProperties[] = [
	projectLocator(show(F, ['create', 'delete', 'getAll', 'update'])),
	folderLocator(show(F, ['delete', 'update'])),
	fieldProperty({ name: 'name', label: 'Name', kind: 'string' }, show(F, ['create']), true),
	collection('additionalFields', 'Additional Fields', FOLDER_CREATE, show(F, ['create'])),
	collection(
		'updateFields',
		'Update Fields',
		[...FOLDER_FIELDS, { name: 'name', label: 'Name', kind: 'string' }],
		show(F, ['update']),
	),
	...returnAllLimit(F, 'getAll'),
	readOptions(F, ['getAll']),
	...waitFields(F, F_WRITES),
	writeOptions(F, F_WRITES, true),
];

export async function foldersOf(
	ctx: Ctx,
	i: number | undefined,
	projectId: string,
): Promise<IDataObject[]> {
	const list = await get(
		ctx,
		i,
		`integration/folders/json/${projectId}`,
		undefined,
		`Project ${projectId}`,
	);
	return Array.isArray(list) ? list : [];
}

export const folderHandlers: Record<string, OperationHandler> = {
	async getAll(i) {
		return limitList(
			this,
			i,
			await foldersOf(this, i, locatorValue(this, i, 'projectId', 'Project')),
		);
	},
	async create(i) {
		const zone = await zoneFor(this, i);
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const name = required(this, i, 'name', 'Name');
		const record: IDataObject = {
			name,
			...wireRecord(
				this,
				i,
				FOLDER_CREATE,
				this.getNodeParameter('additionalFields', i, {}) as IDataObject,
				zone.iana,
			),
		};
		const before = new Set((await foldersOf(this, i, projectId)).map((f) => String(f.id)));
		return await plan(this, i, {
			group: `folder:create:${projectId}`,
			method: 'POST',
			paths: ['integration/folders/json'],
			route: 'folder:create',
			envelope: { key: 'folder', timezone: true, top: { projectId } },
			record,
			batchable: true,
			expect: 'created',
			readBack: {
				key: `folders:${projectId}`,
				fetch: async () => await foldersOf(this, undefined, projectId),
				match: (list) => list.find((f) => f.name === name && !before.has(String(f.id))),
			},
		});
	},
	async update(i) {
		const zone = await zoneFor(this, i);
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const id = locatorValue(this, i, 'folderId', 'Folder');
		const changes = wireRecord(
			this,
			i,
			[...FOLDER_FIELDS, { name: 'name', label: 'Name', kind: 'string' }],
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
			zone.iana,
		);
		return await plan(this, i, {
			group: `folder:update:${projectId}`,
			method: 'PUT',
			paths: ['integration/folders/json'],
			route: 'folder:update',
			envelope: { key: 'folder', timezone: true, top: { projectId } },
			record: { id, ...changes },
			batchable: true,
			expect: 'modified',
			readBack: {
				key: `folders:${projectId}`,
				fetch: async () => await foldersOf(this, undefined, projectId),
				match: (list) => list.find((f) => sameId(f.id, id)),
			},
		});
	},
	async delete(i) {
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const id = locatorValue(this, i, 'folderId', 'Folder');
		return await plan(this, i, {
			group: 'folder:delete',
			method: 'DELETE',
			paths: [`integration/folders/json/${projectId}/${id}`],
			route: 'folder:delete',
			batchable: false,
			expect: 'deleted',
			echo: { id, projectId, deleted: true },
			notFoundLabel: `Folder ${id}`,
		});
	},
};

// ---------------------------------------------------------------- attachments (P16)

const A = 'attachment';
/** smenso's upload limit (P16). */
export const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;

export const attachmentOperations = operationProperty(
	A,
	[
		{ name: 'Delete', value: 'delete', action: 'Delete an attachment' },
		{
			name: 'Download',
			value: 'download',
			action: 'Download an attachment',
			description: 'Download a file into binary data',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get the attachments of a project, task or status report',
		},
		{
			name: 'Upload',
			value: 'upload',
			action: 'Upload a file',
			description:
				'Attach a file from binary data to a project, task or status report (up to 500 MB)',
		},
	],
	'getAll',
);

const ON = ['getAll', 'upload'];

export const attachmentFields: INodeProperties[] = [
	{
		displayName: 'Attached To',
		name: 'parent',
		type: 'options',
		options: [
			{ name: 'Project', value: 'project' },
			{ name: 'Status Report', value: 'statusreport' },
			{ name: 'Task', value: 'task' },
		],
		default: 'task',
		displayOptions: show(A, ON),
	},
	projectLocator(show(A, ON, { parent: ['project', 'task'] })),
	taskLocator(show(A, ON, { parent: ['task'] })),
	guidField('statusReportId', 'Status Report ID', show(A, ON, { parent: ['statusreport'] })),
	guidField('attachmentId', 'Attachment ID', show(A, ['delete', 'download'])),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field holding the file',
		displayOptions: show(A, ['upload']),
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		displayOptions: show(A, ['download']),
	},
	{
		displayName: 'Include Task and Status Report Files',
		name: 'includeAll',
		type: 'boolean',
		default: true,
		description:
			"Whether to list every file of the project (also those of its tasks and status reports) or only the project's own",
		displayOptions: show(A, ['getAll'], { parent: ['project'] }),
	},
	...returnAllLimit(A, 'getAll'),
];

function parentPath(ctx: Ctx, i: number): { path: string; label: string } {
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
export function checkUploadSize(ctx: Ctx, i: number, field: string, bytes: number): void {
	if (bytes > MAX_UPLOAD_BYTES) {
		throw invalidInput(
			ctx.getNode(),
			i,
			`Input Binary Field "${field}"`,
			`the file is ${Math.ceil(bytes / 1024 / 1024)} MB; smenso accepts at most 500 MB per file`,
		);
	}
}

/** The file's bytes, or JSON with its name and base64 content: smenso's answer shape is unseen. */
export const DOWNLOAD_ACCEPT = 'application/octet-stream, application/json;q=0.9, */*;q=0.8';

const JSON_NAME_KEYS = ['fileName', 'filename', 'name', 'FileName'];
const JSON_CONTENT_KEYS = ['content', 'fileContent', 'data', 'base64', 'bytes', 'Content'];
const JSON_TYPE_KEYS = ['contentType', 'mimeType', 'mimetype', 'ContentType'];

function firstString(record: IDataObject, keys: string[]): string | undefined {
	for (const key of keys)
		if (typeof record[key] === 'string' && record[key]) return record[key] as string;
	return undefined;
}

/**
 * A download answer as a file. Raw bytes: the name from Content-Disposition (`filename*` first). JSON (a
 * body that is a JSON object with a base64 content field and no attachment disposition): name, type and
 * content from it. JSON without file content is an error naming its keys, never saved as the file.
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

/** The file name of a Content-Disposition header: RFC 5987 `filename*=UTF-8''…` first, then `filename="…"`. */
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

export const attachmentHandlers: Record<string, OperationHandler> = {
	async getAll(i) {
		const parent = parentPath(this, i);
		const qs =
			this.getNodeParameter('parent', i, 'task') === 'project'
				? { projectOnly: this.getNodeParameter('includeAll', i, true) === true }
				: undefined;
		const list = await get(this, i, `integration/attachment/${parent.path}`, qs, parent.label);
		return limitList(this, i, Array.isArray(list) ? list : []);
	},
	async upload(i) {
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
	async download(i): Promise<INodeExecutionData[]> {
		const id = locatorValue(this, i, 'attachmentId', 'Attachment ID');
		const field = String(this.getNodeParameter('binaryPropertyName', i, 'data'));
		const response = (await vendorRequest.call(this, smensoProfile, {
			method: 'GET',
			path: `integration/attachment/json/${id}`,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			// P16 says the file can be downloaded; smenso's node reads the answer as JSON: either is taken.
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
	async delete(i) {
		const id = locatorValue(this, i, 'attachmentId', 'Attachment ID');
		const answer = await send<IDataObject>(this, i, {
			method: 'DELETE',
			path: `integration/attachment/json/${id}`,
			notFoundLabel: `Attachment ${id}`,
		});
		return { id, deleted: true, ...(answer && typeof answer === 'object' ? answer : {}) };
	},
};

// ---------------------------------------------------------------- permissions (P15, N-new)

const P = 'permission';

export const permissionOperations = operationProperty(
	P,
	[
		{
			name: 'Get Project Permissions',
			value: 'getProject',
			action: 'Get who may see and change a project',
		},
		{ name: 'Get Task Permissions', value: 'getTask', action: 'Get who may see and change a task' },
		{
			name: 'Make Project Private',
			value: 'setProjectPrivacy',
			action: 'Make a project private',
			description: 'Only the listed users and teams may see it',
		},
		{
			name: 'Make Task Private',
			value: 'setTaskPrivacy',
			action: 'Make a task private',
			description: 'Only the listed users and teams may see it',
		},
		{
			name: 'Remove Project Access Restrictions',
			value: 'removeProjectAccess',
			action: 'Remove the access restrictions of a project',
		},
		{
			name: 'Remove Project Privacy',
			value: 'removeProjectPrivacy',
			action: 'Make a project visible again',
		},
		{
			name: 'Remove Task Access Restrictions',
			value: 'removeTaskAccess',
			action: 'Remove the access restrictions of a task',
		},
		{
			name: 'Remove Task Privacy',
			value: 'removeTaskPrivacy',
			action: 'Make a task visible again',
		},
		{
			name: 'Set Project Access',
			value: 'setProjectAccess',
			action: 'Restrict who may change a project',
		},
		{ name: 'Set Task Access', value: 'setTaskAccess', action: 'Restrict who may change a task' },
	],
	'getProject',
);

const ON_PROJECT = [
	'getProject',
	'removeProjectAccess',
	'removeProjectPrivacy',
	'setProjectAccess',
	'setProjectPrivacy',
];
const ON_TASK = [
	'getTask',
	'removeTaskAccess',
	'removeTaskPrivacy',
	'setTaskAccess',
	'setTaskPrivacy',
];
const SETS = ['setProjectAccess', 'setProjectPrivacy', 'setTaskAccess', 'setTaskPrivacy'];

export const permissionFields: INodeProperties[] = [
	projectLocator(
		show(P, [...ON_PROJECT, ...ON_TASK]),
		'projectId',
		'Project',
		'The project (for tasks: the project of the task)',
	),
	taskLocator(show(P, ON_TASK)),
	{
		displayName: 'Changes',
		name: 'access',
		type: 'collection',
		placeholder: 'Add Users or Teams',
		default: {},
		displayOptions: show(P, SETS),
		options: [
			{
				displayName: 'Add Teams',
				name: 'addTeams',
				type: 'string',
				default: '',
				description: 'Team names or GUIDs, separated by commas',
			},
			{
				displayName: 'Add Users',
				name: 'addUsers',
				type: 'string',
				default: '',
				description: 'E-mail addresses or GUIDs, separated by commas',
			},
			{
				displayName: 'Remove Teams',
				name: 'removeTeams',
				type: 'string',
				default: '',
				description: 'Team names or GUIDs, separated by commas',
			},
			{
				displayName: 'Remove Users',
				name: 'removeUsers',
				type: 'string',
				default: '',
				description: 'E-mail addresses or GUIDs, separated by commas',
			},
		],
	},
	{
		displayName: 'Include Subtasks',
		name: 'includeSubtasks',
		type: 'boolean',
		default: true,
		description: 'Whether to remove the restrictions of the subtasks too',
		displayOptions: show(P, ['removeTaskAccess']),
	},
];

/** One comma-separated string per list (N-new), empty lists left out. */
function accessBody(ctx: Ctx, i: number): IDataObject {
	const a = ctx.getNodeParameter('access', i, {}) as IDataObject;
	const list = (v: unknown) =>
		String(v ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean)
			.join(',');
	const add = compact({ users: list(a.addUsers), teams: list(a.addTeams) });
	const remove = compact({ users: list(a.removeUsers), teams: list(a.removeTeams) });
	if (!Object.keys(add).length && !Object.keys(remove).length)
		throw invalidInput(ctx.getNode(), i, 'Changes', 'add or remove at least one user or team');
	return compact({
		add: Object.keys(add).length ? add : undefined,
		remove: Object.keys(remove).length ? remove : undefined,
	} as IDataObject);
}

function permissionTarget(ctx: Ctx, i: number, kind: 'project' | 'task'): string {
	return kind === 'project'
		? locatorValue(ctx, i, 'projectId', 'Project')
		: locatorValue(ctx, i, 'taskId', 'Task');
}

export const permissionHandlers: Record<string, OperationHandler> = {};
for (const kind of ['project', 'task'] as const) {
	const K = kind === 'project' ? 'Project' : 'Task';
	permissionHandlers[`get${K}`] = async function (this: Ctx, i: number) {
		const id = permissionTarget(this, i, kind);
		return await get<IDataObject>(
			this,
			i,
			`integration/permissions/${kind}/json/${id}`,
			undefined,
			`${K} ${id}`,
		);
	};
	for (const [what, segment] of [
		['Access', 'access'],
		['Privacy', 'private'],
	] as const) {
		permissionHandlers[`set${K}${what}`] = async function (this: Ctx, i: number) {
			const id = permissionTarget(this, i, kind);
			const body = accessBody(this, i);
			return await send<IDataObject>(this, i, {
				method: 'POST',
				path: `integration/permissions/${kind}/${segment}/json/${id}`,
				body,
				notFoundLabel: `${K} ${id}`,
			});
		};
		permissionHandlers[`remove${K}${what}`] = async function (this: Ctx, i: number) {
			const id = permissionTarget(this, i, kind);
			const qs =
				kind === 'task' && segment === 'access'
					? { includeSubtasks: this.getNodeParameter('includeSubtasks', i, true) === true }
					: undefined;
			return await send<IDataObject>(this, i, {
				method: 'DELETE',
				path: `integration/permissions/${kind}/${segment}/json/${id}`,
				qs,
				notFoundLabel: `${K} ${id}`,
			});
		};
	}
}
