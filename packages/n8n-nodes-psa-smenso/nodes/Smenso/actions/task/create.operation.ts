/** Task › Create: a task in a project (an envelope write; many rows go as one request). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import {
	collection,
	disputed,
	fieldProperty,
	newExternalId,
	plan,
	required,
	show,
	writeTail,
	NO_FEED,
} from '../common';
import { DETAILS, DISPUTED, R, TITLE, details, projectOf, readBack } from './common';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a task',
	readOnly: false,
	properties: [
		fieldProperty(TITLE, show(R, ['create']), true),
		collection('additionalFields', 'Additional Fields', [...DETAILS, NO_FEED], show(R, ['create'])),
		...writeTail(R, 'create'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const projectId = projectOf(this, i);
		const title = required(this, i, 'title', 'Title');
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const record: IDataObject = { title, ...(await details(this, i, { ...extra, title })) };
		record.externalId ??= newExternalId(this, i);
		return await plan(this, i, {
			group: `task:create:${projectId}:${extra.noFeed === true}`,
			method: 'POST',
			paths: ['integration/task/json'],
			route: 'task:create',
			envelope: {
				key: 'task',
				timezone: true,
				top: { projectId, ...(extra.noFeed === true ? { noFeed: true } : {}) },
			},
			record,
			batchable: true,
			expect: 'created',
			readBack: readBack(this, projectId, (t) => t.externalId === record.externalId),
			verify: disputed(record, DETAILS, DISPUTED, 'task'),
		});
	},
});
