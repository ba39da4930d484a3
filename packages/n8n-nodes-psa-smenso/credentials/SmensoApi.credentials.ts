import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * smenso Integration API / Reporting API.
 * - Base URL: https://{workspace}.smenso.cloud/skyisland/api/ or a custom URL (sandbox, staging,
 *   private cloud).
 * - Auth: `Authorization: Basic {token}` with the personal API token exactly as issued in the Admin
 *   Center (smenso issues it ready for the header; it is not re-encoded).
 * - Optional default time zone (IANA): the `Timezone` header, and its Windows name as `timezoneId`
 *   in write bodies.
 */
export class SmensoApi implements ICredentialType {
	name = 'psaSmensoApi';

	displayName = 'Smenso API';

	icon: Icon = {
		light: 'file:../nodes/Smenso/smenso.svg',
		dark: 'file:../nodes/Smenso/smenso.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-psa/n8n-nodes-psa/tree/main/packages/n8n-nodes-psa-smenso#readme';

	properties: INodeProperties[] = [
		{
			displayName: 'Connection',
			name: 'connection',
			type: 'options',
			options: [
				{
					name: 'Workspace Subdomain',
					value: 'workspace',
					description: 'https://{workspace}.smenso.cloud/skyisland/api/',
				},
				{
					name: 'Custom Base URL',
					value: 'customUrl',
					description: 'Any other address, e.g. a test system',
				},
			],
			default: 'workspace',
		},
		{
			displayName: 'Workspace',
			name: 'workspace',
			type: 'string',
			default: '',
			placeholder: 'acme',
			description: 'The subdomain of your workspace: "acme" for https://acme.smenso.cloud',
			displayOptions: { show: { connection: ['workspace'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://acme.smenso.cloud/skyisland/api/',
			description: 'Full address of the API, up to and including /skyisland/api/',
			displayOptions: { show: { connection: ['customUrl'] } },
		},
		{
			displayName: 'API Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Personal API token from the smenso Admin Center, pasted exactly as issued. Writes need a token of an Admin; the Reporting API works with any role.',
		},
		{
			displayName: 'Default Time Zone',
			name: 'timezone',
			type: 'string',
			default: '',
			placeholder: 'Europe/Berlin',
			description:
				'IANA time zone your dates are meant in, e.g. Europe/Berlin. The node sends it as the Timezone header and its Windows name (W. Europe Standard Time) as timezoneId in every write. Empty: the time zone of the workflow. A node can override it (Options → Time Zone).',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Basic {{$credentials.token}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.connection === "customUrl" ? String($credentials.baseUrl).replace(/\\/+$/, "") : "https://" + String($credentials.workspace).trim().replace(/^https?:\\/\\//, "").replace(/\\.smenso\\.cloud.*$/, "") + ".smenso.cloud/skyisland/api"}}',
			url: '/integration/timezones/json',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'smenso rejected the API token (401). Paste the personal API token from the Admin Center exactly as issued.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The token is valid but the Integration API is not available (403): the workspace needs the Enterprise Add-on "smenso Integration API", and writes need an Admin.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No smenso API at this address (404). Check the workspace subdomain or the base URL (it ends in /skyisland/api/).',
				},
			},
		],
	};
}
