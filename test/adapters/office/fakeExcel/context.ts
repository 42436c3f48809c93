// A fake Excel.RequestContext over a WorkbookModel. Like office.js, it queues
// every call and runs the batch only at context.sync(), in order; a property
// can be read only after it was loaded and synced; a failing action stops the
// batch with the actions before it applied; and Excel on the web's 5 MB limit
// on a request or a response is enforced. It counts syncs and measures each
// request, for the tests and the bench.

import { qualified } from '../../../../src/engine/address';
import {
  FakeRichApiError,
  MAX_COLUMNS,
  MAX_ROWS,
  enter,
  intersects,
  parseA1,
  rectA1,
  type ChartModel,
  type ConditionalFormatModel,
  type CopyType,
  type PageLayoutModel,
  type Rect,
  type Scalar,
  type SeriesModel,
  SheetModel,
  type TableChangedArgs,
  type TableModel,
  type Visibility,
  type WorkbookModel,
} from './model';

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What office.js adds around each action's arguments (object path, ids, action type). */
export const ENVELOPE_BYTES = 100;

/** One round trip; `refused` holds the error code when Excel turned the batch down. */
export type SyncRecord = { requestBytes: number; responseBytes: number; actions: number; refused?: string };

type Action = { json: string; run: () => void };

export class FakeContext {
  private pending: Action[] = [];
  private responseBytes = 0;
  private current: SyncRecord | undefined;
  readonly syncs: SyncRecord[] = [];
  readonly workbook: WorkbookProxy;
  /** Runs before a batch is applied, with the sync's number (1 = first): lets a test play a co-author. */
  beforeSync: ((syncNumber: number) => void) | undefined;

  constructor(readonly model: WorkbookModel) {
    this.workbook = new WorkbookProxy(this);
  }

  queue(json: unknown, run: () => void): void {
    this.pending.push({ json: JSON.stringify(json), run });
  }

  respond(value: unknown): void {
    this.responseBytes += JSON.stringify(value ?? null).length;
  }

