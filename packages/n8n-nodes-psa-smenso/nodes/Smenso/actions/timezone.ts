/** Time Zone: the zones smenso supports (P2; also the credential test). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation, defineResource } from '../../../../shared/operation';
import { vendorRequest } from '../../../../shared/transport';
import { smensoProfile } from '../transport';

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get the supported time zones',
	readOnly: true,
	async handler(this: IExecuteFunctions, i: number) {
		const body = await vendorRequest.call(this, smensoProfile, {
			method: 'GET',
			path: 'integration/timezones/json',
			itemIndex: i,
		});
		// The item format is unseen (P2): strings or objects.
		return (Array.isArray(body) ? body : []).map((z) =>
			typeof z === 'string' ? { id: z } : (z as IDataObject),
		);
	},
});

export const timezone = defineResource({
	value: 'timezone',
	name: 'Time Zone',
	defaultOperation: getAll.value,
	operations: [getAll],
});
