// "Show all 12 …" under a long list that shows its first few, and "Show the first 3 …" once it is open.
// One button that stays where it is, so keyboard focus is never dropped when the list grows (a button
// that disappeared on click left focus on the page's body).

import { Button } from '@fluentui/react-components';

export type ShowAllProps = {
  /** How many the whole list holds, and how many it shows folded. */
  total: number;
  initial: number;
  all: boolean;
  /** What the list holds, plural: "problems". */
  noun: string;
  onToggle: (all: boolean) => void;
};

/** The items a list folded to its first `initial` shows. */
export const firstOf = <T,>(items: readonly T[], initial: number, all: boolean): readonly T[] => (all ? items : items.slice(0, initial));

export function ShowAll({ total, initial, all, noun, onToggle }: ShowAllProps) {
  if (total <= initial) return null;
  return (
    <Button appearance="subtle" aria-expanded={all} onClick={() => onToggle(!all)}>
      {all ? `Show the first ${initial} ${noun}` : `Show all ${total} ${noun}`}
    </Button>
  );
}
