// Currencies: which currency an amount states, the workbook's reporting
// currency and FX rates, and converting an amount into the reporting currency.

import { normalise } from './cells';

/** Excel table names take no spaces: the FX table is called this, and any table headed Currency and Rate is one. */
export const FX_RATES_TABLE = 'FXRates';

/** Whether a table of the workbook holds FX rates: by its name ("FX rates"), or by its Currency and Rate headers. */
export function isFxRatesTable(name: string, headers: readonly string[]): boolean {
  if (normalise(name) === normalise(FX_RATES_TABLE)) return true;
  const folded = headers.map((h) => normalise(String(h)));
  return folded.includes('currency') && folded.includes('rate');
}
