// The Change impact cells are staged on a hidden sheet in the check's round
// trip and promoted in the write's. These tests hold the promises that make
// that safe: nothing of the user's is touched when nothing may be written, no
// staging sheet is ever left behind or collides with a user's sheet, and a
// rerun keeps the very sheet the user's formulas point at.

import { createOfficeWorkbook } from '../../../src/adapters/office/officeWorkbook';
import { readWorkbook } from '../../../src/adapters/office/readWorkbook';
import { looksLikeStaging, stagingName } from '../../../src/adapters/office/staging';
import { writePlan } from '../../../src/adapters/office/writePlan';
import { runPlan } from '../../../src/app/runPlan';
import { prioritise } from '../../../src/engine/plan';
import { OWNER_MARK } from '../../../src/layout/names';
import { planLayout } from '../../../src/layout/planLayout';
import type { FakeExcel } from './fakeExcel';
import { NOW, everything, portOn, sampleWorkbook, syncsSince } from './workbooks';

const run = (fake: FakeExcel, supports?: (version: string) => boolean) => runPlan(portOn(fake, supports), { now: NOW });

/** Calls `act` just before the given sync of the next run (counted across its Excel.run calls), once. */
function atSync(fake: FakeExcel, syncNumber: number, act: () => void): void {
  let syncs = 0;
  const inner = fake.run;
  fake.run = (work) =>
    inner((context) => {
      (context as unknown as { beforeSync?: () => void }).beforeSync = () => ++syncs === syncNumber && act();
      return work(context);
    });
}

const stagingSheets = (fake: FakeExcel) => fake.model.sheets.filter((s) => looksLikeStaging(s.name));

describe('stagingName', () => {
  it('makes a valid sheet name that looks like a staging sheet', () => {
    const name = stagingName([]);
    expect(looksLikeStaging(name)).toBe(true);
    expect(name.length).toBeLessThanOrEqual(31);
  });

  it('never gives the name of a sheet already there, whatever its case', () => {
    const draws = [...Array(8).fill(0), ...Array(8).fill(1 / 36)];
    const random = () => draws.shift() ?? 0.5;
    expect(stagingName(['PRIORITISER STAGING aaaaaaaa'], random)).toBe('Prioritiser staging bbbbbbbb');
  });

  it('is not fooled by names of the user\'s that merely start the same way', () => {
    expect(['Prioritiser staging notes', 'Prioritiser staging abcdefgh (2)', 'My Prioritiser staging abcdefgh'].map(looksLikeStaging)).toEqual([false, false, false]);
  });
});