  /**
   * Before a grid of `cells` is loaded: at three bytes a cell at the least ("",), a grid past the limit is
   * refused as Excel refuses it, without the fake building a million-row answer first.
   */
  expectCells(cells: number): void {
    if (this.responseBytes + cells * 3 <= PAYLOAD_LIMIT_BYTES) return;
    if (this.current) this.current.refused = 'ResponsePayloadSizeLimitExceeded';
    throw new FakeRichApiError('ResponsePayloadSizeLimitExceeded', `The response would hold ${cells} cells.`);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get largestRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  async sync(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const requestBytes = batch.reduce((sum, a) => sum + a.json.length + ENVELOPE_BYTES, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, actions: batch.length };
    this.syncs.push(record);
    this.current = record;
    await Promise.resolve();
    this.beforeSync?.(this.syncs.length);
    const refuse = (code: string, message: string) => {
      record.refused = code;
      return new FakeRichApiError(code, message);
    };
    if (this.model.editing) throw refuse('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    if (requestBytes > PAYLOAD_LIMIT_BYTES) throw refuse('RequestPayloadSizeLimitExceeded', `The request is ${requestBytes} bytes.`);
    this.responseBytes = 0;
    for (const action of batch) action.run();
    record.responseBytes = this.responseBytes;
    if (this.responseBytes > PAYLOAD_LIMIT_BYTES) throw refuse('ResponsePayloadSizeLimitExceeded', `The response is ${this.responseBytes} bytes.`);
  }
}

type Paths = string[][];

function parsePaths(paths: string | string[] | undefined): Paths {
  if (paths === undefined) throw new FakeRichApiError('InvalidArgument', 'The fake asks for explicit load paths, as the add-in always gives.');
  const list = Array.isArray(paths) ? paths : paths.split(',');
  return list.map((p) => p.trim()).filter(Boolean).map((p) => p.split('/'));
}

/** An office.js proxy: bound to its model object when its creating call runs in a batch. */
abstract class Proxy<T> {
  protected loaded = new Map<string, unknown>();
  private bound = false;
  private object: T | null = null;

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: () => T | null,
    options: { call?: unknown; nullable?: boolean } = {},
  ) {
    this.nullable = options.nullable ?? false;
    if (options.call !== undefined) ctx.queue(options.call, () => this.resolve());
  }
  private readonly nullable: boolean;

  resolve(): T | null {
    if (!this.bound) {
      this.object = this.resolver();
      this.bound = true;
      if (this.nullable) this.loaded.set('isNullObject', this.object === null);
      else if (this.object === null) throw new FakeRichApiError('ItemNotFound', `${this.constructor.name}: the requested item does not exist.`);
    }
    return this.object;
  }

  protected get target(): T {
    const object = this.resolve();
    if (object === null) throw new FakeRichApiError('InvalidObjectPath', 'A method was called on a null object.');
    return object;
  }

  protected read<V>(property: string): V {
    if (!this.loaded.has(property)) {
      throw new FakeRichApiError('PropertyNotLoaded', `The property '${property}' is not available. Call load() and context.sync() first.`);
    }
    return this.loaded.get(property) as V;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  load(paths?: string | string[]): this {
    const parsed = parsePaths(paths);
    this.ctx.queue({ load: paths }, () => this.applyLoad(parsed));
    return this;
  }

  applyLoad(paths: Paths): void {
    if (this.resolve() === null) return;
    const groups = new Map<string, Paths>();
    for (const [head, ...rest] of paths) groups.set(head!, [...(groups.get(head!) ?? []), ...(rest.length ? [rest] : [])]);
    for (const [head, rest] of groups) {
      if (head === 'items') {
        const items = this.members();
        if (!items) throw new FakeRichApiError('InvalidArgument', `${this.constructor.name} is not a collection`);
        this.loaded.set('items', items);
        for (const item of items) item.applyLoad(rest);
        continue;
      }
      const child = this.child(head);
      if (child) {
        if (rest.length) child.applyLoad(rest);
        continue;
      }
      const value = this.scalar(head);
      this.loaded.set(head, value);
      this.ctx.respond(value);
    }
  }

  protected scalar(name: string): unknown {
    throw new FakeRichApiError('InvalidArgument', `${this.constructor.name} has no property ${name} in the fake.`);
  }
  protected child(_name: string): Proxy<unknown> | undefined {
    return undefined;
  }
  protected members(): Proxy<unknown>[] | undefined {
    return undefined;
  }

  /** Queue a change that runs against the bound object at sync; cell changes are refused on a protected sheet. */
  protected change(json: unknown, apply: (target: T) => void, options: { evenWhenProtected?: boolean } = {}): void {
    this.ctx.queue(json, () => {
      const target = this.target;
      if (!options.evenWhenProtected) guard(sheetOf(this.ctx.model, target));
      apply(target);
    });
  }
}

/** The sheet a model object lives on, so a change to a protected sheet can be refused. */
function sheetOf(model: WorkbookModel, target: unknown): SheetModel | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  if ('sheet' in target) return (target as { sheet: SheetModel }).sheet;
  if ('table' in target) return (target as { table: TableModel }).table.sheet;
  if (target instanceof SheetModel) return target;
  return model.sheets.find((s) => s.charts.includes(target as ChartModel));
}

/** Review > Protect Workbook (structure): Excel refuses to add, delete, rename, hide or show sheets. The error code is the fake's guess. */
function guardStructure(model: WorkbookModel): void {
  if (model.structureProtected) throw new FakeRichApiError('AccessDenied', 'The workbook\'s structure is protected.');
}

function guard(sheet: SheetModel | undefined): void {
  if (sheet?.protected) throw new FakeRichApiError('AccessDenied', `The sheet ${sheet.name} is protected.`);
}

type RangeTarget = { sheet: SheetModel; rect: Rect };

function toGrid(value: unknown, rect: Rect, what: string): unknown[][] {
  if (!Array.isArray(value)) return Array.from({ length: rect.rows }, () => Array<unknown>(rect.columns).fill(value));
  if (value.length !== rect.rows || value.some((row) => !Array.isArray(row) || row.length !== rect.columns)) {
    throw new FakeRichApiError('InvalidArgument', `The ${what} grid does not match the range size ${rect.rows}x${rect.columns}.`);
  }
  return value as unknown[][];
}

class RangeProxy extends Proxy<RangeTarget> {
  private formatProxy: RangeFormatProxy | undefined;
  private conditionalProxy: ConditionalFormatsProxy | undefined;

