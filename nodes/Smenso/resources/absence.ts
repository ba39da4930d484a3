import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { invalidInput } from '../../shared/validation';
import type { OperationHandler, ReadBack, Tools } from '../engine';
import { param } from '../engine';
import { checkOrder, compact, memberLocator, newExternalId, sameId, show, waitFields, writeOptions } from './common';
import { userRef } from './timeRecord';

const R = 'absence';
const STATUS_OPS = ['approve', 'reject', 'submit'];
const WRITES = ['approve', 'create', 'delete', 'reject', 'submit', 'update'];

export const absenceOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [R] } },
	options: [
		{ name: 'Approve', value: 'approve', action: 'Approve an absence', description: 'Set the status of an absence to approved' },
		{ name: 'Create', value: 'create', action: 'Create an absence' },
		{ name: 'Delete', value: 'delete', action: 'Delete an absence' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many absences' },
		{ name: 'Reject', value: 'reject', action: 'Reject an absence', description: 'Set the status of an absence to rejected' },
		{ name: 'Submit', value: 'submit', action: 'Submit an absence', description: 'Set the status of an absence to submitted (for approval)' },
		{ name: 'Update', value: 'update', action: 'Update an absence' },
	],
	default: 'create',
};

const STATUS_OPTIONS = [
	{ name: 'Approved', value: 'approved' },
	{ name: 'Rejected', value: 'rejected' },
	{ name: 'Submitted', value: 'submitted' },
];

const details: INodeProperties[] = [
	{ displayName: 'Comment', name: 'comment', type: 'string', default: '' },
	{ displayName: 'End Minutes', name: 'endDateMinutes', type: 'number', typeOptions: { minValue: 0, maxValue: 1440 }, default: 0, description: 'For a part-day absence: minutes after midnight at which it ends on the end date' },
	{ displayName: 'External ID', name: 'externalId', type: 'string', default: '', description: 'Your own key, e.g. the leave request ID in the HR system. If empty on create, the node sets one to read the absence back.' },
	{ displayName: 'Start Minutes', name: 'startDateMinutes', type: 'number', typeOptions: { minValue: 0, maxValue: 1440 }, default: 0, description: 'For a part-day absence: minutes after midnight at which it starts on the start date' },
	{ displayName: 'Status', name: 'status', type: 'options', options: STATUS_OPTIONS, default: 'submitted', description: 'Only for absence types that need approval' },
];

export const absenceFields: INodeProperties[] = [
	{
		displayName: 'Absence ID',
		name: 'absenceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e7737f60-d5a8-4b61-8cda-2ad51ccff4dd',
		displayOptions: show(R, [...STATUS_OPS, 'delete', 'update']),
	},
	memberLocator(R, ['create'], { description: 'Whose absence (GUID or e-mail)' }),
	{
		displayName: 'Absence Type Name or ID',
		name: 'absenceTypeId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAbsenceTypes' },
		required: true,
		default: '',
		description: 'E.g. Vacation. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: show(R, ['create']),
	},
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
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, ['create']),
		options: details,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, ['update']),
		options: [
			...details,
			{ displayName: 'Absence Type Name or ID', name: 'absenceTypeId', type: 'options', typeOptions: { loadOptionsMethod: 'getAbsenceTypes' }, default: '', description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
			{ displayName: 'End Date', name: 'endDate', type: 'dateTime', default: '' },
			{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '' },
		].sort((a, b) => a.displayName.localeCompare(b.displayName)) as INodeProperties[],
	},
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		default: '',
		description: 'Optional note stored with the status change',
		displayOptions: show(R, STATUS_OPS),
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
			{ displayName: 'Absence Type Name or ID', name: 'absenceTypeId', type: 'options', typeOptions: { loadOptionsMethod: 'getAbsenceTypes' }, default: '', description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
			{ displayName: 'From Date', name: 'from', type: 'dateTime', default: '', description: 'Only absences that end on or after this day' },
			{ displayName: 'Member ID', name: 'userId', type: 'string', default: '', description: 'Only absences of this member (GUID)' },
			{ displayName: 'Status', name: 'status', type: 'options', options: STATUS_OPTIONS, default: 'approved' },
			{ displayName: 'To Date', name: 'to', type: 'dateTime', default: '', description: 'Only absences that start on or before this day' },
		],
	},
	...waitFields(R, WRITES),
	writeOptions(R, WRITES, true),
];

function minutesField(t: Tools, i: number, field: string, value: unknown): number {
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0 || n > 1440) throw invalidInput(t.ctx.getNode(), i, field, `must be whole minutes from 0 to 1440, got "${String(value ?? '')}"`);
	return n;
}

