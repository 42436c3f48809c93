import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { Planner } from '../app/runPlan';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  title: { margin: 0 },
});

export type AppProps = {
  /** Turns the workbook into a plan: rank and fill, or Optimal with HiGHS in a Web Worker (see planner.ts). */
  planner: Planner;
};

export function App(_props: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1" className={styles.title}>AI Portfolio Prioritiser</Title2>
      <Body1>The prioritisation pane arrives in a later release.</Body1>
    </main>
  );
}
