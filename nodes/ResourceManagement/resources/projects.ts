import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../shared/validation';
import type { ResourceModule, Show } from './common';
import {
	ALLOCATION_MODES,
	api,
	compact,
	date,
	fieldsOption,
	fieldsQuery,
	fieldsToBody,
	idField,
	idOf,
	list,
	listEvery,
	locator,
	maybeSimplify,
	number,
	operationProperty,
	optionalDate,
	optionalId,
	returnAllLimit,
	show,
	simplifyOption,
	unwrap,
} from './common';

const PROJECT_KEYS = ['id', 'name', 'phase_name', 'parent_id', 'project_code', 'client', 'project_state', 'starts_at', 'ends_at', 'archived', 'timeentry_lockout', 'type', 'created_at', 'updated_at'];

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
	{ displayName: 'Description', name: 'description', type: 'string', default: '', typeOptions: { rows: 2 } },
	...(forUpdate ? [{ displayName: 'End Date', name: 'ends_at', type: 'dateTime', default: '' } as INodeProperties] : []),
	...(forUpdate ? [{ displayName: 'Name', name: 'name', type: 'string', default: '' } as INodeProperties] : []),
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
	...(forUpdate ? [{ displayName: 'Start Date', name: 'starts_at', type: 'dateTime', default: '' } as INodeProperties] : []),
	{
		displayName: 'Time Entry Lockout (Days)',
		name: 'timeentry_lockout',
		type: 'number',
		default: -1,
		typeOptions: { minValue: -1 },
		description: '-1: not locked; 0: locked; N: entries older than N days are locked. Set it on each phase too.',
	},
];

// =================================================================================================
// Projects
// =================================================================================================

const PR = 'project';

const projectProperties: INodeProperties[] = [
	operationProperty(
		PR,
		[
			{ name: 'Archive', value: 'archive', action: 'Archive a project' },
			{ name: 'Create', value: 'create', action: 'Create a project' },
			{ name: 'Delete', value: 'delete', action: 'Delete a project' },
			{ name: 'Find by Name or Code', value: 'search', action: 'Find projects by name or code' },
			{ name: 'Get', value: 'get', action: 'Get a project' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many projects' },
			{ name: 'Unarchive', value: 'unarchive', action: 'Unarchive a project' },
			{ name: 'Update', value: 'update', action: 'Update a project' },
		],
		'get',
	),
	locator('project', 'projectId', 'Project', show(PR, ['get', 'update', 'delete', 'archive', 'unarchive'])),
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', displayOptions: show(PR, 'create') },
	{ displayName: 'Start Date', name: 'starts_at', type: 'dateTime', default: '', displayOptions: show(PR, 'create') },
	{ displayName: 'End Date', name: 'ends_at', type: 'dateTime', default: '', displayOptions: show(PR, 'create') },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show(PR, 'create'), options: projectWritable(false) },
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show(PR, 'update'), options: projectWritable(true) },
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
	{ displayName: 'Search Text', name: 'searchText', type: 'string', required: true, default: '', displayOptions: show(PR, 'search') },
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
	{ displayName: 'Include Archived', name: 'withArchived', type: 'boolean', default: false, description: 'Whether to search archived projects too', displayOptions: show(PR, 'search') },
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
			{ displayName: 'Include Archived', name: 'with_archived', type: 'boolean', default: false, description: 'Whether to include archived projects' },
			{ displayName: 'Include Phases', name: 'with_phases', type: 'boolean', default: false, description: 'Whether to list phases (child projects) as well' },
			{ displayName: 'Only Entirely Within Dates', name: 'strict', type: 'boolean', default: false, description: 'Whether to keep only projects that lie entirely between the two dates' },
			{ displayName: 'Phase Name', name: 'phase_name', type: 'string', default: '', description: 'Exact phase name' },
			{ displayName: 'Project Code', name: 'project_code', type: 'string', default: '', description: 'Exact project code' },
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
			{ displayName: 'Sort By', name: 'sort_field', type: 'options', default: 'created', options: [{ name: 'Created', value: 'created' }, { name: 'Updated', value: 'updated' }] },
			{ displayName: 'Sort Order', name: 'sort_order', type: 'options', default: 'ascending', options: [{ name: 'Ascending', value: 'ascending' }, { name: 'Descending', value: 'descending' }] },
			{ displayName: 'Starts On or Before', name: 'to', type: 'dateTime', default: '' },
		],
	},
	fieldsOption(show(PR, ['get', 'getAll', 'search']), PROJECT_FIELDS),
	simplifyOption(show(PR, ['get', 'getAll', 'search'])),
];

function projectBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body = fieldsToBody(ctx, i, fields, { dates: ['starts_at', 'ends_at'], numbers: ['timeentry_lockout'], labels: { starts_at: 'Start Date', ends_at: 'End Date', timeentry_lockout: 'Time Entry Lockout (Days)' } });
	if (body.starts_at && body.ends_at && String(body.ends_at) < String(body.starts_at)) throw invalidInput(ctx.getNode(), i, 'End Date', `must not be before the start date (${String(body.starts_at)})`);
	if (body.timeentry_lockout !== undefined && (!Number.isInteger(body.timeentry_lockout) || (body.timeentry_lockout as number) < -1)) {
		throw invalidInput(ctx.getNode(), i, 'Time Entry Lockout (Days)', 'must be -1, 0 or a whole number of days');
	}
	return body;
}

