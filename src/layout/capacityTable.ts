// Which table is the Capacity table: by its name, else by its headers.

import { isCapacityTable } from '../engine/read';
import { CAPACITY_TABLE, isAddinTable, type TableAbout } from './names';

/**
 * The Capacity table among a workbook's tables: the one named Capacity; else the one table (besides the
 * Initiatives table and the add-in's) with a Team and a Capacity column (`Shared team`, `Capacity (weeks)`),
 * whatever its name. Two such tables are not guessed between.
 */
export function capacityTableAmong<T>(tables: readonly T[], about: (table: T) => TableAbout, initiativesTable: string): T | undefined {
  const named = tables.find((t) => about(t).name.toLowerCase() === CAPACITY_TABLE.toLowerCase());
  if (named) return named;
  const headed = tables.filter((t) => {
    const { name, headers } = about(t);
    return name.toLowerCase() !== initiativesTable.toLowerCase() && !isAddinTable(name) && isCapacityTable(headers);
  });
  return headed.length === 1 ? headed[0] : undefined;
}