  get values(): Scalar[][] {
    return this.read('values');
  }
  set values(value: unknown[][]) {
    this.change({ set: 'values', value }, ({ sheet, rect }) => {
      const grid = toGrid(value, rect, 'values');
      grid.forEach((row, r) => row.forEach((v, c) => enter(sheet.cell(rect.row + r, rect.column + c), v)));
      sheet.valueWrites += rect.rows * rect.columns;
      this.ctx.model.cellsChanged(sheet, rect);
    });
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(value: unknown[][]) {
    this.change({ set: 'numberFormat', value }, ({ sheet, rect }) => {
      const grid = toGrid(value, rect, 'numberFormat');
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== undefined) sheet.cell(rect.row + r, rect.column + c).format = String(v);
        }),
      );
    });
  }
  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  /** Hides or shows the whole columns of the range (ExcelApi 1.2). */
  set columnHidden(hidden: boolean) {
    this.change({ set: 'columnHidden', hidden }, ({ sheet, rect }) => {
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }
  get format(): RangeFormatProxy {
    return (this.formatProxy ??= new RangeFormatProxy(this.ctx, () => this.target));
  }
  get conditionalFormats(): ConditionalFormatsProxy {
    return (this.conditionalProxy ??= new ConditionalFormatsProxy(this.ctx, () => this.target));
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.target.sheet);
  }

  protected override scalar(name: string): unknown {
    const { sheet, rect } = this.target;
    switch (name) {
      case 'values':
        this.ctx.expectCells(rect.rows * rect.columns);
        return sheet.values(rect);
      case 'numberFormat':
        this.ctx.expectCells(rect.rows * rect.columns);
        return Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.columns }, (_, c) => sheet.format(rect.row + r, rect.column + c)));
      case 'address':
        return qualified(sheet.name, rectA1(rect));
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.columns;
      default:
        return super.scalar(name);
    }
  }

  private derived(call: unknown, rect: (t: RangeTarget) => Rect): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.target.sheet, rect: rect(this.target) }), { call });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived({ getCell: [row, column] }, ({ rect }) => ({ row: rect.row + row, column: rect.column + column, rows: 1, columns: 1 }));
  }
  getColumn(column: number): RangeProxy {
    return this.derived({ getColumn: column }, ({ rect }) => ({ ...rect, column: rect.column + column, columns: 1 }));
  }
  /** The smallest range holding this one and `other`, as GetBoundingRect of "B2:C5" and "D10:E15" is "B2:E15". */
  getBoundingRect(other: RangeProxy | string): RangeProxy {
    return this.derived({ call: 'getBoundingRect' }, ({ sheet, rect }) => {
      const b = typeof other === 'string' ? parseA1(other) : other.resolve()!.rect;
      if (typeof other !== 'string' && other.resolve()!.sheet !== sheet) throw new FakeRichApiError('InvalidArgument', 'The ranges are on different sheets.');
      const row = Math.min(rect.row, b.row);
      const column = Math.min(rect.column, b.column);
      return { row, column, rows: Math.max(rect.row + rect.rows, b.row + b.rows) - row, columns: Math.max(rect.column + rect.columns, b.column + b.columns) - column };
    });
  }
  /**
   * The block of this range's cells that hold values (valuesOnly, ExcelApi 1.2). Without valuesOnly Excel counts
   * formatted cells as used too (a whole column's number format would make a million rows used): not modelled.
   */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.used(valuesOnly, false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.used(valuesOnly, true);
  }
  private used(valuesOnly: boolean | undefined, nullable: boolean): RangeProxy {
    if (valuesOnly !== true) throw new FakeRichApiError('NotImplemented', 'The fake finds the used range of cells with values only (valuesOnly: true).');
    const call = nullable ? 'getUsedRangeOrNullObject' : 'getUsedRange';
    return new RangeProxy(
      this.ctx,
      () => {
        const { sheet, rect } = this.target;
        const used = sheet.usedRect(rect);
        if (!used && !nullable) throw new FakeRichApiError('ItemNotFound', 'The range has no used cells.');
        return used ? { sheet, rect: used } : null;
      },
      { call: { [call]: true }, nullable },
    );
  }
  getLastRow(): RangeProxy {
    return this.derived({ call: 'getLastRow' }, ({ rect }) => ({ ...rect, row: rect.row + rect.rows - 1, rows: 1 }));
  }
  getEntireRow(): RangeProxy {
    return this.derived({ call: 'getEntireRow' }, ({ rect }) => ({ ...rect, column: 0, columns: MAX_COLUMNS }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived({ getResizedRange: [deltaRows, deltaColumns] }, ({ rect }) => {
      const resized = { ...rect, rows: rect.rows + deltaRows, columns: rect.columns + deltaColumns };
      if (resized.rows < 1 || resized.columns < 1) throw new FakeRichApiError('InvalidArgument', 'Resized to nothing.');
      return resized;
    });
  }
  getIntersectionOrNullObject(other: RangeProxy): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const a = this.target.rect;
        const b = other.target.rect;
        if (!intersects(a, b)) return null;
        const row = Math.max(a.row, b.row);
        const column = Math.max(a.column, b.column);
        const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
        const columns = Math.min(a.column + a.columns, b.column + b.columns) - column;
        return { sheet: this.target.sheet, rect: { row, column, rows, columns } };
      },
      { call: 'getIntersectionOrNullObject', nullable: true },
    );
  }
  /** ExcelApi 1.13: the merged blocks that meet this range, whole; a null object when there are none. */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.ctx,
      () => {
        const { sheet, rect } = this.target;
        const areas = sheet.merges.filter((m) => intersects(m, rect));
        return areas.length ? { sheet, areas } : null;
      },
      { call: 'getMergedAreasOrNullObject', nullable: true },
    );
  }
  clear(): void {
    this.change({ call: 'clear' }, ({ sheet, rect }) => sheet.clear(rect));
  }
  /** ExcelApi 1.9. A destination smaller than the source grows to the source's size, as the docs say; a larger one is not modelled. */
  copyFrom(source: RangeProxy | string, copyType: CopyType = 'All', skipBlanks = false, transpose = false): void {
    if (typeof source === 'string' || skipBlanks || transpose || !['All', 'Formulas', 'Values', 'Formats'].includes(copyType)) {
      throw new FakeRichApiError('NotImplemented', 'The fake copies from a Range, without skipBlanks or transpose, of type All, Formulas, Values or Formats.');
    }
    this.change({ copyFrom: copyType }, ({ sheet, rect }) => {
      const from = source.resolve()!;
      if (rect.rows > from.rect.rows || rect.columns > from.rect.columns) {
        throw new FakeRichApiError('NotImplemented', 'The fake does not repeat a copy over a larger destination.');
      }
      sheet.pasteFrom(from.sheet, from.rect, rect.row, rect.column, copyType);
    });
  }
  select(): void {
    this.change(
      { call: 'select' },
      ({ sheet, rect }) => {
        this.ctx.model.selection = { sheet, rect };
        this.ctx.model.activeSheet = sheet;
      },
      { evenWhenProtected: true },
    );
  }
}

