import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readOptionalId, show, simplifyOption } from '../../../../../shared/kit';
import {
	invalidInput,
	requireNumber,
	requirePositiveInteger,
} from '../../../../../shared/validation';
import { STANDARD, jsonParam, toBlikkClock, toBlikkDate } from '../common';

/** What the time report operations share: their fields and the check of what is written. */

export const TIME_REPORT = 'timeReport';

const EXPRESSION_HINT =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** A dropdown loaded from Blikk. */
export function optionsField(
	name: string,
	displayName: string,
	method: string,
	description: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: method },
		default: '',
		description: `${description}. ${EXPRESSION_HINT}.`,
		...extra,
	};
}

/** The optional fields of Log Time (Additional Fields) and Update (Update Fields). */
export const sharedFields: INodeProperties[] = [
	{
		displayName: 'Additions (JSON)',
		name: 'additions',
		type: 'json',
		default: '[]',
		description: 'Time additions, e.g. [{"articleId": 14, "yesNo": null, "numberCount": 3}]',
	},
	{
		displayName: 'Allowance Report (JSON)',
		name: 'allowanceReport',
		type: 'json',
		default: '{}',
		description:
			'Only with a travel report, e.g. {"allowanceTypeId": 1, "description": "Lunch", "toBeInvoiced": true}',
	},
	{
		displayName: 'Break Minutes',
		name: 'breakMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Minutes on break; Blikk deducts them from the hours',
	},
	{
		displayName: 'Clock End',
		name: 'clockEnd',
		type: 'string',
		default: '',
		placeholder: '16:00',
		description: 'Time of day the work ended, "hh:mm" (24-hour clock)',
	},
	{
		displayName: 'Clock Start',
		name: 'clockStart',
		type: 'string',
		default: '',
		placeholder: '07:00',
		description: 'Time of day the work started, "hh:mm" (24-hour clock)',
	},
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'What was done; visible on the invoice',
	},
	{
		displayName: 'Equipments (JSON)',
		name: 'equipments',
		type: 'json',
		default: '[]',
		description: 'Equipment used, e.g. [{"hours": 4.5, "articleId": 10, "comment": "Lift"}]',
	},
	{
		displayName: 'Internal Comment',
		name: 'internalComment',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Not visible on the invoice',
	},
	{
		displayName: 'Invoiceable Hours',
		name: 'invoiceableHours',
		type: 'number',
		typeOptions: { numberPrecision: 2, minValue: 0 },
		default: 0,
		description: 'Hours to invoice (default: the same as Hours)',
	},
	{
		displayName: 'Materials (JSON)',
		name: 'materials',
		type: 'json',
		default: '[]',
		description:
			'Materials used, e.g. [{"articleId": 55, "title": "Screws", "units": 4, "unitPrice": 600}]',
	},
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'number',
		default: 0,
		description: 'The task the time was spent on',
	},
	{
		displayName: 'Travel Report (JSON)',
		name: 'travelReport',
		type: 'json',
		default: '{}',
		description: 'E.g. {"place": "Piteå-Luleå", "distance": 100, "toSalary": true}.',
	},
];

/** Activity, time article and time code; for Log Time with a "standard" choice first. */
export const codeFields = (withStandard: boolean): INodeProperties[] => [
	optionsField(
		'activityId',
		'Activity Name or ID',
		withStandard ? 'getActivitiesWithStandard' : 'getActivities',
		withStandard ? "The activity; by default the user's standard activity" : 'The activity',
	),
	optionsField(
		'timeArticleId',
		'Time Article Name or ID',
		withStandard ? 'getTimeArticlesWithStandard' : 'getTimeArticles',
		withStandard
			? "The time article; by default the user's standard time article, else the activity's preferred one"
			: 'The time article',
	),
	optionsField(
		'timeCodeId',
		'Time Code Name or ID',
		withStandard ? 'getTimeCodesWithStandard' : 'getTimeCodes',
		withStandard
			? "The time code; by default the activity's preferred time code, else the standard time code"
			: 'The time code',
	),
];

