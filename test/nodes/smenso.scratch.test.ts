import { createSmensoSandbox, run, rl } from './smenso.helpers';
const sandbox = createSmensoSandbox();
beforeAll(async () => { await sandbox.listen(); });
afterAll(async () => { await sandbox.close(); });
test('scratch', async () => {
	const project = sandbox.state().projects[0];
	const r = await run(sandbox, { resource: 'task', operation: 'create', projectId: rl(String(project.id)), title: '={{ $json.title }}', additionalFields: { startDate: '2026-03-01T09:00:00Z', endDate: '2026-03-02' } }, [{ title: 'A' }, { title: 'B' }]);
	console.log(r.error, JSON.stringify(r.items, null, 1).slice(0, 2000));
	console.log(sandbox.stats.byRoute, sandbox.counters);
	const g = await run(sandbox, { resource: 'task', operation: 'getAll', projectId: rl(String(project.id)), returnAll: true });
	console.log(g.error, g.items[0].length);
});
