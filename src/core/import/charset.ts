/**
 * Bytes of an HTML page → text, honouring its charset the way browsers do: a byte-order mark first, then the
 * HTTP `Content-Type` charset, then a `<meta charset>` / `<meta http-equiv="Content-Type">` (or an XML
 * declaration) near the top; without any, UTF-8 when the bytes are valid UTF-8, else windows-1252 (what
 * browsers assume for an unlabelled Western page). Decoding uses TextDecoder (WHATWG encodings: Node and
 * VS Code's extension host carry full ICU, so Shift_JIS, windows-1251, GB18030, EUC-KR… all decode).
 */

export interface DecodedPage {
  readonly text: string;
  /** The WHATWG name of the encoding used, e.g. `windows-1251`. */
  readonly encoding: string;
  /** Where the encoding came from. */
  readonly source: 'bom' | 'header' | 'meta' | 'sniffed' | 'default';
}

/** How far into the page a `<meta charset>` is looked for (browsers: 1024 bytes; real pages put it later). */
const PRESCAN_BYTES = 8192;

function charsetOfContentType(ct: string | null | undefined): string | null {
  if (!ct) return null;
  const m = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(ct);
  return m ? m[1]!.trim() : null;
}

/** The charset named in the page's own markup (meta tags or an XML declaration), or null. */
export function charsetOfMarkup(bytes: Uint8Array): string | null {
  // Latin-1 keeps every byte as one character, so ASCII markup reads the same in any ASCII-compatible charset.
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1]!;
  const metaRe = /<meta\b[^>]*>/gi;
  for (let m = metaRe.exec(head); m; m = metaRe.exec(head)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(tag);
    if (direct && !/\bcontent\s*=/i.test(tag)) return direct[1]!;
    if (/\bhttp-equiv\s*=\s*["']?content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*(["'])(.*?)\1/i.exec(tag) ?? /\bcontent\s*=\s*([^\s>]+)/i.exec(tag);
      const cs = charsetOfContentType(content ? (content[2] ?? content[1]!) : null);
      if (cs) return cs;
    }
    if (direct) return direct[1]!;
  }
  return null;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}

function decoderFor(label: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null; // a label TextDecoder does not know
  }
}

/** Decodes a page's bytes; `contentType` is the HTTP header when the page was fetched (null for a saved file). */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedPage {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', source: 'bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', source: 'bom' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', source: 'bom' };
  const candidates: [string | null, DecodedPage['source']][] = [
    [charsetOfContentType(contentType), 'header'],
    [charsetOfMarkup(bytes), 'meta'],
  ];
  for (const [label, source] of candidates) {
    if (!label) continue;
    let d = decoderFor(label);
    // A page that says UTF-16 in ASCII markup is not UTF-16 (the HTML standard reads it as UTF-8).
    if (d && d.encoding.startsWith('utf-16')) d = new TextDecoder('utf-8');
    if (d) return { text: d.decode(bytes), encoding: d.encoding, source };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', source: 'sniffed' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', source: 'default' };
  }
}
