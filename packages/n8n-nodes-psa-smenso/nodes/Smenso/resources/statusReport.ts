import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../../../../shared/execute';
import { operationProperty } from '../../../../shared/kit';
import { zoneFor } from '../engine';
import { NO_FEED } from './project';
import {
	checkOrder,
	collection,
	fieldProperty,
	guidField,
	locatorValue,
	newExternalId,
	plan,
	projectLocator,
	required,
	show,
	waitFields,
	wireParam,
	wireRecord,
	writeOptions,
	type FieldSpec,
} from './common';

const R = 'statusReport';
const WRITES = ['create', 'createFromTemplate', 'delete', 'publish', 'update'];

export const statusReportOperations = operationProperty(
	R,
	[
		{
			name: 'Create',
			value: 'create',
			action: 'Create a status report',
			description: 'Create a draft (or published) status report of a project',
		},
		{
			name: 'Create From Template',
			value: 'createFromTemplate',
			action: 'Create a status report from a template',
		},
		{ name: 'Delete', value: 'delete', action: 'Delete a status report' },
		{
			name: 'Publish',
			value: 'publish',
			action: 'Publish a status report',
			description: 'Publish a draft; it cannot be changed afterwards',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a status report',
			description: 'Change a draft status report',
		},
	],
	'create',
);

const LIGHT: Array<[string, number]> = [
	['1', 1],
	['2', 2],
	['3', 3],
	['4', 4],
];
const DETAILS: FieldSpec[] = [
	{
		name: 'costStatusId',
		label: 'Cost Status',
		kind: 'options',
		options: LIGHT,
		default: 1,
		description: 'Cost status 1–4 as in smenso',
	},
	{ name: 'explanation', label: 'Explanation', kind: 'text' },
	{ name: 'flavors', label: 'Custom Fields (Flavors)', kind: 'flavors', wire: 'flavor' },
	{
		name: 'goalStatusId',
		label: 'Goal Status',
		kind: 'options',
		options: LIGHT,
		default: 1,
		description: 'Goal status 1–4 as in smenso',
	},
	{
		name: 'isPublished',
		label: 'Publish',
		kind: 'boolean',
		description: 'Whether to publish the report (a published report cannot be changed any more)',
	},
	{ name: 'nextSteps', label: 'Next Steps', kind: 'text' },
	{
		name: 'overallStatusId',
		label: 'Overall Status',
		kind: 'options',
		options: [
			['Green', 1],
			['Yellow', 2],
			['Red', 3],
			['On Hold', 4],
			['Not Started', 5],
			['Completed', 6],
			['Cancelled', 7],
		],
		default: 1,
	},
	{ name: 'progressManual', label: 'Progress (%)', kind: 'percent', min: 0, max: 100 },
	{ name: 'targetDate', label: 'Target Date', kind: 'date' },
	{
		name: 'timeStatusId',
		label: 'Time Status',
		kind: 'options',
		options: LIGHT,
		default: 1,
		description: 'Schedule status 1–4 as in smenso',
	},
];
const STATUS_DATE: FieldSpec = {
	name: 'statusDate',
	label: 'Status Date',
	kind: 'date',
	description: 'The day the report is valid for (may lie in the past or future)',
};

export const statusReportFields: INodeProperties[] = [
	projectLocator(show(R, ['create', 'createFromTemplate', 'delete', 'publish', 'update'])),
	guidField(
		'statusReportId',
		'Status Report ID',
		show(R, ['delete', 'publish', 'update']),
		"Shown in the project's status reports; also in comment and attachment lists",
	),
	guidField(
		'templateId',
		'Template ID',
		show(R, ['createFromTemplate']),
		'GUID of the status report template',
	),
	fieldProperty(
		{ name: 'title', label: 'Title', kind: 'string' },
		show(R, ['create', 'createFromTemplate']),
		true,
	),
	fieldProperty(STATUS_DATE, show(R, ['create']), true),
	{
		displayName: 'Progress (%)',
		name: 'progressManual',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 0 },
		displayOptions: show(R, ['createFromTemplate']),
	},
	collection(
		'additionalFields',
		'Additional Fields',
		[...DETAILS, { name: 'externalId', label: 'External ID', kind: 'string' }, NO_FEED],
		show(R, ['create']),
	),
	collection(
		'updateFields',
		'Update Fields',
		[...DETAILS, STATUS_DATE, { name: 'title', label: 'Title', kind: 'string' }],
		show(R, ['update']),
	),
	...waitFields(R, WRITES),
	writeOptions(R, WRITES, true),
];

