// How each cell form the SPEC lists is read. Expected values come from the
// SPEC's "Cell forms that must be understood" and the rules documented in cells.ts.

import { a1, columnLetters, qualified } from '../../src/engine/address';
import fc from 'fast-check';
import { money, normalise, parseNumber, quantity, scale, showCell, shownAs, text, yesNo, type CellReader } from '../../src/engine/cells';
import { inputColumn, type InputKey } from '../../src/engine/columns';
import type { CellValue } from '../../src/engine/types';

const readerOf = (key: InputKey): CellReader<unknown> => inputColumn(key).reader;

describe('money cells', () => {
  test.each<[string, CellValue, number]>([
    ['a number', 1_200_000, 1_200_000],
    ['zero', 0, 0],
    ['numeric text', '450000', 450_000],
    ['comma thousands separators', '1,200,000', 1_200_000],
    ['space thousands separators', '1 200 000', 1_200_000],
    ['no-break space thousands separators', '1\u00a0200\u00a0000', 1_200_000],
    ['dollars with an M suffix', '$1.2M', 1_200_000],
    ['euros with a k suffix', '€300k', 300_000],
    ['pounds with a bn suffix', '£2bn', 2_000_000_000],
    ['a currency code and separators', 'USD 450,000', 450_000],
    ['a spelled-out million', '3 million', 3_000_000],
    ['surrounding spaces', '  $250k  ', 250_000],
  ])('%s: %p reads as %p', (_form, cell, expected) => {
    expect(money.read(cell)).toEqual({ kind: 'value', value: expected });
  });

  test.each<[string, CellValue]>([
    ['text in a number column', 'lots'],
    ['a negative number', -5],
    ['negative text with a currency symbol', '-$5'],
    ['accounting negative', '(1,200)'],
    ['a percentage, which is not an amount', '30%'],
    ['a boolean', true],
    ['badly grouped digits', '1,20'],
  ])('%s (%p) cannot be read as money', (_form, cell) => {
    const read = money.read(cell);
    expect(read.kind).toBe('error');
    expect(read).toMatchObject({ expected: expect.stringMatching(/amount/) });
  });
});

describe('percentages and quantities', () => {
  test.each<[string, number]>([
    ['30%', 0.3],
    ['7%', 0.07],
    ['100 %', 1],
  ])('%p reads as the share %p', (cell, expected) => {
    expect(parseNumber(cell)).toBeCloseTo(expected, 10);
  });

  test('half a unit of team demand can be written as 50%', () => {
    expect(quantity.read('50%')).toEqual({ kind: 'value', value: 0.5 });
  });

  test('negative team demand cannot be read', () => {
    expect(quantity.read(-2).kind).toBe('error');
  });
});

describe('1-5 scale cells', () => {
  test.each<[string, CellValue, number]>([
    ['the lowest number', 1, 1],
    ['the highest number', 5, 5],
    ['a decimal', 3.5, 3.5],
    ['numeric text', '4', 4],
    ['Low', 'Low', 1],
    ['Medium', 'medium', 3],
    ['High', 'HIGH', 5],
    ['Very high', 'Very  high', 5],
    ['out of five', '4/5', 4],
    ['out of five with spaces', '2 / 5', 2],
    ['0% as the bottom of the scale', '0%', 1],
    ['50% as the middle of the scale', '50%', 3],
    ['25% as a quarter of the way up', '25%', 2],
    ['100% as the top of the scale', '100%', 5],
  ])('%s: %p reads as %p', (_form, cell, expected) => {
    expect(scale.read(cell)).toEqual({ kind: 'value', value: expected });
  });

  test.each<[string, CellValue]>([
    ['7 on a 1-5 scale', 7],
    ['0 on a 1-5 scale', 0],
    ['7 written as text', '7'],
    ['6 out of 5', '6/5'],
    ['more than 100%', '120%'],
    ['text that is no rating', 'pretty good'],
    ['a boolean', false],
  ])('%s (%p) cannot be read as a rating', (_form, cell) => {
    expect(scale.read(cell)).toMatchObject({ kind: 'error', expected: expect.stringMatching(/1-5/) });
  });
});

