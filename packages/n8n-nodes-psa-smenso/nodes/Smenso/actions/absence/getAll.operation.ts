/** Absence › Get Many: every absence the token may see, filtered after the request. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { zoneFor } from '../../engine';
import { toWireDate } from '../../transport';
import { limitList, readOptions, sameId, show } from '../common';
import { R, STATUS, absencesOf } from './common';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many absences',
	readOnly: true,
	properties: [
		...returnAllLimit(R, 'getAll'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show(R, ['getAll']),
			options: [
				{
					displayName: 'Absence Type (ID or Name)',
					name: 'absenceTypeId',
					type: 'string',
					default: '',
				},
				{
					displayName: 'From Date',
					name: 'from',
					type: 'dateTime',
					default: '',
					description: 'Only absences that end on or after this day',
				},
				{
					displayName: 'Member',
					name: 'userId',
					type: 'string',
					default: '',
					description: 'Only absences of this member (GUID or e-mail)',
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: STATUS.map(([name, value]) => ({ name, value })),
					default: 'approved',
				},
				{
					displayName: 'To Date',
					name: 'to',
					type: 'dateTime',
					default: '',
					description: 'Only absences that start on or before this day',
				},
			],
		},
		readOptions(R, ['getAll']),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const zone = await zoneFor(this, i);
		const from = filters.from
			? toWireDate(this.getNode(), i, 'From Date', filters.from, zone.iana)
			: undefined;
		const to = filters.to
			? toWireDate(this.getNode(), i, 'To Date', filters.to, zone.iana)
			: undefined;
		const type = String(filters.absenceTypeId ?? '').toLowerCase();
		return limitList(
			this,
			i,
			await absencesOf(this, i),
			(a) =>
				(!filters.userId ||
					sameId(a.userId, filters.userId) ||
					sameId(a.userEmail, filters.userId)) &&
				(!type ||
					String(a.absenceTypeId ?? '').toLowerCase() === type ||
					String(a.absenceType ?? '').toLowerCase() === type) &&
				(!filters.status || a.status === filters.status) &&
				(!from || String(a.endDate ?? '').slice(0, 10) >= from) &&
				(!to || String(a.startDate ?? '').slice(0, 10) <= to),
		);
	},
});
