import { valueAt } from '../../checks/ai-metadata.js';
import type { Article, ArticleField, FieldFormat } from '../article.js';
import type { ExportItem, FieldMapping } from './types.js';

/**
 * JSON records → articles: IPTC ninjs (1.x–3.x), Arc XP ANS, and any other record shape through a
 * field mapping (`--text-field body --id-field id --meta-field ai=meta.ai`).
 */

const DEFAULT_TEXT = ['body', 'body_html', 'body_text', 'text', 'content', 'content.rendered', 'html', 'article'];
const DEFAULT_ID = ['id', '_id', 'uuid', 'guid', 'uri', 'slug'];
const DEFAULT_TITLE = ['title', 'headline', 'title.rendered'];
/** Metadata the checks read, and where records usually keep it. */
const DEFAULT_META: Record<string, string[]> = {
  lang: ['lang', 'language', 'locale'],
  ai: ['ai'],
  digital_source_type: ['digital_source_type', 'digitalSourceType', 'digitalsourcetype'],
  genre: ['genre'],
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Text that reads as HTML markup rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<(?:p|div|br|h[1-6]|ul|ol|li|a|em|strong|b|i|span|blockquote|figure|img|table)\b[^>]*>/i.test(text);
}

function stringAt(record: Json, path: string): string | undefined {
  const value = valueAt(record, path);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function field(name: string, text: string, format?: FieldFormat): ArticleField {
  return { name, text, format: format ?? (looksLikeHtml(text) ? 'html' : 'text') };
}

/** What kind of record this is: ninjs, ANS, or something to map. */
export function recordKind(record: Json): 'ninjs' | 'ans' | 'mapped' {
  if (
    Array.isArray(record.content_elements) ||
    (typeof record._id === 'string' && isObject(record.headlines)) ||
    (typeof record.type === 'string' && typeof record.version === 'string' && /^0\.\d+\.\d+$/.test(record.version))
  )
    return 'ans';
  const schema = typeof record.$schema === 'string' ? record.$schema : '';
  if (
    schema.includes('ninjs') ||
    (typeof record.uri === 'string' &&
      ['headline', 'headlines', 'body_text', 'body_html', 'bodies', 'descriptions', 'description_text', 'renditions'].some(
        (key) => key in record,
      ))
  )
    return 'ninjs';
  return 'mapped';
}

/** An article from a record, or why not. `number` is the record's 1-based place in the file. */
export function recordToItem(
  file: string,
  value: unknown,
  number: number,
  mapping: FieldMapping,
  forced?: 'ninjs' | 'ans' | 'mapped',
): ExportItem {
  if (!isObject(value))
    return {
      record: number,
      message: `the record is ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not an object`,
    };
  const kind = forced ?? (mapping.text || mapping.id || mapping.title ? 'mapped' : recordKind(value));
  const read = kind === 'ninjs' ? ninjs(value) : kind === 'ans' ? ans(value) : mapped(value, mapping);
  const id = read.id ?? String(number);
  if (read.fields.length === 0) {
    const names =
      kind === 'mapped'
        ? (mapping.text ?? DEFAULT_TEXT).join(', ')
        : kind === 'ninjs'
          ? 'headlines, descriptions, bodies'
          : 'headlines, content_elements';
    const what =
      kind === 'mapped'
        ? 'record'
        : `${kind === 'ans' ? 'ANS' : 'ninjs'} ${typeof value.type === 'string' ? value.type : 'item'}`;
    return { record: number, message: `${what} ${id} has no text to check (looked in: ${names})` };
  }
  const article: Article = { path: `${file}#${id}`, fields: read.fields, meta: read.meta };
  return { article };
}

interface Read {
  id: string | undefined;
  fields: ArticleField[];
  meta: Json;
}

function mapped(record: Json, mapping: FieldMapping): Read {
  const fields: ArticleField[] = [];
  const title = mapping.title ? [mapping.title] : DEFAULT_TITLE;
  for (const path of title) {
    const text = stringAt(record, path);
    if (text !== undefined) {
      fields.push(field(path, text, 'text'));
      break;
    }
  }
  for (const path of mapping.text ?? DEFAULT_TEXT) {
    const text = stringAt(record, path);
    if (text === undefined) continue;
    fields.push(field(path, text));
    if (!mapping.text) break; // the first common name found is the body
  }
  const meta: Json = {};
  for (const [key, paths] of Object.entries(DEFAULT_META)) {
    for (const path of paths) {
      const value = valueAt(record, path);
      if (value !== undefined) {
        meta[key] = value;
        break;
      }
    }
  }
  for (const [key, path] of Object.entries(mapping.meta ?? {})) meta[key] = valueAt(record, path);
  const id = mapping.id ? stringAt(record, mapping.id) : DEFAULT_ID.map((path) => stringAt(record, path)).find(Boolean);
  return { id, fields: fields.filter((f) => /\S/.test(f.text)), meta };
}

/** A ninjs `digitalsourcetype` is a URI, a code or an object with `uri`/`literal`/`code`. */
function sourceType(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value))
    return ['uri', 'code', 'literal', 'name'].map((key) => value[key]).find((v): v is string => typeof v === 'string');
  return undefined;
}

