import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { api } from '../common';
import { reportBody, reportTail } from './fields';

export const getTotals = defineOperation({
	value: 'getTotals',
	name: 'Get Totals',
	action: 'Get report totals of hours, fees or utilization',
	// Sent as POST, but it only reads: it finishes in the checking pass and is resent like a read.
	readOnly: true,
	properties: reportTail('getTotals'),
	async handler(this: IExecuteFunctions, i: number) {
		return await api(this, i, 'POST', '/reports/totals', { body: reportBody(this, i, false) });
	},
});
