// How quickly this machine reaches memory at the moment. The engine spends much of its time
// waiting on memory, and on a shared machine that speed changes with the neighbours' load, so the
// bench reports it beside the engine's figures: a slow run on a slow minute reads as such.

import { seeded } from './generate';

/** A permutation of 0..size-1 that is one cycle (Sattolo's algorithm): following it from 0 visits every slot. */
export function singleCycle(size: number, seed = 7): Int32Array {
  const next = new Int32Array(size);
  for (let i = 0; i < size; i++) next[i] = i;
  const random = seeded(seed);
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(random() * i);
    const held = next[i]!;
    next[i] = next[j]!;
    next[j] = held;
  }
  return next;
}

/**
 * Nanoseconds per read when each read depends on the one before, at random places in 64 MB (far
 * beyond the cache): the median of 5 rounds of `steps` reads.
 */
export function randomAccessNs(size = 1 << 24, steps = 2_000_000): number {
  const next = singleCycle(size);
  const rounds: number[] = [];
  let at = 0;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (let step = 0; step < steps; step++) at = next[at]!;
    rounds.push(((performance.now() - start) * 1e6) / steps);
  }
  if (at < 0) throw new Error('unreachable: keeps the walk from being optimised away');
  rounds.sort((a, b) => a - b);
  return Math.round(rounds[2]! * 10) / 10;
}
