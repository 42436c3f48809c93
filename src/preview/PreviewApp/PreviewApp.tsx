// The preview page: the in-memory workbook as a grid beside the very same task
// pane that runs in Excel, with a theme switch and the pane's width.

import { Body1, FluentProvider, Radio, RadioGroup, Field, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useState, useSyncExternalStore } from 'react';
import { findSheet, subscribe, type MemoryWorkbook } from '../../adapters/memory';
import type { WorkbookPort } from '../../port/workbookPort';
import { paneProps } from '../../taskpane/boot';
import type { Planners } from '../../taskpane/model/planners';
import type { Drawer } from '../../app/confidenceDraws';
import { Pane } from '../../taskpane/Pane';
import { PANE_THEMES, fluentTheme, type PaneTheme } from '../../taskpane/theme/themes';
import { ChartList } from '../ChartList/ChartList';
import { GridView } from '../GridView/GridView';

export type PreviewAppProps = { workbook: MemoryWorkbook; port: WorkbookPort; initialTheme: PaneTheme; paneWidth: number; planners?: Planners; drawer?: Drawer };

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground3 },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0 },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  workbook: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  grid: { flexGrow: 1, minHeight: 0 },
  charts: { maxHeight: '40%', overflow: 'auto', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  pane: { flexShrink: 0, overflowY: 'auto', borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

export function PreviewApp({ workbook, port, initialTheme, paneWidth, planners, drawer }: PreviewAppProps) {
  const styles = useStyles();
  const [theme, setTheme] = useState<PaneTheme>(initialTheme);
  useSyncExternalStore(
    (listener) => subscribe(workbook, listener),
    () => workbook.version,
  );
  const sheet = findSheet(workbook, workbook.activeSheet);
  // The pane's props stay the same object across renders, so it does not reload the workbook on every change.
  const [pane] = useState(() => paneProps({ port, theme: initialTheme, planners, drawer }));
  return (
    <FluentProvider theme={fluentTheme(theme)}>
      <div className={styles.page}>
        <header className={styles.bar}>
          <Title3 as="h1" className={styles.title}>
            Preview
          </Title3>
          <Body1>An in-memory workbook beside the task pane that runs in Excel. Double-click a cell (or press F2) to edit it.</Body1>
          <Field label="Theme" orientation="horizontal">
            <RadioGroup layout="horizontal" value={theme} onChange={(_, data) => setTheme(data.value as PaneTheme)}>
              {PANE_THEMES.map((t) => (
                <Radio key={t.value} value={t.value} label={t.label} />
              ))}
            </RadioGroup>
          </Field>
        </header>
        <div className={styles.body}>
          <section className={styles.workbook} aria-label="Workbook">
            <div className={styles.grid}>
              <GridView workbook={workbook} />
            </div>
            {sheet && sheet.charts.length > 0 && (
              <div className={styles.charts}>
                <ChartList sheet={sheet} />
              </div>
            )}
          </section>
          <aside className={styles.pane} style={{ width: `${paneWidth}px` }} aria-label="Task pane">
            <Pane {...pane} theme={theme} />
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