async function absenceDetails(i: number, t: Tools, source: IDataObject): Promise<IDataObject> {
	const out: IDataObject = {};
	if (source.startDate) out.startDate = await t.date(i, 'Start Date', source.startDate);
	if (source.endDate) out.endDate = await t.date(i, 'End Date', source.endDate);
	checkOrder(t, i, out.startDate, out.endDate, 'Start Date', 'End Date');
	if (source.startDateMinutes !== undefined) out.startDateMinutes = minutesField(t, i, 'Start Minutes', source.startDateMinutes);
	if (source.endDateMinutes !== undefined) out.endDateMinutes = minutesField(t, i, 'End Minutes', source.endDateMinutes);
	if (source.absenceTypeId !== undefined && source.absenceTypeId !== '') out.absenceTypeId = String(source.absenceTypeId);
	return { ...out, ...compact({ status: source.status, comment: source.comment, externalId: source.externalId }) };
}

export function absencesOf(t: Tools, itemIndex?: number): Promise<IDataObject[]> {
	return t.get<IDataObject[]>('integration/absence/json', itemIndex);
}

function readBack(t: Tools, find: (a: IDataObject) => boolean): ReadBack {
	return { key: 'absences', fetch: async () => await absencesOf(t), match: (list) => list.find(find) };
}

export const absenceHandlers: Record<string, OperationHandler> = {
	getAll: {
		async read(i, t) {
			const filters = t.ctx.getNodeParameter('filters', i, {}) as IDataObject;
			const from = filters.from ? await t.date(i, 'From Date', filters.from) : undefined;
			const to = filters.to ? await t.date(i, 'To Date', filters.to) : undefined;
			const returnAll = t.ctx.getNodeParameter('returnAll', i, false) as boolean;
			const limit = t.ctx.getNodeParameter('limit', i, 50) as number;
			const list = (await absencesOf(t, i)) ?? [];
			const filtered = list.filter(
				(a) =>
					(!filters.userId || sameId(a.userId, filters.userId)) &&
					(!filters.absenceTypeId || sameId(a.absenceTypeId, filters.absenceTypeId)) &&
					(!filters.status || a.status === filters.status) &&
					(!from || String(a.endDate ?? '').slice(0, 10) >= from) &&
					(!to || String(a.startDate ?? '').slice(0, 10) <= to),
			);
			return returnAll ? filtered : filtered.slice(0, limit);
		},
	},
	create: {
		async write(i, t) {
			const userId = userRef(t, i, 'Member', param(t.ctx, 'userId', i));
			const absenceTypeId = t.required(i, 'Absence Type Name or ID', t.ctx.getNodeParameter('absenceTypeId', i, ''));
			const startDate = await t.date(i, 'Start Date', t.ctx.getNodeParameter('startDate', i, ''));
			const endDate = await t.date(i, 'End Date', t.ctx.getNodeParameter('endDate', i, ''));
			checkOrder(t, i, startDate, endDate, 'Start Date', 'End Date');
			const extra = await absenceDetails(i, t, t.ctx.getNodeParameter('additionalFields', i, {}) as IDataObject);
			const record: IDataObject = { userId, absenceTypeId, startDate, endDate, ...extra, externalId: extra.externalId ?? newExternalId() };
			return {
				group: 'absence:create',
				method: 'POST',
				path: 'integration/absence/json',
				record,
				batchable: true,
				wrap: (records) => records,
				readBack: readBack(t, (a) => a.externalId === record.externalId),
			};
		},
	},
	update: {
		async write(i, t) {
			const id = t.guid(i, 'Absence ID', t.ctx.getNodeParameter('absenceId', i, ''));
			const changes = await absenceDetails(i, t, t.ctx.getNodeParameter('updateFields', i, {}) as IDataObject);
			return { group: 'absence:update', method: 'PUT', path: 'integration/absence/json', record: { id, ...changes }, batchable: true, wrap: (records) => records, readBack: readBack(t, (a) => sameId(a.id, id)) };
		},
	},
	delete: {
		async write(i, t) {
			const id = t.guid(i, 'Absence ID', t.ctx.getNodeParameter('absenceId', i, ''));
			return { group: 'absence:delete', method: 'DELETE', path: `integration/absence/json/${id}`, record: { id }, batchable: false, echo: { deleted: true, id }, notFoundLabel: `Absence ${id}` };
		},
	},
};

for (const [operation, status] of [
	['approve', 'approved'],
	['reject', 'rejected'],
	['submit', 'submitted'],
] as const) {
	absenceHandlers[operation] = {
		async write(i, t) {
			const id = t.guid(i, 'Absence ID', t.ctx.getNodeParameter('absenceId', i, ''));
			const comment = t.ctx.getNodeParameter('comment', i, '') as string;
			// Status changes are ordinary updates of `status`, so many go out as one PUT.
			return {
				group: 'absence:update',
				method: 'PUT',
				path: 'integration/absence/json',
				record: compact({ id, status, comment }),
				batchable: true,
				wrap: (records) => records,
				readBack: readBack(t, (a) => sameId(a.id, id)),
			};
		},
	};
}
