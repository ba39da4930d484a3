/**
 * Process environment for n8n-core in tests. Imported first by inprocess.ts so that n8n's config
 * classes (read lazily from the DI container) see it: a throw-away n8n user folder (InstanceSettings
 * writes its `config` with an encryption key there), quiet logs, no diagnostics.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

if (!process.env.N8N_HARNESS_USER_FOLDER) {
	const folder = mkdtempSync(join(tmpdir(), 'n8n-harness-'));
	process.env.N8N_HARNESS_USER_FOLDER = folder;
	process.once('exit', () => {
		try {
			rmSync(folder, { recursive: true, force: true });
		} catch {
			// best effort
		}
	});
}
process.env.N8N_USER_FOLDER = process.env.N8N_HARNESS_USER_FOLDER;
process.env.N8N_LOG_LEVEL ??= 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
process.env.GENERIC_TIMEZONE ??= 'UTC';

export const harnessUserFolder = process.env.N8N_HARNESS_USER_FOLDER;
