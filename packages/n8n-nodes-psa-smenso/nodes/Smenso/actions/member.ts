/** Member: workspace members and their settings; their person flavors can be set. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { invalidInput } from '../../../../shared/validation';
import { zoneFor } from '../engine';
import {
	contains,
	fieldProperty,
	get,
	limitList,
	locatorValue,
	memberLocator,
	plan,
	readOptions,
	sameId,
	show,
	wireRecord,
	writeTail,
	type Ctx,
} from './common';

const R = 'member';

async function membersOf(ctx: Ctx, i?: number): Promise<IDataObject[]> {
	const list = await get(ctx, i, 'integration/settings/member/json');
	return Array.isArray(list) ? list : [];
}

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many members',
	description: 'Members with their settings (working time, hourly rate, teams, flavors)',
	readOnly: true,
	properties: [
		...returnAllLimit(R, 'getAll'),
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Only members whose name or e-mail contains this text',
			displayOptions: show(R, ['getAll']),
		},
		readOptions(R, ['getAll']),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const search = this.getNodeParameter('search', i, '');
		return limitList(this, i, await membersOf(this, i), (m) =>
			contains(m, search, ['firstName', 'lastName', 'email']),
		);
	},
});

const update = defineOperation({
	value: 'update',
	name: 'Update Custom Fields',
	action: "Update a member's custom fields",
	description: "Set a member's person flavors",
	readOnly: false,
	properties: [
		memberLocator(show(R, ['update']), 'memberId'),
		fieldProperty(
			{ name: 'flavors', label: 'Custom Fields (Flavors)', kind: 'flavors' },
			show(R, ['update']),
			true,
		),
		...writeTail(R, 'update'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = locatorValue(this, i, 'memberId', 'Member', { email: true });
		const zone = await zoneFor(this, i);
		const { flavor } = wireRecord(
			this,
			i,
			[{ name: 'flavors', label: 'Custom Fields (Flavors)', kind: 'flavors', wire: 'flavor' }],
			{ flavors: this.getNodeParameter('flavors', i, '') } as IDataObject,
			zone.iana,
		);
		if (!Array.isArray(flavor) || !flavor.length)
			throw invalidInput(
				this.getNode(),
				i,
				'Custom Fields (Flavors)',
				'is required: one Name=Value per line',
			);
		return await plan(this, i, {
			group: 'member:update',
			method: 'PUT',
			paths: ['integration/settings/member/json'],
			route: 'member:update',
			envelope: { key: 'member', timezone: true },
			record: { id, flavor },
			batchable: true,
			expect: 'modified',
			readBack: {
				key: 'members',
				fetch: async () => await membersOf(this),
				match: (list) => list.find((m) => sameId(m.id, id) || sameId(m.email, id)),
			},
		});
	},
});

export const member = defineResource({
	value: R,
	name: 'Member',
	description: 'Members and their settings',
	defaultOperation: getAll.value,
	operations: [getAll, update],
});
