import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../shared/validation';
import type { ResourceModule } from './common';
import {
	api,
	compact,
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
	optionalId,
	returnAllLimit,
	show,
	simplifyOption,
	unwrap,
} from './common';

const USER_KEYS = ['id', 'first_name', 'last_name', 'display_name', 'email', 'user_type_id', 'license_type', 'role', 'discipline', 'location', 'employee_number', 'billable', 'archived', 'type', 'hire_date', 'termination_date', 'created_at', 'updated_at'];

const USER_FIELDS: Array<[string, string]> = [
	['assignments', 'Assignments'],
	['availabilities', 'Availabilities'],
	['custom_field_values', 'Custom Field Values'],
	['tags', 'Tags'],
];

// =================================================================================================
// Users
// =================================================================================================

const US = 'user';

const USER_TYPES = [
	{ name: 'Contractor', value: 5 },
	{ name: 'None', value: 0 },
	{ name: 'Project Manager', value: 2 },
	{ name: 'Restricted Team Member', value: 4 },
	{ name: 'Scheduler', value: 7 },
	{ name: 'Team Member', value: 3 },
];

const userWritable = (forUpdate: boolean): INodeProperties[] =>
	[
		{ displayName: 'Billable', name: 'billable', type: 'boolean', default: true, description: 'Whether the person\'s time is billable' },
		{
			displayName: 'Discipline Name or ID',
			name: 'discipline',
			type: 'options',
			default: '',
			typeOptions: { loadOptionsMethod: 'getDisciplineNames' },
			description: 'Choose from the list, or specify a name using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		...(forUpdate ? [{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' } as INodeProperties] : []),
		{ displayName: 'Employee Number', name: 'employee_number', type: 'string', default: '' },
		...(forUpdate ? [{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' } as INodeProperties] : []),
		{ displayName: 'Hire Date', name: 'hire_date', type: 'dateTime', default: '' },
		...(forUpdate ? [{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' } as INodeProperties] : []),
		{
			displayName: 'License Type',
			name: 'license_type',
			type: 'options',
			default: 'licensed',
			options: [
				{ name: 'Licensed', value: 'licensed' },
				{ name: 'Managed Resource', value: 'managed_resource', description: 'Scheduled, but cannot log confirmed time' },
			],
		},
		{ displayName: 'Location', name: 'location', type: 'string', default: '' },
		{ displayName: 'Mobile Phone', name: 'mobile_phone', type: 'string', default: '' },
		{ displayName: 'Office Phone', name: 'office_phone', type: 'string', default: '' },
		{
			displayName: 'Role Name or ID',
			name: 'role',
			type: 'options',
			default: '',
			typeOptions: { loadOptionsMethod: 'getRoleNames' },
			description: 'Choose from the list, or specify a name using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{ displayName: 'Termination Date', name: 'termination_date', type: 'dateTime', default: '' },
		{
			displayName: 'User Type',
			name: 'user_type_id',
			type: 'options',
			default: 3,
			options: USER_TYPES,
			description: 'Permission level. Administrators can only be made in the app.',
		},
	] as INodeProperties[];

const userProperties: INodeProperties[] = [
	operationProperty(
		US,
		[
			{ name: 'Archive', value: 'archive', action: 'Archive a person' },
			{ name: 'Create', value: 'create', action: 'Create a person' },
			{ name: 'Find by Email or Name', value: 'search', action: 'Find people by email or name' },
			{ name: 'Get', value: 'get', action: 'Get a person' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many people', description: 'List the people of the account or of one project' },
			{ name: 'Unarchive', value: 'unarchive', action: 'Unarchive a person' },
			{ name: 'Update', value: 'update', action: 'Update a person' },
		],
		'get',
	),
	locator('user', 'userId', 'Person', show(US, ['get', 'update', 'archive', 'unarchive'])),
	{ displayName: 'First Name', name: 'firstName', type: 'string', required: true, default: '', displayOptions: show(US, 'create') },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', required: true, default: '', displayOptions: show(US, 'create') },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', displayOptions: show(US, 'create') },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show(US, 'create'), options: userWritable(false) },
	{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show(US, 'update'), options: userWritable(true) },
	{
		displayName: 'Find By',
		name: 'searchBy',
		type: 'options',
		default: 'email',
		displayOptions: show(US, 'search'),
		options: [
			{ name: 'Email (Exact, Case-Insensitive)', value: 'email' },
			{ name: 'Name (Contains, Case-Insensitive)', value: 'name' },
		],
	},
	{ displayName: 'Search Text', name: 'searchText', type: 'string', required: true, default: '', displayOptions: show(US, 'search') },
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'account',
		displayOptions: show(US, 'getAll'),
		options: [
			{ name: 'Whole Account', value: 'account' },
			{ name: 'People on One Project', value: 'project', description: 'People with assignments on the project' },
		],
	},
	locator('project', 'scopeProjectId', 'Project', show(US, 'getAll', { scope: ['project'] })),
	...returnAllLimit(US, ['getAll', 'search']),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(US, ['getAll', 'search']),
		options: [
			{ displayName: 'Include Archived', name: 'with_archived', type: 'boolean', default: false, description: 'Whether to include archived people' },
			{ displayName: 'Include Phases', name: 'with_phases', type: 'boolean', default: false, description: 'Whether to include people assigned to the project\'s phases (project scope only)' },
			{ displayName: 'Include Placeholders', name: 'include_placeholders', type: 'boolean', default: false, description: 'Whether to include placeholder resources' },
			{
				displayName: 'Sort By',
				name: 'sort_field',
				type: 'options',
				default: 'last_name',
				options: [
					{ name: 'Created', value: 'created' },
					{ name: 'First Name', value: 'first_name' },
					{ name: 'Hire Date', value: 'hire_date' },
					{ name: 'Last Name', value: 'last_name' },
					{ name: 'Termination Date', value: 'termination_date' },
					{ name: 'Updated', value: 'updated' },
				],
			},
			{ displayName: 'Sort Order', name: 'sort_order', type: 'options', default: 'ascending', options: [{ name: 'Ascending', value: 'ascending' }, { name: 'Descending', value: 'descending' }] },
		],
	},
	fieldsOption(show(US, ['get', 'getAll', 'search']), USER_FIELDS),
	simplifyOption(show(US, ['get', 'getAll', 'search'])),
];

function userBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body = fieldsToBody(ctx, i, fields, { dates: ['hire_date', 'termination_date'], labels: { hire_date: 'Hire Date', termination_date: 'Termination Date' } });
	if (body.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(body.email))) throw invalidInput(ctx.getNode(), i, 'Email', `is not an email address: "${String(body.email)}"`);
	if (body.user_type_id !== undefined && Number(body.user_type_id) === 1) throw invalidInput(ctx.getNode(), i, 'User Type', 'administrators can only be made in the app');
	return body;
}

const userHandlers: ResourceModule['handlers'] = {
	async create(ctx, i) {
		const body = userBody(ctx, i, {
			...(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject),
			first_name: String(ctx.getNodeParameter('firstName', i) ?? '').trim(),
			last_name: String(ctx.getNodeParameter('lastName', i) ?? '').trim(),
			email: String(ctx.getNodeParameter('email', i) ?? '').trim(),
		});
		if (!body.first_name) throw invalidInput(ctx.getNode(), i, 'First Name', 'is required');
		if (!body.last_name) throw invalidInput(ctx.getNode(), i, 'Last Name', 'is required');
		if (!body.email) throw invalidInput(ctx.getNode(), i, 'Email', 'is required');
		return await api(ctx, i, 'POST', '/users', { body });
	},
	async get(ctx, i) {
		const id = idOf(ctx, 'userId', i, 'Person');
		return maybeSimplify(ctx, i, await api(ctx, i, 'GET', `/users/${id}`, { qs: fieldsQuery(ctx, i), notFound: `Person ${id}` }), USER_KEYS);
	},
	async update(ctx, i) {
		const id = idOf(ctx, 'userId', i, 'Person');
		const body = userBody(ctx, i, ctx.getNodeParameter('updateFields', i, {}) as IDataObject);
		if (!Object.keys(body).length) throw invalidInput(ctx.getNode(), i, 'Update Fields', 'choose at least one field to change');
		return await api(ctx, i, 'PUT', `/users/${id}`, { body, notFound: `Person ${id}` });
	},
	async archive(ctx, i) {
		const id = idOf(ctx, 'userId', i, 'Person');
		return await api(ctx, i, 'PUT', `/users/${id}`, { body: { archived: true }, notFound: `Person ${id}` });
	},
	async unarchive(ctx, i) {
		const id = idOf(ctx, 'userId', i, 'Person');
		return await api(ctx, i, 'PUT', `/users/${id}`, { body: { archived: false }, notFound: `Person ${id}` });
	},
	async getAll(ctx, i) {
		const f = ctx.getNodeParameter('filters', i, {}) as IDataObject;
		const scope = ctx.getNodeParameter('scope', i, 'account') as string;
		const qs: IDataObject = {
			...fieldsQuery(ctx, i),
			with_archived: f.with_archived ? true : undefined,
			include_placeholders: f.include_placeholders ? true : undefined,
			sort_field: f.sort_field,
			sort_order: f.sort_order,
		};
		if (scope === 'project') {
			const pid = idOf(ctx, 'scopeProjectId', i, 'Project');
			return maybeSimplify(ctx, i, await list(ctx, i, `/projects/${pid}/users`, { ...qs, with_phases: f.with_phases ? true : undefined }, `Project ${pid}`), USER_KEYS);
		}
		return maybeSimplify(ctx, i, await list(ctx, i, '/users', qs), USER_KEYS);
	},
	async search(ctx, i) {
		const by = ctx.getNodeParameter('searchBy', i) as string;
		const text = String(ctx.getNodeParameter('searchText', i) ?? '').trim().toLowerCase();
		if (!text) throw invalidInput(ctx.getNode(), i, 'Search Text', 'is required');
		if (by === 'email' && !text.includes('@')) throw invalidInput(ctx.getNode(), i, 'Search Text', `is not an email address: "${text}"`);
		const f = ctx.getNodeParameter('filters', i, {}) as IDataObject;
		const all = await listEvery(ctx, i, '/users', {
			...fieldsQuery(ctx, i),
			with_archived: f.with_archived ? true : undefined,
			include_placeholders: f.include_placeholders ? true : undefined,
			sort_field: f.sort_field,
			sort_order: f.sort_order,
		});
		const found = all.filter((u) => {
			if (by === 'email') return String(u.email ?? '').toLowerCase() === text;
			const names = [u.display_name, `${String(u.first_name ?? '')} ${String(u.last_name ?? '')}`, u.first_name, u.last_name, u.title];
			return names.some((n) => n && String(n).toLowerCase().includes(text));
		});
		const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
		return maybeSimplify(ctx, i, returnAll ? found : found.slice(0, ctx.getNodeParameter('limit', i, 50) as number), USER_KEYS);
	},
};

// =================================================================================================
// Availabilities
// =================================================================================================

const AV = 'availability';
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const dayField = (d: string, k: number): INodeProperties => ({
	displayName: `${d} Hours`,
	name: `day${k}`,
	type: 'number',
	default: 8,
	typeOptions: { minValue: 0, maxValue: 24, numberPrecision: 2 },
	description: `Available hours on ${d}s`,
});

const endField: INodeProperties = { displayName: 'End Date', name: 'ends_at', type: 'dateTime', default: '', description: 'Empty: applies indefinitely into the future' };
const startField: INodeProperties = { displayName: 'Start Date', name: 'starts_at', type: 'dateTime', default: '', description: 'Empty: applies indefinitely into the past' };
const availabilityFields: INodeProperties[] = [endField, ...DAYS.map(dayField), startField].sort((a, b) => a.displayName.localeCompare(b.displayName));

const availabilityProperties: INodeProperties[] = [
	operationProperty(
		AV,
		[
			{ name: 'Create', value: 'create', action: 'Create an availability block', description: 'Custom work hours for a person in a date range (e.g. part time)' },
			{ name: 'Delete', value: 'delete', action: 'Delete an availability block' },
			{ name: 'Get', value: 'get', action: 'Get an availability block' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many availability blocks of a person' },
			{ name: 'Update', value: 'update', action: 'Update an availability block' },
		],
		'getAll',
	),
	locator('user', 'userId', 'Person', show(AV, ['create', 'delete', 'get', 'getAll', 'update'])),
	idField('availabilityId', 'Availability ID', show(AV, ['delete', 'get', 'update'])),
	{ displayName: 'Fields', name: 'availabilityFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show(AV, ['create', 'update']), options: availabilityFields },
	...returnAllLimit(AV, 'getAll'),
];

function availabilityBody(ctx: IExecuteFunctions, i: number): IDataObject {
	const fields = ctx.getNodeParameter('availabilityFields', i, {}) as IDataObject;
	const labels: Record<string, string> = { starts_at: 'Start Date', ends_at: 'End Date' };
	DAYS.forEach((d, k) => (labels[`day${k}`] = `${d} Hours`));
	const body = fieldsToBody(ctx, i, fields, { dates: ['starts_at', 'ends_at'], numbers: DAYS.map((_, k) => `day${k}`), labels });
	for (let k = 0; k < 7; k++) {
		const v = body[`day${k}`] as number | undefined;
		if (v !== undefined && (v < 0 || v > 24)) throw invalidInput(ctx.getNode(), i, `${DAYS[k]} Hours`, `must be between 0 and 24, got ${v}`);
	}
	if (body.starts_at && body.ends_at && String(body.ends_at) < String(body.starts_at)) throw invalidInput(ctx.getNode(), i, 'End Date', 'must not be before the start date');
	return body;
}

const availabilityHandlers: ResourceModule['handlers'] = {
	async getAll(ctx, i) {
		const uid = idOf(ctx, 'userId', i, 'Person');
		return await list(ctx, i, `/users/${uid}/availabilities`, {}, `Person ${uid}`);
	},
	async get(ctx, i) {
		const uid = idOf(ctx, 'userId', i, 'Person');
		const id = idOf(ctx, 'availabilityId', i, 'Availability ID');
		return await api(ctx, i, 'GET', `/users/${uid}/availabilities/${id}`, { notFound: `Availability ${id} of person ${uid}` });
	},
	async create(ctx, i) {
		const uid = idOf(ctx, 'userId', i, 'Person');
		return await api(ctx, i, 'POST', `/users/${uid}/availabilities`, { body: availabilityBody(ctx, i), notFound: `Person ${uid}` });
	},
	async update(ctx, i) {
		const uid = idOf(ctx, 'userId', i, 'Person');
		const id = idOf(ctx, 'availabilityId', i, 'Availability ID');
		const body = availabilityBody(ctx, i);
		if (!Object.keys(body).length) throw invalidInput(ctx.getNode(), i, 'Fields', 'choose at least one field to change');
		return await api(ctx, i, 'PUT', `/users/${uid}/availabilities/${id}`, { body, notFound: `Availability ${id} of person ${uid}` });
	},
	async delete(ctx, i) {
		const uid = idOf(ctx, 'userId', i, 'Person');
		const id = idOf(ctx, 'availabilityId', i, 'Availability ID');
		await api(ctx, i, 'DELETE', `/users/${uid}/availabilities/${id}`, { notFound: `Availability ${id} of person ${uid}` });
		return { id, deleted: true };
	},
};

// =================================================================================================
// User statuses
// =================================================================================================

const SS = 'userStatus';

const userStatusProperties: INodeProperties[] = [
	operationProperty(
		SS,
		[
			{ name: 'Set', value: 'create', action: 'Set a person s status', description: 'Set the current status (in the office, working from home, ...)' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many statuses of a person' },
		],
		'create',
	),
	locator('user', 'userId', 'Person', show(SS, ['create', 'getAll'])),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'ITO',
		displayOptions: show(SS, 'create'),
		options: [
			{ name: 'In the Office (ITO)', value: 'ITO' },
			{ name: 'On the Road (OOO)', value: 'OOO' },
			{ name: 'Out of Office (OOF)', value: 'OOF' },
			{ name: 'Sick (SIC)', value: 'SIC' },
			{ name: 'Vacation (VAC)', value: 'VAC' },
			{ name: 'Working From Home (WFH)', value: 'WFH' },
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(SS, 'create'),
		options: [
			{ displayName: 'Assignable ID', name: 'assignable_id', type: 'string', default: '', description: 'Project or leave type the person is working on' },
			{ displayName: 'Current Task', name: 'current_task', type: 'string', default: '' },
			{ displayName: 'End', name: 'end', type: 'dateTime', default: '' },
			{ displayName: 'Message', name: 'message', type: 'string', default: '' },
		],
	},
	...returnAllLimit(SS, 'getAll'),
];

const userStatusHandlers: ResourceModule['handlers'] = {
	async create(ctx, i) {
		const uid = idOf(ctx, 'userId', i, 'Person');
		const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = compact({
			status: ctx.getNodeParameter('status', i) as string,
			assignable_id: optionalId(ctx, extra.assignable_id, i, 'Assignable ID'),
			current_task: extra.current_task as string,
			message: extra.message as string,
			end: extra.end ? new Date(String(extra.end)).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined,
		});
		return await api(ctx, i, 'POST', `/users/${uid}/statuses`, { body, notFound: `Person ${uid}` });
	},
	async getAll(ctx, i) {
		const uid = idOf(ctx, 'userId', i, 'Person');
		return await list(ctx, i, `/users/${uid}/statuses`, {}, `Person ${uid}`);
	},
};

// =================================================================================================
// Placeholder resources
// =================================================================================================

const PL = 'placeholderResource';

const placeholderFields: INodeProperties[] = [
	{ displayName: 'Discipline', name: 'discipline', type: 'string', default: '' },
	{ displayName: 'Location', name: 'location', type: 'string', default: '' },
	{ displayName: 'Role', name: 'role', type: 'string', default: '' },
];

const placeholderProperties: INodeProperties[] = [
	operationProperty(
		PL,
		[
			{ name: 'Create', value: 'create', action: 'Create a placeholder' },
			{ name: 'Delete', value: 'delete', action: 'Delete a placeholder' },
			{ name: 'Get', value: 'get', action: 'Get a placeholder' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many placeholders' },
			{ name: 'Update', value: 'update', action: 'Update a placeholder' },
		],
		'getAll',
	),
	locator('placeholder', 'placeholderId', 'Placeholder', show(PL, ['delete', 'get', 'update'])),
	{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '', placeholder: 'e.g. Designer', displayOptions: show(PL, 'create') },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show(PL, 'create'), options: placeholderFields },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(PL, 'update'),
		options: [...placeholderFields, { displayName: 'Title', name: 'title', type: 'string', default: '' } as INodeProperties],
	},
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'account',
		displayOptions: show(PL, 'getAll'),
		options: [
			{ name: 'Whole Account', value: 'account' },
			{ name: 'Placeholders on One Project', value: 'project' },
		],
	},
	locator('project', 'scopeProjectId', 'Project', show(PL, 'getAll', { scope: ['project'] })),
	...returnAllLimit(PL, 'getAll'),
	fieldsOption(show(PL, ['get', 'getAll']), [
		['assignments', 'Assignments'],
		['custom_field_values', 'Custom Field Values'],
	]),
];

const placeholderHandlers: ResourceModule['handlers'] = {
	async create(ctx, i) {
		const title = String(ctx.getNodeParameter('title', i) ?? '').trim();
		if (!title) throw invalidInput(ctx.getNode(), i, 'Title', 'is required');
		return await api(ctx, i, 'POST', '/placeholder_resources', { body: compact({ ...(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject), title }) });
	},
	async get(ctx, i) {
		const id = idOf(ctx, 'placeholderId', i, 'Placeholder');
		return await api(ctx, i, 'GET', `/placeholder_resources/${id}`, { qs: fieldsQuery(ctx, i), notFound: `Placeholder ${id}` });
	},
	async update(ctx, i) {
		const id = idOf(ctx, 'placeholderId', i, 'Placeholder');
		const body = compact(ctx.getNodeParameter('updateFields', i, {}) as IDataObject);
		if (!Object.keys(body).length) throw invalidInput(ctx.getNode(), i, 'Update Fields', 'choose at least one field to change');
		return await api(ctx, i, 'PUT', `/placeholder_resources/${id}`, { body, notFound: `Placeholder ${id}` });
	},
	async delete(ctx, i) {
		const id = idOf(ctx, 'placeholderId', i, 'Placeholder');
		await api(ctx, i, 'DELETE', `/placeholder_resources/${id}`, { notFound: `Placeholder ${id}` });
		return { id, deleted: true };
	},
	async getAll(ctx, i) {
		if (ctx.getNodeParameter('scope', i) === 'project') {
			const pid = idOf(ctx, 'scopeProjectId', i, 'Project');
			return await list(ctx, i, `/projects/${pid}/placeholder_resources`, fieldsQuery(ctx, i), `Project ${pid}`);
		}
		return await list(ctx, i, '/placeholder_resources', fieldsQuery(ctx, i));
	},
};

// =================================================================================================
// Tags (projects and people)
// =================================================================================================

const TG = 'tag';

const tagProperties: INodeProperties[] = [
	operationProperty(
		TG,
		[
			{ name: 'Add', value: 'add', action: 'Add a tag', description: 'Attach a tag, creating it in the account if it does not exist' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many tags' },
			{ name: 'Remove', value: 'remove', action: 'Remove a tag', description: 'Detach a tag (it stays in the account settings)' },
		],
		'add',
	),
	{
		displayName: 'Tags Of',
		name: 'owner',
		type: 'options',
		default: 'user',
		displayOptions: show(TG, ['add', 'getAll', 'remove']),
		options: [
			{ name: 'A Person', value: 'user' },
			{ name: 'A Project', value: 'project' },
		],
	},
	locator('user', 'userId', 'Person', show(TG, ['add', 'getAll', 'remove'], { owner: ['user'] })),
	locator('project', 'projectId', 'Project', show(TG, ['add', 'getAll', 'remove'], { owner: ['project'] })),
	{ displayName: 'Tag', name: 'value', type: 'string', required: true, default: '', placeholder: 'e.g. javascript', displayOptions: show(TG, 'add') },
	idField('tagId', 'Tag ID', show(TG, 'remove')),
	...returnAllLimit(TG, 'getAll'),
];

function tagBase(ctx: IExecuteFunctions, i: number): string {
	return ctx.getNodeParameter('owner', i) === 'project' ? `/projects/${idOf(ctx, 'projectId', i, 'Project')}/tags` : `/users/${idOf(ctx, 'userId', i, 'Person')}/tags`;
}

const tagHandlers: ResourceModule['handlers'] = {
	async add(ctx, i) {
		const value = String(ctx.getNodeParameter('value', i) ?? '').trim();
		if (!value) throw invalidInput(ctx.getNode(), i, 'Tag', 'is required');
		return await api(ctx, i, 'POST', tagBase(ctx, i), { body: { value } });
	},
	async getAll(ctx, i) {
		return await list(ctx, i, tagBase(ctx, i));
	},
	async remove(ctx, i) {
		const id = idOf(ctx, 'tagId', i, 'Tag ID');
		await api(ctx, i, 'DELETE', `${tagBase(ctx, i)}/${id}`, { notFound: `Tag ${id}` });
		return { id, removed: true };
	},
};

// =================================================================================================
// Custom fields and values
// =================================================================================================

const CF = 'customField';

const customFieldEditable: INodeProperties[] = [
	{ displayName: 'Default Value', name: 'default_value', type: 'string', default: '', description: 'Applied where no value is given; for selection lists, one of the options' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Show as Filter', name: 'is_visible_as_filter', type: 'boolean', default: false, description: 'Whether the field is offered as a filter' },
	{ displayName: 'Show on Info Page', name: 'is_visible_on_info_page', type: 'boolean', default: true, description: 'Whether the field is shown on the info page' },
];

const customFieldProperties: INodeProperties[] = [
	operationProperty(
		CF,
		[
			{ name: 'Create', value: 'create', action: 'Create a custom field' },
			{ name: 'Delete', value: 'delete', action: 'Delete a custom field', description: 'Deletes the field and all of its values' },
			{ name: 'Get', value: 'get', action: 'Get a custom field' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many custom fields' },
			{ name: 'Update', value: 'update', action: 'Update a custom field' },
		],
		'getAll',
	),
	{
		displayName: 'Custom Field Name or ID',
		name: 'customFieldId',
		type: 'options',
		required: true,
		default: '',
		typeOptions: { loadOptionsMethod: 'getCustomFields' },
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: show(CF, ['delete', 'get', 'update']),
	},
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', displayOptions: show(CF, 'create') },
	{
		displayName: 'Applies To',
		name: 'namespace',
		type: 'options',
		default: 'users',
		displayOptions: show(CF, 'create'),
		options: [
			{ name: 'People', value: 'users' },
			{ name: 'Projects', value: 'assignables' },
		],
	},
	{
		displayName: 'Data Type',
		name: 'dataType',
		type: 'options',
		default: 'string',
		displayOptions: show(CF, 'create'),
		options: [
			{ name: 'Text', value: 'string' },
			{ name: 'Selection List (One Value)', value: 'selection_list' },
			{ name: 'Multiple Choice Selection List', value: 'multiple_choice_selection_list' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'string',
		typeOptions: { multipleValues: true },
		default: [],
		placeholder: 'Add Option',
		description: 'The values people can choose from',
		displayOptions: show(CF, 'create', { dataType: ['selection_list', 'multiple_choice_selection_list'] }),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(CF, 'create'),
		options: [
			{ displayName: 'Apply Default to Existing Records', name: 'apply_default_to_existing_objects', type: 'boolean', default: false, description: 'Whether to set the default value on all existing projects or people once' },
			...customFieldEditable,
		],
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(CF, 'update'),
		options: [
			...customFieldEditable,
			{ displayName: 'Name', name: 'name', type: 'string', default: '' } as INodeProperties,
			{ displayName: 'Options', name: 'options', type: 'string', typeOptions: { multipleValues: true }, default: [], description: 'The complete new list of options' } as INodeProperties,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	...returnAllLimit(CF, 'getAll'),
];

const customFieldHandlers: ResourceModule['handlers'] = {
	async getAll(ctx, i) {
		return await list(ctx, i, '/custom_fields');
	},
	async get(ctx, i) {
		const id = idOf(ctx, 'customFieldId', i, 'Custom Field');
		return await api(ctx, i, 'GET', `/custom_fields/${id}`, { notFound: `Custom field ${id}` });
	},
	async create(ctx, i) {
		const name = String(ctx.getNodeParameter('name', i) ?? '').trim();
		if (!name) throw invalidInput(ctx.getNode(), i, 'Name', 'is required');
		const dataType = ctx.getNodeParameter('dataType', i) as string;
		const body: IDataObject = { ...compact(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject), name, namespace: ctx.getNodeParameter('namespace', i) as string, data_type: dataType };
		if (dataType !== 'string') {
			const options = (ctx.getNodeParameter('options', i, []) as string[]).map((o) => String(o).trim()).filter(Boolean);
			if (!options.length) throw invalidInput(ctx.getNode(), i, 'Options', 'a selection list needs at least one option');
			body.options = options;
		}
		return await api(ctx, i, 'POST', '/custom_fields', { body });
	},
	async update(ctx, i) {
		const id = idOf(ctx, 'customFieldId', i, 'Custom Field');
		const body = compact(ctx.getNodeParameter('updateFields', i, {}) as IDataObject);
		if (Array.isArray(body.options) && !body.options.length) delete body.options;
		if (!Object.keys(body).length) throw invalidInput(ctx.getNode(), i, 'Update Fields', 'choose at least one field to change');
		return await api(ctx, i, 'PUT', `/custom_fields/${id}`, { body, notFound: `Custom field ${id}` });
	},
	async delete(ctx, i) {
		const id = idOf(ctx, 'customFieldId', i, 'Custom Field');
		await api(ctx, i, 'DELETE', `/custom_fields/${id}`, { notFound: `Custom field ${id}` });
		return { id, deleted: true };
	},
};

const CV = 'customFieldValue';

const customFieldValueProperties: INodeProperties[] = [
	operationProperty(
		CV,
		[
			{ name: 'Get Many', value: 'getAll', action: 'Get many custom field values' },
			{ name: 'Set', value: 'create', action: 'Set a custom field value', description: 'Set the value(s) of a field on a project or person; replaces earlier values of that field' },
			{ name: 'Update', value: 'update', action: 'Update a custom field value' },
		],
		'create',
	),
	{
		displayName: 'Values Of',
		name: 'owner',
		type: 'options',
		default: 'user',
		displayOptions: show(CV, ['create', 'getAll', 'update']),
		options: [
			{ name: 'A Person', value: 'user' },
			{ name: 'A Project', value: 'project' },
		],
	},
	locator('user', 'userId', 'Person', show(CV, ['create', 'getAll', 'update'], { owner: ['user'] })),
	locator('project', 'projectId', 'Project', show(CV, ['create', 'getAll', 'update'], { owner: ['project'] })),
	{
		displayName: 'Custom Field Name or ID',
		name: 'customFieldId',
		type: 'options',
		required: true,
		default: '',
		typeOptions: { loadOptionsMethod: 'getCustomFields' },
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: show(CV, 'create'),
	},
	idField('customFieldValueId', 'Custom Field Value ID', show(CV, 'update')),
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		description: 'For multiple choice lists, several values separated by commas (they replace the current set)',
		displayOptions: show(CV, ['create', 'update']),
	},
	...returnAllLimit(CV, 'getAll'),
];

function valueBase(ctx: IExecuteFunctions, i: number): string {
	return ctx.getNodeParameter('owner', i) === 'project' ? `/projects/${idOf(ctx, 'projectId', i, 'Project')}/custom_field_values` : `/users/${idOf(ctx, 'userId', i, 'Person')}/custom_field_values`;
}

const customFieldValueHandlers: ResourceModule['handlers'] = {
	async getAll(ctx, i) {
		return await list(ctx, i, valueBase(ctx, i));
	},
	async create(ctx, i) {
		const fieldId = idOf(ctx, 'customFieldId', i, 'Custom Field');
		const raw = ctx.getNodeParameter('value', i);
		const values = Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(',').map((v) => v.trim()).filter(Boolean);
		if (!values.length) throw invalidInput(ctx.getNode(), i, 'Value', 'is required');
		const base = valueBase(ctx, i);
		const field = await api<IDataObject>(ctx, i, 'GET', `/custom_fields/${fieldId}`, { notFound: `Custom field ${fieldId}` });
		const multiple = field.data_type === 'multiple_choice_selection_list';
		const value = multiple ? values : Array.isArray(raw) ? String(raw[0]) : String(raw).trim();
		return unwrap(await api(ctx, i, 'POST', base, { body: { custom_field_id: fieldId, value } }));
	},
	async update(ctx, i) {
		const id = idOf(ctx, 'customFieldValueId', i, 'Custom Field Value ID');
		const value = String(ctx.getNodeParameter('value', i) ?? '').trim();
		if (!value) throw invalidInput(ctx.getNode(), i, 'Value', 'is required');
		return await api(ctx, i, 'PUT', `${valueBase(ctx, i)}/${id}`, { body: { value }, notFound: `Custom field value ${id}` });
	},
};

export const user: ResourceModule = { resource: { name: 'Person (User)', value: US }, properties: userProperties, handlers: userHandlers };
export const availability: ResourceModule = { resource: { name: 'Person Availability', value: AV }, properties: availabilityProperties, handlers: availabilityHandlers };
export const userStatus: ResourceModule = { resource: { name: 'Person Status', value: SS }, properties: userStatusProperties, handlers: userStatusHandlers };
export const placeholderResource: ResourceModule = { resource: { name: 'Placeholder Resource', value: PL }, properties: placeholderProperties, handlers: placeholderHandlers };
export const tag: ResourceModule = { resource: { name: 'Tag', value: TG }, properties: tagProperties, handlers: tagHandlers };
export const customField: ResourceModule = { resource: { name: 'Custom Field', value: CF }, properties: customFieldProperties, handlers: customFieldHandlers };
export const customFieldValue: ResourceModule = { resource: { name: 'Custom Field Value', value: CV }, properties: customFieldValueProperties, handlers: customFieldValueHandlers };

export { number };
