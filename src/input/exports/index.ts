import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { decodeText, InputError, megabytes } from '../read.js';
import { recordToItem } from './records.js';
import { zipSize } from './zip.js';
import { EXPORT_EXTENSIONS, type ExportFormat, type ExportItem, type FieldMapping } from './types.js';
import { readNewsMl, readWxr, xmlRootName } from './xml.js';

export { EXPORT_FORMATS, type ExportFormat, type ExportItem, type FieldMapping } from './types.js';

/**
 * Reading exports: a file in, its articles (or the reasons a record cannot be checked) out, one at
 * a time. NDJSON is streamed line by line, so an export of any length is read in bounded memory;
 * the other formats are read whole (within --max-file-size).
 */

const NEWSML_ROOTS = new Set([
  'newsItem',
  'newsMessage',
  'packageItem',
  'conceptItem',
  'knowledgeItem',
  'planningItem',
  'catalogItem',
]);

/** The export format of a file, from its extension and (for .xml) its root element; null for drafts. */
export function exportFormatFor(path: string, readHead: () => string): ExportFormat | null {
  const ext = path.slice(path.lastIndexOf('.')).toLowerCase();
  if (ext === '.docx') return 'docx';
  const format = Object.hasOwn(EXPORT_EXTENSIONS, ext) ? EXPORT_EXTENSIONS[ext] : undefined;
  if (format === 'xml') {
    const root = xmlRootName(readHead());
    if (root === 'rss') return 'wxr';
    if (root && NEWSML_ROOTS.has(root)) return 'newsml';
    throw new InputError(
      path,
      `eindred reads WordPress exports (<rss>) and NewsML-G2 (<newsItem>, <newsMessage>, <packageItem>) as XML; this file's root element is ${root ? `<${root}>` : 'missing'} (see --input-format)`,
    );
  }
  return format ?? null;
}

export interface ExportRequest {
  /** As reported (relative), and the file to read. */
  path: string;
  file: string;
  format: ExportFormat;
  mapping: FieldMapping;
  maxBytes: number;
}

function readWhole(request: ExportRequest): string {
  return decodeText(readBytes(request), request.path).text;
}

function readBytes(request: ExportRequest): Buffer {
  const bytes = readFileSync(request.file);
  if (bytes.length > request.maxBytes) {
    throw new InputError(
      request.path,
      `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, more than --max-file-size ${megabytes(request.maxBytes)} MB; raise the limit, or export as NDJSON, which is read line by line`,
    );
  }
  return bytes;
}

/** The articles of an export file, in file order. */
export async function* readExport(request: ExportRequest): AsyncGenerator<ExportItem> {
  const { path, format, mapping } = request;
  switch (format) {
    case 'ndjson':
      yield* readNdjson(request);
      return;
    case 'json':
    case 'ninjs':
    case 'ans': {
      const text = readWhole(request);
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        yield { record: 0, message: `not valid JSON: ${(error as Error).message}` };
        return;
      }
      const forced = format === 'json' ? undefined : format;
      const records = recordsOf(data);
      for (let i = 0; i < records.length; i++) yield recordToItem(path, records[i], i + 1, mapping, forced);
      return;
    }
    case 'csv':
      yield* readCsv(request);
      return;
    case 'wxr':
      yield* readWxr(path, readWhole(request));
      return;
    case 'newsml':
      yield* readNewsMl(path, readWhole(request));
      return;
    case 'docx':
      yield await readDocx(request);
      return;
  }
}

/** The records of a JSON export: an array, an object holding one array of records, or one record. */
function recordsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    for (const key of ['items', 'articles', 'posts', 'stories', 'data', 'results']) {
      const value = (data as Record<string, unknown>)[key];
      if (Array.isArray(value) && value.every((v) => v && typeof v === 'object')) return value;
    }
  }
  return [data];
}

async function* readNdjson(request: ExportRequest): AsyncGenerator<ExportItem> {
  for await (const line of ndjsonLines(request.file)) yield ndjsonRecord(request, line);
}

/** A non-blank line of an NDJSON file: its text, its line number and its record number. */
export interface NdjsonLine {
  text: string;
  line: number;
  record: number;
}

/** The records of an NDJSON file, one line at a time (blank lines are not records). */
export async function* ndjsonLines(file: string): AsyncGenerator<NdjsonLine> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let record = 0;
  let line = 0;
  for await (const text of lines) {
    line++;
    if (/\S/.test(text)) yield { text, line, record: ++record };
  }
}