const projectHandlers: ResourceModule['handlers'] = {
	async create(ctx, i) {
		const name = String(ctx.getNodeParameter('name', i) ?? '').trim();
		if (!name) throw invalidInput(ctx.getNode(), i, 'Name', 'is required');
		const body = projectBody(ctx, i, {
			...(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject),
			name,
			starts_at: ctx.getNodeParameter('starts_at', i, ''),
			ends_at: ctx.getNodeParameter('ends_at', i, ''),
		});
		return await api(ctx, i, 'POST', '/projects', { body });
	},
	async get(ctx, i) {
		const id = idOf(ctx, 'projectId', i, 'Project');
		return maybeSimplify(ctx, i, await api(ctx, i, 'GET', `/projects/${id}`, { qs: fieldsQuery(ctx, i), notFound: `Project ${id}` }), PROJECT_KEYS);
	},
	async update(ctx, i) {
		const id = idOf(ctx, 'projectId', i, 'Project');
		const body = projectBody(ctx, i, ctx.getNodeParameter('updateFields', i, {}) as IDataObject);
		if (!Object.keys(body).length) throw invalidInput(ctx.getNode(), i, 'Update Fields', 'choose at least one field to change');
		return await api(ctx, i, 'PUT', `/projects/${id}`, { body, notFound: `Project ${id}` });
	},
	async archive(ctx, i) {
		const id = idOf(ctx, 'projectId', i, 'Project');
		return await api(ctx, i, 'PUT', `/projects/${id}`, { body: { archived: true }, notFound: `Project ${id}` });
	},
	async unarchive(ctx, i) {
		const id = idOf(ctx, 'projectId', i, 'Project');
		return await api(ctx, i, 'PUT', `/projects/${id}`, { body: { archived: false }, notFound: `Project ${id}` });
	},
	async delete(ctx, i) {
		const id = idOf(ctx, 'projectId', i, 'Project');
		await api(ctx, i, 'DELETE', `/projects/${id}`, { notFound: `Project ${id}` });
		return { id, deleted: true };
	},
	async getAll(ctx, i) {
		const f = ctx.getNodeParameter('filters', i, {}) as IDataObject;
		const states = (f.project_state as string[] | undefined) ?? [];
		const qs: IDataObject = {
			...fieldsQuery(ctx, i),
			from: optionalDate(ctx, i, 'Ends On or After', f.from),
			to: optionalDate(ctx, i, 'Starts On or Before', f.to),
			strict: f.strict ? true : undefined,
			with_archived: f.with_archived ? true : undefined,
			with_phases: f.with_phases ? true : undefined,
			project_code: f.project_code,
			phase_name: f.phase_name,
			sort_field: f.sort_field,
			sort_order: f.sort_order,
			...(states.length ? { filter_field: 'project_state', filter_list: states.join(',') } : {}),
		};
		return maybeSimplify(ctx, i, await list(ctx, i, '/projects', qs), PROJECT_KEYS);
	},
	async search(ctx, i) {
		const by = ctx.getNodeParameter('searchBy', i) as string;
		const text = String(ctx.getNodeParameter('searchText', i) ?? '').trim();
		if (!text) throw invalidInput(ctx.getNode(), i, 'Search Text', 'is required');
		const qs: IDataObject = { ...fieldsQuery(ctx, i), with_archived: ctx.getNodeParameter('withArchived', i, false) ? true : undefined };
		let found: IDataObject[];
		if (by === 'code') found = await listEvery(ctx, i, '/projects', { ...qs, project_code: text, with_phases: true });
		else if (by === 'phase') found = await listEvery(ctx, i, '/projects', { ...qs, phase_name: text, with_phases: true });
		else {
			const match = ctx.getNodeParameter('match', i, 'contains') as string;
			const needle = text.toLowerCase();
			found = (await listEvery(ctx, i, '/projects', qs)).filter((p) => {
				const name = String(p.name ?? '').toLowerCase();
				return match === 'exact' ? name === needle : name.includes(needle);
			});
		}
		const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
		const limit = ctx.getNodeParameter('limit', i, 50) as number;
		return maybeSimplify(ctx, i, returnAll ? found : found.slice(0, limit), PROJECT_KEYS);
	},
};

// =================================================================================================
// Phases
// =================================================================================================

const PH = 'phase';

const phaseProperties: INodeProperties[] = [
	operationProperty(
		PH,
		[
			{ name: 'Create', value: 'create', action: 'Create a phase' },
			{ name: 'Delete', value: 'delete', action: 'Delete a phase', description: 'Only phases without assignments can be deleted' },
			{ name: 'Get', value: 'get', action: 'Get a phase' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many phases of a project' },
			{ name: 'Update', value: 'update', action: 'Update a phase' },
		],
		'getAll',
	),
	locator('project', 'projectId', 'Project', show(PH, ['create', 'delete', 'get', 'getAll', 'update'])),
	locator('phase', 'phaseId', 'Phase', show(PH, ['delete', 'get', 'update'])),
	{ displayName: 'Phase Name', name: 'phaseName', type: 'string', required: true, default: '', displayOptions: show(PH, 'create') },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(PH, ['create', 'update']),
		options: [
			{ displayName: 'End Date', name: 'ends_at', type: 'dateTime', default: '' },
			{ displayName: 'Phase Name', name: 'phase_name', type: 'string', default: '', description: 'New name (update only)' },
			{ displayName: 'Start Date', name: 'starts_at', type: 'dateTime', default: '' },
			{ displayName: 'Use Parent Bill Rates', name: 'use_parent_bill_rates', type: 'boolean', default: true, description: 'Whether the phase inherits the project\'s bill rates' },
		],
	},
	...returnAllLimit(PH, 'getAll'),
];

