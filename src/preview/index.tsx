// `npm run preview`: the task pane beside an in-memory workbook, in any browser,
// offline (office.js is never loaded). URL flags:
//   ?empty            start with an empty workbook, to see the first-run offer
//   ?theme=dark       light, dark or highContrast
//   ?width=320        the pane's width in pixels (default 360)
//   ?latency=400      milliseconds added to every workbook call, to see progress
//   ?initiatives=500  the sample repeated to that many initiatives (capacities scaled), to try live mode at scale
//   ?ranges           a value range on every row, so the plan says how sure it is (Confidence, the How sure view)
//   ?draws=10000      how many futures to draw (the Confidence draws setting)

import { createRoot } from 'react-dom/client';
import { createWorkbook, memoryPort } from '../adapters/memory';
import { DEFAULT_SETTINGS } from '../engine/settings';
import type { PaneTheme } from '../taskpane/theme/themes';
import { PANE_DRAWER, PANE_PLANNERS } from '../taskpane/planner';
import { PreviewApp } from './PreviewApp/PreviewApp';
import { addValueRanges } from './valueRanges';

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const workbook = createWorkbook(['Sheet1']);
  const sampleSize = Math.min(10_000, Math.max(1, Number(params.get('initiatives')) || 25));
  const port = memoryPort(workbook, { latencyMs: Number(params.get('latency')) || 0, sampleSize });
  if (!params.has('empty')) await memoryPort(workbook, { sampleSize }).insertSample();
  if (!params.has('empty') && params.has('ranges')) addValueRanges(workbook, 'Initiatives');
  // A bigger portfolio runs more at once: the in-flight limit grows with it, so the team capacities bind.
  const draws = params.has('draws') ? Math.max(0, Math.floor(Number(params.get('draws')))) : undefined;
  if (!params.has('empty') && (sampleSize > 25 || draws !== undefined)) {
    await port.saveSettings({
      ...DEFAULT_SETTINGS,
      inFlightLimit: Math.round((DEFAULT_SETTINGS.inFlightLimit * sampleSize) / 25),
      ...(draws !== undefined ? { confidenceDraws: draws } : {}),
    });
  }
  const theme = (['light', 'dark', 'highContrast'] as const).find((t) => t === params.get('theme')) ?? 'light';
  const width = Math.min(800, Math.max(280, Number(params.get('width')) || 360));
  const root = document.getElementById('root');
  if (!root) throw new Error('preview.html has no #root element');
  // For the browser tests and a curious tester: the workbook behind the grid.
  (window as unknown as { previewWorkbook: unknown }).previewWorkbook = workbook;
  createRoot(root).render(<PreviewApp workbook={workbook} port={port} initialTheme={theme as PaneTheme} paneWidth={width} planners={PANE_PLANNERS} drawer={PANE_DRAWER} />);
}

void start();