/**
 * Simplify (default on) for one operation: Log Time, Get, Get Many and Update give one flat shape.
 */
export const simplifyField = (operation: string): INodeProperties => ({
	...simplifyOption(show(TIME_REPORT, operation)),
	description:
		'Whether to return flat records (userId, userName, projectId, projectName, activityName, …) instead of Blikk’s raw data with nested references. The same shape for Log Time, Get, Get Many and Update.',
});

function requirePositiveIntegerOrZero(
	ctx: IExecuteFunctions,
	i: number,
	label: string,
	value: unknown,
): number {
	if (value === 0 || value === '0') return 0;
	return requirePositiveInteger(ctx.getNode(), i, label, value);
}

/**
 * Optional fields shared by Log Time and Update, checked before anything is sent. `f` holds the
 * values; `at(key)` names the parameter each came from (for the ID checks).
 */
export function writeFields(
	ctx: IExecuteFunctions,
	i: number,
	f: IDataObject,
	at: (key: string) => string,
): IDataObject {
	const node = ctx.getNode();
	const id = (key: string, label: string) => readOptionalId(ctx, i, at(key), label);
	const out: IDataObject = {};
	if (f.date !== undefined) {
		const d = toBlikkDate(ctx, i, 'Date', f.date);
		if (!d) throw invalidInput(node, i, 'Date', 'is required');
		out.date = `${d} 00:00:00`;
	}
	if (f.hours !== undefined)
		out.hours = requireNumber(node, i, 'Hours', f.hours, { min: 0, max: 24 });
	if (f.invoiceableHours !== undefined)
		out.invoiceableHours = requireNumber(node, i, 'Invoiceable Hours', f.invoiceableHours, {
			min: 0,
			max: 24,
		});
	const start = toBlikkClock(ctx, i, 'Clock Start', f.clockStart);
	if (start !== undefined) out.clockStart = start;
	const end = toBlikkClock(ctx, i, 'Clock End', f.clockEnd);
	if (end !== undefined) out.clockEnd = end;
	if (f.breakMinutes !== undefined)
		out.breakMinutes =
			f.breakMinutes === '' || f.breakMinutes === null
				? null
				: requirePositiveIntegerOrZero(ctx, i, 'Break Minutes', f.breakMinutes);
	for (const key of ['comment', 'internalComment']) if (f[key] !== undefined) out[key] = f[key];
	if (f.userId !== undefined) out.userId = id('userId', 'User ID');
	for (const [key, label] of [
		['activityId', 'Activity'],
		['timeCodeId', 'Time Code'],
		['timeArticleId', 'Time Article'],
	]) {
		if (f[key] !== undefined && f[key] !== '' && f[key] !== STANDARD) out[key] = id(key, label);
	}
	if (f.taskId !== undefined) out.taskId = id('taskId', 'Task ID') ?? null;
	for (const [key, label] of [
		['projectId', 'Project ID'],
		['internalProjectId', 'Internal Project ID'],
		['absenceProjectId', 'Absence Project ID'],
	]) {
		if (f[key] !== undefined && f[key] !== 0 && f[key] !== '') out[key] = id(key, label);
	}
	const json: Array<[string, string, 'array' | 'object']> = [
		['materials', 'Materials (JSON)', 'array'],
		['equipments', 'Equipments (JSON)', 'array'],
		['additions', 'Additions (JSON)', 'array'],
		['travelReport', 'Travel Report (JSON)', 'object'],
		['allowanceReport', 'Allowance Report (JSON)', 'object'],
	];
	for (const [key, label, shape] of json) {
		const value = jsonParam(ctx, i, label, f[key]);
		if (value === undefined) continue;
		if (shape === 'array' && !Array.isArray(value))
			throw invalidInput(node, i, label, 'must be a JSON array');
		if (shape === 'object' && (typeof value !== 'object' || value === null || Array.isArray(value)))
			throw invalidInput(node, i, label, 'must be a JSON object');
		out[key] =
			shape === 'object' && Object.keys(value as IDataObject).length === 0
				? null
				: (value as IDataObject);
	}
	return out;
}
