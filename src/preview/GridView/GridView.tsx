// A plain grid view of the in-memory workbook: sheet tabs, cells with their
// number formats, styles and conditional-format colours, the selection, and
// cells a tester can edit (Excel is in cell-edit mode meanwhile, as it would be).

import { Tab, TabList, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { columnLetters } from '../../engine/address';
import {
  activateSheet,
  enterText,
  findSheet,
  getCell,
  selectRange,
  setEditing as setWorkbookEditing,
  subscribe,
  tablesOn,
  usedSize,
  type MemoryWorkbook,
  type Selection,
} from '../../adapters/memory';
import { alignOf, formatValue } from './formatValue';
import { highlightFor } from './highlight';

export type GridViewProps = { workbook: MemoryWorkbook };

/** The row numbers' column. */
const ROW_HEADER_PX = 40;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, height: '100%' },
  // Many sheets (the add-in adds up to six) scroll within the grid's width instead of running under the task pane.
  sheetTabs: { flexShrink: 0, overflowX: 'auto', overflowY: 'hidden' },
  scroller: {
    flexGrow: 1,
    overflow: 'auto',
    outlineStyle: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 3, backgroundColor: tokens.colorNeutralBackground3, width: `${ROW_HEADER_PX}px` },
  columnHeader: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'end',
    paddingInline: tokens.spacingHorizontalXS,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    height: '22px',
    paddingInline: tokens.spacingHorizontalXS,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    color: tokens.colorNeutralForeground1,
  },
  tableCell: { backgroundColor: tokens.colorNeutralBackground2 },
  tableHeader: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  header: { fontWeight: tokens.fontWeightSemibold },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  section: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  note: { fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  // The preview's rows keep one height: a wrapping text is cut with an ellipsis like any other.
  wrap: { verticalAlign: 'top' },
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  inRange: { boxShadow: `inset 0 0 0 999px ${tokens.colorBrandBackground2}` },
  editor: { width: '100%', boxSizing: 'border-box', font: 'inherit', border: 'none', padding: 0 },
  formula: { fontFamily: tokens.fontFamilyMonospace },
});

type Editing = { sheet: string; row: number; column: number; text: string };

const inSelection = (s: Selection, row: number, column: number) =>
  row >= s.row && row < s.row + s.rows && column >= s.column && column < s.column + s.columns;

const spanOf = (sheet: string, a: { row: number; column: number }, b: { row: number; column: number }): Selection => ({
  sheet,
  row: Math.min(a.row, b.row),
  column: Math.min(a.column, b.column),
  rows: Math.abs(a.row - b.row) + 1,
  columns: Math.abs(a.column - b.column) + 1,
});

export const cellId = (sheet: string, row: number, column: number) => `cell-${sheet.replace(/[^A-Za-z0-9]/g, '_')}-${row}-${column}`;

