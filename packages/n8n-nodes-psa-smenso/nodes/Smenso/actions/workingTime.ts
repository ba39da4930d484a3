/** Working Time: a member's working hours per weekday from a start date ("daily capacity"). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput } from '../../../../shared/validation';
import { zoneFor } from '../engine';
import {
	collection,
	get,
	guidField,
	limitList,
	locatorValue,
	memberLocator,
	newExternalId,
	plan,
	readOptions,
	sameId,
	show,
	wireRecord,
	withHours,
	writeTail,
	type Ctx,
	type FieldSpec,
} from './common';

const R = 'workingTime';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const capital = (day: string) => `${day[0].toUpperCase()}${day.slice(1)}`;
const FIELDS: FieldSpec[] = [
	{ name: 'endDate', label: 'End Date', kind: 'date' },
	...DAYS.map((day) => ({
		name: `${day}Hours`,
		label: `${capital(day)} (Hours)`,
		kind: 'hours' as const,
		wire: `${day}Capacity`,
		description: `Working hours on ${capital(day)}s, e.g. 8 or 7:30 (sent to smenso as minutes)`,
	})),
];
const START_DATE: FieldSpec = { name: 'startDate', label: 'Start Date', kind: 'date' };
const EXTERNAL_ID: FieldSpec = { name: 'externalId', label: 'External ID', kind: 'string' };
/** Minutes on the wire → hours beside them in the output. */
const WORKING_HOURS = Object.fromEntries(DAYS.map((d) => [`${d}Capacity`, `${d}Hours`]));

async function workingTimesOf(
	ctx: Ctx,
	i: number | undefined,
	user?: string,
): Promise<IDataObject[]> {
	const list = await get(
		ctx,
		i,
		`integration/settings/member/workingtime/json${user ? `/${encodeURIComponent(user)}` : ''}`,
		undefined,
		user ? `Member ${user}` : undefined,
	);
	return (Array.isArray(list) ? list : []).map((w) => withHours(w, WORKING_HOURS));
}

const readBack = (ctx: Ctx, find: (w: IDataObject) => boolean) => ({
	key: 'workingtimes',
	fetch: async () => await workingTimesOf(ctx, undefined),
	match: (list: IDataObject[]) => list.find(find),
});

const workingTimeId = (ctx: Ctx, i: number) =>
	locatorValue(ctx, i, 'workingTimeId', 'Working Time ID');

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Set the working time of a member',
	description: 'Hours per weekday from a start date',
	readOnly: false,
	properties: [
		memberLocator(show(R, ['create']), 'userId'),
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'From which day these hours apply',
			displayOptions: show(R, ['create']),
		},
		collection(
			'additionalFields',
			'Hours per Weekday',
			[...FIELDS, EXTERNAL_ID],
			show(R, ['create']),
		),
		...writeTail(R, 'create'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const zone = await zoneFor(this, i);
		const userId = locatorValue(this, i, 'userId', 'Member', { email: true });
		const startDate = wireRecord(
			this,
			i,
			[START_DATE],
			{ startDate: this.getNodeParameter('startDate', i, '') } as IDataObject,
			zone.iana,
		).startDate;
		if (!startDate) throw invalidInput(this.getNode(), i, 'Start Date', 'is required');
		const record: IDataObject = {
			userId,
			startDate,
			...wireRecord(
				this,
				i,
				[...FIELDS, EXTERNAL_ID],
				this.getNodeParameter('additionalFields', i, {}) as IDataObject,
				zone.iana,
			),
		};
		record.externalId ??= newExternalId(this, i);
		return await plan(this, i, {
			group: 'workingtime:create',
			method: 'POST',
			paths: ['integration/settings/member/workingtime/json'],
			route: 'workingtime:create',
			envelope: { key: 'memberWorkingTime', timezone: true },
			record,
			batchable: true,
			expect: 'created',
			readBack: readBack(this, (w) => w.externalId === record.externalId),
		});
	},
});

const deleteWorkingTime = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a working time',
	readOnly: false,
	properties: writeTail(R, 'delete'),
	async handler(this: IExecuteFunctions, i: number) {
		const id = workingTimeId(this, i);
		return await plan(this, i, {
			group: 'workingtime:delete',
			method: 'DELETE',
			paths: [`integration/settings/member/workingtime/json/${id}`],
			route: 'workingtime:delete',
			batchable: false,
			expect: 'deleted',
			echo: { id, deleted: true },
			notFoundLabel: `Working time ${id}`,
		});
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get working times',
	description: 'Of every member, or of one',
	readOnly: true,
	properties: [
		{
			displayName: 'Only One Member',
			name: 'oneMember',
			type: 'boolean',
			default: false,
			description: 'Whether to read the working times of one member only',
			displayOptions: show(R, ['getAll']),
		},
		memberLocator(show(R, ['getAll'], { oneMember: [true] }), 'memberFilter'),
		...returnAllLimit(R, 'getAll'),
		readOptions(R, ['getAll']),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const user = this.getNodeParameter('oneMember', i, false)
			? locatorValue(this, i, 'memberFilter', 'Member', { email: true })
			: undefined;
		return limitList(this, i, await workingTimesOf(this, i, user));
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a working time',
	readOnly: false,
	properties: [
		collection('updateFields', 'Update Fields', [...FIELDS, START_DATE], show(R, ['update'])),
		...writeTail(R, 'update'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const zone = await zoneFor(this, i);
		const id = workingTimeId(this, i);
		const changes = wireRecord(
			this,
			i,
			[...FIELDS, START_DATE],
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
			zone.iana,
		);
		return await plan(this, i, {
			group: 'workingtime:update',
			method: 'PUT',
			paths: ['integration/settings/member/workingtime/json'],
			route: 'workingtime:update',
			envelope: { key: 'memberWorkingTime', timezone: true },
			record: { id, ...changes },
			batchable: true,
			expect: 'modified',
			readBack: readBack(this, (w) => sameId(w.id, id)),
		});
	},
});

export const workingTime = defineResource({
	value: R,
	name: 'Working Time',
	description: 'Working hours per weekday of members',
	defaultOperation: getAll.value,
	properties: [
		guidField(
			'workingTimeId',
			'Working Time ID',
			show(R, ['delete', 'update']),
			'The ID of the working time entry ("daily capacity ID")',
		),
	],
	operations: [create, deleteWorkingTime, getAll, update],
});
