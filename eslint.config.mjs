// Lints everything that ships: nodes/, credentials/ and package.json, with zero errors allowed.
// Rule sets: eslint-plugin-n8n-nodes-base (community, credentials, nodes) and
// @n8n/eslint-plugin-community-nodes `recommended` (the n8n-Cloud-eligible set). The few nodes-base rules
// turned off below are exactly the ones n8n's own `n8n-node lint` and community-package scanner turn off
// (node-cli/src/configs/eslint.ts, scan-community-package buildScanConfig), because they contradict the
// community-nodes rules (NodeConnectionTypes enums, real documentation URLs, documented max limits).
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';

const community = communityNodes.configs.recommended;
const plugins = { ...community.plugins, 'n8n-nodes-base': n8nNodesBase };

export default [
	{
		ignores: ['dist/**', 'node_modules/**', 'test/**', 'sandbox/**', 'scripts/**', 'bench/**', 'examples/**', 'docs/**', '.cache/**', '*.js', '*.mjs'],
	},
	{
		files: ['package.json'],
		// As n8n's scanner does: the community package.json rules walk a TSESTree ObjectExpression.
		languageOptions: { parser: tsParser },
		plugins,
		rules: { ...community.rules, ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module', project: './tsconfig.json' } },
		plugins,
		rules: { ...community.rules, 'no-console': 'error' },
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
];
