import type { MessageKey } from '../messages.js';
import type { LineIndex } from './positions.js';
import type { SourceMap, SourceRange } from './prose.js';

export type DocumentFormat = 'markdown' | 'text' | 'html';

export type BlockKind = 'heading' | 'paragraph' | 'tableCell' | 'imageAlt' | 'text';

/** A run of prose that is analysed on its own: a paragraph, a heading, a table cell, an alt text. */
export interface ProseBlock {
  kind: BlockKind;
  text: string;
  map: SourceMap;
  /** Inside a Markdown block quote: all of it is quoted speech. */
  inBlockQuote: boolean;
}

export interface FrontMatter {
  /** Parsed YAML (a mapping); empty when the YAML could not be parsed. */
  data: Record<string, unknown>;
  /** The whole front matter, fences included. */
  range: SourceRange;
}

/** An image in a draft: Markdown `![alt](url "title")` or HTML `<img>` (in a `<figure>`). */
export interface ImageRef {
  alt: string;
  title: string;
  url: string;
  /** A `<figcaption>`; for Markdown images, captions are the text around them (see `paragraph`). */
  caption: string;
  /** Index into `blocks` of the paragraph the image stands in, or -1. */
  paragraph: number;
  range: SourceRange;
}

/** Something wrong with the input that is not a rule finding, e.g. front matter that is not YAML. */
export interface InputProblem {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  /** Reported in the draft's language once that is known. */
  message: MessageKey;
  details?: Record<string, string>;
  range: SourceRange;
}

export interface Document {
  path: string;
  format: DocumentFormat;
  /** The decoded text (a leading BOM removed); all offsets point into it. */
  source: string;
  lines: LineIndex;
  frontMatter: FrontMatter | null;
  blocks: ProseBlock[];
  images: ImageRef[];
  /** Spans that are not prose but may matter to some checks: URLs, link targets. */
  urls: SourceRange[];
  /** C2PA provenance manifests embedded in the text (never prose). */
  provenance: SourceRange[];
  /** Raw HTML in a Markdown draft (blocks and inline tags): not prose, but it may hold images. */
  html: SourceRange[];
  /** Links, bare web addresses and footnote calls: places where the text cites a source. */
  links: SourceRange[];
  problems: InputProblem[];
  /**
   * For an article from an export: the fields its source is made of (headline, body …), in
   * order. Positions in the report are counted inside each field, and name it.
   */
  fields?: FieldSpan[];
}

export interface FieldSpan {
  /** The field as the export names it (`headline`, `body_html`, `content:encoded` …). */
  name: string;
  start: number;
  end: number;
  lines: LineIndex;
}
