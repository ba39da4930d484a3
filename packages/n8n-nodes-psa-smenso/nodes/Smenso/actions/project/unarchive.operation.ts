/** Project › Unarchive. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { isArchived } from '../../methods';
import { plan, writeTail } from '../common';
import { R, projectId, projectsPath, readBackById } from './common';

export const unarchive = defineOperation({
	value: 'unarchive',
	name: 'Unarchive',
	action: 'Unarchive a project',
	readOnly: false,
	properties: writeTail(R, 'unarchive'),
	async handler(this: IExecuteFunctions, i: number) {
		const id = projectId(this, i);
		return await plan(this, i, {
			group: 'project:unarchive',
			method: 'POST',
			paths: [`${projectsPath}/unarchive/${id}`],
			route: 'project:unarchive',
			batchable: false,
			expect: 'modified',
			notFoundLabel: `Project ${id}`,
			readBack: readBackById(this, id, (p) => !isArchived(p)),
		});
	},
});
