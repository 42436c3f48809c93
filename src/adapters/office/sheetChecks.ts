// Which of the add-in's sheets exist and are its own (A2 carries the owner
// mark), checked in the same round trip as the table, just before writing.
// A sheet is asked for with getItem only when the read saw it, so no method
// is ever called on an object that might not exist.

import { isOwnSheet } from '../../layout/names';

export type SheetStatus = {
  exists: boolean;
  ours: boolean;
  /** Review > Protect Sheet is on: Excel would refuse the add-in's writes. */
  protected: boolean;
  /** Charts and tables on the sheet, so a sheet of ours can be rebuilt from nothing. */
  charts: string[];
  tables: string[];
  /** True when the sheet was not there at read time but is now: someone else is working on the workbook. */
  appeared: boolean;
};

export function queueSheetChecks(context: Excel.RequestContext, names: readonly string[], seen: readonly string[]): () => Map<string, SheetStatus> {
  const known = new Set(seen.map((s) => s.toLowerCase()));
  const queued = [...new Set(names)].map((name) => {
    if (!known.has(name.toLowerCase())) return { name, probe: context.workbook.worksheets.getItemOrNullObject(name) };
    const sheet = context.workbook.worksheets.getItem(name).load('protection/protected');
    return {
      name,
      sheet,
      a2: sheet.getRange('A2').load('values'),
      charts: sheet.charts.load('items/name'),
      tables: sheet.tables.load('items/name'),
    };
  });
  return () =>
    new Map(
      queued.map((q): [string, SheetStatus] => {
        if ('probe' in q) {
          const appeared = !q.probe!.isNullObject;
          return [q.name, { exists: appeared, ours: false, protected: false, charts: [], tables: [], appeared }];
        }
        return [
          q.name,
          {
            exists: true,
            ours: isOwnSheet(q.a2!.values[0]?.[0]),
            protected: q.sheet!.protection.protected,
            charts: q.charts!.items.map((c) => c.name),
            tables: q.tables!.items.map((t) => t.name),
            appeared: false,
          },
        ];
      }),
    );
}
