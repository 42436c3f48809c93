// A realistic sample portfolio: what "Insert sample portfolio", `npm run sample`
// and `npm run demo` all use. Caps bind on purpose, a few initiatives are
// blocked or learning-only, and one leadership override is recorded.

import type { CellValue, RawTable } from '../engine/types';

export const SAMPLE_TEAMS: { team: string; capacity: number; unit: string }[] = [
  { team: 'Legal', capacity: 12, unit: 'weeks' },
  { team: 'Security', capacity: 12, unit: 'weeks' },
  { team: 'Data engineering', capacity: 28, unit: 'weeks' },
  { team: 'ML platform', capacity: 18, unit: 'weeks' },
  { team: 'Change management', capacity: 12, unit: 'weeks' },
];

export const SAMPLE_HEADERS = [
  'ID',
  'Initiative',
  'Owner',
  'Function',
  'AI type',
  'Annual value',
  'Strategic fit',
  'Decision changed',
  'Success metric',
  'Baseline method',
  'Decision rights shift',
  'Workload shift',
  'Incentive misalignment',
  'New obligations',
  'Integration complexity',
  'Data rights',
  'Data quality',
  'Data availability',
  'Instrumentation',
  'Decision logging',
  'Monitoring owner',
  'Incident process',
  'Risk tier',
  'Phase requested',
  ...SAMPLE_TEAMS.map((t) => t.team),
  'Override',
  'Override reason',
] as const;

type Row = Record<(typeof SAMPLE_HEADERS)[number], CellValue>;

