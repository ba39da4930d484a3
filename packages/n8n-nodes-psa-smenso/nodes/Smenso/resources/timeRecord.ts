import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../../../../shared/execute';
import { operationProperty } from '../../../../shared/kit';
import { invalidInput } from '../../../../shared/validation';
import { zoneFor } from '../engine';
import { hoursToMinutes, toWireDate, toWireDateTime } from '../transport';
import {
	checkOrder,
	collection,
	disputed,
	get,
	guidField,
	limitList,
	locatorValue,
	memberLocator,
	newExternalId,
	plan,
	projectLocator,
	readOptions,
	returnAllLimit,
	sameId,
	show,
	taskLocator,
	waitFields,
	wireRecord,
	withHours,
	writeOptions,
	type Ctx,
	type FieldSpec,
} from './common';

const R = 'timeRecord';
const WRITES = ['create', 'delete', 'update'];

export const timeRecordOperations = operationProperty(
	R,
	[
		{ name: 'Delete', value: 'delete', action: 'Delete a time record' },
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many time records',
			description: 'Get the time records of a project',
		},
		{
			name: 'Log Time',
			value: 'create',
			action: 'Log time',
			description: 'Create a time record on a task',
		},
		{ name: 'Update', value: 'update', action: 'Update a time record' },
	],
	'create',
);

const EXTRA: FieldSpec[] = [
	{ name: 'description', label: 'Description', kind: 'text' },
	{
		name: 'externalId',
		label: 'External ID',
		kind: 'string',
		description:
			'Your own key, e.g. the ID in the source time sheet. If empty, the node sets one to read the record back.',
	},
	{ name: 'flavors', label: 'Custom Fields (Flavors)', kind: 'flavors', wire: 'flavor' },
	{
		name: 'locked',
		label: 'Locked',
		kind: 'boolean',
		description: 'Whether the record is locked against changes',
	},
	{ name: 'statusId', label: 'Status ID', kind: 'integer' },
];
const UPDATE: FieldSpec[] = [
	{ name: 'date', label: 'Date', kind: 'date' },
	{
		name: 'hours',
		label: 'Duration (Hours)',
		kind: 'hours',
		wire: 'duration',
		description: 'Time worked, e.g. 1.5 or 1:30 (sent to smenso as minutes)',
	},
	{ name: 'startDate', label: 'Start', kind: 'dateTime' },
	{ name: 'endDate', label: 'End', kind: 'dateTime' },
	...EXTRA.filter((f) => f.name !== 'externalId'),
];

/** Time record fields no source shows for time records: flavors (P12/P14 say they exist) and a description. */
const DISPUTED = ['flavors', 'description'];

export const timeRecordFields: INodeProperties[] = [
	projectLocator(
		show(R, ['create', 'getAll', 'update']),
		'projectId',
		'Project',
		'The project of the time record',
	),
	guidField('timeRecordId', 'Time Record ID', show(R, ['delete', 'update'])),
	taskLocator(show(R, ['create'])),
	memberLocator(
		show(R, ['create']),
		'userId',
		'Member',
		'Who worked: pick from the list, or give a GUID or an e-mail',
	),
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Day of the work',
		displayOptions: show(R, ['create'], { entryMode: ['duration'] }),
	},
	{
		displayName: 'Enter Time As',
		name: 'entryMode',
		type: 'options',
		options: [
			{ name: 'Duration', value: 'duration', description: 'Hours worked on the date' },
			{
				name: 'Start and End',
				value: 'startEnd',
				description: 'From–to times (smenso computes the duration)',
			},
		],
		default: 'duration',
		displayOptions: show(R, ['create']),
	},
	{
		displayName: 'Duration (Hours)',
		name: 'hours',
		type: 'string',
		required: true,
		default: '1',
		placeholder: 'e.g. 1.5 or 1:30',
		description: 'Time worked, e.g. 1.5 or 1:30 (sent to smenso as minutes)',
		displayOptions: show(R, ['create'], { entryMode: ['duration'] }),
	},
	{
		displayName: 'Start',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: show(R, ['create'], { entryMode: ['startEnd'] }),
	},
	{
		displayName: 'End',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: show(R, ['create'], { entryMode: ['startEnd'] }),
	},
	collection('additionalFields', 'Additional Fields', EXTRA, show(R, ['create'])),
	collection('updateFields', 'Update Fields', UPDATE, show(R, ['update'])),
	...returnAllLimit(R, 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(R, ['getAll']),
		options: [
			{
				displayName: 'From Date',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Only records on or after this day',
			},
			{
				displayName: 'Member',
				name: 'userId',
				type: 'string',
				default: '',
				description: 'Only records of this member (GUID or e-mail)',
			},
			{
				displayName: 'Task ID',
				name: 'taskId',
				type: 'string',
				default: '',
				description: 'Only records on this task (GUID)',
			},
			{
				displayName: 'To Date',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Only records on or before this day',
			},
		],
	},
	readOptions(R, ['getAll']),
	...waitFields(R, WRITES),
	writeOptions(R, WRITES, true),
];

