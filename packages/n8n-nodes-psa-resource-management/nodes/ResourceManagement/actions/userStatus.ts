import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DateTime } from 'luxon';

import { parseDateTime } from '../../../../shared/dates';
import { compact, readId, readOptionalId, returnAllLimit, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput } from '../../../../shared/validation';
import { api, list, locator } from './common';

const SS = 'userStatus';

/**
 * A moment as the API wants it (`2013-09-31T22:10:24Z`, UTC), read by the shared strict date
 * module: an offset written after the time is honoured, a plain wall-clock time is in the
 * workflow's time zone.
 */
function utcTime(ctx: IExecuteFunctions, i: number, label: string, value: unknown): string {
	const wall = parseDateTime(ctx.getNode(), i, label, value);
	const fields = {
		year: wall.year,
		month: wall.month,
		day: wall.day,
		hour: wall.hour,
		minute: wall.minute,
		second: wall.second,
	};
	const zone = wall.offset
		? wall.offset === 'Z'
			? 'UTC'
			: `UTC${wall.offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`
		: ctx.getTimezone();
	const moment = DateTime.fromObject(fields, { zone });
	if (!moment.isValid)
		throw invalidInput(
			ctx.getNode(),
			i,
			label,
			`is not a moment in time zone ${zone}: "${String(value)}"`,
		);
	return moment.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}

const set = defineOperation({
	value: 'create',
	name: 'Set',
	action: 'Set a status for a person',
	description: 'Set the current status (in the office, working from home, ...)',
	readOnly: false,
	properties: [
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
				{
					displayName: 'Assignable ID',
					name: 'assignable_id',
					type: 'string',
					default: '',
					description: 'Project or leave type the person is working on',
				},
				{ displayName: 'Current Task', name: 'current_task', type: 'string', default: '' },
				{ displayName: 'End', name: 'end', type: 'dateTime', default: '' },
				{ displayName: 'Message', name: 'message', type: 'string', default: '' },
			],
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const uid = readId(this, i, 'userId', 'Person');
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = compact({
			status: this.getNodeParameter('status', i) as string,
			assignable_id: readOptionalId(this, i, 'additionalFields.assignable_id', 'Assignable ID'),
			current_task: extra.current_task as string,
			message: extra.message as string,
			end: extra.end ? utcTime(this, i, 'End', extra.end) : undefined,
		});
		return await api(this, i, 'POST', `/users/${uid}/statuses`, {
			body,
			notFound: `Person ${uid}`,
		});
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many statuses of a person',
	readOnly: true,
	properties: returnAllLimit(SS, 'getAll'),
	async handler(this: IExecuteFunctions, i: number) {
		const uid = readId(this, i, 'userId', 'Person');
		return await list(this, i, `/users/${uid}/statuses`, {}, { notFound: `Person ${uid}` });
	},
});

export const userStatus = defineResource({
	value: SS,
	name: 'Person Status',
	defaultOperation: set.value,
	// Whose status (both operations).
	properties: [locator('user', 'userId', 'Person', show(SS, ['create', 'getAll']))],
	operations: [set, getAll],
});
