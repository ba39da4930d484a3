import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../shared/descriptions';
import { vendorRequest } from '../../shared/transport';
import type { OperationHandler, Tools } from '../engine';
import { param } from '../engine';
import { smensoProfile } from '../transport';
import { projectLocator, show } from './common';

const R = 'report';
const LISTS = ['getAbsences', 'getProjects', 'getTasks', 'getTimeRecords'];
const ALL = [...LISTS, 'getProject'];

export const reportOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [R] } },
	options: [
		{ name: 'Get Absences', value: 'getAbsences', action: 'Get the absences report', description: 'All absences (Reporting API, any role)' },
		{ name: 'Get Project', value: 'getProject', action: 'Get the report of one project' },
		{ name: 'Get Projects', value: 'getProjects', action: 'Get the projects report', description: 'Projects as a report view shows them' },
		{ name: 'Get Tasks', value: 'getTasks', action: 'Get the tasks report of a project' },
		{ name: 'Get Time Records', value: 'getTimeRecords', action: 'Get the time records report', description: 'All time records (Reporting API, any role)' },
	],
	default: 'getProjects',
};

export const reportFields: INodeProperties[] = [
	projectLocator(R, ['getProject', 'getTasks']),
	{
		displayName: 'View ID',
		name: 'view',
		type: 'string',
		default: '',
		placeholder: 'e7737f60-d5a8-4b61-8cda-2ad51ccff4dd',
		description: 'GUID of a saved report view in smenso; it decides the columns and filters. Empty: the default view.',
		displayOptions: show(R, ['getProject', 'getProjects']),
	},
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: [
			{ name: 'CSV (Binary File)', value: 'CSV', description: 'One item with the CSV file as binary data' },
			{ name: 'JSON (One Item per Row)', value: 'JSON' },
		],
		default: 'JSON',
		displayOptions: show(R, ALL),
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: { resource: [R], operation: ALL, format: ['CSV'] } },
	},
	...returnAllOrLimit(R, LISTS).map((p) => ({ ...p, displayOptions: { show: { ...p.displayOptions!.show, format: ['JSON'] } } })),
];

const PATHS: Record<string, (t: Tools, i: number) => string> = {
	getProjects: () => 'reports/projects',
	getProject: (t, i) => `reports/projects/${t.guid(i, 'Project', param(t.ctx, 'projectId', i))}`,
	getTasks: (t, i) => `reports/tasks/${t.guid(i, 'Project', param(t.ctx, 'projectId', i))}`,
	getTimeRecords: () => 'reports/times/all',
	getAbsences: () => 'reports/absences/all',
};

function handler(operation: string): OperationHandler {
	return {
		async read(i, t): Promise<IDataObject[] | INodeExecutionData[]> {
			const path = PATHS[operation](t, i);
			const format = t.ctx.getNodeParameter('format', i, 'JSON') as string;
			const qs: IDataObject = { format };
			if (operation === 'getProjects' || operation === 'getProject') {
				const view = String(t.ctx.getNodeParameter('view', i, '') ?? '').trim();
				if (view) qs.view = t.guid(i, 'View ID', view);
			}
			if (format === 'CSV') {
				const text = await vendorRequest.call(t.ctx, smensoProfile, { method: 'GET', path, qs, itemIndex: i, encoding: 'text', headers: { Accept: 'text/csv' } });
				const csv = typeof text === 'string' ? text : String(text ?? '');
				const field = (t.ctx.getNodeParameter('binaryPropertyName', i, 'data') as string) || 'data';
				const name = `smenso-${operation.replace(/^get/, '').toLowerCase()}.csv`;
				const binary = await t.ctx.helpers.prepareBinaryData(Buffer.from(csv, 'utf8'), name, 'text/csv');
				const rows = csv.split(/\r?\n/).filter((line) => line.trim() !== '').length;
				return [{ json: { fileName: name, rows: Math.max(0, rows - 1) }, binary: { [field]: binary } }];
			}
			const body = await vendorRequest.call(t.ctx, smensoProfile, { method: 'GET', path, qs, itemIndex: i, notFoundLabel: operation === 'getProject' || operation === 'getTasks' ? 'Project' : undefined });
			const list = (Array.isArray(body) ? body : body ? [body] : []) as IDataObject[];
			if (operation === 'getProject') return list;
			const returnAll = t.ctx.getNodeParameter('returnAll', i, false) as boolean;
			const limit = t.ctx.getNodeParameter('limit', i, 50) as number;
			return returnAll ? list : list.slice(0, limit);
		},
	};
}

export const reportHandlers: Record<string, OperationHandler> = Object.fromEntries(ALL.map((op) => [op, handler(op)]));
