import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../../../../shared/validation';
import type { ResourceModule, Show } from '../common';
import {
	api,
	list,
	idOf,
	optionalId,
	date,
	optionalDate,
	number,
	fieldsQuery,
	fieldsToBody,
	locator,
	fieldsOption,
	ALLOCATION_MODES,
	compact,
	idField,
	operationProperty,
	show,
	returnAllLimit,
	requireChanges,
} from '../common';

const AM = 'assignment';

const ASSIGNMENT_FIELDS: Array<[string, string]> = [
	['subtasks', 'Subtasks'],
	['subtasks_counts', 'Subtask Counts'],
];

const allocationFields = (
	displayOptions: { show: Show },
	forUpdate: boolean,
): INodeProperties[] => [
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
		description: "Share of the person's availability, in percent (100 = full time; sent as 1.0)",
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
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'The work item shown in the work list, e.g. Build wireframes',
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
	{ displayName: 'Note', name: 'note', type: 'string', default: '' },
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
		displayName: 'Status Name or ID',
		name: 'status_option_id',
		type: 'options',
		default: '',
		typeOptions: { loadOptionsMethod: 'getStatusOptions' },
		description:
			'Work status of the assignment. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

const assignmentProperties: INodeProperties[] = [
	operationProperty(
		AM,
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Schedule a person on a project',
				description:
					'Schedule a person, placeholder or nobody on a project, phase or leave type, optionally with subtasks',
			},
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
	locator(
		'placeholder',
		'placeholderId',
		'Placeholder',
		show(AM, 'create', { assigneeType: ['placeholder'] }),
	),
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
	locator(
		'leaveType',
		'leaveTypeId',
		'Leave Type',
		show(AM, 'create', { assignableType: ['leaveType'] }),
	),
	{
		displayName: 'Start Date',
		name: 'starts_at',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: show(AM, 'create'),
	},
	{
		displayName: 'End Date',
		name: 'ends_at',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: show(AM, 'create'),
	},
	...allocationFields(show(AM, 'create'), false),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(AM, 'create'),
		options: [
			...assignmentOptional(false),
			locator(
				'phase',
				'phaseId',
				'Phase',
				{ show: {} },
				{ required: false, description: 'Assign to this phase of the chosen project' },
			),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
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
					{
						displayName: 'Completed',
						name: 'completed',
						type: 'boolean',
						default: false,
						description: 'Whether the subtask is already done',
					},
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
	locator(
		'placeholder',
		'scopePlaceholderId',
		'Placeholder',
		show(AM, 'getAll', { scope: ['placeholder'] }),
	),
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
			{
				displayName: 'Ends After',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Assignments that end after this date',
			},
			{
				displayName: 'Include Phases',
				name: 'with_phases',
				type: 'boolean',
				default: false,
				description: 'Whether to include assignments to phases',
			},
			{
				displayName: 'Starts Before',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Assignments that start before this date',
			},
		],
	},
	fieldsOption(show(AM, ['get', 'getAll']), ASSIGNMENT_FIELDS),
];

function allocation(ctx: IExecuteFunctions, i: number): IDataObject {
	const mode = ctx.getNodeParameter('allocationMode', i) as string;
	if (mode === 'keep') return {};
	if (mode === 'percent')
		return {
			allocation_mode: mode,
			percent: number(ctx, i, 'Percent', ctx.getNodeParameter('percent', i), { min: 0 }) / 100,
		};
	if (mode === 'hours_per_day')
		return {
			allocation_mode: mode,
			hours_per_day: number(ctx, i, 'Hours per Day', ctx.getNodeParameter('hoursPerDay', i), {
				min: 0,
				max: 24,
			}),
		};
	return {
		allocation_mode: mode,
		fixed_hours: number(ctx, i, 'Fixed Hours', ctx.getNodeParameter('fixedHours', i), { min: 0 }),
	};
}

function assignmentExtras(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body = fieldsToBody(ctx, i, fields, {
		dates: ['starts_at', 'ends_at'],
		ids: ['status_option_id'],
		labels: { starts_at: 'Start Date', ends_at: 'End Date', status_option_id: 'Status' },
	});
	delete body.phaseId;
	return body;
}

