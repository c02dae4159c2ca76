/**
 * Word (.docx) → HTML through mammoth (tables keep their merged cells as rowspan/colspan), and
 * the document's core properties (title, author, dates) read from docProps/core.xml. The package
 * is looked into first, without inflating it: a document part larger than the import limit (a
 * “zip bomb”, or a generated monster) is refused before mammoth reads it.
 */
import mammoth from 'mammoth';
import { unzipSync, strFromU8 } from 'fflate';
import { ImportError, importError } from './errors';
import { IMPORT_LIMITS } from './limits';
import type { ImportOptions } from './assemble';

export { ImportError };

function isZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b;
}

function notDocx(data: Uint8Array): ImportError {
  if (data[0] === 0xd0 && data[1] === 0xcf) return importError('import.old-doc');
  return importError('import.not-docx');
}

const xmlText = (xml: string, tag: string): string | undefined => {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  const v = m?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
  return v || undefined;
};

/** The core properties, and the size check of the parts mammoth will read. */
function inspect(data: Uint8Array): ImportOptions['properties'] {
  let core: string | undefined;
  try {
    const files = unzipSync(data, {
      filter: (f) => {
        if (/^word\/.*\.xml$/.test(f.name) && f.originalSize > IMPORT_LIMITS.docxXmlBytes)
          throw importError('import.docx-part-too-large', {
            part: f.name,
            size: (f.originalSize / 1024 / 1024).toFixed(0),
            max: IMPORT_LIMITS.docxXmlBytes / 1024 / 1024,
          });
        return f.name === 'docProps/core.xml' && f.originalSize < 1024 * 1024;
      },
    });
    if (files['docProps/core.xml']) core = strFromU8(files['docProps/core.xml']);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw importError('import.docx-damaged', { reason: err instanceof Error ? err.message : String(err) });
  }
  if (!core) return undefined;
  const date = (tag: string): string | undefined => /^(\d{4}-\d{2}-\d{2})/.exec(xmlText(core, tag) ?? '')?.[1];
  return {
    title: xmlText(core, 'dc:title'),
    author: xmlText(core, 'dc:creator'),
    created: date('dcterms:created'),
  };
}

export async function readDocx(data: Uint8Array): Promise<{ html: string; properties: ImportOptions['properties'] }> {
  if (!isZip(data)) throw notDocx(data);
  const properties = inspect(data);
  try {
    // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`: both take the bytes (JSZip reads a Uint8Array)
    const input = { buffer: data, arrayBuffer: data } as unknown as { buffer: Buffer };
    const r = await mammoth.convertToHtml(input);
    return { html: r.value, properties };
  } catch (err) {
    throw importError('import.docx-unreadable', { reason: err instanceof Error ? err.message : String(err) });
  }
}

/** Word (.docx) → HTML (kept for callers that want the HTML alone). */
export async function docxToHtml(data: Uint8Array): Promise<string> {
  return (await readDocx(data)).html;
}
