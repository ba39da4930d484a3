/** Task › Update: changed fields of a task (an envelope write; many rows go as one request). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { collection, disputed, plan, sameId, show, writeTail } from '../common';
import { DETAILS, DISPUTED, R, TITLE, details, projectOf, readBack, taskOf } from './common';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a task',
	readOnly: false,
	properties: [
		collection('updateFields', 'Update Fields', [...DETAILS, TITLE], show(R, ['update'])),
		...writeTail(R, 'update'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const projectId = projectOf(this, i);
		const id = taskOf(this, i);
		const changes = await details(
			this,
			i,
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
		);
		return await plan(this, i, {
			group: `task:update:${projectId}`,
			method: 'PUT',
			paths: ['integration/task/json'],
			route: 'task:update',
			// N-new sends no projectId on task updates (our earlier notes did): the higher source wins.
			envelope: { key: 'task', timezone: true },
			record: { id, ...changes },
			batchable: true,
			expect: 'modified',
			readBack: readBack(this, projectId, (t) => sameId(t.id, id)),
			verify: disputed(changes, DETAILS, DISPUTED, 'task'),
		});
	},
});