describe('the staged Change impact sheet', () => {
  it('is written hidden in the check\'s round trip, under a staging name, carrying the add-in\'s mark in A2', async () => {
    const fake = sampleWorkbook();
    let during: { name: string; visibility: string; a2: unknown }[] = [];
    atSync(fake, 4, () => {
      during = fake.model.sheets.filter((s) => !['Portfolio', 'Capacity'].includes(s.name)).map((s) => ({ name: s.name, visibility: s.visibility, a2: s.value(1, 0) }));
    });
    await run(fake);
    expect(during).toEqual([{ name: expect.stringMatching(/^Prioritiser staging /), visibility: 'Hidden', a2: expect.stringContaining(OWNER_MARK) }]);
  });

  it('becomes the visible Change impact sheet on a first run, placed after the user\'s sheets, and leaves no staging sheet', async () => {
    const fake = sampleWorkbook();
    await run(fake);
    expect(fake.model.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Portfolio', 'Visible'],
      ['Capacity', 'Visible'],
      ['Change impact', 'Visible'],
      ['Decision log', 'Visible'],
      ['Prioritisation settings', 'Visible'],
    ]);
  });

  it('is copied into the same Change impact sheet on a rerun, so formulas that point at that sheet keep working', async () => {
    const fake = sampleWorkbook();
    await run(fake);
    const sheet = fake.model.sheet('Change impact')!;
    const result = await run(fake);
    if (result.kind !== 'written') throw new Error(result.kind);
    expect(fake.model.sheet('Change impact')).toBe(sheet);
    const expected = result.layout.changeImpact.values.map((row) => row.map((cell) => cell ?? ''));
    expect(sheet.values({ row: 0, column: 0, rows: expected.length, columns: expected[0]!.length })).toEqual(expected);
    expect(stagingSheets(fake)).toEqual([]);
  });

  it('keeps the text format and the apostrophe of text that looks like a formula when copied on a rerun', async () => {
    const fake = sampleWorkbook();
    const column = fake.model.table('Initiatives')!.headers.indexOf('Initiative');
    fake.model.sheet('Portfolio')!.cell(1, column).value = '=HYPERLINK("http://x","y")';
    await run(fake);
    await run(fake);
    const cells = [...fake.model.sheet('Change impact')!.cellsIn({ row: 0, column: 0, rows: 10_000, columns: 50 })].map(([, , cell]) => cell);
    const quoted = cells.filter((cell) => cell.value === '=HYPERLINK("http://x","y")');
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.every((cell) => cell.quotePrefix === true && cell.formula === undefined && cell.format === '@')).toBe(true);
  });

  it('is not used for a rerun where Range.copyFrom (ExcelApi 1.9) is missing: the sheet is rebuilt in place, still the same sheet', async () => {
    const fake = sampleWorkbook();
    const only17 = (version: string) => version === '1.7';
    await run(fake, only17);
    const sheet = fake.model.sheet('Change impact')!;
    const seenStaging: string[] = [];
    const from = fake.contexts.length;
    const inner = fake.run;
    fake.run = (work) =>
      inner((context) => {
        (context as unknown as { beforeSync?: () => void }).beforeSync = () => seenStaging.push(...stagingSheets(fake).map((s) => s.name));
        return work(context);
      });
    const result = await run(fake, only17);
    expect([result.kind, seenStaging, fake.model.sheet('Change impact') === sheet]).toEqual(['written', [], true]);
    expect(syncsSince(fake, from)).toHaveLength(4);
  });
});

describe('when nothing may be written', () => {
  it('deletes the staging sheet and leaves the workbook exactly as it was, hidden sheets included, when the table changed', async () => {
    const fake = sampleWorkbook();
    let asEdited: unknown;
    atSync(fake, 3, () => {
      fake.model.sheet('Portfolio')!.cell(3, 5).value = 1; // a co-author's edit, just before the check
      asEdited = everything(fake);
    });
    const result = await run(fake);
    expect(result.kind === 'not-written' && result.outcome.problem.kind).toBe('changed');
    expect(everything(fake)).toEqual(asEdited);
  });

  it('spends the round trip a write would have on deleting the staging sheet: four in all', async () => {
    const fake = sampleWorkbook();
    atSync(fake, 3, () => (fake.model.sheet('Portfolio')!.cell(3, 5).value = 1));
    await run(fake);
    expect(syncsSince(fake)).toHaveLength(4);
    expect(stagingSheets(fake)).toEqual([]);
  });

  it('deletes the staging sheet when a sheet the add-in needs turns out to be the user\'s', async () => {
    const fake = sampleWorkbook();
    fake.model.addSheet('Change impact').cell(1, 0).value = 'My notes';
    const before = everything(fake);
    const result = await run(fake);
    expect(result.kind === 'not-written' && result.outcome.problem.kind).toBe('name-taken');
    expect(everything(fake)).toEqual(before);
  });
});

describe('a failure after the check', () => {
  it('deletes the staging sheet and reports the error when Excel refuses the write (the table\'s sheet protected meanwhile)', async () => {
    const fake = sampleWorkbook();
    const before = everything(fake);
    atSync(fake, 4, () => (fake.model.sheet('Portfolio')!.protected = true));
    await expect(run(fake)).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(everything(fake)).toEqual(before);
  });

  it('never renames onto a sheet a co-author made meanwhile under the Change impact name; the staging sheet is deleted', async () => {
    const fake = sampleWorkbook();
    atSync(fake, 4, () => (fake.model.addSheet('Change impact').cell(0, 0).value = 'a co-author\'s'));
    await expect(run(fake)).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    expect(fake.model.sheet('Change impact')!.usedValues()).toEqual([['a co-author\'s']]);
    expect(stagingSheets(fake)).toEqual([]);
  });

  it('waits out cell-edit mode that starts between check and write, then writes, leaving no staging sheet', async () => {
    const fake = sampleWorkbook();
    atSync(fake, 4, () => (fake.model.editing = true));
    const port = createOfficeWorkbook({ run: fake.run, supports: () => true, retry: { delaysMs: [1], sleep: async () => void (fake.model.editing = false) } });
    const result = await runPlan(port, { now: NOW });
    expect(result.kind).toBe('written');
    expect(fake.model.sheet('Change impact')!.visibility).toBe('Visible');
    expect(stagingSheets(fake)).toEqual([]);
  });
});

