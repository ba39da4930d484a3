/**
 * Absence › Approve, Reject, Submit: a status change is an ordinary update of `status`, so many
 * rows go out as one PUT (together with Update rows).
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { compact } from '../../../../../shared/kit';
import { defineOperation, type OperationDefinition } from '../../../../../shared/operation';
import { locatorValue, plan, sameId, show, writeTail } from '../common';
import { ENVELOPE, R, readBack } from './common';

function statusChange(
	value: string,
	status: string,
	name: string,
	action: string,
	description: string,
): OperationDefinition {
	return defineOperation({
		value,
		name,
		action,
		description,
		readOnly: false,
		properties: [
			{
				displayName: 'Comment',
				name: 'comment',
				type: 'string',
				default: '',
				description: 'Optional note stored with the status change',
				displayOptions: show(R, [value]),
			},
			...writeTail(R, value),
		],
		async handler(this: IExecuteFunctions, i: number) {
			const id = locatorValue(this, i, 'absenceId', 'Absence ID');
			const comment = String(this.getNodeParameter('comment', i, '') ?? '');
			return await plan(this, i, {
				group: 'absence:update',
				method: 'PUT',
				paths: ['integration/absence/json'],
				route: 'absence:update',
				envelope: ENVELOPE,
				record: compact({ id, status, comment }),
				batchable: true,
				expect: 'modified',
				readBack: readBack(this, (a) => sameId(a.id, id) && a.status === status),
			});
		},
	});
}

export const approve = statusChange(
	'approve',
	'approved',
	'Approve',
	'Approve an absence',
	'Set the status of an absence to approved',
);
export const reject = statusChange(
	'reject',
	'rejected',
	'Reject',
	'Reject an absence',
	'Set the status of an absence to rejected',
);
export const submit = statusChange(
	'submit',
	'submitted',
	'Submit',
	'Submit an absence for approval',
	'Set the status of an absence to submitted',
);
