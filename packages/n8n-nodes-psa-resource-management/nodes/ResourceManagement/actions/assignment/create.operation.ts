import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact, readId, readOptionalId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { invalidInput } from '../../../../../shared/validation';
import { api, date, locator } from '../common';
import { allocation, allocationFields, AM, assignmentExtras, assignmentOptional } from './fields';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Schedule a person on a project',
	description:
		'Schedule a person, placeholder or nobody on a project, phase or leave type, optionally with subtasks',
	readOnly: false,
	properties: [
		{
			displayName: 'Assign',
			name: 'assigneeType',
			type: 'options',
			default: 'user',
			displayOptions: show(AM, 'create'),
			options: [
				{ name: 'A Person', value: 'user' },
				{ name: 'A Placeholder', value: 'placeholder' },
				{ name: 'Nobody Yet (Unassigned Work Item)', value: 'none' },
			],
		},
		locator('user', 'userId', 'Person', show(AM, 'create', { assigneeType: ['user'] })),
		locator(
			'placeholder',
			'placeholderId',
			'Placeholder',
			show(AM, 'create', { assigneeType: ['placeholder'] }),
		),
		{
			displayName: 'Assign To',
			name: 'assignableType',
			type: 'options',
			default: 'project',
			displayOptions: show(AM, 'create'),
			options: [
				{ name: 'Project (or One of Its Phases)', value: 'project' },
				{ name: 'Leave Type', value: 'leaveType' },
			],
		},
		locator('project', 'projectId', 'Project', show(AM, 'create', { assignableType: ['project'] })),
		locator(
			'leaveType',
			'leaveTypeId',
			'Leave Type',
			show(AM, 'create', { assignableType: ['leaveType'] }),
		),
		{
			displayName: 'Start Date',
			name: 'starts_at',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: show(AM, 'create'),
		},
		{
			displayName: 'End Date',
			name: 'ends_at',
			type: 'dateTime',
			required: true,
			default: '',
			displayOptions: show(AM, 'create'),
		},
		...allocationFields(show(AM, 'create'), false),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(AM, 'create'),
			options: [
				...assignmentOptional(false),
				locator(
					'phase',
					'phaseId',
					'Phase',
					{ show: {} },
					{ required: false, description: 'Assign to this phase of the chosen project' },
				),
			].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
		{
			displayName: 'Subtasks',
			name: 'subtasks',
			type: 'fixedCollection',
			placeholder: 'Add Subtask',
			default: {},
			typeOptions: { multipleValues: true },
			displayOptions: show(AM, 'create'),
			description: 'Checklist items created with the assignment',
			options: [
				{
					displayName: 'Subtask',
					name: 'subtask',
					values: [
						{ displayName: 'Description', name: 'description', type: 'string', default: '' },
						{
							displayName: 'Completed',
							name: 'completed',
							type: 'boolean',
							default: false,
							description: 'Whether the subtask is already done',
						},
					],
				},
			],
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const who = this.getNodeParameter('assigneeType', i) as string;
		const type = this.getNodeParameter('assignableType', i) as string;
		const userId =
			who === 'user'
				? readId(this, i, 'userId', 'Person')
				: who === 'placeholder'
					? readId(this, i, 'placeholderId', 'Placeholder')
					: null;
		let assignableId =
			type === 'leaveType'
				? readId(this, i, 'leaveTypeId', 'Leave Type')
				: readId(this, i, 'projectId', 'Project');
		const phase = readOptionalId(this, i, 'additionalFields.phaseId', 'Phase');
		if (phase && type === 'project') assignableId = phase;
		const startsAt = date(this, i, 'Start Date', this.getNodeParameter('starts_at', i));
		const endsAt = date(this, i, 'End Date', this.getNodeParameter('ends_at', i));
		if (endsAt < startsAt)
			throw invalidInput(
				this.getNode(),
				i,
				'End Date',
				`must not be before the start date (${startsAt})`,
			);
		const subtasks = (
			((this.getNodeParameter('subtasks', i, {}) as IDataObject).subtask as
				IDataObject[] | undefined) ?? []
		).map((s, k) => {
			const description = String(s.description ?? '').trim();
			if (!description)
				throw invalidInput(
					this.getNode(),
					i,
					`Subtasks › Description (subtask ${k + 1})`,
					'is required',
				);
			return { description, completed: Boolean(s.completed) };
		});
		const body: IDataObject = compact({
			...assignmentExtras(this, i, 'additionalFields'),
			assignable_id: assignableId,
			starts_at: startsAt,
			ends_at: endsAt,
			...allocation(this, i),
		});
		if (subtasks.length || userId === null) {
			return await api(this, i, 'POST', '/assignments', {
				body: { ...body, user_id: userId, ...(subtasks.length ? { subtasks } : {}) },
			});
		}
		return await api(this, i, 'POST', `/users/${userId}/assignments`, {
			body,
			notFound: `Person ${userId}`,
		});
	},
});
