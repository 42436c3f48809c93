// How quickly this machine reaches memory at the moment, and what it charges for fresh memory.
// The engine spends much of its time waiting on memory, and on a shared machine that speed changes
// with the neighbours' load, so the bench reports it beside the engine's figures: a slow run on a
// slow minute reads as such.

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

/** Minor page faults of this process so far: each is a page of memory the system handed over on first touch. */
export const pageFaults = (): number => process.resourceUsage().minorPageFault;

/**
 * Above the C library's largest threshold for mapping an allocation straight from the system (32 MB
 * in glibc): a smaller buffer can reuse memory a freed one left mapped, with no faults to count.
 */
export const FRESH_BUFFER_MB = 40;

/**
 * Microseconds per page fault when touching fresh memory: one byte per 4 KB page of a new
 * `mb`-megabyte buffer, the median of 5 buffers. On these virtual machines a fault costs far more
 * than writing the page, so a run that makes the heap take new pages pays for each one.
 * Needs --expose-gc to let each buffer go before the next; without it, returns null.
 */
export function freshPageUs(mb = FRESH_BUFFER_MB): number | null {
  const gc = global.gc;
  if (!gc) return null;
  const perFault: number[] = [];
  for (let round = 0; round < 5; round++) {
    const buffer = new Uint8Array(new ArrayBuffer(mb << 20));
    const faultsBefore = pageFaults();
    const start = performance.now();
    for (let i = 0; i < buffer.length; i += 4096) buffer[i] = 1;
    const ms = performance.now() - start;
    const faults = pageFaults() - faultsBefore;
    // A buffer the system already had mapped would show no faults: nothing to measure then.
    if (faults > 0) perFault.push((ms * 1000) / faults);
    gc();
  }
  if (perFault.length === 0) return null;
  perFault.sort((a, b) => a - b);
  return Math.round(perFault[perFault.length >> 1]! * 100) / 100;
}
