/**
 * Absence › Create: a vacation, sick day or other absence (an envelope write; many rows, one
 * request).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { zoneFor } from '../../engine';
import { toWireDate } from '../../transport';
import {
	absenceTypeLocator,
	checkOrder,
	collection,
	locatorValue,
	memberLocator,
	newExternalId,
	plan,
	show,
	wireRecord,
	writeTail,
} from '../common';
import { CREATE, ENVELOPE, R, readBack } from './common';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create an absence',
	description: 'Record a vacation, sick day or other absence',
	readOnly: false,
	properties: [
		memberLocator(
			show(R, ['create']),
			'userId',
			'Member',
			'Whose absence: pick from the list, or give a GUID or an e-mail',
		),
		absenceTypeLocator(show(R, ['create'])),
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'First day of the absence',
			displayOptions: show(R, ['create']),
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'Last day of the absence (not before the start date)',
			displayOptions: show(R, ['create']),
		},
		collection('additionalFields', 'Additional Fields', CREATE, show(R, ['create'])),
		...writeTail(R, 'create'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const zone = await zoneFor(this, i);
		const node = this.getNode();
		const userId = locatorValue(this, i, 'userId', 'Member', { email: true });
		const absenceTypeId = locatorValue(this, i, 'absenceTypeId', 'Absence Type', { name: true });
		const startDate = toWireDate(
			node,
			i,
			'Start Date',
			this.getNodeParameter('startDate', i, ''),
			zone.iana,
		);
		const endDate = toWireDate(
			node,
			i,
			'End Date',
			this.getNodeParameter('endDate', i, ''),
			zone.iana,
		);
		const record: IDataObject = {
			userId,
			absenceTypeId,
			startDate,
			endDate,
			...wireRecord(
				this,
				i,
				CREATE,
				this.getNodeParameter('additionalFields', i, {}) as IDataObject,
				zone.iana,
			),
		};
		checkOrder(this, i, record, 'startDate', 'endDate', 'Start Date', 'End Date');
		record.externalId ??= newExternalId(this, i);
		return await plan(this, i, {
			group: 'absence:create',
			method: 'POST',
			paths: ['integration/absence/json'],
			route: 'absence:create',
			envelope: ENVELOPE,
			record,
			batchable: true,
			expect: 'created',
			readBack: readBack(this, (a) => a.externalId === record.externalId),
		});
	},
});