describe('yes/no cells', () => {
  test.each<[CellValue, boolean]>([
    ['Yes', true],
    ['yes', true],
    ['Y', true],
    ['TRUE', true],
    ['true', true],
    [true, true],
    [1, true],
    ['1', true],
    ['✓', true],
    ['No', false],
    ['N', false],
    ['FALSE', false],
    [false, false],
    [0, false],
    ['0', false],
    ['✗', false],
  ])('%p reads as %p', (cell, expected) => {
    expect(yesNo.read(cell)).toEqual({ kind: 'value', value: expected });
  });

  test.each<[CellValue, boolean]>([
    ['✔️', true],
    ['☑️', true],
    ['✖️', false],
  ])('%p, a symbol with the emoji variation mark, reads as %p', (cell, expected) => {
    expect(yesNo.read(cell)).toEqual({ kind: 'value', value: expected });
  });

  test.each<CellValue>(['Maybe', 2, 'Partly'])('%p cannot be read as yes or no', (cell) => {
    expect(yesNo.read(cell)).toMatchObject({ kind: 'error', expected: 'Yes or No' });
  });
});

describe('the words finance teams use for the choice columns', () => {
  test.each<[InputKey, string, string]>([
    ['aiType', 'LLM agent', 'GenAI'],
    ['aiType', 'Agentic AI', 'GenAI'],
    ['aiType', 'GenAI / LLM', 'GenAI'],
    ['aiType', 'Copilot', 'GenAI'],
    ['aiType', 'Computer vision', 'ML'],
    ['aiType', 'NLP', 'ML'],
    ['aiType', 'ML model', 'ML'],
    ['aiType', 'Deep learning', 'ML'],
    ['aiType', 'Forecasting', 'ML'],
    ['aiType', 'Predictive analytics', 'ML'],
    ['aiType', 'Intelligent automation', 'Automation'],
    ['aiType', 'Rules engine', 'Automation'],
    ['aiType', 'Analytics / BI', 'Analytics'],
    ['aiType', 'Optimisation', 'Other'],
    ['phaseRequested', 'MVP', 'Pilot'],
    ['phaseRequested', 'Experiment', 'Pilot'],
    ['phaseRequested', 'Full rollout', 'Scale'],
    ['phaseRequested', 'Deployment', 'Scale'],
    ['phaseRequested', 'Expand', 'Scale'],
    ['riskTier', 'High risk', 'High'],
    ['riskTier', 'Very high', 'High'],
    ['riskTier', 'Critical', 'High'],
    ['riskTier', 'Minimal', 'Low'],
    ['riskTier', 'Low risk', 'Low'],
    ['baselineMethod', 'Holdout', 'A/B test'],
    ['baselineMethod', 'Randomised control trial', 'A/B test'],
    ['baselineMethod', 'Control group', 'A/B test'],
    ['baselineMethod', 'Historical baseline', 'Before/after'],
    ['baselineMethod', 'No baseline', 'None'],
    // Words trackers use that were reported as unreadable, making the row Invalid input.
    ['aiType', 'Traditional ML', 'ML'],
    ['aiType', 'Data science', 'ML'],
    ['aiType', 'OCR', 'ML'],
    ['phaseRequested', 'Proof of value', 'Pilot'],
    ['riskTier', 'Limited', 'Medium'],
    ['riskTier', 'Unacceptable', 'High'],
    ['riskTier', 'Significant', 'High'],
    ['baselineMethod', 'Before vs after', 'Before/after'],
    ['baselineMethod', 'Historical comparison', 'Before/after'],
    ['baselineMethod', 'Difference-in-differences', 'Matched cohorts'],
    ['baselineMethod', 'Synthetic control', 'Matched cohorts'],
    ['baselineMethod', 'Randomised control', 'A/B test'],
    ['dataRights', 'Approved', 'Yes'],
    ['dataRights', 'Not required', 'Yes'],
    ['dataRights', 'Partially cleared', 'Partial'],
    ['dataRights', 'Under review', 'Partial'],
    ['dataRights', 'Denied', 'No'],
    ['dataRights', 'Not started', 'No'],
  ])('%s: %p reads as %p', (key, cell, expected) => {
    expect(readerOf(key).read(cell)).toEqual({ kind: 'value', value: expected });
  });

  test.each<[InputKey, string]>([
    ['riskTier', 'Medium-high'],
    ['riskTier', '2'],
    ['aiType', 'RPA + ML'],
  ])('%s: %p could be more than one, so it is reported, not guessed', (key, cell) => {
    expect(readerOf(key).read(cell).kind).toBe('error');
  });
});

