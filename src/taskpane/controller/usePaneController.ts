// The thin hook over the pane's controller: one controller per pane, its state
// in React through useSyncExternalStore. Nothing is decided here.

import { useEffect, useState, useSyncExternalStore } from 'react';
import { paneController, type PaneController, type PaneOptions, type PaneState } from './paneController';

export function usePaneController(options: PaneOptions): { state: PaneState; controller: PaneController } {
  // One controller for the pane's life: the options are the pane's props and do not change under it.
  const [controller] = useState(() => paneController(options));
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  useEffect(() => {
    void controller.load();
    return () => controller.dispose();
  }, [controller]);
  return { state, controller };
}
