/** Project › Update Master Data From Template: a template's master data onto a project. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { locatorValue, plan, show, writeTail } from '../common';
import { R, projectId, projectsPath, readBackById } from './common';

const MASTER_DATA: Array<[string, string]> = [
	['overwriteValues', 'Overwrite Existing Values'],
	['startDate', 'Start Date'],
	['endDate', 'End Date'],
	['flavors', 'Flavors'],
	['labels', 'Labels'],
	['manager', 'Manager'],
	['budget', 'Budget'],
	['location', 'Location'],
	['description', 'Description'],
	['goal', 'Goal'],
	['benefit', 'Benefit'],
];
export const updateMasterData = defineOperation({
	value: 'updateMasterData',
	name: 'Update Master Data From Template',
	action: 'Apply a template to a project',
	description: "Copy a template's master data (dates, flavors, manager, budget…) onto a project",
	readOnly: false,
	properties: [
		{
			displayName: 'Apply',
			name: 'masterData',
			type: 'collection',
			placeholder: 'Add What to Apply',
			default: {},
			displayOptions: show(R, ['updateMasterData']),
			options: MASTER_DATA.map(([name, displayName]) => ({
				displayName,
				name,
				type: 'boolean' as const,
				default: true,
				description: `Whether to apply the template's ${displayName.toLowerCase()}`,
			})).sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
		...writeTail(R, 'updateMasterData'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const id = projectId(this, i);
		const templateId = locatorValue(this, i, 'templateId', 'Template');
		const chosen = this.getNodeParameter('masterData', i, {}) as IDataObject;
		const body: IDataObject = { projectId: id };
		for (const [name] of MASTER_DATA) body[name] = chosen[name] === true;
		return await plan(this, i, {
			group: 'project:masterData',
			method: 'PUT',
			paths: [`${projectsPath}/${templateId}`],
			route: 'project:masterData',
			body,
			batchable: false,
			notFoundLabel: `Project template ${templateId}`,
			readBack: readBackById(this, id),
		});
	},
});
