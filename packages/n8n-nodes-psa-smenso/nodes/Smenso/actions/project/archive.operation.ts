/** Project › Archive (no more time booked on it). */
import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { isArchived } from '../../methods';
import { plan, writeTail } from '../common';
import { R, projectId, projectsPath, readBackById } from './common';

export const archive = defineOperation({
	value: 'archive',
	name: 'Archive',
	action: 'Archive a project',
	description: 'Archive a project (no more time booked on it)',
	readOnly: false,
	properties: writeTail(R, 'archive'),
	async handler(this: IExecuteFunctions, i: number) {
		const id = projectId(this, i);
		// N-new's path first (closest to the Swagger); N-old's only if smenso says the first does not
		// exist.
		return await plan(this, i, {
			group: 'project:archive',
			method: 'POST',
			paths: [`${projectsPath}/archive/${id}`, `${projectsPath}/${id}/archive`],
			route: 'project:archive',
			batchable: false,
			expect: 'modified',
			notFoundLabel: `Project ${id}`,
			readBack: readBackById(this, id, (p) => isArchived(p)),
		});
	},
});
