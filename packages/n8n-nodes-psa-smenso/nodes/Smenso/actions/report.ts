/** The Reporting API (read-only, any role): views as JSON rows or as a CSV file in binary data. */
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllLimit } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { vendorRequest } from '../../../../shared/transport';
import { invalidInput, isGuid } from '../../../../shared/validation';
import { zoneFor } from '../engine';
import { fromWire, smensoProfile } from '../transport';
import { windowsZoneOf } from '../zones';
import { limitList, locatorValue, projectLocator, show, type Ctx } from './common';

const R = 'report';

interface View {
	name: string;
	action: string;
	description?: string;
	path: (ctx: Ctx, i: number) => string;
	/** Query keys this view takes (N-new). */
	keys: Array<'view' | 'headers' | 'filter' | 'projectsFilter' | 'globalProjectsFilter'>;
	single?: boolean;
}

const modeOf = (ctx: Ctx, i: number) =>
	ctx.getNodeParameter('mode', i, 'all') === 'my' ? 'my' : 'all';

const VIEWS: Record<string, View> = {
	getProjects: {
		name: 'Get Projects',
		action: 'Get the projects report',
		path: () => 'reports/projects',
		keys: ['view', 'headers', 'projectsFilter'],
	},
	getProject: {
		name: 'Get Project',
		action: 'Get the report of one project',
		path: (c, i) => `reports/projects/${locatorValue(c, i, 'projectId', 'Project')}`,
		keys: ['view'],
		single: true,
	},
	getTasks: {
		name: 'Get Tasks',
		action: 'Get the tasks report of a project',
		path: (c, i) => `reports/tasks/${locatorValue(c, i, 'projectId', 'Project')}`,
		keys: ['view', 'headers'],
	},
	getFilteredTasks: {
		name: 'Get Tasks Across Projects',
		action: 'Get the tasks of all projects',
		description: 'Tasks of all, active, archived or template projects',
		path: () => 'reports/tasks/filtered',
		keys: ['globalProjectsFilter'],
	},
	getTimeRecords: {
		name: 'Get Time Records',
		action: 'Get the time records report',
		path: (c, i) => `reports/times/${modeOf(c, i)}`,
		keys: ['filter', 'view', 'headers'],
	},
	getAbsences: {
		name: 'Get Absences',
		action: 'Get the absences report',
		path: (c, i) => `reports/absences/${modeOf(c, i)}`,
		keys: ['filter', 'headers'],
	},
	getTeams: {
		name: 'Get Teams',
		action: 'Get the teams report',
		path: () => 'reports/teams',
		keys: [],
	},
	getFlavors: {
		name: 'Get Custom Fields',
		action: 'Get the custom fields report',
		path: () => 'reports/flavors',
		keys: [],
	},
	getMemberSettings: {
		name: 'Get Member Settings',
		action: 'Get the member settings report',
		path: () => 'reports/settings/member',
		keys: [],
	},
};
const ALL = Object.keys(VIEWS);
const LISTS = ALL.filter((op) => !VIEWS[op].single);
const withKey = (key: View['keys'][number]) => ALL.filter((op) => VIEWS[op].keys.includes(key));

const PROJECT_FILTER = [
	{ name: 'Active', value: 'active' },
	{ name: 'All', value: 'all' },
	{ name: 'Archived', value: 'archived' },
	{ name: 'Templates', value: 'templates' },
];

const FIELDS: INodeProperties[] = [
	projectLocator(show(R, ['getProject', 'getTasks'])),
	{
		displayName: 'Whose Records',
		name: 'mode',
		type: 'options',
		options: [
			{ name: 'All Members', value: 'all' },
			{ name: 'Only Mine', value: 'my' },
		],
		default: 'all',
		displayOptions: show(R, ['getAbsences', 'getTimeRecords']),
	},
	{
		displayName: 'Projects',
		name: 'projectsFilter',
		type: 'options',
		options: PROJECT_FILTER,
		default: 'active',
		displayOptions: show(R, withKey('projectsFilter')),
	},
	{
		displayName: 'Projects',
		name: 'globalProjectsFilter',
		type: 'options',
		options: PROJECT_FILTER,
		default: 'active',
		displayOptions: show(R, withKey('globalProjectsFilter')),
	},
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: [
			{
				name: 'CSV (Binary File)',
				value: 'CSV',
				description: 'One item with the CSV file as binary data',
			},
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
		displayOptions: show(R, ALL, { format: ['CSV'] }),
	},
	...returnAllLimit(R, LISTS, { format: ['JSON'] }),
	{
		displayName: 'Options',
		name: 'reportOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(R, ALL),
		options: [
			{
				displayName: 'Columns',
				name: 'headers',
				type: 'string',
				default: '',
				description: 'Only these columns, separated by commas (where the view supports it)',
			},
			{
				displayName: 'Filter',
				name: 'filter',
				type: 'string',
				default: '',
				description: 'A filter expression for time records and absences, as in smenso',
			},
			{
				displayName: 'Language',
				name: 'lang',
				type: 'string',
				default: '',
				placeholder: 'e.g. de-DE',
				description: 'Language of the column names and values',
			},
			{
				displayName: 'Time Zone',
				name: 'timezone',
				type: 'string',
				default: '',
				placeholder: 'e.g. Europe/Berlin',
				description: "IANA time zone of the dates. Default: the credential's, else the workflow's.",
			},
			{
				displayName: 'View ID',
				name: 'view',
				type: 'string',
				default: '',
				placeholder: 'e.g. e7737f60-d5a8-4b61-8cda-2ad51ccff4dd',
				description:
					'GUID of a saved list view (from its "API link"); it decides the columns. Empty: the default view.',
			},
		],
	},
];

