import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../../shared/kit';
import type { OperationHandler } from '../../../../shared/execute';
import { sameValue, zoneFor } from '../engine';
import { isArchived, isTemplate } from '../methods';
import { toWireDate } from '../transport';
import {
	checkOrder,
	collection,
	disputed,
	contains,
	fieldProperty,
	get,
	limitList,
	locatorValue,
	newExternalId,
	plan,
	projectLocator,
	readOptions,
	required,
	returnAllLimit,
	sameId,
	show,
	templateLocator,
	waitFields,
	wireRecord,
	writeOptions,
	type Ctx,
	type FieldSpec,
} from './common';

const R = 'project';
const WRITES = [
	'archive',
	'create',
	'createFromTemplate',
	'delete',
	'unarchive',
	'update',
	'updateMasterData',
];

export const projectOperations = operationProperty(
	R,
	[
		{
			name: 'Archive',
			value: 'archive',
			action: 'Archive a project',
			description: 'Archive a project (no more time booked on it)',
		},
		{ name: 'Create', value: 'create', action: 'Create a project' },
		{
			name: 'Create From Template',
			value: 'createFromTemplate',
			action: 'Create a project from a template',
			description: 'Create a project with the structure of a template project',
		},
		{ name: 'Delete', value: 'delete', action: 'Delete a project' },
		{ name: 'Get', value: 'get', action: 'Get a project' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many projects' },
		{ name: 'Unarchive', value: 'unarchive', action: 'Unarchive a project' },
		{ name: 'Update', value: 'update', action: 'Update a project' },
		{
			name: 'Update Master Data From Template',
			value: 'updateMasterData',
			action: 'Apply a template to a project',
			description:
				"Copy a template's master data (dates, flavors, manager, budget…) onto a project",
		},
	],
	'getAll',
);

const FOLDER: FieldSpec = {
	name: 'phaseId',
	label: 'Project Folder ID',
	kind: 'string',
	description:
		'The numeric ID of the project folder ("phase"); smenso shows it through a Formula flavor',
};
const TYPE: FieldSpec = {
	name: 'typeId',
	label: 'Project Type ID',
	kind: 'string',
	description: 'The numeric ID of the project type',
};

const DETAILS: FieldSpec[] = [
	{ name: 'benefit', label: 'Benefit', kind: 'text' },
	{
		name: 'blockTimeRecording',
		label: 'Block Time Recording',
		kind: 'boolean',
		description: 'Whether booking time on the project is blocked',
	},
	{ name: 'budget', label: 'Budget', kind: 'number', min: 0 },
	{
		name: 'currency',
		label: 'Currency',
		kind: 'options',
		options: [
			['AUD', 'AUD'],
			['CAD', 'CAD'],
			['CHF', 'CHF'],
			['EUR', 'EUR'],
			['GBP', 'GBP'],
			['USD', 'USD'],
		],
		default: 'EUR',
	},
	{ name: 'description', label: 'Description', kind: 'text' },
	{ name: 'endDate', label: 'End Date', kind: 'date' },
	{
		name: 'externalId',
		label: 'External ID',
		kind: 'string',
		description:
			'Your own key for the project, e.g. the ID in the CRM. If empty on create, the node sets one so it can read the project back.',
	},
	{ name: 'flavors', label: 'Custom Fields (Flavors)', kind: 'flavors', wire: 'flavor' },
	{ name: 'goal', label: 'Goal', kind: 'text' },
	{ name: 'hourlyRate', label: 'Hourly Rate', kind: 'number', min: 0 },
	{ name: 'locationId', label: 'Location ID', kind: 'integer' },
	{
		name: 'projectManager',
		label: 'Project Manager',
		kind: 'user',
		description: "The manager's e-mail address or GUID",
	},
	{ name: 'startDate', label: 'Start Date', kind: 'date' },
	{ name: 'statusId', label: 'Status ID', kind: 'integer' },
	{ name: 'usePersonalHourlyRates', label: 'Use Personal Hourly Rates', kind: 'boolean' },
];
const CREATE_ONLY: FieldSpec[] = [{ name: 'workflowId', label: 'Workflow ID', kind: 'integer' }];
const UPDATE_ONLY: FieldSpec[] = [
	{ ...FOLDER },
	{ ...TYPE },
	{ name: 'parentId', label: 'Parent Project ID', kind: 'guid' },
	{ name: 'title', label: 'Title', kind: 'string' },
];
const MASTER_DATA: Array<[string, string]> = [
	['overwriteValues', 'Overwrite Existing Values'],
	['startDate', 'Start Date'],
	['endDate', 'End Date'],
	['flavors', 'Flavors'],
	['labels', 'Labels'],
	['manager', 'Manager'],
	['budget', 'Budget'],
	['location', 'Location'],
	['description', 'Description'],
	['goal', 'Goal'],
	['benefit', 'Benefit'],
];
/**
 * The 21 options smenso's own node sends when creating from a template (N-new): 7 it lets the user choose,
 * 14 it always sends as true. All are offered here, each default true as there: [parameter, wire key, label,
 * field of the new project that shows the copy (for the read-back check)].
 */
const TEMPLATE_OPTIONS: Array<[string, string, string, string?]> = [
	['adjustTaskDates', 'adjustTaskDates', 'Adjust Task Dates'],
	['benefit', 'benefit', 'Copy Benefit', 'benefit'],
	['blockTimeRecording', 'blockTimeRecording', 'Copy Block Time Recording', 'blockTimeRecording'],
	['budget', 'budget', 'Copy Budget', 'budget'],
	['columnDescriptions', 'columnDescriptions', 'Copy Column Descriptions'],
	['description', 'description', 'Copy Description', 'description'],
	['flavors', 'flavors', 'Copy Flavors', 'flavors'],
	['folderTasksTemplate', 'folderTasksTemplate', 'Copy Folder Task Templates'],
	['goal', 'goal', 'Copy Goal', 'goal'],
	['hourlyRate', 'hourlyRate', 'Copy Hourly Rate', 'hourlyRate'],
	['labels', 'labels', 'Copy Labels', 'labels'],
	['location', 'location', 'Copy Location', 'locationId'],
	['manager', 'manager', 'Copy Manager', 'projectManager'],
	['markedColumns', 'markedColumns', 'Copy Marked Columns'],
	['observers', 'observers', 'Copy Observers'],
	['permissions', 'permissions', 'Copy Permissions'],
	// `startDate` is also the Start Date field of this collection.
	['copyStartDate', 'startDate', 'Copy Start Date'],
	['tasks', 'tasks', 'Copy Tasks'],
	['tasksTemplate', 'tasksTemplate', 'Copy Task Templates'],
	['tasksWorkflow', 'tasksWorkflow', 'Copy Task Workflows'],
	['viewSettings', 'viewSettings', 'Copy View Settings'],
];
const OPTION_HELP: Record<string, string> = {
	adjustTaskDates: "Whether to move the template's task dates to the new start date",
	copyStartDate:
		"Whether to copy the template's start date setting (smenso does not document this option; its own node always sends it on)",
};

const hasValue = (value: unknown) =>
	!(value === undefined || value === null || value === '' || value === false) &&
	!(Array.isArray(value) && !value.length);

/**
 * After a create from template: for every copy option that is on, a value the template has and the new
 * project lacks is a warning ("smenso did not copy the template's Budget"). Reads the project list the
 * node reads back anyway (templates are in it); a template not in that list cannot be compared.
 */
function templateCopyCheck(templateId: string, options: IDataObject) {
	return (found: IDataObject, list: IDataObject[]): string[] => {
		const template = list.find((p) => sameId(p.id, templateId));
		if (!template) return [];
		const warnings: string[] = [];
		for (const [, wire, label, field] of TEMPLATE_OPTIONS) {
			if (!field || options[wire] !== true || !hasValue(template[field])) continue;
			if (field === 'flavors' ? hasValue(found[field]) : sameValue(template[field], found[field]))
				continue;
			const what = label.replace(/^Copy /, '');
			warnings.push(
				`smenso did not copy the template's ${what} (${label} is on; the template has ${JSON.stringify(template[field])}, the new project ${hasValue(found[field]) ? `has ${JSON.stringify(found[field])}` : 'has none'}); see the README's smenso notes`,
			);
		}
		return warnings;
	};
}

/** Project flavors: P14 says projects carry them; the write shape is the vendor node's member update. */
const DISPUTED = ['flavors'];

/** Top-level `noFeed` (N-new): shown among the additional fields, sent beside the records. */
export const NO_FEED: FieldSpec = {
	name: 'noFeed',
	label: 'No Activity Feed Entry',
	kind: 'boolean',
	description: 'Whether to keep the change out of the activity feed',
};

export const projectFields: INodeProperties[] = [
	projectLocator(show(R, ['archive', 'delete', 'get', 'unarchive', 'update', 'updateMasterData'])),
	templateLocator(show(R, ['createFromTemplate', 'updateMasterData'])),
	fieldProperty(
		{ name: 'title', label: 'Title', kind: 'string' },
		show(R, ['create', 'createFromTemplate']),
		true,
	),
	fieldProperty(FOLDER, show(R, ['create']), true),
	fieldProperty(TYPE, show(R, ['create']), true),
	fieldProperty(
		{
			name: 'folder',
			label: 'Project Folder Name',
			kind: 'string',
			description: 'The project folder by its name, e.g. Customer Projects',
		},
		show(R, ['createFromTemplate']),
		true,
	),
	fieldProperty(
		{
			name: 'projectType',
			label: 'Project Type Name',
			kind: 'string',
			description: 'The project type by its name, e.g. Implementation',
		},
		show(R, ['createFromTemplate']),
		true,
	),
	collection(
		'additionalFields',
		'Additional Fields',
		[...DETAILS, ...CREATE_ONLY, NO_FEED],
		show(R, ['create']),
	),
	collection('updateFields', 'Update Fields', [...DETAILS, ...UPDATE_ONLY], show(R, ['update'])),
	{
		displayName: 'Additional Fields',
		name: 'templateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, ['createFromTemplate']),
		options: [
			{
				displayName: 'Private',
				name: 'isPrivate',
				type: 'boolean',
				default: false,
				description: 'Whether only the API user gets access at first',
			},
			{
				displayName: 'Project Code',
				name: 'code',
				type: 'string',
				default: '',
				description: 'The project ID master-data field',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: "Empty: the template's start date",
			},
			{
				displayName: 'Status',
				name: 'statusId',
				type: 'options',
				options: [
					{ name: 'Active', value: 0 },
					{ name: 'Inactive', value: 1 },
				],
				default: 0,
			},
			...TEMPLATE_OPTIONS.map(([name, , displayName]) => ({
				displayName,
				name,
				type: 'boolean' as const,
				default: true,
				description:
					OPTION_HELP[name] ??
					`Whether to copy the template's ${displayName.replace(/^Copy /, '').toLowerCase()}`,
			})),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)) as INodeProperties[],
	},
	{
		displayName: 'Apply',
		name: 'masterData',
		type: 'collection',
		placeholder: 'Add What to Apply',
		default: {},
		displayOptions: show(R, ['updateMasterData']),
		options: MASTER_DATA.map(([name, displayName]) => ({
			displayName,
			name,
			type: 'boolean' as const,
			default: true,
			description: `Whether to apply the template's ${displayName.toLowerCase()}`,
		})).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	...returnAllLimit(R, 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(R, ['getAll']),
		options: [
			{
				displayName: 'Include Archived',
				name: 'includeArchived',
				type: 'boolean',
				default: false,
				description:
					'Whether to include archived projects. For a documented filter use Report › Get Projects (Projects: Archived).',
				hint: "smenso's reads do not document the archived flag; this filter checks isArchived and archived (a project with neither is kept)",
			},
			{
				displayName: 'Include Templates',
				name: 'includeTemplates',
				type: 'boolean',
				default: false,
				description:
					'Whether to include template projects. For a documented filter use Report › Get Projects (Projects: Templates).',
				hint: "smenso's reads do not document the template flag; this filter checks isTemplate and template (a project with neither is kept)",
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only projects whose title, number or external ID contains this text',
			},
		],
	},
	readOptions(R, ['get', 'getAll']),
	...waitFields(R, WRITES),
	writeOptions(R, WRITES, true),
];

/** phaseId/typeId: numbers on the wire (N-new, XML integers); other text as given (P13: string or number). */
const idNumber = (value: string) => (/^\d+$/.test(value) ? Number(value) : value);

const projectsPath = 'integration/project/json';
const projectId = (ctx: Ctx, i: number) => locatorValue(ctx, i, 'projectId', 'Project');

function readBackById(ctx: Ctx, id: string, check: (p: IDataObject) => boolean = () => true) {
	return {
		key: `project:${id}`,
		fetch: async () => [await get<IDataObject>(ctx, undefined, `${projectsPath}/${id}`)],
		match: (list: IDataObject[]) => list.find((p) => sameId(p.id, id) && check(p)),
	};
}

async function details(
	ctx: Ctx,
	i: number,
	source: IDataObject,
	zone: string,
	fields: FieldSpec[],
): Promise<IDataObject> {
	const out = wireRecord(ctx, i, fields, source, zone);
	for (const key of ['phaseId', 'typeId'])
		if (typeof out[key] === 'string') out[key] = idNumber(out[key] as string);
	checkOrder(ctx, i, out, 'startDate', 'endDate', 'Start Date', 'End Date');
	return out;
}

export const projectHandlers: Record<string, OperationHandler> = {
	async getAll(i) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const list = await get(this, i, projectsPath);
		return limitList(
			this,
			i,
			list,
			(p) =>
				!!(filters.includeArchived || !isArchived(p)) &&
				!!(filters.includeTemplates || !isTemplate(p)) &&
				contains(p, filters.search, ['title', 'number', 'externalId', 'code']),
		);
	},
	async get(i) {
		const id = projectId(this, i);
		return await get<IDataObject>(this, i, `${projectsPath}/${id}`, undefined, `Project ${id}`);
	},
	async create(i) {
		const zone = await zoneFor(this, i);
		const title = required(this, i, 'title', 'Title');
		const phaseId = idNumber(required(this, i, 'phaseId', 'Project Folder ID'));
		const typeId = idNumber(required(this, i, 'typeId', 'Project Type ID'));
		const extra = (this.getNodeParameter('additionalFields', i, {}) as IDataObject) ?? {};
		const record: IDataObject = {
			title,
			phaseId,
			typeId,
			...(await details(this, i, extra, zone.iana, [...DETAILS, ...CREATE_ONLY])),
		};
		record.externalId ??= newExternalId(this, i);
		return await plan(this, i, {
			group: `project:create:${extra.noFeed === true}`,
			method: 'POST',
			paths: [projectsPath],
			route: 'project:create',
			envelope: {
				key: 'project',
				timezone: true,
				top: extra.noFeed === true ? { noFeed: true } : {},
			},
			record,
			batchable: true,
			expect: 'created',
			readBack: {
				key: 'projects',
				fetch: async () => await get(this, undefined, projectsPath),
				match: (list) => list.find((p) => p.externalId === record.externalId),
			},
			verify: disputed(record, DETAILS, DISPUTED, 'project'),
		});
	},
	async update(i) {
		const zone = await zoneFor(this, i);
		const id = projectId(this, i);
		const changes = await details(
			this,
			i,
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
			zone.iana,
			[...DETAILS, ...UPDATE_ONLY],
		);
		return await plan(this, i, {
			group: 'project:update',
			method: 'PUT',
			paths: [projectsPath],
			route: 'project:update',
			envelope: { key: 'project', timezone: true },
			record: { id, ...changes },
			batchable: true,
			expect: 'modified',
			readBack: readBackById(this, id),
			verify: disputed(changes, DETAILS, DISPUTED, 'project'),
		});
	},
	async archive(i) {
		const id = projectId(this, i);
		// N-new's path first (closest to the Swagger); N-old's only if smenso says the first does not exist.
		return await plan(this, i, {
			group: 'project:archive',
			method: 'POST',
			paths: [`${projectsPath}/archive/${id}`, `${projectsPath}/${id}/archive`],
			route: 'project:archive',
			batchable: false,
			expect: 'modified',
			notFoundLabel: `Project ${id}`,
			readBack: readBackById(this, id, (p) => isArchived(p)),
		});
	},
	async unarchive(i) {
		const id = projectId(this, i);
		return await plan(this, i, {
			group: 'project:unarchive',
			method: 'POST',
			paths: [`${projectsPath}/unarchive/${id}`],
			route: 'project:unarchive',
			batchable: false,
			expect: 'modified',
			notFoundLabel: `Project ${id}`,
			readBack: readBackById(this, id, (p) => !isArchived(p)),
		});
	},
	async delete(i) {
		const id = projectId(this, i);
		return await plan(this, i, {
			group: 'project:delete',
			method: 'DELETE',
			paths: [`${projectsPath}/${id}`],
			route: 'project:delete',
			batchable: false,
			expect: 'deleted',
			echo: { id, deleted: true },
			notFoundLabel: `Project ${id}`,
		});
	},
	async createFromTemplate(i) {
		const zone = await zoneFor(this, i);
		const templateId = locatorValue(this, i, 'templateId', 'Template');
		const title = required(this, i, 'title', 'Title');
		const folder = required(this, i, 'folder', 'Project Folder Name');
		const projectType = required(this, i, 'projectType', 'Project Type Name');
		const extra = this.getNodeParameter('templateFields', i, {}) as IDataObject;
		const options: IDataObject = {};
		// Every option smenso's own node sends, each the user's choice (default on, as there).
		for (const [name, wire] of TEMPLATE_OPTIONS) options[wire] = extra[name] !== false;
		const body: IDataObject = {
			title,
			folder,
			projectType,
			isPrivate: extra.isPrivate === true,
			options,
		};
		if (extra.startDate)
			body.startDate = toWireDate(this.getNode(), i, 'Start Date', extra.startDate, zone.iana);
		if (extra.statusId !== undefined) body.statusId = Number(extra.statusId);
		if (extra.code) body.code = String(extra.code);
		// Projects known before: the new one is the project with this title that was not there (tickets carry no ids).
		const before = new Set(
			(await get(this, i, projectsPath)).map((p) => String(p.id).toLowerCase()),
		);
		return await plan(this, i, {
			group: 'project:fromTemplate',
			method: 'POST',
			paths: [`${projectsPath}/${templateId}`],
			route: 'project:fromTemplate',
			body,
			batchable: false,
			notFoundLabel: `Project template ${templateId}`,
			readBack: {
				key: 'projects',
				fetch: async () => await get(this, undefined, projectsPath),
				match: (list) =>
					list.find((p) => p.title === title && !before.has(String(p.id).toLowerCase())),
			},
			verify: templateCopyCheck(templateId, options),
		});
	},
	async updateMasterData(i) {
		const id = projectId(this, i);
		const templateId = locatorValue(this, i, 'templateId', 'Template');
		const chosen = this.getNodeParameter('masterData', i, {}) as IDataObject;
		const body: IDataObject = { projectId: id };
		for (const [name] of MASTER_DATA) body[name] = chosen[name] === true;
		return await plan(this, i, {
			group: 'project:masterData',
			method: 'PUT',
			paths: [`${projectsPath}/${templateId}`],
			route: 'project:masterData',
			body,
			batchable: false,
			notFoundLabel: `Project template ${templateId}`,
			readBack: readBackById(this, id),
		});
	},
};
