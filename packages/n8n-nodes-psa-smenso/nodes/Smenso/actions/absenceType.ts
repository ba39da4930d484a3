/** Absence Type: vacation, sick leave … with or without a yearly budget and approval. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import {
	absenceTypeLocator,
	collection,
	fieldProperty,
	get,
	limitList,
	locatorValue,
	newExternalId,
	plan,
	readOptions,
	required,
	sameId,
	show,
	wireRecord,
	writeTail,
	type Ctx,
	type FieldSpec,
} from './common';

const R = 'absenceType';

const FIELDS: FieldSpec[] = [
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
const EXTERNAL_ID: FieldSpec = { name: 'externalId', label: 'External ID', kind: 'string' };
const TITLE: FieldSpec = { name: 'title', label: 'Title', kind: 'string' };

async function absenceTypesOf(ctx: Ctx, i?: number): Promise<IDataObject[]> {
	const list = await get(ctx, i, 'integration/settings/absencetypes/json');
	return Array.isArray(list) ? list : [];
}

const typeId = (ctx: Ctx, i: number) => locatorValue(ctx, i, 'absenceTypeId', 'Absence Type');

const readBack = (ctx: Ctx, find: (t: IDataObject) => boolean) => ({
	key: 'absencetypes',
	fetch: async () => await absenceTypesOf(ctx),
	match: (list: IDataObject[]) => list.find(find),
});

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create an absence type',
	readOnly: false,
	properties: [
		fieldProperty(TITLE, show(R, ['create']), true),
		collection(
			'additionalFields',
			'Additional Fields',
			[...FIELDS, EXTERNAL_ID],
			show(R, ['create']),
		),
		...writeTail(R, 'create'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const title = required(this, i, 'title', 'Title');
		const record: IDataObject = {
			title,
			...wireRecord(
				this,
				i,
				[...FIELDS, EXTERNAL_ID],
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
			readBack: readBack(this, (t) => t.externalId === record.externalId),
		});
	},
});

const deleteType = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an absence type',
	readOnly: false,
	properties: writeTail(R, 'delete'),
	async handler(this: IExecuteFunctions, i: number) {
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
});

const getOne = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an absence type',
	readOnly: true,
	properties: [readOptions(R, ['get'])],
	async handler(this: IExecuteFunctions, i: number) {
		const id = typeId(this, i);
		return await get<IDataObject>(
			this,
			i,
			`integration/settings/absencetype/json/${id}`,
			undefined,
			`Absence type ${id}`,
		);
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many absence types',
	readOnly: true,
	properties: [...returnAllLimit(R, 'getAll'), readOptions(R, ['getAll'])],
	async handler(this: IExecuteFunctions, i: number) {
		return limitList(this, i, await absenceTypesOf(this, i));
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an absence type',
	readOnly: false,
	properties: [
		collection('updateFields', 'Update Fields', [...FIELDS, TITLE], show(R, ['update'])),
		...writeTail(R, 'update'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = typeId(this, i);
		const changes = wireRecord(
			this,
			i,
			[...FIELDS, TITLE],
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
			readBack: readBack(this, (t) => sameId(t.id, id)),
		});
	},
});

export const absenceType = defineResource({
	value: R,
	name: 'Absence Type',
	defaultOperation: getAll.value,
	properties: [absenceTypeLocator(show(R, ['delete', 'get', 'update']))],
	operations: [create, deleteType, getOne, getAll, update],
});
