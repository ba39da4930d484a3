import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../../shared/execute';
import { vendorRequestAll } from '../../../shared/paging';
import { vendorRequest } from '../../../shared/transport';
import { WEBHOOK_EVENTS } from './actions/webhook';
import { RM_DESCRIPTION } from './ResourceManagement.node';
import { rmProfile } from './transport';

const MAIN = [NodeConnectionTypes.Main];

/** Where the full object of each event type is read when "Fetch Full Record" is on. */
const FETCH_PATH: Record<string, string> = {
	project: '/projects',
	user: '/users',
	time: '/time_entries',
	assignment: '/assignments',
};

/** The `fields=` values each object type supports (from the API docs). */
const FIELDS_BY_TYPE: Record<string, string[]> = {
	project: ['tags', 'children', 'budget_items', 'summary', 'custom_field_values'],
	user: ['tags', 'assignments', 'availabilities', 'custom_field_values'],
	time: ['approvals'],
	assignment: ['subtasks', 'subtasks_counts'],
};

const PER_TYPE_LIMIT = 10;

interface WebhookRecord {
	id: number;
	url: string;
	event_type: string;
}

async function ourWebhooks(ctx: IHookFunctions, url: string): Promise<WebhookRecord[]> {
	const ours = await vendorRequestAll.call(
		ctx,
		rmProfile,
		{ method: 'GET', path: '/webhooks' },
		{ returnAll: true, filter: (w) => w.url === url },
	);
	return ours as unknown as WebhookRecord[];
}

function selectedEvents(ctx: IHookFunctions | IWebhookFunctions): string[] {
	return [...new Set(ctx.getNodeParameter('events', []) as string[])];
}

async function deleteWebhook(ctx: IHookFunctions, id: number): Promise<void> {
	try {
		await vendorRequest.call(ctx, rmProfile, {
			method: 'DELETE',
			path: `/webhooks/${id}`,
			idempotent: true,
		});
	} catch (error) {
		// Already gone (deleted by hand, or unsubscribed after a 410): nothing to do.
		if (error instanceof NodeApiError && error.httpCode === '404') return;
		throw asNodeError(ctx.getNode(), error);
	}
}

