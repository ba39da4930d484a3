import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idField, readId, returnAllLimit, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput } from '../../../../shared/validation';
import { api, fieldsToBody, list, locator, requireChanges } from './common';

const BR = 'billRate';

const billRateFields: INodeProperties[] = [
	{
		displayName: 'Discipline ID',
		name: 'discipline_id',
		type: 'string',
		default: '',
		description: 'A discipline-specific rate (not together with a person)',
	},
	{ displayName: 'End Date', name: 'ends_at', type: 'dateTime', default: '' },
	{
		displayName: 'Person ID',
		name: 'user_id',
		type: 'string',
		default: '',
		description: 'A rate for one person (or placeholder) on this project',
	},
	{
		displayName: 'Role ID',
		name: 'role_id',
		type: 'string',
		default: '',
		description: 'A role-specific rate (not together with a person)',
	},
	{
		displayName: 'Start Date',
		name: 'starts_at',
		type: 'dateTime',
		default: '',
		description: 'Dated rates win over the default rate from this date',
	},
];

/** Rebuild Assignments, last field of Create, Update and Delete. */
const rebuildField = (operation: string): INodeProperties => ({
	displayName: 'Rebuild Assignments',
	name: 'rebuildAssignments',
	type: 'boolean',
	default: false,
	description: 'Whether to rebuild all assignments of the project with the new rate',
	displayOptions: show(BR, operation),
});

/** The rate fields of one collection parameter (`additionalFields`, `updateFields`) as a body. */
function rateBody(
	ctx: IExecuteFunctions,
	i: number,
	collection: string,
	fields: IDataObject,
): IDataObject {
	const body = fieldsToBody(ctx, i, fields, {
		dates: ['starts_at', 'ends_at'],
		numbers: ['rate'],
		ids: { collection, keys: ['user_id', 'role_id', 'discipline_id'] },
		labels: {
			starts_at: 'Start Date',
			ends_at: 'End Date',
			rate: 'Rate',
			user_id: 'Person ID',
			role_id: 'Role ID',
			discipline_id: 'Discipline ID',
		},
	});
	if (body.rate !== undefined && (body.rate as number) < 0)
		throw invalidInput(ctx.getNode(), i, 'Rate', 'must not be negative');
	if (body.user_id && (body.role_id || body.discipline_id)) {
		throw invalidInput(
			ctx.getNode(),
			i,
			'Role ID',
			'a rate for one person must not name a role or discipline',
		);
	}
	return body;
}

const rebuildQs = (ctx: IExecuteFunctions, i: number) =>
	ctx.getNodeParameter('rebuildAssignments', i, false) ? { rebuild_assignments: true } : undefined;

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a project bill rate',
	readOnly: false,
	properties: [
		{
			displayName: 'Rate',
			name: 'rate',
			type: 'number',
			required: true,
			default: 100,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			description: 'Hourly rate',
			displayOptions: show(BR, 'create'),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(BR, 'create'),
			options: billRateFields,
		},
		rebuildField('create'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const pid = readId(this, i, 'projectId', 'Project');
		const body = rateBody(this, i, 'additionalFields', {
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
			rate: this.getNodeParameter('rate', i),
		});
		return await api(this, i, 'POST', `/projects/${pid}/bill_rates`, {
			body: { ...body, assignable_id: pid },
			qs: rebuildQs(this, i),
			notFound: `Project ${pid}`,
		});
	},
});

const remove = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a project bill rate',
	readOnly: false,
	properties: [rebuildField('delete')],
	async handler(this: IExecuteFunctions, i: number) {
		const pid = readId(this, i, 'projectId', 'Project');
		const id = readId(this, i, 'billRateId', 'Bill Rate ID');
		await api(this, i, 'DELETE', `/projects/${pid}/bill_rates/${id}`, {
			qs: rebuildQs(this, i),
			notFound: `Bill rate ${id} of project ${pid}`,
		});
		return { id, deleted: true };
	},
});

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a project bill rate',
	readOnly: true,
	async handler(this: IExecuteFunctions, i: number) {
		const pid = readId(this, i, 'projectId', 'Project');
		const id = readId(this, i, 'billRateId', 'Bill Rate ID');
		return await api(this, i, 'GET', `/projects/${pid}/bill_rates/${id}`, {
			notFound: `Bill rate ${id} of project ${pid}`,
		});
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many bill rates',
	readOnly: true,
	properties: [
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			default: 'project',
			displayOptions: show(BR, 'getAll'),
			options: [
				{ name: 'Account Defaults', value: 'account' },
				{ name: 'One Project', value: 'project' },
			],
		},
		locator('project', 'scopeProjectId', 'Project', show(BR, 'getAll', { scope: ['project'] })),
		...returnAllLimit(BR, 'getAll'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		if (this.getNodeParameter('scope', i) === 'account') return await list(this, i, '/bill_rates');
		const pid = readId(this, i, 'scopeProjectId', 'Project');
		return await list(this, i, `/projects/${pid}/bill_rates`, {}, { notFound: `Project ${pid}` });
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a project bill rate',
	readOnly: false,
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(BR, 'update'),
			options: [
				...billRateFields,
				{
					displayName: 'Rate',
					name: 'rate',
					type: 'number',
					default: 100,
					typeOptions: { minValue: 0, numberPrecision: 2 },
				} as INodeProperties,
			].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
		rebuildField('update'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const pid = readId(this, i, 'projectId', 'Project');
		const id = readId(this, i, 'billRateId', 'Bill Rate ID');
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body = rateBody(this, i, 'updateFields', fields);
		requireChanges(this, i, body);
		return await api(this, i, 'PUT', `/projects/${pid}/bill_rates/${id}`, {
			body,
			qs: rebuildQs(this, i),
			notFound: `Bill rate ${id} of project ${pid}`,
		});
	},
});

export const billRate = defineResource({
	value: BR,
	name: 'Bill Rate',
	defaultOperation: getAll.value,
	// Which project (and which of its rates) for every operation but Get Many.
	properties: [
		locator('project', 'projectId', 'Project', show(BR, ['create', 'delete', 'get', 'update'])),
		idField('billRateId', 'Bill Rate ID', show(BR, ['delete', 'get', 'update'])),
	],
	operations: [create, remove, get, getAll, update],
});
