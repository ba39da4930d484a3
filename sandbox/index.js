'use strict';
/**
 * Starts the four vendor sandboxes on 127.0.0.1.
 *   node sandbox/index.js            → fixed ports 4101.. (SANDBOX_BASE_PORT to change), prints URLs
 *   require('./sandbox').startAll()  → { sandboxes: { smenso, cenno, rm, blikk }, stop() }
 * Each vendor module `sandbox/<vendor>/index.js` exports `create(options)` → a sandbox from lib/server.js
 * with a `demoCredential()` method returning { type, name, data } for n8n's public credentials API.
 */
const VENDORS = ['smenso', 'cenno', 'rm', 'blikk'];

async function startAll({ host = '127.0.0.1', basePort = 0, vendors = VENDORS, options = {} } = {}) {
	const sandboxes = {};
	let offset = 0;
	for (const vendor of vendors) {
		const { create } = require(`./${vendor}`);
		const sandbox = create(options[vendor] || {});
		await sandbox.listen(basePort ? basePort + offset : 0, host);
		offset++;
		sandboxes[vendor] = sandbox;
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
	const basePort = Number(process.env.SANDBOX_BASE_PORT || 4101);
	// Developers point a local n8n (http://127.0.0.1) at these: let the RM sandbox accept http webhook URLs.
	startAll({ basePort, options: { rm: { allowHttpLoopback: true } } }).then(({ sandboxes, stop }) => {
		for (const [vendor, sandbox] of Object.entries(sandboxes)) {
			console.log(`${vendor.padEnd(7)} sandbox: ${sandbox.url}`);
		}
		console.log('Control: GET <url>/__sandbox/stats, POST <url>/__sandbox/faults, POST <url>/__sandbox/reset. Ctrl-C stops.');
		const shutdown = () => stop().then(() => process.exit(0));
		process.on('SIGINT', shutdown);
		process.on('SIGTERM', shutdown);
	});
}
