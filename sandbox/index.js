'use strict';
/**
 * Starts the vendor sandboxes listed in vendors.json (`sandbox.module`, `sandbox.port`) on 127.0.0.1.
 *   node sandbox/index.js            → each on its manifest port (4101..; SANDBOX_BASE_PORT=N: N, N+1, …)
 *   require('./sandbox').startAll()  → { sandboxes: { <key>: sandbox }, stop() }
 * Each vendor module exports `create(options)` → a sandbox from lib/server.js with a `demoCredential()`
 * method returning { type, name, data } for n8n's public credentials API.
 *
 * startAll({ basePort, ports: 'manifest', demo, vendors, options }):
 *   basePort > 0    → basePort + index; ports: 'manifest' → the manifest's port; neither → a free port
 *   demo: true      → merge the manifest's `sandbox.demoOptions` into the options (what a local n8n needs,
 *                     e.g. a sandbox that delivers webhooks accepting http://127.0.0.1 URLs)
 */
const path = require('path');
const manifest = require('../scripts/lib/vendors');

const withSandbox = () => manifest.vendors().filter((v) => v.sandbox && v.sandbox.module);
const VENDORS = withSandbox().map((v) => v.key);

async function startAll({
	host = '127.0.0.1',
	basePort = 0,
	ports,
	demo = false,
	vendors = VENDORS,
	options = {},
} = {}) {
	const sandboxes = {};
	let offset = 0;
	try {
		for (const key of vendors) {
			const v = manifest.byKey(key);
			if (!v.sandbox || !v.sandbox.module)
				throw new Error(`vendors.json: ${key} has no sandbox.module`);
			const { create } = require(path.join(manifest.REPO, v.sandbox.module));
			const sandbox = create({ ...(demo ? v.sandbox.demoOptions : {}), ...(options[key] || {}) });
			const port = basePort ? basePort + offset : ports === 'manifest' ? v.sandbox.port || 0 : 0;
			await sandbox.listen(port, host);
			offset++;
			sandboxes[key] = sandbox;
		}
	} catch (e) {
		await Promise.all(Object.values(sandboxes).map((s) => s.close().catch(() => {})));
		throw e;
	}
	return {
		sandboxes,
		async stop() {
			await Promise.all(Object.values(sandboxes).map((s) => s.close()));
		},
	};
}

module.exports = { startAll, VENDORS };

if (require.main === module) {
	const basePort = Number(process.env.SANDBOX_BASE_PORT || 0);
	// Developers point a local n8n (http://127.0.0.1) at these: demo options on.
	startAll({ basePort, ports: 'manifest', demo: true }).then(({ sandboxes, stop }) => {
		const width = Math.max(...Object.keys(sandboxes).map((k) => k.length));
		for (const [vendor, sandbox] of Object.entries(sandboxes)) {
			console.log(`${vendor.padEnd(width)} sandbox: ${sandbox.url}`);
		}
		console.log(
			'Control: GET <url>/__sandbox/stats, POST <url>/__sandbox/faults, POST <url>/__sandbox/reset. Ctrl-C stops.',
		);
		const shutdown = () => stop().then(() => process.exit(0));
		process.on('SIGINT', shutdown);
		process.on('SIGTERM', shutdown);
	});
}
