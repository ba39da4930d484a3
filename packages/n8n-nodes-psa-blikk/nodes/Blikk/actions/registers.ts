import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	defineOperation,
	defineResource,
	type OperationDefinition,
	type ResourceDefinition,
} from '../../../../shared/operation';
import { idList, listFields, listQuery, listRecords } from './common';

/**
 * Blikk's read-only registers: the project and task board lists and the admin registers. Each is
 * one resource with one operation, Get Many (`GET <path>?page=`), declared here from one line of
 * the table below; the User resource (user.ts) adds Get to its Get Many.
 */
interface Register {
	resource: string;
	name: string;
	plural: string;
	path: string;
	sortBy: string[];
	/** What the Search Text filter matches, where the register has one. */
	query?: string;
	description?: string;
}

/** The Get Many operation of a register. */
export function registerGetAll(r: Omit<Register, 'name'>): OperationDefinition {
	const filters: INodeProperties[] = [];
	if (r.query)
		filters.push({
			displayName: 'Search Text',
			name: 'query',
			type: 'string',
			default: '',
			description: r.query,
		});
	if (r.resource === 'taskBoard')
		filters.push({
			displayName: 'Project IDs',
			name: 'projectIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 15,16',
			description: 'Only boards connected to these projects (comma-separated IDs)',
		});
	return defineOperation({
		value: 'getAll',
		name: 'Get Many',
		action: `Get many ${r.plural}`,
		description: r.description ?? `List the ${r.plural} register`,
		readOnly: true,
		properties: listFields(r.resource, r.sortBy, filters),
		async handler(this: IExecuteFunctions, i: number) {
			const f = this.getNodeParameter('filters', i, {}) as IDataObject;
			const qs = listQuery(
				{ query: f.query, projectIds: idList(this, i, 'Project IDs', f.projectIds) },
				this.getNodeParameter('options', i, {}) as IDataObject,
			);
			return await listRecords(this, i, r.path, qs);
		},
	});
}

function register(r: Register): ResourceDefinition {
	const getAll = registerGetAll(r);
	return defineResource({
		value: r.resource,
		name: r.name,
		defaultOperation: getAll.value,
		operations: [getAll],
	});
}

export const REGISTERS: ResourceDefinition[] = [
	register({
		resource: 'absenceProject',
		name: 'Absence Project',
		plural: 'absence projects',
		path: '/v1/Admin/AbsenceProjects',
		sortBy: ['name'],
	}),
	register({
		resource: 'activity',
		name: 'Activity',
		plural: 'activities',
		path: '/v1/Admin/Activities',
		sortBy: ['name', 'createdDate', 'updatedDate'],
	}),
	register({
		resource: 'allowance',
		name: 'Allowance',
		plural: 'allowances',
		path: '/v1/Admin/Allowances',
		sortBy: ['name', 'createdDate', 'updatedDate'],
	}),
	register({
		resource: 'article',
		name: 'Article',
		plural: 'articles',
		path: '/v1/Admin/Articles',
		sortBy: ['name', 'articleNumber', 'createdDate', 'updatedDate'],
		query: 'Matches the article number or name',
	}),
	register({
		resource: 'companyCar',
		name: 'Company Car',
		plural: 'company cars',
		path: '/v1/Admin/CompanyCars',
		sortBy: ['name', 'createdDate', 'updatedDate'],
	}),
	register({
		resource: 'contactTag',
		name: 'Contact Tag',
		plural: 'contact tags',
		path: '/v1/Admin/ContactTags',
		sortBy: ['name', 'createdDate'],
	}),
	register({
		resource: 'country',
		name: 'Country',
		plural: 'countries',
		path: '/v1/Admin/Countries',
		sortBy: ['name'],
	}),
	register({
		resource: 'equipment',
		name: 'Equipment',
		plural: 'equipments',
		path: '/v1/Admin/Equipments',
		sortBy: ['name', 'createdDate', 'updatedDate'],
	}),
	register({
		resource: 'internalProject',
		name: 'Internal Project',
		plural: 'internal projects',
		path: '/v1/Admin/InternalProjects',
		sortBy: ['name'],
	}),
	register({
		resource: 'project',
		name: 'Project',
		plural: 'projects',
		path: '/v1/Core/Projects',
		sortBy: ['orderNumber', 'title', 'createdDate', 'updatedDate'],
		query: 'Matches the project number, name or customer name',
	}),
	register({
		resource: 'taskBoard',
		name: 'Task Board',
		plural: 'task boards',
		path: '/v1/Core/TaskBoards',
		sortBy: ['name', 'createdDate', 'updatedDate'],
		query: 'Matches the board name',
		description: 'Boards with their columns, tags and members',
	}),
	register({
		resource: 'timeAddition',
		name: 'Time Addition',
		plural: 'time additions',
		path: '/v1/Admin/TimeAdditions',
		sortBy: ['name', 'createdDate', 'updatedDate'],
	}),
	register({
		resource: 'timeArticle',
		name: 'Time Article',
		plural: 'time articles',
		path: '/v1/Admin/TimeArticles',
		sortBy: ['name', 'createdDate', 'updatedDate'],
	}),
	register({
		resource: 'timeCode',
		name: 'Time Code',
		plural: 'time codes',
		path: '/v1/Admin/TimeCodes',
		sortBy: ['name', 'createdDate', 'updatedDate'],
	}),
];