const phaseHandlers: ResourceModule['handlers'] = {
	async create(ctx, i) {
		const pid = idOf(ctx, 'projectId', i, 'Project');
		const name = String(ctx.getNodeParameter('phaseName', i) ?? '').trim();
		if (!name) throw invalidInput(ctx.getNode(), i, 'Phase Name', 'is required');
		const extra = { ...(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject) };
		delete extra.phase_name;
		const body = { ...projectBody(ctx, i, extra), phase_name: name };
		return await api(ctx, i, 'POST', `/projects/${pid}/phases`, { body, notFound: `Project ${pid}` });
	},
	async update(ctx, i) {
		const pid = idOf(ctx, 'projectId', i, 'Project');
		const id = idOf(ctx, 'phaseId', i, 'Phase');
		const body = projectBody(ctx, i, ctx.getNodeParameter('additionalFields', i, {}) as IDataObject);
		if (!Object.keys(body).length) throw invalidInput(ctx.getNode(), i, 'Additional Fields', 'choose at least one field to change');
		return await api(ctx, i, 'PUT', `/projects/${pid}/phases/${id}`, { body, notFound: `Phase ${id} of project ${pid}` });
	},
	async delete(ctx, i) {
		const pid = idOf(ctx, 'projectId', i, 'Project');
		const id = idOf(ctx, 'phaseId', i, 'Phase');
		await api(ctx, i, 'DELETE', `/projects/${pid}/phases/${id}`, { notFound: `Phase ${id} of project ${pid}` });
		return { id, deleted: true };
	},
	async get(ctx, i) {
		idOf(ctx, 'projectId', i, 'Project');
		const id = idOf(ctx, 'phaseId', i, 'Phase');
		return await api(ctx, i, 'GET', `/projects/${id}`, { notFound: `Phase ${id}` });
	},
	async getAll(ctx, i) {
		const pid = idOf(ctx, 'projectId', i, 'Project');
		return await list(ctx, i, `/projects/${pid}/phases`, {}, `Project ${pid}`);
	},
};

// =================================================================================================
// Assignables
// =================================================================================================

const AS = 'assignable';

const assignableProperties: INodeProperties[] = [
	operationProperty(
		AS,
		[
			{ name: 'Find by Name', value: 'search', action: 'Find assignables by name', description: 'Find projects, phases or leave types by name' },
			{ name: 'Get', value: 'get', action: 'Get an assignable', description: 'Get the project, phase or leave type behind an assignable_id' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many assignables' },
		],
		'get',
	),
	idField('assignableId', 'Assignable ID', show(AS, 'get'), 'The assignable_id of an assignment, time entry or expense'),
	{ displayName: 'Name', name: 'searchText', type: 'string', required: true, default: '', displayOptions: show(AS, 'search') },
	{
		displayName: 'Match',
		name: 'match',
		type: 'options',
		default: 'contains',
		displayOptions: show(AS, 'search'),
		options: [
			{ name: 'Contains (Case-Insensitive)', value: 'contains' },
			{ name: 'Exact (Case-Insensitive)', value: 'exact' },
		],
	},
	{
		displayName: 'Type',
		name: 'assignableType',
		type: 'options',
		default: 'any',
		displayOptions: show(AS, ['search', 'getAll']),
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Leave Type', value: 'LeaveType' },
			{ name: 'Project or Phase', value: 'Project' },
		],
	},
	...returnAllLimit(AS, ['getAll', 'search']),
];

const assignableHandlers: ResourceModule['handlers'] = {
	async get(ctx, i) {
		const id = idOf(ctx, 'assignableId', i, 'Assignable ID');
		return await api(ctx, i, 'GET', `/assignables/${id}`, { notFound: `Assignable ${id}` });
	},
	async getAll(ctx, i) {
		const type = ctx.getNodeParameter('assignableType', i, 'any') as string;
		if (type === 'any') return await list(ctx, i, '/assignables');
		const all = (await listEvery(ctx, i, '/assignables')).filter((a) => a.type === type);
		const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
		return returnAll ? all : all.slice(0, ctx.getNodeParameter('limit', i, 50) as number);
	},
	async search(ctx, i) {
		const text = String(ctx.getNodeParameter('searchText', i) ?? '').trim().toLowerCase();
		if (!text) throw invalidInput(ctx.getNode(), i, 'Name', 'is required');
		const match = ctx.getNodeParameter('match', i, 'contains') as string;
		const type = ctx.getNodeParameter('assignableType', i, 'any') as string;
		const found = (await listEvery(ctx, i, '/assignables')).filter((a) => {
			if (type !== 'any' && a.type !== type) return false;
			const names = [a.name, a.phase_name].filter(Boolean).map((n) => String(n).toLowerCase());
			return names.some((n) => (match === 'exact' ? n === text : n.includes(text)));
		});
		const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
		return returnAll ? found : found.slice(0, ctx.getNodeParameter('limit', i, 50) as number);
	},
};

// =================================================================================================
// Assignments
// =================================================================================================

const AM = 'assignment';

