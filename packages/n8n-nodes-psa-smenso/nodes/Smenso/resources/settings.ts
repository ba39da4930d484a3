/** Members, absence types, working times, invitations, flavors, time zones, tickets (vendor node newer generation, P2, P4). */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../../../../shared/execute';
import { operationProperty } from '../../../../shared/kit';
import { vendorRequest } from '../../../../shared/transport';
import { invalidInput } from '../../../../shared/validation';
import { zoneFor } from '../engine';
import { smensoProfile, ticketSummary } from '../transport';
import {
	collection,
	contains,
	fieldProperty,
	get,
	guidField,
	limitList,
	locatorValue,
	memberLocator,
	newExternalId,
	plan,
	readOptions,
	required,
	returnAllLimit,
	sameId,
	send,
	show,
	waitFields,
	wireRecord,
	withHours,
	writeOptions,
	absenceTypeLocator,
	type Ctx,
	type FieldSpec,
} from './common';

// ---------------------------------------------------------------- members

const M = 'member';

export const memberOperations = operationProperty(
	M,
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many members',
			description: 'Members with their settings (working time, hourly rate, teams, flavors)',
		},
		{
			name: 'Update Custom Fields',
			value: 'update',
			action: "Update a member's custom fields",
			description: "Set a member's person flavors",
		},
	],
	'getAll',
);

export const memberFields: INodeProperties[] = [
	memberLocator(show(M, ['update']), 'memberId'),
	fieldProperty(
		{ name: 'flavors', label: 'Custom Fields (Flavors)', kind: 'flavors' },
		show(M, ['update']),
		true,
	),
	...returnAllLimit(M, 'getAll'),
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Only members whose name or e-mail contains this text',
		displayOptions: show(M, ['getAll']),
	},
	readOptions(M, ['getAll']),
	...waitFields(M, ['update']),
	writeOptions(M, ['update'], true),
];

export async function membersOf(ctx: Ctx, i?: number): Promise<IDataObject[]> {
	const list = await get(ctx, i, 'integration/settings/member/json');
	return Array.isArray(list) ? list : [];
}

export const memberHandlers: Record<string, OperationHandler> = {
	async getAll(i) {
		const search = this.getNodeParameter('search', i, '');
		return limitList(this, i, await membersOf(this, i), (m) =>
			contains(m, search, ['firstName', 'lastName', 'email']),
		);
	},
	async update(i) {
		const id = locatorValue(this, i, 'memberId', 'Member', { email: true });
		const zone = await zoneFor(this, i);
		const { flavor } = wireRecord(
			this,
			i,
			[{ name: 'flavors', label: 'Custom Fields (Flavors)', kind: 'flavors', wire: 'flavor' }],
			{ flavors: this.getNodeParameter('flavors', i, '') } as IDataObject,
			zone.iana,
		);
		if (!Array.isArray(flavor) || !flavor.length)
			throw invalidInput(
				this.getNode(),
				i,
				'Custom Fields (Flavors)',
				'is required: one Name=Value per line',
			);
		return await plan(this, i, {
			group: 'member:update',
			method: 'PUT',
			paths: ['integration/settings/member/json'],
			route: 'member:update',
			envelope: { key: 'member', timezone: true },
			record: { id, flavor },
			batchable: true,
			expect: 'modified',
			readBack: {
				key: 'members',
				fetch: async () => await membersOf(this),
				match: (list) => list.find((m) => sameId(m.id, id) || sameId(m.email, id)),
			},
		});
	},
};

// ---------------------------------------------------------------- absence types

const T = 'absenceType';
const T_WRITES = ['create', 'delete', 'update'];

