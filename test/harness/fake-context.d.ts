import type { IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';

export interface FakeContextOptions {
	credentials: IDataObject;
	/** Header name ← credential field (none when left out). */
	authHeader?: { name: string; field: string; prefix?: string } | null;
	node?: INode;
}

export declare const testNode: INode;

export declare function fakeContext(options: FakeContextOptions): {
	calls: Array<{ credentialType: string; options: IHttpRequestOptions; t: number }>;
	getNode: () => INode;
	getCredentials: () => Promise<IDataObject>;
	helpers: {
		httpRequestWithAuthentication(
			credentialType: string,
			request: IHttpRequestOptions,
		): Promise<unknown>;
	};
};
