// axe over the preview, one line per finding (the rule and the element), so a failure says what and where.

import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Tabster's dummy inputs (Fluent's arrow-key groups, such as the ranking's list) are aria-hidden and focusable
 * on purpose: they take the Tab into or out of the group and hand the focus on at once, and a screen reader is
 * not to announce them. axe's aria-hidden-focus reads them as a fault (microsoft/tabster#288); only they are let pass.
 */
const tabsterDummy = (rule: string, html: string): boolean => rule === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(html);

/** axe's findings inside `within` (the task pane by default). */
export async function axeViolations(page: Page, within = 'aside'): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(within).analyze();
  return result.violations.flatMap((v) => v.nodes.filter((node) => !tabsterDummy(v.id, node.html)).map((node) => `${v.id}: ${node.target.join(' ')}`));
}
