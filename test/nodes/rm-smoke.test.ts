import { ok, run, startSandbox, byId } from './rm.helpers';
const { sandbox, credentials } = startSandbox();
test('smoke', async () => {
	const users = await ok(credentials(), { resource: 'user', operation: 'getAll', returnAll: true });
	console.log(users.length, users[0]);
	const te = await ok(credentials(), { resource: 'timeEntry', operation: 'create', userId: byId(users[1].id as number), projectId: byId(154), date: '2026-02-03T00:00:00', hours: 3, additionalFields: { task: 'Design' } });
	console.log(te);
	const r = await run(credentials(), { resource: 'approval', operation: 'submit', approvableIds: String(te[0].id) });
	console.log(r.json, r.error?.message);
	console.log(sandbox().stats.log.slice(-5));
});