async function runView(
	ctx: Ctx,
	i: number,
	operation: string,
): Promise<IDataObject[] | INodeExecutionData[]> {
	const view = VIEWS[operation];
	const path = view.path(ctx, i);
	const format = ctx.getNodeParameter('format', i, 'JSON') === 'CSV' ? 'CSV' : 'JSON';
	const options = ctx.getNodeParameter('reportOptions', i, {}) as IDataObject;
	// The zone: the options' or the credential's default; the node-level helper reads it from
	// 'options'.
	const chosen = String(options.timezone ?? '').trim();
	const zone = chosen ? { iana: chosen } : await zoneFor(ctx, i);
	if (chosen && !windowsZoneOf(chosen))
		throw invalidInput(
			ctx.getNode(),
			i,
			'Time Zone',
			`"${chosen}" is not an IANA time zone like Europe/Berlin`,
		);
	// Always say the format: the API link answers CSV when it is absent (H21).
	const qs: IDataObject = { format };
	if (options.lang) qs.lang = String(options.lang);
	if (view.keys.includes('view') && String(options.view ?? '').trim()) {
		const id = String(options.view).trim();
		if (!isGuid(id))
			throw invalidInput(
				ctx.getNode(),
				i,
				'View ID',
				`must be a GUID like e7737f60-d5a8-4b61-8cda-2ad51ccff4dd, got "${id}"`,
			);
		qs.view = id;
	}
	if (view.keys.includes('headers') && String(options.headers ?? '').trim())
		qs.headers = String(options.headers)
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean)
			.join(',');
	if (view.keys.includes('filter') && String(options.filter ?? '').trim())
		qs.filter = String(options.filter).trim();
	if (view.keys.includes('projectsFilter'))
		qs.filter = ctx.getNodeParameter('projectsFilter', i, 'active');
	if (view.keys.includes('globalProjectsFilter'))
		qs.globalProjectsFilter = ctx.getNodeParameter('globalProjectsFilter', i, 'active');
	// P13 names a `timezone` query parameter; the vendor node sends a header: both, IANA.
	qs.timezone = zone.iana;
	const headers = { Timezone: zone.iana, ...(format === 'CSV' ? { Accept: 'text/csv' } : {}) };
	const notFoundLabel =
		operation === 'getProject' || operation === 'getTasks' ? 'Project' : undefined;
	if (format === 'CSV') {
		const text = await vendorRequest.call(ctx, smensoProfile, {
			method: 'GET',
			path,
			qs,
			itemIndex: i,
			encoding: 'text',
			headers,
			notFoundLabel,
		});
		const csv = typeof text === 'string' ? text : String(text ?? '');
		const field = String(ctx.getNodeParameter('binaryPropertyName', i, 'data') || 'data');
		const fileName = `smenso-${operation.replace(/^get/, '').replace(/[A-Z]/g, (c, at: number) => `${at ? '-' : ''}${c.toLowerCase()}`)}.csv`;
		const binary = await ctx.helpers.prepareBinaryData(
			Buffer.from(csv, 'utf8'),
			fileName,
			'text/csv',
		);
		const rows = csv.split(/\r?\n/).filter((line) => line.trim() !== '').length;
		return [
			{
				json: { fileName, rows: Math.max(0, rows - 1) },
				binary: { [field]: binary },
				pairedItem: { item: i },
			},
		];
	}
	const body = await vendorRequest.call(ctx, smensoProfile, {
		method: 'GET',
		path,
		qs,
		itemIndex: i,
		headers,
		notFoundLabel,
	});
	const list = fromWire((Array.isArray(body) ? body : body ? [body] : []) as IDataObject[]);
	return view.single ? list : limitList(ctx, i, list);
}

/** Every view is a read-only operation of its own (no request it sends changes anything). */
export const report = defineResource({
	value: R,
	name: 'Report',
	description: 'Read-only exports of the Reporting API, as JSON or CSV',
	defaultOperation: 'getProjects',
	properties: FIELDS,
	operations: ALL.map((operation) =>
		defineOperation({
			value: operation,
			name: VIEWS[operation].name,
			action: VIEWS[operation].action,
			...(VIEWS[operation].description ? { description: VIEWS[operation].description } : {}),
			readOnly: true,
			async handler(this: Ctx, i: number) {
				return await runView(this, i, operation);
			},
		}),
	),
});
