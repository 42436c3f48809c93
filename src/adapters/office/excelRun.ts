// The only place that calls Excel.run: everything else takes the request
// context, so tests hand in a fake context and count its syncs.

export type ExcelRun = <T>(work: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const excelRun: ExcelRun = (work) => Excel.run(work);
