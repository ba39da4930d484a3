import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../../../shared/validation';
import type { ResourceModule } from '../common';
import {
	api,
	list,
	returnAllLimit,
	idOf,
	fieldsQuery,
	fieldsToBody,
	locator,
	fieldsOption,
	maybeSimplify,
	operationProperty,
	show,
	simplifyOption,
	requireChanges,
} from '../common';

const USER_KEYS = [
	'id',
	'first_name',
	'last_name',
	'display_name',
	'email',
	'user_type_id',
	'license_type',
	'role',
	'discipline',
	'location',
	'employee_number',
	'billable',
	'archived',
	'type',
	'hire_date',
	'termination_date',
	'created_at',
	'updated_at',
];

const USER_FIELDS: Array<[string, string]> = [
	['assignments', 'Assignments'],
	['availabilities', 'Availabilities'],
	['custom_field_values', 'Custom Field Values'],
	['tags', 'Tags'],
];

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
		{
			displayName: 'Billable',
			name: 'billable',
			type: 'boolean',
			default: true,
			description: "Whether the person's time is billable",
		},
		{
			displayName: 'Discipline Name or ID',
			name: 'discipline',
			type: 'options',
			default: '',
			typeOptions: { loadOptionsMethod: 'getDisciplineNames' },
			description:
				'Choose from the list, or specify a name using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		...(forUpdate
			? [
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
					} as INodeProperties,
				]
			: []),
		{ displayName: 'Employee Number', name: 'employee_number', type: 'string', default: '' },
		...(forUpdate
			? [
					{
						displayName: 'First Name',
						name: 'first_name',
						type: 'string',
						default: '',
					} as INodeProperties,
				]
			: []),
		{ displayName: 'Hire Date', name: 'hire_date', type: 'dateTime', default: '' },
		...(forUpdate
			? [
					{
						displayName: 'Last Name',
						name: 'last_name',
						type: 'string',
						default: '',
					} as INodeProperties,
				]
			: []),
		{
			displayName: 'License Type',
			name: 'license_type',
			type: 'options',
			default: 'licensed',
			options: [
				{ name: 'Licensed', value: 'licensed' },
				{
					name: 'Managed Resource',
					value: 'managed_resource',
					description: 'Scheduled, but cannot log confirmed time',
				},
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
			description:
				'Choose from the list, or specify a name using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
			{ name: 'Create', value: 'create', action: 'Add a person' },
			{ name: 'Find by Email or Name', value: 'search', action: 'Find a person by email or name' },
			{ name: 'Get', value: 'get', action: 'Get a person' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many people',
				description: 'List the people of the account or of one project',
			},
			{ name: 'Unarchive', value: 'unarchive', action: 'Unarchive a person' },
			{ name: 'Update', value: 'update', action: 'Update a person' },
		],
		'get',
	),
	locator('user', 'userId', 'Person', show(US, ['get', 'update', 'archive', 'unarchive'])),
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(US, 'create'),
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(US, 'create'),
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: show(US, 'create'),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(US, 'create'),
		options: userWritable(false),
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(US, 'update'),
		options: userWritable(true),
	},
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
	{
		displayName: 'Search Text',
		name: 'searchText',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(US, 'search'),
	},
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'account',
		displayOptions: show(US, 'getAll'),
		options: [
			{ name: 'Whole Account', value: 'account' },
			{
				name: 'People on One Project',
				value: 'project',
				description: 'People with assignments on the project',
			},
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
			{
				displayName: 'Include Archived',
				name: 'with_archived',
				type: 'boolean',
				default: false,
				description: 'Whether to include archived people',
			},
			{
				displayName: 'Include Phases',
				name: 'with_phases',
				type: 'boolean',
				default: false,
				description:
					"Whether to include people assigned to the project's phases (project scope only)",
			},
			{
				displayName: 'Include Placeholders',
				name: 'include_placeholders',
				type: 'boolean',
				default: false,
				description: 'Whether to include placeholder resources',
			},
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
		],
	},
	fieldsOption(show(US, ['get', 'getAll', 'search']), USER_FIELDS),
	simplifyOption(show(US, ['archive', 'create', 'get', 'getAll', 'search', 'unarchive', 'update'])),
];

function userBody(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body = fieldsToBody(ctx, i, fields, {
		dates: ['hire_date', 'termination_date'],
		labels: { hire_date: 'Hire Date', termination_date: 'Termination Date' },
	});
	if (body.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(body.email)))
		throw invalidInput(
			ctx.getNode(),
			i,
			'Email',
			`is not an email address: "${String(body.email)}"`,
		);
	if (body.user_type_id !== undefined && Number(body.user_type_id) === 1)
		throw invalidInput(ctx.getNode(), i, 'User Type', 'administrators can only be made in the app');
	return body;
}

