import { chromium } from 'playwright-core';
import { servePreview, CHROMIUM_FLAGS } from './test/browser/previewServer';
(async () => {
  const s = await servePreview();
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const p = await b.newPage({ viewport: { width: 1400, height: 900 } });
  await p.goto(s.url + (process.argv[2] ?? ''));
  await p.waitForTimeout(1500);
  await p.screenshot({ path: '/tmp/shots/a.png' });
  const run = p.getByRole('button', { name: /run|prioritise/i }).first();
  await run.click().catch((e) => console.log('no run', String(e).slice(0, 200)));
  await p.waitForTimeout(2500);
  await p.screenshot({ path: '/tmp/shots/b.png' });
  await b.close(); await s.close();
})();