// prettier-ignore
const ROWS: Row[] = [
  r('AI-01', 'Credit-limit recommender', 'Priya Natarajan', 'Credit risk', 'ML', 4_800_000, 5, 'Credit-limit decision at account review', 'Cut credit-limit decision time 40% with no rise in 90-day arrears', 'Matched cohorts', 5, 3, 4, 4, 4, 'Yes', 4, 4, 'Yes', 'Yes', 'Tom Becker', 'Yes', 'High', 'Scale', [3, 2, 6, 4, 2]),
  r('AI-02', 'Support reply assistant', 'Dana Okafor', 'Customer support', 'GenAI', 2_100_000, 4, 'Agent drafts the first reply to a ticket', 'Reduce time to first response 30% while repeat contact stays under 8%', 'A/B test', 2, 4, 4, 3, 3, 'Yes', 4, 5, 'Yes', 'Yes', 'Lena Fischer', 'Yes', 'Medium', 'Scale', [2, 2, 3, 3, 2]),
  r('AI-03', 'Invoice matching', 'Marco Ruiz', 'Finance operations', 'Automation', 950_000, 4, 'Three-way match of invoice, PO and receipt', 'Auto-match 70% of invoices; cut exceptions backlog by half', 'Before/after', 2, 3, 1, 2, 2, 'Yes', 4, 4, 'Yes', 'Yes', 'Marco Ruiz', 'Yes', 'Low', 'Scale', [0, 1, 3, 1, 1]),
  r('AI-04', 'Claims triage', 'Sofia Marin', 'Claims', 'ML', 1_600_000, 4, 'Routing of new claims to fast-track or adjuster', 'Cut triage time 30% and leakage by 2%', 'A/B test', 3, 3, 3, 3, 3, 'Yes', 3, 4, 'Yes', 'Yes', 'Ahmed Khan', 'No', 'Medium', 'Pilot', [2, 1, 4, 2, 2]),
  r('AI-05', 'Cash-flow forecasting', 'Helen Park', 'Treasury', 'ML', 700_000, 3, 'Daily funding and investment decision', 'Forecast error below 5% at 13 weeks', 'Before/after', 2, 2, 1, 3, 3, 'Yes', 3, 3, 'Yes', 'No', 'Helen Park', 'No', 'Low', 'Pilot', [0, 1, 4, 2, 0]),
  r('AI-06', 'Fraud alert prioritisation', 'Owen Hughes', 'Risk', 'ML', 3_200_000, 5, 'Which fraud alerts analysts review first', 'Raise confirmed-fraud catch rate 15% at the same alert volume', 'A/B test', 4, 3, 3, 4, 4, 'Yes', 4, 4, 'Yes', 'Yes', 'Nadia Rahman', 'Yes', 'High', 'Scale', [3, 3, 5, 4, 1]),
  r('AI-07', 'Contract clause extraction', 'Legal operations team', 'Legal', 'GenAI', 600_000, 3, 'First-pass review of supplier contracts', 'Cut first-pass review time 50%', 'Before/after', 3, 3, 2, 3, 3, 'Yes', 3, 3, 'Yes', 'Yes', 'Ines Costa', 'Yes', 'Medium', 'Pilot', [4, 1, 1, 2, 1]),
  r('AI-08', 'Sales call summaries', 'Jordan Lee', 'Sales', 'GenAI', 400_000, 2, 'Rep writes CRM notes after a call', 'Transform how sales works', 'None', 1, 2, 3, 2, 2, 'Yes', 3, 4, 'No', 'No', '', 'No', 'Low', 'Pilot', [1, 1, 1, 0, 1]),
  r('AI-09', 'Churn early warning', 'Amara Singh', 'Customer success', 'ML', 1_300_000, 4, 'Which accounts CSMs call this week', 'Reduce logo churn 1.5 points', 'Matched cohorts', 2, 3, 3, 3, 3, 'Partial', 3, 3, 'Yes', 'Yes', 'Amara Singh', 'Yes', 'Medium', 'Pilot', [2, 1, 4, 3, 1]),
  r('AI-10', 'HR policy chatbot', 'TBD', 'People', 'GenAI', 250_000, 2, 'Employees look up policy answers', 'Deflect 25% of HR tickets', 'Before/after', 1, 2, 1, 2, 2, 'Yes', 4, 4, 'Yes', 'Yes', 'Grace Liu', 'Yes', 'Medium', 'Pilot', [1, 2, 1, 1, 1]),
  r('AI-11', 'Demand forecasting for stores', 'Rafael Gomez', 'Supply chain', 'ML', 2_600_000, 4, 'Weekly store replenishment order', 'Cut stock-outs 20% and waste 10%', 'A/B test', 3, 3, 3, 3, 4, 'Yes', 3, 4, 'Yes', 'No', 'Rafael Gomez', 'Yes', 'Medium', 'Scale', [1, 1, 7, 4, 2]),
  r('AI-12', 'Month-end variance commentary', 'Chloe Martin', 'FP&A', 'GenAI', 300_000, 3, 'Analysts draft variance explanations', 'Halve time to publish month-end pack', 'Before/after', 2, 3, 1, 2, 2, 'Yes', 4, 4, 'Yes', 'Yes', 'Chloe Martin', 'Yes', 'Low', 'Pilot', [0, 1, 2, 1, 1]),
  r('AI-13', 'Underwriting document intake', 'Victor Ng', 'Underwriting', 'Automation', 1_100_000, 3, 'Keying of broker submission documents', 'Cut submission keying time 60%', 'Before/after', 2, 4, 2, 3, 4, 'Yes', 3, 3, 'Yes', 'Yes', '', 'Yes', 'Medium', 'Pilot', [1, 2, 4, 2, 2]),
  r('AI-14', 'Personalised retention offers', 'Elena Popescu', 'Marketing', 'ML', 1_900_000, 4, 'Which retention offer a customer sees', 'Lift save rate 10% at equal offer cost', 'A/B test', 3, 2, 4, 3, 3, 'No', 3, 3, 'Yes', 'Yes', 'Elena Popescu', 'Yes', 'High', 'Pilot', [3, 2, 4, 3, 1]),
  r('AI-15', 'IT service desk routing', 'Sam Wilson', 'IT', 'ML', 350_000, 2, 'Ticket assignment to resolver group', 'Cut reassignment rate 25%', 'Before/after', 1, 2, 1, 2, 2, 'Yes', 4, 5, 'Yes', 'Yes', 'Sam Wilson', 'Yes', 'Low', 'Scale', [0, 1, 1, 1, 0]),
  r('AI-16', 'Procurement spend classification', 'Noah Brown', 'Procurement', 'Analytics', 500_000, 3, 'Category managers choose sourcing events', 'Classify 95% of spend; find $2M addressable savings', 'None', 1, 2, 2, 2, 2, 'Yes', 2, 3, 'No', 'No', 'Noah Brown', 'No', 'Low', 'Pilot', [0, 0, 3, 1, 0]),
  r('AI-17', 'Collections next-best-action', 'Fatima Zahra', 'Collections', 'ML', 1_400_000, 4, 'Which contact strategy an overdue account gets', 'Raise cure rate 8% with complaints flat', 'A/B test', 4, 3, 4, 4, 3, 'Yes', 4, 3, 'Yes', 'No', 'Fatima Zahra', 'No', 'High', 'Pilot', [3, 2, 3, 2, 2]),
  r('AI-18', 'Regulatory change monitoring', 'Ingrid Olsen', 'Compliance', 'GenAI', 450_000, 3, 'Which regulatory updates compliance assesses', 'Assess 100% of relevant updates within 5 days', 'Before/after', 2, 2, 1, 3, 2, 'Yes', 3, 4, 'No', 'Yes', 'Ingrid Olsen', 'Yes', 'Medium', 'Pilot', [2, 1, 1, 1, 1]),
  r('AI-19', 'Field service scheduling', 'Luis Fernandez', 'Field operations', 'ML', 1_200_000, 3, 'Daily technician route and job order', 'Cut travel time 15% and raise first-time fix 5 points', 'Matched cohorts', 4, 4, 3, 3, 4, 'Yes', 3, 3, 'Yes', 'No', 'Luis Fernandez', 'No', 'Medium', 'Pilot', [1, 1, 5, 3, 3]),
  r('AI-20', 'Board pack drafting', 'Oliver Grant', 'Strategy', 'GenAI', 150_000, 2, 'Drafting of the monthly board narrative', 'Halve drafting time', 'Before/after', 2, 2, 1, 2, 1, 'Yes', 4, 4, 'Yes', 'No', '', 'No', 'Low', 'Pilot', [1, 1, 0, 0, 1]),
  r('AI-21', 'Expense audit sampling', 'Mei Tanaka', 'Finance operations', 'ML', 380_000, 3, 'Which expense claims auditors check', 'Double recovered non-compliant spend', 'A/B test', 2, 2, 2, 2, 2, 'Yes', 4, 4, 'Yes', 'Yes', 'Mei Tanaka', 'Yes', 'Low', 'Scale', [0, 1, 2, 1, 1]),
  r('AI-22', 'Supplier risk early warning', 'Anil Kapoor / Rosa Diaz', 'Procurement', 'ML', 800_000, 3, 'Which suppliers get a risk review', 'Flag 80% of supplier failures 60 days ahead', 'Matched cohorts', 2, 2, 2, 3, 3, 'Yes', 2, 2, 'Yes', 'Yes', 'Rosa Diaz', 'Yes', 'Medium', 'Pilot', [1, 1, 4, 2, 1]),
  r('AI-23', 'Pricing elasticity model', 'Ben Carter', 'Commercial', 'ML', 2_900_000, 4, 'Quarterly list-price changes by segment', 'Improve gross margin 0.8 points at flat volume', 'Matched cohorts', 4, 3, 5, 4, 4, 'Yes', 3, 3, 'Yes', 'Yes', 'Ben Carter', 'Yes', 'High', 'Scale', [2, 1, 6, 4, 3]),
  r('AI-24', 'Knowledge search for branches', 'Zoe Adams', 'Retail banking', 'GenAI', 650_000, 3, 'Branch staff answer product questions', 'Cut average handling time 20% with accuracy above 95%', 'A/B test', 2, 3, 2, 3, 3, 'Yes', 3, 4, 'Yes', 'Yes', 'Zoe Adams', 'No', 'Medium', 'Pilot', [2, 2, 2, 2, 2]),
  r('AI-25', 'AP duplicate payment detection', 'Marco Ruiz', 'Finance operations', 'Analytics', 520_000, 3, 'Payment release review', 'Stop 90% of duplicate payments before release', 'Before/after', 1, 1, 1, 2, 2, 'Yes', 4, 4, 'Yes', 'Yes', 'Marco Ruiz', 'Yes', 'Low', 'Scale', [0, 1, 1, 0, 0], 'In', 'Audit committee finding: fix before year-end close'),
];

