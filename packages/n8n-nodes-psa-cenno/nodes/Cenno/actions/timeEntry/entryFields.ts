import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { formatIsoDate, parseDate } from '../../../../../shared/dates';
import { readOptionalId } from '../../../../../shared/kit';
import { requireNumber } from '../../../../../shared/validation';
import { optionsField } from '../common';

/**
 * The optional fields of a time entry, shared by Log Time (Additional Fields) and Update (Update
 * Fields).
 */
export const entryFields = (collection: 'additionalFields' | 'updateFields'): INodeProperties[] => [
	{
		displayName: 'Billable',
		name: 'billable',
		type: 'boolean',
		default: true,
		description: 'Whether the hours can be invoiced to the customer',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'What the time was spent on',
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description: 'Your own reference for this entry, e.g. the ID in the system the hours come from',
	},
	{
		// Log Time has its project at the top; Update may change it in Update Fields.
		...optionsField('itemId', 'Item', 'getItems', [
			collection === 'updateFields' ? 'updateFields.projectId' : 'projectId',
		]),
		description:
			'The item (task) the hours belong to; it must be in the chosen project. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

/**
 * The day of a date field (a time after it is ignored; `{{ $now }}` gives the workflow zone's day).
 */
export function dateValue(
	ctx: IExecuteFunctions,
	i: number,
	label: string,
	value: unknown,
): string {
	return formatIsoDate(parseDate(ctx.getNode(), i, label, value));
}

export function hoursValue(
	ctx: IExecuteFunctions,
	i: number,
	label: string,
	value: unknown,
): number {
	return requireNumber(ctx.getNode(), i, label, value, { exclusiveMin: 0 });
}

/** The optional fields shared by Log Time and Update, checked before anything is sent. */
export function commonFields(
	ctx: IExecuteFunctions,
	i: number,
	collection: 'additionalFields' | 'updateFields',
	label: string,
): IDataObject {
	const fields = ctx.getNodeParameter(collection, i, {}) as IDataObject;
	const out: IDataObject = {};
	const itemId = readOptionalId(ctx, i, `${collection}.itemId`, `${label} → Item`);
	if (itemId !== undefined) out.item_id = itemId;
	if (fields.description !== undefined) out.description = String(fields.description);
	if (fields.billable !== undefined) out.billable = Boolean(fields.billable);
	if (fields.externalId !== undefined) out.external_id = String(fields.externalId).trim() || null;
	return out;
}
