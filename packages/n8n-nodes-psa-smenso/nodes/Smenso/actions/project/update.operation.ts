/** Project › Update (an envelope write; many rows go as one request). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { zoneFor } from '../../engine';
import { collection, disputed, plan, show, writeTail } from '../common';
import {
	DETAILS,
	DISPUTED,
	R,
	UPDATE_ONLY,
	details,
	projectId,
	projectsPath,
	readBackById,
} from './common';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a project',
	readOnly: false,
	properties: [
		collection('updateFields', 'Update Fields', [...DETAILS, ...UPDATE_ONLY], show(R, ['update'])),
		...writeTail(R, 'update'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const zone = await zoneFor(this, i);
		const id = projectId(this, i);
		const changes = await details(
			this,
			i,
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
			zone.iana,
			[...DETAILS, ...UPDATE_ONLY],
		);
		return await plan(this, i, {
			group: 'project:update',
			method: 'PUT',
			paths: [projectsPath],
			route: 'project:update',
			envelope: { key: 'project', timezone: true },
			record: { id, ...changes },
			batchable: true,
			expect: 'modified',
			readBack: readBackById(this, id),
			verify: disputed(changes, DETAILS, DISPUTED, 'project'),
		});
	},
});
