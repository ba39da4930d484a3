import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { invalidInput } from '../../shared/validation';
import type { OperationHandler, ReadBack, Tools } from '../engine';
import { param } from '../engine';
import { checkOrder, compact, memberLocator, newExternalId, projectLocator, sameId, show, taskLocator, waitFields, writeOptions } from './common';

const R = 'timeRecord';
const WRITES = ['create', 'delete', 'update'];

export const timeRecordOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [R] } },
	options: [
		{ name: 'Delete', value: 'delete', action: 'Delete a time record' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many time records', description: 'Get the time records of a project' },
		{ name: 'Log Time', value: 'create', action: 'Log time', description: 'Create a time record on a task' },
		{ name: 'Update', value: 'update', action: 'Update a time record' },
	],
	default: 'create',
};

const ID_FIELD: INodeProperties = {
	displayName: 'Time Record ID',
	name: 'timeRecordId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e7737f60-d5a8-4b61-8cda-2ad51ccff4dd',
	displayOptions: show(R, ['delete', 'update']),
};

export const timeRecordFields: INodeProperties[] = [
	projectLocator(R, ['create', 'getAll', 'update'], { description: 'The project of the time record' }),
	ID_FIELD,
	taskLocator(R, ['create']),
	memberLocator(R, ['create'], { description: 'Who worked (GUID or e-mail)' }),
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Day of the work (in the chosen time zone)',
		displayOptions: show(R, ['create']),
	},
	{
		displayName: 'Enter Time As',
		name: 'entryMode',
		type: 'options',
		options: [
			{ name: 'Duration', value: 'duration', description: 'Minutes worked on the date' },
			{ name: 'Start and End', value: 'startEnd', description: 'From–to times' },
		],
		default: 'duration',
		displayOptions: show(R, ['create']),
	},
	{
		displayName: 'Duration (Minutes)',
		name: 'duration',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1 },
		default: 60,
		displayOptions: { show: { resource: [R], operation: ['create'], entryMode: ['duration'] } },
	},
	{
		displayName: 'Start',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show: { resource: [R], operation: ['create'], entryMode: ['startEnd'] } },
	},
	{
		displayName: 'End',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show: { resource: [R], operation: ['create'], entryMode: ['startEnd'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, ['create']),
		options: [
			{ displayName: 'Billable', name: 'billable', type: 'boolean', default: true, description: 'Whether the time is billable' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'External ID', name: 'externalId', type: 'string', default: '', description: 'Your own key, e.g. the ID in the source time sheet. If empty, the node sets one to read the record back.' },
		],
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, ['update']),
		options: [
			{ displayName: 'Billable', name: 'billable', type: 'boolean', default: true, description: 'Whether the time is billable' },
			{ displayName: 'Date', name: 'date', type: 'dateTime', default: '' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Duration (Minutes)', name: 'duration', type: 'number', typeOptions: { minValue: 1 }, default: 60 },
			{ displayName: 'End', name: 'endDate', type: 'dateTime', default: '' },
			{ displayName: 'External ID', name: 'externalId', type: 'string', default: '' },
			{ displayName: 'Member ID', name: 'userId', type: 'string', default: '', description: 'GUID or e-mail of the member' },
			{ displayName: 'Start', name: 'startDate', type: 'dateTime', default: '' },
			{ displayName: 'Task ID', name: 'taskId', type: 'string', default: '' },
		],
	},
	...returnAllOrLimit(R, 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(R, ['getAll']),
		options: [
			{ displayName: 'From Date', name: 'from', type: 'dateTime', default: '', description: 'Only records on or after this day' },
			{ displayName: 'Member ID', name: 'userId', type: 'string', default: '', description: 'Only records of this member (GUID)' },
			{ displayName: 'Task ID', name: 'taskId', type: 'string', default: '', description: 'Only records on this task (GUID)' },
			{ displayName: 'To Date', name: 'to', type: 'dateTime', default: '', description: 'Only records on or before this day' },
		],
	},
	...waitFields(R, WRITES),
	writeOptions(R, WRITES, true),
];

const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** smenso takes users by GUID or e-mail. */
export function userRef(t: Tools, i: number, field: string, value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (EMAIL.test(text)) return text;
	return t.guid(i, field, text);
}

function minutes(t: Tools, i: number, field: string, value: unknown): number {
	const n = Number(value);
	if (!Number.isFinite(n) || n <= 0) throw invalidInput(t.ctx.getNode(), i, field, `must be a positive number of minutes, got "${String(value ?? '')}"`);
	return Math.round(n);
}

export function timeRecordsOf(t: Tools, projectId: string, itemIndex?: number): Promise<IDataObject[]> {
	return t.get<IDataObject[]>(`integration/timerecord/json/${projectId}`, itemIndex, `Project ${projectId}`);
}

