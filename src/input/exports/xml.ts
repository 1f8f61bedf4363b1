import { SaxesParser } from 'saxes';
import type { ArticleField } from '../article.js';
import type { ExportItem } from './types.js';

/**
 * WordPress WXR and IPTC NewsML-G2, read with saxes: a non-validating streaming parser that never
 * loads external entities and does not expand entities declared in a DTD (they are errors), so
 * entity bombs and external entities cannot reach eindred's memory or the network.
 *
 * Each record (`<item>`, `<newsItem>`) is built as a small tree; an XML error inside a record makes
 * that record a failure with its number and line, and the parser goes on with the next one.
 */

interface XmlNode {
  /** Name without prefix. */
  local: string;
  /** Name as written, `content:encoded`. */
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Text and CDATA directly inside. */
  text: string;
  /** Offsets of the content between start and end tag in the file. */
  innerStart: number;
  innerEnd: number;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Parse `source`, handing every element named `recordName` (local name) to `onRecord`. */
function xmlRecords(
  source: string,
  isRecord: (local: string) => boolean,
  onRecord: (node: XmlNode, number: number) => ExportItem[],
  onRoot: (local: string, attributes: Record<string, string>) => void = () => {},
): ExportItem[] {
  const items: ExportItem[] = [];
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  let record: XmlNode | null = null;
  let recordNumber = 0;
  let recordError: string | null = null;
  let fileErrors = 0;
  let rootSeen = false;
  parser.on('error', (error) => {
    const message = error.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '');
    const where = `line ${parser.line}`;
    if (record) recordError ??= `${where}: ${message}`;
    else if (fileErrors++ === 0) items.push({ record: 0, where, message: `not well-formed XML: ${message}` });
  });
  parser.on('opentag', (tag) => {
    const local = localName(tag.name);
    if (!rootSeen) {
      rootSeen = true;
      onRoot(local, tag.attributes as Record<string, string>);
    }
    const node: XmlNode = {
      local,
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: '',
      innerStart: parser.position,
      innerEnd: parser.position,
    };
    if (!record && isRecord(local)) {
      record = node;
      recordNumber++;
      recordError = null;
      stack.length = 0;
    } else if (record) {
      stack[stack.length - 1]?.children.push(node);
    }
    if (record) stack.push(node);
    if (tag.isSelfClosing && record === node) finishRecord();
  });
  const finishRecord = (): void => {
    const done = record!;
    record = null;
    stack.length = 0;
    if (recordError) items.push({ record: recordNumber, message: `bad XML in this record, ${recordError}` });
    else items.push(...onRecord(done, recordNumber));
  };
  parser.on('closetag', (tag) => {
    if (!record) return;
    const node = stack.pop();
    if (node) node.innerEnd = Math.max(node.innerStart, parser.position - (tag.name.length + 3));
    if (node === record) finishRecord();
  });
  const addText = (text: string): void => {
    const node = stack[stack.length - 1];
    if (node) node.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(source).close();
  if (record)
    items.push({ record: recordNumber, message: `the file ends inside this record${recordError ? ` (${recordError})` : ''}` });
  return items;
}

const child = (node: XmlNode, local: string): XmlNode | undefined => node.children.find((c) => c.local === local);
const children = (node: XmlNode, local: string): XmlNode[] => node.children.filter((c) => c.local === local);
const textOf = (node: XmlNode | undefined): string => node?.text ?? '';

/** WordPress post types that are articles; attachments and menu items are not. */
const WXR_ARTICLE_TYPES = new Set(['post', 'page', '']);

/** Every post and page of a WXR export: title, content and excerpt as HTML, post meta as metadata. */
export function readWxr(file: string, source: string): ExportItem[] {
  let channelLanguage: string | undefined;
  const languageMatch = /<language>\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)\s*<\/language>/.exec(source.slice(0, 20000));
  if (languageMatch) channelLanguage = languageMatch[1];
  let root = '';
  const items = xmlRecords(
    source,
    (local) => local === 'item',
    (item, number) => {
      const type = textOf(child(item, 'post_type')).trim();
      if (!WXR_ARTICLE_TYPES.has(type)) return [];
      const id = textOf(child(item, 'post_id')).trim() || String(number);
      const fields: ArticleField[] = [];
      const title = textOf(child(item, 'title'));
      if (/\S/.test(title)) fields.push({ name: 'title', text: title, format: 'text' });
      const content = item.children.find((c) => c.name === 'content:encoded');
      const excerpt = item.children.find((c) => c.name === 'excerpt:encoded');
      if (content && /\S/.test(content.text)) fields.push({ name: 'content:encoded', text: content.text, format: 'html' });
      else
        return [
          {
            record: number,
            message: `post ${id}${title.trim() ? ` (“${title.trim()}”)` : ''} has no content (content:encoded is empty)`,
          },
        ];
      if (excerpt && /\S/.test(excerpt.text)) fields.push({ name: 'excerpt:encoded', text: excerpt.text, format: 'html' });
      const meta: Record<string, unknown> = {};
      if (channelLanguage) meta.lang = channelLanguage;
      for (const postmeta of children(item, 'postmeta')) {
        const key = textOf(child(postmeta, 'meta_key')).trim();
        if (key && !key.startsWith('_')) meta[key] = textOf(child(postmeta, 'meta_value'));
      }
      const status = textOf(child(item, 'status')).trim();
      if (status) meta.status = status;
      return [{ article: { path: `${file}#${id}`, fields, meta } }];
    },
    (local) => (root = local),
  );
  if (root && root !== 'rss')
    items.unshift({ record: 0, message: `this is not a WordPress export: its root element is <${root}>, not <rss>` });
  return items;
}

