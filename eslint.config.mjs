// Lints everything that ships: nodes/, credentials/ and package.json, with zero errors allowed.
// Rule sets: eslint-plugin-n8n-nodes-base (community, credentials, nodes) and
// @n8n/eslint-plugin-community-nodes `recommended` (the n8n-Cloud-eligible set).
import tsParser from '@typescript-eslint/parser';
import * as jsoncParser from 'jsonc-eslint-parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';

const community = communityNodes.configs.recommended;
const plugins = { ...community.plugins, 'n8n-nodes-base': n8nNodesBase };

export default [
	{
		ignores: ['dist/**', 'node_modules/**', 'test/**', 'sandbox/**', 'scripts/**', 'bench/**', 'examples/**', '.cache/**', '*.js', '*.mjs'],
	},
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins,
		rules: { ...community.rules, ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module', project: './tsconfig.json' } },
		plugins,
		rules: { ...community.rules, 'no-console': 'error' },
	},
	{ files: ['credentials/**/*.ts'], rules: { ...n8nNodesBase.configs.credentials.rules } },
	{ files: ['nodes/**/*.ts'], rules: { ...n8nNodesBase.configs.nodes.rules } },
];
