import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { setArchived, simplifyField } from './fields';

export const unarchive = defineOperation({
	value: 'unarchive',
	name: 'Unarchive',
	action: 'Unarchive a project',
	readOnly: false,
	properties: [simplifyField('unarchive')],
	async handler(this: IExecuteFunctions, i: number) {
		return await setArchived(this, i, false);
	},
});
