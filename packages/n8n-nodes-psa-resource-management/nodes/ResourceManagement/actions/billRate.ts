import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../../shared/validation';
import type { ResourceModule } from './common';
import {
	api,
	list,
	idOf,
	fieldsToBody,
	locator,
	idField,
	operationProperty,
	show,
	returnAllLimit,
	requireChanges,
} from './common';

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

const billRateProperties: INodeProperties[] = [
	operationProperty(
		BR,
		[
			{ name: 'Create', value: 'create', action: 'Create a project bill rate' },
			{ name: 'Delete', value: 'delete', action: 'Delete a project bill rate' },
			{ name: 'Get', value: 'get', action: 'Get a project bill rate' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many bill rates' },
			{ name: 'Update', value: 'update', action: 'Update a project bill rate' },
		],
		'getAll',
	),
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
	locator('project', 'projectId', 'Project', {
		show: { resource: [BR], operation: ['create', 'delete', 'get', 'update'] },
	}),
	locator('project', 'scopeProjectId', 'Project', show(BR, 'getAll', { scope: ['project'] })),
	idField('billRateId', 'Bill Rate ID', show(BR, ['delete', 'get', 'update'])),
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
	{
		displayName: 'Rebuild Assignments',
		name: 'rebuildAssignments',
		type: 'boolean',
		default: false,
		description: 'Whether to rebuild all assignments of the project with the new rate',
		displayOptions: show(BR, ['create', 'update', 'delete']),
	},
	...returnAllLimit(BR, 'getAll'),
];

function rateBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body = fieldsToBody(ctx, i, fields, {
		dates: ['starts_at', 'ends_at'],
		numbers: ['rate'],
		ids: ['user_id', 'role_id', 'discipline_id'],
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

const billRateHandlers: ResourceModule['handlers'] = {
	async getAll(this: IExecuteFunctions, i: number) {
		if (this.getNodeParameter('scope', i) === 'account') return await list(this, i, '/bill_rates');
		const pid = idOf(this, 'scopeProjectId', i, 'Project');
		return await list(this, i, `/projects/${pid}/bill_rates`, {}, { notFound: `Project ${pid}` });
	},
	async get(this: IExecuteFunctions, i: number) {
		const pid = idOf(this, 'projectId', i, 'Project');
		const id = idOf(this, 'billRateId', i, 'Bill Rate ID');
		return await api(this, i, 'GET', `/projects/${pid}/bill_rates/${id}`, {
			notFound: `Bill rate ${id} of project ${pid}`,
		});
	},
	async create(this: IExecuteFunctions, i: number) {
		const pid = idOf(this, 'projectId', i, 'Project');
		const body = rateBody(this, i, {
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
			rate: this.getNodeParameter('rate', i),
		});
		return await api(this, i, 'POST', `/projects/${pid}/bill_rates`, {
			body: { ...body, assignable_id: pid },
			qs: rebuildQs(this, i),
			notFound: `Project ${pid}`,
		});
	},
	async update(this: IExecuteFunctions, i: number) {
		const pid = idOf(this, 'projectId', i, 'Project');
		const id = idOf(this, 'billRateId', i, 'Bill Rate ID');
		const body = rateBody(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject);
		requireChanges(this, i, body);
		return await api(this, i, 'PUT', `/projects/${pid}/bill_rates/${id}`, {
			body,
			qs: rebuildQs(this, i),
			notFound: `Bill rate ${id} of project ${pid}`,
		});
	},
	async delete(this: IExecuteFunctions, i: number) {
		const pid = idOf(this, 'projectId', i, 'Project');
		const id = idOf(this, 'billRateId', i, 'Bill Rate ID');
		await api(this, i, 'DELETE', `/projects/${pid}/bill_rates/${id}`, {
			qs: rebuildQs(this, i),
			notFound: `Bill rate ${id} of project ${pid}`,
		});
		return { id, deleted: true };
	},
};

export const billRate: ResourceModule = {
	resource: { name: 'Bill Rate', value: BR },
	properties: billRateProperties,
	handlers: billRateHandlers,
};
