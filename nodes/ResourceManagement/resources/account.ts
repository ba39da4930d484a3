import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../shared/validation';
import type { ResourceModule } from './common';
import { api, date, idField, idOf, list, locator, number, operationProperty, optionalDate, returnAllLimit, show } from './common';

/** A read-only lookup list (disciplines, roles, leave types): Get (locator) and Get Many. */
function lookup(value: string, name: string, path: string, kind: 'discipline' | 'role' | 'leaveType', singular: string): ResourceModule {
	const properties: INodeProperties[] = [
		operationProperty(
			value,
			[
				{ name: 'Get', value: 'get', action: `Get a ${singular}` },
				{ name: 'Get Many', value: 'getAll', action: `Get many ${singular}s` },
			],
			'getAll',
		),
		locator(kind, 'recordId', name, show(value, 'get')),
		...returnAllLimit(value, 'getAll'),
	];
	return {
		resource: { name, value },
		properties,
		handlers: {
			async get(ctx, i) {
				const id = idOf(ctx, 'recordId', i, name);
				return await api(ctx, i, 'GET', `${path}/${id}`, { notFound: `${name} ${id}` });
			},
			async getAll(ctx, i) {
				return await list(ctx, i, path);
			},
		},
	};
}

export const discipline = lookup('discipline', 'Discipline', '/disciplines', 'discipline', 'discipline');
export const role = lookup('role', 'Role', '/roles', 'role', 'role');
export const leaveType = lookup('leaveType', 'Leave Type', '/leave_types', 'leaveType', 'leave type');

// =================================================================================================
// Holidays
// =================================================================================================

export const holiday: ResourceModule = {
	resource: { name: 'Holiday', value: 'holiday' },
	properties: [
		operationProperty('holiday', [{ name: 'Get Many', value: 'getAll', action: 'Get many holidays', description: 'Non-working days of the organisation' }], 'getAll'),
		...returnAllLimit('holiday', 'getAll'),
	],
	handlers: {
		async getAll(ctx, i) {
			return await list(ctx, i, '/holidays');
		},
	},
};

// =================================================================================================
// Status options
// =================================================================================================

const SO = 'statusOption';
const COLORS = ['blue_bright', 'blue_dark', 'green_bright', 'green_dark', 'orange', 'purple', 'red', 'yellow'];
const colorName = (c: string) => c.split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
const STAGES = [
	{ name: 'Done', value: 'done' },
	{ name: 'In Progress', value: 'in_progress' },
	{ name: 'Planned', value: 'planned' },
];

const statusOptionFields: INodeProperties[] = [
	{ displayName: 'Color', name: 'color', type: 'options', default: 'green_bright', options: COLORS.map((c) => ({ name: colorName(c), value: c })) },
	{ displayName: 'Label', name: 'label', type: 'string', default: '' },
	{ displayName: 'Order', name: 'order', type: 'number', default: 100, description: 'Sort position in menus' },
	{ displayName: 'Stage', name: 'stage', type: 'options', default: 'in_progress', options: STAGES },
];

