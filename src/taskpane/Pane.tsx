// The whole task pane: the Fluent theme around the app.

import { FluentProvider } from '@fluentui/react-components';
import { App, type AppProps } from './App';
import { fluentTheme, type PaneTheme } from './theme/themes';

export type PaneProps = AppProps & { theme: PaneTheme };

export function Pane({ theme, ...app }: PaneProps) {
  return (
    <FluentProvider theme={fluentTheme(theme)}>
      <App {...app} />
    </FluentProvider>
  );
}
