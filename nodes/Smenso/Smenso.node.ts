import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeListSearchResult,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { vendorRequest } from '../shared/transport';
import { isGuid } from '../shared/validation';
import { runItems, type OperationHandler } from './engine';
import { absenceFields, absenceHandlers, absenceOperations } from './resources/absence';
import { projectFields, projectHandlers, projectOperations } from './resources/project';
import { reportFields, reportHandlers, reportOperations } from './resources/report';
import { statusReportFields, statusReportHandlers, statusReportOperations } from './resources/statusReport';
import { taskFields, taskHandlers, taskOperations } from './resources/task';
import { ticketFields, ticketHandlers, ticketOperations } from './resources/ticket';
import { timeRecordFields, timeRecordHandlers, timeRecordOperations } from './resources/timeRecord';
import { smensoProfile } from './transport';

const HANDLERS: Record<string, Record<string, OperationHandler>> = {
	absence: absenceHandlers,
	project: projectHandlers,
	report: reportHandlers,
	statusReport: statusReportHandlers,
	task: taskHandlers,
	ticket: ticketHandlers,
	timeRecord: timeRecordHandlers,
};

type Ctx = ILoadOptionsFunctions;

async function list(ctx: Ctx, path: string): Promise<IDataObject[]> {
	const body = await vendorRequest.call(ctx, smensoProfile, { method: 'GET', path });
	return Array.isArray(body) ? (body as IDataObject[]) : [];
}

function memberName(m: IDataObject): string {
	const name = [m.firstName, m.lastName].filter(Boolean).join(' ') || String(m.name ?? m.email ?? m.id);
	return m.email ? `${name} (${String(m.email)})` : name;
}

function filterBy<T extends { name: string }>(entries: T[], filter?: string): T[] {
	const text = (filter ?? '').trim().toLowerCase();
	return text ? entries.filter((e) => e.name.toLowerCase().includes(text)) : entries;
}

function currentProjectId(ctx: Ctx): string | undefined {
	const value = ctx.getCurrentNodeParameter('projectId', { extractValue: true });
	return typeof value === 'string' && isGuid(value) ? value : undefined;
}

export class Smenso implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'smenso',
		name: 'smenso',
		icon: { light: 'file:smenso.svg', dark: 'file:smenso.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Projects, tasks, time records, absences and status reports in smenso; waits for the asynchronous tickets and returns the outcome',
		defaults: { name: 'smenso' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'psaSmensoApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Absence', value: 'absence' },
					{ name: 'Project', value: 'project' },
					{ name: 'Report', value: 'report', description: 'Read-only exports of the Reporting API, as JSON or CSV' },
					{ name: 'Status Report', value: 'statusReport' },
					{ name: 'Task', value: 'task' },
					{ name: 'Ticket', value: 'ticket', description: 'The outcome of an asynchronous change' },
					{ name: 'Time Record', value: 'timeRecord' },
				],
				default: 'task',
			},
			absenceOperations,
			projectOperations,
			reportOperations,
			statusReportOperations,
			taskOperations,
			ticketOperations,
			timeRecordOperations,
			...absenceFields,
			...projectFields,
			...reportFields,
			...statusReportFields,
			...taskFields,
			...ticketFields,
			...timeRecordFields,
		],
	};

	methods = {
		loadOptions: {
			async getProjects(this: Ctx): Promise<INodePropertyOptions[]> {
				const projects = await list(this, 'integration/project/json');
				return projects
					.filter((p) => !p.isTemplate)
					.map((p) => ({ name: `${String(p.title)}${p.isArchived ? ' (archived)' : ''}`, value: String(p.id) }))
					.sort((a, b) => a.name.localeCompare(b.name));
			},
			async getProjectTemplates(this: Ctx): Promise<INodePropertyOptions[]> {
				const projects = await list(this, 'integration/project/json');
				return projects
					.filter((p) => p.isTemplate)
					.map((p) => ({ name: String(p.title), value: String(p.id) }))
					.sort((a, b) => a.name.localeCompare(b.name));
			},
			async getMembers(this: Ctx): Promise<INodePropertyOptions[]> {
				const members = await list(this, 'integration/settings/member/json');
				return members.map((m) => ({ name: memberName(m), value: String(m.id) })).sort((a, b) => a.name.localeCompare(b.name));
			},
			async getAbsenceTypes(this: Ctx): Promise<INodePropertyOptions[]> {
				const types = await list(this, 'integration/settings/absencetypes/json');
				return types
					.map((t) => ({ name: String(t.name ?? t.id), value: String(t.id ?? t.name), description: t.requiresApproval ? 'Needs approval' : undefined }))
					.sort((a, b) => a.name.localeCompare(b.name));
			},
			async getTimezones(this: Ctx): Promise<INodePropertyOptions[]> {
				const body = await vendorRequest.call(this, smensoProfile, { method: 'GET', path: 'integration/timezones/json' });
				const zones = Array.isArray(body) ? body : [];
				return zones
					.map((z) => (typeof z === 'string' ? z : String((z as IDataObject).id ?? (z as IDataObject).name ?? '')))
					.filter(Boolean)
					.map((z) => ({ name: z, value: z }));
			},
		},
		listSearch: {
			async searchProjects(this: Ctx, filter?: string): Promise<INodeListSearchResult> {
				const projects = await list(this, 'integration/project/json');
				const results = projects
					.filter((p) => !p.isTemplate)
					.map((p) => ({ name: `${String(p.title)}${p.number ? ` (${String(p.number)})` : ''}${p.isArchived ? ' – archived' : ''}`, value: String(p.id) }))
					.sort((a, b) => a.name.localeCompare(b.name));
				return { results: filterBy(results, filter) };
			},
			async searchTasks(this: Ctx, filter?: string): Promise<INodeListSearchResult> {
				const projectId = currentProjectId(this);
				if (!projectId) return { results: [] };
				const tasks = await list(this, `integration/task/json/${projectId}`);
				return { results: filterBy(tasks.map((t) => ({ name: String(t.title), value: String(t.id) })), filter) };
			},
			async searchMembers(this: Ctx, filter?: string): Promise<INodeListSearchResult> {
				const members = await list(this, 'integration/settings/member/json');
				const results = members.map((m) => ({ name: memberName(m), value: String(m.id) })).sort((a, b) => a.name.localeCompare(b.name));
				return { results: filterBy(results, filter) };
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runItems(this, (resource, operation) => HANDLERS[resource]?.[operation]);
	}
}
