import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idField, readId, returnAllLimit, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput } from '../../../../shared/validation';
import { api, fieldsToBody, list, locator, requireChanges } from './common';

const AV = 'availability';
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const dayField = (d: string, k: number): INodeProperties => ({
	displayName: `${d} Hours`,
	name: `day${k}`,
	type: 'number',
	default: 8,
	typeOptions: { minValue: 0, maxValue: 24, numberPrecision: 2 },
	description: `Available hours on ${d}s`,
});

const endField: INodeProperties = {
	displayName: 'End Date',
	name: 'ends_at',
	type: 'dateTime',
	default: '',
	description: 'Empty: applies indefinitely into the future',
};
const startField: INodeProperties = {
	displayName: 'Start Date',
	name: 'starts_at',
	type: 'dateTime',
	default: '',
	description: 'Empty: applies indefinitely into the past',
};
const availabilityFields: INodeProperties[] = [endField, ...DAYS.map(dayField), startField].sort(
	(a, b) => a.displayName.localeCompare(b.displayName),
);

function availabilityBody(ctx: IExecuteFunctions, i: number): IDataObject {
	const fields = ctx.getNodeParameter('availabilityFields', i, {}) as IDataObject;
	const labels: Record<string, string> = { starts_at: 'Start Date', ends_at: 'End Date' };
	DAYS.forEach((d, k) => (labels[`day${k}`] = `${d} Hours`));
	const body = fieldsToBody(ctx, i, fields, {
		dates: ['starts_at', 'ends_at'],
		numbers: DAYS.map((_, k) => `day${k}`),
		labels,
	});
	for (let k = 0; k < 7; k++) {
		const v = body[`day${k}`] as number | undefined;
		if (v !== undefined && (v < 0 || v > 24))
			throw invalidInput(
				ctx.getNode(),
				i,
				`${DAYS[k]} Hours`,
				`must be between 0 and 24, got ${v}`,
			);
	}
	if (body.starts_at && body.ends_at && String(body.ends_at) < String(body.starts_at))
		throw invalidInput(ctx.getNode(), i, 'End Date', 'must not be before the start date');
	return body;
}

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Set custom working hours',
	description: 'Custom work hours for a person in a date range (e.g. part time)',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const uid = readId(this, i, 'userId', 'Person');
		return await api(this, i, 'POST', `/users/${uid}/availabilities`, {
			body: availabilityBody(this, i),
			notFound: `Person ${uid}`,
		});
	},
});

const remove = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an availability block',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const uid = readId(this, i, 'userId', 'Person');
		const id = readId(this, i, 'availabilityId', 'Availability ID');
		await api(this, i, 'DELETE', `/users/${uid}/availabilities/${id}`, {
			notFound: `Availability ${id} of person ${uid}`,
		});
		return { id, deleted: true };
	},
});

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an availability block',
	readOnly: true,
	async handler(this: IExecuteFunctions, i: number) {
		const uid = readId(this, i, 'userId', 'Person');
		const id = readId(this, i, 'availabilityId', 'Availability ID');
		return await api(this, i, 'GET', `/users/${uid}/availabilities/${id}`, {
			notFound: `Availability ${id} of person ${uid}`,
		});
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many availability blocks of a person',
	readOnly: true,
	properties: returnAllLimit(AV, 'getAll'),
	async handler(this: IExecuteFunctions, i: number) {
		const uid = readId(this, i, 'userId', 'Person');
		return await list(this, i, `/users/${uid}/availabilities`, {}, { notFound: `Person ${uid}` });
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an availability block',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const uid = readId(this, i, 'userId', 'Person');
		const id = readId(this, i, 'availabilityId', 'Availability ID');
		const body = availabilityBody(this, i);
		requireChanges(this, i, body, 'Fields');
		return await api(this, i, 'PUT', `/users/${uid}/availabilities/${id}`, {
			body,
			notFound: `Availability ${id} of person ${uid}`,
		});
	},
});

export const availability = defineResource({
	value: AV,
	name: 'Person Availability',
	defaultOperation: getAll.value,
	// Whose availability (every operation), which block, and the hours (Create, Update).
	properties: [
		locator('user', 'userId', 'Person', show(AV, ['create', 'delete', 'get', 'getAll', 'update'])),
		idField('availabilityId', 'Availability ID', show(AV, ['delete', 'get', 'update'])),
		{
			displayName: 'Fields',
			name: 'availabilityFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(AV, ['create', 'update']),
			options: availabilityFields,
		},
	],
	operations: [create, remove, get, getAll, update],
});
