import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation, defineResource } from '../../../../shared/operation';
import { returnAllLimit } from '../../../../shared/kit';
import { list } from './common';

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many holidays',
	description: 'Non-working days of the organisation',
	readOnly: true,
	properties: returnAllLimit('holiday', 'getAll'),
	async handler(this: IExecuteFunctions, i: number) {
		return await list(this, i, '/holidays');
	},
});

export const holiday = defineResource({
	value: 'holiday',
	name: 'Holiday',
	defaultOperation: getAll.value,
	operations: [getAll],
});