function r(
  id: string,
  name: string,
  owner: string,
  fn: string,
  aiType: string,
  value: number,
  fit: number,
  decision: string,
  metric: string,
  baseline: string,
  rights: number,
  workload: number,
  incentives: number,
  obligations: number,
  integration: number,
  dataRights: string,
  quality: number,
  availability: number,
  instrumentation: string,
  logging: string,
  monitoring: string,
  incident: string,
  risk: string,
  phase: string,
  demand: number[],
  override = '',
  reason = '',
): Row {
  const row: Partial<Row> = {
    ID: id,
    Initiative: name,
    Owner: owner,
    Function: fn,
    'AI type': aiType,
    'Annual value': value,
    'Strategic fit': fit,
    'Decision changed': decision,
    'Success metric': metric,
    'Baseline method': baseline,
    'Decision rights shift': rights,
    'Workload shift': workload,
    'Incentive misalignment': incentives,
    'New obligations': obligations,
    'Integration complexity': integration,
    'Data rights': dataRights,
    'Data quality': quality,
    'Data availability': availability,
    Instrumentation: instrumentation,
    'Decision logging': logging,
    'Monitoring owner': monitoring,
    'Incident process': incident,
    'Risk tier': risk,
    'Phase requested': phase,
    Override: override,
    'Override reason': reason,
  };
  SAMPLE_TEAMS.forEach((t, i) => (row[t.team] = demand[i] ? demand[i]! : ''));
  return row as Row;
}

export const SAMPLE_ROWS: CellValue[][] = ROWS.map((row) => SAMPLE_HEADERS.map((h) => row[h] ?? ''));

/** The sample as the engine reads it, with the tables where the sample workbook puts them. */
export function sampleTables(): { initiatives: RawTable; capacity: RawTable } {
  return {
    initiatives: { sheet: 'Portfolio', name: 'Initiatives', headers: [...SAMPLE_HEADERS], rows: SAMPLE_ROWS, origin: { row: 0, column: 0 } },
    capacity: {
      sheet: 'Capacity',
      name: 'Capacity',
      headers: ['Team', 'Capacity', 'Unit'],
      rows: SAMPLE_TEAMS.map((t) => [t.team, t.capacity, t.unit]),
      origin: { row: 0, column: 0 },
    },
  };
}
