/**
 * Permission: who may see (privacy) and change (access) projects and tasks (N-new, P15; answered at
 * once, no ticket). Ten operations from one pattern: get, set and remove, for access and privacy,
 * of a project or a task.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact } from '../../../../shared/kit';
import {
	defineOperation,
	defineResource,
	type OperationDefinition,
} from '../../../../shared/operation';
import { invalidInput } from '../../../../shared/validation';
import { get, locatorValue, projectLocator, send, show, taskLocator, type Ctx } from './common';

const R = 'permission';

/** One comma-separated string per list (N-new), empty lists left out. */
function accessBody(ctx: Ctx, i: number): IDataObject {
	const a = ctx.getNodeParameter('access', i, {}) as IDataObject;
	const list = (v: unknown) =>
		String(v ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean)
			.join(',');
	const add = compact({ users: list(a.addUsers), teams: list(a.addTeams) });
	const remove = compact({ users: list(a.removeUsers), teams: list(a.removeTeams) });
	if (!Object.keys(add).length && !Object.keys(remove).length)
		throw invalidInput(ctx.getNode(), i, 'Changes', 'add or remove at least one user or team');
	return compact({
		add: Object.keys(add).length ? add : undefined,
		remove: Object.keys(remove).length ? remove : undefined,
	} as IDataObject);
}

type Kind = 'project' | 'task';
const LABEL: Record<Kind, 'Project' | 'Task'> = { project: 'Project', task: 'Task' };
const targetOf = (ctx: Ctx, i: number, kind: Kind) =>
	kind === 'project'
		? locatorValue(ctx, i, 'projectId', 'Project')
		: locatorValue(ctx, i, 'taskId', 'Task');

function getPermissions(kind: Kind): OperationDefinition {
	const K = LABEL[kind];
	return defineOperation({
		value: `get${K}`,
		name: `Get ${K} Permissions`,
		action: `Get who may see and change a ${kind}`,
		readOnly: true,
		async handler(this: IExecuteFunctions, i: number) {
			const id = targetOf(this, i, kind);
			return await get<IDataObject>(
				this,
				i,
				`integration/permissions/${kind}/json/${id}`,
				undefined,
				`${K} ${id}`,
			);
		},
	});
}

/** Set: restrict who may change it (access), or make it private (privacy). */
function setPermissions(kind: Kind, what: 'Access' | 'Privacy'): OperationDefinition {
	const K = LABEL[kind];
	const segment = what === 'Access' ? 'access' : 'private';
	return defineOperation({
		value: `set${K}${what}`,
		name: what === 'Access' ? `Set ${K} Access` : `Make ${K} Private`,
		action: what === 'Access' ? `Restrict who may change a ${kind}` : `Make a ${kind} private`,
		...(what === 'Privacy' ? { description: 'Only the listed users and teams may see it' } : {}),
		readOnly: false,
		async handler(this: IExecuteFunctions, i: number) {
			const id = targetOf(this, i, kind);
			const body = accessBody(this, i);
			return await send<IDataObject>(this, i, {
				method: 'POST',
				path: `integration/permissions/${kind}/${segment}/json/${id}`,
				body,
				notFoundLabel: `${K} ${id}`,
			});
		},
	});
}

/** Remove: lift the access restrictions, or make it visible again. */
function removePermissions(kind: Kind, what: 'Access' | 'Privacy'): OperationDefinition {
	const K = LABEL[kind];
	const segment = what === 'Access' ? 'access' : 'private';
	return defineOperation({
		value: `remove${K}${what}`,
		name: what === 'Access' ? `Remove ${K} Access Restrictions` : `Remove ${K} Privacy`,
		action:
			what === 'Access'
				? `Remove the access restrictions of a ${kind}`
				: `Make a ${kind} visible again`,
		readOnly: false,
		properties:
			kind === 'task' && what === 'Access'
				? [
						{
							displayName: 'Include Subtasks',
							name: 'includeSubtasks',
							type: 'boolean',
							default: true,
							description: 'Whether to remove the restrictions of the subtasks too',
							displayOptions: show(R, ['removeTaskAccess']),
						},
					]
				: undefined,
		async handler(this: IExecuteFunctions, i: number) {
			const id = targetOf(this, i, kind);
			const qs =
				kind === 'task' && what === 'Access'
					? { includeSubtasks: this.getNodeParameter('includeSubtasks', i, true) === true }
					: undefined;
			return await send<IDataObject>(this, i, {
				method: 'DELETE',
				path: `integration/permissions/${kind}/${segment}/json/${id}`,
				qs,
				notFoundLabel: `${K} ${id}`,
			});
		},
	});
}

const ON_PROJECT = [
	'getProject',
	'removeProjectAccess',
	'removeProjectPrivacy',
	'setProjectAccess',
	'setProjectPrivacy',
];
const ON_TASK = [
	'getTask',
	'removeTaskAccess',
	'removeTaskPrivacy',
	'setTaskAccess',
	'setTaskPrivacy',
];
const SETS = ['setProjectAccess', 'setProjectPrivacy', 'setTaskAccess', 'setTaskPrivacy'];

export const permission = defineResource({
	value: R,
	name: 'Permission',
	description: 'Who may see and change projects and tasks',
	defaultOperation: 'getProject',
	properties: [
		projectLocator(
			show(R, [...ON_PROJECT, ...ON_TASK]),
			'projectId',
			'Project',
			'The project (for tasks: the project of the task)',
		),
		taskLocator(show(R, ON_TASK)),
		{
			displayName: 'Changes',
			name: 'access',
			type: 'collection',
			placeholder: 'Add Users or Teams',
			default: {},
			displayOptions: show(R, SETS),
			options: [
				{
					displayName: 'Add Teams',
					name: 'addTeams',
					type: 'string',
					default: '',
					description: 'Team names or GUIDs, separated by commas',
				},
				{
					displayName: 'Add Users',
					name: 'addUsers',
					type: 'string',
					default: '',
					description: 'E-mail addresses or GUIDs, separated by commas',
				},
				{
					displayName: 'Remove Teams',
					name: 'removeTeams',
					type: 'string',
					default: '',
					description: 'Team names or GUIDs, separated by commas',
				},
				{
					displayName: 'Remove Users',
					name: 'removeUsers',
					type: 'string',
					default: '',
					description: 'E-mail addresses or GUIDs, separated by commas',
				},
			],
		},
	],
	operations: (['project', 'task'] as const).flatMap((kind) => [
		getPermissions(kind),
		setPermissions(kind, 'Access'),
		setPermissions(kind, 'Privacy'),
		removePermissions(kind, 'Access'),
		removePermissions(kind, 'Privacy'),
	]),
});
