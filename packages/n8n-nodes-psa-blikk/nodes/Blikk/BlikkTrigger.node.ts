import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pollForChanges } from '../../../shared/polling';
import { BLIKK_DESCRIPTION } from './Blikk.node';
import { blikkList, blikkRequest } from './transport';

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
 * Blikk has no webhooks and, apart from contacts, no "changed since" filter: every event reads its
 * list newest-first by the matching date and stops at the first page that reaches back past the
 * cursor.
 */
const EVENTS: Record<string, EventDefinition> = {
	contactChanged: {
		path: '/v1/Core/Contacts',
		sortBy: 'updated',
		time: (r) => str(r.lastUpdated) ?? str(r.created),
	},
	projectCreated: { path: '/v1/Core/Projects', sortBy: 'createdDate', time: (r) => str(r.created) },
	taskCreated: { path: '/v1/Core/Tasks', sortBy: 'createdDate', time: (r) => str(r.createdDate) },
	timeReportAttested: {
		path: '/v1/Core/TimeReports',
		sortBy: 'attestedDate',
		time: (r) => str(r.attestedDate),
		qs: { 'filter.isAttested': true },
	},
	timeReportCreated: {
		path: '/v1/Core/TimeReports',
		sortBy: 'createdDate',
		time: (r) => str(r.createdDate),
	},
	timeReportSentToAttest: {
		path: '/v1/Core/TimeReports',
		sortBy: 'sentToAttestDate',
		time: (r) => str(r.sentToAttestDate),
		qs: { 'filter.isSentToAttest': true },
	},
	timeReportUpdated: {
		path: '/v1/Core/TimeReports',
		sortBy: 'updatedDate',
		time: (r) => str(r.updatedDate),
	},
};

const PAGE_SIZE = 100;

function epoch(value: string | undefined): number {
	if (!value) return NaN;
	return Date.parse(
		value
			.trim()
			.replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T')
			.replace(/\s*\+00:00$/, 'Z'),
	);
}

/**
 * Records of one event at or after `since` (inclusive; ties are sorted out by the shared selector).
 * The first poll reads the newest page through the list layer. Later polls walk newest-first and
 * stop at the first page that reaches back past the cursor: the list layer stops on a Limit, not on
 * a cursor, so this one loop stays here.
 */
async function fetchSince(
	ctx: IPollFunctions,
	event: EventDefinition,
	since: string | undefined,
): Promise<IDataObject[]> {
	const qs = { ...(event.qs ?? {}), sortBy: event.sortBy, sortOrder: 'descending' };
	if (since === undefined)
		return await blikkList.call(
			ctx,
			{ method: 'GET', path: event.path, qs },
			{ returnAll: false, limit: PAGE_SIZE },
		);
	const records: IDataObject[] = [];
	const sinceMs = epoch(since);
	for (let page = 1; ; page++) {
		const body = await blikkRequest.call(ctx, {
			method: 'GET',
			path: event.path,
			qs: { ...qs, page, pageSize: PAGE_SIZE },
		});
		const items = (body.items as IDataObject[] | undefined) ?? [];
		records.push(...items);
		const last = items[items.length - 1];
		const lastMs = last ? epoch(event.time(last)) : NaN;
		if (!items.length || Number.isNaN(lastMs) || lastMs < sinceMs) break;
		if (page >= Number(body.totalPages ?? 1)) break;
	}
	return records;
}

async function fetchContacts(
	ctx: IPollFunctions,
	since: string | undefined,
): Promise<IDataObject[]> {
	const path = '/v1/Core/Contacts';
	if (since === undefined) {
		// Newest by creation and newest by update: together they hold the latest change time.
		const created = await blikkList.call(
			ctx,
			{ method: 'GET', path, qs: { sortBy: 'created', sortOrder: 'descending' } },
			{ returnAll: false, limit: PAGE_SIZE },
		);
		const updated = await blikkList.call(
			ctx,
			{ method: 'GET', path, qs: { sortBy: 'updated', sortOrder: 'descending' } },
			{ returnAll: false, limit: PAGE_SIZE },
		);
		const byId = new Map<unknown, IDataObject>();
		for (const c of [...created, ...updated]) byId.set(c.id, c);
		return [...byId.values()];
	}
	// The documented server filter; the cursor is sent without its zone (Blikk datetimes are UTC).
	const qs = {
		'filter.createdOrUpdatedSince': since.replace(/\s*\+00:00$/, ''),
		sortBy: 'updated',
		sortOrder: 'descending',
	};
	return await blikkList.call(ctx, { method: 'GET', path, qs }, { returnAll: true });
}

export class BlikkTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Blikk Trigger',
		name: 'blikkTrigger',
		icon: { light: 'file:blikk.svg', dark: 'file:blikk.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ ({"contactChanged":"Contact Created or Updated","projectCreated":"Project Created","taskCreated":"Task Created","timeReportAttested":"Time Report Attested","timeReportCreated":"Time Report Created","timeReportSentToAttest":"Time Report Sent to Attest","timeReportUpdated":"Time Report Updated"})[$parameter["event"]] ?? $parameter["event"] }}',
		description: BLIKK_DESCRIPTION,
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
					{
						name: 'Contact Created or Updated',
						value: 'contactChanged',
						description: 'Uses the server filter "created or updated since"',
					},
					{ name: 'Project Created', value: 'projectCreated' },
					{ name: 'Task Created', value: 'taskCreated' },
					{
						name: 'Time Report Attested',
						value: 'timeReportAttested',
						description: 'A manager attested (approved) a time report in Blikk',
					},
					{ name: 'Time Report Created', value: 'timeReportCreated' },
					{
						name: 'Time Report Sent to Attest',
						value: 'timeReportSentToAttest',
						description: 'A user sent a time report for attest',
					},
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
		// Repeated and overlapping polls (n8n's durable poll scheduler) are handled by the shared
		// pollForChanges.
		return await pollForChanges.call(this, {
			key: eventName,
			mode: 'timestamp',
			fetch: async (since) =>
				eventName === 'contactChanged'
					? await fetchContacts(this, since)
					: await fetchSince(this, event, since),
			id: (r) => String(r.id),
			timestamp: (r) => event.time(r),
		});
	}
}
