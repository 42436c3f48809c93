// DOM matchers (toBeInTheDocument, toHaveAccessibleName...) for the component tests.
import '@testing-library/jest-dom';
import { configure } from '@testing-library/dom';

// findBy and waitFor give up after 1 s by default. The whole pane renders Fluent UI in jsdom and loads its
// lower sections lazily; on a busy two-core machine that took longer than a second and failed tests that
// were right. A wait that succeeds returns as soon as it does, so only a real failure waits the longer time.
configure({ asyncUtilTimeout: 8_000 });
