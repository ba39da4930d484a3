import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Resource Management by Smartsheet (formerly 10,000ft).
 * - Base URL: US https://api.rm.smartsheet.com/api/v1, EU https://api.rm.smartsheet.eu/api/v1, or
 *   a custom URL (sandbox, staging, the legacy api.10000ft.com host).
 * - Auth: the account's API token in the `auth` header (the API also takes it as a query parameter;
 *   we never put it in a URL, where it would end up in logs).
 */
export class ResourceManagementApi implements ICredentialType {
	name = 'psaResourceManagementApi';

	displayName = 'Resource Management by Smartsheet (10,000ft) API';

	icon: Icon = {
		light: 'file:../nodes/ResourceManagement/resourcemanagement.svg',
		dark: 'file:../nodes/ResourceManagement/resourcemanagement.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-psa/n8n-nodes-psa/tree/main/packages/n8n-nodes-psa-resource-management#readme';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Account administrators find the token in Resource Management under Settings > Developer API. It is sent in the "auth" header.',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'US (api.rm.smartsheet.com)', value: 'us' },
				{ name: 'EU (api.rm.smartsheet.eu)', value: 'eu' },
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: 'A sandbox, staging system or the legacy api.10000ft.com host',
				},
			],
			default: 'us',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.rm.smartsheet.com/api/v1',
			description: 'Full http(s) address of the API, up to and including /api/v1',
			displayOptions: { show: { region: ['custom'] } },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				auth: '={{$credentials.apiToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.region === "eu" ? "https://api.rm.smartsheet.eu/api/v1" : $credentials.region === "custom" ? String($credentials.baseUrl).trim().replace(/\\/+$/, "") : "https://api.rm.smartsheet.com/api/v1"}}',
			url: '/roles',
			qs: { per_page: 1 },
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Resource Management rejected the API token (401). Copy it again from Settings > Developer API (an account administrator can see it) and check the region.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The token was accepted but has no API access (403): the API needs a Business, Pro or Enterprise plan.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Resource Management API at this address (404). A custom base URL must end in /api/v1.',
				},
			},
		],
	};
}
