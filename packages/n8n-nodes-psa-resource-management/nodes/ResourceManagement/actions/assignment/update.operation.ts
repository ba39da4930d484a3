import type { IExecuteFunctions } from 'n8n-workflow';

import { readId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { invalidInput } from '../../../../../shared/validation';
import { api, requireChanges } from '../common';
import { allocation, allocationFields, AM, assignmentExtras, assignmentOptional } from './fields';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update an assignment',
	readOnly: false,
	properties: [
		...allocationFields(show(AM, 'update'), true),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(AM, 'update'),
			options: assignmentOptional(true),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'assignmentId', 'Assignment ID');
		const body = {
			...assignmentExtras(this, i, 'updateFields'),
			...allocation(this, i),
		};
		if (body.starts_at && body.ends_at && String(body.ends_at) < String(body.starts_at))
			throw invalidInput(
				this.getNode(),
				i,
				'End Date',
				`must not be before the start date (${String(body.starts_at)})`,
			);
		requireChanges(this, i, body);
		return await api(this, i, 'PUT', `/assignments/${id}`, { body, notFound: `Assignment ${id}` });
	},
});
