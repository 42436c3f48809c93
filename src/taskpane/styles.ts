// Styles every section of the pane shares: spacing and headings from Fluent tokens only.

import { makeStyles, tokens } from '@fluentui/react-components';

export const useSectionStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  heading: { margin: 0 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  quiet: { color: tokens.colorNeutralForeground3 },
  // A native select is as wide as its longest option: a long scenario name or header pushed the pane sideways at 320 px.
  select: { minWidth: 0, width: '100%' },
});

/** The pane's small data tables: fixed layout so long team names wrap at 320 px, numbers right-aligned in even figures. */
export const useTableStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' },
  cell: {
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'start',
    verticalAlign: 'top',
    overflowWrap: 'break-word',
  },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  header: { fontWeight: tokens.fontWeightSemibold },
});
