// A section the user can fold away: a heading whose button says whether the
// section is open. Plain HTML semantics, so it works the same in every webview.

import { Button, makeStyles, tokens, useId } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';

export type DisclosureProps = { title: string; defaultOpen?: boolean; children: ReactNode };

const useStyles = makeStyles({
  heading: { margin: 0 },
  button: { width: '100%', justifyContent: 'flex-start', fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  panel: { paddingBlock: tokens.spacingVerticalS },
});

export function Disclosure({ title, defaultOpen = false, children }: DisclosureProps) {
  const styles = useStyles();
  const panelId = useId('disclosure');
  const [open, setOpen] = useState(defaultOpen);
  return (
    <div>
      <h2 className={styles.heading}>
        <Button
          className={styles.button}
          appearance="subtle"
          icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          {title}
        </Button>
      </h2>
      <div id={panelId} className={styles.panel} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
