// A right-aligned number and the left-aligned text in the next column read as one run of characters
// ("38Procurement spend", "$30,180,000Legal 84%") unless something keeps them apart. The rule, as a
// finance report pads its numbers: every number the add-in's sheets show keeps a digit's width clear
// on its right (a number format ending in `_0`), on every sheet and on each appended Decision log row.

import { generatePortfolio, withValueRanges } from '../../bench/generate';
import { prioritise } from '../../src/engine/plan';
import { decisionLogRow } from '../../src/layout/decisionLog';
import { SheetBuilder, withNumberMargin, type LayoutCell } from '../../src/layout/grid';
import { planLayout } from '../../src/layout/planLayout';

/** The width of a digit, left clear after the number: Excel's `_0`. */
const DIGIT_MARGIN = '_0';

/** A generated portfolio over three horizons, with value ranges, a demand overrun and the bottleneck economics: every section there is. */
function fullLayout() {
  const portfolio = generatePortfolio(30, 11);
  const ranged = withValueRanges(portfolio.initiatives);
  const initiatives = { ...ranged, headers: [...ranged.headers, 'Duration'], rows: ranged.rows.map((row, r) => [...row, r % 4 === 0 ? 2 : '']) };
  const settings = { ...portfolio.settings, rows: [...portfolio.settings.rows, ['Horizons', 'H1, H2'], ['Demand overrun', '20%'], ['Confidence draws', 50]] };
  const plan = prioritise({ initiatives, capacity: portfolio.capacity, settings }, { now: '2026-11-23T10:00:00Z', runBy: 'Ana' }, { economics: true });
  return { plan, layout: planLayout(plan) };
}

/** Where a number sits directly left of a text cell, with the number's format. */
function numbersBesideText(values: LayoutCell[][], formatAt: (row: number, column: number) => string | null | undefined) {
  const found: { row: number; column: number; value: number; format: string | null | undefined; next: string }[] = [];
  values.forEach((cells, row) =>
    cells.forEach((value, column) => {
      const next = cells[column + 1];
      if (typeof value === 'number' && typeof next === 'string' && next.trim() !== '') found.push({ row, column, value, format: formatAt(row, column), next });
    }),
  );
  return found;
}

describe('numbers beside text', () => {
  const { plan, layout } = fullLayout();
  const sheets = [layout.changeImpact, layout.decisionLogSheet, layout.settingsSheet, layout.roadmap!];

  test('the portfolio has a number beside text on the Roadmap, the Change impact (How sure, bottlenecks) and the Decision log', () => {
    for (const sheet of [layout.roadmap!, layout.changeImpact, layout.decisionLogSheet]) expect(numbersBesideText(sheet.values, () => null).length).toBeGreaterThan(0);
    expect(plan.confidence).toBeDefined();
  });

  test.each(['Roadmap', 'Change impact', 'Decision log', 'Prioritisation settings'])('on the %s sheet each keeps a digit of room on its right', (name) => {
    const sheet = sheets.find((s) => s.name === name)!;
    const cramped = numbersBesideText(sheet.values, (r, c) => sheet.formats[r]?.[c]).filter((n) => !n.format?.endsWith(DIGIT_MARGIN));
    expect(cramped).toEqual([]);
  });

  test('an appended Decision log row pads its numbers as the log sheet does', () => {
    const row = decisionLogRow(plan.logEntry, '$');
    const first = layout.decisionLogSheet.values.findIndex((cells) => cells[0] === row.values[0]);
    expect(row.formats).toEqual(layout.decisionLogSheet.formats[first]!.slice(0, row.formats.length));
    expect(row.formats[0]).toBe(`yyyy-mm-dd hh:mm${DIGIT_MARGIN}`);
  });
});

describe('the margin of a number format', () => {
  test('is added once to a number, money, percentage or date format', () => {
    expect(withNumberMargin('0')).toBe('0_0');
    expect(withNumberMargin('"$"#,##0')).toBe('"$"#,##0_0');
    expect(withNumberMargin('0%')).toBe('0%_0');
    expect(withNumberMargin('#,##0.0')).toBe('#,##0.0_0');
    expect(withNumberMargin(withNumberMargin('0'))).toBe('0_0');
  });

  test('goes on every section that shows something', () => {
    expect(withNumberMargin('0;-0;"none"')).toBe('0_0;-0_0;"none"_0');
    expect(withNumberMargin('"a;b"0')).toBe('"a;b"0_0');
  });

  test('leaves text, General and a hidden value alone', () => {
    expect(withNumberMargin('@')).toBe('@');
    expect(withNumberMargin(null)).toBeNull();
    expect(withNumberMargin('General')).toBe('General');
    expect(withNumberMargin(';;;')).toBe(';;;');
  });

  test('shared formats stay shared: rows built from one formats array still share one', () => {
    const s = new SheetBuilder(3);
    const formats = s.formatsOf(['0', '@', '0%']);
    s.row([1, 'a', 0.5], formats);
    s.row([2, 'b', 0.25], formats);
    const sheet = s.build('T', [8, 8, 8]);
    expect(sheet.formats[0]).toEqual(['0_0', '@', '0%_0']);
    expect(sheet.formats[1]).toBe(sheet.formats[0]);
  });
});
