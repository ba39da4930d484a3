import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readOptionalId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { idList, listFields, listQuery, listRecords, toBlikkDate } from '../common';
import { TIME_REPORT, simplifyField } from './fields';
import { shaped } from './shape';

const flag = (v: unknown) => (v === 'true' ? true : v === 'false' ? false : undefined);

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get time reports for a timesheet',
	description:
		'List time reports, e.g. a week’s timesheet or the ones waiting for approval (attest)',
	readOnly: true,
	properties: listFields(
		TIME_REPORT,
		[
			'date',
			'userName',
			'hours',
			'invoiceableHours',
			'sentToAttestDate',
			'attestedDate',
			'createdDate',
			'updatedDate',
		],
		[
			{ displayName: 'Absence Project ID', name: 'absenceProjectId', type: 'number', default: 0 },
			{
				displayName: 'Contact ID',
				name: 'contactId',
				type: 'number',
				default: 0,
				description: 'Only reports on projects of this customer',
			},
			{
				displayName: 'Date From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Only reports dated on or after this',
			},
			{
				displayName: 'Date To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Only reports dated on or before this',
			},
			{ displayName: 'Internal Project ID', name: 'internalProjectId', type: 'number', default: 0 },
			{
				displayName: 'Is Attested',
				name: 'isAttested',
				type: 'options',
				default: 'any',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Attested', value: 'true' },
					{ name: 'Not Attested', value: 'false' },
				],
				description: 'Attest (approval) state. The API can read it but cannot attest.',
			},
			{
				displayName: 'Is Sent to Attest',
				name: 'isSentToAttest',
				type: 'options',
				default: 'any',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Not Sent', value: 'false' },
					{ name: 'Sent', value: 'true' },
				],
				description: 'Whether the user has sent the report for attest. The API cannot send it.',
			},
			{ displayName: 'Project ID', name: 'projectId', type: 'number', default: 0 },
			{
				displayName: 'Project Type',
				name: 'projectType',
				type: 'options',
				default: 'project',
				options: [
					{ name: 'Absence Project', value: 'absenceProject' },
					{ name: 'Internal Project', value: 'internalProject' },
					{ name: 'Project', value: 'project' },
				],
			},
			{
				displayName: 'User Names or IDs',
				name: 'userIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: [],
				description:
					'Only reports of these users. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
		[simplifyField('getAll')],
	),
	async handler(this: IExecuteFunctions, i: number) {
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const id = (key: string, label: string) => readOptionalId(this, i, `filters.${key}`, label);
		const qs = listQuery(
			{
				from: toBlikkDate(this, i, 'Date From', f.from),
				to: toBlikkDate(this, i, 'Date To', f.to),
				userIds: idList(this, i, 'User Names or IDs', f.userIds),
				projectId: id('projectId', 'Project ID'),
				internalProjectId: id('internalProjectId', 'Internal Project ID'),
				absenceProjectId: id('absenceProjectId', 'Absence Project ID'),
				contactId: id('contactId', 'Contact ID'),
				isSentToAttest: flag(f.isSentToAttest),
				isAttested: flag(f.isAttested),
				projectType: f.projectType,
			},
			this.getNodeParameter('options', i, {}) as IDataObject,
		);
		const rows = await listRecords(this, i, '/v1/Core/TimeReports', qs);
		return rows.map((row) => shaped(this, i, row));
	},
});
