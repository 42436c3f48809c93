// A slicer, a timeline and a threaded comment (with the note Excel keeps
// beside it for older versions), added to a workbook's package as Excel lays
// them out (ECMA-376 part 1 and the [MS-XLSX] extensions): each sheet part
// linked from the sheet's relationships and named in its x14/x15 extension
// list, each cache from the workbook's. exceljs can make none of these.

import type JSZip from 'jszip';
import { editZip } from '../exceljs/xlsxFixtures';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const OFFICE_2007 = 'http://schemas.microsoft.com/office/2007/relationships';
const OFFICE_2011 = 'http://schemas.microsoft.com/office/2011/relationships';
const OFFICE_2017 = 'http://schemas.microsoft.com/office/2017/10/relationships';
const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const X15 = 'http://schemas.microsoft.com/office/spreadsheetml/2010/11/main';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The parts added, by path: what must come out of the command byte for byte. */
export const OFFICE_PARTS: Record<string, string> = {
  'xl/slicers/slicer1.xml': `${HEAD}<slicers xmlns="${X14}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x xr10" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10"><slicer name="Function" xr10:uid="{7C2F6A90-1B0A-4E5C-9A11-3C6E2B1D0001}" cache="Slicer_Function" caption="Function" rowHeight="241300"/></slicers>`,
  'xl/slicerCaches/slicerCache1.xml': `${HEAD}<slicerCacheDefinition xmlns="${X14}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="Slicer_Function" sourceName="Function"><extLst><x:ext uri="{2F2917AC-EB37-4324-AD4E-5DD8C200BD13}" xmlns:x15="${X15}"><x15:tableSlicerCache tableId="1" column="3"/></x:ext></extLst></slicerCacheDefinition>`,
  'xl/timelines/timeline1.xml': `${HEAD}<timelines xmlns="${X15}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><timeline name="Decision date" cache="NativeTimeline_Decision_date" caption="Decision date" level="2" selectionLevel="2" scrollPosition="2026-01-01T00:00:00"/></timelines>`,
  'xl/timelineCaches/timelineCache1.xml': `${HEAD}<timelineCacheDefinition xmlns="${X15}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="NativeTimeline_Decision_date" sourceName="Decision date"><pivotTables><pivotTable tabId="1" name="PivotTable1"/></pivotTables><state minimalRefreshVersion="6" lastRefreshVersion="6" pivotCacheId="1" filterType="unknown"><selection startDate="2026-01-01T00:00:00" endDate="2026-12-31T00:00:00"/><bounds startDate="2026-01-01T00:00:00" endDate="2027-01-01T00:00:00"/></state></timelineCacheDefinition>`,
  'xl/threadedComments/threadedComment1.xml': `${HEAD}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><threadedComment ref="B2" dT="2026-11-20T09:15:00.00" personId="{4E1C3B0A-2D6F-4A8B-9C7E-000000000001}" id="{9A0B1C2D-3E4F-4A5B-8C6D-000000000001}"><text>Check the owner before the board pack.</text></threadedComment><threadedComment ref="B2" dT="2026-11-20T10:02:00.00" personId="{4E1C3B0A-2D6F-4A8B-9C7E-000000000002}" id="{9A0B1C2D-3E4F-4A5B-8C6D-000000000002}" parentId="{9A0B1C2D-3E4F-4A5B-8C6D-000000000001}"><text>Done: Priya confirmed.</text></threadedComment></ThreadedComments>`,
  'xl/persons/person.xml': `${HEAD}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="Ana Silva" id="{4E1C3B0A-2D6F-4A8B-9C7E-000000000001}" userId="ana@example.com" providerId="AD"/><person displayName="Priya Natarajan" id="{4E1C3B0A-2D6F-4A8B-9C7E-000000000002}" userId="priya@example.com" providerId="AD"/></personList>`,
  'xl/comments1.xml': `${HEAD}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>tc={9A0B1C2D-3E4F-4A5B-8C6D-000000000001}</author></authors><commentList><comment ref="B2" authorId="0"><text><t>[Threaded comment] Check the owner before the board pack.</t></text></comment></commentList></comments>`,
  'xl/drawings/vmlDrawing1.vml': `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`,
};

const SHEET_EXTENSIONS =
  `<extLst><ext uri="{A8765BA9-456A-4dab-B4F3-ACF838C121DE}" xmlns:x14="${X14}"><x14:slicerList><x14:slicer r:id="rIdSlicer"/></x14:slicerList></ext>` +
  `<ext uri="{7E03D99C-DC04-49d9-9315-930204A7B6E9}" xmlns:x15="${X15}"><x15:timelineRefs><x15:timelineRef r:id="rIdTimeline"/></x15:timelineRefs></ext></extLst>`;

