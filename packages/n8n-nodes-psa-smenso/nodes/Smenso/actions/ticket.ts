/** Ticket: the outcome of an asynchronous change (P4, P6). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation, defineResource } from '../../../../shared/operation';
import { vendorRequest } from '../../../../shared/transport';
import { smensoProfile, ticketSummary } from '../transport';
import { guidField, locatorValue, show } from './common';

const getStatus = defineOperation({
	value: 'get',
	name: 'Get Status',
	action: 'Get the status of a ticket',
	description: 'Read the outcome of an asynchronous change (counts and messages)',
	readOnly: true,
	properties: [
		guidField(
			'ticketId',
			'Ticket ID',
			show('ticket', ['get']),
			'The ID returned by a write with Wait for Completion off, or named in a timeout error',
		),
		{
			displayName: 'Include Raw Status',
			name: 'raw',
			type: 'boolean',
			default: false,
			description: 'Whether to add the unmodified status body under "raw"',
			displayOptions: show('ticket', ['get']),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = locatorValue(this, i, 'ticketId', 'Ticket ID');
		const body = (await vendorRequest.call(this, smensoProfile, {
			method: 'GET',
			path: `integration/status/json/${id}`,
			itemIndex: i,
			notFoundLabel: `Ticket ${id}`,
		})) as IDataObject;
		const summary = ticketSummary(body ?? {});
		return this.getNodeParameter('raw', i, false) ? { ...summary, raw: body } : summary;
	},
});

export const ticket = defineResource({
	value: 'ticket',
	name: 'Ticket',
	description: 'The outcome of an asynchronous change',
	defaultOperation: 'get',
	operations: [getStatus],
});
