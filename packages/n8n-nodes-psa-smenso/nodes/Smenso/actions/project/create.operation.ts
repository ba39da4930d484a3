/** Project › Create (an envelope write; many rows go as one request). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation } from '../../../../../shared/operation';
import { zoneFor } from '../../engine';
import {
	collection,
	disputed,
	fieldProperty,
	get,
	newExternalId,
	plan,
	required,
	show,
	writeTail,
	NO_FEED,
} from '../common';
import {
	CREATE_ONLY,
	DETAILS,
	DISPUTED,
	FOLDER,
	R,
	TYPE,
	details,
	idNumber,
	projectsPath,
} from './common';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a project',
	readOnly: false,
	properties: [
		fieldProperty(FOLDER, show(R, ['create']), true),
		fieldProperty(TYPE, show(R, ['create']), true),
		collection(
			'additionalFields',
			'Additional Fields',
			[...DETAILS, ...CREATE_ONLY, NO_FEED],
			show(R, ['create']),
		),
		...writeTail(R, 'create'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const zone = await zoneFor(this, i);
		const title = required(this, i, 'title', 'Title');
		const phaseId = idNumber(required(this, i, 'phaseId', 'Project Folder ID'));
		const typeId = idNumber(required(this, i, 'typeId', 'Project Type ID'));
		const extra = (this.getNodeParameter('additionalFields', i, {}) as IDataObject) ?? {};
		const record: IDataObject = {
			title,
			phaseId,
			typeId,
			...(await details(this, i, extra, zone.iana, [...DETAILS, ...CREATE_ONLY])),
		};
		record.externalId ??= newExternalId(this, i);
		return await plan(this, i, {
			group: `project:create:${extra.noFeed === true}`,
			method: 'POST',
			paths: [projectsPath],
			route: 'project:create',
			envelope: {
				key: 'project',
				timezone: true,
				top: extra.noFeed === true ? { noFeed: true } : {},
			},
			record,
			batchable: true,
			expect: 'created',
			readBack: {
				key: 'projects',
				fetch: async () => await get(this, undefined, projectsPath),
				match: (list) => list.find((p) => p.externalId === record.externalId),
			},
			verify: disputed(record, DETAILS, DISPUTED, 'project'),
		});
	},
});
