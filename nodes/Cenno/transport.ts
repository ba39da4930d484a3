import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { buildApiError, SECRET_KEY_PATTERN } from '../shared/errors';
import { vendorRequest, vendorRequestAll } from '../shared';
import type { RequestContext, VendorProfile } from '../shared/types';

/** Turns the credential into the API base URL, without trailing slash. */
export function cennoBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.connection === 'customUrl') {
		const raw = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
		if (!/^https?:\/\/[^\s/]+/i.test(raw)) {
			throw new UserError(`The Cenno credential's Base URL "${raw}" is not an http(s) address`);
		}
		return raw;
	}
	const account = String(credentials.account ?? '')
		.trim()
		.replace(/^https?:\/\//i, '')
		.replace(/\.cennoapp\.com.*$/i, '')
		.replace(/\/.*$/, '');
	if (!/^[a-z0-9][a-z0-9-]*$/i.test(account)) {
		throw new UserError(`The Cenno credential's Account Code "${account}" is not an account code like "acme"`);
	}
	return `https://${account}.cennoapp.com/api`;
}

/**
 * Cenno: unpaged lists (every list is the whole collection), HTTP Basic with the key as user name,
 * 422 `{ field: [messages] }` bodies (turned into "field: message" by the shared vendorMessage),
 * no documented rate limit.
 */
export const cennoProfile: VendorProfile = {
	name: 'Cenno',
	credentialType: 'psaCennoApi',
	baseUrl: cennoBaseUrl,
	paging: { style: 'none' },
	limiterKey: (credentials) => `${cennoBaseUrl(credentials)}|${String(credentials.apiKey ?? '')}`,
};

/**
 * Fields of /users that are credentials or session secrets. They are removed from every record before it
 * reaches a workflow; any other key that looks like a secret (the shared SECRET_KEY_PATTERN: password,
 * salt, token, session, …) goes too.
 */
export const USER_SECRET_FIELDS = [
	'crypted_password',
	'password_salt',
	'persistence_token',
	'perishable_token',
	'single_access_token',
	'token',
	'api_key',
	'last_password_reset_sent_at',
];

/** A record as it may leave the node: secret-looking keys removed at every depth. */
export function clean(record: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (USER_SECRET_FIELDS.includes(key) || SECRET_KEY_PATTERN.test(key)) continue;
		if (Array.isArray(value)) {
			out[key] = value.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? clean(v as IDataObject) : v)) as IDataObject[];
		} else if (value && typeof value === 'object') {
			out[key] = clean(value as IDataObject);
		} else {
			out[key] = value;
		}
	}
	return out;
}

/** The Cenno collections this package reads, with the words used in messages. */
export const COLLECTIONS = {
	company: { path: 'companies', label: 'Company' },
	user: { path: 'users', label: 'User' },
	project: { path: 'projects', label: 'Project' },
	category: { path: 'categories', label: 'Category' },
	item: { path: 'items', label: 'Item' },
	timeEntry: { path: 'time_entries', label: 'Time entry' },
} as const;

export type CennoResource = keyof typeof COLLECTIONS;

/** A whole (unpaged) collection, cleaned. Limit is applied by the caller, after its filters. */
export async function listAll(this: RequestContext, resource: CennoResource, itemIndex?: number): Promise<IDataObject[]> {
	const records = await vendorRequestAll.call(
		this,
		cennoProfile,
		{ method: 'GET', path: `/${COLLECTIONS[resource].path}`, itemIndex },
		{ returnAll: true },
	);
	return records.filter((r) => r && typeof r === 'object' && !Array.isArray(r)).map(clean);
}

/**
 * One record by id, cleaned. `GET /items/{id}` answers with an array holding the item (documented quirk):
 * the object is returned; an empty array reads as "not found".
 */
export async function getOne(this: RequestContext, resource: CennoResource, id: number, itemIndex?: number): Promise<IDataObject> {
	const { path, label } = COLLECTIONS[resource];
	const notFoundLabel = `${label} ${id}`;
	const body = await vendorRequest.call(this, cennoProfile, { method: 'GET', path: `/${path}/${id}`, itemIndex, notFoundLabel });
	const record = Array.isArray(body) ? body[0] : body;
	if (!record || typeof record !== 'object') {
		throw buildApiError(this.getNode(), {
			vendor: cennoProfile.name,
			status: 404,
			message: `${notFoundLabel} was not found`,
			description: 'Cenno answered with an empty result.',
			itemIndex,
			secrets: [],
		});
	}
	return clean(record as IDataObject);
}
