import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../../../shared/validation';
import type { ResourceModule } from '../common';
import {
	api,
	list,
	returnAllLimit,
	idOf,
	optionalDate,
	fieldsQuery,
	fieldsToBody,
	locator,
	fieldsOption,
	maybeSimplify,
	operationProperty,
	show,
	simplifyOption,
	requireChanges,
	requiredText,
} from '../common';

const PROJECT_KEYS = [
	'id',
	'name',
	'phase_name',
	'parent_id',
	'project_code',
	'client',
	'project_state',
	'starts_at',
	'ends_at',
	'archived',
	'timeentry_lockout',
	'type',
	'created_at',
	'updated_at',
];

const PROJECT_FIELDS: Array<[string, string]> = [
	['budget_items', 'Budget Items'],
	['children', 'Phases (Children)'],
	['custom_field_values', 'Custom Field Values'],
	['phase_count', 'Phase Count'],
	['project_state', 'Project State'],
	['summary', 'Summary (Hours and Amounts)'],
	['tags', 'Tags'],
];

const projectWritable = (forUpdate: boolean): INodeProperties[] => [
	{ displayName: 'Client', name: 'client', type: 'string', default: '' },
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
	},
	...(forUpdate
		? [
				{
					displayName: 'End Date',
					name: 'ends_at',
					type: 'dateTime',
					default: '',
				} as INodeProperties,
			]
		: []),
	...(forUpdate
		? [{ displayName: 'Name', name: 'name', type: 'string', default: '' } as INodeProperties]
		: []),
	{ displayName: 'Project Code', name: 'project_code', type: 'string', default: '' },
	{
		displayName: 'Project State',
		name: 'project_state',
		type: 'options',
		default: 'Confirmed',
		options: [
			{ name: 'Confirmed', value: 'Confirmed' },
			{ name: 'Internal', value: 'Internal' },
			{ name: 'Tentative', value: 'Tentative' },
		],
	},
	...(forUpdate
		? [
				{
					displayName: 'Start Date',
					name: 'starts_at',
					type: 'dateTime',
					default: '',
				} as INodeProperties,
			]
		: []),
	{
		displayName: 'Time Entry Lockout (Days)',
		name: 'timeentry_lockout',
		type: 'number',
		default: -1,
		typeOptions: { minValue: -1 },
		description:
			'-1: not locked; 0: locked; N: entries older than N days are locked. Set it on each phase too.',
	},
];

const PR = 'project';

