/** Status Report › Delete. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { locatorValue, plan, writeTail } from '../common';
import { PATH, R } from './common';

export const deleteStatusReport = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a status report',
	readOnly: false,
	properties: writeTail(R, 'delete'),
	async handler(this: IExecuteFunctions, i: number) {
		const id = locatorValue(this, i, 'statusReportId', 'Status Report ID');
		return await plan(this, i, {
			group: 'statusreport:delete',
			method: 'DELETE',
			paths: [`${PATH}/${id}`],
			route: 'statusreport:delete',
			batchable: false,
			expect: 'deleted',
			echo: { id, deleted: true },
			notFoundLabel: `Status report ${id}`,
		});
	},
});
