/**
 * Resource Management Trigger, in process: webhook lifecycle (checkExists / create / delete) with real
 * HookContexts against the sandbox, and delivery — the sandbox posts `{ type, data }` to a local
 * receiver that hands each request to the node's `webhook` method through a real WebhookContext.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runHook, runWebhook } from '../harness/inprocess';
import { credentialTypes, ResourceManagementTrigger, startSandbox } from './rm.helpers';

const { sandbox, credentials } = startSandbox({ allowHttpLoopback: true });

type Delivery = { body: IDataObject; result: Awaited<ReturnType<typeof runWebhook>> };
let receiver: http.Server;
let hookUrl: string;
const deliveries: Delivery[] = [];
let parameters: INodeParameters = { events: [] };
let staticData: IDataObject = {};

beforeAll(async () => {
	// Stands in for n8n's webhook endpoint: each POST runs the trigger's webhook method.
	receiver = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', async () => {
			const body = JSON.parse(raw || '{}');
			const result = await runWebhook({
				nodeType: new ResourceManagementTrigger(),
				parameters,
				credentials: { psaResourceManagementApi: credentials() as never },
				credentialTypes,
				body,
				staticData,
			});
			deliveries.push({ body, result });
			res.writeHead(result.response.statusCode || 200);
			res.end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook/test-webhook-id/webhook`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
beforeEach(() => {
	deliveries.length = 0;
	staticData = {};
	sandbox().config.allowHttpLoopback = true;
});

async function hook(
	name: 'checkExists' | 'create' | 'delete',
	params: INodeParameters,
	url = hookUrl,
) {
	const r = await runHook({
		nodeType: new ResourceManagementTrigger(),
		hook: name,
		parameters: params,
		credentials: { psaResourceManagementApi: credentials() as never },
		credentialTypes,
		webhookUrl: url,
		staticData,
	});
	staticData = r.staticData;
	return r;
}

const webhooks = () => sandbox().state().webhooks as unknown as IDataObject[];
// Returns as soon as the check holds; the long ceiling only matters on a busy machine.
const waitFor = async (check: () => boolean, ms = 30000) => {
	const until = Date.now() + ms;
	while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
};
async function api(method: string, path: string, body?: unknown) {
	const res = await fetch(`${sandbox().url}/api/v1${path}`, {
		method,
		headers: { auth: sandbox().token, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await res.json()) as IDataObject;
}

test('create registers one webhook per event, keeps ids in static data; checkExists finds them by URL; delete removes them', async () => {
	parameters = { events: ['time.entry.created', 'project.updated'] };
	expect((await hook('checkExists', parameters)).result).toBe(false);
	await hook('create', parameters);
	expect(webhooks().map((w) => [w.event_type, w.url])).toEqual([
		['time.entry.created', hookUrl],
		['project.updated', hookUrl],
	]);
	expect(staticData.webhookIds).toEqual(
		Object.fromEntries(webhooks().map((w) => [w.event_type, w.id])),
	);
	// Static data lost (n8n 1.x restart): checkExists still finds ours by URL and never duplicates.
	staticData = {};
	expect((await hook('checkExists', parameters)).result).toBe(true);
	expect(webhooks()).toHaveLength(2);
	// Another workflow's webhook on the same event is left alone.
	await api('POST', '/webhooks', {
		event_type: 'time.entry.created',
		url: 'https://other.example.com/hook',
	});
	staticData = {};
	await hook('delete', parameters);
	expect(webhooks().map((w) => w.url)).toEqual(['https://other.example.com/hook']);
	expect(staticData.webhookIds).toBeUndefined();
});

test('changing the selected events: checkExists says no, create adds the new and removes the dropped', async () => {
	await hook('create', { events: ['user.created', 'user.updated'] });
	const next = { events: ['user.updated', 'assignment.created'] };
	expect((await hook('checkExists', next)).result).toBe(false);
	await hook('create', next);
	expect(
		webhooks()
			.map((w) => w.event_type)
			.sort(),
	).toEqual(['assignment.created', 'user.updated']);
	await hook('delete', next);
	expect(webhooks()).toHaveLength(0);
});

test('the 10-per-event-type limit is a clear error and nothing is left half-registered', async () => {
	for (let k = 0; k < 10; k++)
		await api('POST', '/webhooks', {
			event_type: 'project.created',
			url: `https://other.example.com/${k}`,
		});
	const r = await runHook({
		nodeType: new ResourceManagementTrigger(),
		hook: 'create',
		parameters: { events: ['user.created', 'project.created'] },
		credentials: { psaResourceManagementApi: credentials() as never },
		credentialTypes,
		webhookUrl: hookUrl,
	}).catch((error: Error) => ({ error }));
	expect((r as { error: Error }).error.message).toBe(
		'Resource Management already has 10 webhooks for "project.created", its limit per event type',
	);
	expect(webhooks().filter((w) => w.url === hookUrl)).toHaveLength(0);
});

test('a plain-http n8n URL is refused with advice about WEBHOOK_URL', async () => {
	sandbox().config.allowHttpLoopback = false;
	const r = await runHook({
		nodeType: new ResourceManagementTrigger(),
		hook: 'create',
		parameters: { events: ['user.created'] },
		credentials: { psaResourceManagementApi: credentials() as never },
		credentialTypes,
		webhookUrl: hookUrl,
	}).catch((error: Error & { description?: string }) => ({ error }));
	const error = (r as { error: Error & { description?: string } }).error;
	expect(error.message).toMatch(/refused the webhook URL/);
	expect(error.description).toMatch(/WEBHOOK_URL/);
});

test('delivery: sandbox writes arrive as { type, data } items; other event types are ignored with a 200', async () => {
	parameters = { events: ['time.entry.created', 'project.created'] };
	await hook('create', parameters);
	// Someone else's webhook on project.updated posts to our URL too: must not start a run.
	await api('POST', '/webhooks', { event_type: 'project.updated', url: hookUrl });
	const p = await api('POST', '/projects', { name: 'Delivered' });
	await api('PUT', `/projects/${String(p.id)}`, { name: 'Delivered 2' });
	const user = (sandbox().state().users as unknown as IDataObject[]).find(
		(u) => u.license_type === 'licensed' && !u.archived && !u.account_owner,
	)!;
	const t = await api('POST', `/users/${String(user.id)}/time_entries`, {
		assignable_id: p.id,
		date: '2026-02-02',
		hours: 2,
	});
	await waitFor(() => deliveries.length >= 3);
	const started = deliveries.filter((d) => d.result.workflowData);
	expect(started.map((d) => d.result.workflowData![0][0].json)).toEqual([
		{ type: 'project.created', data: expect.objectContaining({ id: p.id, name: 'Delivered' }) },
		{ type: 'time.entry.created', data: expect.objectContaining({ id: t.id, hours: 2 }) },
	]);
	const ignored = deliveries.find((d) => d.body.type === 'project.updated')!;
	expect(ignored.result.workflowData).toBeUndefined();
	expect(ignored.result.webhookResponse).toEqual({ received: true, ignored: true });
	expect(ignored.result.response.statusCode).toBe(200);
	// The sandbox saw 200s (never a 410 that would unsubscribe us).
	expect((sandbox().deliveries() as IDataObject[]).every((d) => d.status === 200)).toBe(true);
	expect(new ResourceManagementTrigger().description.webhooks![0]).toEqual(
		expect.objectContaining({ responseMode: 'onReceived', responseData: 'noData' }),
	);
});

test('Fetch Full Record answers first, then re-reads the object with the chosen fields', async () => {
	parameters = { events: ['user.updated'], fetchFull: true, fields: ['tags', 'subtasks'] };
	await hook('create', parameters);
	const user = (sandbox().state().users as unknown as IDataObject[])[2];
	await api('PUT', `/users/${String(user.id)}`, { last_name: 'Refetched' });
	await waitFor(() => deliveries.length >= 1);
	const [d] = deliveries;
	expect(d.result.noWebhookResponse).toBe(true);
	expect(d.result.response.ended).toBe(true);
	expect(d.result.response.statusCode).toBe(200);
	const item = d.result.workflowData![0][0].json;
	expect(item.type).toBe('user.updated');
	expect((item.data as IDataObject).last_name).toBe('Refetched');
	expect((item.data as IDataObject).tags).toEqual(
		expect.objectContaining({ data: expect.any(Array) }),
	);
	// Only the fields a user supports were asked for.
	expect(
		(sandbox().stats.log as IDataObject[]).some(
			(l) => l.path === `/api/v1/users/${String(user.id)}`,
		),
	).toBe(true);
	expect((item.data as IDataObject).subtasks).toBeUndefined();
	// A delivery for an object that no longer exists still emits the payload, with the reason.
	const direct = await runWebhook({
		nodeType: new ResourceManagementTrigger(),
		parameters,
		credentials: { psaResourceManagementApi: credentials() as never },
		credentialTypes,
		body: { type: 'user.updated', data: { id: 999999 } },
	});
	expect(direct.workflowData![0][0].json).toEqual(
		expect.objectContaining({
			type: 'user.updated',
			data: { id: 999999 },
			fetchError: expect.stringMatching(/not found/),
		}),
	);
});
