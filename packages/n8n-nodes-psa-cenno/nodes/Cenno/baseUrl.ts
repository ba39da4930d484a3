import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { baseUrlOf } from '../../../shared/kit';

const EXAMPLE = 'https://acme.cennoapp.com/api';

/**
 * The one base-URL rule of Cenno: https://{account}.cennoapp.com/api from the account code (typed
 * as "acme", "acme.cennoapp.com" or a pasted address), or the user's own URL (validated as
 * http(s)). Without trailing slash.
 */
export function cennoBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.connection === 'customUrl') {
		return baseUrlOf('Cenno', undefined, credentials.baseUrl, EXAMPLE);
	}
	const account = String(credentials.account ?? '')
		.trim()
		.replace(/^https?:\/\//i, '')
		.replace(/\.cennoapp\.com.*$/i, '')
		.replace(/\/.*$/, '');
	if (!/^[a-z0-9][a-z0-9-]*$/i.test(account)) {
		throw new UserError(
			`The Cenno credential's Account Code "${account}" is not an account code like "acme"`,
		);
	}
	return baseUrlOf('Cenno', `https://${account}.cennoapp.com/api`, undefined, EXAMPLE);
}

/**
 * The same rule as an n8n expression, for the credential's test request: n8n evaluates
 * `test.request.baseURL` as an expression and cannot call `cennoBaseUrl`. For every address the
 * rule accepts, both give the same URL (test/nodes/cenno.test.ts evaluates both on the same
 * credentials).
 */
export const CENNO_BASE_URL_EXPRESSION =
	'={{$credentials.connection === "customUrl" ? String($credentials.baseUrl).trim().replace(/\\/+$/, "") : "https://" + String($credentials.account).trim().replace(/^https?:\\/\\//i, "").replace(/\\.cennoapp\\.com.*$/i, "").replace(/\\/.*$/, "") + ".cennoapp.com/api"}}';
