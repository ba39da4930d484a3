import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation, defineResource } from '../../../../shared/operation';
import { idField, readId, returnAllLimit, show } from '../../../../shared/kit';
import { api, list, locator, requiredText } from './common';

const TG = 'tag';
const ALL = ['add', 'getAll', 'remove'];

function tagBase(ctx: IExecuteFunctions, i: number): string {
	return ctx.getNodeParameter('owner', i) === 'project'
		? `/projects/${readId(ctx, i, 'projectId', 'Project')}/tags`
		: `/users/${readId(ctx, i, 'userId', 'Person')}/tags`;
}

const add = defineOperation({
	value: 'add',
	name: 'Add',
	action: 'Tag a person or project',
	description: 'Attach a tag, creating it in the account if it does not exist',
	readOnly: false,
	properties: [
		{
			displayName: 'Tag',
			name: 'value',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. javascript',
			displayOptions: show(TG, 'add'),
		},
	],
	async handler(this: IExecuteFunctions, i: number) {
		const value = requiredText(this, i, 'value', 'Tag');
		return await api(this, i, 'POST', tagBase(this, i), { body: { value } });
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many tags',
	readOnly: true,
	properties: returnAllLimit(TG, 'getAll'),
	async handler(this: IExecuteFunctions, i: number) {
		return await list(this, i, tagBase(this, i));
	},
});

const remove = defineOperation({
	value: 'remove',
	name: 'Remove',
	action: 'Untag a person or project',
	description: 'Detach a tag (it stays in the account settings)',
	readOnly: false,
	properties: [idField('tagId', 'Tag ID', show(TG, 'remove'))],
	async handler(this: IExecuteFunctions, i: number) {
		const id = readId(this, i, 'tagId', 'Tag ID');
		await api(this, i, 'DELETE', `${tagBase(this, i)}/${id}`, { notFound: `Tag ${id}` });
		return { id, removed: true };
	},
});

export const tag = defineResource({
	value: TG,
	name: 'Tag',
	defaultOperation: add.value,
	// Shared by every operation: whose tags.
	properties: [
		{
			displayName: 'Tags Of',
			name: 'owner',
			type: 'options',
			default: 'user',
			displayOptions: show(TG, ALL),
			options: [
				{ name: 'A Person', value: 'user' },
				{ name: 'A Project', value: 'project' },
			],
		},
		locator('user', 'userId', 'Person', show(TG, ALL, { owner: ['user'] })),
		locator('project', 'projectId', 'Project', show(TG, ALL, { owner: ['project'] })),
	],
	operations: [add, getAll, remove],
});