const ASSIGNMENT_FIELDS: Array<[string, string]> = [
	['subtasks', 'Subtasks'],
	['subtasks_counts', 'Subtask Counts'],
];

const allocationFields = (displayOptions: { show: Show }, forUpdate: boolean): INodeProperties[] => [
	forUpdate
		? {
				displayName: 'Allocation Mode',
				name: 'allocationMode',
				type: 'options',
				default: 'keep',
				options: [{ name: 'Keep As Is', value: 'keep' }, ...ALLOCATION_MODES],
				displayOptions,
			}
		: {
				displayName: 'Allocation Mode',
				name: 'allocationMode',
				type: 'options',
				default: 'percent',
				options: ALLOCATION_MODES,
				displayOptions,
			},
	{
		displayName: 'Percent',
		name: 'percent',
		type: 'number',
		default: 100,
		typeOptions: { minValue: 0, maxValue: 1000, numberPrecision: 2 },
		description: 'Share of the person\'s availability, in percent (100 = full time; sent as 1.0)',
		displayOptions: { show: { ...displayOptions.show, allocationMode: ['percent'] } },
	},
	{
		displayName: 'Hours per Day',
		name: 'hoursPerDay',
		type: 'number',
		default: 8,
		typeOptions: { minValue: 0, maxValue: 24, numberPrecision: 2 },
		displayOptions: { show: { ...displayOptions.show, allocationMode: ['hours_per_day'] } },
	},
	{
		displayName: 'Fixed Hours',
		name: 'fixedHours',
		type: 'number',
		default: 8,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: 'Total hours over the whole assignment',
		displayOptions: { show: { ...displayOptions.show, allocationMode: ['fixed'] } },
	},
];

