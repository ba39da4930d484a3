import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readId, show } from '../../../../../shared/kit';
import { defineOperation } from '../../../../../shared/operation';
import { invalidInput } from '../../../../../shared/validation';
import { blikkList, blikkRequest } from '../../transport';
import { STANDARD, locator, refId } from '../common';
import {
	TIME_REPORT,
	codeFields,
	optionsField,
	sharedFields,
	simplifyField,
	writeFields,
} from './fields';
import { shaped } from './shape';

const R = TIME_REPORT;
const on = (projectType: string) => ({
	show: { resource: [R], operation: ['create'], projectType: [projectType] },
});

/** Per-execution cache of users and registers used to fill in standard codes. */
const lookups = new WeakMap<object, Map<string, Promise<unknown>>>();
function cached<T>(ctx: IExecuteFunctions, key: string, load: () => Promise<T>): Promise<T> {
	let map = lookups.get(ctx);
	if (!map) {
		map = new Map();
		lookups.set(ctx, map);
	}
	if (!map.has(key)) map.set(key, load());
	return map.get(key) as Promise<T>;
}

const registerOf = (ctx: IExecuteFunctions, i: number, path: string) =>
	cached(
		ctx,
		path,
		async () =>
			await blikkList.call(ctx, { method: 'GET', path, itemIndex: i }, { returnAll: true }),
	);

/**
 * Fills activity, time code and time article left at "standard":
 * - activity: the user's standard activity;
 * - time article: the user's standard time article, else the activity's preferred time article;
 * - time code: the activity's preferred time code, else the time code flagged as standard.
 */
async function resolveCodes(
	ctx: IExecuteFunctions,
	i: number,
	userId: number,
	body: IDataObject,
): Promise<void> {
	if (body.activityId && body.timeCodeId && body.timeArticleId) return;
	const user = await cached(
		ctx,
		`user:${userId}`,
		async () =>
			await blikkRequest.call(ctx, {
				method: 'GET',
				path: `/v1/Admin/Users/${userId}`,
				itemIndex: i,
			}),
	);
	if (!body.activityId) {
		body.activityId = refId(user.standardActivity);
		if (!body.activityId)
			throw invalidInput(
				ctx.getNode(),
				i,
				'Activity',
				`user ${userId} has no standard activity in Blikk: choose an activity`,
			);
	}
	const needActivity = !body.timeCodeId || !body.timeArticleId;
	const activity = needActivity
		? (await registerOf(ctx, i, '/v1/Admin/Activities')).find((a) => a.id === body.activityId)
		: undefined;
	if (!body.timeArticleId) {
		body.timeArticleId = refId(user.standardTimeArticle) ?? refId(activity?.preferredTimeArticle);
		if (!body.timeArticleId)
			throw invalidInput(
				ctx.getNode(),
				i,
				'Time Article',
				`user ${userId} has no standard time article and the activity has no preferred one: choose a time article`,
			);
	}
	if (!body.timeCodeId) {
		body.timeCodeId = refId(activity?.preferredTimeCode);
		if (!body.timeCodeId) {
			const codes = await registerOf(ctx, i, '/v1/Admin/TimeCodes');
			body.timeCodeId = codes.find((c) => c.isStandard === true && c.isActive !== false)?.id as
				number | undefined;
		}
		if (!body.timeCodeId)
			throw invalidInput(
				ctx.getNode(),
				i,
				'Time Code',
				'the activity has no preferred time code and Blikk has no standard time code: choose a time code',
			);
	}
}

/** Parameters of Log Time outside Additional Fields. */
const TOP_LEVEL = ['date', 'hours', 'activityId', 'timeCodeId', 'timeArticleId'];

/** Log Time: the operation value stays `create` (a time report is created). */
export const create = defineOperation({
	value: 'create',
	name: 'Log Time',
	action: 'Log time',
	description:
		'Log hours for a user on a project, internal project or absence (creates a time report)',
	readOnly: false,
	properties: [
		locator('user', 'User', 'searchUsers', show(R, 'create'), {
			description: 'Whose time this is',
		}),
		{
			displayName: 'Date',
			name: 'date',
			type: 'dateTime',
			default: '',
			required: true,
			displayOptions: show(R, 'create'),
			description: 'The day the time was worked',
		},
		{
			displayName: 'Hours',
			name: 'hours',
			type: 'number',
			typeOptions: { numberPrecision: 2, minValue: 0, maxValue: 24 },
			default: 8,
			required: true,
			displayOptions: show(R, 'create'),
		},
		{
			displayName: 'Report On',
			name: 'projectType',
			type: 'options',
			default: 'project',
			displayOptions: show(R, 'create'),
			options: [
				{
					name: 'Absence Project',
					value: 'absenceProject',
					description: 'Vacation, sick leave, …',
				},
				{ name: 'Internal Project', value: 'internalProject' },
				{ name: 'Project', value: 'project', description: 'A customer project' },
			],
		},
		locator('project', 'Project', 'searchProjects', on('project')),
		optionsField(
			'internalProjectId',
			'Internal Project Name or ID',
			'getInternalProjects',
			'The internal project',
			{ required: true, displayOptions: on('internalProject') },
		),
		optionsField(
			'absenceProjectId',
			'Absence Project Name or ID',
			'getAbsenceProjects',
			'The absence project',
			{ required: true, displayOptions: on('absenceProject') },
		),
		...codeFields(true).map((f) => ({
			...f,
			default: STANDARD,
			displayOptions: show(R, 'create'),
		})),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(R, 'create'),
			options: sharedFields,
		},
		simplifyField('create'),
	],
	async handler(this: IExecuteFunctions, i: number) {
		const node = this.getNode();
		const userId = readId(this, i, 'user', 'User');
		const date = this.getNodeParameter('date', i, '') as string;
		if (!date) throw invalidInput(node, i, 'Date', 'is required');
		const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const values: IDataObject = {
			...additional,
			date,
			hours: this.getNodeParameter('hours', i),
			activityId: this.getNodeParameter('activityId', i, STANDARD),
			timeCodeId: this.getNodeParameter('timeCodeId', i, STANDARD),
			timeArticleId: this.getNodeParameter('timeArticleId', i, STANDARD),
		};
		const at = (key: string) => (TOP_LEVEL.includes(key) ? key : `additionalFields.${key}`);
		const body: IDataObject = { ...writeFields(this, i, values, at), userId };
		if (body.invoiceableHours === undefined) body.invoiceableHours = body.hours;
		if (body.breakMinutes === 0) delete body.breakMinutes;
		if (body.taskId === null) delete body.taskId;
		const projectType = this.getNodeParameter('projectType', i, 'project') as string;
		if (projectType === 'project') body.projectId = readId(this, i, 'project', 'Project');
		else if (projectType === 'internalProject')
			body.internalProjectId = readId(this, i, 'internalProjectId', 'Internal Project');
		else body.absenceProjectId = readId(this, i, 'absenceProjectId', 'Absence Project');
		if (
			typeof body.clockStart === 'string' &&
			typeof body.clockEnd === 'string' &&
			body.clockEnd <= body.clockStart
		) {
			throw invalidInput(
				node,
				i,
				'Clock End',
				`must be after Clock Start (${body.clockStart}), got "${body.clockEnd}"`,
			);
		}
		await resolveCodes(this, i, userId, body);
		const created = await blikkRequest.call(this, {
			method: 'POST',
			path: '/v1/Core/TimeReports',
			body,
			itemIndex: i,
		});
		return shaped(this, i, created);
	},
});
