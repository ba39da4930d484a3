import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { pollForChanges } from '../../../shared/polling';
import { loadOptions } from './methods';
import { listRecords, type CennoResource } from './transport';
import { CENNO_DESCRIPTION } from './Cenno.node';

interface EventDef {
	resource: CennoResource;
	/** The timestamp that orders the event. */
	timeField: 'created_at' | 'updated_at';
	/** "Updated" events skip records never changed after creation. */
	updatesOnly: boolean;
	/** Whether the project filter applies. */
	perProject: boolean;
}

const EVENTS: Record<string, EventDef> = {
	newItem: { resource: 'item', timeField: 'created_at', updatesOnly: false, perProject: true },
	newProject: {
		resource: 'project',
		timeField: 'created_at',
		updatesOnly: false,
		perProject: false,
	},
	newTimeEntry: {
		resource: 'timeEntry',
		timeField: 'created_at',
		updatesOnly: false,
		perProject: true,
	},
	updatedItem: { resource: 'item', timeField: 'updated_at', updatesOnly: true, perProject: true },
	updatedTimeEntry: {
		resource: 'timeEntry',
		timeField: 'updated_at',
		updatesOnly: true,
		perProject: true,
	},
};

const EVENT_OPTIONS = [
	{ name: 'New Item (Task)', value: 'newItem', description: 'An item (task) was created' },
	{ name: 'New Project', value: 'newProject', description: 'A project was created' },
	{ name: 'New Time Entry', value: 'newTimeEntry', description: 'Hours were logged' },
	{
		name: 'Updated Item (Task)',
		value: 'updatedItem',
		description: 'An existing item (task) was changed',
	},
	{
		name: 'Updated Time Entry',
		value: 'updatedTimeEntry',
		description: 'An existing time entry was changed',
	},
];

/** Canvas subtitle in words: "New Time Entry", not "newTimeEntry". */
const EVENT_NAMES = Object.fromEntries(EVENT_OPTIONS.map((o) => [o.value, o.name]));

export class CennoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cenno Trigger',
		name: 'cennoTrigger',
		icon: { light: 'file:cenno.svg', dark: 'file:cenno.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ (${JSON.stringify(EVENT_NAMES)})[$parameter["event"]] ?? $parameter["event"] }}`,
		description: CENNO_DESCRIPTION,
		defaults: { name: 'Cenno Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'psaCennoApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: EVENT_OPTIONS,
				default: 'newTimeEntry',
			},
			{
				displayName: 'Project Name or ID',
				name: 'projectId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getProjects' },
				default: '',
				description:
					'Only records of this project; leave empty for all projects. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: {
					show: { event: ['newItem', 'newTimeEntry', 'updatedItem', 'updatedTimeEntry'] },
				},
			},
			{
				displayName:
					'Cenno has no webhooks and no "changed since" filter: each poll reads the whole list and n8n keeps the newest timestamp it has seen. The first poll after activation only remembers where things stand.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
		],
	};

	methods = { loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const def = EVENTS[event] ?? EVENTS.newTimeEntry;
		const rawProject = def.perProject ? this.getNodeParameter('projectId', '') : '';
		const projectText =
			typeof rawProject === 'number'
				? String(rawProject)
				: typeof rawProject === 'string'
					? rawProject.trim()
					: '';
		if (projectText && !/^\d+$/.test(projectText)) {
			throw new NodeOperationError(
				this.getNode(),
				`Project: must be a Cenno project ID (a whole number), got "${projectText}"`,
			);
		}
		const projectId = projectText ? Number(projectText) : undefined;

		return await pollForChanges.call(this, {
			key: `${event}:${projectId ?? 'all'}`,
			mode: 'timestamp',
			// The whole collection, through the list layer (no "changed since" filter, no paging).
			fetch: async () =>
				await listRecords.call(this, def.resource, {
					returnAll: true,
					filter: projectId === undefined ? undefined : (r) => Number(r.project_id) === projectId,
				}),
			id: (record: IDataObject) => String(record.id),
			timestamp: (record: IDataObject) =>
				typeof record[def.timeField] === 'string' ? (record[def.timeField] as string) : undefined,
			filter: def.updatesOnly
				? (record: IDataObject) =>
						Date.parse(String(record.updated_at)) > Date.parse(String(record.created_at))
				: undefined,
		});
	}
}
