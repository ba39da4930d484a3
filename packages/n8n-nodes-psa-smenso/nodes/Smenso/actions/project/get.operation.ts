/** Project › Get. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { get as read, readOptions } from '../common';
import { R, projectId, projectsPath } from './common';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a project',
	readOnly: true,
	properties: [readOptions(R, ['get'])],
	async handler(this: IExecuteFunctions, i: number) {
		const id = projectId(this, i);
		return await read<IDataObject>(this, i, `${projectsPath}/${id}`, undefined, `Project ${id}`);
	},
});
