/** Absence › Update (an envelope write; many rows go as one request). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { zoneFor } from '../../engine';
import {
	checkOrder,
	collection,
	locatorValue,
	plan,
	sameId,
	show,
	wireRecord,
	writeTail,
} from '../common';
import { ENVELOPE, R, UPDATE, readBack } from './common';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an absence',
	readOnly: false,
	properties: [
		collection('updateFields', 'Update Fields', UPDATE, show(R, ['update'])),
		...writeTail(R, 'update'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const zone = await zoneFor(this, i);
		const id = locatorValue(this, i, 'absenceId', 'Absence ID');
		const changes = wireRecord(
			this,
			i,
			UPDATE,
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
			zone.iana,
		);
		checkOrder(this, i, changes, 'startDate', 'endDate', 'Start Date', 'End Date');
		return await plan(this, i, {
			group: 'absence:update',
			method: 'PUT',
			paths: ['integration/absence/json'],
			route: 'absence:update',
			envelope: ENVELOPE,
			record: { id, ...changes },
			batchable: true,
			expect: 'modified',
			readBack: readBack(this, (a) => sameId(a.id, id)),
		});
	},
});