export class ResourceManagementTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Resource Management by Smartsheet (10,000ft) Trigger',
		name: 'resourceManagementTrigger',
		icon: { light: 'file:resourcemanagement.svg', dark: 'file:resourcemanagement.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ($parameter["events"] ?? []).map((e) => (${JSON.stringify(Object.fromEntries(WEBHOOK_EVENTS.map((e) => [e.value, e.name])))})[e] ?? e).join(", ") }}`,
		description: RM_DESCRIPTION,
		defaults: { name: 'Resource Management Trigger' },
		inputs: [],
		outputs: MAIN,
		credentials: [{ name: 'psaResourceManagementApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: WEBHOOK_EVENTS,
				description:
					'One webhook is registered per event (Resource Management allows at most 10 per event type for the whole account). Phase changes arrive as project events.',
			},
			{
				displayName: 'Fetch Full Record',
				name: 'fetchFull',
				type: 'boolean',
				default: false,
				description:
					'Whether to read the changed object again through the API (the payload is a plain GET without optional fields). The webhook is still answered at once.',
			},
			{
				displayName: 'Include Fields',
				name: 'fields',
				type: 'multiOptions',
				default: [],
				description:
					'Optional fields for the re-read; each event asks only for the ones its object supports',
				displayOptions: { show: { fetchFull: [true] } },
				options: [
					{ name: 'Approvals (Time Entries)', value: 'approvals' },
					{ name: 'Assignments (People)', value: 'assignments' },
					{ name: 'Availabilities (People)', value: 'availabilities' },
					{ name: 'Budget Items (Projects)', value: 'budget_items' },
					{ name: 'Custom Field Values (Projects, People)', value: 'custom_field_values' },
					{ name: 'Phases (Projects)', value: 'children' },
					{ name: 'Subtask Counts (Assignments)', value: 'subtasks_counts' },
					{ name: 'Subtasks (Assignments)', value: 'subtasks' },
					{ name: 'Summary (Projects)', value: 'summary' },
					{ name: 'Tags (Projects, People)', value: 'tags' },
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const wanted = selectedEvents(this);
				const ours = await ourWebhooks(this, url);
				const registered = new Set(ours.map((w) => w.event_type));
				const exact =
					wanted.length > 0 &&
					wanted.every((e) => registered.has(e)) &&
					[...registered].every((e) => wanted.includes(e));
				if (!exact) return false;
				const staticData = this.getWorkflowStaticData('node');
				staticData.webhookIds = Object.fromEntries(ours.map((w) => [w.event_type, w.id]));
				return true;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const wanted = selectedEvents(this);
				if (!wanted.length)
					throw new NodeOperationError(this.getNode(), 'Choose at least one event to listen to');
				const ours = await ourWebhooks(this, url);
				const ids: IDataObject = {};
				// Drop our registrations for events no longer selected, and duplicates of one event.
				for (const w of ours) {
					if (!wanted.includes(w.event_type) || ids[w.event_type] !== undefined)
						await deleteWebhook(this, w.id);
					else ids[w.event_type] = w.id;
				}
				const created: number[] = [];
				for (const event of wanted) {
					if (ids[event] !== undefined) continue;
					try {
						const answer = (await vendorRequest.call(this, rmProfile, {
							method: 'POST',
							path: '/webhooks',
							body: { event_type: event, url },
						})) as IDataObject;
						ids[event] = answer.id as number;
						created.push(answer.id as number);
					} catch (error) {
						// Leave nothing half-registered behind.
						for (const id of created) await deleteWebhook(this, id).catch(() => undefined);
						const message = (error as Error).message ?? '';
						const status = (error as NodeApiError).httpCode;
						if (
							(status === '400' || status === '422') &&
							/no more than 10|per event type/i.test(message)
						) {
							throw new NodeOperationError(
								this.getNode(),
								`Resource Management already has ${PER_TYPE_LIMIT} webhooks for "${event}", its limit per event type`,
								{
									description:
										'Delete unused webhooks (Resource Management node › Webhook › Get Many / Delete) or deactivate other workflows that listen to this event, then activate again.',
								},
							);
						}
						if ((status === '400' || status === '422') && /https/i.test(message)) {
							throw new NodeOperationError(
								this.getNode(),
								`Resource Management refused the webhook URL ${url}: ${message}`,
								{
									description:
										'Resource Management only posts to https addresses. Set WEBHOOK_URL (N8N_WEBHOOK_URL) of n8n to its public https address.',
								},
							);
						}
						throw asNodeError(this.getNode(), error);
					}
				}
				const staticData = this.getWorkflowStaticData('node');
				staticData.webhookIds = ids;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const staticData = this.getWorkflowStaticData('node');
				const ids = new Set<number>(
					Object.values((staticData.webhookIds as IDataObject | undefined) ?? {}).map(Number),
				);
				// Static data can be lost (n8n 1.x restarts): also find ours by URL.
				try {
					for (const w of await ourWebhooks(this, url)) ids.add(w.id);
				} catch (error) {
					if (!ids.size) {
						throw asNodeError(this.getNode(), error);
					}
				}
				for (const id of ids) await deleteWebhook(this, id);
				delete staticData.webhookIds;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = (this.getBodyData() ?? {}) as IDataObject;
		const type = typeof body.type === 'string' ? body.type : '';
		const wanted = selectedEvents(this);
		if (!type || !wanted.includes(type)) {
			// Not ours (an event not subscribed to, or not an RM payload): answer 200, start nothing.
			return { webhookResponse: { received: true, ignored: true } };
		}
		const data = (body.data && typeof body.data === 'object' ? body.data : {}) as IDataObject;
		if (!this.getNodeParameter('fetchFull', false)) {
			return { workflowData: [this.helpers.returnJsonArray([{ type, data }])] };
		}
		// Answer Resource Management first, then read the full record.
		const res = this.getResponseObject();
		res.status(200).end();
		const kind = type.split('.')[0];
		const path = FETCH_PATH[kind];
		const chosen = this.getNodeParameter('fields', []) as string[] | string;
		const fields = (Array.isArray(chosen) ? chosen : String(chosen).split(','))
			.map((f) => f.trim())
			.filter((f) => f && (FIELDS_BY_TYPE[kind] ?? []).includes(f));
		let out: IDataObject = { type, data };
		if (path && data.id !== undefined) {
			try {
				const full = (await vendorRequest.call(this, rmProfile, {
					method: 'GET',
					path: `${path}/${String(data.id)}`,
					qs: fields.length ? { fields: fields.join(',') } : undefined,
				})) as IDataObject;
				out = { type, data: full };
			} catch (error) {
				out = { type, data, fetchError: (error as Error).message };
			}
		}
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([out])] };
	}
}
