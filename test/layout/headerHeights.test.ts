// A header whose words do not fit its column wraps, and its row is made as tall as its lines:
// neither Excel nor LibreOffice re-fits a row when it opens a file, so a second line would
// otherwise be cut off (the Decision log read "Deferred (in-", "Not", "Input").

import fc from 'fast-check';
import { generatePortfolio, withValueRanges } from '../../bench/generate';
import { prioritise } from '../../src/engine/plan';
import { headerFitWidth, SheetBuilder, wrappedRowHeights, wrappedLines, LINE_POINTS } from '../../src/layout/grid';
import { outputColumnsLayout } from '../../src/layout/outputColumns';
import { pageSetupOf } from '../../src/layout/pageSetup';

describe('how many lines a header wraps to', () => {
  it('is one when the words fit the column', () => {
    expect(wrappedLines('Initiative', 30)).toBe(1);
    expect(wrappedLines('Utilisation after', 16)).toBe(1);
  });

  it('breaks between words, as Excel wraps them', () => {
    expect(wrappedLines('Deferred (capacity)', 12)).toBe(2);
    expect(wrappedLines('Demand cut that brings it in', 24)).toBe(2);
  });

  it('breaks a word wider than the column inside it', () => {
    expect(wrappedLines('Accountability', 6)).toBe(3);
  });

  it('never gives fewer lines for a narrower column', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z()-]{1,14}$/), { minLength: 1, maxLength: 6 }), fc.integer({ min: 2, max: 60 }), (words, width) => {
        const text = words.join(' ');
        expect(wrappedLines(text, width)).toBeGreaterThanOrEqual(wrappedLines(text, width + 1));
      }),
    );
  });
});

describe('how many lines a sentence of plain text wraps to', () => {
  // Measured on LibreOffice's PDF of the settings sheet: plain letters average about 0.78 of a digit (0.75-0.79 over
  // the meanings), bold header letters about 0.9. Counting plain text as bold made one row in nine a line too tall.
  const sentence = 'How much the business outcome counts, with what it changes, for the decision in the room.';

  it('counts plain letters narrower than bold ones: a sentence that fits as text would wrap as a header', () => {
    expect(sentence).toHaveLength(89);
    expect(wrappedLines(sentence, 80, 'wrap')).toBe(1);
    expect(wrappedLines(sentence, 80, 'header')).toBe(2);
  });

  it('still never gives fewer lines for a narrower column, nor fewer than a header of the same words minus one', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z()-]{1,14}$/), { minLength: 1, maxLength: 12 }), fc.integer({ min: 2, max: 80 }), (words, width) => {
        const text = words.join(' ');
        expect(wrappedLines(text, width, 'wrap')).toBeGreaterThanOrEqual(wrappedLines(text, width + 1, 'wrap'));
        expect(wrappedLines(text, width, 'wrap')).toBeLessThanOrEqual(wrappedLines(text, width, 'header'));
      }),
    );
  });
});