describe('a control answered with its status', () => {
  // "In place" or "Planned" where Yes or No goes were reported as unreadable; a status not yet done is No, not ready.
  test.each<[string, boolean]>([
    ['In place', true],
    ['Done', true],
    ['Implemented', true],
    ['Planned', false],
    ['Not yet', false],
    ['In progress', false],
    ['☐', false],
  ])('%p reads as %p', (cell, value) => {
    expect(yesNo.read(cell)).toEqual({ kind: 'value', value });
  });
});

describe('Data rights cells', () => {
  test.each<[CellValue, string]>([
    ['✓', 'Yes'],
    ['✔', 'Yes'],
    ['✔️', 'Yes'],
    ['✅', 'Yes'],
    ['✗', 'No'],
    ['✘', 'No'],
    ['❌', 'No'],
    ['Yes ✓', 'Yes'],
  ])('%p reads as %p', (cell, expected) => {
    expect(readerOf('dataRights').read(cell)).toEqual({ kind: 'value', value: expected });
  });

  test.each<CellValue>(['-', '?', '*', '—', '...'])('%p, punctuation only, cannot be read (it is not No)', (cell) => {
    expect(readerOf('dataRights').read(cell)).toMatchObject({ kind: 'error', expected: 'Yes, Partial or No' });
  });

  test('no cell without letters or digits reads as a value of a choice column, other than its own symbols', () => {
    const symbols = new Set(['✓', '✔', '✗', '✘']);
    const choices = (['aiType', 'baselineMethod', 'dataRights', 'riskTier', 'phaseRequested', 'override'] as const).map(readerOf);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('-', '?', '*', '/', '.', '—', '✓', '✗', '#', '!', ' ', '(', ')', '+')).map((parts) => parts.join('')), (cell) => {
        fc.pre(cell.trim() !== '' && !symbols.has(cell.trim()));
        for (const reader of choices) expect(reader.read(cell).kind).not.toBe('value');
      }),
    );
  });
});

describe('blank cells', () => {
  const readers: [string, CellReader<unknown>][] = [
    ['money', money],
    ['a 1-5 scale', scale],
    ['yes/no', yesNo],
    ['text', text],
    ['team demand', quantity],
    ['AI type', readerOf('aiType')],
    ['Data rights', readerOf('dataRights')],
    ['Override', readerOf('override')],
  ];
  const blanks: [string, CellValue][] = [
    ['an empty cell', ''],
    ['a cell of spaces', '   '],
  ];

  test.each(readers.flatMap(([kind, reader]) => blanks.map(([what, cell]) => [what, kind, reader, cell] as const)))(
    '%s in a %s column is blank (unknown), never zero',
    (_what, _kind, reader, cell) => {
      expect(reader.read(cell)).toEqual({ kind: 'blank' });
    },
  );
});

describe('Excel errors', () => {
  const readers: [string, CellReader<unknown>][] = [
    ['money', money],
    ['a 1-5 scale', scale],
    ['yes/no', yesNo],
    ['text', text],
    ['Risk tier', readerOf('riskTier')],
  ];
  const errors = ['#N/A', '#DIV/0!', '#VALUE!', '#REF!'];

  test.each(readers.flatMap(([kind, reader]) => errors.map((error) => [error, kind, reader] as const)))(
    '%s in a %s column cannot be read',
    (error, _kind, reader) => {
      expect(reader.read(error)).toMatchObject({ kind: 'error', shown: error });
    },
  );

  test('an error is shown as Excel shows it, whatever its case', () => {
    expect(showCell('#n/a')).toBe('#N/A');
  });

  test('text that merely starts with # is ordinary text', () => {
    expect(text.read('#1 priority')).toEqual({ kind: 'value', value: '#1 priority' });
  });
});

