import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { blikkRequest } from '../../transport';
import { simplifyField } from './fields';
import { shaped } from './shape';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a time report',
	readOnly: true,
	properties: [simplifyField('get')],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'timeReportId', 'Time Report ID');
		const record = await blikkRequest.call(this, {
			method: 'GET',
			path: `/v1/Core/TimeReports/${id}`,
			itemIndex: i,
			notFoundLabel: `Time report ${id}`,
		});
		return shaped(this, i, record);
	},
});
