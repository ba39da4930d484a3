/** Absence: vacation, sick leave and other time off of members (P9, N-new). */
import { defineResource } from '../../../../../shared/operation';
import { guidField, show } from '../common';
import { R } from './common';
import { create } from './create.operation';
import { deleteAbsence } from './delete.operation';
import { getAll } from './getAll.operation';
import { approve, reject, submit } from './status.operation';
import { update } from './update.operation';

export const absence = defineResource({
	value: R,
	name: 'Absence',
	defaultOperation: 'create',
	properties: [
		guidField(
			'absenceId',
			'Absence ID',
			show(R, ['approve', 'delete', 'reject', 'submit', 'update']),
		),
	],
	operations: [approve, create, deleteAbsence, getAll, reject, submit, update],
});
