/** Project › Delete. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { plan, writeTail } from '../common';
import { R, projectId, projectsPath } from './common';

export const deleteProject = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a project',
	readOnly: false,
	properties: writeTail(R, 'delete'),
	async handler(this: IExecuteFunctions, i: number) {
		const id = projectId(this, i);
		return await plan(this, i, {
			group: 'project:delete',
			method: 'DELETE',
			paths: [`${projectsPath}/${id}`],
			route: 'project:delete',
			batchable: false,
			expect: 'deleted',
			echo: { id, deleted: true },
			notFoundLabel: `Project ${id}`,
		});
	},
});
