import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact, readId, readOptionalId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { api, date, locator } from '../common';
import { checkText, hours, TE } from './fields';

export const create = defineOperation({
	value: 'create',
	name: 'Log Time',
	action: 'Log time',
	description: 'Create a confirmed time entry for a person on a project, phase or leave type',
	readOnly: false,
	properties: [
		locator('user', 'userId', 'Person', show(TE, 'create'), {
			description:
				'Whose time this is (licensed users only; placeholders and managed resources cannot log time)',
		}),
		{
			displayName: 'Log Time On',
			name: 'assignableType',
			type: 'options',
			default: 'project',
			displayOptions: show(TE, 'create'),
			options: [
				{ name: 'Project (or One of Its Phases)', value: 'project' },
				{ name: 'Leave Type', value: 'leaveType' },
			],
		},
		locator('project', 'projectId', 'Project', show(TE, 'create', { assignableType: ['project'] })),
		locator(
			'leaveType',
			'leaveTypeId',
			'Leave Type',
			show(TE, 'create', { assignableType: ['leaveType'] }),
		),
		{
			displayName: 'Date',
			name: 'date',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'The day worked (only the date part is used)',
			displayOptions: show(TE, 'create'),
		},
		{
			displayName: 'Hours',
			name: 'hours',
			type: 'number',
			required: true,
			default: 8,
			typeOptions: { minValue: 0, maxValue: 24, numberPrecision: 2 },
			displayOptions: show(TE, 'create'),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(TE, 'create'),
			options: [
				{
					displayName: 'Bill Rate ID',
					name: 'bill_rate_id',
					type: 'number',
					default: 0,
					description:
						'A bill rate matching this person and project; empty lets Resource Management pick one',
				},
				{
					displayName: 'Notes',
					name: 'notes',
					type: 'string',
					default: '',
					typeOptions: { rows: 2 },
					description: 'Fewer than 256 characters',
				},
				locator(
					'phase',
					'phaseId',
					'Phase',
					{ show: {} },
					{
						required: false,
						description: 'Log on a phase of the chosen project instead of the project itself',
					},
				),
				{
					displayName: 'Task',
					name: 'task',
					type: 'string',
					default: '',
					description: 'A task category, e.g. Design (fewer than 256 characters)',
				},
			],
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const userId = readId(this, i, 'userId', 'Person');
		const type = this.getNodeParameter('assignableType', i) as string;
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		let assignableId =
			type === 'leaveType'
				? readId(this, i, 'leaveTypeId', 'Leave Type')
				: readId(this, i, 'projectId', 'Project');
		const phase = readOptionalId(this, i, 'additionalFields.phaseId', 'Phase');
		if (phase && type === 'project') assignableId = phase;
		checkText(this, i, 'Task', extra.task);
		checkText(this, i, 'Notes', extra.notes);
		const body = compact({
			user_id: userId,
			assignable_id: assignableId,
			date: date(this, i, 'Date', this.getNodeParameter('date', i)),
			hours: hours(this, i, this.getNodeParameter('hours', i)),
			task: extra.task as string,
			notes: extra.notes as string,
			bill_rate_id: readOptionalId(this, i, 'additionalFields.bill_rate_id', 'Bill Rate ID'),
		});
		return await api(this, i, 'POST', `/users/${userId}/time_entries`, {
			body,
			notFound: `Person ${userId}`,
		});
	},
});
