// The task pane's entry point: it only boots. Inside Excel it waits for Office,
// follows the Office theme and talks to the workbook through the office.js
// adapter; opened in a plain browser it says so and uses an in-memory workbook.

import type { WorkbookPort } from '../port/workbookPort';
import { bootPane } from './boot';
import { PANE_DRAWER, PANE_PLANNERS } from './planner';
import { officePort } from './officePort';
import { themeFromOffice } from './theme/themes';

function container(): HTMLElement {
  const root = document.getElementById('root');
  if (!root) throw new Error('taskpane.html has no #root element');
  return root;
}

/** The office.js port, or one whose every call fails with the reason, so the pane says why instead of staying blank. */
function excelPort(): WorkbookPort {
  try {
    return officePort();
  } catch (error) {
    const fail = () => Promise.reject(error);
    return {
      read: fail,
      write: fail,
      saveSettings: fail,
      saveColumnMapping: fail,
      insertSample: fail,
      createTableFromSelection: fail,
      useTable: fail,
      selectCell: fail,
      sortByPriority: fail,
      changeScenarios: fail,
      writeScenarioComparison: fail,
    };
  }
}

const forcedColors = () => typeof window.matchMedia === 'function' && window.matchMedia('(forced-colors: active)').matches;

async function bootOutsideExcel(): Promise<void> {
  const { createWorkbook, memoryPort } = await import(/* webpackChunkName: "memory" */ '../adapters/memory');
  bootPane(container(), { port: memoryPort(createWorkbook()), theme: themeFromOffice(undefined, forcedColors()), planners: PANE_PLANNERS, drawer: PANE_DRAWER });
}

if (typeof Office !== 'undefined') {
  void Office.onReady((info) => {
    if (!info.host) return void bootOutsideExcel(); // office.js loaded, but not inside an Office host
    bootPane(container(), { port: excelPort(), theme: themeFromOffice(Office.context.officeTheme, forcedColors()), planners: PANE_PLANNERS, drawer: PANE_DRAWER });
  });
} else {
  void bootOutsideExcel();
}
