/**
 * Every operation that sends a POST, per vendor, and whether it only reads (issue #19 point 3). A read
 * sent as POST (a report, a search) must be declared `readOnly`: the execute loop's checking pass then
 * lets it finish, and a failure on it never says "may have been applied". Everything else that POSTs
 * writes. The lists are written out by hand (each vendor's actions, read); the test fails when a
 * declaration disagrees, when a listed operation no longer exists, or when an operation whose handler
 * names POST itself is missing from its vendor's list.
 */
import type { ResourceDefinition } from '../../packages/shared/operation';
import { readOnlyTable } from '../../packages/shared/operation';
import { RESOURCES as blikk } from '../../packages/n8n-nodes-psa-blikk/nodes/Blikk/actions';
import { RESOURCES as cenno } from '../../packages/n8n-nodes-psa-cenno/nodes/Cenno/actions';
import { RESOURCES as rm } from '../../packages/n8n-nodes-psa-resource-management/nodes/ResourceManagement/actions';
import { RESOURCES as smenso } from '../../packages/n8n-nodes-psa-smenso/nodes/Smenso/actions';

type Kind = 'read' | 'write';

const POST_OPERATIONS: Record<
	string,
	{ resources: ResourceDefinition[]; post: Record<string, Kind> }
> = {
	blikk: {
		resources: blikk,
		post: {
			'contact:create': 'write',
			'task:create': 'write',
			'taskAttachment:upload': 'write',
			'taskChecklist:create': 'write',
			'taskComment:create': 'write',
			'timeReport:create': 'write',
		},
	},
	cenno: {
		resources: cenno,
		post: { 'timeEntry:create': 'write' },
	},
	rm: {
		resources: rm,
		post: {
			'approval:approve': 'write',
			'approval:submit': 'write',
			'assignment:create': 'write',
			'availability:create': 'write',
			'billRate:create': 'write',
			'budgetItem:create': 'write',
			'customField:create': 'write',
			'customFieldValue:create': 'write',
			'expenseItem:create': 'write',
			'phase:create': 'write',
			'placeholderResource:create': 'write',
			'project:create': 'write',
			// Reports are sent as POST (a query in the body) and change nothing.
			'report:getRows': 'read',
			'report:getTotals': 'read',
			'statusOption:create': 'write',
			'subtask:create': 'write',
			'tag:add': 'write',
			'timeEntry:create': 'write',
			'user:create': 'write',
			'userStatus:create': 'write',
			'webhook:create': 'write',
		},
	},
	smenso: {
		resources: smenso,
		post: {
			'absence:create': 'write',
			'absenceType:create': 'write',
			'attachment:upload': 'write',
			'comment:addToStatusReport': 'write',
			'comment:addToTask': 'write',
			'folder:create': 'write',
			'invitation:inviteGuest': 'write',
			'invitation:inviteMember': 'write',
			'permission:setProjectAccess': 'write',
			'permission:setProjectPrivacy': 'write',
			'permission:setTaskAccess': 'write',
			'permission:setTaskPrivacy': 'write',
			'project:archive': 'write',
			'project:create': 'write',
			'project:createFromTemplate': 'write',
			'project:unarchive': 'write',
			'statusReport:create': 'write',
			'statusReport:createFromTemplate': 'write',
			'task:create': 'write',
			'task:createFromTemplate': 'write',
			'timeRecord:create': 'write',
			'workingTime:create': 'write',
		},
	},
};

describe.each(Object.entries(POST_OPERATIONS))(
	'%s: operations sent as POST',
	(_vendor, { resources, post }) => {
		const declared = readOnlyTable(resources);
		const readOnlyOf = (key: string) => {
			const [resource, operation] = key.split(':');
			return declared[resource]?.[operation];
		};

		it.each(Object.entries(post))('%s is a %s', (key, kind) => {
			expect(readOnlyOf(key)).toBe(kind === 'read');
		});

		it('every operation whose handler names POST is in the list', () => {
			const naming = resources.flatMap((r) =>
				r.operations
					.filter((o) => /['"]POST['"]/.test(o.handler.toString()))
					.map((o) => `${r.value}:${o.value}`),
			);
			expect(naming.length).toBeGreaterThan(0);
			expect(naming.filter((key) => !(key in post))).toEqual([]);
		});
	},
);

it('every read that is not a POST is declared readOnly by name too (get, getAll, search…)', () => {
	const misdeclared: string[] = [];
	for (const [vendor, { resources }] of Object.entries(POST_OPERATIONS)) {
		for (const r of resources) {
			for (const o of r.operations) {
				if (/^(get|getAll|getMany\w*|search\w*|find\w*)$/.test(o.value) && !o.readOnly) {
					misdeclared.push(`${vendor} ${r.value}:${o.value}`);
				}
				if (
					/^(create\w*|update|delete|remove|add\w*|upload|submit|approve)$/.test(o.value) &&
					o.readOnly
				) {
					misdeclared.push(`${vendor} ${r.value}:${o.value}`);
				}
			}
		}
	}
	expect(misdeclared).toEqual([]);
});