const assignmentOptional = (forUpdate: boolean): INodeProperties[] => [
	{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'The work item shown in the work list, e.g. Build wireframes' },
	...(forUpdate ? [{ displayName: 'End Date', name: 'ends_at', type: 'dateTime', default: '' } as INodeProperties] : []),
	{ displayName: 'Note', name: 'note', type: 'string', default: '' },
	...(forUpdate ? [{ displayName: 'Start Date', name: 'starts_at', type: 'dateTime', default: '' } as INodeProperties] : []),
	{
		displayName: 'Status Name or ID',
		name: 'status_option_id',
		type: 'options',
		default: '',
		typeOptions: { loadOptionsMethod: 'getStatusOptions' },
		description: 'Work status of the assignment. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

const assignmentProperties: INodeProperties[] = [
	operationProperty(
		AM,
		[
			{ name: 'Create', value: 'create', action: 'Create an assignment', description: 'Schedule a person, placeholder or nobody on a project, phase or leave type, optionally with subtasks' },
			{ name: 'Delete', value: 'delete', action: 'Delete an assignment' },
			{ name: 'Get', value: 'get', action: 'Get an assignment' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many assignments' },
			{ name: 'Update', value: 'update', action: 'Update an assignment' },
		],
		'create',
	),
	{
		displayName: 'Assign',
		name: 'assigneeType',
		type: 'options',
		default: 'user',
		displayOptions: show(AM, 'create'),
		options: [
			{ name: 'A Person', value: 'user' },
			{ name: 'A Placeholder', value: 'placeholder' },
			{ name: 'Nobody Yet (Unassigned Work Item)', value: 'none' },
		],
	},
	locator('user', 'userId', 'Person', show(AM, 'create', { assigneeType: ['user'] })),
	locator('placeholder', 'placeholderId', 'Placeholder', show(AM, 'create', { assigneeType: ['placeholder'] })),
	{
		displayName: 'Assign To',
		name: 'assignableType',
		type: 'options',
		default: 'project',
		displayOptions: show(AM, 'create'),
		options: [
			{ name: 'Project (or One of Its Phases)', value: 'project' },
			{ name: 'Leave Type', value: 'leaveType' },
		],
	},
	locator('project', 'projectId', 'Project', show(AM, 'create', { assignableType: ['project'] })),
	locator('leaveType', 'leaveTypeId', 'Leave Type', show(AM, 'create', { assignableType: ['leaveType'] })),
	{ displayName: 'Start Date', name: 'starts_at', type: 'dateTime', required: true, default: '', displayOptions: show(AM, 'create') },
	{ displayName: 'End Date', name: 'ends_at', type: 'dateTime', required: true, default: '', displayOptions: show(AM, 'create') },
	...allocationFields(show(AM, 'create'), false),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(AM, 'create'),
		options: [...assignmentOptional(false), locator('phase', 'phaseId', 'Phase', { show: {} }, { required: false, description: 'Assign to this phase of the chosen project' })].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	{
		displayName: 'Subtasks',
		name: 'subtasks',
		type: 'fixedCollection',
		placeholder: 'Add Subtask',
		default: {},
		typeOptions: { multipleValues: true },
		displayOptions: show(AM, 'create'),
		description: 'Checklist items created with the assignment',
		options: [
			{
				displayName: 'Subtask',
				name: 'subtask',
				values: [
					{ displayName: 'Description', name: 'description', type: 'string', default: '' },
					{ displayName: 'Completed', name: 'completed', type: 'boolean', default: false, description: 'Whether the subtask is already done' },
				],
			},
		],
	},
	idField('assignmentId', 'Assignment ID', show(AM, ['get', 'update', 'delete'])),
	...allocationFields(show(AM, 'update'), true),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(AM, 'update'),
		options: assignmentOptional(true),
	},
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'account',
		displayOptions: show(AM, 'getAll'),
		options: [
			{ name: 'Whole Account', value: 'account' },
			{ name: 'One Person', value: 'user' },
			{ name: 'One Placeholder', value: 'placeholder' },
			{ name: 'One Project', value: 'project' },
		],
	},
	locator('user', 'scopeUserId', 'Person', show(AM, 'getAll', { scope: ['user'] })),
	locator('placeholder', 'scopePlaceholderId', 'Placeholder', show(AM, 'getAll', { scope: ['placeholder'] })),
	locator('project', 'scopeProjectId', 'Project', show(AM, 'getAll', { scope: ['project'] })),
	...returnAllLimit(AM, 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(AM, 'getAll'),
		options: [
			{ displayName: 'Ends After', name: 'from', type: 'dateTime', default: '', description: 'Assignments that end after this date' },
			{ displayName: 'Include Phases', name: 'with_phases', type: 'boolean', default: false, description: 'Whether to include assignments to phases' },
			{ displayName: 'Starts Before', name: 'to', type: 'dateTime', default: '', description: 'Assignments that start before this date' },
		],
	},
	fieldsOption(show(AM, ['get', 'getAll']), ASSIGNMENT_FIELDS),
];

function allocation(ctx: IExecuteFunctions, i: number): IDataObject {
	const mode = ctx.getNodeParameter('allocationMode', i) as string;
	if (mode === 'keep') return {};
	if (mode === 'percent') return { allocation_mode: mode, percent: number(ctx, i, 'Percent', ctx.getNodeParameter('percent', i), { min: 0 }) / 100 };
	if (mode === 'hours_per_day') return { allocation_mode: mode, hours_per_day: number(ctx, i, 'Hours per Day', ctx.getNodeParameter('hoursPerDay', i), { min: 0, max: 24 }) };
	return { allocation_mode: mode, fixed_hours: number(ctx, i, 'Fixed Hours', ctx.getNodeParameter('fixedHours', i), { min: 0 }) };
}

function assignmentExtras(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body = fieldsToBody(ctx, i, fields, { dates: ['starts_at', 'ends_at'], ids: ['status_option_id'], labels: { starts_at: 'Start Date', ends_at: 'End Date', status_option_id: 'Status' } });
	delete body.phaseId;
	return body;
}

const assignmentHandlers: ResourceModule['handlers'] = {
	async create(ctx, i) {
		const who = ctx.getNodeParameter('assigneeType', i) as string;
		const type = ctx.getNodeParameter('assignableType', i) as string;
		const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const userId = who === 'user' ? idOf(ctx, 'userId', i, 'Person') : who === 'placeholder' ? idOf(ctx, 'placeholderId', i, 'Placeholder') : null;
		let assignableId = type === 'leaveType' ? idOf(ctx, 'leaveTypeId', i, 'Leave Type') : idOf(ctx, 'projectId', i, 'Project');
		const phase = optionalId(ctx, extra.phaseId, i, 'Phase');
		if (phase && type === 'project') assignableId = phase;
		const startsAt = date(ctx, i, 'Start Date', ctx.getNodeParameter('starts_at', i));
		const endsAt = date(ctx, i, 'End Date', ctx.getNodeParameter('ends_at', i));
		if (endsAt < startsAt) throw invalidInput(ctx.getNode(), i, 'End Date', `must not be before the start date (${startsAt})`);
		const subtasks = (((ctx.getNodeParameter('subtasks', i, {}) as IDataObject).subtask as IDataObject[] | undefined) ?? []).map((s, k) => {
			const description = String(s.description ?? '').trim();
			if (!description) throw invalidInput(ctx.getNode(), i, `Subtasks › Description (subtask ${k + 1})`, 'is required');
			return { description, completed: Boolean(s.completed) };
		});
		const body: IDataObject = compact({
			...assignmentExtras(ctx, i, extra),
			assignable_id: assignableId,
			starts_at: startsAt,
			ends_at: endsAt,
			...allocation(ctx, i),
		});
		if (subtasks.length || userId === null) {
			return await api(ctx, i, 'POST', '/assignments', { body: { ...body, user_id: userId, ...(subtasks.length ? { subtasks } : {}) } });
		}
		return await api(ctx, i, 'POST', `/users/${userId}/assignments`, { body, notFound: `Person ${userId}` });
	},
	async get(ctx, i) {
		const id = idOf(ctx, 'assignmentId', i, 'Assignment ID');
		return await api(ctx, i, 'GET', `/assignments/${id}`, { qs: fieldsQuery(ctx, i), notFound: `Assignment ${id}` });
	},
	async update(ctx, i) {
		const id = idOf(ctx, 'assignmentId', i, 'Assignment ID');
		const body = { ...assignmentExtras(ctx, i, ctx.getNodeParameter('updateFields', i, {}) as IDataObject), ...allocation(ctx, i) };
		if (body.starts_at && body.ends_at && String(body.ends_at) < String(body.starts_at)) throw invalidInput(ctx.getNode(), i, 'End Date', `must not be before the start date (${String(body.starts_at)})`);
		if (!Object.keys(body).length) throw invalidInput(ctx.getNode(), i, 'Update Fields', 'choose at least one field to change');
		return await api(ctx, i, 'PUT', `/assignments/${id}`, { body, notFound: `Assignment ${id}` });
	},
	async delete(ctx, i) {
		const id = idOf(ctx, 'assignmentId', i, 'Assignment ID');
		const current = await api<IDataObject>(ctx, i, 'GET', `/assignments/${id}`, { notFound: `Assignment ${id}` });
		const path = current.user_id ? `/users/${current.user_id as number}/assignments/${id}` : `/projects/${current.assignable_id as number}/assignments/${id}`;
		await api(ctx, i, 'DELETE', path, { notFound: `Assignment ${id}` });
		return { id, deleted: true };
	},
	async getAll(ctx, i) {
		const scope = ctx.getNodeParameter('scope', i) as string;
		const f = ctx.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {
			...fieldsQuery(ctx, i),
			from: optionalDate(ctx, i, 'Ends After', f.from),
			to: optionalDate(ctx, i, 'Starts Before', f.to),
			with_phases: f.with_phases ? true : undefined,
		};
		if (scope === 'user') return await list(ctx, i, `/users/${idOf(ctx, 'scopeUserId', i, 'Person')}/assignments`, qs);
		if (scope === 'placeholder') return await list(ctx, i, `/placeholder_resources/${idOf(ctx, 'scopePlaceholderId', i, 'Placeholder')}/assignments`, qs);
		if (scope === 'project') return await list(ctx, i, `/projects/${idOf(ctx, 'scopeProjectId', i, 'Project')}/assignments`, qs);
		return await list(ctx, i, '/assignments', qs);
	},
};

// =================================================================================================
// Subtasks
// =================================================================================================

const ST = 'subtask';

const subtaskProperties: INodeProperties[] = [
	operationProperty(
		ST,
		[
			{ name: 'Create', value: 'create', action: 'Create a subtask' },
			{ name: 'Delete', value: 'delete', action: 'Delete a subtask' },
			{ name: 'Get', value: 'get', action: 'Get a subtask' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many subtasks of an assignment' },
			{ name: 'Update', value: 'update', action: 'Update a subtask' },
		],
		'create',
	),
	locator('project', 'projectId', 'Project', show(ST, ['create', 'delete', 'get', 'getAll', 'update'])),
	idField('assignmentId', 'Assignment ID', show(ST, ['create', 'delete', 'get', 'getAll', 'update'])),
	idField('subtaskId', 'Subtask ID', show(ST, ['delete', 'get', 'update'])),
	{ displayName: 'Description', name: 'description', type: 'string', required: true, default: '', displayOptions: show(ST, 'create') },
	{ displayName: 'Completed', name: 'completed', type: 'boolean', default: false, description: 'Whether the subtask is done', displayOptions: show(ST, 'create') },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(ST, 'update'),
		options: [
			{ displayName: 'Completed', name: 'completed', type: 'boolean', default: true, description: 'Whether the subtask is done' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		],
	},
	...returnAllLimit(ST, 'getAll'),
];

function subtaskBase(ctx: IExecuteFunctions, i: number): string {
	return `/projects/${idOf(ctx, 'projectId', i, 'Project')}/assignments/${idOf(ctx, 'assignmentId', i, 'Assignment ID')}/subtasks`;
}

const subtaskHandlers: ResourceModule['handlers'] = {
	async create(ctx, i) {
		const description = String(ctx.getNodeParameter('description', i) ?? '').trim();
		if (!description) throw invalidInput(ctx.getNode(), i, 'Description', 'is required');
		return await api(ctx, i, 'POST', subtaskBase(ctx, i), { body: { description, completed: ctx.getNodeParameter('completed', i, false) as boolean } });
	},
	async get(ctx, i) {
		const id = idOf(ctx, 'subtaskId', i, 'Subtask ID');
		return await api(ctx, i, 'GET', `${subtaskBase(ctx, i)}/${id}`, { notFound: `Subtask ${id}` });
	},
	async getAll(ctx, i) {
		return await list(ctx, i, subtaskBase(ctx, i));
	},
	async update(ctx, i) {
		const id = idOf(ctx, 'subtaskId', i, 'Subtask ID');
		const body = compact(ctx.getNodeParameter('updateFields', i, {}) as IDataObject);
		if (!Object.keys(body).length) throw invalidInput(ctx.getNode(), i, 'Update Fields', 'choose at least one field to change');
		return await api(ctx, i, 'PUT', `${subtaskBase(ctx, i)}/${id}`, { body, notFound: `Subtask ${id}` });
	},
	async delete(ctx, i) {
		const id = idOf(ctx, 'subtaskId', i, 'Subtask ID');
		await api(ctx, i, 'DELETE', `${subtaskBase(ctx, i)}/${id}`, { notFound: `Subtask ${id}` });
		return { id, deleted: true };
	},
};

// =================================================================================================
// Bill rates
// =================================================================================================

const BR = 'billRate';

const billRateFields: INodeProperties[] = [
	{ displayName: 'Discipline ID', name: 'discipline_id', type: 'string', default: '', description: 'A discipline-specific rate (not together with a person)' },
	{ displayName: 'End Date', name: 'ends_at', type: 'dateTime', default: '' },
	{ displayName: 'Person ID', name: 'user_id', type: 'string', default: '', description: 'A rate for one person (or placeholder) on this project' },
	{ displayName: 'Role ID', name: 'role_id', type: 'string', default: '', description: 'A role-specific rate (not together with a person)' },
	{ displayName: 'Start Date', name: 'starts_at', type: 'dateTime', default: '', description: 'Dated rates win over the default rate from this date' },
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
	locator('project', 'projectId', 'Project', { show: { resource: [BR], operation: ['create', 'delete', 'get', 'update'] } }),
	locator('project', 'scopeProjectId', 'Project', show(BR, 'getAll', { scope: ['project'] })),
	idField('billRateId', 'Bill Rate ID', show(BR, ['delete', 'get', 'update'])),
	{ displayName: 'Rate', name: 'rate', type: 'number', required: true, default: 100, typeOptions: { minValue: 0, numberPrecision: 2 }, description: 'Hourly rate', displayOptions: show(BR, 'create') },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show(BR, 'create'), options: billRateFields },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(BR, 'update'),
		options: [...billRateFields, { displayName: 'Rate', name: 'rate', type: 'number', default: 100, typeOptions: { minValue: 0, numberPrecision: 2 } } as INodeProperties].sort((a, b) => a.displayName.localeCompare(b.displayName)),
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
		labels: { starts_at: 'Start Date', ends_at: 'End Date', rate: 'Rate', user_id: 'Person ID', role_id: 'Role ID', discipline_id: 'Discipline ID' },
	});
	if (body.rate !== undefined && (body.rate as number) < 0) throw invalidInput(ctx.getNode(), i, 'Rate', 'must not be negative');
	if (body.user_id && (body.role_id || body.discipline_id)) {
		throw invalidInput(ctx.getNode(), i, 'Role ID', 'a rate for one person must not name a role or discipline');
	}
	return body;
}

