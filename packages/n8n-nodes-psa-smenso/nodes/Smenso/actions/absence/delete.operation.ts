/** Absence › Delete. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { locatorValue, plan, writeTail } from '../common';
import { R } from './common';

export const deleteAbsence = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an absence',
	readOnly: false,
	properties: writeTail(R, 'delete'),
	async handler(this: IExecuteFunctions, i: number) {
		const id = locatorValue(this, i, 'absenceId', 'Absence ID');
		return await plan(this, i, {
			group: 'absence:delete',
			method: 'DELETE',
			paths: [`integration/absence/json/${id}`],
			route: 'absence:delete',
			batchable: false,
			expect: 'deleted',
			echo: { id, deleted: true },
			notFoundLabel: `Absence ${id}`,
		});
	},
});
