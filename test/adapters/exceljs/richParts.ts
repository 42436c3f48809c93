// Parts exceljs cannot make (a chart, sparklines, a pivot table, macros), added
// to a workbook's zip the way Excel lays them out, so tests can check that the
// command names exactly what the output loses.

import type JSZip from 'jszip';
import { editZip } from './xlsxFixtures';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>28</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Portfolio!$G$4:$G$8</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const SPARKLINES = `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>Portfolio!G4:G8</xm:f><xm:sqref>A30</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;

const PIVOT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="PivotTable1" cacheId="1" dataCaption="Values"><location ref="A40:B45" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/></pivotTableDefinition>`;

async function edit(zip: JSZip, path: string, change: (xml: string) => string): Promise<void> {
  zip.file(path, change((await zip.file(path)?.async('string')) ?? ''));
}

const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="application/vnd.${type}"/>`;

/** A sheet (the first by default) gets a chart, a sparkline group and a pivot table; the workbook gets a VBA project. */
export function withRichParts(bytes: Buffer, sheet = 'xl/worksheets/sheet1.xml'): Promise<Buffer> {
  const rels = sheet.replace(/([^/]+)$/, '_rels/$1.rels');
  return editZip(bytes, async (zip) => {
    await edit(zip, sheet, (xml) => {
      const withDrawing = xml.includes('<tableParts') ? xml.replace('<tableParts', '<drawing r:id="rId90"/><tableParts') : xml.replace('</worksheet>', '<drawing r:id="rId90"/></worksheet>');
      return withDrawing.replace('</worksheet>', `${SPARKLINES}</worksheet>`);
    });
    await edit(zip, rels, (xml) =>
      (xml || '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>').replace(
        '</Relationships>',
        `<Relationship Id="rId90" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId91" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
      ),
    );
    zip.file('xl/drawings/drawing1.xml', DRAWING);
    zip.file('xl/drawings/_rels/drawing1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`);
    zip.file('xl/charts/chart1.xml', CHART);
    zip.file('xl/pivotTables/pivotTable1.xml', PIVOT);
    zip.file('xl/vbaProject.bin', Buffer.from('not really macros'));
    await edit(zip, '[Content_Types].xml', (xml) =>
      xml.replace(
        '</Types>',
        `${override('xl/drawings/drawing1.xml', 'openxmlformats-officedocument.drawing+xml')}${override('xl/charts/chart1.xml', 'openxmlformats-officedocument.drawingml.chart+xml')}${override('xl/pivotTables/pivotTable1.xml', 'openxmlformats-officedocument.spreadsheetml.pivotTable+xml')}</Types>`,
      ),
    );
  });
}

const TASKPANES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="1" width="350" row="1"><wetp:webextensionref xmlns:r="${REL}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`;

const WEB_EXTENSION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6A1B5F7E-0000-4000-8000-000000000001}"><we:reference id="6a1b5f7e-0000-4000-8000-000000000002" version="0.1.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties><we:bindings/><we:snapshot xmlns:r="${REL}"/></we:webextension>`;

/** The workbook opens with an add-in's task pane, as Office stores it (xl/webextensions, linked from the package). */
export function withPinnedAddIn(bytes: Buffer): Promise<Buffer> {
  return editZip(bytes, async (zip) => {
    zip.file('xl/webextensions/taskpanes.xml', TASKPANES);
    zip.file('xl/webextensions/webextension1.xml', WEB_EXTENSION);
    zip.file('xl/webextensions/_rels/taskpanes.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`);
    await edit(zip, '_rels/.rels', (xml) =>
      xml.replace('</Relationships>', '<Relationship Id="rIdPane" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>'),
    );
    await edit(zip, '[Content_Types].xml', (xml) =>
      xml.replace(
        '</Types>',
        '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/><Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
      ),
    );
  });
}