describe('the height of a header row', () => {
  function sheet(headers: string[], widths: number[]) {
    const s = new SheetBuilder(headers.length);
    s.row(['Title'], [], 'title');
    s.blank();
    s.row(headers, [], 'header');
    s.row(headers.map(() => 1));
    return s.build('Sheet', widths);
  }

  it('is left to Excel when every header fits on one line', () => {
    expect(sheet(['Team', 'Unit'], [20, 10]).rowHeights).toBeUndefined();
  });

  it('is as many lines as its longest header needs', () => {
    expect(sheet(['Run at (UTC)', 'Deferred (capacity)', 'Deferred (in-flight limit)'], [17, 12, 12]).rowHeights).toEqual([{ row: 2, points: 3 * LINE_POINTS }]);
  });

  it('stops at three lines', () => {
    const layout = sheet(['A header far too long for its narrow column to hold'], [6]);
    expect(layout.rowHeights).toEqual([{ row: 2, points: 3 * LINE_POINTS }]);
  });

  it('counts a wrap row too, up to sixteen lines: a sentence beside other cells', () => {
    const s = new SheetBuilder(2);
    s.row(['Short', 'A sentence of many words that needs three lines here'], [], 'wrap');
    s.row(['Short', 'word '.repeat(200)], [], 'wrap');
    s.row(['Short', 'Fits'], [], 'wrap');
    expect(wrappedRowHeights(s.values, s.styles, [10, 20])).toEqual([
      { row: 0, points: 3 * LINE_POINTS },
      { row: 1, points: 16 * LINE_POINTS },
    ]);
  });

  it('is each row\'s own lines whatever texts repeat down a column (each column measures a text once)', () => {
    const sentence = fc.array(fc.stringMatching(/^[A-Za-z()-]{1,14}$/), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 30 }), (texts, picks) => {
        // The same texts in both columns, of different widths: a text measured in one is measured again in the other.
        const widths = [12, 30];
        const s = new SheetBuilder(2);
        for (const [a, b] of picks) s.row([texts[a % texts.length]!, texts[b % texts.length]!], [], 'wrap');
        const expected = s.values.flatMap((cells, row) => {
          const lines = Math.min(16, Math.max(...cells.map((text, c) => wrappedLines(String(text), widths[c]!, 'wrap'))));
          return lines > 1 ? [{ row, points: lines * LINE_POINTS }] : [];
        });
        expect(wrappedRowHeights(s.values, s.styles, widths)).toEqual(expected);
      }),
    );
  });

  it('counts only header and wrap rows: a long title or value is not wrapped', () => {
    const s = new SheetBuilder(1);
    s.row(['A title much wider than its column'], [], 'title');
    s.row(['A value much wider than its column']);
    expect(wrappedRowHeights(s.values, s.styles, [5])).toEqual([]);
  });

  it('is counted when the page breaks are planned', () => {
    const tall = new SheetBuilder(1);
    tall.row(['Title'], [], 'title');
    for (let section = 0; section < 8; section++) {
      tall.row(['Section'], [], 'section');
      tall.row(['A header of many words that wraps to three lines'], [], 'header');
      for (let i = 0; i < 6; i++) tall.row([i]);
    }
    const layout = tall.build('Sheet', [14]);
    const flat = pageSetupOf({ ...layout, rowHeights: undefined });
    expect(layout.pageSetup!.breaks[0]).toBeLessThan(flat.breaks[0]!);
  });
});

describe("the output columns' headers in the user's table", () => {
  // Their header row is the user's, so it is not grown: each column is made wide enough for its header on one line
  // beside the filter button (it read 'Priority sc▾' and 'Readiness▾' at the widths the values need).
  const FILTER_BUTTON = 2.5;
  /** Every output column: a roadmap (Start) with value ranges (Confidence). */
  function allOutputColumns() {
    const portfolio = generatePortfolio(24, 7);
    const settings = { ...portfolio.settings, rows: [...portfolio.settings.rows, ['Horizons', 'H1, H2'], ['Confidence draws', 50]] };
    return outputColumnsLayout(prioritise({ initiatives: withValueRanges(portfolio.initiatives), capacity: portfolio.capacity, settings }, { now: '2026-11-23T10:00:00Z' }, { economics: false }));
  }

  it('fit on one line beside the filter button', () => {
    const layout = allOutputColumns();
    expect(layout.headers).toEqual(expect.arrayContaining(['Priority score', 'Readiness score', 'Start', 'Confidence']));
    layout.headers.forEach((header, i) => expect([header, wrappedLines(header, layout.widths[i]! - FILTER_BUTTON)]).toEqual([header, 1]));
  });

  it('keep the wider width a column needs for its values (Why, Gate gaps)', () => {
    const layout = allOutputColumns();
    expect(layout.widths[layout.headers.indexOf('Why')]).toBe(70);
    expect(layout.widths[layout.headers.indexOf('Gate gaps')]).toBe(48);
  });

  it('gives any header one line beside the button', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z()-]{1,40}$/), (header) => expect(wrappedLines(header, headerFitWidth(header) - FILTER_BUTTON)).toBe(1)));
  });
});
