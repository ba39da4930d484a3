import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireString } from '../../../../shared';
import { compact, returnAllLimit } from '../../../../shared/kit';
import { blikkList, blikkRequest } from '../transport';
import { MERGE_HINT, locator, show, sortOptions } from './common';
import {
	idList,
	idParam,
	idValue,
	listOptions,
	listQuery,
	toBlikkDateTime,
	type Handler,
} from './util';

const R = 'contact';

function addressFields(name: string, displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		default: {},
		placeholder: `Set ${displayName}`,
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: [
					{
						displayName: 'Additional Address',
						name: 'additionalAddress',
						type: 'string',
						default: '',
					},
					{ displayName: 'City', name: 'city', type: 'string', default: '' },
					{
						displayName: 'Country Name or ID',
						name: 'countryId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCountries' },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' },
					{ displayName: 'State', name: 'state', type: 'string', default: '' },
					{ displayName: 'Street Address', name: 'streetAddress', type: 'string', default: '' },
				],
			},
		],
	};
}

function contactFields(update: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{ displayName: 'Cell Phone Number', name: 'cellPhoneNumber', type: 'string', default: '' },
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'number',
			default: 0,
			description: 'For a person: the ID of the company contact the person belongs to',
		},
		{
			displayName: 'Customer Number',
			name: 'customerNumber',
			type: 'string',
			default: '',
			description: 'Leave empty and Blikk assigns one on create',
		},
		addressFields('deliveryAddress', 'Delivery Address'),
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
		{
			displayName: 'Important Information',
			name: 'importantInformation',
			type: 'string',
			default: '',
			description: 'Highlighted on the contact in Blikk',
		},
		addressFields('invoiceAddress', 'Invoice Address'),
		{ displayName: 'Invoice Email', name: 'invoiceEmail', type: 'string', default: '' },
		{
			displayName: 'Is Active',
			name: 'isActive',
			type: 'boolean',
			default: true,
			description: 'Whether the contact is active',
		},
		{
			displayName: 'Is Customer',
			name: 'isCustomer',
			type: 'boolean',
			default: false,
			description: 'Whether the contact is a customer',
		},
		{
			displayName: 'Is Partner',
			name: 'isPartner',
			type: 'boolean',
			default: false,
			description: 'Whether the contact is a partner',
		},
		{
			displayName: 'Is Retailer',
			name: 'isRetailer',
			type: 'boolean',
			default: false,
			description: 'Whether the contact is a retailer',
		},
		{
			displayName: 'Is Subcontractor',
			name: 'isSubContractor',
			type: 'boolean',
			default: false,
			description: 'Whether the contact is a subcontractor',
		},
		{
			displayName: 'Is Supplier',
			name: 'isSupplier',
			type: 'boolean',
			default: false,
			description: 'Whether the contact is a supplier',
		},
		{
			displayName: 'Is Wholesaler',
			name: 'isWholeSale',
			type: 'boolean',
			default: false,
			description: 'Whether the contact is a wholesaler',
		},
		{
			displayName: 'Organizational or Social Security Number',
			name: 'organizationalOrSocialSecurityNumber',
			type: 'string',
			default: '',
			description: 'Social security number of a person, organizational number of a company',
		},
		{
			displayName: 'Parent Company ID',
			name: 'parentCompanyId',
			type: 'number',
			default: 0,
			description: 'For a company: the ID of its parent company contact',
		},
		{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '' },
		{
			displayName: 'Tag Names or IDs',
			name: 'tagIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getContactTags' },
			default: [],
			description:
				'Tags the contact should have (replaces its tags). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Use Reverse Build Tax',
			name: 'useReverseBuildTax',
			type: 'boolean',
			default: false,
			description: 'Whether the contact is billed with reversed build tax (omvänd byggmoms)',
		},
		addressFields('visitingAddress', 'Visiting Address'),
	];
	if (update) {
		fields.push(
			{
				displayName: 'Contact Type',
				name: 'contactType',
				type: 'options',
				default: 'company',
				options: [
					{ name: 'Company', value: 'company' },
					{ name: 'Person', value: 'person' },
				],
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Responsible User Name or ID',
				name: 'responsibleId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
		);
	}
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: show(R),
		default: 'getAll',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a customer or contact',
				description: 'Create a customer, supplier or other contact',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a contact' },
			{ name: 'Get', value: 'get', action: 'Get a contact' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get contacts',
				description: 'List contacts with filters (text, tags, changed since, type)',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contact',
				description: 'Change only the fields you set (read, merge, write)',
			},
		],
	},
	locator('contactId', 'Contact', 'searchContacts', show(R, ['delete', 'get', 'update'])),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		displayOptions: show(R, 'create'),
		description: 'Name of the person or company',
	},
	{
		displayName: 'Contact Type',
		name: 'contactType',
		type: 'options',
		required: true,
		default: 'company',
		displayOptions: show(R, 'create'),
		options: [
			{ name: 'Company', value: 'company' },
			{ name: 'Person', value: 'person' },
		],
	},
	locator('responsible', 'Responsible User', 'searchUsers', show(R, 'create'), {
		description: 'The Blikk user responsible for this contact',
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, 'create'),
		options: contactFields(false),
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, 'update'),
		description: MERGE_HINT,
		hint: MERGE_HINT,
		options: contactFields(true),
	},
	...returnAllLimit(R, 'getAll', {}, { maxLimit: 100000 }),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(R, 'getAll'),
		options: [
			{
				displayName: 'Contact Type',
				name: 'contactType',
				type: 'options',
				default: 'company',
				options: [
					{ name: 'Company', value: 'company' },
					{ name: 'Person', value: 'person' },
				],
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
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(R, 'getAll'),
		options: sortOptions(['name', 'customerNumber', 'created', 'updated']),
	},
];

