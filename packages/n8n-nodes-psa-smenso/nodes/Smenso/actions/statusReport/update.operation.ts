/** Status Report › Update: change a draft (an envelope write; many rows go as one request). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { zoneFor } from '../../engine';
import { collection, locatorValue, plan, show, wireRecord, writeTail } from '../common';
import { DETAILS, PATH, R, STATUS_DATE, TITLE } from './common';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a status report',
	description: 'Change a draft status report',
	readOnly: false,
	properties: [
		collection(
			'updateFields',
			'Update Fields',
			[...DETAILS, STATUS_DATE, TITLE],
			show(R, ['update']),
		),
		...writeTail(R, 'update'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const zone = await zoneFor(this, i);
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const id = locatorValue(this, i, 'statusReportId', 'Status Report ID');
		const changes = wireRecord(
			this,
			i,
			[...DETAILS, STATUS_DATE, TITLE],
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
			zone.iana,
		);
		return await plan(this, i, {
			group: `statusreport:update:${projectId}`,
			method: 'PUT',
			paths: [PATH],
			route: 'statusreport:update',
			envelope: { key: 'statusReport', timezone: true, top: { projectId } },
			record: { id, ...changes },
			batchable: true,
			expect: 'modified',
			echo: { id, projectId, ...changes },
		});
	},
});
