/** Status Report › Publish: a draft becomes final (it cannot be changed afterwards). */
import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { locatorValue, plan, writeTail } from '../common';
import { PATH, R } from './common';

export const publish = defineOperation({
	value: 'publish',
	name: 'Publish',
	action: 'Publish a status report',
	description: 'Publish a draft; it cannot be changed afterwards',
	readOnly: false,
	properties: writeTail(R, 'publish'),
	async handler(this: IExecuteFunctions, i: number) {
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const id = locatorValue(this, i, 'statusReportId', 'Status Report ID');
		return await plan(this, i, {
			group: `statusreport:update:${projectId}`,
			method: 'PUT',
			paths: [PATH],
			route: 'statusreport:update',
			envelope: { key: 'statusReport', timezone: true, top: { projectId } },
			record: { id, isPublished: true },
			batchable: true,
			expect: 'modified',
			echo: { id, projectId, isPublished: true },
		});
	},
});