const WORKBOOK_EXTENSIONS =
  `<extLst><ext uri="{BBE1A952-AA13-448e-AADC-164F8A28A991}" xmlns:x14="${X14}"><x14:slicerCaches><x14:slicerCache r:id="rIdSlicerCache"/></x14:slicerCaches></ext>` +
  `<ext uri="{D0CA8CA8-9F24-4464-BF8E-62219DCF47F9}" xmlns:x15="${X15}"><x15:timelineCacheRefs><x15:timelineCacheRef r:id="rIdTimelineCache"/></x15:timelineCacheRefs></ext></extLst>`;

const TYPES: Record<string, string> = {
  'xl/slicers/slicer1.xml': 'application/vnd.ms-excel.slicer+xml',
  'xl/slicerCaches/slicerCache1.xml': 'application/vnd.ms-excel.slicerCache+xml',
  'xl/timelines/timeline1.xml': 'application/vnd.ms-excel.timeline+xml',
  'xl/timelineCaches/timelineCache1.xml': 'application/vnd.ms-excel.timelineCache+xml',
  'xl/threadedComments/threadedComment1.xml': 'application/vnd.ms-excel.threadedcomments+xml',
  'xl/persons/person.xml': 'application/vnd.ms-excel.person+xml',
  'xl/comments1.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
};

async function edit(zip: JSZip, path: string, change: (xml: string) => string): Promise<void> {
  zip.file(path, change((await zip.file(path)?.async('string')) ?? ''));
}

const relationships = (xml: string, added: string) =>
  (xml || `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`).replace('</Relationships>', `${added}</Relationships>`);

/** The sheet (the Initiatives table's, by default) gets a slicer, a timeline and a threaded comment with its note. */
export function withOfficeParts(bytes: Buffer, sheet = 'xl/worksheets/sheet1.xml'): Promise<Buffer> {
  const sheetRels = sheet.replace(/([^/]+)$/, '_rels/$1.rels');
  return editZip(bytes, async (zip) => {
    for (const [path, text] of Object.entries(OFFICE_PARTS)) zip.file(path, text);
    await edit(zip, sheet, (xml) => {
      const withNs = xml.includes('xmlns:r=') ? xml : xml.replace('<worksheet ', `<worksheet xmlns:r="${REL}" `);
      // legacyDrawing comes before tableParts, the extension list last (CT_Worksheet's order).
      const legacy = '<legacyDrawing r:id="rIdNotes"/>';
      const placed = withNs.includes('<tableParts') ? withNs.replace('<tableParts', `${legacy}<tableParts`) : withNs.replace('</worksheet>', `${legacy}</worksheet>`);
      return placed.replace('</worksheet>', `${SHEET_EXTENSIONS}</worksheet>`);
    });
    await edit(zip, sheetRels, (xml) =>
      relationships(
        xml,
        `<Relationship Id="rIdSlicer" Type="${OFFICE_2007}/slicer" Target="../slicers/slicer1.xml"/>` +
          `<Relationship Id="rIdTimeline" Type="${OFFICE_2011}/timeline" Target="../timelines/timeline1.xml"/>` +
          `<Relationship Id="rIdThread" Type="${OFFICE_2017}/threadedComment" Target="../threadedComments/threadedComment1.xml"/>` +
          `<Relationship Id="rIdComments" Type="${REL}/comments" Target="../comments1.xml"/>` +
          `<Relationship Id="rIdNotes" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>`,
      ),
    );
    await edit(zip, 'xl/workbook.xml', (xml) => {
      const withNs = xml.includes('xmlns:r=') ? xml : xml.replace('<workbook ', `<workbook xmlns:r="${REL}" `);
      return withNs.replace('</workbook>', `${WORKBOOK_EXTENSIONS}</workbook>`);
    });
    await edit(zip, 'xl/_rels/workbook.xml.rels', (xml) =>
      relationships(
        xml,
        `<Relationship Id="rIdSlicerCache" Type="${OFFICE_2007}/slicerCache" Target="slicerCaches/slicerCache1.xml"/>` +
          `<Relationship Id="rIdTimelineCache" Type="${OFFICE_2011}/timelineCache" Target="timelineCaches/timelineCache1.xml"/>` +
          `<Relationship Id="rIdPersons" Type="${OFFICE_2017}/person" Target="persons/person.xml"/>`,
      ),
    );
    await edit(zip, '[Content_Types].xml', (xml) => {
      const overrides = Object.entries(TYPES)
        .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
        .join('');
      const vml = xml.includes('Extension="vml"') ? '' : '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>';
      return xml.replace('</Types>', `${vml}${overrides}</Types>`);
    });
  });
}