const assignmentHandlers: ResourceModule['handlers'] = {
	async create(this: IExecuteFunctions, i: number) {
		const who = this.getNodeParameter('assigneeType', i) as string;
		const type = this.getNodeParameter('assignableType', i) as string;
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const userId =
			who === 'user'
				? idOf(this, 'userId', i, 'Person')
				: who === 'placeholder'
					? idOf(this, 'placeholderId', i, 'Placeholder')
					: null;
		let assignableId =
			type === 'leaveType'
				? idOf(this, 'leaveTypeId', i, 'Leave Type')
				: idOf(this, 'projectId', i, 'Project');
		const phase = optionalId(this, extra.phaseId, i, 'Phase');
		if (phase && type === 'project') assignableId = phase;
		const startsAt = date(this, i, 'Start Date', this.getNodeParameter('starts_at', i));
		const endsAt = date(this, i, 'End Date', this.getNodeParameter('ends_at', i));
		if (endsAt < startsAt)
			throw invalidInput(
				this.getNode(),
				i,
				'End Date',
				`must not be before the start date (${startsAt})`,
			);
		const subtasks = (
			((this.getNodeParameter('subtasks', i, {}) as IDataObject).subtask as
				IDataObject[] | undefined) ?? []
		).map((s, k) => {
			const description = String(s.description ?? '').trim();
			if (!description)
				throw invalidInput(
					this.getNode(),
					i,
					`Subtasks › Description (subtask ${k + 1})`,
					'is required',
				);
			return { description, completed: Boolean(s.completed) };
		});
		const body: IDataObject = compact({
			...assignmentExtras(this, i, extra),
			assignable_id: assignableId,
			starts_at: startsAt,
			ends_at: endsAt,
			...allocation(this, i),
		});
		if (subtasks.length || userId === null) {
			return await api(this, i, 'POST', '/assignments', {
				body: { ...body, user_id: userId, ...(subtasks.length ? { subtasks } : {}) },
			});
		}
		return await api(this, i, 'POST', `/users/${userId}/assignments`, {
			body,
			notFound: `Person ${userId}`,
		});
	},
	async get(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'assignmentId', i, 'Assignment ID');
		return await api(this, i, 'GET', `/assignments/${id}`, {
			qs: fieldsQuery(this, i),
			notFound: `Assignment ${id}`,
		});
	},
	async update(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'assignmentId', i, 'Assignment ID');
		const body = {
			...assignmentExtras(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject),
			...allocation(this, i),
		};
		if (body.starts_at && body.ends_at && String(body.ends_at) < String(body.starts_at))
			throw invalidInput(
				this.getNode(),
				i,
				'End Date',
				`must not be before the start date (${String(body.starts_at)})`,
			);
		requireChanges(this, i, body);
		return await api(this, i, 'PUT', `/assignments/${id}`, { body, notFound: `Assignment ${id}` });
	},
	async delete(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'assignmentId', i, 'Assignment ID');
		const current = await api<IDataObject>(this, i, 'GET', `/assignments/${id}`, {
			notFound: `Assignment ${id}`,
		});
		const path = current.user_id
			? `/users/${current.user_id as number}/assignments/${id}`
			: `/projects/${current.assignable_id as number}/assignments/${id}`;
		await api(this, i, 'DELETE', path, { notFound: `Assignment ${id}` });
		return { id, deleted: true };
	},
	async getAll(this: IExecuteFunctions, i: number) {
		const scope = this.getNodeParameter('scope', i) as string;
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {
			...fieldsQuery(this, i),
			from: optionalDate(this, i, 'Ends After', f.from),
			to: optionalDate(this, i, 'Starts Before', f.to),
			with_phases: f.with_phases ? true : undefined,
		};
		if (scope === 'user')
			return await list(
				this,
				i,
				`/users/${idOf(this, 'scopeUserId', i, 'Person')}/assignments`,
				qs,
			);
		if (scope === 'placeholder')
			return await list(
				this,
				i,
				`/placeholder_resources/${idOf(this, 'scopePlaceholderId', i, 'Placeholder')}/assignments`,
				qs,
			);
		if (scope === 'project')
			return await list(
				this,
				i,
				`/projects/${idOf(this, 'scopeProjectId', i, 'Project')}/assignments`,
				qs,
			);
		return await list(this, i, '/assignments', qs);
	},
};

export const assignment: ResourceModule = {
	resource: { name: 'Assignment', value: AM },
	properties: assignmentProperties,
	handlers: assignmentHandlers,
};