const projectProperties: INodeProperties[] = [
	operationProperty(
		PR,
		[
			{ name: 'Archive', value: 'archive', action: 'Archive a project' },
			{ name: 'Create', value: 'create', action: 'Create a project' },
			{ name: 'Delete', value: 'delete', action: 'Delete a project' },
			{ name: 'Find by Name or Code', value: 'search', action: 'Find a project by name or code' },
			{ name: 'Get', value: 'get', action: 'Get a project' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many projects' },
			{ name: 'Unarchive', value: 'unarchive', action: 'Unarchive a project' },
			{ name: 'Update', value: 'update', action: 'Update a project' },
		],
		'get',
	),
	locator(
		'project',
		'projectId',
		'Project',
		show(PR, ['get', 'update', 'delete', 'archive', 'unarchive']),
	),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(PR, 'create'),
	},
	{
		displayName: 'Start Date',
		name: 'starts_at',
		type: 'dateTime',
		default: '',
		displayOptions: show(PR, 'create'),
	},
	{
		displayName: 'End Date',
		name: 'ends_at',
		type: 'dateTime',
		default: '',
		displayOptions: show(PR, 'create'),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(PR, 'create'),
		options: projectWritable(false),
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(PR, 'update'),
		options: projectWritable(true),
	},
	{
		displayName: 'Find By',
		name: 'searchBy',
		type: 'options',
		default: 'name',
		displayOptions: show(PR, 'search'),
		options: [
			{ name: 'Name', value: 'name' },
			{ name: 'Project Code (Exact, on the Server)', value: 'code' },
			{ name: 'Phase Name (Exact, on the Server)', value: 'phase' },
		],
	},
	{
		displayName: 'Search Text',
		name: 'searchText',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(PR, 'search'),
	},
	{
		displayName: 'Match',
		name: 'match',
		type: 'options',
		default: 'contains',
		displayOptions: show(PR, 'search', { searchBy: ['name'] }),
		options: [
			{ name: 'Contains (Case-Insensitive)', value: 'contains' },
			{ name: 'Exact (Case-Insensitive)', value: 'exact' },
		],
	},
	{
		displayName: 'Include Archived',
		name: 'withArchived',
		type: 'boolean',
		default: false,
		description: 'Whether to search archived projects too',
		displayOptions: show(PR, 'search'),
	},
	...returnAllLimit(PR, ['getAll', 'search']),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(PR, 'getAll'),
		options: [
			{ displayName: 'Ends On or After', name: 'from', type: 'dateTime', default: '' },
			{
				displayName: 'Include Archived',
				name: 'with_archived',
				type: 'boolean',
				default: false,
				description: 'Whether to include archived projects',
			},
			{
				displayName: 'Include Phases',
				name: 'with_phases',
				type: 'boolean',
				default: false,
				description: 'Whether to list phases (child projects) as well',
			},
			{
				displayName: 'Only Entirely Within Dates',
				name: 'strict',
				type: 'boolean',
				default: false,
				description: 'Whether to keep only projects that lie entirely between the two dates',
			},
			{
				displayName: 'Phase Name',
				name: 'phase_name',
				type: 'string',
				default: '',
				description: 'Exact phase name',
			},
			{
				displayName: 'Project Code',
				name: 'project_code',
				type: 'string',
				default: '',
				description: 'Exact project code',
			},
			{
				displayName: 'Project State',
				name: 'project_state',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Confirmed', value: 'Confirmed' },
					{ name: 'Internal', value: 'Internal' },
					{ name: 'Tentative', value: 'Tentative' },
				],
			},
			{
				displayName: 'Sort By',
				name: 'sort_field',
				type: 'options',
				default: 'created',
				options: [
					{ name: 'Created', value: 'created' },
					{ name: 'Updated', value: 'updated' },
				],
			},
			{
				displayName: 'Sort Order',
				name: 'sort_order',
				type: 'options',
				default: 'ascending',
				options: [
					{ name: 'Ascending', value: 'ascending' },
					{ name: 'Descending', value: 'descending' },
				],
			},
			{ displayName: 'Starts On or Before', name: 'to', type: 'dateTime', default: '' },
		],
	},
	fieldsOption(show(PR, ['get', 'getAll', 'search']), PROJECT_FIELDS),
	simplifyOption(show(PR, ['archive', 'create', 'get', 'getAll', 'search', 'unarchive', 'update'])),
];

export function projectBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body = fieldsToBody(ctx, i, fields, {
		dates: ['starts_at', 'ends_at'],
		numbers: ['timeentry_lockout'],
		labels: {
			starts_at: 'Start Date',
			ends_at: 'End Date',
			timeentry_lockout: 'Time Entry Lockout (Days)',
		},
	});
	if (body.starts_at && body.ends_at && String(body.ends_at) < String(body.starts_at))
		throw invalidInput(
			ctx.getNode(),
			i,
			'End Date',
			`must not be before the start date (${String(body.starts_at)})`,
		);
	if (
		body.timeentry_lockout !== undefined &&
		(!Number.isInteger(body.timeentry_lockout) || (body.timeentry_lockout as number) < -1)
	) {
		throw invalidInput(
			ctx.getNode(),
			i,
			'Time Entry Lockout (Days)',
			'must be -1, 0 or a whole number of days',
		);
	}
	return body;
}

