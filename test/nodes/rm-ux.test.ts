/**
 * Resource Management for people who never write code (issue #15) and the shared shapes (issue #13):
 * subtitles in words, actions written as tasks, codex aliases the node picker searches, a hint instead of
 * "Error fetching options" without a credential, an output schema for every operation, one shape per
 * record kind, and Resource Management's error bodies read by its own profile.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { rmErrorMessage } from '../../packages/n8n-nodes-psa-resource-management/nodes/ResourceManagement/transport';
import { runLoadOptions } from '../harness/inprocess';
import { operationsOf, schemaFile } from '../harness/schema';
import {
	byId,
	credentialTypes,
	ok,
	ResourceManagement,
	ResourceManagementApi,
	ResourceManagementTrigger,
	startSandbox,
} from './rm.helpers';

const { sandbox, credentials } = startSandbox();
const st = () => sandbox().state() as unknown as Record<string, IDataObject[]>;
const description = new ResourceManagement().description;

function subtitleLabels(subtitle: string): Record<string, string> {
	const match = /^=\{\{ \((\{.*\})\)\[/.exec(subtitle);
	expect(match).not.toBeNull();
	return JSON.parse(match![1]) as Record<string, string>;
}

describe('findability and words', () => {
	test('the canvas subtitle is in words for every operation ("Log Time · Time Entry")', () => {
		const labels = subtitleLabels(description.subtitle!);
		expect(labels['timeEntry:create']).toBe('Log Time · Time Entry');
		expect(labels['approval:submit']).toBe('Submit for Approval · Approval');
		for (const { resource, operation } of operationsOf(description)) {
			expect(labels[`${resource}:${operation}`]).toMatch(/^[A-Z][A-Za-z ]+ · [A-Z][A-Za-z ()]+$/);
		}
		const trigger = new ResourceManagementTrigger().description.subtitle!;
		expect(trigger).toContain('"time.entry.created":"Time Entry Created"');
		expect(trigger).not.toContain('$parameter["events"].join');
	});

	test('every operation has an action written as a task; options sorted', () => {
		const actions: string[] = [];
		for (const prop of description.properties.filter((p) => p.name === 'operation')) {
			const options = prop.options as INodePropertyOptions[];
			expect(options.map((o) => o.name)).toEqual(
				[...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)),
			);
			for (const option of options) {
				expect(option.action).toMatch(/^[A-Z][a-z]/);
				actions.push(option.action!);
			}
		}
		expect(actions).toEqual(
			expect.arrayContaining([
				'Log time',
				'Submit time for approval',
				'Approve time',
				'Withdraw time from approval',
				'Correct logged time',
				'Delete logged time',
				'Log an expense',
				'Schedule a person on a project',
				'Find a person by email or name',
				'Find a project by name or code',
			]),
		);
		const resources = (
			description.properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[]
		).map((o) => o.name);
		expect(resources).toEqual([...resources].sort((a, b) => a.localeCompare(b)));
	});

	test("the codex carries what n8n's node picker searches (display name and codex alias)", () => {
		// n8n's editor (node creator `searchNodes`) matches the typed text against `displayName` and `codex.alias`.
		const codex = (file: string) =>
			JSON.parse(
				fs.readFileSync(
					path.join(
						__dirname,
						'../../packages/n8n-nodes-psa-resource-management/nodes/ResourceManagement',
						file,
					),
					'utf8',
				),
			) as IDataObject;
		const action = codex('ResourceManagement.node.json');
		const trigger = codex('ResourceManagementTrigger.node.json');
		const finds = (c: IDataObject, name: string, query: string) =>
			[name, ...(c.alias as string[])].some((a) => a.toLowerCase().includes(query));
		for (const query of [
			'log time',
			'timesheet',
			'time tracking',
			'time entry',
			'approval',
			'submit for approval',
			'resource planning',
			'10000ft',
			'smartsheet',
			'psa',
		]) {
			expect(finds(action, description.displayName, query)).toBe(true);
		}
		for (const query of ['new time entry', 'timesheet', '10000ft', 'smartsheet', 'psa']) {
			expect(finds(trigger, new ResourceManagementTrigger().description.displayName, query)).toBe(
				true,
			);
		}
		// The picker shows the action and its trigger as one entry and searches only the action's
		// aliases: the trigger's words must find the action node too.
		for (const query of [
			'new time entry',
			'hours logged',
			'approved',
			'new project',
			'new assignment',
			'new person',
			'webhook',
		]) {
			expect(finds(action, description.displayName, query)).toBe(true);
		}
		expect(
			(trigger.alias as string[]).filter((a) => !(action.alias as string[]).includes(a)),
		).toEqual([]);
		// Documentation links lead to the package README (what npm and n8n's credential dialog show).
		const readme =
			'https://github.com/n8n-nodes-psa/n8n-nodes-psa/tree/main/packages/n8n-nodes-psa-resource-management#readme';
		expect(new ResourceManagementApi().documentationUrl).toBe(readme);
		for (const c of [action, trigger])
			expect(Object.values(c.resources as IDataObject).flat()).toEqual([
				{ url: readme },
				{ url: readme },
			]);
		for (const c of [action, trigger]) {
			expect(c.categories).toEqual(['Productivity', 'HR']);
			expect((c.subcategories as IDataObject).Productivity).toEqual(
				expect.arrayContaining(['Time Tracking', 'Resource Planning']),
			);
		}
	});
});

describe('no credential chosen yet', () => {
	test('dropdowns and "From list" locators show a hint instead of failing, and send nothing', async () => {
		const hint = 'Choose a Resource Management credential above to see the list';
		const load = async (kind: 'loadOptions' | 'listSearch', method: string) =>
			await runLoadOptions({
				nodeType: new ResourceManagement(),
				kind,
				method,
				parameters: {},
				credentials: {},
				credentialTypes,
			});
		sandbox().resetStats();
		expect(await load('listSearch', 'searchUsers')).toEqual({
			results: [{ name: hint, value: '' }],
		});
		expect(await load('listSearch', 'searchProjects')).toEqual({
			results: [{ name: hint, value: '' }],
		});
		expect(await load('loadOptions', 'getStatusOptions')).toEqual([{ name: hint, value: '' }]);
		expect(sandbox().stats.requests).toBe(0);
	});
});

describe('output schemas', () => {
	test('every operation of the node has a schema file (nodes/ResourceManagement/__schema__/v1.0.0/<resource>/<operation>.json)', () => {
		const ops = operationsOf(description);
		expect(ops.length).toBeGreaterThanOrEqual(95);
		expect(
			ops.filter(
				({ resource, operation }) =>
					!fs.existsSync(schemaFile('ResourceManagement', resource, operation)),
			),
		).toEqual([]);
		for (const { resource, operation } of ops) {
			const schema = JSON.parse(
				fs.readFileSync(schemaFile('ResourceManagement', resource, operation), 'utf8'),
			) as { type: string; properties: IDataObject };
			expect(schema.type).toBe('object');
			expect(Object.keys(schema.properties).length).toBeGreaterThan(0);
		}
	});

	test('one shape per record kind: create, get, update, archive and get many output the same project and person fields', async () => {
		const keys = (o: IDataObject) => Object.keys(o).sort();
		const [created] = await ok(credentials(), {
			resource: 'project',
			operation: 'create',
			name: 'Shape test',
			starts_at: '2026-04-01',
			ends_at: '2026-04-30',
		});
		const [got] = await ok(credentials(), {
			resource: 'project',
			operation: 'get',
			projectId: byId(created.id as number),
		});
		const [updated] = await ok(credentials(), {
			resource: 'project',
			operation: 'update',
			projectId: byId(created.id as number),
			updateFields: { client: 'X' },
		});
		const [archived] = await ok(credentials(), {
			resource: 'project',
			operation: 'archive',
			projectId: byId(created.id as number),
		});
		const listed = (
			await ok(credentials(), {
				resource: 'project',
				operation: 'getAll',
				returnAll: true,
				filters: { with_archived: true },
			})
		).find((p) => p.id === created.id)!;
		for (const other of [got, updated, archived, listed])
			expect(keys(other)).toEqual(keys(created));

		const user = st().users.find((u) => !u.archived && !u.account_owner)!;
		const [person] = await ok(credentials(), {
			resource: 'user',
			operation: 'get',
			userId: byId(user.id as number),
		});
		const [changed] = await ok(credentials(), {
			resource: 'user',
			operation: 'update',
			userId: byId(user.id as number),
			updateFields: { location: 'Oslo' },
		});
		const [added] = await ok(credentials(), {
			resource: 'user',
			operation: 'create',
			firstName: 'Ada',
			lastName: 'Shape',
			email: 'ada.shape@example.com',
		});
		const [found] = await ok(credentials(), {
			resource: 'user',
			operation: 'search',
			searchBy: 'email',
			searchText: 'ada.shape@example.com',
			returnAll: true,
		});
		for (const other of [changed, added, found]) expect(keys(other)).toEqual(keys(person));

		const owner = st().users.find(
			(u) => !u.archived && !u.account_owner && u.license_type === 'licensed',
		)!;
		const open = st().projects.find((p) => !p.archived && !p.parent_id)!;
		const [logged] = await ok(credentials(), {
			resource: 'timeEntry',
			operation: 'create',
			userId: byId(owner.id as number),
			assignableType: 'project',
			projectId: byId(open.id as number),
			date: '2026-04-02',
			hours: 2,
		});
		const [entry] = await ok(credentials(), {
			resource: 'timeEntry',
			operation: 'get',
			timeEntryId: String(logged.id),
		});
		const [corrected] = await ok(credentials(), {
			resource: 'timeEntry',
			operation: 'update',
			timeEntryId: String(logged.id),
			updateFields: { hours: 3 },
		});
		const inList = (
			await ok(credentials(), {
				resource: 'timeEntry',
				operation: 'getAll',
				scope: 'user',
				scopeUserId: byId(owner.id as number),
				returnAll: true,
				filters: { from: '2026-04-02', to: '2026-04-02' },
			})
		).find((t) => t.id === logged.id)!;
		for (const other of [entry, corrected, inList]) expect(keys(other)).toEqual(keys(logged));
	});
});

describe("Resource Management's error bodies, read by its profile", () => {
	test.each([
		[{ message: 'The request body had invalid json' }, 'The request body had invalid json'],
		[
			{ message: 'TimeEntry 12 has changed since it was viewed' },
			'TimeEntry 12 has changed since it was viewed',
		],
		[{ error: 'Forbidden' }, 'Forbidden'],
		[
			{ errors: ['hours must be a number', { message: 'date is required' }] },
			'hours must be a number; date is required',
		],
		[
			{ message: 'Validation failed', errors: ['ends_at is before starts_at'] },
			'Validation failed ends_at is before starts_at',
		],
		[
			'<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>',
			'502 Bad Gateway',
		],
		['Service Unavailable', 'Service Unavailable'],
		['', undefined],
		[{ id: 3 }, undefined],
	])('%j → %s', (body, expected) => {
		expect(rmErrorMessage(body)).toBe(expected);
	});

	test("an error body reaches the user in the vendor's words, with the HTTP status and the row", async () => {
		sandbox().addFault({
			type: 'status',
			status: 422,
			method: 'POST',
			path: '/projects$',
			body: { errors: ['name has already been taken'] },
		});
		const r = await (
			await import('./rm.helpers')
		).run(
			credentials(),
			{ resource: 'project', operation: 'create', name: 'Dup' },
			undefined,
			true,
		);
		expect(r.json[0]).toEqual(
			expect.objectContaining({
				error: 'name has already been taken',
				httpCode: 422,
				row: 1,
				mayHaveBeenApplied: false,
			}),
		);
	});
});
