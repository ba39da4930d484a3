/** Attachment: files of projects, tasks and status reports (P16, N-new). */
import { defineResource } from '../../../../../shared/operation';
import { guidField, projectLocator, show, taskLocator } from '../common';
import { R } from './common';
import { deleteAttachment } from './delete.operation';
import { download } from './download.operation';
import { getAll } from './getAll.operation';
import { upload } from './upload.operation';

const ON = ['getAll', 'upload'];

export const attachment = defineResource({
	value: R,
	name: 'Attachment',
	description: 'Files of projects, tasks and status reports',
	defaultOperation: getAll.value,
	properties: [
		{
			displayName: 'Attached To',
			name: 'parent',
			type: 'options',
			options: [
				{ name: 'Project', value: 'project' },
				{ name: 'Status Report', value: 'statusreport' },
				{ name: 'Task', value: 'task' },
			],
			default: 'task',
			displayOptions: show(R, ON),
		},
		projectLocator(show(R, ON, { parent: ['project', 'task'] })),
		taskLocator(show(R, ON, { parent: ['task'] })),
		guidField('statusReportId', 'Status Report ID', show(R, ON, { parent: ['statusreport'] })),
		guidField('attachmentId', 'Attachment ID', show(R, ['delete', 'download'])),
	],
	operations: [deleteAttachment, download, getAll, upload],
});
