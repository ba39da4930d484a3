import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { OperationHandler } from '../engine';
import { ticketSummary } from '../transport';
import { show } from './common';

const R = 'ticket';

export const ticketOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [R] } },
	options: [
		{ name: 'Get Status', value: 'get', action: 'Get the status of a ticket', description: 'Read the outcome of an asynchronous change (counts and messages)' },
	],
	default: 'get',
};

export const ticketFields: INodeProperties[] = [
	{
		displayName: 'Ticket ID',
		name: 'ticketId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'df268a25-d957-47ec-ae25-a749c0df861b',
		description: 'The ID returned by a write with Wait for Completion off, or named in a timeout error',
		displayOptions: show(R, ['get']),
	},
	{
		displayName: 'Include Raw Status',
		name: 'raw',
		type: 'boolean',
		default: false,
		description: 'Whether to add the unmodified status body under "raw"',
		displayOptions: show(R, ['get']),
	},
];

export const ticketHandlers: Record<string, OperationHandler> = {
	get: {
		async read(i, t) {
			const id = t.guid(i, 'Ticket ID', t.ctx.getNodeParameter('ticketId', i, ''));
			const body = await t.get<IDataObject>(`integration/status/json/${id}`, i, `Ticket ${id}`);
			const summary = ticketSummary(body ?? {});
			return t.ctx.getNodeParameter('raw', i, false) ? { ...summary, raw: body } : summary;
		},
	},
};
