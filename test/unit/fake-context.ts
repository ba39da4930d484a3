/**
 * A minimal n8n context for unit-testing nodes/shared without n8n: `httpRequestWithAuthentication`
 * sends a real HTTP request with axios (as n8n does), applies a header credential, and on failure throws
 * what n8n throws — a NodeApiError whose `cause` is the axios error. Node-level tests use the
 * n8n-core harness in test/harness/inprocess.ts instead.
 */
import axios from 'axios';
import type { IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export interface FakeContextOptions {
	credentials: IDataObject;
	/** Header name → credential field used as its value. */
	authHeader?: { name: string; field: string; prefix?: string };
	log?: IHttpRequestOptions[];
}

export const testNode: INode = {
	id: 'node-1',
	name: 'Test Node',
	type: 'n8n-nodes-psa.test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export function fakeContext(options: FakeContextOptions) {
	const calls: Array<{ credentialType: string; options: IHttpRequestOptions; t: number }> = [];
	const ctx = {
		calls,
		getNode: () => testNode,
		getCredentials: async () => options.credentials,
		helpers: {
			async httpRequestWithAuthentication(credentialType: string, request: IHttpRequestOptions) {
				calls.push({ credentialType, options: request, t: Date.now() });
				const headers: Record<string, string> = { ...(request.headers as Record<string, string>) };
				if (options.authHeader) {
					headers[options.authHeader.name] =
						`${options.authHeader.prefix ?? ''}${String(options.credentials[options.authHeader.field])}`;
				}
				let data: unknown = request.body;
				if (request.json && data !== undefined && typeof data !== 'string') {
					headers['Content-Type'] = 'application/json';
					data = JSON.stringify(data);
				}
				try {
					const response = await axios.request({
						method: request.method,
						url: request.url,
						params: request.qs,
						paramsSerializer: { indexes: request.arrayFormat === 'brackets' ? false : null },
						headers,
						data,
						timeout: request.timeout,
						responseType: request.encoding === 'arraybuffer' ? 'arraybuffer' : 'text',
						transitional: { silentJSONParsing: true, forcedJSONParsing: false },
					});
					let body: unknown = response.data;
					if (request.json && typeof body === 'string' && body !== '') {
						try {
							body = JSON.parse(body);
						} catch {
							// n8n hands unparsable text back as a string
						}
					}
					return request.returnFullResponse
						? { body, headers: response.headers, statusCode: response.status }
						: body;
				} catch (error) {
					const axiosError = error as { response?: { data?: unknown } };
					if (axiosError.response && typeof axiosError.response.data === 'string') {
						try {
							axiosError.response.data = JSON.parse(axiosError.response.data);
						} catch {
							// leave text
						}
					}
					throw new NodeApiError(testNode, error as never);
				}
			},
		},
	};
	return ctx;
}
