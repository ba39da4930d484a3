import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readId, returnAllLimit, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { api, list, locator, requireChanges, requiredText } from './common';
import { projectBody } from './project/fields';

const PH = 'phase';

/** Additional Fields, the last field of Create and Update (a phase is a project in the API). */
const phaseFields = (operation: string): INodeProperties => ({
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	displayOptions: show(PH, operation),
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
});

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a phase',
	readOnly: false,
	properties: [
		{
			displayName: 'Phase Name',
			name: 'phaseName',
			type: 'string',
			required: true,
			default: '',
			displayOptions: show(PH, 'create'),
		},
		phaseFields('create'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const pid = readId(this, i, 'projectId', 'Project');
		const name = requiredText(this, i, 'phaseName', 'Phase Name');
		const extra = { ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
		delete extra.phase_name;
		const body = { ...projectBody(this, i, extra), phase_name: name };
		return await api(this, i, 'POST', `/projects/${pid}/phases`, {
			body,
			notFound: `Project ${pid}`,
		});
	},
});

const remove = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a phase',
	description: 'Only phases without assignments can be deleted',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const pid = readId(this, i, 'projectId', 'Project');
		const id = readId(this, i, 'phaseId', 'Phase');
		await api(this, i, 'DELETE', `/projects/${pid}/phases/${id}`, {
			notFound: `Phase ${id} of project ${pid}`,
		});
		return { id, deleted: true };
	},
});

const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a phase',
	readOnly: true,
	async handler(this: IExecuteFunctions, i: number) {
		readId(this, i, 'projectId', 'Project');
		const id = readId(this, i, 'phaseId', 'Phase');
		return await api(this, i, 'GET', `/projects/${id}`, { notFound: `Phase ${id}` });
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many phases of a project',
	readOnly: true,
	properties: returnAllLimit(PH, 'getAll'),
	async handler(this: IExecuteFunctions, i: number) {
		const pid = readId(this, i, 'projectId', 'Project');
		return await list(this, i, `/projects/${pid}/phases`, {}, { notFound: `Project ${pid}` });
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a phase',
	readOnly: false,
	properties: [phaseFields('update')],
	async handler(this: IExecuteFunctions, i: number) {
		const pid = readId(this, i, 'projectId', 'Project');
		const id = readId(this, i, 'phaseId', 'Phase');
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
});

export const phase = defineResource({
	value: PH,
	name: 'Phase',
	defaultOperation: getAll.value,
	// Which project (every operation) and which of its phases.
	properties: [
		locator(
			'project',
			'projectId',
			'Project',
			show(PH, ['create', 'delete', 'get', 'getAll', 'update']),
		),
		locator('phase', 'phaseId', 'Phase', show(PH, ['delete', 'get', 'update'])),
	],
	operations: [create, remove, get, getAll, update],
});
