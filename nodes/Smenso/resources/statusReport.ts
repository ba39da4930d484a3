import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import type { OperationHandler, ReadBack, Tools } from '../engine';
import { param } from '../engine';
import { compact, newExternalId, projectLocator, show, waitFields, writeOptions } from './common';

const R = 'statusReport';
const WRITES = ['create', 'createFromTemplate', 'delete', 'publish', 'update'];

export const statusReportOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [R] } },
	options: [
		{ name: 'Create', value: 'create', action: 'Create a status report', description: 'Create a draft (or published) status report' },
		{ name: 'Create From Template', value: 'createFromTemplate', action: 'Create a status report from a template' },
		{ name: 'Delete', value: 'delete', action: 'Delete a status report', description: 'Delete a draft status report' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many status reports', description: 'Get the status reports of a project (endpoint inferred, see the README)' },
		{ name: 'Publish', value: 'publish', action: 'Publish a status report', description: 'Publish a draft; it cannot be changed afterwards' },
		{ name: 'Update', value: 'update', action: 'Update a status report', description: 'Change a draft status report' },
	],
	default: 'create',
};

const OVERALL = {
	displayName: 'Overall Status',
	name: 'overallStatus',
	type: 'options',
	options: [
		{ name: 'Green', value: 'green' },
		{ name: 'Red', value: 'red' },
		{ name: 'Yellow', value: 'yellow' },
	],
	default: 'green',
} as INodeProperties;

export const statusReportFields: INodeProperties[] = [
	projectLocator(R, ['create', 'createFromTemplate', 'getAll']),
	{
		displayName: 'Status Report ID',
		name: 'statusReportId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e7737f60-d5a8-4b61-8cda-2ad51ccff4dd',
		displayOptions: show(R, ['delete', 'publish', 'update']),
	},
	{
		displayName: 'Template ID',
		name: 'templateId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e7737f60-d5a8-4b61-8cda-2ad51ccff4dd',
		description: 'GUID of the status report template',
		displayOptions: show(R, ['createFromTemplate']),
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(R, ['create']),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, ['create', 'createFromTemplate']),
		options: [
			{ displayName: 'External ID', name: 'externalId', type: 'string', default: '', description: 'Your own key. If empty, the node sets one to read the report back.' },
			OVERALL,
			{ displayName: 'Publish', name: 'isPublished', type: 'boolean', default: false, description: 'Whether to publish at once (a published report cannot be changed)' },
			{ displayName: 'Report Date', name: 'reportDate', type: 'dateTime', default: '' },
			{ displayName: 'Summary', name: 'summary', type: 'string', typeOptions: { rows: 4 }, default: '' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'For reports from a template: overrides the template title' },
		],
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, ['update']),
		options: [
			OVERALL,
			{ displayName: 'Report Date', name: 'reportDate', type: 'dateTime', default: '' },
			{ displayName: 'Summary', name: 'summary', type: 'string', typeOptions: { rows: 4 }, default: '' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	},
	...returnAllOrLimit(R, 'getAll'),
	{
		displayName: 'Published Only',
		name: 'publishedOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to return only published reports',
		displayOptions: show(R, ['getAll']),
	},
	...waitFields(R, WRITES),
	writeOptions(R, WRITES, false),
];

export function reportsOf(t: Tools, projectId: string, itemIndex?: number): Promise<IDataObject[]> {
	return t.get<IDataObject[]>(`integration/statusreport/json/${projectId}`, itemIndex, `Project ${projectId}`);
}

function readBack(t: Tools, projectId: string, externalId: string): ReadBack {
	return { key: `statusreports:${projectId}`, fetch: async () => await reportsOf(t, projectId), match: (list) => list.find((r) => r.externalId === externalId) };
}

async function fields(i: number, t: Tools, source: IDataObject): Promise<IDataObject> {
	const out = compact({ summary: source.summary, overallStatus: source.overallStatus, externalId: source.externalId });
	if (source.title !== undefined) out.title = t.required(i, 'Title', source.title);
	if (source.reportDate) out.reportDate = await t.date(i, 'Report Date', source.reportDate);
	if (source.isPublished === true) out.isPublished = true;
	return out;
}

export const statusReportHandlers: Record<string, OperationHandler> = {
	getAll: {
		async read(i, t) {
			const projectId = t.guid(i, 'Project', param(t.ctx, 'projectId', i));
			const publishedOnly = t.ctx.getNodeParameter('publishedOnly', i, false) as boolean;
			const returnAll = t.ctx.getNodeParameter('returnAll', i, false) as boolean;
			const limit = t.ctx.getNodeParameter('limit', i, 50) as number;
			const list = ((await reportsOf(t, projectId, i)) ?? []).filter((r) => !publishedOnly || r.isPublished === true);
			return returnAll ? list : list.slice(0, limit);
		},
	},
	create: {
		async write(i, t) {
			const projectId = t.guid(i, 'Project', param(t.ctx, 'projectId', i));
			const title = t.required(i, 'Title', t.ctx.getNodeParameter('title', i, ''));
			const extra = await fields(i, t, t.ctx.getNodeParameter('additionalFields', i, {}) as IDataObject);
			const record: IDataObject = { ...extra, projectId, title, externalId: extra.externalId ?? newExternalId() };
			return { group: 'statusreport:create', method: 'POST', path: 'integration/statusreport/json', record, batchable: false, readBack: readBack(t, projectId, String(record.externalId)) };
		},
	},
	createFromTemplate: {
		async write(i, t) {
			const projectId = t.guid(i, 'Project', param(t.ctx, 'projectId', i));
			const templateId = t.guid(i, 'Template ID', t.ctx.getNodeParameter('templateId', i, ''));
			const extra = await fields(i, t, t.ctx.getNodeParameter('additionalFields', i, {}) as IDataObject);
			const record: IDataObject = { ...extra, projectId, externalId: extra.externalId ?? newExternalId() };
			return {
				group: `statusreport:template:${templateId}`,
				method: 'POST',
				path: `integration/template/statusreport/create/json/${templateId}`,
				record,
				batchable: false,
				notFoundLabel: `Status report template ${templateId}`,
				readBack: readBack(t, projectId, String(record.externalId)),
			};
		},
	},
	update: {
		async write(i, t) {
			const id = t.guid(i, 'Status Report ID', t.ctx.getNodeParameter('statusReportId', i, ''));
			const changes = await fields(i, t, t.ctx.getNodeParameter('updateFields', i, {}) as IDataObject);
			return { group: 'statusreport:update', method: 'PUT', path: 'integration/statusreport/json', record: { id, ...changes }, batchable: false, echo: { id } };
		},
	},
	publish: {
		async write(i, t) {
			const id = t.guid(i, 'Status Report ID', t.ctx.getNodeParameter('statusReportId', i, ''));
			return { group: 'statusreport:update', method: 'PUT', path: 'integration/statusreport/json', record: { id, isPublished: true }, batchable: false, echo: { id, isPublished: true } };
		},
	},
	delete: {
		async write(i, t) {
			const id = t.guid(i, 'Status Report ID', t.ctx.getNodeParameter('statusReportId', i, ''));
			return { group: 'statusreport:delete', method: 'DELETE', path: `integration/statusreport/json/${id}`, record: { id }, batchable: false, echo: { deleted: true, id }, notFoundLabel: `Status report ${id}` };
		},
	},
};