export const TIME_HOURS = { duration: 'hours' };

export async function timeRecordsOf(
	ctx: Ctx,
	i: number | undefined,
	projectId: string,
): Promise<IDataObject[]> {
	const list = await get(
		ctx,
		i,
		`integration/timerecord/json/${projectId}`,
		undefined,
		`Project ${projectId}`,
	);
	return (Array.isArray(list) ? list : []).map((r) => withHours(r, TIME_HOURS));
}

function readBack(ctx: Ctx, projectId: string, find: (r: IDataObject) => boolean) {
	return {
		key: `timerecords:${projectId}`,
		fetch: async () => await timeRecordsOf(ctx, undefined, projectId),
		match: (list: IDataObject[]) => list.find(find),
	};
}

const wrapTop = (projectId: string) => ({ key: 'timeRecord', timezone: true, top: { projectId } });

export const timeRecordHandlers: Record<string, OperationHandler> = {
	async getAll(i) {
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const zone = await zoneFor(this, i);
		const from = filters.from
			? toWireDate(this.getNode(), i, 'From Date', filters.from, zone.iana)
			: undefined;
		const to = filters.to
			? toWireDate(this.getNode(), i, 'To Date', filters.to, zone.iana)
			: undefined;
		const list = await timeRecordsOf(this, i, projectId);
		return limitList(this, i, list, (r) => {
			const day = String(r.date ?? r.startDate ?? '').slice(0, 10);
			return (
				(!filters.userId ||
					sameId(r.userId, filters.userId) ||
					sameId(r.userEmail, filters.userId)) &&
				(!filters.taskId || sameId(r.taskId, filters.taskId)) &&
				(!from || day >= from) &&
				(!to || day <= to)
			);
		});
	},
	async create(i) {
		const zone = await zoneFor(this, i);
		const node = this.getNode();
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const taskId = locatorValue(this, i, 'taskId', 'Task');
		const userId = locatorValue(this, i, 'userId', 'Member', { email: true });
		const record: IDataObject = { taskId, userId };
		if (this.getNodeParameter('entryMode', i, 'duration') === 'startEnd') {
			record.startDate = toWireDateTime(
				node,
				i,
				'Start',
				this.getNodeParameter('startDate', i, ''),
				zone.iana,
			);
			record.endDate = toWireDateTime(
				node,
				i,
				'End',
				this.getNodeParameter('endDate', i, ''),
				zone.iana,
			);
			checkOrder(this, i, record, 'startDate', 'endDate', 'Start', 'End');
			record.date = String(record.startDate).slice(0, 10);
		} else {
			record.date = toWireDate(node, i, 'Date', this.getNodeParameter('date', i, ''), zone.iana);
			const minutes = hoursToMinutes(
				node,
				i,
				'Duration (Hours)',
				this.getNodeParameter('hours', i, ''),
			);
			if (minutes <= 0) throw invalidInput(node, i, 'Duration (Hours)', 'must be more than 0');
			record.duration = minutes;
		}
		Object.assign(
			record,
			wireRecord(
				this,
				i,
				EXTRA,
				this.getNodeParameter('additionalFields', i, {}) as IDataObject,
				zone.iana,
			),
		);
		record.externalId ??= newExternalId(this, i);
		return await plan(this, i, {
			group: `timerecord:create:${projectId}`,
			method: 'POST',
			paths: ['integration/timerecord/json'],
			route: 'timerecord:create',
			envelope: wrapTop(projectId),
			record,
			batchable: true,
			expect: 'created',
			readBack: readBack(this, projectId, (r) => r.externalId === record.externalId),
			verify: disputed(record, EXTRA, DISPUTED, 'time record'),
		});
	},
	async update(i) {
		const zone = await zoneFor(this, i);
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const id = locatorValue(this, i, 'timeRecordId', 'Time Record ID');
		const changes = wireRecord(
			this,
			i,
			UPDATE,
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
			zone.iana,
		);
		checkOrder(this, i, changes, 'startDate', 'endDate', 'Start', 'End');
		return await plan(this, i, {
			group: `timerecord:update:${projectId}`,
			method: 'PUT',
			paths: ['integration/timerecord/json'],
			route: 'timerecord:update',
			envelope: wrapTop(projectId),
			record: { id, ...changes },
			batchable: true,
			expect: 'modified',
			readBack: readBack(this, projectId, (r) => sameId(r.id, id)),
			verify: disputed(changes, UPDATE, DISPUTED, 'time record'),
		});
	},
	async delete(i) {
		const id = locatorValue(this, i, 'timeRecordId', 'Time Record ID');
		return await plan(this, i, {
			group: 'timerecord:delete',
			method: 'DELETE',
			paths: [`integration/timerecord/json/${id}`],
			route: 'timerecord:delete',
			batchable: false,
			expect: 'deleted',
			echo: { id, deleted: true },
			notFoundLabel: `Time record ${id}`,
		});
	},
};
