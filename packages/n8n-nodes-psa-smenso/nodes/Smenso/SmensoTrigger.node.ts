import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { pollForChanges, type KnownRecord } from '../../../shared/polling';
import { requireGuid } from '../../../shared/validation';
import {
	hasCredential,
	isArchived,
	isTemplate,
	list,
	NO_CREDENTIAL,
	tasksOfProject,
} from './methods';
import { SMENSO_DESCRIPTION } from './Smenso.node';

/** The chosen projects, or every project that is neither a template nor archived. */
async function projectIds(ctx: IPollFunctions): Promise<string[]> {
	const chosen = (ctx.getNodeParameter('projectIds', []) as string[]).filter(Boolean);
	if (chosen.length) return chosen.map((id) => requireGuid(ctx.getNode(), 0, 'Projects', id));
	const projects = await list(ctx, 'integration/project/json');
	return projects.filter((p) => !isTemplate(p) && !isArchived(p)).map((p) => String(p.id));
}

async function perProject(
	ctx: IPollFunctions,
	fetch: (id: string) => Promise<IDataObject[]>,
): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	for (const id of await projectIds(ctx)) out.push(...(await fetch(id)));
	return out;
}

/**
 * The comments on every task of the watched projects (one request per task: choose projects to keep
 * it small).
 */
async function taskComments(ctx: IPollFunctions): Promise<IDataObject[]> {
	return await perProject(ctx, async (projectId) => {
		const out: IDataObject[] = [];
		for (const task of await tasksOfProject(ctx, projectId)) {
			for (const comment of await list(ctx, `integration/comment/task/json/${String(task.id)}`))
				out.push({ ...comment, projectId, taskTitle: task.title });
		}
		return out;
	});
}

