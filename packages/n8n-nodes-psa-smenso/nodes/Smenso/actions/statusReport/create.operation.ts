/**
 * Status Report › Create: a draft (or published) report of a project (an envelope write; many rows
 * go as one request). No source shows a read of status reports, so the ticket alone confirms it.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { zoneFor } from '../../engine';
import {
	checkOrder,
	collection,
	fieldProperty,
	locatorValue,
	newExternalId,
	plan,
	required,
	show,
	wireParam,
	wireRecord,
	writeTail,
	NO_FEED,
} from '../common';
import { DETAILS, EXTERNAL_ID, PATH, R, STATUS_DATE, TITLE } from './common';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a status report',
	description: 'Create a draft (or published) status report of a project',
	readOnly: false,
	properties: [
		fieldProperty(TITLE, show(R, ['create']), true),
		fieldProperty(STATUS_DATE, show(R, ['create']), true),
		collection(
			'additionalFields',
			'Additional Fields',
			[...DETAILS, EXTERNAL_ID, NO_FEED],
			show(R, ['create']),
		),
		...writeTail(R, 'create'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const zone = await zoneFor(this, i);
		const projectId = locatorValue(this, i, 'projectId', 'Project');
		const title = required(this, i, 'title', 'Title');
		const statusDate = wireParam(this, i, STATUS_DATE, true, zone.iana);
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		// projectId in the record (P10) and beside it (vendor node): both, as the sources differ.
		const record: IDataObject = {
			projectId,
			title,
			statusDate: statusDate as string,
			...wireRecord(this, i, [...DETAILS, EXTERNAL_ID], extra, zone.iana),
		};
		checkOrder(this, i, record, 'statusDate', 'targetDate', 'Status Date', 'Target Date');
		record.externalId ??= newExternalId(this, i);
		return await plan(this, i, {
			group: `statusreport:create:${projectId}:${extra.noFeed === true}`,
			method: 'POST',
			paths: [PATH],
			route: 'statusreport:create',
			envelope: {
				key: 'statusReport',
				timezone: true,
				top: { projectId, ...(extra.noFeed === true ? { noFeed: true } : {}) },
			},
			record,
			batchable: true,
			expect: 'created',
			echo: { projectId, title, externalId: record.externalId },
		});
	},
});