describe('enumerations', () => {
  test.each<[InputKey, CellValue, string]>([
    ['aiType', 'GenAI', 'GenAI'],
    ['aiType', 'gen-AI', 'GenAI'],
    ['aiType', 'Generative AI', 'GenAI'],
    ['aiType', 'LLM', 'GenAI'],
    ['aiType', 'ml', 'ML'],
    ['aiType', 'Machine learning', 'ML'],
    ['aiType', 'RPA', 'Automation'],
    ['aiType', 'automation', 'Automation'],
    ['aiType', 'BI', 'Analytics'],
    ['aiType', 'OTHER', 'Other'],
    ['baselineMethod', 'A/B test', 'A/B test'],
    ['baselineMethod', 'a-b TEST', 'A/B test'],
    ['baselineMethod', 'AB', 'A/B test'],
    ['baselineMethod', 'Randomised', 'A/B test'],
    ['baselineMethod', 'Before/after', 'Before/after'],
    ['baselineMethod', 'before and after', 'Before/after'],
    ['baselineMethod', 'Pre-post', 'Before/after'],
    ['baselineMethod', 'matched cohorts', 'Matched cohorts'],
    ['baselineMethod', 'Cohort', 'Matched cohorts'],
    ['baselineMethod', 'None', 'None'],
    ['baselineMethod', 'N/A', 'None'],
    ['baselineMethod', 'TBD', 'None'],
    ['dataRights', 'Yes', 'Yes'],
    ['dataRights', 'Cleared', 'Yes'],
    ['dataRights', 'TRUE', 'Yes'],
    ['dataRights', true, 'Yes'],
    ['dataRights', 1, 'Yes'],
    ['dataRights', 'partial', 'Partial'],
    ['dataRights', 'In progress', 'Partial'],
    ['dataRights', 'No', 'No'],
    ['dataRights', 'not cleared', 'No'],
    ['dataRights', false, 'No'],
    ['dataRights', 0, 'No'],
    ['riskTier', 'Low', 'Low'],
    ['riskTier', 'L', 'Low'],
    ['riskTier', 'MEDIUM', 'Medium'],
    ['riskTier', 'med.', 'Medium'],
    ['riskTier', 'Moderate', 'Medium'],
    ['riskTier', 'high', 'High'],
    ['riskTier', 'H', 'High'],
    ['phaseRequested', 'Pilot', 'Pilot'],
    ['phaseRequested', 'PoC', 'Pilot'],
    ['phaseRequested', 'proof-of-concept', 'Pilot'],
    ['phaseRequested', 'scale', 'Scale'],
    ['phaseRequested', 'Scale-up', 'Scale'],
    ['phaseRequested', 'Roll out', 'Scale'],
    ['override', 'In', 'In'],
    ['override', 'in', 'In'],
    ['override', 'Force in', 'In'],
    ['override', 'Forced-in', 'In'],
    ['override', 'Out', 'Out'],
    ['override', 'exclude', 'Out'],
  ])('%s: %p reads as %p', (key, cell, expected) => {
    expect(readerOf(key).read(cell)).toEqual({ kind: 'value', value: expected });
  });

  test.each<[InputKey, CellValue, RegExp]>([
    ['aiType', 'Quantum', /GenAI/],
    ['baselineMethod', 'gut feel', /Matched cohorts/],
    ['dataRights', 'maybe', /Yes, Partial or No/],
    ['dataRights', 2, /Yes, Partial or No/],
    ['riskTier', 'Extreme', /Low, Medium, High/],
    ['riskTier', 3, /Low, Medium, High/],
    ['phaseRequested', 'Later', /Pilot, Scale/],
    ['override', 'Yes', /In, Out or blank/],
  ])('%s: %p cannot be read, and the message says what was expected', (key, cell, expected) => {
    expect(readerOf(key).read(cell)).toMatchObject({ kind: 'error', expected: expect.stringMatching(expected) });
  });
});

describe('cell addresses', () => {
  test.each<[number, string]>([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %p is %p', (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
  });

  test('zero-based sheet row 9, column 16 is Q10', () => {
    expect(a1(9, 16)).toBe('Q10');
  });

  test.each<[string, string]>([
    ['Portfolio', 'Portfolio!Q10'],
    ['Sheet_1', 'Sheet_1!Q10'],
    ['AI portfolio', "'AI portfolio'!Q10"],
    ["Ana's plan", "'Ana''s plan'!Q10"],
    ['2026', "'2026'!Q10"],
    ['AB12', "'AB12'!Q10"],
    ['R1C1', "'R1C1'!Q10"],
  ])('the cell Q10 on sheet %p is written %p', (sheet, expected) => {
    expect(qualified(sheet, 'Q10')).toBe(expected);
  });
});

