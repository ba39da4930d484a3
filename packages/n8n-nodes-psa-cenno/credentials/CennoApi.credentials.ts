import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { CENNO_BASE_URL_EXPRESSION } from '../nodes/Cenno/baseUrl';

/**
 * Cenno external API.
 * - Base URL: https://{account}.cennoapp.com/api, or a custom URL (sandbox, staging): the one
 *   rule in nodes/Cenno/baseUrl.ts, which the node's requests and this credential's test both use.
 * - Auth: HTTP Basic with the API key as the user name and an empty password (as the docs allow).
 * - Test: GET /projects with the entered key (any user may read projects; /users would load
 *   password hashes for nothing). Nothing is cached: every test sends the key as it is in the form.
 */
export class CennoApi implements ICredentialType {
	name = 'psaCennoApi';

	displayName = 'Cenno API';

	documentationUrl =
		'https://github.com/n8n-nodes-psa/n8n-nodes-psa/tree/main/packages/n8n-nodes-psa-cenno#readme';

	icon: Icon = {
		light: 'file:../nodes/Cenno/cenno.svg',
		dark: 'file:../nodes/Cenno/cenno.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Connection',
			name: 'connection',
			type: 'options',
			options: [
				{
					name: 'Account Code',
					value: 'account',
					description: 'https://{account}.cennoapp.com/api',
				},
				{
					name: 'Custom Base URL',
					value: 'customUrl',
					description: 'Any other address, e.g. a test system',
				},
			],
			default: 'account',
		},
		{
			displayName: 'Account Code',
			name: 'account',
			type: 'string',
			default: '',
			placeholder: 'acme',
			description: 'The first part of your Cenno address: "acme" for https://acme.cennoapp.com',
			displayOptions: { show: { connection: ['account'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://acme.cennoapp.com/api',
			description: 'Full address of the API, up to and including /api',
			displayOptions: { show: { connection: ['customUrl'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Your personal API key from Cenno. It is sent as the user name of HTTP Basic authentication.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.apiKey}}',
				password: '',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: CENNO_BASE_URL_EXPRESSION,
			url: '/projects',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Cenno rejected the API key (401 "HTTP Basic: Access denied."). Copy your personal API key from Cenno again: it is sent as the user name of HTTP Basic authentication.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Cenno API at this address (404). Check the account code or the base URL (it ends in /api).',
				},
			},
		],
	};
}
