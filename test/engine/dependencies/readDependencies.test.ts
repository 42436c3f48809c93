// Reading the Requires and Excludes columns: references by ID or name, bad ones reported by cell.

import { readInitiatives, splitReferences } from '../../../src/engine/read';
import type { Initiative } from '../../../src/engine/types';
import { table } from '../../builders';

const read = (rows: Record<string, string>[]) => readInitiatives(table(rows), []);
const badReferences = (issues: { code: string }[]) => issues.filter((i) => i.code === 'bad-reference');
const byName = (initiatives: Initiative[], name: string): Initiative => initiatives.find((i) => i.name === name)!;

describe('splitting a cell into references', () => {
  test('commas and semicolons both separate; blanks and spaces are dropped', () => {
    expect(splitReferences(' E1, Claims triage ;; Doc intake ;')).toEqual(['E1', 'Claims triage', 'Doc intake']);
  });
});

describe('Requires and Excludes', () => {
  test('references on lines of their own in one cell (Alt+Enter) are separate references', () => {
    const result = read([
      { ID: 'E1', Initiative: 'Evaluation harness', Requires: '' },
      { ID: 'D1', Initiative: 'Document intake', Requires: '' },
      { ID: 'C1', Initiative: 'Claims triage', Requires: 'E1\nDocument intake\r\n' },
    ]);
    expect(byName(result.initiatives, 'Claims triage').requires).toEqual(['id:e1', 'id:d1']);
    expect(badReferences(result.issues)).toEqual([]);
  });

  test('"and", "&", "/" and "+" between references separate them, as finance teams type them', () => {
    const result = read([
      { ID: 'E1', Initiative: 'Evaluation harness', Requires: '' },
      { ID: 'D1', Initiative: 'Document intake', Requires: '' },
      { ID: 'C1', Initiative: 'Claims triage', Requires: 'E1 and D1' },
      { ID: 'C2', Initiative: 'Fraud triage', Requires: 'Evaluation harness & Document intake' },
      { ID: 'C3', Initiative: 'Churn model', Requires: 'E1 / D1' },
      { ID: 'C4', Initiative: 'Pricing model', Requires: 'E1 + Document intake' },
    ]);
    for (const name of ['Claims triage', 'Fraud triage', 'Churn model', 'Pricing model']) {
      expect(byName(result.initiatives, name).requires).toEqual(['id:e1', 'id:d1']);
    }
    expect(badReferences(result.issues)).toEqual([]);
  });

  test('a name with "and", "&" or "/" in it stays one reference', () => {
    const result = read([
      { Initiative: 'Profit & loss commentary', Requires: '' },
      { Initiative: 'Sales and marketing assistant', Requires: '' },
      { Initiative: 'AP/AR matching', Requires: '' },
      { Initiative: 'Board pack', Requires: 'profit & loss commentary; Sales and Marketing assistant, AP/AR matching' },
    ]);
    expect(byName(result.initiatives, 'Board pack').requires).toEqual(['name:profitlosscommentary', 'name:salesandmarketingassistant', 'name:aparmatching']);
    expect(badReferences(result.issues)).toEqual([]);
  });

  test('in "E1 and Nothing", the known part is kept and the unknown one is named; an unknown whole is named whole', () => {
    const result = read([
      { ID: 'E1', Initiative: 'Evaluation harness', Requires: '' },
      { ID: 'C1', Initiative: 'Claims triage', Requires: 'E1 and Nothing' },
      { ID: 'C2', Initiative: 'Churn model', Requires: 'Research and development bot' },
    ]);
    expect(byName(result.initiatives, 'Claims triage').requires).toEqual(['id:e1']);
    expect(byName(result.initiatives, 'Churn model').requires).toBeUndefined();
    expect(result.issues.filter((i) => i.code === 'bad-reference').map((i) => i.message)).toEqual([
      expect.stringContaining('names "Nothing", which is no initiative'),
      expect.stringContaining('names "Research and development bot", which is no initiative'),
    ]);
  });

  test('"None", "n/a", "No" or a dash in the cell means nothing is required, without a warning; "TBC" is still named', () => {
    const result = read([
      { ID: 'E1', Initiative: 'Evaluation harness', Requires: 'None', Excludes: 'n/a' },
      { ID: 'C1', Initiative: 'Claims triage', Requires: '-', Excludes: 'No' },
      { ID: 'C2', Initiative: 'Churn model', Requires: ' N/A ', Excludes: '—' },
      { ID: 'C3', Initiative: 'Pricing model', Requires: 'TBC', Excludes: 'nil' },
    ]);
    for (const initiative of result.initiatives) {
      expect(initiative.requires).toBeUndefined();
      expect(initiative.excludes).toBeUndefined();
    }
    expect(result.issues.filter((i) => i.code === 'bad-reference').map((i) => i.cell)).toEqual([expect.stringMatching(/5$/)]);
  });

  test('an initiative actually called "None" is still found', () => {
    const result = read([
      { ID: 'N', Initiative: 'None', Requires: '' },
      { ID: 'C1', Initiative: 'Claims triage', Requires: 'None' },
    ]);
    expect(byName(result.initiatives, 'Claims triage').requires).toEqual(['id:n']);
  });

  test('a name with a comma in it is one reference, not two', () => {
    const result = read([
      { Initiative: 'Invoicing, AP automation', Requires: '' },
      { Initiative: 'OCR', Requires: '' },
      { Initiative: 'Claims triage', Requires: 'Invoicing, AP automation; OCR' },
    ]);
    expect(byName(result.initiatives, 'Claims triage').requires).toEqual(['name:invoicingapautomation', 'name:ocr']);
    expect(badReferences(result.issues)).toEqual([]);
  });

  test('references by ID or by name become the keys of the initiatives they name', () => {
    const result = read([
      { ID: 'E1', Initiative: 'Evaluation harness', Requires: '', Excludes: '' },
      { ID: 'D1', Initiative: 'Document intake', Requires: '', Excludes: '' },
      { ID: 'C1', Initiative: 'Claims triage', Requires: 'e1; document intake', Excludes: '' },
      { ID: 'F1', Initiative: 'Fraud vendor A', Requires: '', Excludes: 'Fraud vendor B' },
      { ID: 'F2', Initiative: 'Fraud vendor B', Requires: '', Excludes: '' },
    ]);
    expect(byName(result.initiatives, 'Claims triage').requires).toEqual(['id:e1', 'id:d1']);
    expect(byName(result.initiatives, 'Fraud vendor A').excludes).toEqual(['id:f2']);
    expect(byName(result.initiatives, 'Evaluation harness').requires).toBeUndefined();
    expect(badReferences(result.issues)).toEqual([]);
  });

  test('an ID wins over a name that reads the same', () => {
    const result = read([
      { ID: 'X', Initiative: 'Pricing model', Requires: '' },
      { ID: 'P2', Initiative: 'X', Requires: '' },
      { ID: 'P3', Initiative: 'Churn model', Requires: 'X' },
    ]);
    expect(byName(result.initiatives, 'Churn model').requires).toEqual(['id:x']);
  });

  test('chains and bundles are read as written: A needs B needs C, and D and E need each other', () => {
    const result = read([
      { Initiative: 'A', Requires: 'B' },
      { Initiative: 'B', Requires: 'C' },
      { Initiative: 'C', Requires: '' },
      { Initiative: 'D', Requires: 'E' },
      { Initiative: 'E', Requires: 'D' },
    ]);
    expect(result.initiatives.map((i) => [i.name, i.requires])).toEqual([
      ['A', ['name:b']],
      ['B', ['name:c']],
      ['C', undefined],
      ['D', ['name:e']],
      ['E', ['name:d']],
    ]);
    expect(badReferences(result.issues)).toEqual([]);
  });

  test('an unknown initiative is a problem naming the cell; the rest of the row is kept and planned', () => {
    const result = read([
      { Initiative: 'Claims triage', 'Annual value': '$2M', Requires: 'Doc intake, Nowhere' },
      { Initiative: 'Doc intake', 'Annual value': '', Requires: '' },
    ]);
    const claims = byName(result.initiatives, 'Claims triage');
    expect(claims.requires).toEqual(['name:docintake']);
    expect(claims.invalid).toBe(false);
    expect(claims.annualValue).toBe(2_000_000);
    expect(badReferences(result.issues)).toEqual([
      expect.objectContaining({ severity: 'warning', sheet: 'Portfolio', column: 'Requires', cell: 'C2', rowIndex: 0 }),
    ]);
    expect(badReferences(result.issues)[0]).toMatchObject({ message: expect.stringContaining('"Nowhere"') });
    expect(badReferences(result.issues)[0]).toMatchObject({ message: expect.stringContaining('Portfolio!C2') });
  });

  test('a row naming itself is a problem naming the cell, and the reference is ignored', () => {
    const result = read([
      { Initiative: 'Claims triage', Excludes: 'claims triage' },
      { Initiative: 'Other', Excludes: '' },
    ]);
    expect(byName(result.initiatives, 'Claims triage').excludes).toBeUndefined();
    expect(badReferences(result.issues)).toEqual([expect.objectContaining({ column: 'Excludes', cell: 'B2', message: expect.stringContaining('itself') })]);
  });

  test('an initiative both required and excluded is a problem, and neither reference is kept', () => {
    const result = read([
      { Initiative: 'Claims triage', Requires: 'Doc intake, OCR', Excludes: 'Doc intake' },
      { Initiative: 'Doc intake', Requires: '', Excludes: '' },
      { Initiative: 'OCR', Requires: '', Excludes: '' },
    ]);
    const claims = byName(result.initiatives, 'Claims triage');
    expect(claims.requires).toEqual(['name:ocr']);
    expect(claims.excludes).toBeUndefined();
    expect(badReferences(result.issues)).toEqual([expect.objectContaining({ column: 'Excludes', cell: 'C2', message: expect.stringContaining('Doc intake') })]);
  });

  test('a name two initiatives share is a problem naming the cell and both rows; the first is used', () => {
    const result = read([
      { Initiative: 'Doc intake', Requires: '' },
      { Initiative: 'Doc intake', Requires: '' },
      { Initiative: 'Claims triage', Requires: 'Doc intake' },
    ]);
    expect(byName(result.initiatives, 'Claims triage').requires).toEqual(['name:docintake']);
    expect(badReferences(result.issues)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        column: 'Requires',
        cell: 'B4',
        message: 'Requires in Portfolio!B4 names "Doc intake", which 2 initiatives are called (rows 2 and 3); the one on row 2 is used. Give each its own ID and name the one meant by its ID.',
      }),
    ]);
  });

  test('an ID two initiatives share is a problem naming the cell and both rows; the first is used', () => {
    const result = read([
      { ID: 'D1', Initiative: 'Doc intake', Excludes: '' },
      { ID: 'D1', Initiative: 'OCR', Excludes: '' },
      { ID: 'C1', Initiative: 'Claims triage', Excludes: 'd1' },
    ]);
    expect(byName(result.initiatives, 'Claims triage').excludes).toEqual(['id:d1']);
    expect(badReferences(result.issues)).toEqual([
      expect.objectContaining({ column: 'Excludes', cell: 'C4', message: expect.stringContaining('names "d1", the ID of 2 initiatives (rows 2 and 3); the one on row 2 is used') }),
    ]);
  });

  test('a table without Requires or Excludes columns is not warned about them', () => {
    const result = read([{ Initiative: 'Claims triage' }]);
    expect(result.issues.filter((i) => i.column === 'Requires' || i.column === 'Excludes')).toEqual([]);
    expect(result.initiatives[0]?.requires).toBeUndefined();
  });
});
