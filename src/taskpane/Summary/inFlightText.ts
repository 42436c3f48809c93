// What the summary's heading and the in-flight count say. How many in-flight places the plan uses, as the glance and the summary say it. Over a roadmap the limit holds in
// each horizon, so the count is the busiest horizon's, not every initiative committed across them ("16 of 10").

import { roadmapHorizons } from '../../engine/horizons';
import type { Plan } from '../../engine/plan';
import { inFlightText as inFlightOf } from '../../engine/summary';

/** "The plan for Next planning period", and over a roadmap its horizons: "The plan for FY27, over H1, H2". */
export function planHeading(plan: Plan): string {
  const horizons = roadmapHorizons(plan.settings);
  return `The plan for ${plan.settings.planningPeriod}${horizons ? `, over ${horizons.join(', ')}` : ''}`;
}

/** "8 of 10 in-flight places used", as the command says it too (engine/summary.ts). */
export const inFlightText = (plan: Plan): string => inFlightOf(plan.summary, plan.settings);

/** The same at the start of a sentence. */
export const inFlightSentence = (plan: Plan): string => {
  const text = inFlightText(plan);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
};
