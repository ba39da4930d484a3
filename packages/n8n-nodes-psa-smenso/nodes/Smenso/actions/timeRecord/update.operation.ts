/** Time Record › Update (an envelope write; many rows go as one request). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { zoneFor } from '../../engine';
import {
	checkOrder,
	collection,
	disputed,
	locatorValue,
	plan,
	sameId,
	show,
	wireRecord,
	writeTail,
} from '../common';
import { DISPUTED, R, UPDATE, readBack, wrapTop } from './common';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a time record',
	readOnly: false,
	properties: [
		collection('updateFields', 'Update Fields', UPDATE, show(R, ['update'])),
		...writeTail(R, 'update'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const zone = await zoneFor(this, i);
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const id = locatorValue(this, i, 'timeRecordId', 'Time Record ID');
		const changes = wireRecord(
			this,
			i,
			UPDATE,
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
			zone.iana,
		);
		checkOrder(this, i, changes, 'startDate', 'endDate', 'Start', 'End');
		return await plan(this, i, {
			group: `timerecord:update:${projectId}`,
			method: 'PUT',
			paths: ['integration/timerecord/json'],
			route: 'timerecord:update',
			envelope: wrapTop(projectId),
			record: { id, ...changes },
			batchable: true,
			expect: 'modified',
			readBack: readBack(this, projectId, (r) => sameId(r.id, id)),
			verify: disputed(changes, UPDATE, DISPUTED, 'time record'),
		});
	},
});