/** One shape for a project in every operation: Simplify keeps the same keys for writes and reads. */
const simple = (ctx: IExecuteFunctions, i: number, records: IDataObject | IDataObject[]) =>
	maybeSimplify(ctx, i, records, PROJECT_KEYS);

const projectHandlers: ResourceModule['handlers'] = {
	async create(this: IExecuteFunctions, i: number) {
		const name = requiredText(this, i, 'name', 'Name');
		const body = projectBody(this, i, {
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
			name,
			starts_at: this.getNodeParameter('starts_at', i, ''),
			ends_at: this.getNodeParameter('ends_at', i, ''),
		});
		return simple(this, i, await api(this, i, 'POST', '/projects', { body }));
	},
	async get(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'projectId', i, 'Project');
		return simple(
			this,
			i,
			await api(this, i, 'GET', `/projects/${id}`, {
				qs: fieldsQuery(this, i),
				notFound: `Project ${id}`,
			}),
		);
	},
	async update(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'projectId', i, 'Project');
		const body = projectBody(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject);
		requireChanges(this, i, body);
		return simple(
			this,
			i,
			await api(this, i, 'PUT', `/projects/${id}`, { body, notFound: `Project ${id}` }),
		);
	},
	async archive(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'projectId', i, 'Project');
		return simple(
			this,
			i,
			await api(this, i, 'PUT', `/projects/${id}`, {
				body: { archived: true },
				notFound: `Project ${id}`,
			}),
		);
	},
	async unarchive(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'projectId', i, 'Project');
		return simple(
			this,
			i,
			await api(this, i, 'PUT', `/projects/${id}`, {
				body: { archived: false },
				notFound: `Project ${id}`,
			}),
		);
	},
	async delete(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'projectId', i, 'Project');
		await api(this, i, 'DELETE', `/projects/${id}`, { notFound: `Project ${id}` });
		return { id, deleted: true };
	},
	async getAll(this: IExecuteFunctions, i: number) {
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const states = (f.project_state as string[] | undefined) ?? [];
		const qs: IDataObject = {
			...fieldsQuery(this, i),
			from: optionalDate(this, i, 'Ends On or After', f.from),
			to: optionalDate(this, i, 'Starts On or Before', f.to),
			strict: f.strict ? true : undefined,
			with_archived: f.with_archived ? true : undefined,
			with_phases: f.with_phases ? true : undefined,
			project_code: f.project_code,
			phase_name: f.phase_name,
			sort_field: f.sort_field,
			sort_order: f.sort_order,
			...(states.length ? { filter_field: 'project_state', filter_list: states.join(',') } : {}),
		};
		return simple(this, i, await list(this, i, '/projects', qs));
	},
	async search(this: IExecuteFunctions, i: number) {
		const by = this.getNodeParameter('searchBy', i) as string;
		const text = requiredText(this, i, 'searchText', 'Search Text');
		const qs: IDataObject = {
			...fieldsQuery(this, i),
			with_archived: this.getNodeParameter('withArchived', i, false) ? true : undefined,
		};
		if (by === 'code')
			return simple(
				this,
				i,
				await list(this, i, '/projects', { ...qs, project_code: text, with_phases: true }),
			);
		if (by === 'phase')
			return simple(
				this,
				i,
				await list(this, i, '/projects', { ...qs, phase_name: text, with_phases: true }),
			);
		const match = this.getNodeParameter('match', i, 'contains') as string;
		const needle = text.toLowerCase();
		// The API has no name search: names are matched page by page, and Limit stops the reading.
		const filter = (p: IDataObject) => {
			const name = String(p.name ?? '').toLowerCase();
			return match === 'exact' ? name === needle : name.includes(needle);
		};
		return simple(this, i, await list(this, i, '/projects', qs, { filter }));
	},
};

export const project: ResourceModule = {
	resource: { name: 'Project', value: PR },
	properties: projectProperties,
	handlers: projectHandlers,
};
