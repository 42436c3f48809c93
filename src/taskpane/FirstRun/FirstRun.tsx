// First run: the workbook has no Initiatives table yet. Three ways to start.

import { Body1, Button, Caption1, Field, Select, Subtitle1, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useState } from 'react';
import type { TableInfo } from '../../port/workbookPort';
import { useSectionStyles } from '../styles';

export type FirstRunProps = {
  tables: TableInfo[];
  busy: boolean;
  onUseTable: (name: string) => void;
  onCreateFromSelection: () => void;
  onInsertSample: () => void;
};

const useStyles = makeStyles({
  option: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  button: { alignSelf: 'flex-start' },
});

export function FirstRun({ tables, busy, onUseTable, onCreateFromSelection, onInsertSample }: FirstRunProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const titleId = useId('first-run');
  const [picked, setPicked] = useState(tables[0]?.name ?? '');
  const chosen = tables.some((t) => t.name === picked) ? picked : (tables[0]?.name ?? '');
  return (
    <section className={section.section} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={section.heading}>
        No Initiatives table yet
      </Subtitle1>
      <Body1>The add-in plans from an Excel table named Initiatives, with one row per initiative. Choose how to start.</Body1>

      <div className={styles.option}>
        <Subtitle2 as="h3" className={section.heading}>
          Use a table you already have
        </Subtitle2>
        {tables.length > 0 ? (
          <>
            <Field label="Table" hint="The add-in remembers your choice in its settings sheet.">
              <Select className={section.select} value={chosen} onChange={(_, data) => setPicked(data.value)}>
                {tables.map((t) => (
                  <option key={t.name} value={t.name}>
                    {`${t.name} on ${t.sheet} (${t.rows} ${t.rows === 1 ? 'row' : 'rows'})`}
                  </option>
                ))}
              </Select>
            </Field>
            <Button className={styles.button} disabledFocusable={busy} onClick={() => onUseTable(chosen)}>
              Use this table
            </Button>
          </>
        ) : (
          <Caption1>This workbook has no other tables.</Caption1>
        )}
      </div>

      <div className={styles.option}>
        <Subtitle2 as="h3" className={section.heading}>
          Turn your list into the table
        </Subtitle2>
        <Body1>In the sheet, select your list with its header row (or one cell inside it), then:</Body1>
        <Button className={styles.button} disabledFocusable={busy} onClick={onCreateFromSelection}>
          Make the selection the Initiatives table
        </Button>
      </div>

      <div className={styles.option}>
        <Subtitle2 as="h3" className={section.heading}>
          Start from the sample
        </Subtitle2>
        <Body1>25 AI initiatives and a Capacity table of five shared teams, on two new sheets.</Body1>
        <Button className={styles.button} appearance="primary" disabledFocusable={busy} onClick={onInsertSample}>
          Insert the sample portfolio
        </Button>
      </div>
    </section>
  );
}
