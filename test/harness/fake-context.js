'use strict';
/**
 * A minimal n8n execution context for driving the shared helper without n8n, used by the unit tests
 * (test/unit) and the benchmark (bench/helper.js, on the compiled helper): `httpRequestWithAuthentication`
 * sends a real HTTP request with axios (as n8n does, over a keep-alive agent), applies a header
 * credential, and on failure throws what n8n throws — a NodeApiError whose `cause` is the axios error.
 * Node-level tests use the n8n-core harness in test/harness/inprocess.ts instead.
 */
const http = require('http');
const axios = require('axios');
const { NodeApiError } = require('n8n-workflow');

const testNode = {
	id: 'node-1',
	name: 'Test Node',
	type: 'n8n-nodes-psa.test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

// n8n uses keep-alive agents; so do we, so that latency figures compare.
const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });

function parseJson(text) {
	try {
		return JSON.parse(text);
	} catch {
		return text; // n8n hands unparsable text back as a string
	}
}

/**
 * @param {{ credentials: object, authHeader?: { name: string, field: string, prefix?: string } | null, node?: object }} options
 * authHeader: header name ← credential field (none when left out).
 */
function fakeContext(options) {
	const node = options.node || testNode;
	const authHeader = options.authHeader;
	const calls = [];
	return {
		calls,
		getNode: () => node,
		getCredentials: async () => options.credentials,
		helpers: {
			async httpRequestWithAuthentication(credentialType, request) {
				calls.push({ credentialType, options: request, t: Date.now() });
				const headers = { ...(request.headers || {}) };
				if (authHeader) {
					headers[authHeader.name] =
						`${authHeader.prefix || ''}${String(options.credentials[authHeader.field])}`;
				}
				let data = request.body;
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
						httpAgent: agent,
						responseType: request.encoding === 'arraybuffer' ? 'arraybuffer' : 'text',
						transitional: { silentJSONParsing: true, forcedJSONParsing: false },
					});
					let body = response.data;
					if (request.json && typeof body === 'string' && body !== '') body = parseJson(body);
					return request.returnFullResponse
						? { body, headers: response.headers, statusCode: response.status }
						: body;
				} catch (error) {
					if (error.response && typeof error.response.data === 'string') {
						error.response.data = parseJson(error.response.data);
					}
					throw new NodeApiError(node, error);
				}
			},
		},
	};
}

module.exports = { fakeContext, testNode };
