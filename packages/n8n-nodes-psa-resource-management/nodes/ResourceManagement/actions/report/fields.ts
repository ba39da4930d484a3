import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { show } from '../../../../../shared/kit';
import { invalidInput } from '../../../../../shared/validation';
import { date, optionalDate } from '../common';

/** What Get Rows and Get Totals share: the report's fields and its request body. */

export const RP = 'report';
const BOTH = ['getRows', 'getTotals'];

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
const FRAMES = [
	'last_30',
	'last_60',
	'last_90',
	'last_and_next_90',
	'last_month',
	'last_quarter',
	'last_week',
	'last_year',
	'next_30',
	'next_60',
	'next_90',
	'this_month',
	'this_quarter',
	'this_week',
	'this_year',
];
const frameName = (f: string) =>
	f
		.split('_')
		.map((w) => (w === 'and' ? 'and' : w[0].toUpperCase() + w.slice(1)))
		.join(' ')
		.replace(/(\d+)/, '$1 Days')
		.replace('Last And Next', 'Last and Next');
const TIME_FRAME_OPTIONS = [
	{ name: 'Custom Dates', value: 'custom' },
	...FRAMES.map((f) => ({ name: frameName(f), value: f })),
];
export const GROUPS = [
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
const FILTER_ATTRS = [
	...GROUPS,
	['people_tags', 'People Tags'],
	['project_tags', 'Project Tags'],
].sort((a, b) => a[1].localeCompare(b[1]));

/** View, time frame and custom dates: the first fields of both operations. */
export const reportHead: INodeProperties[] = [
	{
		displayName: 'View',
		name: 'view',
		type: 'options',
		default: 'time_fees_hours',
		options: VIEWS.map(([value, name]) => ({ name, value })),
		displayOptions: show(RP, BOTH),
	},
	{
		displayName: 'Time Frame',
		name: 'timeFrame',
		type: 'options',
		default: 'this_week',
		options: TIME_FRAME_OPTIONS,
		displayOptions: show(RP, BOTH),
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: show(RP, BOTH, { timeFrame: ['custom'] }),
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: show(RP, BOTH, { timeFrame: ['custom'] }),
	},
];

/** Filters and Options: the last fields of one operation. */
export const reportTail = (operation: string): INodeProperties[] => [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		placeholder: 'Add Filter',
		default: {},
		typeOptions: { multipleValues: true },
		displayOptions: show(RP, operation),
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				values: [
					{
						displayName: 'Attribute',
						name: 'attribute',
						type: 'options',
						default: 'project_id',
						options: FILTER_ATTRS.map(([value, name]) => ({ name, value })),
					},
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
					{
						displayName: 'Values',
						name: 'values',
						type: 'string',
						default: '',
						description: 'Comma-separated; IDs for Project and Person',
					},
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
		displayOptions: show(RP, operation),
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
			{
				displayName: 'Custom Field Filters (JSON)',
				name: 'customFieldFilters',
				type: 'json',
				default: '[]',
				description:
					'Custom field filters as JSON: an array of objects, each naming the custom field (its numeric identifier), an operation (inclusion or exclusion) and the values',
			},
			{
				displayName: 'One Item per Row',
				name: 'splitRows',
				type: 'boolean',
				default: true,
				description:
					'Whether to output each report row as its own item (off: the whole report as one item)',
			},
			{
				displayName: 'Today',
				name: 'today',
				type: 'dateTime',
				default: '',
				description:
					'Where incurred time ends and future scheduled time begins (default: the current UTC date)',
			},
		],
	},
];

/**
 * The report request (`/reports/rows` with `rows`, else `/reports/totals`), checked before it is
 * sent.
 */
export function reportBody(ctx: IExecuteFunctions, i: number, rows: boolean): IDataObject {
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
		if (groupBy.length > 5)
			throw invalidInput(
				ctx.getNode(),
				i,
				'Group By',
				`allows at most 5 attributes, got ${groupBy.length}`,
			);
		if (groupBy.length) body.group_by = groupBy;
	}
	const filters: IDataObject = {};
	for (const f of ((ctx.getNodeParameter('filters', i, {}) as IDataObject).filter as
		IDataObject[] | undefined) ?? []) {
		const attribute = String(f.attribute);
		const values = String(f.values ?? '')
			.split(',')
			.map((v) => v.trim())
			.filter(Boolean)
			.map((v) =>
				['project_id', 'user_id', 'approved_by'].includes(attribute) && /^\d+$/.test(v)
					? Number(v)
					: v,
			);
		if (!values.length)
			throw invalidInput(ctx.getNode(), i, `Filters › ${attribute}`, 'needs at least one value');
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
		if (!Array.isArray(parsed))
			throw invalidInput(
				ctx.getNode(),
				i,
				'Custom Field Filters (JSON)',
				'must be an array of { id, operation, values }',
			);
		if (parsed.length) filters.custom_fields = parsed as IDataObject[];
	}
	if (Object.keys(filters).length) body.filters = filters;
	const today = optionalDate(ctx, i, 'Today', options.today);
	if (today) body.today = today;
	if (options.calc_incurred_using) body.calc_incurred_using = options.calc_incurred_using;
	return body;
}
