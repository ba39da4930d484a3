/**
 * Time Record › Log Time: a time record on a task (an envelope write; many rows go as one request).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { invalidInput } from '../../../../../shared/validation';
import { zoneFor } from '../../engine';
import { hoursToMinutes, toWireDate, toWireDateTime } from '../../transport';
import {
	checkOrder,
	collection,
	disputed,
	locatorValue,
	memberLocator,
	newExternalId,
	plan,
	show,
	taskLocator,
	wireRecord,
	writeTail,
} from '../common';
import { DISPUTED, EXTRA, R, readBack, wrapTop } from './common';

export const create = defineOperation({
	value: 'create',
	name: 'Log Time',
	action: 'Log time',
	description: 'Create a time record on a task',
	readOnly: false,
	properties: [
		taskLocator(show(R, ['create'])),
		memberLocator(
			show(R, ['create']),
			'userId',
			'Member',
			'Who worked: pick from the list, or give a GUID or an e-mail',
		),
		{
			displayName: 'Date',
			name: 'date',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'Day of the work',
			displayOptions: show(R, ['create'], { entryMode: ['duration'] }),
		},
		{
			displayName: 'Enter Time As',
			name: 'entryMode',
			type: 'options',
			options: [
				{ name: 'Duration', value: 'duration', description: 'Hours worked on the date' },
				{
					name: 'Start and End',
					value: 'startEnd',
					description: 'From–to times (smenso computes the duration)',
				},
			],
			default: 'duration',
			displayOptions: show(R, ['create']),
		},
		{
			displayName: 'Duration (Hours)',
			name: 'hours',
			type: 'string',
			required: true,
			default: '1',
			placeholder: 'e.g. 1.5 or 1:30',
			description: 'Time worked, e.g. 1.5 or 1:30 (sent to smenso as minutes)',
			displayOptions: show(R, ['create'], { entryMode: ['duration'] }),
		},
		{
			displayName: 'Start',
			name: 'startDate',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: show(R, ['create'], { entryMode: ['startEnd'] }),
		},
		{
			displayName: 'End',
			name: 'endDate',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: show(R, ['create'], { entryMode: ['startEnd'] }),
		},
		collection('additionalFields', 'Additional Fields', EXTRA, show(R, ['create'])),
		...writeTail(R, 'create'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const zone = await zoneFor(this, i);
		const node = this.getNode();
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const taskId = locatorValue(this, i, 'taskId', 'Task');
		const userId = locatorValue(this, i, 'userId', 'Member', { email: true });
		const record: IDataObject = { taskId, userId };
		if (this.getNodeParameter('entryMode', i, 'duration') === 'startEnd') {
			record.startDate = toWireDateTime(
				node,
				i,
				'Start',
				this.getNodeParameter('startDate', i, ''),
				zone.iana,
			);
			record.endDate = toWireDateTime(
				node,
				i,
				'End',
				this.getNodeParameter('endDate', i, ''),
				zone.iana,
			);
			checkOrder(this, i, record, 'startDate', 'endDate', 'Start', 'End');
			record.date = String(record.startDate).slice(0, 10);
		} else {
			record.date = toWireDate(node, i, 'Date', this.getNodeParameter('date', i, ''), zone.iana);
			const minutes = hoursToMinutes(
				node,
				i,
				'Duration (Hours)',
				this.getNodeParameter('hours', i, ''),
			);
			if (minutes <= 0) throw invalidInput(node, i, 'Duration (Hours)', 'must be more than 0');
			record.duration = minutes;
		}
		Object.assign(
			record,
			wireRecord(
				this,
				i,
				EXTRA,
				this.getNodeParameter('additionalFields', i, {}) as IDataObject,
				zone.iana,
			),
		);
		record.externalId ??= newExternalId(this, i);
		return await plan(this, i, {
			group: `timerecord:create:${projectId}`,
			method: 'POST',
			paths: ['integration/timerecord/json'],
			route: 'timerecord:create',
			envelope: wrapTop(projectId),
			record,
			batchable: true,
			expect: 'created',
			readBack: readBack(this, projectId, (r) => r.externalId === record.externalId),
			verify: disputed(record, EXTRA, DISPUTED, 'time record'),
		});
	},
});
