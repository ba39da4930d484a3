import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { blikkBaseUrl } from '../nodes/Blikk/baseUrl';

/** Blikk's answer to a refused token exchange (401), in Blikk's words. */
const BLIKK_WRONG_SECRET_MESSAGE = 'Invalid application id or secret';

/**
 * Blikk API-application (application id + secret). n8n exchanges them for a Bearer token with
 * `POST /v1/Auth/Token` (Basic auth) before the first request (`preAuthentication`), keeps the
 * token in the hidden, expirable `accessToken` field, and on a 401 exchanges again once and repeats
 * the request. Pattern: n8n's MetabaseApi credential (session token in an expirable hidden field).
 */
export class BlikkApi implements ICredentialType {
	name = 'psaBlikkApi';

	displayName = 'Blikk API';

	icon: Icon = {
		light: 'file:../nodes/Blikk/blikk.svg',
		dark: 'file:../nodes/Blikk/blikk.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-psa/n8n-nodes-psa/tree/main/packages/n8n-nodes-psa-blikk#readme';

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
			description:
				'Change only for a test system or the local sandbox. Must start with https:// (or http:// for a local sandbox).',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${blikkBaseUrl(credentials)}/v1/Auth/Token`,
			auth: {
				username: String(credentials.applicationId ?? '').trim(),
				password: String(credentials.applicationSecret ?? ''),
			},
			headers: { Accept: 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		})) as {
			statusCode?: number;
			body?: { accessToken?: string; expires?: string; message?: string } | string;
		};
		const body = response?.body && typeof response.body === 'object' ? response.body : undefined;
		if (!body?.accessToken) {
			// Blikk's own words (e.g. "Invalid application id or secret"), never the secret itself.
			const said =
				typeof body?.message === 'string' && body.message
					? body.message
					: 'no access token in the answer';
			throw new Error(
				`Blikk refused the application ID and secret (HTTP ${String(response?.statusCode ?? '?')}): ${said}. Copy both again from Blikk: Integrationer → API-applikationer.`,
			);
		}
		return { accessToken: body.accessToken, tokenExpires: body.expires ?? '' };
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
	 * The test exchanges the application ID and secret as entered for a fresh token
	 * (`POST /v1/Auth/Token` with Basic auth), so a changed secret is tested even while n8n still
	 * holds a token from the old one (n8n 2.x's tester runs preAuthentication only when no token is
	 * stored). `auth` makes the request send Basic, not the stored Bearer. Blikk's 401 body is read
	 * by the rules (in Blikk's words); permissions and IP restrictions are reported by the node at
	 * run time, naming Blikk's `permissionsRequired`.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{($credentials.baseUrl || "https://publicapi.blikk.com").trim().replace(/\\/+$/, "")}}',
			url: '/v1/Auth/Token',
			method: 'POST',
			auth: {
				username: '={{String($credentials.applicationId || "").trim()}}',
				password: '={{$credentials.applicationSecret}}',
			},
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'message',
					value: BLIKK_WRONG_SECRET_MESSAGE,
					message: `Blikk: ${BLIKK_WRONG_SECRET_MESSAGE} (401). Copy the application ID and secret again from Blikk: Integrationer → API-applikationer.`,
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'message',
					value: 'An unexpected error has occurred.',
					message: 'Blikk: An unexpected error has occurred. (500) Try again later.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'objectName',
					value: undefined as unknown as string,
					message:
						'Blikk did not issue an access token for this application ID and secret. Check both, and the Base URL.',
				},
			},
		],
	};
}
