// Names of the tables and sheets in the workbook contract.

export const INITIATIVES_TABLE = 'Initiatives';
export const CAPACITY_TABLE = 'Capacity';
export const SETTINGS_SHEET = 'Prioritisation settings';
export const SETTINGS_TABLE = 'PrioritisationSettings';
export const CHANGE_IMPACT_SHEET = 'Change impact';
export const DECISION_LOG_SHEET = 'Decision log';
export const DECISION_LOG_TABLE = 'DecisionLog';

export const PRODUCT_NAME = 'AI Portfolio Prioritiser';

/**
 * Every sheet the add-in creates says so in A2. A sheet with this name but without the mark
 * is the user's: the add-in never overwrites it.
 */
export const OWNER_MARK = `Made by ${PRODUCT_NAME}`;

export const isOwnSheet = (a2: unknown): boolean => typeof a2 === 'string' && a2.startsWith(OWNER_MARK);

/** The Scenarios sheet: one table of scenarios and one of their overrides, found by these table names wherever they are. */
export const SCENARIOS_SHEET = 'Scenarios';
export const SCENARIOS_TABLE = 'PrioritiserScenarios';
export const SCENARIO_OVERRIDES_TABLE = 'PrioritiserScenarioOverrides';
export const SCENARIO_COMPARISON_SHEET = 'Scenario comparison';