export const statusOption: ResourceModule = {
	resource: { name: 'Status Option', value: SO },
	properties: [
		operationProperty(
			SO,
			[
				{ name: 'Create', value: 'create', action: 'Create a status option', description: 'A work status for assignments (e.g. On Track)' },
				{ name: 'Delete', value: 'delete', action: 'Delete a status option', description: 'Flags it deleted; history keeps it' },
				{ name: 'Get', value: 'get', action: 'Get a status option' },
				{ name: 'Get Many', value: 'getAll', action: 'Get many status options' },
				{ name: 'Update', value: 'update', action: 'Update a status option' },
			],
			'getAll',
		),
		locator('statusOption', 'statusOptionId', 'Status Option', show(SO, ['delete', 'get', 'update'])),
		{ displayName: 'Label', name: 'label', type: 'string', required: true, default: '', placeholder: 'e.g. On Track', displayOptions: show(SO, 'create') },
		{ ...statusOptionFields[0], displayOptions: show(SO, 'create') },
		{ ...statusOptionFields[3], displayOptions: show(SO, 'create') },
		{ ...statusOptionFields[2], displayOptions: show(SO, 'create') },
		{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show(SO, 'update'), options: statusOptionFields },
		{ displayName: 'Include Deleted', name: 'withDeleted', type: 'boolean', default: false, description: 'Whether to list deleted status options too', displayOptions: show(SO, 'getAll') },
		...returnAllLimit(SO, 'getAll'),
	],
	handlers: {
		async create(ctx, i) {
			const label = String(ctx.getNodeParameter('label', i) ?? '').trim();
			if (!label) throw invalidInput(ctx.getNode(), i, 'Label', 'is required');
			return await api(ctx, i, 'POST', '/status_options', {
				body: { label, color: ctx.getNodeParameter('color', i) as string, stage: ctx.getNodeParameter('stage', i) as string, order: number(ctx, i, 'Order', ctx.getNodeParameter('order', i)) },
			});
		},
		async get(ctx, i) {
			const id = idOf(ctx, 'statusOptionId', i, 'Status Option');
			return await api(ctx, i, 'GET', `/status_options/${id}`, { notFound: `Status option ${id}` });
		},
		async update(ctx, i) {
			const id = idOf(ctx, 'statusOptionId', i, 'Status Option');
			const body = { ...(ctx.getNodeParameter('updateFields', i, {}) as IDataObject) };
			if (body.order !== undefined) body.order = number(ctx, i, 'Order', body.order);
			if (body.label !== undefined && !String(body.label).trim()) throw invalidInput(ctx.getNode(), i, 'Label', 'must not be empty');
			if (!Object.keys(body).length) throw invalidInput(ctx.getNode(), i, 'Update Fields', 'choose at least one field to change');
			return await api(ctx, i, 'PUT', `/status_options/${id}`, { body, notFound: `Status option ${id}` });
		},
		async delete(ctx, i) {
			const id = idOf(ctx, 'statusOptionId', i, 'Status Option');
			await api(ctx, i, 'DELETE', `/status_options/${id}`, { notFound: `Status option ${id}` });
			return { id, deleted: true };
		},
		async getAll(ctx, i) {
			return await list(ctx, i, '/status_options', ctx.getNodeParameter('withDeleted', i, false) ? { with_deleted: true } : {});
		},
	},
};

// =================================================================================================
// Reports
// =================================================================================================

const RP = 'report';
const VIEWS = [
	['budgets_amounts', 'Budgets: Amounts'],
	['budgets_days', 'Budgets: Days'],
	['budgets_hours', 'Budgets: Hours'],
	['expenses', 'Expenses'],
	['time_fees_amounts', 'Time & Fees: Amounts'],
	['time_fees_days', 'Time & Fees: Days'],
	['time_fees_days_and_amounts', 'Time & Fees: Days and Amounts'],
	['time_fees_hours', 'Time & Fees: Hours'],
	['time_fees_hours_and_amounts', 'Time & Fees: Hours and Amounts'],
	['utilization', 'Utilization'],
];
const FRAMES = ['last_30', 'last_60', 'last_90', 'last_and_next_90', 'last_month', 'last_quarter', 'last_week', 'last_year', 'next_30', 'next_60', 'next_90', 'this_month', 'this_quarter', 'this_week', 'this_year'];
const frameName = (f: string) =>
	f
		.split('_')
		.map((w) => (w === 'and' ? 'and' : w[0].toUpperCase() + w.slice(1)))
		.join(' ')
		.replace(/(\d+)/, '$1 Days')
		.replace('Last And Next', 'Last and Next');
const TIME_FRAME_OPTIONS = [{ name: 'Custom Dates', value: 'custom' }, ...FRAMES.map((f) => ({ name: frameName(f), value: f }))];
const GROUPS = [
	['approval_status', 'Approval Status'],
	['approved_by', 'Approved By'],
	['assignment_status', 'Assignment Status'],
	['category', 'Category'],
	['client', 'Client'],
	['date', 'Date'],
	['discipline', 'Discipline'],
	['entry_type', 'Entry Type'],
	['leave_type', 'Leave Type'],
	['location', 'Location'],
	['month', 'Month'],
	['phase_name', 'Phase Name'],
	['project_id', 'Project'],
	['project_state', 'Project State'],
	['project_type', 'Project Type'],
	['record_type', 'Record Type'],
	['role', 'Role'],
	['user_id', 'Person'],
	['week', 'Week'],
];
const FILTER_ATTRS = [...GROUPS, ['people_tags', 'People Tags'], ['project_tags', 'Project Tags']].sort((a, b) => a[1].localeCompare(b[1]));

