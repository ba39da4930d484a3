'use strict';
/**
 * A small n8n execution context for benchmarking the compiled shared helper without n8n (the JS twin of
 * test/unit/fake-context.ts): `httpRequestWithAuthentication` sends a real request with axios, as n8n
 * does, adds a header credential, and on failure throws what n8n throws: a NodeApiError whose `cause`
 * is the axios error.
 */
const http = require('http');
const axios = require('axios');
const { NodeApiError } = require('n8n-workflow');

const benchNode = {
	id: 'bench-node',
	name: 'Bench Node',
	type: 'n8n-nodes-psa.bench',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

// n8n uses keep-alive agents; do the same so latency is comparable.
const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });

function fakeContext({ credentials, authHeader = { name: 'X-Api-Key', field: 'apiKey' } }) {
	const stats = { calls: 0 };
	return {
		stats,
		getNode: () => benchNode,
		getCredentials: async () => credentials,
		helpers: {
			async httpRequestWithAuthentication(_credentialType, request) {
				stats.calls++;
				const headers = { ...(request.headers || {}) };
				if (authHeader)
					headers[authHeader.name] = `${authHeader.prefix || ''}${credentials[authHeader.field]}`;
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
						headers,
						data,
						timeout: request.timeout,
						httpAgent: agent,
						responseType: 'text',
						transitional: { silentJSONParsing: true, forcedJSONParsing: false },
					});
					let body = response.data;
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
					if (error.response && typeof error.response.data === 'string') {
						try {
							error.response.data = JSON.parse(error.response.data);
						} catch {
							// leave text
						}
					}
					throw new NodeApiError(benchNode, error);
				}
			},
		},
	};
}

module.exports = { fakeContext, benchNode };