export class SmensoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'smenso Trigger',
		name: 'smensoTrigger',
		icon: { light: 'file:smenso.svg', dark: 'file:smenso.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ ({"absenceChanged":"Absence Created or Changed","attachmentAdded":"New File","folderChanged":"Task Folder Created or Changed","taskChanged":"Task Created or Changed","taskCommented":"New Comment on a Task","timeRecordCreated":"Time Record Created"})[$parameter["event"]] ?? $parameter["event"] }}',
		description: SMENSO_DESCRIPTION,
		defaults: { name: 'smenso Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'psaSmensoApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'Absence Created or Changed',
						value: 'absenceChanged',
						description: 'Including status changes (submitted, approved, rejected)',
					},
					{
						name: 'New Comment on a Task',
						value: 'taskCommented',
						description: 'One request per task of the watched projects each poll: choose projects',
					},
					{
						name: 'New File',
						value: 'attachmentAdded',
						description: 'A file attached to a watched project, one of its tasks or status reports',
					},
					{ name: 'Task Created or Changed', value: 'taskChanged' },
					{ name: 'Task Folder Created or Changed', value: 'folderChanged' },
					{ name: 'Time Record Created', value: 'timeRecordCreated' },
				],
				default: 'taskChanged',
			},
			{
				displayName: 'Project Names or IDs',
				name: 'projectIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getProjects' },
				default: [],
				description:
					'Projects to watch. Empty: every project that is neither archived nor a template (one request per project each poll). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				hint: "smenso's reads do not document the archived and template flags; without projects chosen, the trigger skips projects marked isArchived/archived or isTemplate/template",
				displayOptions: {
					show: {
						event: [
							'attachmentAdded',
							'folderChanged',
							'taskChanged',
							'taskCommented',
							'timeRecordCreated',
						],
					},
				},
			},
			{
				displayName: 'Only Status Changes',
				name: 'onlyStatusChanges',
				type: 'boolean',
				default: false,
				description:
					'Whether to trigger only when the status of an existing absence changed (e.g. to approved or rejected), not on new absences or other edits',
				displayOptions: { show: { event: ['absenceChanged'] } },
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: [
					{ name: 'Approved', value: 'approved' },
					{ name: 'No Status (No Approval Needed)', value: 'none' },
					{ name: 'Rejected', value: 'rejected' },
					{ name: 'Submitted', value: 'submitted' },
				],
				default: [],
				description: 'Only absences that now have one of these statuses. Empty: any.',
				displayOptions: { show: { event: ['absenceChanged'] } },
			},
		],
	};

	methods = {
		loadOptions: {
			async getProjects(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				if (!hasCredential(this)) return [{ name: NO_CREDENTIAL, value: '' }];
				const projects = await list(this, 'integration/project/json');
				return projects
					.filter((p) => !isTemplate(p))
					.map((p) => ({
						name: `${String(p.title)}${isArchived(p) ? ' (archived)' : ''}`,
						value: String(p.id),
					}))
					.sort((a, b) => a.name.localeCompare(b.name));
			},
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const projectsKey = ((this.getNodeParameter('projectIds', []) as string[]) ?? [])
			.slice()
			.sort()
			.join(',');
		const base = {
			key: `${event}:${projectsKey}`,
			mode: 'fingerprint' as const,
			id: (record: IDataObject) => String(record.id),
			// Whether the last poll knew the record: new, or changed.
			annotate: (_record: IDataObject, previous?: KnownRecord) => ({
				changeType: previous ? 'updated' : 'created',
			}),
		};
		// Only the id: an edit of a known record is not a new one.
		const byIdOnly = (record: IDataObject) => String(record.id);
		switch (event) {
			case 'taskChanged':
				return await pollForChanges.call(this, {
					...base,
					fetch: async () => await perProject(this, async (p) => await tasksOfProject(this, p)),
				});
			case 'taskCommented':
				return await pollForChanges.call(this, {
					...base,
					fetch: async () => await taskComments(this),
					fingerprint: byIdOnly,
				});
			case 'attachmentAdded':
				return await pollForChanges.call(this, {
					...base,
					fetch: async () =>
						await perProject(
							this,
							async (p) =>
								await list(this, `integration/attachment/project/json/${p}`, {
									projectOnly: true,
								}),
						),
					fingerprint: byIdOnly,
				});
			case 'folderChanged':
				return await pollForChanges.call(this, {
					...base,
					fetch: async () =>
						await perProject(this, async (p) =>
							(await list(this, `integration/folders/json/${p}`)).map((f) => ({
								projectId: p,
								...f,
							})),
						),
				});
			case 'timeRecordCreated':
				return await pollForChanges.call(this, {
					...base,
					fetch: async () =>
						await perProject(
							this,
							async (p) => await list(this, `integration/timerecord/json/${p}`),
						),
					fingerprint: byIdOnly,
				});
			case 'absenceChanged': {
				const onlyStatusChanges = this.getNodeParameter('onlyStatusChanges', false) as boolean;
				const statuses = this.getNodeParameter('statuses', []) as string[];
				const statusOf = (record: IDataObject) => String(record.status ?? 'none');
				return await pollForChanges.call(this, {
					...base,
					fetch: async () => await list(this, 'integration/absence/json'),
					// The status of each absence is kept beside its fingerprint: a change of it is told
					// apart.
					memo: statusOf,
					filter: (record, previous) => {
						const status = statusOf(record);
						if (statuses.length && !statuses.includes(status)) return false;
						if (onlyStatusChanges && (previous?.memo === undefined || previous.memo === status))
							return false;
						return true;
					},
					annotate: (record, previous) => ({
						...base.annotate(record, previous),
						...(previous?.memo !== undefined && previous.memo !== statusOf(record)
							? { previousStatus: previous.memo === 'none' ? null : previous.memo }
							: {}),
					}),
				});
			}
			default:
				throw new NodeOperationError(this.getNode(), `The event "${event}" is not available`, {
					description:
						event === 'statusReportPublished'
							? 'No smenso source shows a way to read status reports, so their publication cannot be watched. Choose another event, e.g. "New Comment on a Task".'
							: 'Choose one of the listed events.',
				});
		}
	}
}
