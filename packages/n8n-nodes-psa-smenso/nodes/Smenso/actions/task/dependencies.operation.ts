/** Task › Add Dependency, Remove Dependencies (N-new; answered at once, no ticket). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { invalidInput, isGuid } from '../../../../../shared/validation';
import { locatorValue, required, sameId, send, show, taskLocator } from '../common';
import { R, taskOf } from './common';

export const addDependency = defineOperation({
	value: 'addDependency',
	name: 'Add Dependency',
	action: 'Add a dependency to a task',
	description: 'Make a task wait for a predecessor (blocked by)',
	readOnly: false,
	properties: [
		taskLocator(
			show(R, ['addDependency']),
			'predecessorId',
			'Predecessor',
			'The task this one waits for ("blocked by")',
		),
		{
			displayName: 'Type',
			name: 'dependencyType',
			type: 'options',
			options: [
				{ name: 'Finish to Finish', value: 'FF' },
				{ name: 'Finish to Start', value: 'FS' },
				{ name: 'Start to Finish', value: 'SF' },
				{ name: 'Start to Start', value: 'SS' },
			],
			default: 'FS',
			displayOptions: show(R, ['addDependency']),
		},
		{
			displayName: 'Lag (Days)',
			name: 'lag',
			type: 'number',
			default: 0,
			typeOptions: { numberPrecision: 0 },
			description: 'Days between the predecessor and this task',
			displayOptions: show(R, ['addDependency']),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const taskId = taskOf(this, i);
		const predecessor = locatorValue(this, i, 'predecessorId', 'Predecessor');
		if (sameId(taskId, predecessor))
			throw invalidInput(
				this.getNode(),
				i,
				'Predecessor',
				'must be another task than the task itself',
			);
		const lag = Number(this.getNodeParameter('lag', i, 0));
		if (!Number.isInteger(lag))
			throw invalidInput(
				this.getNode(),
				i,
				'Lag (Days)',
				`must be a whole number of days, got ${lag}`,
			);
		const type = this.getNodeParameter('dependencyType', i, 'FS') as string;
		// N-new: a bare array of dependencies, PATCHed onto the task.
		return await send<IDataObject>(this, i, {
			method: 'PATCH',
			path: `integration/task/json/${taskId}/dependencies`,
			body: [{ taskId: predecessor, type, lag }],
			notFoundLabel: `Task ${taskId}`,
		});
	},
});

export const removeDependencies = defineOperation({
	value: 'removeDependencies',
	name: 'Remove Dependencies',
	action: 'Remove dependencies from a task',
	readOnly: false,
	properties: [
		{
			displayName: 'Predecessor Task IDs',
			name: 'predecessorIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. e7737f60-d5a8-4b61-8cda-2ad51ccff4dd, 0b4f…',
			description: 'GUIDs of the predecessors whose dependency to remove, separated by commas',
			displayOptions: show(R, ['removeDependencies']),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const taskId = taskOf(this, i);
		const raw = required(this, i, 'predecessorIds', 'Predecessor Task IDs');
		const ids = raw.split(/[\s,;]+/).filter(Boolean);
		for (const id of ids)
			if (!isGuid(id))
				throw invalidInput(
					this.getNode(),
					i,
					'Predecessor Task IDs',
					`must be GUIDs separated by commas, got "${id}"`,
				);
		// The query form is not shown by any source (N-new sends an array in n8n's default form).
		return await send<IDataObject>(this, i, {
			method: 'DELETE',
			path: `integration/task/json/${taskId}/dependencies`,
			qs: { taskIds: ids.join(',') },
			notFoundLabel: `Task ${taskId}`,
		});
	},
});