/** Excel.RangeAreas: only its address ("Sheet1!A1:B2,Sheet1!D4:E4", as Excel gives it) is modelled. */
class RangeAreasProxy extends Proxy<{ sheet: SheetModel; areas: Rect[] }> {
  get address(): string {
    return this.read('address');
  }
  protected override scalar(name: string): unknown {
    const { sheet, areas } = this.target;
    if (name === 'address') return areas.map((area) => qualified(sheet.name, rectA1(area))).join(',');
    return super.scalar(name);
  }
}

class RangeFormatProxy extends Proxy<RangeTarget> {
  private look(json: unknown, apply: (look: Record<string, unknown>) => void, rectOnly = false): void {
    this.change(json, ({ sheet, rect }) => {
      if (rectOnly) return;
      for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.column; c < rect.column + rect.columns; c++) apply(sheet.cell(r, c).look);
    });
  }
  set columnWidth(points: number) {
    this.change({ set: 'columnWidth', points }, ({ sheet, rect }) => {
      for (let c = rect.column; c < rect.column + rect.columns; c++) sheet.widths.set(c, points);
    });
  }
  set rowHeight(points: number) {
    this.change({ set: 'rowHeight', points }, ({ sheet, rect }) => {
      for (let r = rect.row; r < rect.row + rect.rows; r++) sheet.heights.set(r, points);
    });
  }
  /** Excel: only true has an effect, giving the rows their standard height again. */
  set useStandardHeight(standard: boolean) {
    this.change({ set: 'useStandardHeight', standard }, ({ sheet, rect }) => {
      if (!standard) return;
      for (const row of [...sheet.heights.keys()]) if (row >= rect.row && row < rect.row + rect.rows) sheet.heights.delete(row);
      for (const row of [...sheet.fitted]) if (row >= rect.row && row < rect.row + rect.rows) sheet.fitted.delete(row);
    });
  }
  /** Excel fits the rows to their wrapped text; the fake, which cannot measure text, notes them as fitted. */
  autofitRows(): void {
    this.change({ call: 'autofitRows' }, ({ sheet, rect }) => {
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        sheet.heights.delete(r);
        sheet.fitted.add(r);
      }
    });
  }
  set wrapText(wrap: boolean) {
    this.look({ set: 'wrapText', wrap }, (l) => (l.wrap = wrap));
  }
  set verticalAlignment(alignment: string) {
    this.look({ set: 'verticalAlignment', alignment }, (l) => (l.vertical = alignment));
  }
  get font() {
    const set = (key: string) => (value: unknown) => this.look({ set: `font.${key}`, value }, (l) => (l[key] = value));
    return {
      set bold(v: boolean) { set('bold')(v); },
      set italic(v: boolean) { set('italic')(v); },
      set size(v: number) { set('size')(v); },
      set color(v: string) { set('color')(v); },
    };
  }
  get fill() {
    const set = (value: string) => this.look({ set: 'fill.color', value }, (l) => (l.fill = value));
    return { set color(v: string) { set(v); } };
  }
}

class ConditionalFormatsProxy extends Proxy<RangeTarget> {
  add(type: string) {
    let model: ConditionalFormatModel | undefined;
    this.change({ add: type }, ({ sheet, rect }) => {
      model = { rect, type, formula: '', fill: '', font: '' };
      sheet.conditionalFormats.push(model);
    });
    const set = (key: 'formula' | 'fill' | 'font') => (value: string) => this.ctx.queue({ set: key, value }, () => (model![key] = value));
    return {
      custom: {
        rule: { set formula(v: string) { set('formula')(v); } },
        format: {
          fill: { set color(v: string) { set('fill')(v); } },
          font: { set color(v: string) { set('font')(v); } },
        },
      },
    };
  }
  clearAll(): void {
    this.change({ call: 'clearAll' }, ({ sheet, rect }) => {
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, rect));
    });
  }
}

const rangeOnSheet = (ctx: FakeContext, sheet: () => SheetModel, rect: () => Rect, call: unknown) =>
  new RangeProxy(ctx, () => ({ sheet: sheet(), rect: rect() }), { call });

