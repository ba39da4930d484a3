/** Jest projects: `unit` (helper + sandbox + in-process node tests). The real-n8n tier runs from scripts/e2e.js. */
const common = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	modulePathIgnorePatterns: [
		'<rootDir>/packages/[^/]+/dist/',
		'<rootDir>/.cache/',
		'<rootDir>/.n8n-demo/',
	],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
};
module.exports = {
	// No test may fail because the machine is busy: timing claims live in `npm run bench`, and a slow CI
	// machine (two CPU-bound processes beside the suite) gets a generous per-test budget (a global option).
	testTimeout: 120_000,
	projects: [
		{
			...common,
			displayName: 'unit',
			testMatch: [
				'<rootDir>/test/unit/**/*.test.ts',
				'<rootDir>/test/sandbox/**/*.test.ts',
				'<rootDir>/test/nodes/**/*.test.ts',
			],
		},
		{ ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
	],
};
