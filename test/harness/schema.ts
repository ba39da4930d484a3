/**
 * Output schemas (`nodes/<Vendor>/__schema__/v1.0.0/<resource>/<operation>.json`, the layout n8n-core's
 * output-schema resolver reads) kept true by the in-process tests:
 *
 * - `checkOutputSchema(...)` is called by a vendor's `run()` helper with the records an operation returned.
 *   With `PSA_WRITE_SCHEMAS=1` it merges them into the schema file (creating it); otherwise it asserts that
 *   every field of every record is in the schema with a matching type, so a changed output shape fails a
 *   test until the schema is regenerated.
 * - `operationsOf(description)` lists every resource/operation of a node, for a test that each one has a
 *   schema file.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject, INodeTypeDescription } from 'n8n-workflow';

export interface JsonSchema {
	type?: string | string[];
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
	description?: string;
}

const ROOT = path.join(__dirname, '..', '..');

/** The package folder that holds `nodes/<vendorFolder>/` (packages/n8n-nodes-psa-*). */
function packageOf(vendorFolder: string): string {
	const packages = path.join(ROOT, 'packages');
	const hit = fs
		.readdirSync(packages)
		.find((p) => fs.existsSync(path.join(packages, p, 'nodes', vendorFolder)));
	if (!hit) throw new Error(`no package under packages/ holds nodes/${vendorFolder}`);
	return path.join(packages, hit);
}

export function schemaFile(
	vendorFolder: string,
	resource: string,
	operation: string,
	version = '1.0.0',
): string {
	return path.join(
		packageOf(vendorFolder),
		'nodes',
		vendorFolder,
		'__schema__',
		`v${version}`,
		resource,
		`${operation}.json`,
	);
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

function types(schema: JsonSchema | undefined): string[] {
	if (!schema?.type) return [];
	return ([] as string[]).concat(schema.type);
}

function setTypes(schema: JsonSchema, list: string[]): void {
	const unique = [...new Set(list)];
	// integer ⊂ number
	const final = unique.includes('number') ? unique.filter((t) => t !== 'integer') : unique;
	schema.type = final.length === 1 ? final[0] : final.sort();
}

/** Merges one value into a schema (widening types, adding fields). */
export function mergeValue(schema: JsonSchema, value: unknown, depth = 0): JsonSchema {
	const t = typeOf(value);
	setTypes(schema, [...types(schema), t]);
	if (depth > 6) return schema;
	if (t === 'object') {
		schema.properties ??= {};
		for (const [key, v] of Object.entries(value as IDataObject)) {
			if (v === undefined) continue;
			schema.properties[key] = mergeValue(schema.properties[key] ?? {}, v, depth + 1);
		}
	} else if (t === 'array') {
		for (const entry of value as unknown[])
			schema.items = mergeValue(schema.items ?? {}, entry, depth + 1);
	}
	return schema;
}

/** Problems of a value against a schema: fields the schema lacks, types it does not allow. */
export function conformance(schema: JsonSchema, value: unknown, where = '$', depth = 0): string[] {
	const t = typeOf(value);
	const allowed = types(schema);
	const ok = allowed.includes(t) || (t === 'integer' && allowed.includes('number'));
	if (!ok) return [`${where}: ${t} is not in the schema's ${JSON.stringify(schema.type)}`];
	if (depth > 6) return [];
	const problems: string[] = [];
	if (t === 'object' && schema.properties) {
		for (const [key, v] of Object.entries(value as IDataObject)) {
			if (v === undefined) continue;
			const sub = schema.properties[key];
			if (!sub) problems.push(`${where}.${key}: not in the schema`);
			else problems.push(...conformance(sub, v, `${where}.${key}`, depth + 1));
		}
	} else if (t === 'array' && schema.items) {
		(value as unknown[]).forEach((entry, i) =>
			problems.push(...conformance(schema.items!, entry, `${where}[${i}]`, depth + 1)),
		);
	}
	return problems;
}

/**
 * Writes (PSA_WRITE_SCHEMAS=1) or checks the output schema of one operation. Error rows (Continue On Fail)
 * are not part of an operation's schema and are skipped.
 */
export function checkOutputSchema(
	vendorFolder: string,
	resource: string,
	operation: string,
	records: IDataObject[],
): void {
	const rows = records.filter(
		(r) => !(r && typeof r === 'object' && 'error' in r && 'mayHaveBeenApplied' in r),
	);
	if (!rows.length) return;
	const file = schemaFile(vendorFolder, resource, operation);
	const existing: JsonSchema | undefined = fs.existsSync(file)
		? JSON.parse(fs.readFileSync(file, 'utf8'))
		: undefined;
	if (process.env.PSA_WRITE_SCHEMAS === '1') {
		const schema: JsonSchema = existing ?? { type: 'object', properties: {} };
		for (const row of rows) mergeValue(schema, row);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, `${JSON.stringify(schema, null, '\t')}\n`);
		return;
	}
	if (!existing) {
		throw new Error(
			`No output schema for ${vendorFolder} ${resource} › ${operation} (${path.relative(ROOT, file)}): run the tests once with PSA_WRITE_SCHEMAS=1`,
		);
	}
	const problems = rows.flatMap((row) => conformance(existing, row)).slice(0, 10);
	if (problems.length) {
		throw new Error(
			`Output of ${vendorFolder} ${resource} › ${operation} does not match ${path.relative(ROOT, file)} (regenerate with PSA_WRITE_SCHEMAS=1):\n${problems.join('\n')}`,
		);
	}
}

/** Every resource/operation pair an action node offers (from its Resource and Operation properties). */
export function operationsOf(
	description: INodeTypeDescription,
): Array<{ resource: string; operation: string }> {
	const out: Array<{ resource: string; operation: string }> = [];
	for (const prop of description.properties) {
		if (prop.name !== 'operation' || !prop.options) continue;
		const resources = (prop.displayOptions?.show?.resource as string[] | undefined) ?? [];
		for (const resource of resources) {
			for (const option of prop.options as Array<{ value: string }>)
				out.push({ resource, operation: String(option.value) });
		}
	}
	return out;
}
