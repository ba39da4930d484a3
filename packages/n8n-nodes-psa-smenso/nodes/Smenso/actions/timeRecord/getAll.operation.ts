/** Time Record › Get Many: the time records of a project, filtered after the request. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { zoneFor } from '../../engine';
import { toWireDate } from '../../transport';
import { limitList, locatorValue, readOptions, sameId, show } from '../common';
import { R, timeRecordsOf } from './common';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many time records',
	description: 'Get the time records of a project',
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
					displayName: 'From Date',
					name: 'from',
					type: 'dateTime',
					default: '',
					description: 'Only records on or after this day',
				},
				{
					displayName: 'Member',
					name: 'userId',
					type: 'string',
					default: '',
					description: 'Only records of this member (GUID or e-mail)',
				},
				{
					displayName: 'Task ID',
					name: 'taskId',
					type: 'string',
					default: '',
					description: 'Only records on this task (GUID)',
				},
				{
					displayName: 'To Date',
					name: 'to',
					type: 'dateTime',
					default: '',
					description: 'Only records on or before this day',
				},
			],
		},
		readOptions(R, ['getAll']),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const zone = await zoneFor(this, i);
		const from = filters.from
			? toWireDate(this.getNode(), i, 'From Date', filters.from, zone.iana)
			: undefined;
		const to = filters.to
			? toWireDate(this.getNode(), i, 'To Date', filters.to, zone.iana)
			: undefined;
		const list = await timeRecordsOf(this, i, projectId);
		return limitList(this, i, list, (r) => {
			const day = String(r.date ?? r.startDate ?? '').slice(0, 10);
			return (
				(!filters.userId ||
					sameId(r.userId, filters.userId) ||
					sameId(r.userEmail, filters.userId)) &&
				(!filters.taskId || sameId(r.taskId, filters.taskId)) &&
				(!from || day >= from) &&
				(!to || day <= to)
			);
		});
	},
});
