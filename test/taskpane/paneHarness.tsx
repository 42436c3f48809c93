// Renders the whole pane over an in-memory workbook, as the preview does.

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createWorkbook, memoryPort, type MemoryWorkbook } from '../../src/adapters/memory';
import type { WorkbookPort } from '../../src/port/workbookPort';
import { DEFAULT_PLANNERS, type Planners } from '../../src/taskpane/model/planners';
import { Pane } from '../../src/taskpane/Pane';
import { NOW } from '../builders';

// The whole pane renders Fluent UI in jsdom on a shared two-core machine: give each test room.
jest.setTimeout(30_000);

export function renderPane(options: { workbook?: MemoryWorkbook; port?: WorkbookPort; planners?: Planners } = {}) {
  const workbook = options.workbook ?? createWorkbook();
  const port = options.port ?? memoryPort(workbook);
  const user = userEvent.setup();
  const view = render(<Pane theme="light" port={port} planners={options.planners ?? DEFAULT_PLANNERS} now={() => NOW} retryDelayMs={5} />);
  return { workbook, port, user, ...view };
}

/** The pane has read the workbook when its Run button or its first-run offer shows. */
export const loaded = () => waitFor(() => expect(screen.queryByText('Reading the workbook…')).not.toBeInTheDocument());

/** Wait for a run to end with the given title in the status area. */
export const statusSays = (title: string | RegExp) => screen.findByText(title, {}, { timeout: 10_000 });

export const runButton = () => screen.getByRole('button', { name: /^(Run|Save settings and run)$/ });