export const absenceTypeOperations = operationProperty(
	T,
	[
		{ name: 'Create', value: 'create', action: 'Create an absence type' },
		{ name: 'Delete', value: 'delete', action: 'Delete an absence type' },
		{ name: 'Get', value: 'get', action: 'Get an absence type' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many absence types' },
		{ name: 'Update', value: 'update', action: 'Update an absence type' },
	],
	'getAll',
);

const TYPE_FIELDS: FieldSpec[] = [
	{
		name: 'includeInHolidaysOverview',
		label: 'Show in Holidays Overview',
		kind: 'boolean',
		default: true,
	},
	{
		name: 'isApprovalNecessary',
		label: 'Needs Approval',
		kind: 'boolean',
		description: 'Whether absences of this type must be approved',
	},
	{
		name: 'recommendedApprovers',
		label: 'Recommended Approvers',
		kind: 'string',
		description: 'E-mail addresses, separated by commas',
	},
	{
		name: 'type',
		label: 'Budget',
		kind: 'options',
		options: [
			['Limited (Yearly Budget)', 'limited'],
			['Unlimited', 'unlimited'],
		],
		default: 'unlimited',
	},
	{ name: 'yearlyBudget', label: 'Yearly Budget (Days)', kind: 'number', min: 0 },
];

export const absenceTypeFields: INodeProperties[] = [
	absenceTypeLocator(show(T, ['delete', 'get', 'update'])),
	fieldProperty({ name: 'title', label: 'Title', kind: 'string' }, show(T, ['create']), true),
	collection(
		'additionalFields',
		'Additional Fields',
		[...TYPE_FIELDS, { name: 'externalId', label: 'External ID', kind: 'string' }],
		show(T, ['create']),
	),
	collection(
		'updateFields',
		'Update Fields',
		[...TYPE_FIELDS, { name: 'title', label: 'Title', kind: 'string' }],
		show(T, ['update']),
	),
	...returnAllLimit(T, 'getAll'),
	readOptions(T, ['get', 'getAll']),
	...waitFields(T, T_WRITES),
	writeOptions(T, T_WRITES, true),
];

export async function absenceTypesOf(ctx: Ctx, i?: number): Promise<IDataObject[]> {
	const list = await get(ctx, i, 'integration/settings/absencetypes/json');
	return Array.isArray(list) ? list : [];
}

const typeId = (ctx: Ctx, i: number) => locatorValue(ctx, i, 'absenceTypeId', 'Absence Type');

export const absenceTypeHandlers: Record<string, OperationHandler> = {
	async getAll(i) {
		return limitList(this, i, await absenceTypesOf(this, i));
	},
	async get(i) {
		const id = typeId(this, i);
		return await get<IDataObject>(
			this,
			i,
			`integration/settings/absencetype/json/${id}`,
			undefined,
			`Absence type ${id}`,
		);
	},
	async create(i) {
		const title = required(this, i, 'title', 'Title');
		const record: IDataObject = {
			title,
			...wireRecord(
				this,
				i,
				[...TYPE_FIELDS, { name: 'externalId', label: 'External ID', kind: 'string' }],
				this.getNodeParameter('additionalFields', i, {}) as IDataObject,
				'UTC',
			),
		};
		record.externalId ??= newExternalId(this, i);
		return await plan(this, i, {
			group: 'absencetype:create',
			method: 'POST',
			paths: ['integration/settings/absencetype/json'],
			route: 'absencetype:create',
			envelope: { key: 'absenceType', timezone: false },
			record,
			batchable: true,
			expect: 'created',
			readBack: {
				key: 'absencetypes',
				fetch: async () => await absenceTypesOf(this),
				match: (list) => list.find((t) => t.externalId === record.externalId),
			},
		});
	},
	async update(i) {
		const id = typeId(this, i);
		const changes = wireRecord(
			this,
			i,
			[...TYPE_FIELDS, { name: 'title', label: 'Title', kind: 'string' }],
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
			'UTC',
		);
		return await plan(this, i, {
			group: 'absencetype:update',
			method: 'PUT',
			paths: ['integration/settings/absencetype/json'],
			route: 'absencetype:update',
			envelope: { key: 'absenceType', timezone: false },
			record: { id, ...changes },
			batchable: true,
			expect: 'modified',
			readBack: {
				key: 'absencetypes',
				fetch: async () => await absenceTypesOf(this),
				match: (list) => list.find((t) => sameId(t.id, id)),
			},
		});
	},
	async delete(i) {
		const id = typeId(this, i);
		return await plan(this, i, {
			group: 'absencetype:delete',
			method: 'DELETE',
			paths: [`integration/settings/absencetype/json/${id}`],
			route: 'absencetype:delete',
			batchable: false,
			expect: 'deleted',
			echo: { id, deleted: true },
			notFoundLabel: `Absence type ${id}`,
		});
	},
};

// ---------------------------------------------------------------- working times

const W = 'workingTime';
const W_WRITES = ['create', 'delete', 'update'];

export const workingTimeOperations = operationProperty(
	W,
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Set the working time of a member',
			description: 'Hours per weekday from a start date',
		},
		{ name: 'Delete', value: 'delete', action: 'Delete a working time' },
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get working times',
			description: 'Of every member, or of one',
		},
		{ name: 'Update', value: 'update', action: 'Update a working time' },
	],
	'getAll',
);

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DAY_FIELDS: FieldSpec[] = DAYS.map((day) => ({
	name: `${day}Hours`,
	label: `${day[0].toUpperCase()}${day.slice(1)} (Hours)`,
	kind: 'hours' as const,
	wire: `${day}Capacity`,
	description: `Working hours on ${day[0].toUpperCase()}${day.slice(1)}s, e.g. 8 or 7:30 (sent to smenso as minutes)`,
}));
const WT_FIELDS: FieldSpec[] = [
	{ name: 'endDate', label: 'End Date', kind: 'date' },
	...DAY_FIELDS,
];
export const WORKING_HOURS = Object.fromEntries(DAYS.map((d) => [`${d}Capacity`, `${d}Hours`]));

