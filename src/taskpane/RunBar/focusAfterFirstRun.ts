// Focus after the first-run offer: "Insert the sample" (or "Use this table")
// takes its own button away with the offer, and focus would drop to the page.
// It lands on Run, the next thing to press.

import { useState } from 'react';

/** True once the view has left `from` (the first-run offer) for another kind, until it changes kind again. */
export function useJustLeft(kind: string, from: string): boolean {
  const [seen, setSeen] = useState({ kind, left: false });
  // The kind before this render, kept in state (React's pattern for a value derived from the previous render).
  if (seen.kind !== kind) setSeen({ kind, left: seen.kind === from });
  return seen.kind !== kind ? seen.kind === from : seen.left;
}

/** Focus the element when asked, unless the user has already put focus somewhere of their own. */
export function focusIfLost(element: HTMLElement | null, document: Document): void {
  const active = document.activeElement;
  if (element && (active === null || active === document.body)) element.focus();
}
