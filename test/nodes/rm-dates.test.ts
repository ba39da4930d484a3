/** Dates from n8n date fields and expressions reach the API as YYYY-MM-DD. */
import { byId, ok, startSandbox } from './rm.helpers';

const { sandbox, credentials } = startSandbox();

test.each([
	['a date picker value', '2026-02-03T00:00:00', '2026-02-03'],
	['a date with an offset (the local day is kept)', '2026-02-03T23:30:00+02:00', '2026-02-03'],
	['an ISO string from a previous node', '={{ "2026-02-05" }}', '2026-02-05'],
	['{{ $now }} (a luxon DateTime)', '={{ $now }}', 'today'],
	['{{ $today.plus({ days: 1 }) }}', '={{ $today.plus({ days: 1 }) }}', 'tomorrow'],
	['a JS Date', '={{ new Date("2026-02-06T10:00:00Z") }}', '2026-02-06'],
])('Log Time accepts %s', async (_label, value, expected) => {
	const users = sandbox().state().users as unknown as Array<Record<string, unknown>>;
	const user = users.find((u) => u.license_type === 'licensed' && !u.archived && !u.account_owner)!;
	const project = (sandbox().state().projects as unknown as Array<Record<string, unknown>>).find(
		(p) => !p.parent_id && !p.archived,
	)!;
	const [entry] = await ok(credentials(), {
		resource: 'timeEntry',
		operation: 'create',
		userId: byId(user.id as number),
		assignableType: 'project',
		projectId: byId(project.id as number),
		date: value,
		hours: 1,
	});
	const now = new Date();
	const iso = (d: Date) => d.toISOString().slice(0, 10);
	const want =
		expected === 'today'
			? iso(now)
			: expected === 'tomorrow'
				? iso(new Date(now.getTime() + 86400000))
				: expected;
	expect(entry.date).toBe(want);
});
