import { crc32 } from "node:zlib";
import { recruiterWithCompany } from "../../../test/fixtures.js";
import type { TestApp } from "../../../test/test-app.js";

/** A small but well-formed PDF, padded with comment lines to `size` bytes when asked. */
export function pdfBytes(size = 0): Buffer {
  const head = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n";
  const tail = "trailer<</Root 1 0 R>>\n%%EOF\n";
  const padding = Math.max(0, size - head.length - tail.length);
  return Buffer.concat([Buffer.from(head), Buffer.alloc(padding, "%"), Buffer.from(tail)]);
}

/** A ZIP with stored (uncompressed) entries, written by hand: enough to test what the server reads. */
export function zipBytes(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

/** The minimal parts of a Word document; `extra` adds entries (a macro project, say). */
export function docxBytes(extra: Record<string, string> = {}): Buffer {
  return zipBytes({
    "[Content_Types].xml": `<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="${WORD_TYPE}"/></Types>`,
    "_rels/.rels": '<?xml version="1.0"?><Relationships/>',
    "word/document.xml": '<?xml version="1.0"?><w:document><w:body><w:p>CV</w:p></w:body></w:document>',
    ...extra,
  });
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface FilePart {
  name: string;
  type: string;
  bytes: Buffer;
  field?: string;
}

/** A multipart/form-data body as a browser builds it (the platform's own FormData encoder). */
export async function multipart(fields: Record<string, string>, files: FilePart[] = []) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const f of files) form.append(f.field ?? "cv", new Blob([f.bytes], { type: f.type }), f.name);
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { "content-type": encoded.headers.get("content-type") as string },
  };
}

let candidateCounter = 0;

/** Valid candidate fields, with a fresh address unless one is given. */
export function candidate(overrides: Record<string, string> = {}): Record<string, string> {
  candidateCounter++;
  return {
    firstName: "Inès",
    lastName: "Moreau",
    email: `ines.moreau${candidateCounter}@exemple.fr`,
    phone: "06 12 34 56 78",
    message: "Bonjour,\nJe prépare un CAP boulanger et je cherche une entreprise pour septembre.",
    ...overrides,
  };
}

export const cvPdf = (bytes = pdfBytes()): FilePart => ({ name: "mon-cv.pdf", type: "application/pdf", bytes });

/** Sends an application the way the web form does; extra headers for a partner key or an IP. */
export async function apply(
  t: TestApp,
  fields: Record<string, string>,
  files: FilePart[] = [],
  options: { headers?: Record<string, string>; remoteAddress?: string } = {},
) {
  const body = await multipart(fields, files);
  const response = await t.app.inject({
    method: "POST",
    url: "/api/v1/applications",
    payload: body.payload,
    headers: { ...body.headers, ...options.headers },
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
  return { status: response.statusCode, body: response.json(), raw: response.body };
}

/** A recruiter with an active offer, posted through the API. */
export async function recruiterWithOffer(t: TestApp) {
  const recruiter = await recruiterWithCompany(t);
  const created = await t.app.inject({
    method: "POST",
    url: "/api/v1/offers",
    headers: { cookie: recruiter.cookie },
    payload: { appellationCode: "11573", startDate: "2026-09-01" },
  });
  if (created.statusCode !== 201) throw new Error(`offer not created: ${created.body}`);
  return { recruiter, offerId: created.json().id as string };
}

/** The token of a one-click link from an email. */
export const tokenOf = (link: string) => new URL(link).searchParams.get("jeton") as string;
