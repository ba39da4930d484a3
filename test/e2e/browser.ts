/**
 * Browser helpers for test/e2e/browser.test.ts: Debian's Chromium (installed here when missing) driven by
 * playwright-core, loopback only, with numbered screenshots of each step.
 *
 *   ensureChromium();                         // apt-get update && apt-get install -y chromium (as root), once
 *   const b = await openBrowser(baseUrl);     // headless, new empty --user-data-dir, only baseUrl reachable
 *   const shots = new Screenshots();          // test/e2e/screenshots/<timestamp>/01-signin.png …
 *   await shots.take(b.page, 'signin');
 *   await b.close();
 *
 * Env: CHROMIUM (binary, default /usr/bin/chromium), N8N_PSA_SCREENSHOTS (folder; default
 * test/e2e/screenshots/<timestamp>), N8N_PSA_DOCS_SCREENSHOTS=1 (also copy the steps given `docs` paths
 * into docs/ — how the README's pictures are refreshed).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';

export const REPO = path.resolve(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** The launch flags this machine needs (no sandbox as root; no background traffic to a closed network). */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const log = (m: string) => process.stderr.write(`[browser] ${m}\n`);

/**
 * Install Debian's chromium when the binary is missing (CI runs on a clean machine as root with apt).
 * Waits for a dpkg lock held by another apt run instead of failing.
 */
export function ensureChromium(): { installed: boolean; seconds: number } {
	const t0 = Date.now();
	if (fs.existsSync(CHROMIUM)) return { installed: false, seconds: 0 };
	if (process.getuid && process.getuid() !== 0)
		throw new Error(`${CHROMIUM} is missing: install it with \`sudo apt-get install -y chromium\``);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const lock = ['-o', 'DPkg::Lock::Timeout=900'];
	log('chromium missing: apt-get update && apt-get install -y chromium (about 1-3 minutes) …');
	execFileSync('apt-get', [...lock, 'update'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env,
		timeout: 15 * 60 * 1000,
	});
	execFileSync('apt-get', [...lock, 'install', '-y', '--no-install-recommends', 'chromium'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env,
		timeout: 15 * 60 * 1000,
	});
	if (!fs.existsSync(CHROMIUM))
		throw new Error(`apt-get install chromium finished but ${CHROMIUM} is still missing`);
	const seconds = (Date.now() - t0) / 1000;
	log(`chromium installed in ${seconds.toFixed(0)} s`);
	return { installed: true, seconds };
}

export interface OpenBrowser {
	context: BrowserContext;
	page: Page;
	/** Requests the page tried to send anywhere but n8n (blocked). */
	blocked: string[];
	close(): Promise<void>;
}

/** Headless Chromium with a new empty profile; every request that is not for `baseUrl` is aborted. */
export async function openBrowser(
	baseUrl: string,
	viewport = { width: 1440, height: 900 },
): Promise<OpenBrowser> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { chromium, selectors } = require('playwright-core') as typeof import('playwright-core');
	// n8n's editor marks elements with data-test-id (playwright's getByTestId default is data-testid).
	selectors.setTestIdAttribute('data-test-id');
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		viewport,
		deviceScaleFactor: 1,
		locale: 'en-US',
		timezoneId: 'UTC',
		args: CHROMIUM_ARGS,
		timeout: 120000,
	});
	const origin = new URL(baseUrl).origin;
	const blocked: string[] = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:'))
			return route.continue();
		blocked.push(url);
		return route.abort();
	});
	context.setDefaultTimeout(60000);
	context.setDefaultNavigationTimeout(120000);
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		blocked,
		async close() {
			await context.close().catch(() => undefined);
			fs.rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}

/** Numbered screenshots in one folder per run; optionally copied to docs/screenshots/ for the README. */
export class Screenshots {
	readonly dir: string;
	private n = 0;
	readonly files: string[] = [];

	constructor(dir = process.env.N8N_PSA_SCREENSHOTS) {
		const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace(/Z$/, '');
		this.dir = path.resolve(REPO, dir || path.join('test', 'e2e', 'screenshots', stamp));
		fs.mkdirSync(this.dir, { recursive: true });
	}

	/** Save `NN-<name>.png`; with N8N_PSA_DOCS_SCREENSHOTS=1 also copy it to each `docs` path (relative to docs/). */
	async take(
		page: Page,
		name: string,
		opts: { docs?: string[]; fullPage?: boolean } = {},
	): Promise<string> {
		this.n++;
		const file = path.join(this.dir, `${String(this.n).padStart(2, '0')}-${name}.png`);
		await page.screenshot({ path: file, fullPage: opts.fullPage ?? false, animations: 'disabled' });
		this.files.push(file);
		if (opts.docs && process.env.N8N_PSA_DOCS_SCREENSHOTS === '1') {
			for (const rel of opts.docs) {
				const docsFile = path.join(REPO, 'docs', rel);
				fs.mkdirSync(path.dirname(docsFile), { recursive: true });
				fs.copyFileSync(file, docsFile);
			}
		}
		return file;
	}
}
