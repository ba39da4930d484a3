import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { mayHaveBeenApplied, rowLabel } from './errors';
import {
	beginRehearsal,
	endRehearsal,
	endRehearsalPass,
	rehearsalReachedWrite,
	WriteReached,
} from './rehearsal';

/**
 * One operation of an action node, run for one input item. A handler reads its parameters, checks
 * them (throwing before it sends anything) and makes its requests through the shared helper. It may
 * return records, ready items with their own pairing, or `defer(plan)` to hand its write to the
 * node's batch phase.
 */
export type OperationHandler = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<IDataObject | IDataObject[] | INodeExecutionData[] | Deferred>;

/** resource → operation → handler. */
export type OperationTable = Record<string, Record<string, OperationHandler>>;

const DEFERRED = Symbol('deferred write');

/** A write handed over to the batch phase (e.g. many items' records sent in one request). */
export interface Deferred<P = unknown> {
	[DEFERRED]: true;
	plan: P;
}

export function defer<P>(plan: P): Deferred<P> {
	return { [DEFERRED]: true, plan };
}

function isDeferred(value: unknown): value is Deferred {
	return !!value && typeof value === 'object' && (value as Deferred)[DEFERRED] === true;
}

/** What the batch phase returns for one item: its output records, or its error. */
export type ItemOutcome = { json: IDataObject | IDataObject[] } | { error: Error };

export interface BatchPhase<P = unknown> {
	/**
	 * Sends every deferred write (items in input order) after all items passed their checks, and
	 * returns each item's outcome. Items missing from the map count as failed with a generic error.
	 */
	flush(
		this: IExecuteFunctions,
		deferred: Array<{ itemIndex: number; plan: P }>,
	): Promise<Map<number, ItemOutcome>>;
}

export interface ExecuteOptions {
	batch?: BatchPhase;
}

/**
 * The error to throw from a catch block: our n8n errors unchanged, anything else wrapped with the
 * item.
 */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) {
		const copy = new NodeApiError(node, error as unknown as JsonObject);
		if (mayHaveBeenApplied(error)) mayHaveBeenApplied.mark(copy);
		return copy;
	}
	if (error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, itemIndex === undefined ? {} : { itemIndex });
}

function isExecutionData(value: unknown): value is INodeExecutionData {
	return (
		!!value &&
		typeof value === 'object' &&
		typeof (value as INodeExecutionData).json === 'object' &&
		'pairedItem' in (value as object)
	);
}

function httpCodeOf(error: unknown): number | null {
	const raw = (error as { httpCode?: unknown })?.httpCode;
	const n = Number(raw);
	return raw !== undefined && raw !== null && raw !== '' && Number.isFinite(n) ? n : null;
}

/**
 * The row a failed item outputs under Continue On Fail, the same shape in every node: what went
 * wrong in the vendor's words, the details, the HTTP status (null if the request never got an
 * answer), the row as users count it, n8n's item index, and whether the write may already have been
 * carried out — so a workflow can route "safe to run again" rows apart from "check first" rows.
 */
function failureOutput(error: unknown, itemIndex: number): IDataObject {
	const e = error as Error & { description?: unknown };
	const description = typeof e?.description === 'string' && e.description ? e.description : null;
	return {
		error: e?.message || String(error),
		description,
		httpCode: httpCodeOf(error),
		row: itemIndex + 1,
		itemIndex,
		mayHaveBeenApplied: mayHaveBeenApplied(error),
	};
}

function pushRecords(out: INodeExecutionData[], itemIndex: number, result: unknown): void {
	const list = Array.isArray(result) ? result : [result];
	for (const entry of list) {
		out.push(
			isExecutionData(entry)
				? entry
				: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
		);
	}
}

function ranges(rows: number[]): string {
	const parts: string[] = [];
	let start = rows[0];
	let prev = rows[0];
	for (const r of [...rows.slice(1), NaN]) {
		if (r === prev + 1) {
			prev = r;
			continue;
		}
		parts.push(start === prev ? String(start) : `${start}–${prev}`);
		start = r;
		prev = r;
	}
	return parts.join(', ');
}

/**
 * With Continue On Fail off: one error that lists every bad row, thrown before anything was
 * written.
 */
function rejectAll(
	node: INode,
	failures: Array<{ itemIndex: number; error: unknown }>,
): NodeOperationError | NodeApiError {
	const note = 'Nothing was written: every row is checked before the first write.';
	if (failures.length === 1) {
		const { itemIndex, error } = failures[0];
		const wrapped = asNodeError(node, error, itemIndex);
		const description = (wrapped as { description?: string }).description;
		wrapped.description = description ? `${description} ${note}` : note;
		return wrapped;
	}
	const lines = failures.map(({ itemIndex, error }) => {
		const message = (error as Error)?.message ?? String(error);
		return message.includes(`(${rowLabel(itemIndex)})`)
			? `• ${message}`
			: `• ${rowLabel(itemIndex, true)}: ${message}`;
	});
	const rows = failures.map((f) => f.itemIndex + 1);
	return new NodeOperationError(
		node,
		`${failures.length} rows failed their checks (rows ${ranges(rows)}); nothing was written`,
		{
			description: `${lines.join('\n')}\n${note}`,
			itemIndex: failures[0].itemIndex,
		},
	);
}

