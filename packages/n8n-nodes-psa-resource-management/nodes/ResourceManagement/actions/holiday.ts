import type { IExecuteFunctions } from 'n8n-workflow';

import type { ResourceModule } from './common';
import { list, operationProperty, returnAllLimit } from './common';

export const holiday: ResourceModule = {
	resource: { name: 'Holiday', value: 'holiday' },
	properties: [
		operationProperty(
			'holiday',
			[
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many holidays',
					description: 'Non-working days of the organisation',
				},
			],
			'getAll',
		),
		...returnAllLimit('holiday', 'getAll'),
	],
	handlers: {
		async getAll(this: IExecuteFunctions, i: number) {
			return await list(this, i, '/holidays');
		},
	},
};
