import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput } from '../../../../shared/validation';
import type { ResourceModule } from './common';
import { api, list, idOf, idField, operationProperty, show, returnAllLimit } from './common';

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

export const webhook: ResourceModule = {
	resource: { name: 'Webhook', value: WH },
	properties: [
		operationProperty(
			WH,
			[
				{
					name: 'Create',
					value: 'create',
					action: 'Register a webhook',
					description: 'Register a URL for one event type (at most 10 per type)',
				},
				{ name: 'Delete', value: 'delete', action: 'Delete a webhook' },
				{ name: 'Get Many', value: 'getAll', action: 'Get many webhooks' },
			],
			'getAll',
		),
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
		idField('webhookId', 'Webhook ID', show(WH, 'delete')),
		...returnAllLimit(WH, 'getAll'),
	],
	handlers: {
		async create(this: IExecuteFunctions, i: number) {
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
		async delete(this: IExecuteFunctions, i: number) {
			const id = idOf(this, 'webhookId', i, 'Webhook ID');
			await api(this, i, 'DELETE', `/webhooks/${id}`, { notFound: `Webhook ${id}` });
			return { id, deleted: true };
		},
		async getAll(this: IExecuteFunctions, i: number) {
			return await list(this, i, '/webhooks');
		},
	},
};
