#!/usr/bin/env node
'use strict';
/**
 * `npm run screenshot`: docs/screenshot.png of the n8n editor showing one of our demo workflows.
 * Run by hand (not part of npm test).
 *
 * Uses headless Chromium from Debian (`apt-get install -y chromium`, installed here when missing) driven by
 * playwright-core. Talks to a running `npm start` demo at N8N_PSA_URL (default http://127.0.0.1:5678);
 * when none answers, it starts `npm start` itself and stops it afterwards.
 *
 * Env: N8N_PSA_URL, N8N_PSA_SCREENSHOT_WORKFLOW (workflow name to show; default: the workflow with the most
 * nodes from our packages), N8N_PSA_SCREENSHOT_OUT (default docs/screenshot.png), CHROMIUM (binary).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const { isOurNodeType } = require('./lib/n8n');

const REPO = path.resolve(__dirname, '..');
const log = (m) => process.stderr.write(`[screenshot] ${m}\n`);
const DEMO = { email: 'demo@example.com', password: 'Demo-Passw0rd!' };
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return;
	log('chromium missing: apt-get update && apt-get install -y chromium');
	execFileSync('apt-get', ['update'], { stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', 'chromium'], {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
}

async function isUp(url) {
	try {
		const r = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
		return r.status === 200;
	} catch {
		return false;
	}
}

/** Start `npm start` (scripts/start.js) and resolve once it printed its banner. */
function startDemo(port) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(__dirname, 'start.js')], {
			cwd: REPO,
			env: { ...process.env, N8N_PSA_PORT: String(port) },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		let out = '';
		const timer = setTimeout(
			() => reject(new Error(`npm start did not come up:\n${out.slice(-3000)}`)),
			15 * 60 * 1000,
		);
		const onData = (d) => {
			out += d;
			if (out.includes('Ctrl-C stops everything')) {
				clearTimeout(timer);
				resolve(child);
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`npm start exited ${code}:\n${out.slice(-3000)}`));
		});
		const kill = () => {
			try {
				process.kill(-child.pid, 'SIGINT');
			} catch {}
		};
		process.on('exit', kill);
	});
}

async function stopDemo(child) {
	if (!child || child.exitCode !== null) return;
	const done = new Promise((r) => child.once('exit', r));
	child.removeAllListeners('exit');
	process.kill(child.pid, 'SIGINT');
	await Promise.race([done, new Promise((r) => setTimeout(r, 20000))]);
	try {
		process.kill(-child.pid, 'SIGKILL');
	} catch {}
}

async function main() {
	ensureChromium();
	const { chromium } = require('playwright-core');
	const baseUrl = (process.env.N8N_PSA_URL || 'http://127.0.0.1:5678').replace(/\/$/, '');
	const out = path.resolve(REPO, process.env.N8N_PSA_SCREENSHOT_OUT || 'docs/screenshot.png');
	let demo = null;
	if (!(await isUp(baseUrl))) {
		log(`no n8n at ${baseUrl}: starting the demo (npm start) …`);
		demo = await startDemo(new URL(baseUrl).port || 5678);
	}
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-chromium-'));
	let browser;
	try {
		// A new --user-data-dir per run (playwright passes it for a persistent context).
		const context = await chromium.launchPersistentContext(userDataDir, {
			executablePath: CHROMIUM,
			headless: true,
			viewport: { width: 1600, height: 900 },
			deviceScaleFactor: 1,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		browser = context;
		// Loopback only: block anything that is not our n8n.
		const origin = new URL(baseUrl).origin;
		await context.route('**/*', (route) =>
			route.request().url().startsWith(origin) || route.request().url().startsWith('data:')
				? route.continue()
				: route.abort(),
		);
		const page = await context.newPage();

		log('logging in …');
		await page.goto(`${baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
		await page
			.locator('input[type="email"], input[name="email"], input[name="emailOrLdapLoginId"]')
			.first()
			.fill(DEMO.email);
		await page.locator('input[type="password"]').first().fill(DEMO.password);
		await page.locator('input[type="password"]').first().press('Enter');
		await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 30000 });

		// Pick the workflow: by name, else the first one using one of our nodes.
		const list = await page.evaluate(async () => {
			const r = await fetch('/rest/workflows?includeScopes=false', {
				headers: { 'browser-id': localStorage.getItem('n8n-browserId') || '' },
			});
			return r.ok ? (await r.json()).data : [];
		});
		const wanted = process.env.N8N_PSA_SCREENSHOT_WORKFLOW;
		let target = wanted ? list.find((w) => w.name === wanted) : null;
		if (!target) {
			// Default: the workflow with the most nodes from our packages.
			let best = 0;
			for (const w of list) {
				const full = await page.evaluate(async (id) => {
					const r = await fetch(`/rest/workflows/${id}`, {
						headers: { 'browser-id': localStorage.getItem('n8n-browserId') || '' },
					});
					return r.ok ? (await r.json()).data : null;
				}, w.id);
				const score = full ? full.nodes.filter((n) => isOurNodeType(n.type)).length : 0;
				if (score > best) {
					best = score;
					target = w;
				}
			}
		}
		target = target || list[0];
		if (!target) throw new Error('no workflow to show: add examples/*.json and run npm start');
		log(`opening workflow "${target.name}" (${target.id})`);
		await page.goto(`${baseUrl}/workflow/${target.id}`, { waitUntil: 'domcontentloaded' });
		await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60000 });
		await page.waitForTimeout(1500);
		// Close toasts / popups that may cover the canvas, then fit the view.
		await page.keyboard.press('Escape');
		await page
			.locator('.el-notification__closeBtn')
			.evaluateAll((els) => els.forEach((e) => e.click()))
			.catch(() => {});
		await page
			.locator('[data-test-id="canvas-wrapper"], .vue-flow')
			.first()
			.click({ position: { x: 5, y: 5 } })
			.catch(() => {});
		await page.keyboard.press('1'); // zoom to fit
		await page.waitForTimeout(800);
		fs.mkdirSync(path.dirname(out), { recursive: true });
		await page.screenshot({ path: out });
		log(`saved ${path.relative(REPO, out)}`);
		// Second picture: the parameters panel of the first action node from our packages (`<out>-node.png`).
		const full = await page.evaluate(async (id) => {
			const r = await fetch(`/rest/workflows/${id}`, {
				headers: { 'browser-id': localStorage.getItem('n8n-browserId') || '' },
			});
			return r.ok ? (await r.json()).data : null;
		}, target.id);
		const psaNodes = full ? full.nodes.filter((n) => isOurNodeType(n.type)) : [];
		const ours = psaNodes.find((n) => !/Trigger$/.test(n.type)) || psaNodes[0]; // an action node shows more
		if (ours) {
			await page
				.locator(
					`[data-test-id="canvas-node"][data-node-name="${ours.name}"], [data-test-id="canvas-node"]:has-text("${ours.name}")`,
				)
				.first()
				.dblclick();
			await page
				.locator('[data-test-id="ndv"], .ndv-wrapper, [data-test-id="node-parameters"]')
				.first()
				.waitFor({ timeout: 15000 })
				.catch(() => {});
			await page.waitForTimeout(1200);
			const nodeOut = out.replace(/\.png$/, '-node.png');
			await page.screenshot({ path: nodeOut });
			log(`saved ${path.relative(REPO, nodeOut)}`);
		}
	} finally {
		if (browser) await browser.close().catch(() => {});
		fs.rmSync(userDataDir, { recursive: true, force: true });
		if (demo) await stopDemo(demo);
	}
}

main().catch((e) => {
	log(`FAILED: ${e.stack || e.message}`);
	process.exit(1);
});
