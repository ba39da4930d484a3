import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from './common';
import { projectBody } from './project';
import {
	api,
	list,
	idOf,
	locator,
	operationProperty,
	show,
	returnAllLimit,
	requireChanges,
	requiredText,
} from './common';

const PH = 'phase';

const phaseProperties: INodeProperties[] = [
	operationProperty(
		PH,
		[
			{ name: 'Create', value: 'create', action: 'Create a phase' },
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a phase',
				description: 'Only phases without assignments can be deleted',
			},
			{ name: 'Get', value: 'get', action: 'Get a phase' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many phases of a project' },
			{ name: 'Update', value: 'update', action: 'Update a phase' },
		],
		'getAll',
	),
	locator(
		'project',
		'projectId',
		'Project',
		show(PH, ['create', 'delete', 'get', 'getAll', 'update']),
	),
	locator('phase', 'phaseId', 'Phase', show(PH, ['delete', 'get', 'update'])),
	{
		displayName: 'Phase Name',
		name: 'phaseName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(PH, 'create'),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(PH, ['create', 'update']),
		options: [
			{ displayName: 'End Date', name: 'ends_at', type: 'dateTime', default: '' },
			{
				displayName: 'Phase Name',
				name: 'phase_name',
				type: 'string',
				default: '',
				description: 'New name (update only)',
			},
			{ displayName: 'Start Date', name: 'starts_at', type: 'dateTime', default: '' },
			{
				displayName: 'Use Parent Bill Rates',
				name: 'use_parent_bill_rates',
				type: 'boolean',
				default: true,
				description: "Whether the phase inherits the project's bill rates",
			},
		],
	},
	...returnAllLimit(PH, 'getAll'),
];

const phaseHandlers: ResourceModule['handlers'] = {
	async create(this: IExecuteFunctions, i: number) {
		const pid = idOf(this, 'projectId', i, 'Project');
		const name = requiredText(this, i, 'phaseName', 'Phase Name');
		const extra = { ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
		delete extra.phase_name;
		const body = { ...projectBody(this, i, extra), phase_name: name };
		return await api(this, i, 'POST', `/projects/${pid}/phases`, {
			body,
			notFound: `Project ${pid}`,
		});
	},
	async update(this: IExecuteFunctions, i: number) {
		const pid = idOf(this, 'projectId', i, 'Project');
		const id = idOf(this, 'phaseId', i, 'Phase');
		const body = projectBody(
			this,
			i,
			this.getNodeParameter('additionalFields', i, {}) as IDataObject,
		);
		requireChanges(this, i, body, 'Additional Fields');
		return await api(this, i, 'PUT', `/projects/${pid}/phases/${id}`, {
			body,
			notFound: `Phase ${id} of project ${pid}`,
		});
	},
	async delete(this: IExecuteFunctions, i: number) {
		const pid = idOf(this, 'projectId', i, 'Project');
		const id = idOf(this, 'phaseId', i, 'Phase');
		await api(this, i, 'DELETE', `/projects/${pid}/phases/${id}`, {
			notFound: `Phase ${id} of project ${pid}`,
		});
		return { id, deleted: true };
	},
	async get(this: IExecuteFunctions, i: number) {
		idOf(this, 'projectId', i, 'Project');
		const id = idOf(this, 'phaseId', i, 'Phase');
		return await api(this, i, 'GET', `/projects/${id}`, { notFound: `Phase ${id}` });
	},
	async getAll(this: IExecuteFunctions, i: number) {
		const pid = idOf(this, 'projectId', i, 'Project');
		return await list(this, i, `/projects/${pid}/phases`, {}, { notFound: `Project ${pid}` });
	},
};

export const phase: ResourceModule = {
	resource: { name: 'Phase', value: PH },
	properties: phaseProperties,
	handlers: phaseHandlers,
};