const rebuildQs = (ctx: IExecuteFunctions, i: number) => (ctx.getNodeParameter('rebuildAssignments', i, false) ? { rebuild_assignments: true } : undefined);

const billRateHandlers: ResourceModule['handlers'] = {
	async getAll(ctx, i) {
		if (ctx.getNodeParameter('scope', i) === 'account') return await list(ctx, i, '/bill_rates');
		const pid = idOf(ctx, 'scopeProjectId', i, 'Project');
		return await list(ctx, i, `/projects/${pid}/bill_rates`, {}, `Project ${pid}`);
	},
	async get(ctx, i) {
		const pid = idOf(ctx, 'projectId', i, 'Project');
		const id = idOf(ctx, 'billRateId', i, 'Bill Rate ID');
		return await api(ctx, i, 'GET', `/projects/${pid}/bill_rates/${id}`, { notFound: `Bill rate ${id} of project ${pid}` });
	},
	async create(ctx, i) {
		const pid = idOf(ctx, 'projectId', i, 'Project');
		const body = rateBody(ctx, i, { ...(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject), rate: ctx.getNodeParameter('rate', i) });
		return await api(ctx, i, 'POST', `/projects/${pid}/bill_rates`, { body: { ...body, assignable_id: pid }, qs: rebuildQs(ctx, i), notFound: `Project ${pid}` });
	},
	async update(ctx, i) {
		const pid = idOf(ctx, 'projectId', i, 'Project');
		const id = idOf(ctx, 'billRateId', i, 'Bill Rate ID');
		const body = rateBody(ctx, i, ctx.getNodeParameter('updateFields', i, {}) as IDataObject);
		if (!Object.keys(body).length) throw invalidInput(ctx.getNode(), i, 'Update Fields', 'choose at least one field to change');
		return await api(ctx, i, 'PUT', `/projects/${pid}/bill_rates/${id}`, { body, qs: rebuildQs(ctx, i), notFound: `Bill rate ${id} of project ${pid}` });
	},
	async delete(ctx, i) {
		const pid = idOf(ctx, 'projectId', i, 'Project');
		const id = idOf(ctx, 'billRateId', i, 'Bill Rate ID');
		await api(ctx, i, 'DELETE', `/projects/${pid}/bill_rates/${id}`, { qs: rebuildQs(ctx, i), notFound: `Bill rate ${id} of project ${pid}` });
		return { id, deleted: true };
	},
};

