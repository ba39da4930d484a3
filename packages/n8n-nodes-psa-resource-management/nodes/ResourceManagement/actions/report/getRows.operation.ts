import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api } from '../common';
import { GROUPS, reportBody, reportTail, RP } from './fields';

export const getRows = defineOperation({
	value: 'getRows',
	name: 'Get Rows',
	action: 'Get a report of hours, fees or utilization',
	description: 'Rows of a report as in the reports UI',
	// Sent as POST, but it only reads: it finishes in the checking pass and is resent like a read.
	readOnly: true,
	properties: [
		{
			displayName: 'Group By',
			name: 'groupBy',
			type: 'multiOptions',
			default: [],
			options: GROUPS.map(([value, name]) => ({ name, value })),
			description:
				'Up to 5 attributes, in the order chosen. Empty: by project (by person for utilization). Utilization can only group by person or date attributes.',
			displayOptions: show(RP, 'getRows'),
		},
		...reportTail('getRows'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const body = reportBody(this, i, true);
		const answer = await api<IDataObject>(this, i, 'POST', '/reports/rows', { body });
		const split =
			(this.getNodeParameter('reportOptions', i, {}) as IDataObject).splitRows !== false;
		if (!split) return answer;
		return ((answer.rows as IDataObject[]) ?? []).map((row) => ({
			...row,
			_range: (answer.dates as IDataObject)?.range,
		}));
	},
});
