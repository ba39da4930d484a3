import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { baseUrlOf } from '../../../shared/kit';

const BLIKK_DEFAULT_BASE_URL = 'https://publicapi.blikk.com';

/** Base URL as typed by the user, checked by the shared kit: http(s) only, no trailing slash. */
export function blikkBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return baseUrlOf('Blikk', BLIKK_DEFAULT_BASE_URL, credentials.baseUrl, BLIKK_DEFAULT_BASE_URL);
}