describe('folding headers and IDs', () => {
  test.each<[string, string]>([
    ['AI-00017', 'ai00017'],
    ['Decision-rights shift', 'decisionrightsshift'],
    ['  Data  quality (1-5) ', 'dataquality15'],
    ['already123', 'already123'],
    ['---', ''],
    ['Émission réduite', 'émissionréduite'],
    ['Ｆｕｌｌ width', 'ｆｕｌｌwidth'],
  ])('%s folds to %s', (raw, expected) => {
    expect(normalise(raw)).toBe(expected);
  });

  test('the ASCII path folds every text as the Unicode-aware rule does', () => {
    const reference = (raw: string) => raw.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[A-Za-z0-9 _.#-]{0,12}$/)), (raw) => normalise(raw) === reference(raw)));
  });
});

describe('free text spacing', () => {
  test('runs of white space, tabs, line breaks and no-break spaces become one space, as the pattern says', () => {
    const reference = (raw: string) => {
      const trimmed = raw.trim();
      return /\s{2,}|[\t\n\r\u00a0]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
    };
    const spaced = fc.stringMatching(/^[a-z \t\n\r\u00a0\u2003\u000b]{1,12}$/);
    // Plain ASCII words with single, double, leading and trailing spaces and a "#": the one-scan path and its edges.
    const words = fc.stringMatching(/^[ A-Za-z0-9#.-]{0,12}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), spaced, words, fc.string({ unit: 'grapheme' })), (raw) => {
        fc.pre(!raw.trim().startsWith('#')); // Excel errors fail, tested above
        const read = text.read(raw);
        return raw.trim() === '' ? read.kind === 'blank' : read.kind === 'value' && read.value === reference(raw);
      }),
    );
  });
});

describe('numbers that are not numbers', () => {
  const fourHundredDigits = `9${'0'.repeat(399)}`;

  test.each<[string, CellValue]>([
    ['a 400-digit amount', fourHundredDigits],
    ['a 400-digit amount with a currency symbol', `$${fourHundredDigits}`],
    ['a number cell of 1e308', 1e308],
    ['a number cell past 15 digits', 2e15],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
  ])('%s is no amount: it is refused and says why', (_form, cell) => {
    expect(money.read(cell)).toMatchObject({ kind: 'error', expected: expect.stringMatching(/at most 15 digits|amount/) });
    expect(quantity.read(cell).kind).toBe('error');
  });

  test('a 400-digit amount says it has too many digits, and is shown short', () => {
    const read = money.read(fourHundredDigits);
    expect(read).toMatchObject({ kind: 'error', expected: 'a number of at most 15 digits (Excel keeps no more)' });
    expect(read.kind === 'error' && read.shown.length).toBeLessThan(45);
  });

  test('parseNumber never gives a number that is not finite or past 10^15', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.stringMatching(/^-?[0-9]{1,400}(\.[0-9]{1,20})?(k|m|bn)?$/)), (cell) => {
        const value = parseNumber(cell);
        return value === undefined || (Number.isFinite(value) && Math.abs(value) <= 1e15 * 1e9);
      }),
    );
  });

  test('the largest amount Excel keeps exactly is still read', () => {
    expect(money.read(999_999_999_999_999)).toEqual({ kind: 'value', value: 999_999_999_999_999 });
  });
});

