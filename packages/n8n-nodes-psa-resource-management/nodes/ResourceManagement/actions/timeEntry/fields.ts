import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../../../shared/validation';
import { api, number } from '../common';

/** What the time entry operations share: checks of the logged values, and the entry's owner. */

export const TE = 'timeEntry';

export const TIME_ENTRY_FIELDS: Array<[string, string]> = [['approvals', 'Approvals']];

/** Task and Notes: fewer than 256 characters. */
export function checkText(ctx: IExecuteFunctions, i: number, label: string, value: unknown): void {
	if (value !== undefined && value !== null && String(value).length >= 256) {
		throw invalidInput(
			ctx.getNode(),
			i,
			label,
			`must be fewer than 256 characters (got ${String(value).length})`,
		);
	}
}

export function hours(ctx: IExecuteFunctions, i: number, value: unknown): number {
	return number(ctx, i, 'Hours', value, { min: 0, max: 24 });
}

/** The entry as stored (its user_id names the path of writes). */
export async function entryOwner(
	ctx: IExecuteFunctions,
	i: number,
	id: number,
): Promise<IDataObject> {
	return await api(ctx, i, 'GET', `/time_entries/${id}`, { notFound: `Time entry ${id}` });
}
