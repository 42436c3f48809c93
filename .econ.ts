import { runEngineOnce } from './bench/engine';
import { generatePortfolio } from './bench/generate';
const p = generatePortfolio(500, 500);
for (const e of [false, true, false, true]) { const s = performance.now(); for (let i=0;i<5;i++) runEngineOnce(p, e); console.log(e, ((performance.now()-s)/5).toFixed(1)); }
