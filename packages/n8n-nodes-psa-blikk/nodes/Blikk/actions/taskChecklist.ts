import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readId, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput, requireString } from '../../../../shared/validation';
import { blikkList, blikkRequest } from '../transport';
import { locator } from './common';
import { taskPartDelete, taskPartGetAll, type TaskPart } from './taskPart';

const K = 'taskChecklist';
const path = (taskId: number) => `/v1/Core/Tasks/${taskId}/Checklists`;

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
		{ method: 'GET', path: path(taskId), itemIndex: i },
		{ returnAll: true },
	);
	const found = all.find((c) => c.id === id);
	if (!found)
		throw new NodeOperationError(ctx.getNode(), `Checklist ${id} was not found on task ${taskId}`, {
			itemIndex: i,
		});
	return found;
}

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Add a checklist to a task',
	readOnly: false,
	properties: [
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
	],
	async handler(this: IExecuteFunctions, i: number) {
		const taskId = readId(this, i, 'taskId', 'Task');
		const name = requireString(this.getNode(), i, 'Name', this.getNodeParameter('name', i));
		return await blikkRequest.call(this, {
			method: 'POST',
			path: path(taskId),
			body: { name, items: itemValues(this, i, 'items', 'Item') },
			itemIndex: i,
		});
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Tick off checklist items',
	description: 'Rename, tick off or add items; existing items are kept',
	readOnly: false,
	properties: [
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
	],
	async handler(this: IExecuteFunctions, i: number) {
		const taskId = readId(this, i, 'taskId', 'Task');
		const id = readId(this, i, 'checklistId', 'Checklist ID');
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
			path: `${path(taskId)}/${id}`,
			body: { name, items: [...items, ...added] },
			itemIndex: i,
			idempotent: true,
		});
	},
});

const part: TaskPart = {
	resource: K,
	path,
	idParam: 'checklistId',
	idLabel: 'Checklist ID',
	plural: 'checklists',
	sortKeys: ['name'],
};
const deleteChecklist = taskPartDelete(part);
const getAll = taskPartGetAll(part);

/** Checklists on a task (Update keeps every item it does not mention: Blikk would delete them). */
export const taskChecklist = defineResource({
	value: K,
	name: 'Task Checklist',
	defaultOperation: 'create',
	properties: [
		locator('taskId', 'Task', 'searchTasks', show(K)),
		{
			displayName: 'Checklist ID',
			name: 'checklistId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: show(K, ['delete', 'update']),
		},
	],
	operations: [create, update, deleteChecklist, getAll],
});
