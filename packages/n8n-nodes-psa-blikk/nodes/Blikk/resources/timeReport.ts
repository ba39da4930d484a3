import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput, requireNumber, requirePositiveInteger } from '../../../../shared';
import { returnAllLimit, simplifyOption } from '../../../../shared/kit';
import { blikkList, blikkRequest } from '../transport';
import { MERGE_HINT, locator, show, sortOptions } from './common';
import {
	idList,
	idParam,
	idValue,
	jsonParam,
	listOptions,
	listQuery,
	toBlikkClock,
	toBlikkDate,
	type Handler,
} from './util';

const R = 'timeReport';
export const STANDARD = 'standard';
const EXPR =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

function optionsField(
	name: string,
	displayName: string,
	method: string,
	description: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: method },
		default: '',
		description: `${description}. ${EXPR}.`,
		...extra,
	};
}

const sharedFields: INodeProperties[] = [
	{
		displayName: 'Additions (JSON)',
		name: 'additions',
		type: 'json',
		default: '[]',
		description: 'Time additions, e.g. [{"articleId": 14, "yesNo": null, "numberCount": 3}]',
	},
	{
		displayName: 'Allowance Report (JSON)',
		name: 'allowanceReport',
		type: 'json',
		default: '{}',
		description:
			'Only with a travel report, e.g. {"allowanceTypeId": 1, "description": "Lunch", "toBeInvoiced": true}',
	},
	{
		displayName: 'Break Minutes',
		name: 'breakMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Minutes on break; Blikk deducts them from the hours',
	},
	{
		displayName: 'Clock End',
		name: 'clockEnd',
		type: 'string',
		default: '',
		placeholder: '16:00',
		description: 'Time of day the work ended, "hh:mm" (24-hour clock)',
	},
	{
		displayName: 'Clock Start',
		name: 'clockStart',
		type: 'string',
		default: '',
		placeholder: '07:00',
		description: 'Time of day the work started, "hh:mm" (24-hour clock)',
	},
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'What was done; visible on the invoice',
	},
	{
		displayName: 'Equipments (JSON)',
		name: 'equipments',
		type: 'json',
		default: '[]',
		description: 'Equipment used, e.g. [{"hours": 4.5, "articleId": 10, "comment": "Lift"}]',
	},
	{
		displayName: 'Internal Comment',
		name: 'internalComment',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Not visible on the invoice',
	},
	{
		displayName: 'Invoiceable Hours',
		name: 'invoiceableHours',
		type: 'number',
		typeOptions: { numberPrecision: 2, minValue: 0 },
		default: 0,
		description: 'Hours to invoice (default: the same as Hours)',
	},
	{
		displayName: 'Materials (JSON)',
		name: 'materials',
		type: 'json',
		default: '[]',
		description:
			'Materials used, e.g. [{"articleId": 55, "title": "Screws", "units": 4, "unitPrice": 600}]',
	},
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'number',
		default: 0,
		description: 'The task the time was spent on',
	},
	{
		displayName: 'Travel Report (JSON)',
		name: 'travelReport',
		type: 'json',
		default: '{}',
		description: 'E.g. {"place": "Piteå-Luleå", "distance": 100, "toSalary": true}.',
	},
];

const codeFields = (withStandard: boolean): INodeProperties[] => [
	optionsField(
		'activityId',
		'Activity Name or ID',
		withStandard ? 'getActivitiesWithStandard' : 'getActivities',
		withStandard ? "The activity; by default the user's standard activity" : 'The activity',
	),
	optionsField(
		'timeArticleId',
		'Time Article Name or ID',
		withStandard ? 'getTimeArticlesWithStandard' : 'getTimeArticles',
		withStandard
			? "The time article; by default the user's standard time article, else the activity's preferred one"
			: 'The time article',
	),
	optionsField(
		'timeCodeId',
		'Time Code Name or ID',
		withStandard ? 'getTimeCodesWithStandard' : 'getTimeCodes',
		withStandard
			? "The time code; by default the activity's preferred time code, else the standard time code"
			: 'The time code',
	),
];

