/**
 * XML 1.0 allows only some characters (§2.2: tab, line feed, carriage return, U+0020–U+D7FF,
 * U+E000–U+FFFD, U+10000–U+10FFFF). A report can hold any of the others — C0 controls pasted from
 * Word (its manual line break is U+000B), U+FFFE/U+FFFF, lone surrogates — and the DOCX library
 * writes text as it is, so one such character made word/document.xml not well-formed and Word
 * refused the file. Every XML part of the package goes through `xmlSafeText` instead: a vertical
 * tab or form feed becomes a space, any other character XML forbids becomes U+FFFD (so that
 * the reader sees where something was).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

// the complement of XML 1.0's Char production; lone surrogates matched one code unit at a time
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with only characters XML 1.0 allows. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, (c) => (c === '\u000b' || c === '\u000c' ? ' ' : '\ufffd'));
}

/** The package (a zip) with every `.xml` / `.rels` part well-formed as to its characters. */
export function xmlSafeZip(zip: Uint8Array): Uint8Array {
  const files = unzipSync(zip);
  let changed = false;
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const xml = strFromU8(data);
    const safe = xmlSafeText(xml);
    if (safe !== xml) {
      files[name] = strToU8(safe);
      changed = true;
    }
  }
  return changed ? zipSync(files, { level: 6 }) : zip;
}
