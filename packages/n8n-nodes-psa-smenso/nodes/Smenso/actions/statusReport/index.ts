/** Status Report: periodic reports on a project's progress; drafts, then published (P10, N-new). */
import { defineResource } from '../../../../../shared/operation';
import { guidField, projectLocator, show } from '../common';
import { R } from './common';
import { create } from './create.operation';
import { createFromTemplate } from './createFromTemplate.operation';
import { deleteStatusReport } from './delete.operation';
import { publish } from './publish.operation';
import { update } from './update.operation';

export const statusReport = defineResource({
	value: R,
	name: 'Status Report',
	defaultOperation: 'create',
	properties: [
		projectLocator(show(R, ['create', 'createFromTemplate', 'delete', 'publish', 'update'])),
		guidField(
			'statusReportId',
			'Status Report ID',
			show(R, ['delete', 'publish', 'update']),
			"Shown in the project's status reports; also in comment and attachment lists",
		),
	],
	operations: [create, createFromTemplate, deleteStatusReport, publish, update],
});