/** One NDJSON line → an article, or why not. */
export function ndjsonRecord(
  request: Pick<ExportRequest, 'path' | 'mapping' | 'maxBytes'>,
  { text, line, record }: NdjsonLine,
): ExportItem {
  const where = `line ${line}`;
  if (text.length > request.maxBytes) return { record, where, message: 'the record is longer than --max-file-size' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { record, where, message: `not valid JSON: ${(error as Error).message}` };
  }
  const item = recordToItem(request.path, value, record, request.mapping);
  return 'article' in item ? item : { ...item, where };
}

async function* readCsv(request: ExportRequest): AsyncGenerator<ExportItem> {
  const { parse } = await import('csv-parse/sync');
  /** Records csv-parse skipped: its first error, how many records it had parsed before, the record's number. */
  const skipped: { error: CsvError; parsedBefore: number; record: number; openToEnd: boolean }[] = [];
  const rows = parse(readWhole(request), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_quotes: false,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (!error) return;
      const parsedBefore = error.records ?? 0;
      const previous = skipped.at(-1);
      // More errors in the same record: on its line, or a quote of it still open at the end of the file.
      if (previous?.parsedBefore === parsedBefore) {
        if (error.code === 'CSV_QUOTE_NOT_CLOSED') return void (previous.openToEnd = true);
        if (error.lines === previous.error.lines) return;
      }
      // csv-parse counts the records it parsed; the ones it skipped count here as well.
      skipped.push({ error, parsedBefore, record: parsedBefore + skipped.length + 1, openToEnd: false });
    },
    info: true,
  }) as { record: Record<string, string>; info: { lines: number; records: number } }[];
  const failureOf = ({ error, record, openToEnd }: (typeof skipped)[number]): ExportItem => ({
    record,
    where: `line ${error.lines ?? '?'}`,
    message: csvProblem(error, openToEnd),
  });
  let failure = 0;
  for (const { record, info } of rows) {
    // Its number in the file: the records parsed so far and the ones skipped before it.
    while (skipped[failure] && skipped[failure]!.parsedBefore < info.records) yield failureOf(skipped[failure++]!);
    const number = info.records + failure;
    const item = recordToItem(request.path, record, number, request.mapping, 'mapped');
    yield 'article' in item ? item : { ...item, where: `line ${info.lines}` };
  }
  while (skipped[failure]) yield failureOf(skipped[failure++]!);
}

/** What csv-parse says of a record it skips. */
interface CsvError {
  code?: string;
  message: string;
  records?: number;
  lines?: number;
  column?: string | number | null;
}

/**
 * csv-parse's error as a newsroom reads it: what is wrong in the record, and how CSV wants it.
 * `openToEnd`: the quote that went wrong is still open at the end of the file.
 */
function csvProblem(error: CsvError, openToEnd: boolean): string {
  const field = typeof error.column === 'string' ? ` in the ‘${error.column}’ column` : '';
  const doubled = 'a quote mark inside a quoted value is written twice ("")';
  switch (error.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return openToEnd
        ? `a quoted value${field} goes on after its closing quote mark, and the quote stays open to the end of the file, so nothing after this line could be read; ${doubled}`
        : `a quoted value${field} goes on after its closing quote mark; ${doubled}`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `a quoted value${field} is never closed: the rest of the file was read as that one value; ${doubled}`;
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_OPENING_QUOTE':
      return `a quote mark stands inside a value${field} that does not start with one; put the whole value in quote marks, and ${doubled}`;
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH': {
      const counts = /length is (\d+), got (\d+)/.exec(error.message);
      return counts
        ? `this record has ${counts[2]} values where the header line names ${counts[1]} columns (a value that holds a comma needs quote marks around it)`
        : 'this record does not have as many values as the header line has columns';
    }
    default:
      return `not valid CSV: ${error.message}`;
  }
}

/** A Word document unpacks to at most this much, and at most this many times its own size. */
const DOCX_MAX_UNPACKED = 256 * 1024 * 1024;
const DOCX_MAX_RATIO = 200;

async function readDocx(request: ExportRequest): Promise<ExportItem> {
  const bytes = readBytes(request);
  const size = zipSize(bytes);
  if (typeof size === 'string') return { record: 0, message: `not a readable Word document: ${size}` };
  if (size.uncompressed > DOCX_MAX_UNPACKED || size.uncompressed > DOCX_MAX_RATIO * Math.max(bytes.length, 1024)) {
    return {
      record: 0,
      message: `refused: it would unpack from ${(bytes.length / 1024).toFixed(0)} KB to ${(size.uncompressed / 1024 / 1024).toFixed(0)} MB, which no Word draft does (a zip bomb?)`,
    };
  }
  const { default: mammoth } = await import('mammoth');
  try {
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    return { article: { path: request.path, fields: [{ name: 'document', text: value, format: 'text' }], meta: {} } };
  } catch (error) {
    if (error instanceof InputError) throw error;
    return { record: 0, message: `not a readable Word document: ${(error as Error).message}` };
  }
}
