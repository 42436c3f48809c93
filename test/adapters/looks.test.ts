// The same workbook looks the same whichever adapter wrote it: each draws the named styles from the layout's LOOKS.

import { CELL_STYLES } from '../../src/adapters/exceljs/styles';
import { applyLook } from '../../src/adapters/office/styles';
import { MINIMAL_STYLES, StylesEditor } from '../../src/adapters/xlsx/styles';
import { LOOKS, type CellStyle } from '../../src/layout/grid';
import { fakeExcel } from './office/fakeExcel';

const STYLES = Object.keys(LOOKS) as CellStyle[];

describe('the named styles', () => {
  it('give headers white bold text on dark blue, which reads on a projector and prints dark in grey', () => {
    expect(LOOKS.header).toMatchObject({ bold: true, color: '#FFFFFF', fill: '#1F4E78', wrap: true });
  });

  it.each(STYLES)('%s: office.js sets the font, fill and wrapping the layout gives', async (style) => {
    const { context, model } = fakeExcel();
    model.addSheet('S');
    applyLook(context.workbook.worksheets.getItem('S').getRange('A1') as unknown as Excel.Range, style);
    await context.sync();
    const look = LOOKS[style];
    const expected = {
      ...(look.bold !== undefined ? { bold: look.bold } : {}),
      ...(look.italic !== undefined ? { italic: look.italic } : {}),
      ...(look.size !== undefined ? { size: look.size } : {}),
      ...(look.color !== undefined ? { color: look.color } : {}),
      ...(look.fill !== undefined ? { fill: look.fill } : {}),
      ...(look.wrap ? { wrap: true, vertical: 'Top' } : {}),
    };
    expect(model.sheet('S')!.cell(0, 0).look).toEqual(expected);
  });

  it.each(STYLES)('%s: the exceljs writer uses the same colours and wrapping', (style) => {
    const look = LOOKS[style];
    const written = CELL_STYLES[style];
    expect(written.font?.color?.argb).toBe(look.color && `FF${look.color.slice(1)}`);
    expect(written.font?.bold).toBe(look.bold);
    expect(written.font?.size).toBe(look.size);
    expect(written.fill && 'fgColor' in written.fill ? written.fill.fgColor?.argb : undefined).toBe(look.fill && `FF${look.fill.slice(1)}`);
    expect(written.alignment?.wrapText).toBe(look.wrap);
  });

  it.each(STYLES)('%s: the surgical writer adds a font, fill and alignment of the same colours', (style) => {
    const look = LOOKS[style];
    const editor = new StylesEditor(MINIMAL_STYLES);
    editor.cellFormat(null, style);
    const xml = editor.result();
    if (look.color) expect(xml).toContain(`<color rgb="FF${look.color.slice(1)}"/>`);
    if (look.fill) expect(xml).toContain(`<fgColor rgb="FF${look.fill.slice(1)}"/>`);
    else expect(xml).not.toContain('patternType="solid"');
    expect(xml.includes('wrapText="1"')).toBe(look.wrap === true);
  });
});
