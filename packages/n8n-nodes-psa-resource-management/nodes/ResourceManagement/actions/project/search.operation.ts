import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { fieldsQuery, list, requiredText } from '../common';
import { includeFields, PR, simple, simplifyField } from './fields';

export const search = defineOperation({
	value: 'search',
	name: 'Find by Name or Code',
	action: 'Find a project by name or code',
	readOnly: true,
	properties: [
		{
			displayName: 'Find By',
			name: 'searchBy',
			type: 'options',
			default: 'name',
			displayOptions: show(PR, 'search'),
			options: [
				{ name: 'Name', value: 'name' },
				{ name: 'Project Code (Exact, on the Server)', value: 'code' },
				{ name: 'Phase Name (Exact, on the Server)', value: 'phase' },
			],
		},
		{
			displayName: 'Search Text',
			name: 'searchText',
			type: 'string',
			required: true,
			default: '',
			displayOptions: show(PR, 'search'),
		},
		{
			displayName: 'Match',
			name: 'match',
			type: 'options',
			default: 'contains',
			displayOptions: show(PR, 'search', { searchBy: ['name'] }),
			options: [
				{ name: 'Contains (Case-Insensitive)', value: 'contains' },
				{ name: 'Exact (Case-Insensitive)', value: 'exact' },
			],
		},
		{
			displayName: 'Include Archived',
			name: 'withArchived',
			type: 'boolean',
			default: false,
			description: 'Whether to search archived projects too',
			displayOptions: show(PR, 'search'),
		},
		...returnAllLimit(PR, 'search'),
		includeFields('search'),
		simplifyField('search'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const by = this.getNodeParameter('searchBy', i) as string;
		const text = requiredText(this, i, 'searchText', 'Search Text');
		const qs: IDataObject = {
			...fieldsQuery(this, i),
			with_archived: this.getNodeParameter('withArchived', i, false) ? true : undefined,
		};
		if (by === 'code')
			return simple(
				this,
				i,
				await list(this, i, '/projects', { ...qs, project_code: text, with_phases: true }),
			);
		if (by === 'phase')
			return simple(
				this,
				i,
				await list(this, i, '/projects', { ...qs, phase_name: text, with_phases: true }),
			);
		const match = this.getNodeParameter('match', i, 'contains') as string;
		const needle = text.toLowerCase();
		// The API has no name search: names are matched page by page, and Limit stops the reading.
		const filter = (p: IDataObject) => {
			const name = String(p.name ?? '').toLowerCase();
			return match === 'exact' ? name === needle : name.includes(needle);
		};
		return simple(this, i, await list(this, i, '/projects', qs, { filter }));
	},
});
