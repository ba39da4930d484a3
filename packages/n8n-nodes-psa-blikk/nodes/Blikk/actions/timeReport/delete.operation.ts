import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { blikkRequest } from '../../transport';

export const deleteTimeReport = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a time report',
	description: 'Delete a time report (Blikk refuses when it is attested or invoiced)',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'timeReportId', 'Time Report ID');
		await blikkRequest.call(this, {
			method: 'DELETE',
			path: `/v1/Core/TimeReports/${id}`,
			itemIndex: i,
			idempotent: true,
		});
		return { id, deleted: true };
	},
});
