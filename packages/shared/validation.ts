import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { rowLabel } from './errors';

/**
 * Input checks made before a request is sent. Each error names the field (as the user sees its
 * label) and the item, and nothing reaches the vendor.
 */
export function invalidInput(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	hint?: string,
): NodeOperationError {
	return new NodeOperationError(node, `${field}: ${problem} (${rowLabel(itemIndex)})`, {
		itemIndex,
		description: hint ? `${hint} (n8n item index ${itemIndex})` : `n8n item index ${itemIndex}`,
	});
}

/**
 * The text of a typed or expression value: numbers as digits, strings trimmed, anything else empty.
 */
export function valueText(value: unknown): string {
	return typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
}

export function requireString(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const text = valueText(value);
	if (!text) throw invalidInput(node, itemIndex, field, 'is required');
	return text;
}

export function requirePositiveInteger(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
): number {
	const text = valueText(value);
	if (!/^\d+$/.test(text) || Number(text) <= 0) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`must be a positive whole number, got "${String(value ?? '')}"`,
		);
	}
	return Number(text);
}

export function requireNumber(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	{ min, exclusiveMin, max }: { min?: number; exclusiveMin?: number; max?: number } = {},
): number {
	const n =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value)
				: NaN;
	if (!Number.isFinite(n))
		throw invalidInput(node, itemIndex, field, `must be a number, got "${String(value ?? '')}"`);
	if (min !== undefined && n < min)
		throw invalidInput(node, itemIndex, field, `must be at least ${min}, got ${n}`);
	if (exclusiveMin !== undefined && n <= exclusiveMin)
		throw invalidInput(node, itemIndex, field, `must be greater than ${exclusiveMin}, got ${n}`);
	if (max !== undefined && n > max)
		throw invalidInput(node, itemIndex, field, `must be at most ${max}, got ${n}`);
	return n;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requireGuid(node: INode, itemIndex: number, field: string, value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!GUID.test(text)) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`must be a GUID like 3f2504e0-4f89-11d3-9a0c-0305e82c3301, got "${String(value ?? '')}"`,
		);
	}
	return text;
}

export function isGuid(value: unknown): boolean {
	return typeof value === 'string' && GUID.test(value.trim());
}

/**
 * Text of a date-like value from an n8n field: an ISO string, a JS Date, or a luxon DateTime (what
 * `{{ $now }}` and `{{ $today.plus(1, 'day') }}` evaluate to). Luxon values keep their own zone.
 */
export function dateText(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
	if (value && typeof value === 'object') {
		const luxon = value as {
			isLuxonDateTime?: boolean;
			isValid?: boolean;
			toISO?: () => string | null;
		};
		if (typeof luxon.toISO === 'function')
			return luxon.isValid === false ? '' : (luxon.toISO() ?? '');
	}
	return '';
}