export const workingTimeFields: INodeProperties[] = [
	memberLocator(show(W, ['create']), 'userId'),
	{
		displayName: 'Only One Member',
		name: 'oneMember',
		type: 'boolean',
		default: false,
		description: 'Whether to read the working times of one member only',
		displayOptions: show(W, ['getAll']),
	},
	memberLocator(show(W, ['getAll'], { oneMember: [true] }), 'memberFilter'),
	guidField(
		'workingTimeId',
		'Working Time ID',
		show(W, ['delete', 'update']),
		'The ID of the working time entry ("daily capacity ID")',
	),
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'From which day these hours apply',
		displayOptions: show(W, ['create']),
	},
	collection(
		'additionalFields',
		'Hours per Weekday',
		[...WT_FIELDS, { name: 'externalId', label: 'External ID', kind: 'string' }],
		show(W, ['create']),
	),
	collection(
		'updateFields',
		'Update Fields',
		[...WT_FIELDS, { name: 'startDate', label: 'Start Date', kind: 'date' }],
		show(W, ['update']),
	),
	...returnAllLimit(W, 'getAll'),
	readOptions(W, ['getAll']),
	...waitFields(W, W_WRITES),
	writeOptions(W, W_WRITES, true),
];

export async function workingTimesOf(
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

export const workingTimeHandlers: Record<string, OperationHandler> = {
	async getAll(i) {
		const user = this.getNodeParameter('oneMember', i, false)
			? locatorValue(this, i, 'memberFilter', 'Member', { email: true })
			: undefined;
		return limitList(this, i, await workingTimesOf(this, i, user));
	},
	async create(i) {
		const zone = await zoneFor(this, i);
		const userId = locatorValue(this, i, 'userId', 'Member', { email: true });
		const startDate = wireRecord(
			this,
			i,
			[{ name: 'startDate', label: 'Start Date', kind: 'date' }],
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
				[...WT_FIELDS, { name: 'externalId', label: 'External ID', kind: 'string' }],
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
			readBack: {
				key: 'workingtimes',
				fetch: async () => await workingTimesOf(this, undefined),
				match: (list) => list.find((w) => w.externalId === record.externalId),
			},
		});
	},
	async update(i) {
		const zone = await zoneFor(this, i);
		const id = locatorValue(this, i, 'workingTimeId', 'Working Time ID');
		const changes = wireRecord(
			this,
			i,
			[...WT_FIELDS, { name: 'startDate', label: 'Start Date', kind: 'date' }],
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
			readBack: {
				key: 'workingtimes',
				fetch: async () => await workingTimesOf(this, undefined),
				match: (list) => list.find((w) => sameId(w.id, id)),
			},
		});
	},
	async delete(i) {
		const id = locatorValue(this, i, 'workingTimeId', 'Working Time ID');
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
};

// ---------------------------------------------------------------- invitations

const I = 'invitation';

export const invitationOperations = operationProperty(
	I,
	[
		{ name: 'Invite Guest', value: 'inviteGuest', action: 'Invite a guest to the workspace' },
		{ name: 'Invite Member', value: 'inviteMember', action: 'Invite a member to the workspace' },
	],
	'inviteMember',
);

export const invitationFields: INodeProperties[] = [
	{
		displayName: 'E-Mail',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: show(I, ['inviteGuest', 'inviteMember']),
	},
	{
		displayName: 'Role',
		name: 'memberRole',
		type: 'options',
		options: [
			{ name: 'Admin', value: 'admin' },
			{ name: 'Member', value: 'member' },
			{ name: 'Read-Only Member', value: 'read-only-member' },
			{ name: 'Restricted Member', value: 'restricted-member' },
		],
		default: 'member',
		displayOptions: show(I, ['inviteMember']),
	},
	{
		displayName: 'Role',
		name: 'guestRole',
		type: 'options',
		options: [
			{ name: 'Guest', value: 'guest' },
			{ name: 'Read-Only Guest', value: 'read-only-guest' },
			{ name: 'Restricted Guest', value: 'restricted-guest' },
		],
		default: 'guest',
		displayOptions: show(I, ['inviteGuest']),
	},
	{
		displayName: 'Invitation Language',
		name: 'locale',
		type: 'options',
		options: [
			{ name: 'English', value: 'en' },
			{ name: 'German', value: 'de' },
		],
		default: 'de',
		displayOptions: show(I, ['inviteGuest', 'inviteMember']),
	},
];

