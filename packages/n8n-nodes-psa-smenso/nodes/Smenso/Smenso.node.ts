import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { executeOperations, type OperationTable } from '../../../shared/execute';
import { subtitleFor } from '../../../shared/kit';
import { flush } from './engine';
import { listSearch } from './methods';
import { absenceFields, absenceHandlers, absenceOperations } from './resources/absence';
import {
	attachmentFields,
	attachmentHandlers,
	attachmentOperations,
	commentFields,
	commentHandlers,
	commentOperations,
	folderFields,
	folderHandlers,
	folderOperations,
	permissionFields,
	permissionHandlers,
	permissionOperations,
} from './resources/collab';
import { projectFields, projectHandlers, projectOperations } from './resources/project';
import { reportFields, reportHandlers, reportOperations } from './resources/report';
import {
	absenceTypeFields,
	absenceTypeHandlers,
	absenceTypeOperations,
	flavorFields,
	flavorHandlers,
	flavorOperations,
	invitationFields,
	invitationHandlers,
	invitationOperations,
	memberFields,
	memberHandlers,
	memberOperations,
	ticketFields,
	ticketHandlers,
	ticketOperations,
	timezoneFields,
	timezoneHandlers,
	timezoneOperations,
	workingTimeFields,
	workingTimeHandlers,
	workingTimeOperations,
} from './resources/settings';
import {
	statusReportFields,
	statusReportHandlers,
	statusReportOperations,
} from './resources/statusReport';
import { taskFields, taskHandlers, taskOperations } from './resources/task';
import { timeRecordFields, timeRecordHandlers, timeRecordOperations } from './resources/timeRecord';

const HANDLERS: OperationTable = {
	absence: absenceHandlers,
	absenceType: absenceTypeHandlers,
	attachment: attachmentHandlers,
	comment: commentHandlers,
	flavor: flavorHandlers,
	folder: folderHandlers,
	invitation: invitationHandlers,
	member: memberHandlers,
	permission: permissionHandlers,
	project: projectHandlers,
	report: reportHandlers,
	statusReport: statusReportHandlers,
	task: taskHandlers,
	ticket: ticketHandlers,
	timeRecord: timeRecordHandlers,
	timezone: timezoneHandlers,
	workingTime: workingTimeHandlers,
};

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Absence', value: 'absence' },
			{ name: 'Absence Type', value: 'absenceType' },
			{
				name: 'Attachment',
				value: 'attachment',
				description: 'Files of projects, tasks and status reports',
			},
			{ name: 'Comment', value: 'comment', description: 'Comments on tasks and status reports' },
			{ name: 'Custom Field (Flavor)', value: 'flavor' },
			{ name: 'Folder', value: 'folder', description: 'Task folders of a project' },
			{
				name: 'Invitation',
				value: 'invitation',
				description: 'Invite members and guests to the workspace',
			},
			{ name: 'Member', value: 'member', description: 'Members and their settings' },
			{
				name: 'Permission',
				value: 'permission',
				description: 'Who may see and change projects and tasks',
			},
			{ name: 'Project', value: 'project' },
			{
				name: 'Report',
				value: 'report',
				description: 'Read-only exports of the Reporting API, as JSON or CSV',
			},
			{ name: 'Status Report', value: 'statusReport' },
			{ name: 'Task', value: 'task' },
			{ name: 'Ticket', value: 'ticket', description: 'The outcome of an asynchronous change' },
			{ name: 'Time Record', value: 'timeRecord' },
			{ name: 'Time Zone', value: 'timezone' },
			{
				name: 'Working Time',
				value: 'workingTime',
				description: 'Working hours per weekday of members',
			},
		],
		default: 'task',
	},
	absenceOperations,
	absenceTypeOperations,
	attachmentOperations,
	commentOperations,
	flavorOperations,
	folderOperations,
	invitationOperations,
	memberOperations,
	permissionOperations,
	projectOperations,
	reportOperations,
	statusReportOperations,
	taskOperations,
	ticketOperations,
	timeRecordOperations,
	timezoneOperations,
	workingTimeOperations,
	...absenceFields,
	...absenceTypeFields,
	...attachmentFields,
	...commentFields,
	...flavorFields,
	...folderFields,
	...invitationFields,
	...memberFields,
	...permissionFields,
	...projectFields,
	...reportFields,
	...statusReportFields,
	...taskFields,
	...ticketFields,
	...timeRecordFields,
	...timezoneFields,
	...workingTimeFields,
];

/**
 * n8n's node picker merges a trigger into the action node of the same name and shows the *trigger's*
 * description for both (editor-ui useActionsGeneration). Both nodes carry one description of the pair.
 */
export const SMENSO_DESCRIPTION =
	'Log time, record absences and manage projects, tasks, status reports, comments and files in smenso (waits for its asynchronous saves), and start workflows when they change';

export class Smenso implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'smenso',
		name: 'smenso',
		icon: { light: 'file:smenso.svg', dark: 'file:smenso.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleFor(properties),
		description: SMENSO_DESCRIPTION,
		defaults: { name: 'smenso' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'psaSmensoApi', required: true }],
		properties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, HANDLERS, { batch: { flush } });
	}
}