class WorksheetProxy extends Proxy<SheetModel> {
  get name(): string {
    return this.read('name');
  }
  /** Renaming is allowed on a protected sheet: sheet protection guards cells, not the tab. */
  set name(name: string) {
    this.change({ set: 'name', name }, (s) => {
      guardStructure(this.ctx.model);
      this.ctx.model.renameSheet(s, name);
    }, { evenWhenProtected: true });
  }
  get visibility(): Visibility {
    return this.read('visibility');
  }
  set visibility(visibility: Visibility) {
    this.change({ set: 'visibility', visibility }, (s) => {
      guardStructure(this.ctx.model);
      this.ctx.model.setVisibility(s, visibility);
    }, { evenWhenProtected: true });
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.ctx, () => this.target);
  }
  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.ctx, () => this.target);
  }
  get pageLayout(): PageLayoutProxy {
    return new PageLayoutProxy(this.ctx, () => this.target);
  }
  get horizontalPageBreaks() {
    return {
      removePageBreaks: () => this.change({ call: 'removePageBreaks' }, (s) => (s.pageLayout.breaks = [])),
      add: (cell: string) => this.change({ addPageBreak: cell }, (s) => s.pageLayout.breaks.push(parseA1(cell).row)),
    };
  }
  get freezePanes() {
    return {
      freezeRows: (count: number) => this.change({ freezeRows: count }, (s) => (s.frozenRows = count), { evenWhenProtected: true }),
      unfreeze: () => this.change({ call: 'unfreeze' }, (s) => (s.frozenRows = 0), { evenWhenProtected: true }),
    };
  }
  protected override scalar(name: string): unknown {
    if (name === 'name') return this.target.name;
    if (name === 'position') return this.ctx.model.sheets.indexOf(this.target);
    if (name === 'visibility') return this.target.visibility;
    return super.scalar(name);
  }
  private protectionProxy: WorksheetProtectionProxy | undefined;
  get protection(): WorksheetProtectionProxy {
    return (this.protectionProxy ??= new WorksheetProtectionProxy(this.ctx, () => this.target));
  }
  protected override child(name: string): Proxy<unknown> | undefined {
    if (name === 'tables') return this.tables;
    if (name === 'charts') return this.charts;
    if (name === 'protection') return this.protection;
    return undefined;
  }
  getRange(address?: string): RangeProxy {
    return rangeOnSheet(this.ctx, () => this.target, () => (address ? parseA1(address) : { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS }), { getRange: address ?? null });
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    if (rows < 1 || columns < 1) throw new FakeRichApiError('InvalidArgument', 'A range needs at least one row and one column.');
    return rangeOnSheet(this.ctx, () => this.target, () => ({ row, column, rows, columns }), { getRangeByIndexes: [row, column, rows, columns] });
  }
  getUsedRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const rect = this.target.usedRect();
        return rect ? { sheet: this.target, rect } : null;
      },
      { call: 'getUsedRangeOrNullObject', nullable: true },
    );
  }
  activate(): void {
    this.change({ call: 'activate' }, (s) => (this.ctx.model.activeSheet = s), { evenWhenProtected: true });
  }
  delete(): void {
    this.change({ call: 'delete' }, (s) => {
      guardStructure(this.ctx.model);
      this.ctx.model.deleteSheet(s);
    }, { evenWhenProtected: true });
  }
}

type Margin = keyof PageLayoutModel['margins'];

class PageLayoutProxy extends Proxy<SheetModel> {
  private set(json: unknown, apply: (page: PageLayoutModel) => void): void {
    this.change(json, (s) => apply(s.pageLayout));
  }
  private margin(side: Margin, points: number): void {
    this.set({ set: `${side}Margin`, points }, (p) => (p.margins[side] = points));
  }
  set orientation(value: string) {
    this.set({ set: 'orientation', value }, (p) => (p.orientation = value));
  }
  /** Set whole, as Excel requires (x.zoom = {...}). */
  set zoom(value: PageLayoutModel['zoom']) {
    this.set({ set: 'zoom', value }, (p) => (p.zoom = { ...value }));
  }
  set leftMargin(points: number) {
    this.margin('left', points);
  }
  set rightMargin(points: number) {
    this.margin('right', points);
  }
  set topMargin(points: number) {
    this.margin('top', points);
  }
  set bottomMargin(points: number) {
    this.margin('bottom', points);
  }
  set headerMargin(points: number) {
    this.margin('header', points);
  }
  set footerMargin(points: number) {
    this.margin('footer', points);
  }
  set centerHorizontally(value: boolean) {
    this.set({ set: 'centerHorizontally', value }, (p) => (p.centerHorizontally = value));
  }
  setPrintTitleRows(rows: string): void {
    this.set({ call: { setPrintTitleRows: rows } }, (p) => (p.printTitleRows = rows));
  }
  setPrintTitleColumns(columns: string): void {
    this.set({ call: { setPrintTitleColumns: columns } }, (p) => (p.printTitleColumns = columns));
  }
  set printOrder(value: string) {
    this.set({ set: 'printOrder', value }, (p) => (p.printOrder = value));
  }
  get headersFooters() {
    const footer = (key: 'left' | 'center' | 'right') => (text: string) => this.set({ set: `${key}Footer`, text }, (p) => (p.footer[key] = text));
    return {
      defaultForAllPages: {
        set leftFooter(text: string) {
          footer('left')(text);
        },
        set centerFooter(text: string) {
          footer('center')(text);
        },
        set rightFooter(text: string) {
          footer('right')(text);
        },
      },
    };
  }
}

class WorksheetProtectionProxy extends Proxy<SheetModel> {
  get protected(): boolean {
    return this.read('protected');
  }
  protected override scalar(name: string): unknown {
    return name === 'protected' ? this.target.protected : super.scalar(name);
  }
}

class WorksheetCollectionProxy extends Proxy<WorkbookModel> {
  get items(): WorksheetProxy[] {
    return this.read('items');
  }
  protected override members(): Proxy<unknown>[] {
    return this.target.sheets.map((s) => new WorksheetProxy(this.ctx, () => s));
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name) ?? null, { call: { getItem: name } });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name) ?? null, { call: { getItemOrNullObject: name }, nullable: true });
  }
  add(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      guardStructure(this.ctx.model);
      return this.ctx.model.addSheet(name);
    }, { call: { add: name } });
  }
}

