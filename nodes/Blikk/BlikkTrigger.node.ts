import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pollForChanges } from '../shared';
import { blikkRequest } from './transport';

interface EventDefinition {
	path: string;
	/** Sort newest first by this (the API's sortBy value). */
	sortBy: string;
	/** The record's change time for this event. */
	time: (r: IDataObject) => string | undefined;
	qs?: IDataObject;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/**
 * Blikk has no webhooks and, apart from contacts, no "changed since" filter: every event reads its list
 * newest-first by the matching date and stops at the first page that reaches back past the cursor.
 */
const EVENTS: Record<string, EventDefinition> = {
	contactChanged: { path: '/v1/Core/Contacts', sortBy: 'updated', time: (r) => str(r.lastUpdated) ?? str(r.created) },
	projectCreated: { path: '/v1/Core/Projects', sortBy: 'createdDate', time: (r) => str(r.created) },
	taskCreated: { path: '/v1/Core/Tasks', sortBy: 'createdDate', time: (r) => str(r.createdDate) },
	timeReportAttested: { path: '/v1/Core/TimeReports', sortBy: 'attestedDate', time: (r) => str(r.attestedDate), qs: { 'filter.isAttested': true } },
	timeReportCreated: { path: '/v1/Core/TimeReports', sortBy: 'createdDate', time: (r) => str(r.createdDate) },
	timeReportSentToAttest: { path: '/v1/Core/TimeReports', sortBy: 'sentToAttestDate', time: (r) => str(r.sentToAttestDate), qs: { 'filter.isSentToAttest': true } },
	timeReportUpdated: { path: '/v1/Core/TimeReports', sortBy: 'updatedDate', time: (r) => str(r.updatedDate) },
};

const PAGE_SIZE = 100;

function epoch(value: string | undefined): number {
	if (!value) return NaN;
	return Date.parse(value.trim().replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T').replace(/\s*\+00:00$/, 'Z'));
}

/** Records of one event at or after `since` (inclusive; ties are sorted out by the shared selector). */
async function fetchSince(ctx: IPollFunctions, event: EventDefinition, since: string | undefined): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	const sinceMs = epoch(since);
	for (let page = 1; ; page++) {
		const body = await blikkRequest.call(ctx, {
			method: 'GET',
			path: event.path,
			qs: { ...(event.qs ?? {}), page, pageSize: PAGE_SIZE, sortBy: event.sortBy, sortOrder: 'descending' },
		});
		const items = (body.items as IDataObject[] | undefined) ?? [];
		records.push(...items);
		if (since === undefined) break; // first poll / manual run: the newest page is enough
		const last = items[items.length - 1];
		const lastMs = last ? epoch(event.time(last)) : NaN;
		if (!items.length || Number.isNaN(lastMs) || lastMs < sinceMs) break;
		if (page >= Number(body.totalPages ?? 1)) break;
	}
	return records;
}

async function fetchContacts(ctx: IPollFunctions, since: string | undefined): Promise<IDataObject[]> {
	const list = async (qs: IDataObject, all: boolean) => {
		const out: IDataObject[] = [];
		for (let page = 1; ; page++) {
			const body = await blikkRequest.call(ctx, { method: 'GET', path: '/v1/Core/Contacts', qs: { ...qs, page, pageSize: PAGE_SIZE } });
			out.push(...((body.items as IDataObject[] | undefined) ?? []));
			if (!all || page >= Number(body.totalPages ?? 1)) break;
		}
		return out;
	};
	if (since === undefined) {
		// Newest by creation and newest by update: together they hold the latest change time.
		const [created, updated] = [await list({ sortBy: 'created', sortOrder: 'descending' }, false), await list({ sortBy: 'updated', sortOrder: 'descending' }, false)];
		const byId = new Map<unknown, IDataObject>();
		for (const c of [...created, ...updated]) byId.set(c.id, c);
		return [...byId.values()];
	}
	// The documented server filter; the cursor is sent without its zone (Blikk datetimes are UTC).
	return await list({ 'filter.createdOrUpdatedSince': since.replace(/\s*\+00:00$/, ''), sortBy: 'updated', sortOrder: 'descending' }, true);
}

export class BlikkTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Blikk Trigger',
		name: 'blikkTrigger',
		icon: { light: 'file:blikk.svg', dark: 'file:blikk.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when contacts, projects, tasks or time reports change in Blikk (polling)',
		defaults: { name: 'Blikk Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'psaBlikkApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				required: true,
				default: 'timeReportCreated',
				options: [
					{ name: 'Contact Created or Updated', value: 'contactChanged', description: 'Uses the server filter "created or updated since"' },
					{ name: 'Project Created', value: 'projectCreated' },
					{ name: 'Task Created', value: 'taskCreated' },
					{ name: 'Time Report Attested', value: 'timeReportAttested', description: 'A manager attested (approved) a time report in Blikk' },
					{ name: 'Time Report Created', value: 'timeReportCreated' },
					{ name: 'Time Report Sent to Attest', value: 'timeReportSentToAttest', description: 'A user sent a time report for attest' },
					{ name: 'Time Report Updated', value: 'timeReportUpdated' },
				],
			},
			{
				displayName:
					'The first poll after activation only remembers where Blikk is; changes from then on start the workflow. Blikk has no webhooks, so changes arrive with the poll interval.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const eventName = this.getNodeParameter('event') as string;
		const event = EVENTS[eventName];
		return await pollForChanges.call(this, {
			key: eventName,
			mode: 'timestamp',
			fetch: async (since) => (eventName === 'contactChanged' ? await fetchContacts(this, since) : await fetchSince(this, event, since)),
			id: (r) => String(r.id),
			timestamp: (r) => event.time(r),
		});
	}
}
