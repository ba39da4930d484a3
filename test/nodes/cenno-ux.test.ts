/**
 * Cenno for people who never write code (issue #15) and the shared shapes (issue #13): subtitles in
 * words, task-like actions, codex aliases the node picker searches, a hint instead of "Error fetching
 * options" without a credential, an output schema for every operation, Cenno's error bodies read by the
 * profile, and Get Many with filters + Limit making exactly one request.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { operationTable, readOnlyTable } from '../../packages/shared/operation';
import { RESOURCES } from '../../packages/n8n-nodes-psa-cenno/nodes/Cenno/actions';
import { Cenno } from '../../packages/n8n-nodes-psa-cenno/nodes/Cenno/Cenno.node';
import { CennoTrigger } from '../../packages/n8n-nodes-psa-cenno/nodes/Cenno/CennoTrigger.node';
import { cennoErrorMessage } from '../../packages/n8n-nodes-psa-cenno/nodes/Cenno/transport';
import { operationsOf, schemaFile } from '../harness/schema';
import { createCennoSandbox, loadOptions, rl, run, type CennoSandbox } from './cenno.helpers';

let sandbox: CennoSandbox;

// Generous: these tests assert behaviour, never speed, and must pass on a busy machine (issue #11.7).
jest.setTimeout(60_000);

beforeAll(async () => {
	sandbox = createCennoSandbox();
	await sandbox.listen();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const description = new Cenno().description;

/** The subtitle expression's label map (`={{ ({...})[resource + ":" + operation] ?? … }}`). */
function subtitleLabels(subtitle: string): Record<string, string> {
	const match = /^=\{\{ \((\{.*\})\)\[/.exec(subtitle);
	expect(match).not.toBeNull();
	return JSON.parse(match![1]) as Record<string, string>;
}

describe('findability and words', () => {
	it('the canvas subtitle is in words for every operation ("Log Time · Time Entry")', () => {
		const labels = subtitleLabels(description.subtitle!);
		expect(labels['timeEntry:create']).toBe('Log Time · Time Entry');
		expect(labels['item:getAll']).toBe('Get Many · Item (Task)');
		for (const { resource, operation } of operationsOf(description)) {
			expect(labels[`${resource}:${operation}`]).toMatch(/^[A-Z][A-Za-z ]+ · [A-Z][A-Za-z ()]+$/);
		}
		const trigger = new CennoTrigger().description.subtitle!;
		expect(trigger).toContain('"newTimeEntry":"New Time Entry"');
	});

	it('every operation has an action written as a task, sorted options', () => {
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
				'Update logged time',
				'Delete logged time',
				'Get many time entries (timesheet)',
			]),
		);
	});

	it("the codex carries what n8n's node picker searches (display name and codex alias)", () => {
		// n8n's editor (NodeCreator utils `searchNodes`) matches the filter against `displayName` and `codex.alias`.
		const codex = (file: string) =>
			JSON.parse(
				fs.readFileSync(
					path.join(__dirname, '../../packages/n8n-nodes-psa-cenno/nodes/Cenno', file),
					'utf8',
				),
			) as IDataObject;
		const action = codex('Cenno.node.json');
		const trigger = codex('CennoTrigger.node.json');
		const finds = (c: IDataObject, query: string) =>
			[String(description.displayName), ...(c.alias as string[])].some((a) =>
				a.toLowerCase().includes(query),
			);
		for (const query of [
			'log time',
			'timesheet',
			'time tracking',
			'time entry',
			'psa',
			'project management',
		]) {
			expect(finds(action, query)).toBe(true);
		}
		for (const query of ['new time entry', 'timesheet', 'psa'])
			expect(finds(trigger, query)).toBe(true);
		// The picker shows the node and its trigger as one entry and searches only the action's aliases:
		// the trigger's words must find it too.
		for (const query of [
			'new time entry',
			'hours logged',
			'new project',
			'new task',
			'new item',
			'task updated',
			'item changed',
			'time entry updated',
			...(trigger.alias as string[]),
		])
			expect(finds(action, query.toLowerCase())).toBe(true);
		const readme =
			'https://github.com/n8n-nodes-psa/n8n-nodes-psa/tree/main/packages/n8n-nodes-psa-cenno#readme';
		for (const c of [action, trigger]) {
			expect(c.resources).toEqual({
				credentialDocumentation: [{ url: readme }],
				primaryDocumentation: [{ url: readme }],
			});
		}
		for (const c of [action, trigger]) {
			expect(c.categories).toEqual(['Productivity']);
			expect(c.subcategories).toEqual({ Productivity: ['Project Management', 'Time Tracking'] });
		}
	});
});

describe('one declaration per operation', () => {
	it('every read is marked read-only, every write is not (whatever its HTTP method)', () => {
		expect(readOnlyTable(RESOURCES)).toEqual({
			category: { get: true, getAll: true },
			company: { get: true, getAll: true },
			item: { get: true, getAll: true },
			project: { get: true, getAll: true },
			timeEntry: { create: false, update: false, getAll: true, get: true, delete: false },
			user: { get: true, getAll: true },
		});
	});

	it('the dropdowns list exactly the operations the router runs', () => {
		const routed = Object.entries(operationTable(RESOURCES)).flatMap(([resource, ops]) =>
			Object.keys(ops).map((operation) => `${resource}:${operation}`),
		);
		const listed = operationsOf(description).map((o) => `${o.resource}:${o.operation}`);
		expect([...listed].sort()).toEqual([...routed].sort());
	});
});