/** One shape for a person in every operation: Simplify keeps the same keys for writes and reads. */
const simple = (ctx: IExecuteFunctions, i: number, records: IDataObject | IDataObject[]) =>
	maybeSimplify(ctx, i, records, USER_KEYS);

const userHandlers: ResourceModule['handlers'] = {
	async create(this: IExecuteFunctions, i: number) {
		const body = userBody(this, i, {
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
			first_name: String(this.getNodeParameter('firstName', i) ?? '').trim(),
			last_name: String(this.getNodeParameter('lastName', i) ?? '').trim(),
			email: String(this.getNodeParameter('email', i) ?? '').trim(),
		});
		if (!body.first_name) throw invalidInput(this.getNode(), i, 'First Name', 'is required');
		if (!body.last_name) throw invalidInput(this.getNode(), i, 'Last Name', 'is required');
		if (!body.email) throw invalidInput(this.getNode(), i, 'Email', 'is required');
		return simple(this, i, await api(this, i, 'POST', '/users', { body }));
	},
	async get(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'userId', i, 'Person');
		return simple(
			this,
			i,
			await api(this, i, 'GET', `/users/${id}`, {
				qs: fieldsQuery(this, i),
				notFound: `Person ${id}`,
			}),
		);
	},
	async update(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'userId', i, 'Person');
		const body = userBody(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject);
		requireChanges(this, i, body);
		return simple(
			this,
			i,
			await api(this, i, 'PUT', `/users/${id}`, { body, notFound: `Person ${id}` }),
		);
	},
	async archive(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'userId', i, 'Person');
		return simple(
			this,
			i,
			await api(this, i, 'PUT', `/users/${id}`, {
				body: { archived: true },
				notFound: `Person ${id}`,
			}),
		);
	},
	async unarchive(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'userId', i, 'Person');
		return simple(
			this,
			i,
			await api(this, i, 'PUT', `/users/${id}`, {
				body: { archived: false },
				notFound: `Person ${id}`,
			}),
		);
	},
	async getAll(this: IExecuteFunctions, i: number) {
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const scope = this.getNodeParameter('scope', i, 'account') as string;
		const qs: IDataObject = {
			...fieldsQuery(this, i),
			with_archived: f.with_archived ? true : undefined,
			include_placeholders: f.include_placeholders ? true : undefined,
			sort_field: f.sort_field,
			sort_order: f.sort_order,
		};
		if (scope === 'project') {
			const pid = idOf(this, 'scopeProjectId', i, 'Project');
			return simple(
				this,
				i,
				await list(
					this,
					i,
					`/projects/${pid}/users`,
					{ ...qs, with_phases: f.with_phases ? true : undefined },
					{ notFound: `Project ${pid}` },
				),
			);
		}
		return simple(this, i, await list(this, i, '/users', qs));
	},
	async search(this: IExecuteFunctions, i: number) {
		const by = this.getNodeParameter('searchBy', i) as string;
		const text = String(this.getNodeParameter('searchText', i) ?? '')
			.trim()
			.toLowerCase();
		if (!text) throw invalidInput(this.getNode(), i, 'Search Text', 'is required');
		if (by === 'email' && !text.includes('@'))
			throw invalidInput(this.getNode(), i, 'Search Text', `is not an email address: "${text}"`);
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		// The API has no name or email search: people are matched page by page, and Limit stops the reading.
		const filter = (u: IDataObject) => {
			if (by === 'email') return String(u.email ?? '').toLowerCase() === text;
			const names = [
				u.display_name,
				`${String(u.first_name ?? '')} ${String(u.last_name ?? '')}`,
				u.first_name,
				u.last_name,
				u.title,
			];
			return names.some((n) => n && String(n).toLowerCase().includes(text));
		};
		const qs: IDataObject = {
			...fieldsQuery(this, i),
			with_archived: f.with_archived ? true : undefined,
			include_placeholders: f.include_placeholders ? true : undefined,
			sort_field: f.sort_field,
			sort_order: f.sort_order,
		};
		return simple(this, i, await list(this, i, '/users', qs, { filter }));
	},
};

export const user: ResourceModule = {
	resource: { name: 'Person (User)', value: US },
	properties: userProperties,
	handlers: userHandlers,
};
