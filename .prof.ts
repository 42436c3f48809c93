import { runEngineOnce } from './bench/engine';
import { generatePortfolio } from './bench/generate';
const p = generatePortfolio(10000, 10000);
for (let i=0;i<3;i++) runEngineOnce(p);
const t0 = process.cpuUsage(); const s = performance.now();
for (let i=0;i<5;i++) runEngineOnce(p);
console.log('wall', ((performance.now()-s)/5).toFixed(0), 'cpu', ((process.cpuUsage(t0).user+process.cpuUsage(t0).system)/5000).toFixed(0));
