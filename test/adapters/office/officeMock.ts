// office-addin-mock objects for the adapter: it has no Excel object model, so
// each test gives it the members the code under test uses. Every mock made
// here is synced with the context, so loaded properties behave as the library
// intends ("Error, context.sync() was not called" until the sync).

import { OfficeMockObject } from 'office-addin-mock';

export type Data = Record<string, unknown>;
export type Make = (data: Data) => OfficeMockObject;
export type MockContext = { context: Excel.RequestContext; syncs: () => number };

/**
 * A request context over `workbook`, plain data (the mock makes its own sub-objects; a mock
 * inside the data is refused). Mocks that functions return at call time are made with `make`
 * and synced with the context.
 */
export function mockContext(workbook: (make: Make) => Data): MockContext {
  const made: OfficeMockObject[] = [];
  let syncs = 0;
  const make: Make = (data) => {
    const mock = new OfficeMockObject(data as never);
    made.push(mock);
    return mock;
  };
  const context: OfficeMockObject = new OfficeMockObject({
    workbook: workbook(make),
    sync: async () => {
      syncs++;
      await OfficeMockObject.prototype.sync.call(context);
      for (const mock of made) await mock.sync();
    },
  } as never);
  return { context: context as unknown as Excel.RequestContext, syncs: () => syncs };
}

/** A collection loaded by "items/..." paths: the mock cannot walk into arrays, so its items load whole. */
export const loadsItems = {
  load(this: OfficeMockObject) {
    OfficeMockObject.prototype.load.call(this, 'items');
    return this;
  },
};

/** An *OrNullObject result: office.js fills isNullObject at every sync, whatever else was loaded. */
export const loadsNullness = {
  load(this: OfficeMockObject) {
    OfficeMockObject.prototype.load.call(this, 'isNullObject');
    return this;
  },
};

type Rect = { row: number; column: number; rows: number; columns: number };

/** Each mock range's block of its grid, so getBoundingRect can see the other range's (the mock's own properties load only at sync). */
const blocks = new WeakMap<object, Rect>();

const blank = (value: unknown) => value === '' || value === null || value === undefined;

/**
 * Part of a grid of cells as a loadable range: values, position and size, and the
 * getColumn / getCell / getResizedRange / getBoundingRect / getUsedRange steps the adapter takes inside it.
 */
export function mockRange(make: Make, grid: unknown[][], origin: { row: number; column: number }, rect?: Rect): OfficeMockObject {
  const r = rect ?? { row: 0, column: 0, rows: grid.length, columns: grid[0]?.length ?? 0 };
  const within = (next: Rect) => mockRange(make, grid, origin, next);
  /** The rows of this block down to the last holding a value (the mock's used range is only ever asked of blocks whose first row holds values). */
  const usedRows = () => {
    let rows = r.rows;
    while (rows > 1 && (grid[r.row + rows - 1] ?? []).slice(r.column, r.column + r.columns).every(blank)) rows--;
    return rows;
  };
  const range = make({
    values: grid.slice(r.row, r.row + r.rows).map((line) => line.slice(r.column, r.column + r.columns)),
    // Excel reports an unformatted cell as General; the adapter reads the money columns' formats for their currency.
    numberFormat: grid.slice(r.row, r.row + r.rows).map((line) => line.slice(r.column, r.column + r.columns).map(() => 'General')),
    rowIndex: origin.row + r.row,
    columnIndex: origin.column + r.column,
    rowCount: r.rows,
    columnCount: r.columns,
    getColumn: (c: number) => within({ ...r, column: r.column + c, columns: 1 }),
    getCell: (row: number, c: number) => within({ row: r.row + row, column: r.column + c, rows: 1, columns: 1 }),
    getResizedRange: (rows: number, columns: number) => within({ ...r, rows: r.rows + rows, columns: r.columns + columns }),
    getBoundingRect: (other: object) => {
      const b = blocks.get(other)!;
      const row = Math.min(r.row, b.row);
      const column = Math.min(r.column, b.column);
      return within({ row, column, rows: Math.max(r.row + r.rows, b.row + b.rows) - row, columns: Math.max(r.column + r.columns, b.column + b.columns) - column });
    },
    getUsedRange: () => within({ ...r, rows: usedRows() }),
  });
  blocks.set(range, r);
  return range;
}
