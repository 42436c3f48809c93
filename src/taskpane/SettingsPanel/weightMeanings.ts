// The three weights in plain words, as the pane explains them beside the sliders.

import type { Weights } from '../../engine/types';

export const WEIGHTS: { key: keyof Weights; label: string; meaning: string }[] = [
  {
    key: 'impact',
    label: 'Impact weight',
    meaning: 'How much the business outcome counts: annual value, strategic fit, a measurable target and a named decision that changes.',
  },
  {
    key: 'readiness',
    label: 'Readiness weight',
    meaning: 'How much being ready to start counts: cleared data rights, data quality and availability, measurement in the workflow, and the operational safeguards.',
  },
  {
    key: 'friction',
    label: 'Friction weight',
    meaning: 'How much a light change load counts: initiatives that shift decision rights, workloads and incentives less, and integrate more simply, rank higher.',
  },
];
