import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from './common';
import { api, list, idOf, locator, idField, operationProperty, show, returnAllLimit, requiredText } from './common';

const TG = 'tag';

const tagProperties: INodeProperties[] = [
	operationProperty(
		TG,
		[
			{ name: 'Add', value: 'add', action: 'Tag a person or project', description: 'Attach a tag, creating it in the account if it does not exist' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many tags' },
			{ name: 'Remove', value: 'remove', action: 'Untag a person or project', description: 'Detach a tag (it stays in the account settings)' },
		],
		'add',
	),
	{
		displayName: 'Tags Of',
		name: 'owner',
		type: 'options',
		default: 'user',
		displayOptions: show(TG, ['add', 'getAll', 'remove']),
		options: [
			{ name: 'A Person', value: 'user' },
			{ name: 'A Project', value: 'project' },
		],
	},
	locator('user', 'userId', 'Person', show(TG, ['add', 'getAll', 'remove'], { owner: ['user'] })),
	locator('project', 'projectId', 'Project', show(TG, ['add', 'getAll', 'remove'], { owner: ['project'] })),
	{ displayName: 'Tag', name: 'value', type: 'string', required: true, default: '', placeholder: 'e.g. javascript', displayOptions: show(TG, 'add') },
	idField('tagId', 'Tag ID', show(TG, 'remove')),
	...returnAllLimit(TG, 'getAll'),
];

function tagBase(ctx: IExecuteFunctions, i: number): string {
	return ctx.getNodeParameter('owner', i) === 'project' ? `/projects/${idOf(ctx, 'projectId', i, 'Project')}/tags` : `/users/${idOf(ctx, 'userId', i, 'Person')}/tags`;
}

const tagHandlers: ResourceModule['handlers'] = {
	async add(this: IExecuteFunctions, i: number) {
		const value = requiredText(this, i, 'value', 'Tag');
		return await api(this, i, 'POST', tagBase(this, i), { body: { value } });
	},
	async getAll(this: IExecuteFunctions, i: number) {
		return await list(this, i, tagBase(this, i));
	},
	async remove(this: IExecuteFunctions, i: number) {
		const id = idOf(this, 'tagId', i, 'Tag ID');
		await api(this, i, 'DELETE', `${tagBase(this, i)}/${id}`, { notFound: `Tag ${id}` });
		return { id, removed: true };
	},
};

export const tag: ResourceModule = { resource: { name: 'Tag', value: TG }, properties: tagProperties, handlers: tagHandlers };