export function GridView({ workbook }: GridViewProps) {
  const styles = useStyles();
  useSyncExternalStore(
    (listener) => subscribe(workbook, listener),
    () => workbook.version,
  );
  const [editing, setEditingState] = useState<Editing>();
  // The editor's blur can fire after Enter or Esc already finished the edit; the ref says whether one is open.
  const editingNow = useRef<Editing | undefined>(undefined);
  const setEditing = (next: Editing | undefined) => {
    editingNow.current = next;
    setEditingState(next);
  };
  const [active, setActive] = useState<{ row: number; column: number }>();
  const scroller = useRef<HTMLDivElement>(null);
  const sheet = findSheet(workbook, workbook.activeSheet) ?? workbook.sheets[0];
  const selection = workbook.selection;
  const cursor = active && sheet && inSelection(selection, active.row, active.column) ? active : { row: selection.row, column: selection.column };

  // Show the selected cell, wherever the selection came from (a click, the pane's "Select" button); focus stays put.
  useEffect(() => {
    if (!sheet) return;
    document.getElementById(cellId(sheet.name, cursor.row, cursor.column))?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [sheet, cursor.row, cursor.column, workbook.version]);

  if (!sheet) return null;
  const used = usedSize(sheet);
  const rows = Math.max(used.rows + 2, 20);
  const columns = Math.max(used.columns + 1, 8);
  // A column's width in characters as pixels, as Excel draws them at 100% (capped, so one wide column leaves room for others).
  const columnPx = Array.from({ length: columns }, (_, c) => Math.min(60, sheet.widths[c] ?? 9) * 7 + 10);
  const tables = tablesOn(workbook, sheet.name);
  const tableAt = (row: number, column: number) =>
    tables.find((t) => row >= t.row && row < t.row + t.rows && column >= t.column && column < t.column + t.columns);

  const select = (next: Selection, at: { row: number; column: number }) => {
    selectRange(workbook, next);
    setActive(at);
  };
  const moveTo = (row: number, column: number, extend: boolean) => {
    const target = { row: Math.max(0, row), column: Math.max(0, column) };
    const anchor = { row: selection.row === cursor.row ? selection.row + selection.rows - 1 : selection.row, column: selection.column === cursor.column ? selection.column + selection.columns - 1 : selection.column };
    select(extend ? spanOf(sheet.name, selection.rows === 1 && selection.columns === 1 ? cursor : anchor, target) : spanOf(sheet.name, target, target), target);
  };
  const startEditing = (row: number, column: number, text?: string) => {
    const cell = getCell(sheet, row, column);
    setEditing({ sheet: sheet.name, row, column, text: text ?? (cell.formula ?? (cell.value === '' ? '' : String(cell.value))) });
    setWorkbookEditing(workbook, true);
  };
  const finishEditing = (commit: boolean) => {
    const open = editingNow.current;
    if (!open) return;
    setEditing(undefined);
    if (commit) enterText(workbook, open.sheet, open.row, open.column, open.text);
    else setWorkbookEditing(workbook, false);
    scroller.current?.focus();
  };
  const switchSheet = (name: string) => {
    activateSheet(workbook, name);
    setActive(undefined);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const { row, column } = cursor;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      moveTo(row + move[0], column + move[1], event.shiftKey);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEditing(row, column);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      enterText(workbook, sheet.name, row, column, '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startEditing(row, column, event.key);
    }
  };

  return (
    <div className={styles.root}>
      <TabList className={styles.sheetTabs} size="small" selectedValue={sheet.name} onTabSelect={(_, data) => switchSheet(String(data.value))} aria-label="Sheets">
        {workbook.sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <div
        ref={scroller}
        className={styles.scroller}
        role="grid"
        aria-label={`Sheet ${sheet.name}`}
        aria-rowcount={rows}
        aria-colcount={columns}
        tabIndex={0}
        aria-activedescendant={cellId(sheet.name, cursor.row, cursor.column)}
        onKeyDown={onKeyDown}
      >
        {/* A fixed table layout holds only at a stated width: without one, Chromium sized the columns by their
            texts, and Change impact's column of sentences ran thousands of pixels wide. */}
        <table className={styles.table} role="presentation" style={{ width: `${ROW_HEADER_PX + columnPx.reduce((sum, px) => sum + px, 0)}px` }}>
          <colgroup>
            <col style={{ width: `${ROW_HEADER_PX}px` }} />
            {columnPx.map((px, c) => (
              <col key={c} style={{ width: `${px}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr role="row">
              <th className={styles.corner} role="presentation" />
              {Array.from({ length: columns }, (_, c) => (
                <th key={c} className={styles.columnHeader} role="columnheader">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r} role="row">
                <th className={styles.rowHeader} role="rowheader">
                  {r + 1}
                </th>
                {Array.from({ length: columns }, (_, c) => {
                  const cell = getCell(sheet, r, c);
                  const table = tableAt(r, c);
                  const colours = highlightFor(sheet.conditionalFormats, r, c, cell.value);
                  const isCursor = r === cursor.row && c === cursor.column;
                  const isEditing = editing && editing.sheet === sheet.name && editing.row === r && editing.column === c;
                  const className = mergeClasses(
                    styles.cell,
                    table && (table.row === r ? styles.tableHeader : styles.tableCell),
                    cell.style && styles[cell.style],
                    inSelection(selection, r, c) && !isCursor && styles.inRange,
                    isCursor && styles.selected,
                    cell.formula !== undefined && styles.formula,
                  );
                  return (
                    <td
                      key={c}
                      id={cellId(sheet.name, r, c)}
                      role="gridcell"
                      aria-selected={inSelection(selection, r, c)}
                      aria-label={`${columnLetters(c)}${r + 1}`}
                      data-address={`${columnLetters(c)}${r + 1}`}
                      className={className}
                      style={colours ? { backgroundColor: colours.fill, color: colours.font, textAlign: alignOf(cell.value) } : { textAlign: alignOf(cell.value) }}
                      title={cell.formula}
                      onMouseDown={(event) => {
                        if (isEditing) return;
                        event.preventDefault();
                        scroller.current?.focus();
                        moveTo(r, c, event.shiftKey);
                      }}
                      onDoubleClick={() => startEditing(r, c)}
                    >
                      {isEditing ? (
                        <input
                          className={styles.editor}
                          aria-label={`Edit ${columnLetters(c)}${r + 1}`}
                          autoFocus
                          value={editing.text}
                          onChange={(event) => setEditing({ ...editing, text: event.target.value })}
                          onBlur={(event) => {
                            // As in Excel: clicking another cell ends the edit; clicking the task pane does not.
                            if (scroller.current?.contains(event.relatedTarget as Node | null)) finishEditing(true);
                          }}
                          onKeyDown={(event) => {
                            if (event.key === 'Enter' || event.key === 'Tab') {
                              event.preventDefault();
                              finishEditing(true);
                              moveTo(event.key === 'Enter' ? r + 1 : r, event.key === 'Tab' ? c + 1 : c, false);
                            } else if (event.key === 'Escape') {
                              event.preventDefault();
                              finishEditing(false);
                            }
                          }}
                        />
                      ) : (
                        formatValue(cell.value, cell.format)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
