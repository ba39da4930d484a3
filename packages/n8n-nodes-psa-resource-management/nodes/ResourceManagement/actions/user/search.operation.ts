import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { invalidInput } from '../../../../../shared/validation';
import { list } from '../common';
import { includeFields, listQuery, simple, simplifyField, US, userFilters } from './fields';

export const search = defineOperation({
	value: 'search',
	name: 'Find by Email or Name',
	action: 'Find a person by email or name',
	readOnly: true,
	properties: [
		{
			displayName: 'Find By',
			name: 'searchBy',
			type: 'options',
			default: 'email',
			displayOptions: show(US, 'search'),
			options: [
				{ name: 'Email (Exact, Case-Insensitive)', value: 'email' },
				{ name: 'Name (Contains, Case-Insensitive)', value: 'name' },
			],
		},
		{
			displayName: 'Search Text',
			name: 'searchText',
			type: 'string',
			required: true,
			default: '',
			displayOptions: show(US, 'search'),
		},
		...returnAllLimit(US, 'search'),
		userFilters('search'),
		includeFields('search'),
		simplifyField('search'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const by = this.getNodeParameter('searchBy', i) as string;
		const text = String(this.getNodeParameter('searchText', i) ?? '')
			.trim()
			.toLowerCase();
		if (!text) throw invalidInput(this.getNode(), i, 'Search Text', 'is required');
		if (by === 'email' && !text.includes('@'))
			throw invalidInput(this.getNode(), i, 'Search Text', `is not an email address: "${text}"`);
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		// The API has no name or email search: people are matched page by page, and Limit stops the
		// reading.
		const filter = (u: IDataObject) => {
			if (by === 'email') return String(u.email ?? '').toLowerCase() === text;
			const names = [
				u.display_name,
				`${String(u.first_name ?? '')} ${String(u.last_name ?? '')}`,
				u.first_name,
				u.last_name,
				u.title,
			];
			return names.some((n) => n && String(n).toLowerCase().includes(text));
		};
		return simple(this, i, await list(this, i, '/users', listQuery(this, i, f), { filter }));
	},
});