// =================================================================================================
// Budget items and categories
// =================================================================================================

const BI = 'budgetItem';
const ITEM_TYPES = [
	{ name: 'Expenses (Amount)', value: 'Expenses' },
	{ name: 'Time Fees (Amount)', value: 'TimeFees' },
	{ name: 'Time Fees Days (in Hours)', value: 'TimeFeesDays' },
];

const budgetFields: INodeProperties[] = [
	{ displayName: 'Category', name: 'category', type: 'string', default: '', description: 'A budget category name; empty for an uncategorised line' },
	{ displayName: 'Per Item Amount', name: 'peritem_amount', type: 'number', default: 0 },
	{ displayName: 'Per Item Label', name: 'peritem_label', type: 'string', default: '' },
];

const budgetItemProperties: INodeProperties[] = [
	operationProperty(
		BI,
		[
			{ name: 'Create', value: 'create', action: 'Create a budget item' },
			{ name: 'Delete', value: 'delete', action: 'Delete a budget item' },
			{ name: 'Get', value: 'get', action: 'Get a budget item' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many budget items of a project' },
			{ name: 'Update', value: 'update', action: 'Update a budget item' },
		],
		'getAll',
	),
	locator('project', 'projectId', 'Project', show(BI, ['create', 'getAll'])),
	idField('budgetItemId', 'Budget Item ID', show(BI, ['delete', 'get', 'update'])),
	{ displayName: 'Item Type', name: 'itemType', type: 'options', default: 'TimeFees', options: ITEM_TYPES, displayOptions: show(BI, ['create', 'getAll']), description: 'Budgets keep amounts and hours apart: every request names one type' },
	{ displayName: 'Amount', name: 'amount', type: 'number', required: true, default: 0, typeOptions: { numberPrecision: 2 }, displayOptions: show(BI, 'create') },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show(BI, 'create'), options: budgetFields },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(BI, 'update'),
		options: [{ displayName: 'Amount', name: 'amount', type: 'number', default: 0, typeOptions: { numberPrecision: 2 } } as INodeProperties, ...budgetFields],
	},
	...returnAllLimit(BI, 'getAll'),
];

