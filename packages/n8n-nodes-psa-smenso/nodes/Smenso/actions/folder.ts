/** Folder: the task folders of a project (N-new, U32; note the plural path `folders`). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { zoneFor } from '../engine';
import {
	collection,
	fieldProperty,
	folderLocator,
	get,
	limitList,
	locatorValue,
	plan,
	projectLocator,
	readOptions,
	required,
	sameId,
	show,
	wireRecord,
	writeTail,
	type Ctx,
	type FieldSpec,
} from './common';

const R = 'folder';

const FIELDS: FieldSpec[] = [
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
const CREATE_FIELDS: FieldSpec[] = [
	...FIELDS,
	{ name: 'privateNewTasks', label: 'Private New Tasks', kind: 'boolean' },
	{ name: 'taskTemplateId', label: 'Default Task Template ID', kind: 'guid' },
];
const NAME: FieldSpec = { name: 'name', label: 'Name', kind: 'string' };

async function foldersOf(
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

const projectOf = (ctx: Ctx, i: number) => locatorValue(ctx, i, 'projectId', 'Project');
const folderOf = (ctx: Ctx, i: number) => locatorValue(ctx, i, 'folderId', 'Folder');

const readBack = (ctx: Ctx, projectId: string, find: (f: IDataObject) => boolean) => ({
	key: `folders:${projectId}`,
	fetch: async () => await foldersOf(ctx, undefined, projectId),
	match: (list: IDataObject[]) => list.find(find),
});

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a task folder',
	readOnly: false,
	properties: [
		fieldProperty(NAME, show(R, ['create']), true),
		collection('additionalFields', 'Additional Fields', CREATE_FIELDS, show(R, ['create'])),
		...writeTail(R, 'create'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const zone = await zoneFor(this, i);
		const projectId = projectOf(this, i);
		const name = required(this, i, 'name', 'Name');
		const record: IDataObject = {
			name,
			...wireRecord(
				this,
				i,
				CREATE_FIELDS,
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
			readBack: readBack(this, projectId, (f) => f.name === name && !before.has(String(f.id))),
		});
	},
});

const deleteFolder = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a task folder',
	readOnly: false,
	properties: writeTail(R, 'delete'),
	async handler(this: IExecuteFunctions, i: number) {
		const projectId = projectOf(this, i);
		const id = folderOf(this, i);
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
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get the task folders of a project',
	readOnly: true,
	properties: [...returnAllLimit(R, 'getAll'), readOptions(R, ['getAll'])],
	async handler(this: IExecuteFunctions, i: number) {
		return limitList(this, i, await foldersOf(this, i, projectOf(this, i)));
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a task folder',
	readOnly: false,
	properties: [
		collection('updateFields', 'Update Fields', [...FIELDS, NAME], show(R, ['update'])),
		...writeTail(R, 'update'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const zone = await zoneFor(this, i);
		const projectId = projectOf(this, i);
		const id = folderOf(this, i);
		const changes = wireRecord(
			this,
			i,
			[...FIELDS, NAME],
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
			readBack: readBack(this, projectId, (f) => sameId(f.id, id)),
		});
	},
});

export const folder = defineResource({
	value: R,
	name: 'Folder',
	description: 'Task folders of a project',
	defaultOperation: getAll.value,
	properties: [
		projectLocator(show(R, ['create', 'delete', 'getAll', 'update'])),
		folderLocator(show(R, ['delete', 'update'])),
	],
	operations: [create, deleteFolder, getAll, update],
});