type ColumnTarget = { table: TableModel; index: number };

class TableColumnProxy extends Proxy<ColumnTarget> {
  get name(): string {
    return this.read('name');
  }
  get values(): Scalar[][] {
    return this.read('values');
  }
  protected override scalar(name: string): unknown {
    const { table, index } = this.target;
    if (name === 'name') return table.headers[index];
    if (name === 'index') return index;
    if (name === 'values') {
      this.ctx.expectCells(table.bodyRows + 1);
      return table.sheet.values({ row: table.row, column: table.column + index, rows: table.bodyRows + 1, columns: 1 });
    }
    return super.scalar(name);
  }
  getDataBodyRange(): RangeProxy {
    return rangeOnSheet(this.ctx, () => this.target.table.sheet, () => ({ ...this.target.table.bodyRect, column: this.target.table.column + this.target.index, columns: 1 }), 'getDataBodyRange');
  }
}

class TableColumnCollectionProxy extends Proxy<TableModel> {
  get items(): TableColumnProxy[] {
    return this.read('items');
  }
  protected override members(): Proxy<unknown>[] {
    const table = this.target;
    return Array.from({ length: table.columns }, (_, index) => new TableColumnProxy(this.ctx, () => ({ table, index })));
  }
  add(index?: number, values?: unknown, name?: string): TableColumnProxy {
    return new TableColumnProxy(
      this.ctx,
      () => {
        const table = this.target;
        guard(table.sheet);
        if (index !== undefined && index !== null && index !== -1 && index !== table.columns) {
          throw new FakeRichApiError('NotImplemented', 'The fake appends table columns at the right only.');
        }
        const column = table.column + table.columns;
        table.sheet.shiftRight({ row: table.row, column, rows: table.bodyRows + 1, columns: 1 });
        table.columns++;
        const taken = new Set(table.headers.slice(0, -1).map((h) => h.toLowerCase()));
        let header = name ?? `Column${table.columns}`;
        for (let n = 2; taken.has(header.toLowerCase()); n++) header = `${name ?? 'Column'}${n}`;
        enter(table.sheet.cell(table.row, column), header);
        if (values !== undefined) throw new FakeRichApiError('NotImplemented', 'The fake adds empty columns only.');
        return { table, index: table.columns - 1 };
      },
      { call: { addColumn: [index ?? null, values ?? null, name ?? null] } },
    );
  }
}

class TableRowProxy extends Proxy<{ table: TableModel; index: number }> {
  getRange(): RangeProxy {
    return rangeOnSheet(this.ctx, () => this.target.table.sheet, () => ({ ...this.target.table.bodyRect, row: this.target.table.row + 1 + this.target.index, rows: 1 }), 'getRange');
  }
}

class TableRowCollectionProxy extends Proxy<TableModel> {
  add(index?: number, values?: unknown): TableRowProxy {
    return new TableRowProxy(
      this.ctx,
      () => {
        const table = this.target;
        guard(table.sheet);
        if (index !== undefined && index !== null) throw new FakeRichApiError('NotImplemented', 'The fake appends rows at the end only.');
        const row = table.row + 1 + table.bodyRows;
        // A table made from whole columns already reaches the sheet's last row (the error code is the fake's guess).
        if (row >= MAX_ROWS) throw new FakeRichApiError('InvalidOperation', 'The table cannot grow past the last row of the sheet.');
        table.sheet.shiftDown({ row, column: table.column, rows: 1, columns: table.columns });
        table.bodyRows++;
        if (values !== undefined) throw new FakeRichApiError('NotImplemented', 'The fake adds empty rows only.');
        return { table, index: table.bodyRows - 1 };
      },
      { call: { addRow: [index ?? null, values ?? null] } },
    );
  }
}

const SORT_RANK = (value: Scalar): number => (value === '' ? 3 : typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2);

