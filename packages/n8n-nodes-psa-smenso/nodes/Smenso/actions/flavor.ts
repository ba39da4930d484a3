/** Custom Field (Flavor): the flavor definitions of the workspace (N-new, P14). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllLimit } from '../../../../shared/kit';
import { defineOperation, defineResource } from '../../../../shared/operation';
import { get, guidField, limitList, locatorValue, readOptions, send, show } from './common';

const R = 'flavor';

const deleteFlavor = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a custom field',
	description: 'Delete a flavor definition of the workspace',
	readOnly: false,
	properties: [guidField('flavorId', 'Flavor ID', show(R, ['delete']))],
	async handler(this: IExecuteFunctions, i: number) {
		const id = locatorValue(this, i, 'flavorId', 'Flavor ID');
		const answer = await send<IDataObject>(this, i, {
			method: 'DELETE',
			path: `integration/flavor/json/${id}`,
			notFoundLabel: `Flavor ${id}`,
		});
		return { id, deleted: true, ...(answer && typeof answer === 'object' ? answer : {}) };
	},
});

const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many custom fields',
	description: 'The flavor definitions of the workspace',
	readOnly: true,
	properties: [...returnAllLimit(R, 'getAll'), readOptions(R, ['getAll'])],
	async handler(this: IExecuteFunctions, i: number) {
		const list = await get(this, i, 'integration/flavor/json');
		return limitList(this, i, Array.isArray(list) ? list : []);
	},
});

export const flavor = defineResource({
	value: R,
	name: 'Custom Field (Flavor)',
	defaultOperation: getAll.value,
	operations: [deleteFlavor, getAll],
});
