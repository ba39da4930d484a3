import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { Show } from '../../../../../shared/kit';
import { fieldsToBody, number } from '../common';

/** What Create and Update of an assignment share: the allocation fields and the optional fields. */

export const AM = 'assignment';

export const ASSIGNMENT_FIELDS: Array<[string, string]> = [
	['subtasks', 'Subtasks'],
	['subtasks_counts', 'Subtask Counts'],
];

const ALLOCATION_MODES: INodePropertyOptions[] = [
	{
		name: 'Fixed Hours (Total)',
		value: 'fixed',
		description: 'A fixed number of hours over the whole assignment',
	},
	{ name: 'Hours per Day', value: 'hours_per_day' },
	{ name: 'Percent of Availability', value: 'percent' },
];

export const allocationFields = (
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

export const assignmentOptional = (forUpdate: boolean): INodeProperties[] => [
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

/** The allocation body from Allocation Mode and its value (nothing for "Keep As Is"). */
export function allocation(ctx: IExecuteFunctions, i: number): IDataObject {
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

/**
 * The optional fields of one collection parameter (`additionalFields`, `updateFields`) as a body.
 */
export function assignmentExtras(
	ctx: IExecuteFunctions,
	i: number,
	collection: string,
): IDataObject {
	const fields = ctx.getNodeParameter(collection, i, {}) as IDataObject;
	const body = fieldsToBody(ctx, i, fields, {
		dates: ['starts_at', 'ends_at'],
		ids: { collection, keys: ['status_option_id'] },
		labels: { starts_at: 'Start Date', ends_at: 'End Date', status_option_id: 'Status' },
	});
	delete body.phaseId;
	return body;
}