const PATH = 'integration/statusreport/json';

export const statusReportHandlers: Record<string, OperationHandler> = {
	async create(i) {
		const zone = await zoneFor(this, i);
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const title = required(this, i, 'title', 'Title');
		const statusDate = wireParam(this, i, STATUS_DATE, true, zone.iana);
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		// projectId in the record (P10) and beside it (vendor node): both, as the sources differ.
		const record: IDataObject = {
			projectId,
			title,
			statusDate: statusDate as string,
			...wireRecord(
				this,
				i,
				[...DETAILS, { name: 'externalId', label: 'External ID', kind: 'string' }],
				extra,
				zone.iana,
			),
		};
		checkOrder(this, i, record, 'statusDate', 'targetDate', 'Status Date', 'Target Date');
		record.externalId ??= newExternalId(this, i);
		return await plan(this, i, {
			group: `statusreport:create:${projectId}:${extra.noFeed === true}`,
			method: 'POST',
			paths: [PATH],
			route: 'statusreport:create',
			envelope: {
				key: 'statusReport',
				timezone: true,
				top: { projectId, ...(extra.noFeed === true ? { noFeed: true } : {}) },
			},
			record,
			batchable: true,
			expect: 'created',
			echo: { projectId, title, externalId: record.externalId },
		});
	},
	async update(i) {
		const zone = await zoneFor(this, i);
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const id = locatorValue(this, i, 'statusReportId', 'Status Report ID');
		const changes = wireRecord(
			this,
			i,
			[...DETAILS, STATUS_DATE, { name: 'title', label: 'Title', kind: 'string' }],
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
			zone.iana,
		);
		return await plan(this, i, {
			group: `statusreport:update:${projectId}`,
			method: 'PUT',
			paths: [PATH],
			route: 'statusreport:update',
			envelope: { key: 'statusReport', timezone: true, top: { projectId } },
			record: { id, ...changes },
			batchable: true,
			expect: 'modified',
			echo: { id, projectId, ...changes },
		});
	},
	async publish(i) {
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const id = locatorValue(this, i, 'statusReportId', 'Status Report ID');
		return await plan(this, i, {
			group: `statusreport:update:${projectId}`,
			method: 'PUT',
			paths: [PATH],
			route: 'statusreport:update',
			envelope: { key: 'statusReport', timezone: true, top: { projectId } },
			record: { id, isPublished: true },
			batchable: true,
			expect: 'modified',
			echo: { id, projectId, isPublished: true },
		});
	},
	async delete(i) {
		const id = locatorValue(this, i, 'statusReportId', 'Status Report ID');
		return await plan(this, i, {
			group: 'statusreport:delete',
			method: 'DELETE',
			paths: [`${PATH}/${id}`],
			route: 'statusreport:delete',
			batchable: false,
			expect: 'deleted',
			echo: { id, deleted: true },
			notFoundLabel: `Status report ${id}`,
		});
	},
	async createFromTemplate(i) {
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const templateId = locatorValue(this, i, 'templateId', 'Template ID');
		const title = required(this, i, 'title', 'Title');
		const progressManual =
			wireParam(
				this,
				i,
				{ name: 'progressManual', label: 'Progress (%)', kind: 'percent', min: 0, max: 100 },
				false,
				'UTC',
			) ?? 0;
		// smenso's pages give template/statusreport/create/json/{id} (parallel to the XML path); the vendor node
		// uses statusreport/json/{id}. The page's path first, the node's only on "no such endpoint".
		return await plan(this, i, {
			group: 'statusreport:fromTemplate',
			method: 'POST',
			paths: [
				`integration/template/statusreport/create/json/${templateId}`,
				`${PATH}/${templateId}`,
			],
			route: 'statusreport:fromTemplate',
			body: { projectId, title, progressManual: progressManual as number },
			batchable: false,
			expect: 'created',
			echo: { projectId, templateId, title },
			notFoundLabel: `Status report template ${templateId}`,
		});
	},
};
