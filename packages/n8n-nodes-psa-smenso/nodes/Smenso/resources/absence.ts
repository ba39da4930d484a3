import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../../../../shared/execute';
import { operationProperty } from '../../../../shared/kit';
import { zoneFor } from '../engine';
import { toWireDate } from '../transport';
import {
	absenceTypeLocator,
	checkOrder,
	collection,
	compact,
	get,
	guidField,
	limitList,
	locatorValue,
	memberLocator,
	newExternalId,
	plan,
	readOptions,
	returnAllLimit,
	sameId,
	show,
	waitFields,
	wireRecord,
	writeOptions,
	type Ctx,
	type FieldSpec,
} from './common';

const R = 'absence';
const STATUS_OPS = ['approve', 'reject', 'submit'];
const WRITES = ['approve', 'create', 'delete', 'reject', 'submit', 'update'];

export const absenceOperations = operationProperty(
	R,
	[
		{
			name: 'Approve',
			value: 'approve',
			action: 'Approve an absence',
			description: 'Set the status of an absence to approved',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create an absence',
			description: 'Record a vacation, sick day or other absence',
		},
		{ name: 'Delete', value: 'delete', action: 'Delete an absence' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many absences' },
		{
			name: 'Reject',
			value: 'reject',
			action: 'Reject an absence',
			description: 'Set the status of an absence to rejected',
		},
		{
			name: 'Submit',
			value: 'submit',
			action: 'Submit an absence for approval',
			description: 'Set the status of an absence to submitted',
		},
		{ name: 'Update', value: 'update', action: 'Update an absence' },
	],
	'create',
);

const STATUS: Array<[string, string]> = [
	['Approved', 'approved'],
	['Rejected', 'rejected'],
	['Submitted', 'submitted'],
];

const DETAILS: FieldSpec[] = [
	{ name: 'comment', label: 'Comment', kind: 'text' },
	{
		name: 'endDateMinutes',
		label: 'Minutes Absent on Last Day',
		kind: 'minutes',
		description:
			'For a part day: minutes absent on the last day, e.g. 240 = half of an 8-hour day. Empty: the whole working day.',
	},
	{
		name: 'locked',
		label: 'Locked',
		kind: 'boolean',
		description: 'Whether the absence is locked against changes',
	},
	{
		name: 'startDateMinutes',
		label: 'Minutes Absent on First Day',
		kind: 'minutes',
		description:
			'For a part day: minutes absent on the first day, e.g. 240 = half of an 8-hour day. Empty: the whole working day.',
	},
	{
		name: 'status',
		label: 'Status',
		kind: 'options',
		options: STATUS,
		default: 'submitted',
		description: 'Only for absence types that need approval',
	},
];
const CREATE: FieldSpec[] = [
	...DETAILS,
	{
		name: 'externalId',
		label: 'External ID',
		kind: 'string',
		description:
			'Your own key, e.g. the leave request ID in the HR system. If empty, the node sets one to read the absence back.',
	},
];
const UPDATE: FieldSpec[] = [
	...DETAILS,
	{ name: 'startDate', label: 'Start Date', kind: 'date' },
	{ name: 'endDate', label: 'End Date', kind: 'date' },
	{ name: 'absenceTypeId', label: 'Absence Type (ID or Name)', kind: 'string' },
];

export const absenceFields: INodeProperties[] = [
	guidField('absenceId', 'Absence ID', show(R, [...STATUS_OPS, 'delete', 'update'])),
	memberLocator(
		show(R, ['create']),
		'userId',
		'Member',
		'Whose absence: pick from the list, or give a GUID or an e-mail',
	),
	absenceTypeLocator(show(R, ['create'])),
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'First day of the absence',
		displayOptions: show(R, ['create']),
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Last day of the absence (not before the start date)',
		displayOptions: show(R, ['create']),
	},
	collection('additionalFields', 'Additional Fields', CREATE, show(R, ['create'])),
	collection('updateFields', 'Update Fields', UPDATE, show(R, ['update'])),
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		default: '',
		description: 'Optional note stored with the status change',
		displayOptions: show(R, STATUS_OPS),
	},
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
				displayName: 'Absence Type (ID or Name)',
				name: 'absenceTypeId',
				type: 'string',
				default: '',
			},
			{
				displayName: 'From Date',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Only absences that end on or after this day',
			},
			{
				displayName: 'Member',
				name: 'userId',
				type: 'string',
				default: '',
				description: 'Only absences of this member (GUID or e-mail)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: STATUS.map(([name, value]) => ({ name, value })),
				default: 'approved',
			},
			{
				displayName: 'To Date',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Only absences that start on or before this day',
			},
		],
	},
	readOptions(R, ['getAll']),
	...waitFields(R, WRITES),
	writeOptions(R, WRITES, true),
];