const budgetItemHandlers: ResourceModule['handlers'] = {
	async getAll(ctx, i) {
		const pid = idOf(ctx, 'projectId', i, 'Project');
		return await list(ctx, i, `/projects/${pid}/budget_items`, { item_type: ctx.getNodeParameter('itemType', i) as string }, `Project ${pid}`);
	},
	async get(ctx, i) {
		const id = idOf(ctx, 'budgetItemId', i, 'Budget Item ID');
		return await api(ctx, i, 'GET', `/budget_items/${id}`, { notFound: `Budget item ${id}` });
	},
	async create(ctx, i) {
		const pid = idOf(ctx, 'projectId', i, 'Project');
		const body = {
			...fieldsToBody(ctx, i, ctx.getNodeParameter('additionalFields', i, {}) as IDataObject, { numbers: ['peritem_amount'] }),
			item_type: ctx.getNodeParameter('itemType', i) as string,
			amount: number(ctx, i, 'Amount', ctx.getNodeParameter('amount', i)),
		};
		return await api(ctx, i, 'POST', `/projects/${pid}/budget_items`, { body, notFound: `Project ${pid}` });
	},
	async update(ctx, i) {
		const id = idOf(ctx, 'budgetItemId', i, 'Budget Item ID');
		const body = fieldsToBody(ctx, i, ctx.getNodeParameter('updateFields', i, {}) as IDataObject, { numbers: ['amount', 'peritem_amount'], labels: { amount: 'Amount' } });
		if (!Object.keys(body).length) throw invalidInput(ctx.getNode(), i, 'Update Fields', 'choose at least one field to change');
		return await api(ctx, i, 'PUT', `/budget_items/${id}`, { body, notFound: `Budget item ${id}` });
	},
	async delete(ctx, i) {
		const id = idOf(ctx, 'budgetItemId', i, 'Budget Item ID');
		await api(ctx, i, 'DELETE', `/budget_items/${id}`, { notFound: `Budget item ${id}` });
		return { id, deleted: true };
	},
};

const BC = 'budgetItemCategory';

const budgetCategoryProperties: INodeProperties[] = [
	operationProperty(BC, [{ name: 'Get Many', value: 'getAll', action: 'Get many budget item categories' }], 'getAll'),
	{
		displayName: 'Kind',
		name: 'kind',
		type: 'options',
		default: 'time',
		displayOptions: show(BC, 'getAll'),
		options: [
			{ name: 'Expense Categories', value: 'expense' },
			{ name: 'Time Fee Categories', value: 'time' },
		],
	},
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'account',
		displayOptions: show(BC, 'getAll'),
		options: [
			{ name: 'Account Categories', value: 'account' },
			{ name: "One Project's Budget Lines", value: 'project' },
		],
	},
	locator('project', 'scopeProjectId', 'Project', show(BC, 'getAll', { scope: ['project'] })),
	...returnAllLimit(BC, 'getAll'),
];

const budgetCategoryHandlers: ResourceModule['handlers'] = {
	async getAll(ctx, i) {
		const kind = ctx.getNodeParameter('kind', i) === 'expense' ? 'expense_item_categories' : 'time_entry_categories';
		if (ctx.getNodeParameter('scope', i) === 'project') {
			const pid = idOf(ctx, 'scopeProjectId', i, 'Project');
			return await list(ctx, i, `/projects/${pid}/${kind}`, {}, `Project ${pid}`);
		}
		return await list(ctx, i, `/${kind}`);
	},
};

export const project: ResourceModule = { resource: { name: 'Project', value: PR }, properties: projectProperties, handlers: projectHandlers };
export const phase: ResourceModule = { resource: { name: 'Phase', value: PH }, properties: phaseProperties, handlers: phaseHandlers };
export const assignable: ResourceModule = { resource: { name: 'Assignable', value: AS }, properties: assignableProperties, handlers: assignableHandlers };
export const assignment: ResourceModule = { resource: { name: 'Assignment', value: AM }, properties: assignmentProperties, handlers: assignmentHandlers };
export const subtask: ResourceModule = { resource: { name: 'Subtask', value: ST }, properties: subtaskProperties, handlers: subtaskHandlers };
export const billRate: ResourceModule = { resource: { name: 'Bill Rate', value: BR }, properties: billRateProperties, handlers: billRateHandlers };
export const budgetItem: ResourceModule = { resource: { name: 'Budget Item', value: BI }, properties: budgetItemProperties, handlers: budgetItemHandlers };
export const budgetItemCategory: ResourceModule = {
	resource: { name: 'Budget Item Category', value: BC },
	properties: budgetCategoryProperties,
	handlers: budgetCategoryHandlers,
};

export { unwrap };
