import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/** Path (lodash-style) to the first missing permission in a Blikk 403 body. */
const FIRST_REQUIRED_PERMISSION = ['permissionsRequired', '0'].join('.');

/** Base URL as typed by the user, checked: http(s) only, no trailing slash. */
export function blikkBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const raw = String(credentials.baseUrl ?? '').trim() || 'https://publicapi.blikk.com';
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new Error(`Blikk credential: Base URL "${raw}" is not a valid URL (expected e.g. https://publicapi.blikk.com)`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new Error(`Blikk credential: Base URL must start with https:// or http://, got "${raw}"`);
	}
	return raw.replace(/\/+$/, '');
}

/**
 * Blikk API-application (application id + secret). n8n exchanges them for a Bearer token with
 * `POST /v1/Auth/Token` (Basic auth) before the first request (`preAuthentication`), keeps the token in the
 * hidden, expirable `accessToken` field, and on a 401 exchanges again once and repeats the request.
 * Pattern: n8n's MetabaseApi credential (session token in an expirable hidden field).
 */
export class BlikkApi implements ICredentialType {
	name = 'psaBlikkApi';

	displayName = 'Blikk API';

	icon: Icon = { light: 'file:../nodes/Blikk/blikk.svg', dark: 'file:../nodes/Blikk/blikk.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-psa/n8n-nodes-psa/blob/main/docs/vendors/blikk.md';


	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Token Expires',
			name: 'tokenExpires',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Application ID',
			name: 'applicationId',
			type: 'string',
			default: '',
			required: true,
			description:
				'The ID of the API-application. In Blikk: cog icon (administrator) → Integrationer → API-applikationer.',
		},
		{
			displayName: 'Application Secret',
			name: 'applicationSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret shown when the API-application was created',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://publicapi.blikk.com',
			required: true,
			placeholder: 'https://publicapi.blikk.com',
			description: 'Change only for a test system or the local sandbox. Must start with https:// (or http:// for a local sandbox).',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const basic = Buffer.from(`${String(credentials.applicationId ?? '').trim()}:${String(credentials.applicationSecret ?? '')}`).toString('base64');
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${blikkBaseUrl(credentials)}/v1/Auth/Token`,
			headers: { Authorization: `Basic ${basic}`, Accept: 'application/json' },
			json: true,
		})) as { accessToken?: string; expires?: string };
		if (!response?.accessToken) {
			throw new Error('Blikk did not return an access token for this application id and secret');
		}
		return { accessToken: response.accessToken, tokenExpires: response.expires ?? '' };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	/**
	 * Token exchange (n8n always runs preAuthentication when testing) plus one cheap read: the first contact.
	 * The credential tester only shows fixed texts, so the read does not fail on a 4xx
	 * (`ignoreHttpStatusErrors`) and the rules below read Blikk's 403 body instead: they name the missing
	 * permission and say whether the IP address is allowed. At run time the node's errors carry the same
	 * fields for every request.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/Core/Contacts',
			method: 'GET',
			qs: { page: 1, pageSize: 1 },
			ignoreHttpStatusErrors: true,
		},
		// The typings allow one kind of rule per list; n8n's tester checks each rule's `type` at run time.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Blikk rejected the application ID or secret (401). Copy both again from Blikk: Integrationer → API-applikationer.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'ipAddressAllowed',
					value: false,
					message:
						'Blikk answered 403: the IP address n8n calls from is not allowed for this API-application (ipAddressAllowed: false). Add it to the application in Blikk, or remove the IP restriction.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: FIRST_REQUIRED_PERMISSION,
					value: 'Contact_Read',
					message:
						'Blikk answered 403: the token was issued, but the API-application lacks permissionsRequired: Contact_Read (the IP address is allowed). Grant the permission in Blikk, or ignore this if the workflows never read contacts.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: FIRST_REQUIRED_PERMISSION,
					value: 'Contact_read',
					message:
						'Blikk answered 403: the token was issued, but the API-application lacks permissionsRequired: Contact_read (the IP address is allowed). Grant the permission in Blikk, or ignore this if the workflows never read contacts.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'message',
					value: 'Invalid token',
					message: 'Blikk did not accept the access token it issued (401 Invalid token). Check the Base URL.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'message',
					value: 'An unexpected error has occurred.',
					message: 'Blikk answered 500 (An unexpected error has occurred). Try again later.',
				},
			},
		] as unknown as IAuthenticateRuleResponseSuccessBody[],
	};
}