export async function absencesOf(ctx: Ctx, i?: number): Promise<IDataObject[]> {
	const list = await get(ctx, i, 'integration/absence/json');
	return Array.isArray(list) ? list : [];
}

const ENVELOPE = { key: 'absence', timezone: true };

function readBack(ctx: Ctx, find: (a: IDataObject) => boolean) {
	return {
		key: 'absences',
		fetch: async () => await absencesOf(ctx),
		match: (list: IDataObject[]) => list.find(find),
	};
}

export const absenceHandlers: Record<string, OperationHandler> = {
	async getAll(i) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const zone = await zoneFor(this, i);
		const from = filters.from
			? toWireDate(this.getNode(), i, 'From Date', filters.from, zone.iana)
			: undefined;
		const to = filters.to
			? toWireDate(this.getNode(), i, 'To Date', filters.to, zone.iana)
			: undefined;
		const type = String(filters.absenceTypeId ?? '').toLowerCase();
		return limitList(
			this,
			i,
			await absencesOf(this, i),
			(a) =>
				(!filters.userId ||
					sameId(a.userId, filters.userId) ||
					sameId(a.userEmail, filters.userId)) &&
				(!type ||
					String(a.absenceTypeId ?? '').toLowerCase() === type ||
					String(a.absenceType ?? '').toLowerCase() === type) &&
				(!filters.status || a.status === filters.status) &&
				(!from || String(a.endDate ?? '').slice(0, 10) >= from) &&
				(!to || String(a.startDate ?? '').slice(0, 10) <= to),
		);
	},
	async create(i) {
		const zone = await zoneFor(this, i);
		const node = this.getNode();
		const userId = locatorValue(this, i, 'userId', 'Member', { email: true });
		const absenceTypeId = locatorValue(this, i, 'absenceTypeId', 'Absence Type', { name: true });
		const startDate = toWireDate(
			node,
			i,
			'Start Date',
			this.getNodeParameter('startDate', i, ''),
			zone.iana,
		);
		const endDate = toWireDate(
			node,
			i,
			'End Date',
			this.getNodeParameter('endDate', i, ''),
			zone.iana,
		);
		const record: IDataObject = {
			userId,
			absenceTypeId,
			startDate,
			endDate,
			...wireRecord(
				this,
				i,
				CREATE,
				this.getNodeParameter('additionalFields', i, {}) as IDataObject,
				zone.iana,
			),
		};
		checkOrder(this, i, record, 'startDate', 'endDate', 'Start Date', 'End Date');
		record.externalId ??= newExternalId(this, i);
		return await plan(this, i, {
			group: 'absence:create',
			method: 'POST',
			paths: ['integration/absence/json'],
			route: 'absence:create',
			envelope: ENVELOPE,
			record,
			batchable: true,
			expect: 'created',
			readBack: readBack(this, (a) => a.externalId === record.externalId),
		});
	},
	async update(i) {
		const zone = await zoneFor(this, i);
		const id = locatorValue(this, i, 'absenceId', 'Absence ID');
		const changes = wireRecord(
			this,
			i,
			UPDATE,
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
			zone.iana,
		);
		checkOrder(this, i, changes, 'startDate', 'endDate', 'Start Date', 'End Date');
		return await plan(this, i, {
			group: 'absence:update',
			method: 'PUT',
			paths: ['integration/absence/json'],
			route: 'absence:update',
			envelope: ENVELOPE,
			record: { id, ...changes },
			batchable: true,
			expect: 'modified',
			readBack: readBack(this, (a) => sameId(a.id, id)),
		});
	},
	async delete(i) {
		const id = locatorValue(this, i, 'absenceId', 'Absence ID');
		return await plan(this, i, {
			group: 'absence:delete',
			method: 'DELETE',
			paths: [`integration/absence/json/${id}`],
			route: 'absence:delete',
			batchable: false,
			expect: 'deleted',
			echo: { id, deleted: true },
			notFoundLabel: `Absence ${id}`,
		});
	},
};

for (const [operation, status] of [
	['approve', 'approved'],
	['reject', 'rejected'],
	['submit', 'submitted'],
] as const) {
	absenceHandlers[operation] = async function (this: Ctx, i: number) {
		const id = locatorValue(this, i, 'absenceId', 'Absence ID');
		const comment = String(this.getNodeParameter('comment', i, '') ?? '');
		// A status change is an ordinary update of `status`: many go out as one PUT.
		return await plan(this, i, {
			group: 'absence:update',
			method: 'PUT',
			paths: ['integration/absence/json'],
			route: 'absence:update',
			envelope: ENVELOPE,
			record: compact({ id, status, comment }),
			batchable: true,
			expect: 'modified',
			readBack: readBack(this, (a) => sameId(a.id, id) && a.status === status),
		});
	};
}
