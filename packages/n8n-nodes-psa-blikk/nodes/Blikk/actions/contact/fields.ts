import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, readOptionalId } from '../../../../../shared/kit';
import { requireString } from '../../../../../shared/validation';
import { idList, refId } from '../common';

/** What Create and Update share: the contact fields and their check before anything is sent. */

export const CONTACT = 'contact';

export const CONTACT_TYPES = [
	{ name: 'Company', value: 'company' },
	{ name: 'Person', value: 'person' },
];

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

/**
 * The optional contact fields (Additional Fields of Create; with Name, Type, Responsible for
 * Update).
 */
export function contactFields(update: boolean): INodeProperties[] {
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
				options: CONTACT_TYPES,
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

const ADDRESSES = ['visitingAddress', 'deliveryAddress', 'invoiceAddress'];

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

/**
 * The fields set in a collection (`additionalFields` or `updateFields`), checked, as Blikk writes
 * them.
 */
export function writeFields(ctx: IExecuteFunctions, i: number, collection: string): IDataObject {
	const fields = ctx.getNodeParameter(collection, i, {}) as IDataObject;
	const id = (key: string, label: string) => readOptionalId(ctx, i, `${collection}.${key}`, label);
	const out: IDataObject = {};
	for (const key of SIMPLE) if (fields[key] !== undefined) out[key] = fields[key];
	if (fields.companyId !== undefined) out.companyId = id('companyId', 'Company ID') ?? null;
	if (fields.parentCompanyId !== undefined)
		out.parentCompanyId = id('parentCompanyId', 'Parent Company ID') ?? null;
	if (fields.tagIds !== undefined)
		out.tagIds = idList(ctx, i, 'Tag Names or IDs', fields.tagIds) ?? [];
	for (const key of ADDRESSES) {
		const a = address(fields[key]);
		if (a) out[key] = a;
	}
	if (fields.name !== undefined) out.name = requireString(ctx.getNode(), i, 'Name', fields.name);
	if (fields.contactType !== undefined) out.contactType = fields.contactType;
	if (fields.responsibleId !== undefined && fields.responsibleId !== '')
		out.responsibleId = id('responsibleId', 'Responsible User');
	return out;
}

/** A contact as read (contact.detail) → the body PUT expects, with the changes laid over it. */
export function mergeContact(c: IDataObject, changes: IDataObject): IDataObject {
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
	const base: IDataObject = {
		name: c.name,
		contactType: String(c.contactType ?? '').toLowerCase(),
	};
	for (const key of SIMPLE) base[key] = c[key] ?? null;
	base.companyId = refId(c.company);
	base.parentCompanyId = refId(c.parentCompany);
	base.responsibleId = refId(c.responsible);
	base.tagIds = ((c.tags as IDataObject[] | null) ?? []).map((t) => t.id as number);
	for (const key of ADDRESSES) base[key] = addr(c[key]);
	const merged = { ...changes };
	for (const key of ADDRESSES) {
		if (merged[key])
			merged[key] = { ...(base[key] as IDataObject), ...(merged[key] as IDataObject) };
	}
	return { ...base, ...merged };
}