describe('staging sheets left by an interrupted run', () => {
  const leftover = (fake: FakeExcel, name: string, a2: string) => {
    const sheet = fake.model.addSheet(name);
    sheet.cell(1, 0).value = a2;
    sheet.visibility = 'Hidden';
  };

  it('are deleted by the next run that writes', async () => {
    const fake = sampleWorkbook();
    leftover(fake, 'Prioritiser staging k3j9x2qa', `${OWNER_MARK} on 2026-11-20 09:00 UTC.`);
    await run(fake);
    expect(stagingSheets(fake)).toEqual([]);
  });

  it('are left alone when A2 lacks the add-in\'s mark: a sheet of the user\'s that happens to look like one', async () => {
    const fake = sampleWorkbook();
    leftover(fake, 'Prioritiser staging mynotes1', 'My own notes');
    await run(fake);
    expect(stagingSheets(fake).map((s) => [s.name, s.value(1, 0)])).toEqual([['Prioritiser staging mynotes1', 'My own notes']]);
  });
});

describe('a table whose re-read would not fit in one response with the staged cells', () => {
  it('is checked after the staged cells are sent on their own: one round trip more, still checked before writing', async () => {
    const fake = sampleWorkbook();
    const context = fake.excel;
    const { snapshot, state } = await readWorkbook(context);
    const plan = prioritise(snapshot, { now: NOW });
    const outcome = await writePlan(context, { plan, layout: planLayout(plan), expectedFingerprint: snapshot.fingerprint, seen: { ...state, inputBytes: 5_000_000 }, supports: () => true, run: fake.run });
    expect(outcome).toMatchObject({ ok: true });
    expect(fake.context.syncs).toHaveLength(5); // two to read, the staged cells, the check, the write
    expect(stagingSheets(fake)).toEqual([]);
  });

  it('is staged apart after Excel refuses the combined response as too large, and the staging sheet of that try is deleted', async () => {
    const fake = sampleWorkbook();
    // A co-author pastes 6 MB of text into the table just before the check: the combined response passes 5 MB.
    atSync(fake, 3, () => {
      const sheet = fake.model.sheet('Portfolio')!;
      for (let r = 1; r <= 6; r++) sheet.cell(r, 1).value = 'x'.repeat(1024 * 1024);
    });
    const result = await run(fake);
    const refused = syncsSince(fake).filter((s) => s.refused === 'ResponsePayloadSizeLimitExceeded');
    expect(refused.length).toBeGreaterThan(0);
    expect(result.kind === 'not-written' && result.outcome.problem.kind).toBe('changed');
    expect(stagingSheets(fake)).toEqual([]);
    expect(fake.model.sheet('Change impact')).toBeUndefined();
  });
});

describe('a workbook whose structure is protected (Review > Protect Workbook)', () => {
  it('gets a rerun all the same: nothing is staged, the Change impact sheet is rebuilt in place', async () => {
    const fake = sampleWorkbook();
    await run(fake);
    fake.model.structureProtected = true;
    const names = fake.model.sheets.map((s) => s.name);
    const from = fake.contexts.length;
    const result = await run(fake);
    expect([result.kind, fake.model.sheets.map((s) => s.name)]).toEqual(['written', names]);
    expect(syncsSince(fake, from)).toHaveLength(4);
  });

  it('writes nothing on a first run, which would add sheets, and says how to unprotect it', async () => {
    const fake = sampleWorkbook();
    fake.model.structureProtected = true;
    const before = everything(fake);
    const result = await run(fake);
    expect(result.kind === 'not-written' && result.outcome.problem).toEqual({ kind: 'protected', sheet: 'Change impact', message: expect.stringMatching(/Review > Protect Workbook/) });
    expect(everything(fake)).toEqual(before);
  });
});
