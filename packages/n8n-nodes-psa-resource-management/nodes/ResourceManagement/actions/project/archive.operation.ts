import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { setArchived, simplifyField } from './fields';

export const archive = defineOperation({
	value: 'archive',
	name: 'Archive',
	action: 'Archive a project',
	readOnly: false,
	properties: [simplifyField('archive')],
	async handler(this: IExecuteFunctions, i: number) {
		return await setArchived(this, i, true);
	},
});
