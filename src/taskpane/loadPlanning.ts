// The run's code (planning.ts), as its own chunk: the first Run waits for it once; the pane asks for it
// when idle after its first paint, so by then it is usually there.

export type Planning = typeof import('./planning');

export const loadPlanning = (): Promise<Planning> =>
  import(/* webpackChunkName: "planning" */ './planning').catch(() => {
    // Webpack's own words name a chunk file; the room needs to know what to do.
    throw new Error('The add-in could not load the part of itself that plans. Check the network connection, then run again.');
  });
