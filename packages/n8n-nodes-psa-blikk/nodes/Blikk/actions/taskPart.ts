import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../../../shared/kit';
import { defineOperation } from '../../../../shared/operation';
import { blikkRequest } from '../transport';
import { listFields, listRecords, sortQuery } from './common';

/**
 * The parts of a task (attachments, checklists, comments) live under `/v1/Core/Tasks/{taskId}/<Part>`:
 * their Delete and Get Many are the same operation for each part.
 */
export interface TaskPart {
	/** Resource value (`taskComment`). */
	resource: string;
	/** `/v1/Core/Tasks/{taskId}/Comments` */
	path: (taskId: number) => string;
	/** The part's ID field and its label (`commentId`, `Comment ID`). */
	idParam: string;
	idLabel: string;
	/** Plural noun for the action labels ("comments"). */
	plural: string;
	/** Fields Get Many sorts by. */
	sortKeys: string[];
}

export const taskPartDelete = (part: TaskPart) =>
	defineOperation({
		value: 'delete',
		name: 'Delete',
		action: `Delete a task ${part.plural.replace(/s$/, '')}`,
		readOnly: false,
		async handler(this: IExecuteFunctions, i: number) {
			const taskId = readId(this, i, 'taskId', 'Task');
			const id = readId(this, i, part.idParam, part.idLabel);
			await blikkRequest.call(this, {
				method: 'DELETE',
				path: `${part.path(taskId)}/${id}`,
				itemIndex: i,
				idempotent: true,
			});
			return { id, taskId, deleted: true };
		},
	});

export const taskPartGetAll = (part: TaskPart) =>
	defineOperation({
		value: 'getAll',
		name: 'Get Many',
		action: `Get the ${part.plural} of a task`,
		readOnly: true,
		properties: listFields(part.resource, part.sortKeys),
		async handler(this: IExecuteFunctions, i: number) {
			const taskId = readId(this, i, 'taskId', 'Task');
			return await listRecords(this, i, part.path(taskId), sortQuery(this, i));
		},
	});