describe('a dot before three digits is not guessed in an amount', () => {
  test.each<CellValue>(['€1.234', '1.234', '12.500', '€ 999.000', '-1.234'])('%p is refused, naming both readings', (cell) => {
    const read = money.read(cell);
    expect(read).toMatchObject({ kind: 'error', expected: expect.stringMatching(/decimal point or a thousands separator, so it is not guessed/) });
  });

  test('team demand of "1.500" is not guessed either', () => {
    expect(quantity.read('1.500')).toMatchObject({ kind: 'error', expected: expect.stringMatching(/not guessed/) });
  });

  test.each<[CellValue, number]>([
    ['€1,234', 1234],
    ['1.5', 1.5],
    ['1.25', 1.25],
    ['1.2345', 1.2345],
    ['$1.234M', 1_234_000],
    ['1.234.567', Number.NaN],
    [1.234, 1.234],
  ])('%p has one reading (or none) and is not reported as ambiguous', (cell, expected) => {
    const read = money.read(cell);
    if (Number.isNaN(expected)) expect(read).toMatchObject({ kind: 'error', expected: expect.stringMatching(/amount such as/) });
    else expect(read).toEqual({ kind: 'value', value: expected });
  });

  test('a rating of "3.333" is a rating: the doubt is only about amounts', () => {
    expect(scale.read('3.333')).toEqual({ kind: 'value', value: 3.333 });
  });
});

describe('a number as its format shows it', () => {
  it('a serial number formatted as a date is that date, in either date system', () => {
    expect(shownAs(46174, 'yyyy-mm-dd')).toBe('2026-06-01, a date');
    // A 1904-system workbook stores the same date as a serial 1,462 lower.
    expect(shownAs(44712, 'yyyy-mm-dd', undefined, true)).toBe('2026-06-01, a date');
    expect(shownAs(0.5, '0%', undefined, true)).toBe('50%');
  });

  // A finance team types 1.2 and formats it to show "$1.2m": the cell means 1,200,000 (each read 1.2 before).
  it.each<[number, string, number]>([
    [1.2, '"$"0.0"m"', 1_200_000],
    [300, '#,##0"k"', 300_000],
    [1.2, '[$€-407]0.0\\M', 1_200_000],
    [2.5, '0.0 "bn"', 2_500_000_000],
    [1.2, '0.0" mn EUR"', 1_200_000],
    [1.2, '"$"0.0"m";[Red]-"$"0.0"m"', 1_200_000],
  ])('%p formatted %p reads as %p', (cell, format, value) => {
    expect(money.read(shownAs(cell, format))).toEqual({ kind: 'value', value });
  });

  // The number is already whole: the commas divide it for show, or the text is no scale.
  it.each<[number, string]>([
    [1_200_000, '$#,##0.0,,"M"'],
    [300_000, '#,##0,"k"'],
    [1_200_000, '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"??_);_(@_)'],
    [1_200_000, '#,##0 "EUR"'],
    [3, '0 "weeks"'],
  ])('%p formatted %p reads as itself', (cell, format) => {
    expect(shownAs(cell, format)).toBe(cell);
  });
});

describe('a value labelled as templates write it', () => {
  it.each<[string, CellReader<unknown>, unknown]>([
    ['4 - High', scale, 4],
    ['3 (Medium)', scale, 3],
    ['2 – Low', scale, 2],
    ['5: Very high', scale, 5],
    ['Medium (3)', scale, 3],
    // A five-level dropdown's word and number: the number is the rating (these read 1 and 5 before).
    ['Low (2)', scale, 2],
    ['High (4)', scale, 4],
    ['High - 4', scale, 4],
    ['Very high: 5', scale, 5],
    // A decimal comma, not "3" labelled "5" (this read 3 before).
    ['3,5', scale, 3.5],
    ['4,25', scale, 4.25],
    ['yes (manual)', yesNo, true],
    ['No - planned Q3', yesNo, false],
    ['Yes - cleared', readerOf('dataRights'), 'Yes'],
    ['Partial (PII outstanding)', readerOf('dataRights'), 'Partial'],
    ['No, pending legal', readerOf('dataRights'), 'No'],
    ['A/B test (planned)', readerOf('baselineMethod'), 'A/B test'],
    ['High (regulated)', readerOf('riskTier'), 'High'],
  ])('%p reads as %p', (cell, read, value) => {
    expect(read.read(cell)).toEqual({ kind: 'value', value });
  });

  it.each<[string, CellReader<unknown>]>([
    ['Medium-High', scale],
    ['4-5', scale],
    ['6 - Extreme', scale],
    ['High (8)', scale],
    ['7,5', scale],
    ['Maybe (later)', yesNo],
    ['✓(-', readerOf('dataRights')],
  ])('%p is still not read', (cell, read) => {
    expect(read.read(cell).kind).toBe('error');
  });
});