describe('no credential chosen yet', () => {
	it('dropdowns and lists show a hint instead of failing, and send nothing', async () => {
		const hint = 'Choose a Cenno credential above first: the list loads from your Cenno account';
		expect(
			await loadOptions(sandbox, 'loadOptions', 'getItems', {}, undefined, 'action', false),
		).toEqual([{ name: hint, value: '' }]);
		expect(
			await loadOptions(sandbox, 'listSearch', 'searchProjects', {}, undefined, 'action', false),
		).toEqual({ results: [{ name: hint, value: '' }] });
		expect(
			await loadOptions(sandbox, 'loadOptions', 'getProjects', {}, undefined, 'trigger', false),
		).toEqual([{ name: hint, value: '' }]);
		expect(sandbox.stats.requests).toBe(0);
	});
});

describe('output schemas', () => {
	it('every operation of the Cenno node has a schema file (nodes/Cenno/__schema__/v1.0.0/<resource>/<operation>.json)', () => {
		const ops = operationsOf(description);
		expect(ops.length).toBe(15);
		const missing = ops.filter(
			({ resource, operation }) => !fs.existsSync(schemaFile('Cenno', resource, operation)),
		);
		expect(missing).toEqual([]);
		for (const { resource, operation } of ops) {
			const schema = JSON.parse(
				fs.readFileSync(schemaFile('Cenno', resource, operation), 'utf8'),
			) as { type: string; properties: IDataObject };
			expect(schema.type).toBe('object');
			expect(Object.keys(schema.properties)).toContain('id');
		}
	});

	it('one shape per record kind: Log Time, Get, Update and Get Many output the same time entry fields', async () => {
		const created = (
			await run(sandbox, {
				resource: 'timeEntry',
				operation: 'create',
				projectId: rl(1274),
				userId: rl(1178),
				date: '2026-03-02',
				hours: 1,
			})
		).items[0][0].json;
		const got = (
			await run(sandbox, {
				resource: 'timeEntry',
				operation: 'get',
				timeEntryId: rl(created.id as number),
			})
		).items[0][0].json;
		const updated = (
			await run(sandbox, {
				resource: 'timeEntry',
				operation: 'update',
				timeEntryId: rl(created.id as number),
				updateFields: { hours: 2 },
			})
		).items[0][0].json;
		const listed = (
			await run(sandbox, { resource: 'timeEntry', operation: 'getAll', returnAll: true })
		).items[0]
			.map((i) => i.json)
			.find((e) => e.id === created.id)!;
		const keys = (o: IDataObject) => Object.keys(o).sort();
		expect(keys(got)).toEqual(keys(created));
		expect(keys(updated)).toEqual(keys(created));
		expect(keys(listed)).toEqual(keys(created));
	});
});

describe("Cenno's error bodies, read by the Cenno profile", () => {
	it.each([
		[{ hours: ['must be greater than 0'] }, 422, 'hours: must be greater than 0'],
		[
			{ hours: ["can't be blank", 'is not a number'], date: ['is not a valid date'] },
			422,
			"hours: can't be blank, is not a number; date: is not a valid date",
		],
		[
			{ base: ['Time entries of a closed project cannot be changed'] },
			422,
			'Time entries of a closed project cannot be changed',
		],
		[{ errors: { user_id: ['is invalid'] } }, 422, 'user_id: is invalid'],
		[
			{ error: 'param is missing or the value is empty: time_entry' },
			400,
			'param is missing or the value is empty: time_entry',
		],
		['HTTP Basic: Access denied.\n', 401, 'HTTP Basic: Access denied.'],
		[
			"<html><head><title>We're sorry, but something went wrong (500)</title></head><body><h1>x</h1></body></html>",
			500,
			"We're sorry, but something went wrong (500)",
		],
		['', 404, undefined],
		[{ id: 1, crypted_password: ['x'], email: 'a@b.c' }, 403, undefined],
		[{ password_salt: ['secret-salt'] }, 422, undefined],
	])('%j (HTTP %i) → %s', (body, _status, expected) => {
		expect(cennoErrorMessage(body)).toBe(expected);
	});
});

describe('Get Many: filters and Limit through the list layer', () => {
	it('Limit 5 with filters makes exactly one request and returns the first five matches', async () => {
		const r = await run(sandbox, {
			resource: 'timeEntry',
			operation: 'getAll',
			limit: 5,
			filters: { billable: true },
		});
		const expected = sandbox
			.state()
			.time_entries.filter((e) => e.billable === true)
			.slice(0, 5)
			.map((e) => e.id);
		expect(r.items[0].map((i) => i.json.id)).toEqual(expected);
		expect(sandbox.stats.requests).toBe(1);
	});

	it('the item dropdown for a chosen project makes one request (no project lookup)', async () => {
		await loadOptions(sandbox, 'loadOptions', 'getItems', {
			resource: 'timeEntry',
			operation: 'create',
			projectId: rl(1276, 'list'),
		});
		expect(sandbox.stats.requests).toBe(1);
	});
});

describe('messages follow the chosen mode', () => {
	it('an empty record field says what to do in the mode the user chose', async () => {
		const base = {
			resource: 'timeEntry',
			operation: 'create',
			userId: rl(1178),
			date: '2026-03-02',
			hours: 1,
		};
		const list = await run(sandbox, {
			...base,
			projectId: { __rl: true, mode: 'list', value: '' },
		});
		expect(list.error?.message).toBe(
			'Project: is required: choose a project from the list (row 1)',
		);
		const byId = await run(sandbox, { ...base, projectId: { __rl: true, mode: 'id', value: '' } });
		expect(byId.error?.message).toBe(
			"Project: is required: enter the project's ID (a whole number) (row 1)",
		);
		const wrong = await run(sandbox, { ...base, projectId: rl('Website') });
		expect(wrong.error?.message).toBe(
			'Project: must be a positive whole number, got "Website" (row 1)',
		);
		expect(sandbox.stats.requests).toBe(0);
	});
});
