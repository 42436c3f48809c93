// Live mode's switch: while it is on, the user's edits to the inputs re-run the
// plan. The timing is liveSession's and the re-run is handed in; this hook only
// starts and stops the session and keeps its status in React state.

import { useCallback, useEffect, useRef, useState } from 'react';
import { liveSession, type LiveSession, type LiveStatus, type RerunResult } from '../../app/liveSession';
import type { WorkbookPort } from '../../port/workbookPort';

export type LiveModeOptions = {
  port: WorkbookPort;
  /** One re-run; the latest function is always the one called, so it may close over fresh state. */
  rerun: () => Promise<RerunResult>;
  onError: (error: unknown) => void;
  debounceMs?: number;
  retryMs?: number;
};

export type LiveMode = {
  /** False when the port hears no edits (a file on disk): the pane then offers no switch. */
  available: boolean;
  on: boolean;
  setOn: (on: boolean) => void;
  status: LiveStatus;
  /** Re-run now, if live mode is on (after the pane saved settings, which raise no edit event). */
  runNow: () => void;
};

export function useLiveMode({ port, rerun, onError, debounceMs, retryMs }: LiveModeOptions): LiveMode {
  const [on, setOn] = useState(false);
  const [status, setStatus] = useState<LiveStatus>('listening');
  const latest = useRef({ rerun, onError });
  useEffect(() => {
    latest.current = { rerun, onError };
  });
  const session = useRef<LiveSession | undefined>(undefined);

  useEffect(() => {
    if (!on || !port.onInputsChanged) return;
    const live = liveSession({
      rerun: () => latest.current.rerun(),
      onError: (error) => latest.current.onError(error),
      onStatus: setStatus,
      debounceMs,
      retryMs,
    });
    session.current = live;
    const stopListening = port.onInputsChanged(() => live.edited());
    // Switching on brings the plan up to date at once; a workbook already planned writes nothing.
    live.runNow();
    return () => {
      stopListening();
      live.stop();
      session.current = undefined;
    };
  }, [on, port, debounceMs, retryMs]);

  const runNow = useCallback(() => session.current?.runNow(), []);
  return { available: port.onInputsChanged !== undefined, on, setOn, status: on ? status : 'stopped', runNow };
}
