import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { panePlanner } from './planner';

function render(): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App planner={panePlanner} />
    </FluentProvider>,
  );
}

// Inside Office, wait for the host; in a plain browser (preview, tests) render at once.
if (typeof Office !== 'undefined') {
  void Office.onReady(render);
} else {
  render();
}
