/** Attachment › Get Many: the files of a project, task or status report. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { get, limitList, show } from '../common';
import { R, parentPath } from './common';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get the attachments of a project, task or status report',
	readOnly: true,
	properties: [
		{
			displayName: 'Include Task and Status Report Files',
			name: 'includeAll',
			type: 'boolean',
			default: true,
			description:
				"Whether to list every file of the project (also those of its tasks and status reports) or only the project's own",
			displayOptions: show(R, ['getAll'], { parent: ['project'] }),
		},
		...returnAllLimit(R, 'getAll'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const parent = parentPath(this, i);
		const qs =
			this.getNodeParameter('parent', i, 'task') === 'project'
				? { projectOnly: this.getNodeParameter('includeAll', i, true) === true }
				: undefined;
		const list = await get(this, i, `integration/attachment/${parent.path}`, qs, parent.label);
		return limitList(this, i, Array.isArray(list) ? list : []);
	},
});