export const timeReportDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: show(R),
		default: 'create',
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a time report',
				description: 'Delete a time report (Blikk refuses when it is attested or invoiced)',
			},
			{ name: 'Get', value: 'get', action: 'Get a time report' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get time reports for a timesheet',
				description:
					'List time reports, e.g. a week’s timesheet or the ones waiting for approval (attest)',
			},
			{
				name: 'Log Time',
				value: 'create',
				action: 'Log time',
				description:
					'Log hours for a user on a project, internal project or absence (creates a time report)',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Correct logged time',
				description: 'Change only the fields you set on a time report (read, merge, write)',
			},
		],
	},
	locator(
		'timeReportId',
		'Time Report ID',
		'searchTimeReports',
		show(R, ['delete', 'get', 'update']),
	),
	locator('user', 'User', 'searchUsers', show(R, 'create'), { description: 'Whose time this is' }),
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
			{ name: 'Absence Project', value: 'absenceProject', description: 'Vacation, sick leave, …' },
			{ name: 'Internal Project', value: 'internalProject' },
			{ name: 'Project', value: 'project', description: 'A customer project' },
		],
	},
	locator('project', 'Project', 'searchProjects', {
		show: { resource: [R], operation: ['create'], projectType: ['project'] },
	}),
	optionsField(
		'internalProjectId',
		'Internal Project Name or ID',
		'getInternalProjects',
		'The internal project',
		{
			required: true,
			displayOptions: {
				show: { resource: [R], operation: ['create'], projectType: ['internalProject'] },
			},
		},
	),
	optionsField(
		'absenceProjectId',
		'Absence Project Name or ID',
		'getAbsenceProjects',
		'The absence project',
		{
			required: true,
			displayOptions: {
				show: { resource: [R], operation: ['create'], projectType: ['absenceProject'] },
			},
		},
	),
	...codeFields(true).map((f) => ({ ...f, default: STANDARD, displayOptions: show(R, 'create') })),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, 'create'),
		options: sharedFields,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(R, 'update'),
		hint: MERGE_HINT,
		options: (
			[
				...sharedFields,
				...codeFields(false),
				{
					displayName: 'Absence Project ID',
					name: 'absenceProjectId',
					type: 'number',
					default: 0,
					description: 'Move the report to this absence project',
				},
				{ displayName: 'Date', name: 'date', type: 'dateTime', default: '' },
				{
					displayName: 'Hours',
					name: 'hours',
					type: 'number',
					typeOptions: { numberPrecision: 2, minValue: 0, maxValue: 24 },
					default: 0,
				},
				{
					displayName: 'Internal Project ID',
					name: 'internalProjectId',
					type: 'number',
					default: 0,
					description: 'Move the report to this internal project',
				},
				{
					displayName: 'Project ID',
					name: 'projectId',
					type: 'number',
					default: 0,
					description: 'Move the report to this project',
				},
				{ displayName: 'User ID', name: 'userId', type: 'number', default: 0 },
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	...returnAllLimit(R, 'getAll', {}, { maxLimit: 100000 }),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(R, 'getAll'),
		options: [
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
	},
	{
		...simplifyOption(show(R, ['create', 'get', 'getAll', 'update'])),
		description:
			'Whether to return flat records (userId, userName, projectId, projectName, activityName, …) instead of Blikk’s raw data with nested references. The same shape for Log Time, Get, Get Many and Update.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(R, 'getAll'),
		options: sortOptions([
			'date',
			'userName',
			'hours',
			'invoiceableHours',
			'sentToAttestDate',
			'attestedDate',
			'createdDate',
			'updatedDate',
		]),
	},
];

/** Optional fields shared by log time and update, checked before anything is sent. */
function writeFields(ctx: IExecuteFunctions, i: number, f: IDataObject): IDataObject {
	const node = ctx.getNode();
	const out: IDataObject = {};
	if (f.date !== undefined) {
		const d = toBlikkDate(ctx, i, 'Date', f.date);
		if (!d) throw invalidInput(node, i, 'Date', 'is required');
		out.date = `${d} 00:00:00`;
	}
	if (f.hours !== undefined)
		out.hours = requireNumber(node, i, 'Hours', f.hours, { min: 0, max: 24 });
	if (f.invoiceableHours !== undefined)
		out.invoiceableHours = requireNumber(node, i, 'Invoiceable Hours', f.invoiceableHours, {
			min: 0,
			max: 24,
		});
	const start = toBlikkClock(ctx, i, 'Clock Start', f.clockStart);
	if (start !== undefined) out.clockStart = start;
	const end = toBlikkClock(ctx, i, 'Clock End', f.clockEnd);
	if (end !== undefined) out.clockEnd = end;
	if (f.breakMinutes !== undefined)
		out.breakMinutes =
			f.breakMinutes === '' || f.breakMinutes === null
				? null
				: requirePositiveIntegerOrZero(ctx, i, 'Break Minutes', f.breakMinutes);
	for (const key of ['comment', 'internalComment']) if (f[key] !== undefined) out[key] = f[key];
	if (f.userId !== undefined) out.userId = idValue(ctx, i, 'User ID', f.userId);
	for (const [key, label] of [
		['activityId', 'Activity'],
		['timeCodeId', 'Time Code'],
		['timeArticleId', 'Time Article'],
	]) {
		if (f[key] !== undefined && f[key] !== '' && f[key] !== STANDARD)
			out[key] = idValue(ctx, i, label, f[key]);
	}
	if (f.taskId !== undefined) out.taskId = idValue(ctx, i, 'Task ID', f.taskId) ?? null;
	for (const [key, label] of [
		['projectId', 'Project ID'],
		['internalProjectId', 'Internal Project ID'],
		['absenceProjectId', 'Absence Project ID'],
	]) {
		if (f[key] !== undefined && f[key] !== 0 && f[key] !== '')
			out[key] = idValue(ctx, i, label, f[key]);
	}
	const json: Array<[string, string, 'array' | 'object']> = [
		['materials', 'Materials (JSON)', 'array'],
		['equipments', 'Equipments (JSON)', 'array'],
		['additions', 'Additions (JSON)', 'array'],
		['travelReport', 'Travel Report (JSON)', 'object'],
		['allowanceReport', 'Allowance Report (JSON)', 'object'],
	];
	for (const [key, label, shape] of json) {
		const value = jsonParam(ctx, i, label, f[key]);
		if (value === undefined) continue;
		if (shape === 'array' && !Array.isArray(value))
			throw invalidInput(node, i, label, 'must be a JSON array');
		if (shape === 'object' && (typeof value !== 'object' || value === null || Array.isArray(value)))
			throw invalidInput(node, i, label, 'must be a JSON object');
		out[key] =
			shape === 'object' && Object.keys(value as IDataObject).length === 0
				? null
				: (value as IDataObject);
	}
	return out;
}

function requirePositiveIntegerOrZero(
	ctx: IExecuteFunctions,
	i: number,
	label: string,
	value: unknown,
): number {
	if (value === 0 || value === '0') return 0;
	return requirePositiveInteger(ctx.getNode(), i, label, value);
}

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

const refId = (v: unknown) => ((v as IDataObject | null)?.id as number | undefined) ?? undefined;

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
		? (
				await cached(
					ctx,
					'activities',
					async () =>
						await blikkList.call(
							ctx,
							{ method: 'GET', path: '/v1/Admin/Activities', itemIndex: i },
							{ returnAll: true },
						),
				)
			).find((a) => a.id === body.activityId)
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
			const codes = await cached(
				ctx,
				'timeCodes',
				async () =>
					await blikkList.call(
						ctx,
						{ method: 'GET', path: '/v1/Admin/TimeCodes', itemIndex: i },
						{ returnAll: true },
					),
			);
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

/** A time report as read (timereport.detail) → the body PUT expects. */
export function timeReportToWrite(r: IDataObject): IDataObject {
	const strip = (o: unknown) => {
		if (!o || typeof o !== 'object') return null;
		const copy = { ...(o as IDataObject) };
		delete copy.objectName;
		return copy;
	};
	const materials = ((r.materials as IDataObject[]) ?? []).map((m) => ({
		id: m.id,
		articleId: refId(m.article) ?? null,
		articleNumber: m.articleNumber ?? null,
		title: m.title ?? null,
		unitPrice: m.unitPrice ?? null,
		invoiceableUnitPrice: m.invoicableUnitPrice ?? null,
		units: m.units ?? null,
		invoiceableUnits: m.invoicableUnits ?? null,
		calculatedUnits: m.calculatedUnits ?? null,
		unitText: m.unitText ?? null,
		cost: m.cost ?? null,
		discountInPercent: m.discountInPercent ?? null,
		isTextOnly: false,
	}));
	const equipments = ((r.equipments as IDataObject[]) ?? []).map((e) => ({
		id: e.id,
		hours: e.hours,
		articleId: refId(e.article) ?? null,
		comment: e.comment ?? null,
	}));
	const additions = ((r.additions as IDataObject[]) ?? []).map((a) => ({
		id: a.id,
		articleId: refId(a.article) ?? null,
		yesNo: null,
		numberCount: a.salaryCount ?? null,
	}));
	const travel = r.travelReport as IDataObject | null;
	return {
		date: `${String(r.date).slice(0, 10)} 00:00:00`,
		clockStart: r.clockStart ?? null,
		clockEnd: r.clockEnd ?? null,
		hours: r.hours,
		invoiceableHours: r.invoiceableHours,
		breakMinutes: r.breakMinutes ?? null,
		comment: r.comment ?? null,
		internalComment: r.internalComment ?? null,
		userId: refId(r.user) ?? null,
		projectId: refId(r.project) ?? null,
		internalProjectId: refId(r.internalProject) ?? null,
		absenceProjectId: refId(r.absenceProject) ?? null,
		activityId: refId(r.activity) ?? null,
		timeCodeId: refId(r.timeCode) ?? null,
		timeArticleId: refId(r.timeArticle) ?? null,
		taskId: refId(r.task) ?? null,
		travelReport: travel
			? {
					place: travel.place ?? null,
					distance: travel.distance ?? null,
					invoiceableDistance: travel.invoicableDistance ?? null,
					toSalary: travel.toSalary ?? false,
					companyCar: strip(travel.companyCar),
				}
			: null,
		allowanceReport: r.allowanceReport ? strip(r.allowanceReport) : null,
		materials,
		equipments,
		additions,
	};
}

export const timeReportHandlers: Record<string, Handler> = {
	async create(i) {
		const node = this.getNode();
		const userId = idParam(this, i, 'user', 'User');
		const date = this.getNodeParameter('date', i, '') as string;
		if (!date) throw invalidInput(node, i, 'Date', 'is required');
		const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body: IDataObject = {
			...writeFields(this, i, {
				...additional,
				date,
				hours: this.getNodeParameter('hours', i),
				activityId: this.getNodeParameter('activityId', i, STANDARD),
				timeCodeId: this.getNodeParameter('timeCodeId', i, STANDARD),
				timeArticleId: this.getNodeParameter('timeArticleId', i, STANDARD),
			}),
			userId,
		};
		if (body.invoiceableHours === undefined) body.invoiceableHours = body.hours;
		if (body.breakMinutes === 0) delete body.breakMinutes;
		if (body.taskId === null) delete body.taskId;
		const projectType = this.getNodeParameter('projectType', i, 'project') as string;
		if (projectType === 'project') body.projectId = idParam(this, i, 'project', 'Project');
		else if (projectType === 'internalProject')
			body.internalProjectId =
				idValue(this, i, 'Internal Project', this.getNodeParameter('internalProjectId', i, '')) ??
				invalidId(this, i, 'Internal Project');
		else
			body.absenceProjectId =
				idValue(this, i, 'Absence Project', this.getNodeParameter('absenceProjectId', i, '')) ??
				invalidId(this, i, 'Absence Project');
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
	async get(i) {
		const id = idParam(this, i, 'timeReportId', 'Time Report ID');
		return shaped(
			this,
			i,
			await blikkRequest.call(this, {
				method: 'GET',
				path: `/v1/Core/TimeReports/${id}`,
				itemIndex: i,
				notFoundLabel: `Time report ${id}`,
			}),
		);
	},
	async update(i) {
		const id = idParam(this, i, 'timeReportId', 'Time Report ID');
		const changes = writeFields(
			this,
			i,
			this.getNodeParameter('updateFields', i, {}) as IDataObject,
		);
		const current = await blikkRequest.call(this, {
			method: 'GET',
			path: `/v1/Core/TimeReports/${id}`,
			itemIndex: i,
			notFoundLabel: `Time report ${id}`,
		});
		const body = { ...timeReportToWrite(current), ...changes };
		// Moving the report to another kind of project clears the other two.
		for (const key of ['projectId', 'internalProjectId', 'absenceProjectId']) {
			if (changes[key])
				for (const other of ['projectId', 'internalProjectId', 'absenceProjectId'])
					if (other !== key) body[other] = null;
		}
		return shaped(
			this,
			i,
			await blikkRequest.call(this, {
				method: 'PUT',
				path: `/v1/Core/TimeReports/${id}`,
				body,
				itemIndex: i,
				idempotent: true,
			}),
		);
	},
	async delete(i) {
		const id = idParam(this, i, 'timeReportId', 'Time Report ID');
		await blikkRequest.call(this, {
			method: 'DELETE',
			path: `/v1/Core/TimeReports/${id}`,
			itemIndex: i,
			idempotent: true,
		});
		return { id, deleted: true };
	},
	async getAll(i) {
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const flag = (v: unknown) => (v === 'true' ? true : v === 'false' ? false : undefined);
		const qs = listQuery(
			{
				from: toBlikkDate(this, i, 'Date From', f.from),
				to: toBlikkDate(this, i, 'Date To', f.to),
				userIds: idList(this, i, 'User Names or IDs', f.userIds),
				projectId: idValue(this, i, 'Project ID', f.projectId),
				internalProjectId: idValue(this, i, 'Internal Project ID', f.internalProjectId),
				absenceProjectId: idValue(this, i, 'Absence Project ID', f.absenceProjectId),
				contactId: idValue(this, i, 'Contact ID', f.contactId),
				isSentToAttest: flag(f.isSentToAttest),
				isAttested: flag(f.isAttested),
				projectType: f.projectType,
			},
			options,
		);
		const rows = await blikkList.call(
			this,
			{ method: 'GET', path: '/v1/Core/TimeReports', qs, itemIndex: i },
			listOptions(this, i),
		);
		return rows.map((row) => shaped(this, i, row));
	},
};

/** Simplify (default on) → one flat shape for every time report operation; off → Blikk's own record. */
function shaped(ctx: IExecuteFunctions, i: number, record: IDataObject): IDataObject {
	return (ctx.getNodeParameter('simplify', i, true) as boolean)
		? simplifyTimeReport(record)
		: record;
}

/** A reference to another record ({ id, name[, number] }), not a part of the report such as its travel report. */
function isReference(value: unknown): value is IDataObject {
	if (
		!value ||
		typeof value !== 'object' ||
		Array.isArray(value) ||
		!('id' in (value as IDataObject))
	)
		return false;
	return Object.keys(value as IDataObject).every((key) =>
		['objectName', 'id', 'name', 'number'].includes(key),
	);
}

/** A time report as one flat row: references become `<name>Id` / `<name>Name`, `objectName` goes. */
export function simplifyTimeReport(r: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(r)) {
		if (key === 'objectName') continue;
		if (isReference(value)) {
			const ref = value as IDataObject;
			out[`${key}Id`] = ref.id;
			out[`${key}Name`] = ref.name ?? null;
			if (ref.number !== undefined) out[`${key}Number`] = ref.number;
		} else if (
			value === null &&
			[
				'user',
				'project',
				'internalProject',
				'absenceProject',
				'contact',
				'activity',
				'timeCode',
				'timeArticle',
				'costCenter',
				'attestedByUser',
				'bookingProject',
				'task',
			].includes(key)
		) {
			out[`${key}Id`] = null;
			out[`${key}Name`] = null;
		} else {
			out[key] = value;
		}
	}
	return out;
}

function invalidId(ctx: IExecuteFunctions, i: number, label: string): never {
	throw invalidInput(ctx.getNode(), i, label, 'is required');
}

// ---------------------------------------------------------------- user day statistics
const S = 'userDayStatistic';

export const userDayStatisticDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: show(S),
		default: 'getAll',
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Compare reported and scheduled hours',
				description: 'Reported vs scheduled hours per user and day (max 31 days)',
			},
		],
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: show(S, 'getAll'),
		description: 'First day of the span',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: show(S, 'getAll'),
		description: 'Last day of the span (at most 31 days after From)',
	},
	...returnAllLimit(S, 'getAll', {}, { maxLimit: 100000 }),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(S, 'getAll'),
		options: [
			{
				displayName: 'Department IDs',
				name: 'departmentIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1,2',
				description: 'Only users in these departments (comma-separated IDs)',
			},
			{
				displayName: 'User Names or IDs',
				name: 'userIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: [],
				description:
					'Only these users. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(S, 'getAll'),
		options: sortOptions(['name']),
	},
];

