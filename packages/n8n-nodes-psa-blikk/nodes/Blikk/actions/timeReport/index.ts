import { show } from '../../../../../shared/kit';
import { defineResource } from '../../../../../shared/operation';
import { locator } from '../common';
import { create } from './create.operation';
import { deleteTimeReport } from './delete.operation';
import { TIME_REPORT } from './fields';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

/** Time reports (tidrapporter): Log Time, correct, read, list for a timesheet or attest, delete. */
export const timeReport = defineResource({
	value: TIME_REPORT,
	name: 'Time Report',
	defaultOperation: 'create',
	properties: [
		locator(
			'timeReportId',
			'Time Report ID',
			'searchTimeReports',
			show(TIME_REPORT, ['delete', 'get', 'update']),
		),
	],
	operations: [create, update, getAll, get, deleteTimeReport],
});
