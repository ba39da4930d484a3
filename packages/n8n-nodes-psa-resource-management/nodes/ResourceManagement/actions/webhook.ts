import type { IExecuteFunctions } from 'n8n-workflow';

import { idField, readId, returnAllLimit, show } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput } from '../../../../shared/validation';
import { api, list } from './common';

/** The event types Resource Management posts (also the trigger's Events). */
export const WEBHOOK_EVENTS = [
	{ name: 'Assignment Created', value: 'assignment.created' },
	{ name: 'Assignment Updated', value: 'assignment.updated' },
	{ name: 'Project Created', value: 'project.created', description: 'Also fires for new phases' },
	{
		name: 'Project Updated',
		value: 'project.updated',
		description: 'Also fires for phase changes',
	},
	{ name: 'Time Entry Created', value: 'time.entry.created' },
	{ name: 'Time Entry Updated', value: 'time.entry.updated' },
	{ name: 'User Created', value: 'user.created' },
	{ name: 'User Updated', value: 'user.updated' },
];

const WH = 'webhook';

const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Register a webhook',
	description: 'Register a URL for one event type (at most 10 per type)',
	readOnly: false,
	properties: [
		{
			displayName: 'Event Type',
			name: 'eventType',
			type: 'options',
			default: 'project.created',
			options: WEBHOOK_EVENTS,
			displayOptions: show(WH, 'create'),
		},
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com/hook',
			description: 'An https address; events are posted there as { type, data }',
			displayOptions: show(WH, 'create'),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const url = String(this.getNodeParameter('url', i) ?? '').trim();
		let parsed: URL | undefined;
		try {
			parsed = new URL(url);
		} catch {
			parsed = undefined;
		}
		if (!parsed || !/^https?:$/.test(parsed.protocol))
			throw invalidInput(this.getNode(), i, 'URL', `is not a web address: "${url}"`);
		return await api(this, i, 'POST', '/webhooks', {
			body: { event_type: this.getNodeParameter('eventType', i) as string, url },
		});
	},
});

const remove = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a webhook',
	readOnly: false,
	properties: [idField('webhookId', 'Webhook ID', show(WH, 'delete'))],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'webhookId', 'Webhook ID');
		await api(this, i, 'DELETE', `/webhooks/${id}`, { notFound: `Webhook ${id}` });
		return { id, deleted: true };
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many webhooks',
	readOnly: true,
	properties: returnAllLimit(WH, 'getAll'),
	async handler(this: IExecuteFunctions, i: number) {
		return await list(this, i, '/webhooks');
	},
});

export const webhook = defineResource({
	value: WH,
	name: 'Webhook',
	defaultOperation: getAll.value,
	operations: [create, remove, getAll],
});
