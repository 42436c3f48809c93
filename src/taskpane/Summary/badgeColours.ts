// Badge colours for decisions and gates, from Fluent's semantic palette, so
// they follow the theme (no colour of our own).

import type { Decision, Gate } from '../../engine/types';

export type BadgeColour = 'success' | 'informative' | 'warning' | 'danger' | 'subtle' | 'brand';

export const DECISION_COLOUR: Record<Decision, BadgeColour> = {
  Commit: 'success',
  'Forced in': 'brand',
  'Deferred (capacity)': 'warning',
  'Deferred (in-flight limit)': 'warning',
  'Deferred (dependency)': 'warning',
  'Excluded (alternative)': 'subtle',
  'Not ready': 'danger',
  'Forced out': 'subtle',
};

export const GATE_COLOUR: Record<Gate, BadgeColour> = {
  'Scale-ready': 'success',
  // Fluent's filled 'informative' badge is pale grey, invisible on a projector: the brand colour reads as "on its way".
  'Pilot-ready': 'brand',
  'Learning-only': 'warning',
  Blocked: 'danger',
  'Invalid input': 'danger',
};

/** Over capacity is danger, within 10% of full a warning, the rest fine. */
export const utilisationColour = (share: number | undefined): BadgeColour =>
  share === undefined || share > 1 + 1e-9 ? 'danger' : share >= 0.9 ? 'warning' : 'success';
