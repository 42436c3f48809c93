// The pane's column mapping: each contract column with the header it reads and
// how it was found, a dropdown to change it, and what is missing or ambiguous.
// The logic is in columnMapping.ts; a change is saved there.

import { Body1, Button, Caption1, Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { HOW_TEXT, type ColumnMappingView, type MappingRow } from './columnMapping';
import { useSectionStyles } from '../styles';

export type ColumnMappingSectionProps = {
  view: ColumnMappingView;
  busy: boolean;
  onChange: (column: string, header: string) => void;
};

/** The dropdown's value for "no column": a header is never blank, so '' cannot clash with one. */
const NONE = '';

function MappingField({ row, headers, busy, onChange }: { row: MappingRow; headers: string[]; busy: boolean; onChange: ColumnMappingSectionProps['onChange'] }) {
  const section = useSectionStyles();
  // A header another column reads is still offered: choosing it here moves it.
  const options = row.header !== '' && !headers.includes(row.header) ? [row.header, ...headers] : headers;
  return (
    <Field
      label={row.column}
      hint={row.effect && row.how === 'missing' ? `Not found: without it, ${row.effect}. Choose the column that holds it.` : HOW_TEXT[row.how]}
      validationState={row.how === 'missing' && row.effect ? 'warning' : 'none'}
    >
      <Select className={section.select} value={row.header} disabled={busy} onChange={(_, data) => data.value !== row.header && onChange(row.column, data.value)}>
        <option value={NONE}>{row.how === 'missing' ? '(not found)' : '(none in this table)'}</option>
        {options.map((header) => (
          <option key={header} value={header}>
            {header}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function ColumnMappingSection({ view, busy, onChange }: ColumnMappingSectionProps) {
  const section = useSectionStyles();
  const [all, setAll] = useState(false);
  // Only what needs a look unless asked: a column found by its words or set by hand, or missing with an effect on the plan.
  const toCheck = view.rows.filter((r) => r.how === 'words' || r.how === 'mapped' || r.how === 'none' || (r.how === 'missing' && r.effect !== undefined));
  const shown = all ? view.rows : toCheck;
  const rest = view.rows.length - toCheck.length;
  return (
    <div className={section.section}>
      <Body1>
        Which column of {view.table} each column the prioritiser reads comes from. A change is saved in the Column mapping table on the settings sheet, so the
        command and a colleague&apos;s copy read the same.
      </Body1>
      {view.ambiguous.map((a) => (
        <MessageBar key={a.header} intent="warning">
          <MessageBarBody>{a.message}</MessageBarBody>
        </MessageBar>
      ))}
      {view.unrecognised.length > 0 && (
        <Caption1>
          Not used (your own columns): {view.unrecognised.map((h) => `"${h}"`).join(', ')}.
        </Caption1>
      )}
      {shown.length === 0 && <Caption1>Nothing to check: every column that changes the plan was found by its name.</Caption1>}
      {shown.map((row) => (
        <MappingField key={row.key} row={row} headers={view.headers} busy={busy} onChange={onChange} />
      ))}
      {rest > 0 && (
        <div className={section.actions}>
          <Button appearance="secondary" onClick={() => setAll(!all)} aria-expanded={all}>
            {all ? 'Show only the columns to check' : `Show all ${view.rows.length} columns`}
          </Button>
        </div>
      )}
    </div>
  );
}
