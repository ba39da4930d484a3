/** Attachment › Delete (answered at once, no ticket). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { locatorValue, send } from '../common';

export const deleteAttachment = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an attachment',
	readOnly: false,
	async handler(this: IExecuteFunctions, i: number) {
		const id = locatorValue(this, i, 'attachmentId', 'Attachment ID');
		const answer = await send<IDataObject>(this, i, {
			method: 'DELETE',
			path: `integration/attachment/json/${id}`,
			notFoundLabel: `Attachment ${id}`,
		});
		return { id, deleted: true, ...(answer && typeof answer === 'object' ? answer : {}) };
	},
});