class TableProxy extends Proxy<TableModel> {
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.change({ set: 'name', name }, (t) => this.ctx.model.renameTable(t, name));
  }
  get worksheet(): WorksheetProxy {
    return (this.sheetProxy ??= new WorksheetProxy(this.ctx, () => this.target.sheet));
  }
  private sheetProxy: WorksheetProxy | undefined;
  private columnsProxy: TableColumnCollectionProxy | undefined;
  get columns(): TableColumnCollectionProxy {
    return (this.columnsProxy ??= new TableColumnCollectionProxy(this.ctx, () => this.target));
  }
  get rows(): TableRowCollectionProxy {
    return new TableRowCollectionProxy(this.ctx, () => this.target);
  }
  get sort() {
    return {
      apply: (fields: { key: number; ascending?: boolean }[]) =>
        this.change({ sort: fields }, (table) => {
          const sheet = table.sheet;
          const body = table.bodyRect;
          const rows = Array.from({ length: body.rows }, (_, r) => Array.from({ length: body.columns }, (_, c) => sheet.peek(body.row + r, body.column + c)));
          const compare = (a: (typeof rows)[number], b: (typeof rows)[number]) => {
            for (const field of fields) {
              const x = a[field.key]?.value ?? '';
              const y = b[field.key]?.value ?? '';
              const rank = SORT_RANK(x) - SORT_RANK(y);
              if (rank !== 0) return rank; // blanks last, whichever the direction
              const order = x < y ? -1 : x > y ? 1 : 0;
              if (order !== 0) return field.ascending === false ? -order : order;
            }
            return 0;
          };
          rows.sort(compare);
          sheet.clear(body);
          rows.forEach((row, r) => row.forEach((cell, c) => cell && Object.assign(sheet.cell(body.row + r, body.column + c), cell)));
          this.ctx.model.cellsChanged(sheet, body);
        }),
    };
  }
  get id(): string {
    return this.read('id');
  }
  protected override scalar(name: string): unknown {
    if (name === 'name') return this.target.name;
    if (name === 'id') return this.target.id;
    return super.scalar(name);
  }
  protected override child(name: string): Proxy<unknown> | undefined {
    if (name === 'worksheet') return this.worksheet;
    if (name === 'columns') return this.columns;
    return undefined;
  }
  getHeaderRowRange(): RangeProxy {
    return rangeOnSheet(this.ctx, () => this.target.sheet, () => this.target.headerRect, 'getHeaderRowRange');
  }
  getDataBodyRange(): RangeProxy {
    return rangeOnSheet(this.ctx, () => this.target.sheet, () => this.target.bodyRect, 'getDataBodyRange');
  }
  getRange(): RangeProxy {
    return rangeOnSheet(this.ctx, () => this.target.sheet, () => this.target.rect, 'getRange');
  }
  delete(): void {
    this.change({ call: 'deleteTable' }, (table) => {
      table.sheet.clear(table.rect);
      this.ctx.model.tables = this.ctx.model.tables.filter((t) => t !== table);
    });
  }
}

/** The workbook's tables, or one sheet's. */
class TableCollectionProxy extends Proxy<SheetModel | WorkbookModel> {
  get items(): TableProxy[] {
    return this.read('items');
  }
  private scope(): TableModel[] {
    const target = this.target;
    return 'sheets' in target ? target.tables : this.ctx.model.tables.filter((t) => t.sheet === target);
  }
  protected override members(): Proxy<unknown>[] {
    return this.scope().map((t) => new TableProxy(this.ctx, () => t));
  }
  /** By name or ID, as office.js's getItem takes either. */
  private find(key: string) {
    return this.scope().find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key) ?? null;
  }
  /** ExcelApi 1.7: a handler for changes to any table's cells. It is registered (and removed) when the context syncs. */
  get onChanged() {
    const model = this.ctx.model;
    return {
      add: (handler: (args: TableChangedArgs) => unknown) => {
        this.ctx.queue({ addHandler: 'tables.onChanged' }, () => model.tableChangedHandlers.add(handler));
        return {
          context: this.ctx,
          remove: () => this.ctx.queue({ removeHandler: 'tables.onChanged' }, () => model.tableChangedHandlers.delete(handler)),
        };
      },
    };
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.find(name), { call: { getItem: name } });
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.find(name), { call: { getItemOrNullObject: name }, nullable: true });
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    if (!hasHeaders) throw new FakeRichApiError('NotImplemented', 'The fake makes tables with headers only.');
    return new TableProxy(
      this.ctx,
      () => {
        const target = this.target;
        if (typeof address === 'string') {
          if ('sheets' in target) throw new FakeRichApiError('NotImplemented', 'Give workbook.tables.add a Range in the fake.');
          return this.ctx.model.addTable(target, parseA1(address));
        }
        const range = address.resolve()!;
        return this.ctx.model.addTable(range.sheet, range.rect);
      },
      { call: { addTable: typeof address === 'string' ? address : 'range' } },
    );
  }
}

class ChartSeriesProxy extends Proxy<SeriesModel> {
  set name(name: string) {
    this.change({ set: 'name', name }, (s) => (s.name = name));
  }
  set bubbleScale(scale: number) {
    this.change({ set: 'bubbleScale', scale }, (s) => (s.bubbleScale = scale));
  }
  private source(range: RangeProxy): string {
    const { sheet, rect } = range.resolve()!;
    return qualified(sheet.name, rectA1(rect));
  }
  setValues(range: RangeProxy): void {
    this.change({ setValues: 'range' }, (s) => (s.y = this.source(range)));
  }
  setXAxisValues(range: RangeProxy): void {
    this.change({ setXAxisValues: 'range' }, (s) => (s.x = this.source(range)));
  }
  setBubbleSizes(range: RangeProxy): void {
    this.change({ setBubbleSizes: 'range' }, (s) => (s.size = this.source(range)));
  }
  get format() {
    const setLine = (key: 'color' | 'weight', value: string | number) => this.change({ set: `line.${key}`, value }, (s) => (s.line = { ...s.line, [key]: value }));
    return {
      fill: { setSolidColor: (color: string) => this.change({ setSolidColor: color }, (s) => (s.color = color)) },
      line: {
        set color(v: string) { setLine('color', v); },
        set weight(v: number) { setLine('weight', v); },
      },
    };
  }
}