/** Item classes of text: a newsItem of another class (a photo, a video) is not an article. */
const isTextItem = (item: XmlNode): boolean => {
  const itemClass = child(child(item, 'itemMeta') ?? item, 'itemClass')?.attributes.qcode ?? '';
  return itemClass === '' || itemClass.endsWith(':text') || itemClass.endsWith('text');
};

/**
 * Every newsItem of a NewsML-G2 file (a lone item, a newsMessage, or items in a package):
 * headlines and descriptions, the body from inlineXML (NITF or XHTML, read as markup with its
 * positions) or inlineData, and `digitalSourceType` and the language as metadata.
 */
export function readNewsMl(file: string, source: string): ExportItem[] {
  return xmlRecords(
    source,
    (local) => local === 'newsItem',
    (item, number) => {
      const id = item.attributes.guid ?? String(number);
      const contentMeta = child(item, 'contentMeta');
      const fields: ArticleField[] = [];
      if (contentMeta) {
        children(contentMeta, 'headline').forEach((h, i) => {
          if (/\S/.test(h.text)) fields.push({ name: `headline[${i}]`, text: h.text, format: 'text' });
        });
        children(contentMeta, 'description').forEach((d, i) => {
          if (/\S/.test(d.text)) fields.push({ name: `description[${i}]`, text: d.text, format: 'text' });
        });
      }
      let body = false;
      const contentSet = child(item, 'contentSet');
      for (const content of contentSet?.children ?? []) {
        if (content.local === 'inlineXML') {
          const text = source.slice(content.innerStart, content.innerEnd);
          if (/\S/.test(text)) {
            fields.push({ name: 'inlineXML', text, format: 'xml' });
            body = true;
          }
        } else if (content.local === 'inlineData' && /\S/.test(content.text)) {
          fields.push({ name: 'inlineData', text: content.text, format: 'text' });
          body = true;
        }
      }
      if (!body && !isTextItem(item)) return [];
      if (fields.length === 0)
        return [{ record: number, message: `newsItem ${id} has no text (no headline and no inlineXML or inlineData)` }];
      const meta: Record<string, unknown> = {};
      const lang = child(contentMeta ?? item, 'language')?.attributes.tag ?? item.attributes['xml:lang'];
      if (lang) meta.lang = lang;
      const sourceType = contentMeta && child(contentMeta, 'digitalSourceType');
      if (sourceType) meta.digital_source_type = sourceType.attributes.uri ?? sourceType.attributes.qcode ?? '';
      const genre = contentMeta && child(contentMeta, 'genre');
      const genreName = genre && textOf(child(genre, 'name')).trim();
      if (genreName) meta.genre = genreName;
      return [{ article: { path: `${file}#${id}`, fields, meta } }];
    },
  );
}

/** The root element's local name, for detecting the kind of an XML file. */
export function xmlRootName(source: string): string | undefined {
  const withoutProlog = source.replace(/^\uFEFF?(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^<>[]|\[[\s\S]*?\])*>)*/i, '');
  const m = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(withoutProlog);
  return m?.[2];
}
