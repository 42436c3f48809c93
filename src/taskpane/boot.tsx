// Starts the pane on whatever workbook port it is given: the office.js adapter
// inside Excel, the in-memory workbook in the preview and tests.

import { createRoot, type Root } from 'react-dom/client';
import type { Drawer } from '../app/confidenceDraws';
import type { WorkbookPort } from '../port/workbookPort';
import { DEFAULT_PLANNERS, type Planners } from './model/planners';
import { Pane } from './Pane';
import type { PaneTheme } from './theme/themes';

export type BootOptions = {
  port: WorkbookPort;
  theme: PaneTheme;
  planners?: Planners;
  /** Who draws the confidence futures after a plan (a Web Worker in the add-in); in this thread by default. */
  drawer?: Drawer;
  now?: () => string;
  retryDelayMs?: number;
};

export const paneProps = ({ port, theme, planners, drawer, now, retryDelayMs }: BootOptions) => ({
  port,
  theme,
  planners: planners ?? DEFAULT_PLANNERS,
  ...(drawer ? { drawer } : {}),
  now: now ?? (() => new Date().toISOString()),
  retryDelayMs: retryDelayMs ?? 1000,
});

export function bootPane(container: HTMLElement, options: BootOptions): Root {
  const root = createRoot(container);
  root.render(<Pane {...paneProps(options)} />);
  return root;
}
