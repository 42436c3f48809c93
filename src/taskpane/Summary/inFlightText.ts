// What the summary's heading and the in-flight count say. How many in-flight places the plan uses, as the glance and the summary say it. Over a roadmap the limit holds in
// each horizon, so the count is the busiest horizon's, not every initiative committed across them ("16 of 10").

import { roadmapHorizons } from '../../engine/horizons';
import type { Plan } from '../../engine/plan';

/** "The plan for Next planning period", and over a roadmap its horizons: "The plan for FY27, over H1, H2". */
export function planHeading(plan: Plan): string {
  const horizons = roadmapHorizons(plan.settings);
  return `The plan for ${plan.settings.planningPeriod}${horizons ? `, over ${horizons.join(', ')}` : ''}`;
}

/** "8 of 10 in-flight places used", or over horizons "at most 8 of 10 in-flight places used in any one horizon". */
export function inFlightText(plan: Plan): string {
  const { after, limit } = plan.changeImpact.inFlight;
  return roadmapHorizons(plan.settings) ? `at most ${after} of ${limit} in-flight places used in any one horizon` : `${after} of ${limit} in-flight places used`;
}

/** The same at the start of a sentence. */
export const inFlightSentence = (plan: Plan): string => {
  const text = inFlightText(plan);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
};
