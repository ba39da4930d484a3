/**
 * The write-safety checks every vendor passes in real n8n, as one parameterised suite (each vendor's e2e
 * file calls `describeWriteSafety` with its own workflow, counters and fault):
 *
 *   1. a bad row in the middle sends nothing: the run fails naming the field and the row, the vendor got no
 *      write of the run and stored nothing;
 *   2. Continue On Fail keeps `mayHaveBeenApplied`: the vendor stores row 2 and then answers 500; row 2
 *      comes out as a failure row marked "check first", rows 1 and 3 as records, and row 2 was not resent.
 */
import { runViaWebhook, sandboxControl, type Vendor, type Workflow } from './harness';

/** One input row of the suite: a day, hours (bad on purpose where a test says so) and a note. */
export interface Row {
	day: string;
	h: unknown;
	note: string;
}

export interface WriteSafetyCase {
	vendor: Vendor;
	/** The vendor as the test names read ("Blikk"). */
	label: string;
	/** A webhook-started workflow that writes one record per row of `body(rows)`. */
	workflow: (onError?: 'continueRegularOutput') => Workflow | Promise<Workflow>;
	/** The webhook body carrying the rows. */
	body: (rows: Row[]) => unknown;
	/** Write requests the vendor's sandbox received so far (for "nothing was sent"). */
	writes: () => Promise<number>;
	/** How many records the sandbox holds with this note. */
	stored: (note: string) => Promise<number>;
	/** The sandbox fault: a 500 answered AFTER the vendor stored the second write. */
	fault: Record<string, unknown>;
	/** What a good row's output record holds (e.g. `{ comment: note, hours }`). */
	record: (row: Row) => Record<string, unknown>;
	/** Days for the two tests, so runs of different vendors never collide. */
	days?: [string, string, string];
}

export function describeWriteSafety(c: WriteSafetyCase): void {
	const [d1, d2, d3] = c.days ?? ['2026-06-10', '2026-06-11', '2026-06-12'];

	it(`${c.label}: a bad row in the middle sends nothing: row 1 is not written when row 2 is bad`, async () => {
		const before = await c.writes();
		const run = await runViaWebhook(
			await c.workflow(),
			c.body([
				{ day: d1, h: 1, note: `E2E bad-middle 1 ${c.vendor}` },
				{ day: d2, h: 'abc', note: `E2E bad-middle 2 ${c.vendor}` },
				{ day: d3, h: 2, note: `E2E bad-middle 3 ${c.vendor}` },
			]),
		);
		expect(run.status).toBe(500);
		expect(run.error?.message).toBe('Hours: must be a number, got "abc" (row 2)');
		expect(run.error?.description).toMatch(/Nothing was (sent|written)/);
		expect(await c.writes()).toBe(before);
		expect(await c.stored(`E2E bad-middle 1 ${c.vendor}`)).toBe(0);
	});

	it(`${c.label}: Continue On Fail keeps mayHaveBeenApplied: a 500 after the vendor stored row 2 says "check first"`, async () => {
		await sandboxControl(c.vendor, 'faults', { ...c.fault, after: 1, count: 1 });
		try {
			const rows: Row[] = [
				{ day: d1, h: 1, note: `E2E cof 1 ${c.vendor}` },
				{ day: d2, h: 2, note: `E2E cof 2 ${c.vendor}` },
				{ day: d3, h: 3, note: `E2E cof 3 ${c.vendor}` },
			];
			const run = await runViaWebhook(await c.workflow('continueRegularOutput'), c.body(rows));
			expect(run.status).toBe(200);
			expect(run.items).toHaveLength(3);
			expect(run.items[0]).toMatchObject(c.record(rows[0]));
			expect(run.items[1]).toMatchObject({
				httpCode: 500,
				row: 2,
				itemIndex: 1,
				mayHaveBeenApplied: true,
			});
			expect(String(run.items[1].description)).toMatch(/may already have been carried out/);
			expect(run.items[2]).toMatchObject(c.record(rows[2]));
			// Row 2 was stored once by the vendor (and not resent).
			expect(await c.stored(rows[1].note)).toBe(1);
		} finally {
			await sandboxControl(c.vendor, 'faults', { clear: true });
		}
	});
}