/** A write failed mid-run with Continue On Fail off: say which rows were already carried out. */
function withWrittenRows(
	error: NodeApiError | NodeOperationError,
	written: number[],
): NodeApiError | NodeOperationError {
	if (!written.length) return error;
	const rows = ranges(written.map((i) => i + 1));
	const note = `Rows ${rows} of this run were already written before this error: don't run them again.`;
	const description = (error as { description?: string }).description;
	error.description = description ? `${description} ${note}` : note;
	return error;
}

/**
 * The execute() loop every action node shares.
 *
 * 1. **Check every row first.** Each item's handler runs as a rehearsal: parameters are resolved
 *    and checked, lookups (reads) go out, and the handler is stopped at its first write. A
 *    read-only operation finishes during the rehearsal and its result is kept (nothing runs twice).
 *    Nothing is written yet.
 * 2. If any row failed: with Continue On Fail off, one error lists every bad row and **nothing is
 *    sent**; with it on, those rows output their error (see `failureOutput`) and the good rows go
 *    ahead.
 * 3. **Send.** The rows that reached a write run for real, in input order; deferred writes go to
 *    the node's batch phase in one go. Output is in input order, each record paired with its input
 *    item.
 */
export async function executeOperations(
	this: IExecuteFunctions,
	table: OperationTable,
	options: ExecuteOptions = {},
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const node = this.getNode();
	const continueOnFail = this.continueOnFail();
	const perItem: INodeExecutionData[][] = items.map(() => []);
	const handlers: Array<OperationHandler | undefined> = [];
	const toSend: number[] = [];
	const deferred: Array<{ itemIndex: number; plan: unknown }> = [];
	const failures: Array<{ itemIndex: number; error: unknown }> = [];

	// Pass 1: rehearsal of every row.
	for (let i = 0; i < items.length; i++) {
		try {
			const resource = this.getNodeParameter('resource', i) as string;
			const operation = this.getNodeParameter('operation', i) as string;
			const handler = table[resource]?.[operation];
			if (!handler) {
				throw new NodeOperationError(
					node,
					`The operation "${operation}" is not supported for "${resource}"`,
					{ itemIndex: i },
				);
			}
			handlers[i] = handler;
			beginRehearsal(this);
			let result: Awaited<ReturnType<OperationHandler>> | undefined;
			let failure: unknown;
			try {
				result = await handler.call(this, i);
			} catch (error) {
				failure = error;
			}
			const reached = rehearsalReachedWrite(this) || failure instanceof WriteReached;
			endRehearsal(this);
			if (failure !== undefined && !reached) {
				failures.push({ itemIndex: i, error: failure });
				continue;
			}
			if (reached) toSend.push(i);
			else if (isDeferred(result)) deferred.push({ itemIndex: i, plan: result.plan });
			else pushRecords(perItem[i], i, result);
		} catch (error) {
			failures.push({ itemIndex: i, error });
		}
	}

	endRehearsalPass(this);

	if (failures.length) {
		if (!continueOnFail) throw rejectAll(node, failures);
		for (const { itemIndex, error } of failures)
			perItem[itemIndex] = [
				{ json: failureOutput(error, itemIndex), pairedItem: { item: itemIndex } },
			];
	}

	// Pass 2: send.
	const written: number[] = [];
	for (const i of toSend) {
		try {
			const result = await handlers[i]!.call(this, i);
			if (isDeferred(result)) {
				deferred.push({ itemIndex: i, plan: result.plan });
				continue;
			}
			pushRecords(perItem[i], i, result);
			written.push(i);
		} catch (error) {
			if (continueOnFail) {
				perItem[i] = [{ json: failureOutput(error, i), pairedItem: { item: i } }];
				continue;
			}
			throw withWrittenRows(asNodeError(node, error, i), written);
		}
	}

	if (deferred.length) {
		if (!options.batch)
			throw new NodeOperationError(
				node,
				'This operation needs a batch phase the node does not have',
			);
		deferred.sort((a, b) => a.itemIndex - b.itemIndex);
		let outcomes: Map<number, ItemOutcome>;
		try {
			outcomes = await options.batch.flush.call(this, deferred);
		} catch (error) {
			if (!continueOnFail)
				throw withWrittenRows(asNodeError(node, error, deferred[0].itemIndex), written);
			outcomes = new Map(deferred.map(({ itemIndex }) => [itemIndex, { error: error as Error }]));
		}
		let firstError: { itemIndex: number; error: Error } | undefined;
		for (const { itemIndex } of deferred) {
			const outcome = outcomes.get(itemIndex) ?? {
				error: new NodeOperationError(node, 'No outcome was reported for this row', { itemIndex }),
			};
			if ('error' in outcome) {
				firstError ??= { itemIndex, error: outcome.error };
				perItem[itemIndex] = [
					{ json: failureOutput(outcome.error, itemIndex), pairedItem: { item: itemIndex } },
				];
			} else {
				pushRecords(perItem[itemIndex], itemIndex, outcome.json);
				written.push(itemIndex);
			}
		}
		if (firstError && !continueOnFail) {
			written.sort((a, b) => a - b);
			throw withWrittenRows(asNodeError(node, firstError.error, firstError.itemIndex), written);
		}
	}

	return [perItem.flat()];
}