function ninjs(record: Json): Read {
  const fields: ArticleField[] = [];
  const list = (key: string): Json[] => (Array.isArray(record[key]) ? (record[key] as unknown[]).filter(isObject) : []);
  // 1.x: headline, description_text/_html, body_text/_html; 2.x and 3.x: lists of { role, value, contenttype }.
  if (typeof record.headline === 'string') fields.push(field('headline', record.headline, 'text'));
  list('headlines').forEach((h, i) => typeof h.value === 'string' && fields.push(field(`headlines[${i}]`, h.value, 'text')));
  for (const key of ['description_text', 'description_html']) {
    if (typeof record[key] === 'string') fields.push(field(key, record[key] as string, key.endsWith('html') ? 'html' : 'text'));
  }
  list('descriptions').forEach((d, i) => {
    if (typeof d.value === 'string') fields.push(field(`descriptions[${i}]`, d.value, contentFormat(d)));
  });
  for (const key of ['body_text', 'body_html']) {
    if (typeof record[key] === 'string') fields.push(field(key, record[key] as string, key.endsWith('html') ? 'html' : 'text'));
  }
  list('bodies').forEach((b, i) => typeof b.value === 'string' && fields.push(field(`bodies[${i}]`, b.value, contentFormat(b))));
  const meta: Json = {};
  if (typeof record.language === 'string') meta.lang = record.language;
  const type = sourceType(record.digitalsourcetype ?? record.digitalSourceType);
  if (type) meta.digital_source_type = type;
  const genre = list('genres')[0] ?? list('genre')[0];
  if (genre && typeof genre.name === 'string') meta.genre = genre.name;
  if (typeof record.by === 'string') meta.by = record.by;
  return { id: typeof record.uri === 'string' ? record.uri : undefined, fields: fields.filter((f) => /\S/.test(f.text)), meta };
}

function contentFormat(part: Json): FieldFormat {
  const type = String(part.contenttype ?? part.contentType ?? '');
  if (type.includes('html') || type.includes('xml')) return 'html';
  return typeof part.value === 'string' && looksLikeHtml(part.value) ? 'html' : 'text';
}

/** ANS: headlines, subheadlines, description, and the text of content elements (nested ones too). */
function ans(record: Json): Read {
  const fields: ArticleField[] = [];
  const basic = (key: string): void => {
    const value = record[key];
    if (isObject(value) && typeof value.basic === 'string') fields.push(field(`${key}.basic`, value.basic, 'text'));
  };
  basic('headlines');
  basic('subheadlines');
  basic('description');
  const walk = (elements: unknown, path: string): void => {
    if (!Array.isArray(elements)) return;
    elements.forEach((element, i) => {
      if (!isObject(element)) return;
      const at = `${path}[${i}]`;
      const type = element.type;
      if ((type === 'text' || type === 'header' || type === 'raw_html') && typeof element.content === 'string') {
        fields.push(field(at, element.content, 'html'));
      } else if (type === 'list') {
        walk(element.items, `${at}.items`);
      } else if (type === 'quote') {
        walk(element.content_elements, `${at}.content_elements`);
        if (typeof element.citation === 'object' && isObject(element.citation) && typeof element.citation.content === 'string')
          fields.push(field(`${at}.citation`, element.citation.content, 'html'));
      } else if (type === 'image' || type === 'video' || type === 'gallery') {
        for (const key of ['caption', 'subtitle']) {
          if (typeof element[key] === 'string') fields.push(field(`${at}.${key}`, element[key] as string, 'html'));
        }
      } else if (type === 'correction' && typeof element.text === 'string') {
        fields.push(field(`${at}.text`, element.text, 'text'));
      }
    });
  };
  walk(record.content_elements, 'content_elements');
  const meta: Json = {};
  if (typeof record.language === 'string' && record.language) meta.lang = record.language;
  const id = typeof record._id === 'string' ? record._id : undefined;
  return { id, fields: fields.filter((f) => /\S/.test(f.text)), meta };
}
