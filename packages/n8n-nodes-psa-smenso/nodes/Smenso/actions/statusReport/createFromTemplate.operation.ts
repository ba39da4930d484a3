/**
 * Status Report › Create From Template (P10's path first, the vendor node's on "no such endpoint").
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import {
	fieldProperty,
	guidField,
	locatorValue,
	plan,
	required,
	show,
	wireParam,
	writeTail,
} from '../common';
import { PATH, R, TITLE } from './common';

export const createFromTemplate = defineOperation({
	value: 'createFromTemplate',
	name: 'Create From Template',
	action: 'Create a status report from a template',
	readOnly: false,
	properties: [
		guidField(
			'templateId',
			'Template ID',
			show(R, ['createFromTemplate']),
			'GUID of the status report template',
		),
		fieldProperty(TITLE, show(R, ['createFromTemplate']), true),
		{
			displayName: 'Progress (%)',
			name: 'progressManual',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 0 },
			displayOptions: show(R, ['createFromTemplate']),
		},
		...writeTail(R, 'createFromTemplate'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const templateId = locatorValue(this, i, 'templateId', 'Template ID');
		const title = required(this, i, 'title', 'Title');
		const progressManual =
			wireParam(
				this,
				i,
				{ name: 'progressManual', label: 'Progress (%)', kind: 'percent', min: 0, max: 100 },
				false,
				'UTC',
			) ?? 0;
		// smenso's pages give template/statusreport/create/json/{id} (parallel to the XML path); the
		// vendor node uses statusreport/json/{id}. The page's path first, the node's only on "no such
		// endpoint".
		return await plan(this, i, {
			group: 'statusreport:fromTemplate',
			method: 'POST',
			paths: [
				`integration/template/statusreport/create/json/${templateId}`,
				`${PATH}/${templateId}`,
			],
			route: 'statusreport:fromTemplate',
			body: { projectId, title, progressManual: progressManual as number },
			batchable: false,
			expect: 'created',
			echo: { projectId, templateId, title },
			notFoundLabel: `Status report template ${templateId}`,
		});
	},
});
