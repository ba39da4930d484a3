/** Project › Create From Template: a project with the structure of a template project. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { sameValue, zoneFor } from '../../engine';
import { toWireDate } from '../../transport';
import {
	fieldProperty,
	get,
	locatorValue,
	plan,
	required,
	sameId,
	show,
	writeTail,
} from '../common';
import { R, projectsPath } from './common';

/**
 * The 21 options smenso's own node sends when creating from a template (N-new): 7 it lets the user
 * choose, 14 it always sends as true. All are offered here, each default true as there: [parameter,
 * wire key, label, field of the new project that shows the copy (for the read-back check)].
 */
const TEMPLATE_OPTIONS: Array<[string, string, string, string?]> = [
	['adjustTaskDates', 'adjustTaskDates', 'Adjust Task Dates'],
	['benefit', 'benefit', 'Copy Benefit', 'benefit'],
	['blockTimeRecording', 'blockTimeRecording', 'Copy Block Time Recording', 'blockTimeRecording'],
	['budget', 'budget', 'Copy Budget', 'budget'],
	['columnDescriptions', 'columnDescriptions', 'Copy Column Descriptions'],
	['description', 'description', 'Copy Description', 'description'],
	['flavors', 'flavors', 'Copy Flavors', 'flavors'],
	['folderTasksTemplate', 'folderTasksTemplate', 'Copy Folder Task Templates'],
	['goal', 'goal', 'Copy Goal', 'goal'],
	['hourlyRate', 'hourlyRate', 'Copy Hourly Rate', 'hourlyRate'],
	['labels', 'labels', 'Copy Labels', 'labels'],
	['location', 'location', 'Copy Location', 'locationId'],
	['manager', 'manager', 'Copy Manager', 'projectManager'],
	['markedColumns', 'markedColumns', 'Copy Marked Columns'],
	['observers', 'observers', 'Copy Observers'],
	['permissions', 'permissions', 'Copy Permissions'],
	// `startDate` is also the Start Date field of this collection.
	['copyStartDate', 'startDate', 'Copy Start Date'],
	['tasks', 'tasks', 'Copy Tasks'],
	['tasksTemplate', 'tasksTemplate', 'Copy Task Templates'],
	['tasksWorkflow', 'tasksWorkflow', 'Copy Task Workflows'],
	['viewSettings', 'viewSettings', 'Copy View Settings'],
];
const OPTION_HELP: Record<string, string> = {
	adjustTaskDates: "Whether to move the template's task dates to the new start date",
	copyStartDate:
		"Whether to copy the template's start date setting (smenso does not document this option; its own node always sends it on)",
};

const hasValue = (value: unknown) =>
	!(value === undefined || value === null || value === '' || value === false) &&
	!(Array.isArray(value) && !value.length);

/**
 * After a create from template: for every copy option that is on, a value the template has and the
 * new project lacks is a warning ("smenso did not copy the template's Budget"). Reads the project
 * list the node reads back anyway (templates are in it); a template not in that list cannot be
 * compared.
 */
function templateCopyCheck(templateId: string, options: IDataObject) {
	return (found: IDataObject, list: IDataObject[]): string[] => {
		const template = list.find((p) => sameId(p.id, templateId));
		if (!template) return [];
		const warnings: string[] = [];
		for (const [, wire, label, field] of TEMPLATE_OPTIONS) {
			if (!field || options[wire] !== true || !hasValue(template[field])) continue;
			if (field === 'flavors' ? hasValue(found[field]) : sameValue(template[field], found[field]))
				continue;
			const what = label.replace(/^Copy /, '');
			warnings.push(
				`smenso did not copy the template's ${what} (${label} is on; the template has ${JSON.stringify(template[field])}, the new project ${hasValue(found[field]) ? `has ${JSON.stringify(found[field])}` : 'has none'}); see the README's smenso notes`,
			);
		}
		return warnings;
	};
}

export const createFromTemplate = defineOperation({
	value: 'createFromTemplate',
	name: 'Create From Template',
	action: 'Create a project from a template',
	description: 'Create a project with the structure of a template project',
	readOnly: false,
	properties: [
		fieldProperty(
			{
				name: 'folder',
				label: 'Project Folder Name',
				kind: 'string',
				description: 'The project folder by its name, e.g. Customer Projects',
			},
			show(R, ['createFromTemplate']),
			true,
		),
		fieldProperty(
			{
				name: 'projectType',
				label: 'Project Type Name',
				kind: 'string',
				description: 'The project type by its name, e.g. Implementation',
			},
			show(R, ['createFromTemplate']),
			true,
		),
		{
			displayName: 'Additional Fields',
			name: 'templateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(R, ['createFromTemplate']),
			options: [
				{
					displayName: 'Private',
					name: 'isPrivate',
					type: 'boolean',
					default: false,
					description: 'Whether only the API user gets access at first',
				},
				{
					displayName: 'Project Code',
					name: 'code',
					type: 'string',
					default: '',
					description: 'The project ID master-data field',
				},
				{
					displayName: 'Start Date',
					name: 'startDate',
					type: 'dateTime',
					default: '',
					description: "Empty: the template's start date",
				},
				{
					displayName: 'Status',
					name: 'statusId',
					type: 'options',
					options: [
						{ name: 'Active', value: 0 },
						{ name: 'Inactive', value: 1 },
					],
					default: 0,
				},
				...TEMPLATE_OPTIONS.map(([name, , displayName]) => ({
					displayName,
					name,
					type: 'boolean' as const,
					default: true,
					description:
						OPTION_HELP[name] ??
						`Whether to copy the template's ${displayName.replace(/^Copy /, '').toLowerCase()}`,
				})),
			].sort((a, b) => a.displayName.localeCompare(b.displayName)) as INodeProperties[],
		},
		...writeTail(R, 'createFromTemplate'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const zone = await zoneFor(this, i);
		const templateId = locatorValue(this, i, 'templateId', 'Template');
		const title = required(this, i, 'title', 'Title');
		const folder = required(this, i, 'folder', 'Project Folder Name');
		const projectType = required(this, i, 'projectType', 'Project Type Name');
		const extra = this.getNodeParameter('templateFields', i, {}) as IDataObject;
		const options: IDataObject = {};
		// Every option smenso's own node sends, each the user's choice (default on, as there).
		for (const [name, wire] of TEMPLATE_OPTIONS) options[wire] = extra[name] !== false;
		const body: IDataObject = {
			title,
			folder,
			projectType,
			isPrivate: extra.isPrivate === true,
			options,
		};
		if (extra.startDate)
			body.startDate = toWireDate(this.getNode(), i, 'Start Date', extra.startDate, zone.iana);
		if (extra.statusId !== undefined) body.statusId = Number(extra.statusId);
		if (extra.code) body.code = String(extra.code);
		// Projects known before: the new one is the project with this title that was not there (tickets
		// carry no ids).
		const before = new Set(
			(await get(this, i, projectsPath)).map((p) => String(p.id).toLowerCase()),
		);
		return await plan(this, i, {
			group: 'project:fromTemplate',
			method: 'POST',
			paths: [`${projectsPath}/${templateId}`],
			route: 'project:fromTemplate',
			body,
			batchable: false,
			notFoundLabel: `Project template ${templateId}`,
			readBack: {
				key: 'projects',
				fetch: async () => await get(this, undefined, projectsPath),
				match: (list) =>
					list.find((p) => p.title === title && !before.has(String(p.id).toLowerCase())),
			},
			verify: templateCopyCheck(templateId, options),
		});
	},
});