export const report: ResourceModule = {
	resource: { name: 'Report', value: RP },
	properties: [
		operationProperty(
			RP,
			[
				{ name: 'Get Rows', value: 'getRows', action: 'Get report rows', description: 'Rows of a report as in the reports UI' },
				{ name: 'Get Totals', value: 'getTotals', action: 'Get report totals' },
			],
			'getRows',
		),
		{ displayName: 'View', name: 'view', type: 'options', default: 'time_fees_hours', options: VIEWS.map(([value, name]) => ({ name, value })), displayOptions: show(RP, ['getRows', 'getTotals']) },
		{
			displayName: 'Time Frame',
			name: 'timeFrame',
			type: 'options',
			default: 'this_week',
			options: TIME_FRAME_OPTIONS,
			displayOptions: show(RP, ['getRows', 'getTotals']),
		},
		{ displayName: 'From', name: 'from', type: 'dateTime', required: true, default: '', displayOptions: show(RP, ['getRows', 'getTotals'], { timeFrame: ['custom'] }) },
		{ displayName: 'To', name: 'to', type: 'dateTime', required: true, default: '', displayOptions: show(RP, ['getRows', 'getTotals'], { timeFrame: ['custom'] }) },
		{
			displayName: 'Group By',
			name: 'groupBy',
			type: 'multiOptions',
			default: [],
			options: GROUPS.map(([value, name]) => ({ name, value })),
			description: 'Up to 5 attributes, in the order chosen. Empty: by project (by person for utilization). Utilization can only group by person or date attributes.',
			displayOptions: show(RP, 'getRows'),
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'fixedCollection',
			placeholder: 'Add Filter',
			default: {},
			typeOptions: { multipleValues: true },
			displayOptions: show(RP, ['getRows', 'getTotals']),
			options: [
				{
					displayName: 'Filter',
					name: 'filter',
					values: [
						{ displayName: 'Attribute', name: 'attribute', type: 'options', default: 'project_id', options: FILTER_ATTRS.map(([value, name]) => ({ name, value })) },
						{
							displayName: 'Mode',
							name: 'mode',
							type: 'options',
							default: 'inclusion',
							options: [
								{ name: 'Include Only', value: 'inclusion' },
								{ name: 'Exclude', value: 'exclusion' },
							],
						},
						{ displayName: 'Values', name: 'values', type: 'string', default: '', description: 'Comma-separated; IDs for Project and Person' },
					],
				},
			],
		},
		{
			displayName: 'Options',
			name: 'reportOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show(RP, ['getRows', 'getTotals']),
			options: [
				{
					displayName: 'Calculate Incurred Using',
					name: 'calc_incurred_using',
					type: 'options',
					default: 'confirmed-unconfirmed',
					options: [
						{ name: 'Approved', value: 'approved' },
						{ name: 'Confirmed', value: 'confirmed' },
						{ name: 'Confirmed and Unconfirmed', value: 'confirmed-unconfirmed' },
					],
				},
				{ displayName: 'Custom Field Filters (JSON)', name: 'customFieldFilters', type: 'json', default: '[]', description: 'Custom field filters as JSON: an array of objects, each naming the custom field (its numeric identifier), an operation (inclusion or exclusion) and the values' },
				{ displayName: 'One Item per Row', name: 'splitRows', type: 'boolean', default: true, description: 'Whether to output each report row as its own item (off: the whole report as one item)' },
				{ displayName: 'Today', name: 'today', type: 'dateTime', default: '', description: 'Where incurred time ends and future scheduled time begins (default: the current UTC date)' },
			],
		},
	],
	handlers: {
		async getRows(ctx, i) {
			const body = reportBody(ctx, i, true);
			const answer = await api<IDataObject>(ctx, i, 'POST', '/reports/rows', { body, idempotent: true });
			const split = (ctx.getNodeParameter('reportOptions', i, {}) as IDataObject).splitRows !== false;
			if (!split) return answer;
			return ((answer.rows as IDataObject[]) ?? []).map((row) => ({ ...row, _range: (answer.dates as IDataObject)?.range }));
		},
		async getTotals(ctx, i) {
			return await api(ctx, i, 'POST', '/reports/totals', { body: reportBody(ctx, i, false), idempotent: true });
		},
	},
};

