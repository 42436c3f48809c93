// Starts the pane on whatever workbook port it is given: the office.js adapter
// inside Excel, the in-memory workbook in the preview and tests.

import { createRoot, type Root } from 'react-dom/client';
import type { WorkbookPort } from '../port/workbookPort';
import { DEFAULT_PLANNERS, type Planners } from './model/planners';
import { Pane } from './Pane';
import type { PaneTheme } from './theme/themes';

export type BootOptions = {
  port: WorkbookPort;
  theme: PaneTheme;
  planners?: Planners;
  now?: () => string;
  retryDelayMs?: number;
};

export const paneProps = ({ port, theme, planners, now, retryDelayMs }: BootOptions) => ({
  port,
  theme,
  planners: planners ?? DEFAULT_PLANNERS,
  now: now ?? (() => new Date().toISOString()),
  retryDelayMs: retryDelayMs ?? 1000,
});

export function bootPane(container: HTMLElement, options: BootOptions): Root {
  const root = createRoot(container);
  root.render(<Pane {...paneProps(options)} />);
  return root;
}
