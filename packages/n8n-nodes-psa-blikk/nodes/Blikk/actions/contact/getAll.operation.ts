import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { idList, listFields, listQuery, listRecords, toBlikkDateTime } from '../common';
import { CONTACT, CONTACT_TYPES } from './fields';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get contacts',
	description: 'List contacts with filters (text, tags, changed since, type)',
	readOnly: true,
	properties: listFields(
		CONTACT,
		['name', 'customerNumber', 'created', 'updated'],
		[
			{
				displayName: 'Contact Type',
				name: 'contactType',
				type: 'options',
				default: 'company',
				options: CONTACT_TYPES,
			},
			{
				displayName: 'Created or Updated Since',
				name: 'createdOrUpdatedSince',
				type: 'dateTime',
				default: '',
				description: 'Only contacts created or changed at or after this time',
			},
			{
				displayName: 'Search Text',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Matches contacts whose name or customer number contains this text',
			},
			{
				displayName: 'Tag Names or IDs',
				name: 'tagIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getContactTags' },
				default: [],
				description:
					'Only contacts that have all of these tags. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	),
	async handler(this: IExecuteFunctions, i: number) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs = listQuery(
			{
				query: filters.query,
				tagIds: idList(this, i, 'Tag Names or IDs', filters.tagIds),
				createdOrUpdatedSince: toBlikkDateTime(
					this,
					i,
					'Created or Updated Since',
					filters.createdOrUpdatedSince,
				),
				contactType: filters.contactType,
			},
			this.getNodeParameter('options', i, {}) as IDataObject,
		);
		return await listRecords(this, i, '/v1/Core/Contacts', qs);
	},
});