function readBack(t: Tools, projectId: string, find: (r: IDataObject) => boolean): ReadBack {
	return { key: `timerecords:${projectId}`, fetch: async () => await timeRecordsOf(t, projectId), match: (list) => list.find(find) };
}

const wrap = (projectId: string) => (records: IDataObject[]) => ({ projectId, timeRecord: records });

export const timeRecordHandlers: Record<string, OperationHandler> = {
	getAll: {
		async read(i, t) {
			const projectId = t.guid(i, 'Project', param(t.ctx, 'projectId', i));
			const filters = t.ctx.getNodeParameter('filters', i, {}) as IDataObject;
			const from = filters.from ? await t.date(i, 'From Date', filters.from) : undefined;
			const to = filters.to ? await t.date(i, 'To Date', filters.to) : undefined;
			const returnAll = t.ctx.getNodeParameter('returnAll', i, false) as boolean;
			const limit = t.ctx.getNodeParameter('limit', i, 50) as number;
			const list = (await timeRecordsOf(t, projectId, i)) ?? [];
			const filtered = list.filter((r) => {
				const day = String(r.date ?? r.startDate ?? '').slice(0, 10);
				return (
					(!filters.userId || sameId(r.userId, filters.userId)) &&
					(!filters.taskId || sameId(r.taskId, filters.taskId)) &&
					(!from || day >= from) &&
					(!to || day <= to)
				);
			});
			return returnAll ? filtered : filtered.slice(0, limit);
		},
	},
	create: {
		async write(i, t) {
			const projectId = t.guid(i, 'Project', param(t.ctx, 'projectId', i));
			const taskId = t.guid(i, 'Task', param(t.ctx, 'taskId', i));
			const userId = userRef(t, i, 'Member', param(t.ctx, 'userId', i));
			const mode = t.ctx.getNodeParameter('entryMode', i, 'duration') as string;
			const record: IDataObject = { taskId, userId };
			if (mode === 'startEnd') {
				record.startDate = await t.dateTime(i, 'Start', t.ctx.getNodeParameter('startDate', i, ''));
				record.endDate = await t.dateTime(i, 'End', t.ctx.getNodeParameter('endDate', i, ''));
				checkOrder(t, i, record.startDate, record.endDate, 'Start', 'End');
				record.date = String(record.startDate).slice(0, 10);
			} else {
				record.date = await t.date(i, 'Date', t.ctx.getNodeParameter('date', i, ''));
				record.duration = minutes(t, i, 'Duration (Minutes)', t.ctx.getNodeParameter('duration', i, 0));
			}
			const extra = t.ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
			Object.assign(record, compact({ description: extra.description, billable: extra.billable, externalId: extra.externalId || newExternalId() }));
			return {
				group: `timerecord:create:${projectId}`,
				method: 'POST',
				path: 'integration/timerecord/json',
				record,
				wrap: wrap(projectId),
				batchable: true,
				readBack: readBack(t, projectId, (r) => r.externalId === record.externalId),
			};
		},
	},
	update: {
		async write(i, t) {
			const projectId = t.guid(i, 'Project', param(t.ctx, 'projectId', i));
			const id = t.guid(i, 'Time Record ID', t.ctx.getNodeParameter('timeRecordId', i, ''));
			const source = t.ctx.getNodeParameter('updateFields', i, {}) as IDataObject;
			const record: IDataObject = { id };
			if (source.date) record.date = await t.date(i, 'Date', source.date);
			if (source.startDate) record.startDate = await t.dateTime(i, 'Start', source.startDate);
			if (source.endDate) record.endDate = await t.dateTime(i, 'End', source.endDate);
			checkOrder(t, i, record.startDate, record.endDate, 'Start', 'End');
			if (source.duration !== undefined) record.duration = minutes(t, i, 'Duration (Minutes)', source.duration);
			if (source.taskId) record.taskId = t.guid(i, 'Task ID', source.taskId);
			if (source.userId) record.userId = userRef(t, i, 'Member ID', source.userId);
			Object.assign(record, compact({ description: source.description, billable: source.billable, externalId: source.externalId }));
			return {
				group: `timerecord:update:${projectId}`,
				method: 'PUT',
				path: 'integration/timerecord/json',
				record,
				wrap: wrap(projectId),
				batchable: true,
				readBack: readBack(t, projectId, (r) => sameId(r.id, id)),
			};
		},
	},
	delete: {
		async write(i, t) {
			const id = t.guid(i, 'Time Record ID', t.ctx.getNodeParameter('timeRecordId', i, ''));
			return { group: 'timerecord:delete', method: 'DELETE', path: `integration/timerecord/json/${id}`, record: { id }, batchable: false, echo: { deleted: true, id }, notFoundLabel: `Time record ${id}` };
		},
	},
};
