/** Time Record › Delete. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { locatorValue, plan, writeTail } from '../common';
import { R } from './common';

export const deleteTimeRecord = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a time record',
	readOnly: false,
	properties: writeTail(R, 'delete'),
	async handler(this: IExecuteFunctions, i: number) {
		const id = locatorValue(this, i, 'timeRecordId', 'Time Record ID');
		return await plan(this, i, {
			group: 'timerecord:delete',
			method: 'DELETE',
			paths: [`integration/timerecord/json/${id}`],
			route: 'timerecord:delete',
			batchable: false,
			expect: 'deleted',
			echo: { id, deleted: true },
			notFoundLabel: `Time record ${id}`,
		});
	},
});
