// DOM matchers (toBeInTheDocument, toHaveAccessibleName...) for the component tests.
import '@testing-library/jest-dom';
import { configure } from '@testing-library/dom';

// findBy and waitFor give up after 1 s by default. The whole pane renders Fluent UI in jsdom and loads its
// lower sections lazily; on a busy two-core machine that took longer than a second and failed tests that
// were right. A wait that succeeds returns as soon as it does, so only a real failure waits the longer time.
configure({ asyncUtilTimeout: 8_000 });

// Fluent UI styles the pane with thousands of one-declaration CSS rules. jsdom's getComputedStyle matches every
// rule against the element, and user-event asks it about every element of the pane on each Tab: one keyboard
// test took 50 s. jsdom lays nothing out, so what a test can observe of CSS is whether an element is hidden
// (accessible names, toBeVisible): only the rules that hide something are kept.
const HIDES = /display:\s*none|visibility:\s*(hidden|collapse)|opacity:\s*0(?![.\d])/;
if (typeof CSSStyleSheet !== 'undefined') {
  const insertRule = CSSStyleSheet.prototype.insertRule;
  CSSStyleSheet.prototype.insertRule = function (this: CSSStyleSheet, rule: string, index?: number) {
    return HIDES.test(rule) ? insertRule.call(this, rule, index) : (index ?? this.cssRules.length);
  };
}