export const userDayStatisticHandlers: Record<string, Handler> = {
	async getAll(i) {
		const from = toBlikkDate(this, i, 'From', this.getNodeParameter('from', i, ''));
		const to = toBlikkDate(this, i, 'To', this.getNodeParameter('to', i, ''));
		if (!from) throw invalidInput(this.getNode(), i, 'From', 'is required');
		if (!to) throw invalidInput(this.getNode(), i, 'To', 'is required');
		const days =
			(Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) /
			86400000;
		if (days < 0)
			throw invalidInput(this.getNode(), i, 'To', `must not be before From (${from.slice(0, 10)})`);
		if (days > 30)
			throw invalidInput(
				this.getNode(),
				i,
				'To',
				`the span may be at most 31 days; ${from.slice(0, 10)} to ${to.slice(0, 10)} is ${days + 1}`,
			);
		const f = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs = listQuery(
			{
				from: from.slice(0, 10),
				to: to.slice(0, 10),
				userIds: idList(this, i, 'User Names or IDs', f.userIds),
				departmentIds: idList(this, i, 'Department IDs', f.departmentIds),
			},
			this.getNodeParameter('options', i, {}) as IDataObject,
		);
		return await blikkList.call(
			this,
			{ method: 'GET', path: '/v1/Core/TimeReports/UserDayStatistics', qs, itemIndex: i },
			listOptions(this, i),
		);
	},
};
