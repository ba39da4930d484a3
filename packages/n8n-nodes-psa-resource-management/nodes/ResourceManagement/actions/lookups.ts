import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ResourceModule } from './common';
import { api, list, idOf, locator, operationProperty, show, returnAllLimit } from './common';

/** A read-only lookup list (disciplines, roles, leave types): Get (locator) and Get Many. */
function lookup(
	value: string,
	name: string,
	path: string,
	kind: 'discipline' | 'role' | 'leaveType',
	singular: string,
): ResourceModule {
	const properties: INodeProperties[] = [
		operationProperty(
			value,
			[
				{ name: 'Get', value: 'get', action: `Get a ${singular}` },
				{ name: 'Get Many', value: 'getAll', action: `Get many ${singular}s` },
			],
			'getAll',
		),
		locator(kind, 'recordId', name, show(value, 'get')),
		...returnAllLimit(value, 'getAll'),
	];
	return {
		resource: { name, value },
		properties,
		handlers: {
			async get(this: IExecuteFunctions, i: number) {
				const id = idOf(this, 'recordId', i, name);
				return await api(this, i, 'GET', `${path}/${id}`, { notFound: `${name} ${id}` });
			},
			async getAll(this: IExecuteFunctions, i: number) {
				return await list(this, i, path);
			},
		},
	};
}

export const discipline = lookup(
	'discipline',
	'Discipline',
	'/disciplines',
	'discipline',
	'discipline',
);
export const role = lookup('role', 'Role', '/roles', 'role', 'role');
export const leaveType = lookup(
	'leaveType',
	'Leave Type',
	'/leave_types',
	'leaveType',
	'leave type',
);