async function invite(ctx: Ctx, i: number, kind: 'members' | 'guests'): Promise<IDataObject[]> {
	const email = required(ctx, i, 'email', 'E-Mail');
	if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
		throw invalidInput(ctx.getNode(), i, 'E-Mail', `must be an e-mail address, got "${email}"`);
	const role = ctx.getNodeParameter(kind === 'members' ? 'memberRole' : 'guestRole', i) as string;
	const locale = ctx.getNodeParameter('locale', i, 'de') as string;
	const answer = await send<IDataObject>(ctx, i, {
		method: 'POST',
		path: `integration/workspace/invite/${kind}/json`,
		body: { invites: [{ email, role, locale }] },
	});
	const list = answer && Array.isArray(answer.invites) ? (answer.invites as IDataObject[]) : [];
	return list.length ? list : [{ email, role, locale, status: 'invited' }];
}

export const invitationHandlers: Record<string, OperationHandler> = {
	async inviteMember(i) {
		return await invite(this, i, 'members');
	},
	async inviteGuest(i) {
		return await invite(this, i, 'guests');
	},
};

// ---------------------------------------------------------------- flavors (custom field definitions)

const FL = 'flavor';

export const flavorOperations = operationProperty(
	FL,
	[
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a custom field',
			description: 'Delete a flavor definition of the workspace',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many custom fields',
			description: 'The flavor definitions of the workspace',
		},
	],
	'getAll',
);

export const flavorFields: INodeProperties[] = [
	guidField('flavorId', 'Flavor ID', show(FL, ['delete'])),
	...returnAllLimit(FL, 'getAll'),
	readOptions(FL, ['getAll']),
];

export const flavorHandlers: Record<string, OperationHandler> = {
	async getAll(i) {
		const list = await get(this, i, 'integration/flavor/json');
		return limitList(this, i, Array.isArray(list) ? list : []);
	},
	async delete(i) {
		const id = locatorValue(this, i, 'flavorId', 'Flavor ID');
		const answer = await send<IDataObject>(this, i, {
			method: 'DELETE',
			path: `integration/flavor/json/${id}`,
			notFoundLabel: `Flavor ${id}`,
		});
		return { id, deleted: true, ...(answer && typeof answer === 'object' ? answer : {}) };
	},
};

// ---------------------------------------------------------------- time zones, tickets

export const timezoneOperations = operationProperty(
	'timezone',
	[{ name: 'Get Many', value: 'getAll', action: 'Get the supported time zones' }],
	'getAll',
);
export const timezoneFields: INodeProperties[] = [];
export const timezoneHandlers: Record<string, OperationHandler> = {
	async getAll(i) {
		const body = await vendorRequest.call(this, smensoProfile, {
			method: 'GET',
			path: 'integration/timezones/json',
			itemIndex: i,
		});
		return (Array.isArray(body) ? body : []).map((z) =>
			typeof z === 'string' ? { id: z } : (z as IDataObject),
		);
	},
};

export const ticketOperations = operationProperty(
	'ticket',
	[
		{
			name: 'Get Status',
			value: 'get',
			action: 'Get the status of a ticket',
			description: 'Read the outcome of an asynchronous change (counts and messages)',
		},
	],
	'get',
);
export const ticketFields: INodeProperties[] = [
	guidField(
		'ticketId',
		'Ticket ID',
		show('ticket', ['get']),
		'The ID returned by a write with Wait for Completion off, or named in a timeout error',
	),
	{
		displayName: 'Include Raw Status',
		name: 'raw',
		type: 'boolean',
		default: false,
		description: 'Whether to add the unmodified status body under "raw"',
		displayOptions: show('ticket', ['get']),
	},
];
export const ticketHandlers: Record<string, OperationHandler> = {
	async get(i) {
		const id = locatorValue(this, i, 'ticketId', 'Ticket ID');
		const body = (await vendorRequest.call(this, smensoProfile, {
			method: 'GET',
			path: `integration/status/json/${id}`,
			itemIndex: i,
			notFoundLabel: `Ticket ${id}`,
		})) as IDataObject;
		const summary = ticketSummary(body ?? {});
		return this.getNodeParameter('raw', i, false) ? { ...summary, raw: body } : summary;
	},
};