function address(value: unknown): IDataObject | undefined {
	const a = (value as IDataObject | undefined)?.address as IDataObject | undefined;
	if (!a) return undefined;
	// Empty fields count as "not set": on update they keep the current value.
	const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
	return compact({
		streetAddress: text(a.streetAddress),
		additionalAddress: text(a.additionalAddress),
		postalCode: text(a.postalCode),
		city: text(a.city),
		state: text(a.state),
		countryId:
			a.countryId === '' || a.countryId === undefined || a.countryId === null
				? undefined
				: Number(a.countryId),
	});
}

const SIMPLE = [
	'customerNumber',
	'organizationalOrSocialSecurityNumber',
	'email',
	'invoiceEmail',
	'phoneNumber',
	'cellPhoneNumber',
	'importantInformation',
	'isActive',
	'isSupplier',
	'isWholeSale',
	'isRetailer',
	'isSubContractor',
	'isPartner',
	'isCustomer',
	'useReverseBuildTax',
];

function writeFields(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const key of SIMPLE) if (fields[key] !== undefined) out[key] = fields[key];
	if (fields.companyId !== undefined)
		out.companyId = idValue(ctx, i, 'Company ID', fields.companyId) ?? null;
	if (fields.parentCompanyId !== undefined)
		out.parentCompanyId = idValue(ctx, i, 'Parent Company ID', fields.parentCompanyId) ?? null;
	if (fields.tagIds !== undefined)
		out.tagIds = idList(ctx, i, 'Tag Names or IDs', fields.tagIds) ?? [];
	for (const key of ['visitingAddress', 'deliveryAddress', 'invoiceAddress']) {
		const a = address(fields[key]);
		if (a) out[key] = a;
	}
	if (fields.name !== undefined) out.name = requireString(ctx.getNode(), i, 'Name', fields.name);
	if (fields.contactType !== undefined) out.contactType = fields.contactType;
	if (fields.responsibleId !== undefined && fields.responsibleId !== '')
		out.responsibleId = idValue(ctx, i, 'Responsible User', fields.responsibleId);
	return out;
}

/** A contact as read (contact.detail) → the body PUT expects. */
export function contactToWrite(c: IDataObject): IDataObject {
	const ref = (v: unknown) => ((v as IDataObject | null)?.id as number | undefined) ?? null;
	const addr = (v: unknown) => {
		const a = (v as IDataObject | null) ?? {};
		return {
			streetAddress: a.streetAddress ?? '',
			additionalAddress: a.additionalAddress ?? null,
			postalCode: a.postalCode ?? '',
			city: a.city ?? null,
			state: a.state ?? null,
			countryId: a.countryId ?? null,
		};
	};
	const out: IDataObject = { name: c.name, contactType: String(c.contactType ?? '').toLowerCase() };
	for (const key of SIMPLE) out[key] = c[key] ?? null;
	out.companyId = ref(c.company);
	out.parentCompanyId = ref(c.parentCompany);
	out.responsibleId = ref(c.responsible);
	out.tagIds = ((c.tags as IDataObject[] | null) ?? []).map((t) => t.id as number);
	out.visitingAddress = addr(c.visitingAddress);
	out.deliveryAddress = addr(c.deliveryAddress);
	out.invoiceAddress = addr(c.invoiceAddress);
	return out;
}

export const contactHandlers: Record<string, Handler> = {
	async create(i) {
		const body: IDataObject = {
			name: requireString(this.getNode(), i, 'Name', this.getNodeParameter('name', i)),
			contactType: this.getNodeParameter('contactType', i),
			responsibleId: idParam(this, i, 'responsible', 'Responsible User'),
			...writeFields(this, i, this.getNodeParameter('additionalFields', i, {}) as IDataObject),
		};
		return await blikkRequest.call(this, {
			method: 'POST',
			path: '/v1/Core/Contacts',
			body,
			itemIndex: i,
		});
	},
	async get(i) {
		const id = idParam(this, i, 'contactId', 'Contact');
		return await blikkRequest.call(this, {
			method: 'GET',
			path: `/v1/Core/Contacts/${id}`,
			itemIndex: i,
			notFoundLabel: `Contact ${id}`,
		});
	},
	async delete(i) {
		const id = idParam(this, i, 'contactId', 'Contact');
		await blikkRequest.call(this, {
			method: 'DELETE',
			path: `/v1/Core/Contacts/${id}`,
			itemIndex: i,
			notFoundLabel: `Contact ${id}`,
			idempotent: true,
		});
		return { id, deleted: true };
	},
	async update(i) {
		const id = idParam(this, i, 'contactId', 'Contact');
		const changes = writeFields(
			this,
			i,
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
		);
		const current = await blikkRequest.call(this, {
			method: 'GET',
			path: `/v1/Core/Contacts/${id}`,
			itemIndex: i,
			notFoundLabel: `Contact ${id}`,
		});
		const base = contactToWrite(current);
		for (const key of ['visitingAddress', 'deliveryAddress', 'invoiceAddress']) {
			if (changes[key])
				changes[key] = { ...(base[key] as IDataObject), ...(changes[key] as IDataObject) };
		}
		return await blikkRequest.call(this, {
			method: 'PUT',
			path: `/v1/Core/Contacts/${id}`,
			body: { ...base, ...changes },
			itemIndex: i,
			notFoundLabel: `Contact ${id}`,
			idempotent: true,
		});
	},
	async getAll(i) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
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
			options,
		);
		return await blikkList.call(
			this,
			{ method: 'GET', path: '/v1/Core/Contacts', qs, itemIndex: i },
			listOptions(this, i),
		);
	},
};
