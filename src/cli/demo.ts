// `npm run demo`: the engine on the built-in sample portfolio, printed as a finance reader wants it.

import { prioritise } from '../engine/plan';
import { sampleTables } from '../sample/samplePortfolio';
import { summaryText } from './summaryText';

const tables = sampleTables();
const plan = prioritise({ initiatives: tables.initiatives, capacity: tables.capacity }, { now: new Date().toISOString() });
console.log(summaryText(plan));
