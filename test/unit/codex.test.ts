/**
 * n8n's node picker shows a node and its trigger as one entry and searches only the ACTION node's codex
 * aliases (issue #19 point 5): every alias of each trigger's codex must also be an alias of its action
 * node, for every vendor in the manifest. The browser test searches a sample of them in the real editor.
 */
import * as fs from 'fs';
import * as path from 'path';

interface Vendor {
	key: string;
	dir: string;
	nodes: string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { vendors } = require('../../scripts/lib/vendors') as { vendors: () => Vendor[] };

const aliasesOf = (file: string): string[] =>
	((JSON.parse(fs.readFileSync(file, 'utf8')) as { alias?: string[] }).alias ?? []).map((a) =>
		a.toLowerCase(),
	);

describe.each(vendors().map((v) => [v.key, v] as const))('%s codex', (_key, v) => {
	const codexOf = (node: string) => path.join(v.dir, node.replace(/\.ts$/, '.json'));
	const action = v.nodes.find((n) => !/Trigger\.node\.ts$/.test(n))!;
	const trigger = v.nodes.find((n) => /Trigger\.node\.ts$/.test(n));

	it('the action node finds its trigger by every word of the trigger codex', () => {
		const actionAliases = new Set(aliasesOf(codexOf(action)));
		expect(actionAliases.size).toBeGreaterThan(0);
		const triggerAliases = trigger ? aliasesOf(codexOf(trigger)) : [];
		expect(triggerAliases.filter((a) => !actionAliases.has(a))).toEqual([]);
	});
});