function reportBody(ctx: IExecuteFunctions, i: number, rows: boolean): IDataObject {
	const frame = ctx.getNodeParameter('timeFrame', i) as string;
	const options = ctx.getNodeParameter('reportOptions', i, {}) as IDataObject;
	const body: IDataObject = { view: ctx.getNodeParameter('view', i) as string };
	if (frame === 'custom') {
		const from = date(ctx, i, 'From', ctx.getNodeParameter('from', i));
		const to = date(ctx, i, 'To', ctx.getNodeParameter('to', i));
		if (to < from) throw invalidInput(ctx.getNode(), i, 'To', `must not be before From (${from})`);
		body.time_frame = { from, to };
	} else body.time_frame = frame;
	if (rows) {
		const groupBy = ctx.getNodeParameter('groupBy', i, []) as string[];
		if (groupBy.length > 5) throw invalidInput(ctx.getNode(), i, 'Group By', `allows at most 5 attributes, got ${groupBy.length}`);
		if (groupBy.length) body.group_by = groupBy;
	}
	const filters: IDataObject = {};
	for (const f of ((ctx.getNodeParameter('filters', i, {}) as IDataObject).filter as IDataObject[] | undefined) ?? []) {
		const attribute = String(f.attribute);
		const values = String(f.values ?? '')
			.split(',')
			.map((v) => v.trim())
			.filter(Boolean)
			.map((v) => (['project_id', 'user_id', 'approved_by'].includes(attribute) && /^\d+$/.test(v) ? Number(v) : v));
		if (!values.length) throw invalidInput(ctx.getNode(), i, `Filters › ${attribute}`, 'needs at least one value');
		filters[attribute] = { operation: f.mode, values };
	}
	const custom = options.customFieldFilters;
	if (custom !== undefined && custom !== '' && custom !== '[]') {
		let parsed: unknown = custom;
		if (typeof custom === 'string') {
			try {
				parsed = JSON.parse(custom);
			} catch {
				throw invalidInput(ctx.getNode(), i, 'Custom Field Filters (JSON)', 'is not valid JSON');
			}
		}
		if (!Array.isArray(parsed)) throw invalidInput(ctx.getNode(), i, 'Custom Field Filters (JSON)', 'must be an array of { id, operation, values }');
		if (parsed.length) filters.custom_fields = parsed as IDataObject[];
	}
	if (Object.keys(filters).length) body.filters = filters;
	const today = optionalDate(ctx, i, 'Today', options.today);
	if (today) body.today = today;
	if (options.calc_incurred_using) body.calc_incurred_using = options.calc_incurred_using;
	return body;
}

// =================================================================================================
// Webhooks
// =================================================================================================

export const WEBHOOK_EVENTS = [
	{ name: 'Assignment Created', value: 'assignment.created' },
	{ name: 'Assignment Updated', value: 'assignment.updated' },
	{ name: 'Project Created', value: 'project.created', description: 'Also fires for new phases' },
	{ name: 'Project Updated', value: 'project.updated', description: 'Also fires for phase changes' },
	{ name: 'Time Entry Created', value: 'time.entry.created' },
	{ name: 'Time Entry Updated', value: 'time.entry.updated' },
	{ name: 'User Created', value: 'user.created' },
	{ name: 'User Updated', value: 'user.updated' },
];

const WH = 'webhook';

export const webhook: ResourceModule = {
	resource: { name: 'Webhook', value: WH },
	properties: [
		operationProperty(
			WH,
			[
				{ name: 'Create', value: 'create', action: 'Create a webhook', description: 'Register a URL for one event type (at most 10 per type)' },
				{ name: 'Delete', value: 'delete', action: 'Delete a webhook' },
				{ name: 'Get Many', value: 'getAll', action: 'Get many webhooks' },
			],
			'getAll',
		),
		{ displayName: 'Event Type', name: 'eventType', type: 'options', default: 'project.created', options: WEBHOOK_EVENTS, displayOptions: show(WH, 'create') },
		{ displayName: 'URL', name: 'url', type: 'string', required: true, default: '', placeholder: 'https://example.com/hook', description: 'An https address; events are posted there as { type, data }', displayOptions: show(WH, 'create') },
		idField('webhookId', 'Webhook ID', show(WH, 'delete')),
		...returnAllLimit(WH, 'getAll'),
	],
	handlers: {
		async create(ctx, i) {
			const url = String(ctx.getNodeParameter('url', i) ?? '').trim();
			let parsed: URL | undefined;
			try {
				parsed = new URL(url);
			} catch {
				parsed = undefined;
			}
			if (!parsed || !/^https?:$/.test(parsed.protocol)) throw invalidInput(ctx.getNode(), i, 'URL', `is not a web address: "${url}"`);
			return await api(ctx, i, 'POST', '/webhooks', { body: { event_type: ctx.getNodeParameter('eventType', i) as string, url } });
		},
		async delete(ctx, i) {
			const id = idOf(ctx, 'webhookId', i, 'Webhook ID');
			await api(ctx, i, 'DELETE', `/webhooks/${id}`, { notFound: `Webhook ${id}` });
			return { id, deleted: true };
		},
		async getAll(ctx, i) {
			return await list(ctx, i, '/webhooks');
		},
	},
};
