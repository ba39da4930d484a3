/** Time Record: time booked on a task by a member (P12, N-new). */
import { defineResource } from '../../../../../shared/operation';
import { guidField, projectLocator, show } from '../common';
import { R } from './common';
import { create } from './create.operation';
import { deleteTimeRecord } from './delete.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const timeRecord = defineResource({
	value: R,
	name: 'Time Record',
	defaultOperation: 'create',
	properties: [
		projectLocator(
			show(R, ['create', 'getAll', 'update']),
			'projectId',
			'Project',
			'The project of the time record',
		),
		guidField('timeRecordId', 'Time Record ID', show(R, ['delete', 'update'])),
	],
	operations: [deleteTimeRecord, getAll, create, update],
});
