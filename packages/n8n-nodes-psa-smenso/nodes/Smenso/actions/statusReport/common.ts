/** What the status report operations share: fields and the path. */
import type { FieldSpec } from '../common';

export const R = 'statusReport';
export const PATH = 'integration/statusreport/json';
export const TITLE: FieldSpec = { name: 'title', label: 'Title', kind: 'string' };
export const EXTERNAL_ID: FieldSpec = { name: 'externalId', label: 'External ID', kind: 'string' };

const LIGHT: Array<[string, number]> = [
	['1', 1],
	['2', 2],
	['3', 3],
	['4', 4],
];
export const DETAILS: FieldSpec[] = [
	{
		name: 'costStatusId',
		label: 'Cost Status',
		kind: 'options',
		options: LIGHT,
		default: 1,
		description: 'Cost status 1–4 as in smenso',
	},
	{ name: 'explanation', label: 'Explanation', kind: 'text' },
	{ name: 'flavors', label: 'Custom Fields (Flavors)', kind: 'flavors', wire: 'flavor' },
	{
		name: 'goalStatusId',
		label: 'Goal Status',
		kind: 'options',
		options: LIGHT,
		default: 1,
		description: 'Goal status 1–4 as in smenso',
	},
	{
		name: 'isPublished',
		label: 'Publish',
		kind: 'boolean',
		description: 'Whether to publish the report (a published report cannot be changed any more)',
	},
	{ name: 'nextSteps', label: 'Next Steps', kind: 'text' },
	{
		name: 'overallStatusId',
		label: 'Overall Status',
		kind: 'options',
		options: [
			['Green', 1],
			['Yellow', 2],
			['Red', 3],
			['On Hold', 4],
			['Not Started', 5],
			['Completed', 6],
			['Cancelled', 7],
		],
		default: 1,
	},
	{ name: 'progressManual', label: 'Progress (%)', kind: 'percent', min: 0, max: 100 },
	{ name: 'targetDate', label: 'Target Date', kind: 'date' },
	{
		name: 'timeStatusId',
		label: 'Time Status',
		kind: 'options',
		options: LIGHT,
		default: 1,
		description: 'Schedule status 1–4 as in smenso',
	},
];
export const STATUS_DATE: FieldSpec = {
	name: 'statusDate',
	label: 'Status Date',
	kind: 'date',
	description: 'The day the report is valid for (may lie in the past or future)',
};