class ChartProxy extends Proxy<ChartModel> {
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.change({ set: 'name', name }, (c) => (c.name = name));
  }
  protected override scalar(name: string): unknown {
    if (name === 'name') return this.target.name;
    return super.scalar(name);
  }
  get title() {
    const set = (text: string) => this.change({ set: 'title', text }, (c) => (c.title = text));
    return { set text(v: string) { set(v); } };
  }
  get legend() {
    const set = (position: string) => this.change({ set: 'legend', position }, (c) => (c.legend = position));
    return { set position(v: string) { set(v); } };
  }
  get axes() {
    const axis = (key: 'xTitle' | 'yTitle') => {
      const set = (text: string) => this.change({ set: key, text }, (c) => (c[key] = text));
      const setFormat = (format: string) => this.change({ set: 'yFormat', format }, (c) => (c.yFormat = format));
      const rangeKey = key === 'xTitle' ? 'xRange' : 'yRange';
      const setBound = (bound: 'min' | 'max', value: number) => this.change({ set: `${rangeKey}.${bound}`, value }, (c) => (c[rangeKey] = { ...c[rangeKey], [bound]: value }));
      return {
        title: { set text(v: string) { set(v); } },
        set numberFormat(v: string) { setFormat(v); },
        set minimum(v: number) { setBound('min', v); },
        set maximum(v: number) { setBound('max', v); },
      };
    };
    return { categoryAxis: axis('xTitle'), valueAxis: axis('yTitle') };
  }
  get series() {
    return {
      getItemAt: (index: number) => new ChartSeriesProxy(this.ctx, () => this.target.series[index] ?? null, { call: { getItemAt: index } }),
      add: (name: string) =>
        new ChartSeriesProxy(
          this.ctx,
          () => {
            const series: SeriesModel = { name };
            this.target.series.push(series);
            return series;
          },
          { call: { addSeries: name } },
        ),
    };
  }
  setPosition(start: string, end: string): void {
    this.change({ setPosition: [start, end] }, (c) => (c.position = [start, end]));
  }
  delete(): void {
    this.change({ call: 'deleteChart' }, (chart) => {
      for (const sheet of this.ctx.model.sheets) sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

class ChartCollectionProxy extends Proxy<SheetModel> {
  get items(): ChartProxy[] {
    return this.read('items');
  }
  protected override members(): Proxy<unknown>[] {
    return this.target.charts.map((c) => new ChartProxy(this.ctx, () => c));
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.ctx, () => this.target.charts.find((c) => c.name === name) ?? null, { call: { getItem: name } });
  }
  add(type: string, source: RangeProxy, seriesBy: string): ChartProxy {
    return new ChartProxy(
      this.ctx,
      () => {
        const { sheet, rect } = source.resolve()!;
        guard(sheet);
        if (sheet !== this.target) throw new FakeRichApiError('InvalidArgument', 'Chart data must be on the chart sheet in the fake.');
        const column = (c: number) => qualified(sheet.name, rectA1({ ...rect, column: rect.column + c, columns: 1 }));
        const series: SeriesModel[] =
          type === 'Bubble' && rect.columns === 3
            ? [{ name: 'Series1', x: column(0), y: column(1), size: column(2) }]
            : Array.from({ length: rect.columns }, (_, c) => ({ name: `Series${c + 1}`, y: column(c) }));
        const chart: ChartModel = { name: `Chart ${sheet.charts.length + 1}`, type, title: '', series };
        sheet.charts.push(chart);
        return chart;
      },
      { call: { addChart: [type, seriesBy] } },
    );
  }
}

class ApplicationProxy extends Proxy<WorkbookModel> {
  suspendScreenUpdatingUntilNextSync(): void {
    this.change({ call: 'suspendScreenUpdatingUntilNextSync' }, () => undefined);
  }
}

class WorkbookProtectionProxy extends Proxy<WorkbookModel> {
  get protected(): boolean {
    return this.read('protected');
  }
  protected override scalar(name: string): unknown {
    return name === 'protected' ? this.target.structureProtected : super.scalar(name);
  }
}

class WorkbookProxy extends Proxy<WorkbookModel> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model);
  }
  /**
   * Workbook.use1904DateSystem is a preview API (in no released ExcelApi set): where Excel lacks it, loading it
   * fails the whole request, so the fake refuses it as such an Excel does and the adapter must never ask.
   */
  protected override scalar(name: string): unknown {
    if (name === 'use1904DateSystem') throw new Error('ApiNotFound: use1904DateSystem is a preview API; this Excel does not have it.');
    return super.scalar(name);
  }
  get protection(): WorkbookProtectionProxy {
    return new WorkbookProtectionProxy(this.ctx, () => this.ctx.model);
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.ctx, () => this.ctx.model);
  }
  get worksheets(): WorksheetCollectionProxy {
    return new WorksheetCollectionProxy(this.ctx, () => this.ctx.model);
  }
  get application(): ApplicationProxy {
    return new ApplicationProxy(this.ctx, () => this.ctx.model);
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const selection = this.ctx.model.selection;
        if (selection === undefined || selection === 'chart') throw new FakeRichApiError('InvalidSelection', 'The current selection is not a range.');
        return selection;
      },
      { call: 'getSelectedRange' },
    );
  }
}
