import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api } from '../common';

export const remove = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a project',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'projectId', 'Project');
		await api(this, i, 'DELETE', `/projects/${id}`, { notFound: `Project ${id}` });
		return { id, deleted: true };
	},
});
