import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readOptionalId } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { idList, listFields, listQuery, listRecords, toBlikkDateTime } from '../common';
import { TASK } from './fields';

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get tasks',
	readOnly: true,
	properties: listFields(
		TASK,
		['createdDate', 'title', 'startDate', 'endDate'],
		[
			{
				displayName: 'Board Column Name or ID',
				name: 'taskBoardColumnId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTaskBoardColumns' },
				default: '',
				description:
					'Only tasks in this task board column. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Board Name or ID',
				name: 'taskBoardId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTaskBoards' },
				default: '',
				description:
					'Only tasks on this task board ("No Board" = tasks on no board). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Created By User Names or IDs',
				name: 'createdByUserIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: [],
				description:
					'Only tasks created by any of these users. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'End Date Before',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Only tasks that have an end date on or before this',
			},
			{
				displayName: 'Member Names or IDs',
				name: 'memberIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: [],
				description:
					'Only tasks that have any of these members. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Start Date From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Only tasks that have a start date on or after this',
			},
			{
				displayName: 'Task IDs',
				name: 'taskIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12,15,20',
				description: 'Only these tasks (comma-separated IDs)',
			},
			{
				displayName: 'Title Contains',
				name: 'titleContains',
				type: 'string',
				default: '',
				placeholder: 'e.g. kitchen',
				description:
					'Only tasks whose title contains this text (any case). Blikk has no text search for tasks: the node filters page by page and stops reading once Limit tasks match.',
			},
		],
	),
	async handler(this: IExecuteFunctions, i: number) {
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		// "No Board" is -1; any other board is a Blikk ID.
		const board =
			f.taskBoardId === undefined || f.taskBoardId === '' || f.taskBoardId === 0
				? undefined
				: Number(f.taskBoardId) === -1
					? -1
					: readOptionalId(this, i, 'filters.taskBoardId', 'Board');
		const qs = listQuery(
			{
				from: toBlikkDateTime(this, i, 'Start Date From', f.from),
				to: toBlikkDateTime(this, i, 'End Date Before', f.to),
				memberIds: idList(this, i, 'Member Names or IDs', f.memberIds),
				createdByUserIds: idList(this, i, 'Created By User Names or IDs', f.createdByUserIds),
				taskIds: idList(this, i, 'Task IDs', f.taskIds),
				taskBoardId: board,
				taskBoardColumnId: readOptionalId(this, i, 'filters.taskBoardColumnId', 'Board Column'),
			},
			this.getNodeParameter('options', i, {}) as IDataObject,
		);
		const text = String(f.titleContains ?? '')
			.trim()
			.toLowerCase();
		const filter = text
			? (t: IDataObject) =>
					String(t.title ?? '')
						.toLowerCase()
						.includes(text)
			: undefined;
		return await listRecords(this, i, '/v1/Core/Tasks', qs, filter);
	},
});
