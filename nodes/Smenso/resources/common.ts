import { randomUUID } from 'crypto';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../../shared/validation';
import type { Tools } from '../engine';

const GUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export function show(resource: string, operation: string[]): { show: { resource: string[]; operation: string[] } } {
	return { show: { resource: [resource], operation } };
}

/** A project picked from a searchable list or given by its GUID. */
export function projectLocator(resource: string, operation: string[], options: { displayName?: string; description?: string } = {}): INodeProperties {
	return {
		displayName: options.displayName ?? 'Project',
		name: 'projectId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description ?? 'The smenso project',
		displayOptions: show(resource, operation),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchProjects', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e7737f60-d5a8-4b61-8cda-2ad51ccff4dd',
				validation: [{ type: 'regex', properties: { regex: GUID_REGEX, errorMessage: 'Not a GUID' } }],
			},
		],
	};
}

/** A task of the chosen project, from a searchable list or by GUID. */
export function taskLocator(resource: string, operation: string[], options: { name?: string; required?: boolean } = {}): INodeProperties {
	return {
		displayName: 'Task',
		name: options.name ?? 'taskId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: 'The task, listed from the chosen project',
		displayOptions: show(resource, operation),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTasks', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e7737f60-d5a8-4b61-8cda-2ad51ccff4dd',
				validation: [{ type: 'regex', properties: { regex: GUID_REGEX, errorMessage: 'Not a GUID' } }],
			},
		],
	};
}

/** A workspace member: from a list, by GUID, or by e-mail (smenso accepts both for users). */
export function memberLocator(resource: string, operation: string[], options: { name?: string; displayName?: string; description?: string } = {}): INodeProperties {
	return {
		displayName: options.displayName ?? 'Member',
		name: options.name ?? 'userId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description ?? 'The workspace member',
		displayOptions: show(resource, operation),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchMembers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e7737f60-d5a8-4b61-8cda-2ad51ccff4dd',
				validation: [{ type: 'regex', properties: { regex: GUID_REGEX, errorMessage: 'Not a GUID' } }],
			},
			{
				displayName: 'By E-Mail',
				name: 'email',
				type: 'string',
				placeholder: 'anna.schmidt@example.com',
				validation: [{ type: 'regex', properties: { regex: '^[^@\\s]+@[^@\\s]+$', errorMessage: 'Not an e-mail address' } }],
			},
		],
	};
}

/** Wait for Completion + Max Wait for every asynchronous write. */
export function waitFields(resource: string, operation: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait until smenso has processed the change (its ticket is finished) and return the outcome and, where possible, the saved record. Off: return the ticket ID at once.',
			displayOptions: show(resource, operation),
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWait',
			type: 'number',
			default: 120,
			typeOptions: { minValue: 1, maxValue: 3600 },
			description: 'How long to wait for the ticket before failing with its ID (the change may still finish later)',
			displayOptions: { show: { resource: [resource], operation, waitForCompletion: [true] } },
		},
	];
}

/** Options shared by writes: time zone override and, where the API takes arrays, the batch size. */
export function writeOptions(resource: string, operation: string[], batchable: boolean): INodeProperties {
	const options: INodeProperties[] = [];
	if (batchable) {
		options.push({
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			default: 500,
			typeOptions: { minValue: 1, maxValue: 5000 },
			description:
				'Input items for the same endpoint (and project) are sent together, this many per request: one request and one ticket instead of one per item. Each output item still gets its own result.',
		});
	}
	options.push({
		displayName: 'Time Zone Name or ID',
		name: 'timezone',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimezones' },
		default: '',
		description:
			'Time zone in which the dates are meant (sent as the Timezone header). Default: the credential\'s, else the n8n time zone. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	});
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(resource, operation),
		options,
	};
}

/** Case-insensitive "contains" on a few fields. */
export function matchesSearch(record: IDataObject, search: unknown, fields: string[]): boolean {
	const text = typeof search === 'string' ? search.trim().toLowerCase() : '';
	if (!text) return true;
	return fields.some((f) => String(record[f] ?? '').toLowerCase().includes(text));
}

/** Drops undefined and empty-string values (fields the user left empty). */
export function compact(record: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (value === undefined || value === '' || value === null) continue;
		out[key] = value;
	}
	return out;
}

/** An externalId set on create so that the record can be found again once its ticket is done. */
export function newExternalId(): string {
	return `n8n-${randomUUID()}`;
}

export function sameId(a: unknown, b: unknown): boolean {
	return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

/** End before start is refused before anything is sent. */
export function checkOrder(t: Tools, i: number, start: unknown, end: unknown, startLabel: string, endLabel: string): void {
	if (typeof start === 'string' && typeof end === 'string' && start && end && end < start) {
		throw invalidInput(t.ctx.getNode(), i, endLabel, `must not be before ${startLabel} (${end} < ${start})`);
	}
}
