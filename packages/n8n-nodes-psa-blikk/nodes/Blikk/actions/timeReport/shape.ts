import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { refId } from '../common';

/** The shapes of a time report: as Blikk's PUT expects it, and flat (Simplify). */

/** A time report as read (timereport.detail) → the body PUT expects. */
export function timeReportToWrite(r: IDataObject): IDataObject {
	const strip = (o: unknown) => {
		if (!o || typeof o !== 'object') return null;
		const copy = { ...(o as IDataObject) };
		delete copy.objectName;
		return copy;
	};
	const materials = ((r.materials as IDataObject[]) ?? []).map((m) => ({
		id: m.id,
		articleId: refId(m.article),
		articleNumber: m.articleNumber ?? null,
		title: m.title ?? null,
		unitPrice: m.unitPrice ?? null,
		invoiceableUnitPrice: m.invoicableUnitPrice ?? null,
		units: m.units ?? null,
		invoiceableUnits: m.invoicableUnits ?? null,
		calculatedUnits: m.calculatedUnits ?? null,
		unitText: m.unitText ?? null,
		cost: m.cost ?? null,
		discountInPercent: m.discountInPercent ?? null,
		isTextOnly: false,
	}));
	const equipments = ((r.equipments as IDataObject[]) ?? []).map((e) => ({
		id: e.id,
		hours: e.hours,
		articleId: refId(e.article),
		comment: e.comment ?? null,
	}));
	const additions = ((r.additions as IDataObject[]) ?? []).map((a) => ({
		id: a.id,
		articleId: refId(a.article),
		yesNo: null,
		numberCount: a.salaryCount ?? null,
	}));
	const travel = r.travelReport as IDataObject | null;
	return {
		date: `${String(r.date).slice(0, 10)} 00:00:00`,
		clockStart: r.clockStart ?? null,
		clockEnd: r.clockEnd ?? null,
		hours: r.hours,
		invoiceableHours: r.invoiceableHours,
		breakMinutes: r.breakMinutes ?? null,
		comment: r.comment ?? null,
		internalComment: r.internalComment ?? null,
		userId: refId(r.user),
		projectId: refId(r.project),
		internalProjectId: refId(r.internalProject),
		absenceProjectId: refId(r.absenceProject),
		activityId: refId(r.activity),
		timeCodeId: refId(r.timeCode),
		timeArticleId: refId(r.timeArticle),
		taskId: refId(r.task),
		travelReport: travel
			? {
					place: travel.place ?? null,
					distance: travel.distance ?? null,
					invoiceableDistance: travel.invoicableDistance ?? null,
					toSalary: travel.toSalary ?? false,
					companyCar: strip(travel.companyCar),
				}
			: null,
		allowanceReport: r.allowanceReport ? strip(r.allowanceReport) : null,
		materials,
		equipments,
		additions,
	};
}

/**
 * A reference to another record ({ id, name[, number] }), not a part of the report such as its
 * travel report.
 */
function isReference(value: unknown): value is IDataObject {
	if (
		!value ||
		typeof value !== 'object' ||
		Array.isArray(value) ||
		!('id' in (value as IDataObject))
	)
		return false;
	return Object.keys(value as IDataObject).every((key) =>
		['objectName', 'id', 'name', 'number'].includes(key),
	);
}

/** References that may be null: flat they still give `<name>Id` and `<name>Name`. */
const REFERENCES = [
	'user',
	'project',
	'internalProject',
	'absenceProject',
	'contact',
	'activity',
	'timeCode',
	'timeArticle',
	'costCenter',
	'attestedByUser',
	'bookingProject',
	'task',
];

/**
 * A time report as one flat row: references become `<name>Id` / `<name>Name`, `objectName` goes.
 */
function simplifyTimeReport(r: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(r)) {
		if (key === 'objectName') continue;
		if (isReference(value)) {
			out[`${key}Id`] = value.id;
			out[`${key}Name`] = value.name ?? null;
			if (value.number !== undefined) out[`${key}Number`] = value.number;
		} else if (value === null && REFERENCES.includes(key)) {
			out[`${key}Id`] = null;
			out[`${key}Name`] = null;
		} else {
			out[key] = value;
		}
	}
	return out;
}

/**
 * Simplify (default on) → one flat shape for every time report operation; off → Blikk's own record.
 */
export function shaped(ctx: IExecuteFunctions, i: number, record: IDataObject): IDataObject {
	return (ctx.getNodeParameter('simplify', i, true) as boolean)
		? simplifyTimeReport(record)
		: record;
}
