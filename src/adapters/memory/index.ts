// The in-memory workbook: a faithful stand-in for Excel for tests and the preview.

export * from './model';
export { storedLikeExcel, typeIntoCell } from './cells';
export { memoryPort, type MemoryPortOptions } from './memoryPort';
export { rawTable, headersOf } from './tables';
export { selectRange, activateSheet, setEditing, enterText } from './userActions';
