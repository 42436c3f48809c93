// The manifest lists what the issue asks of an Excel task-pane add-in, and the
// production build rewrites every development URL.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_API } from '../src/adapters/office/requirements';

const root = join(__dirname, '..');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');
// webpack.config.js is CommonJS without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toProductionManifest } = require('../webpack.config.js') as { toProductionManifest: (xml: string) => string };

const attribute = (element: string, name: string, xml = manifest) =>
  [...xml.matchAll(new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
const resource = (id: string) => new RegExp(`<bt:(?:Image|Url) id="${id.replace(/\./g, '\\.')}" DefaultValue="([^"]+)"`).exec(manifest)?.[1];
const pngSize = (file: string) => {
  const png = readFileSync(join(root, file));
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
};

describe('manifest.xml', () => {
  it('is a task-pane add-in for Excel workbooks that may read and write the document', () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(attribute('Host', 'Name')).toEqual(['Workbook']);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  });

  it('asks for the ExcelApi set the adapter\'s core needs, and no more', () => {
    expect(attribute('Set', 'Name')).toEqual(['ExcelApi']);
    expect(attribute('Set', 'MinVersion')).toEqual([CORE_API]);
  });

  it('puts a button on the Home tab that opens the task pane', () => {
    const home = /<OfficeTab id="TabHome">([\s\S]*?)<\/OfficeTab>/.exec(manifest)?.[1] ?? '';
    expect(home).toMatch(/<Control xsi:type="Button"/);
    expect(home).toMatch(/<Action xsi:type="ShowTaskpane">/);
    const page = /<SourceLocation resid="([^"]+)"\/>/.exec(home)?.[1];
    expect(resource(page!)).toBe('https://localhost:3000/taskpane.html');
  });

  it('points every icon at a file in assets/ of the size it claims', () => {
    const icons = [
      ...attribute('bt:Image', 'size').map((size, i) => ({ size: Number(size), url: resource(attribute('bt:Image', 'resid')[i]!)! })),
      { size: 32, url: attribute('IconUrl', 'DefaultValue')[0]! },
      { size: 64, url: attribute('HighResolutionIconUrl', 'DefaultValue')[0]! },
    ];
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const { size, url } of icons) expect(pngSize(url.replace('https://localhost:3000/', ''))).toEqual([size, size]);
  });

  it('keeps development URLs on https://localhost:3000 only', () => {
    const urls = [...manifest.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.includes('schemas.microsoft.com') && !u.includes('www.w3.org'));
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.every((u) => u.startsWith('https://localhost:3000'))).toBe(true);
  });
});

describe('the production build\'s manifest', () => {
  const saved = process.env.ADDIN_PROD_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_PROD_URL;
    else process.env.ADDIN_PROD_URL = saved;
  });

  it('has no localhost left: pages and icons move under the production URL, the app domain to its origin', () => {
    process.env.ADDIN_PROD_URL = 'https://addins.example.com/ai-portfolio';
    const production = toProductionManifest(manifest);
    expect(production).not.toMatch(/https?:\/\/localhost/);
    expect(production).toMatch(/DefaultValue="https:\/\/addins\.example\.com\/ai-portfolio\/taskpane\.html"/);
    expect(production).toMatch(/<AppDomain>https:\/\/addins\.example\.com<\/AppDomain>/);
    expect(attribute('IconUrl', 'DefaultValue', production)).toEqual(['https://addins.example.com/ai-portfolio/assets/icon-32.png']);
  });

  it('changes nothing but the URLs', () => {
    process.env.ADDIN_PROD_URL = 'https://addins.example.com/ai-portfolio/';
    const strip = (xml: string) => xml.replace(/https:\/\/(localhost:3000|addins\.example\.com)(\/ai-portfolio)?/g, 'URL');
    expect(strip(toProductionManifest(manifest))).toBe(strip(manifest));
  });
});
