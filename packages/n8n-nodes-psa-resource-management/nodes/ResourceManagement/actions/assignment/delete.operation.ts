import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api } from '../common';

export const remove = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an assignment',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'assignmentId', 'Assignment ID');
		const current = await api<IDataObject>(this, i, 'GET', `/assignments/${id}`, {
			notFound: `Assignment ${id}`,
		});
		const path = current.user_id
			? `/users/${current.user_id as number}/assignments/${id}`
			: `/projects/${current.assignable_id as number}/assignments/${id}`;
		await api(this, i, 'DELETE', path, { notFound: `Assignment ${id}` });
		return { id, deleted: true };
	},
});
