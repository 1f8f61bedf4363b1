import type { Article } from '../article.js';

/** Export formats eindred reads; `draft` is a Markdown, text or HTML file of its own. */
export const EXPORT_FORMATS = ['json', 'ndjson', 'csv', 'ninjs', 'ans', 'wxr', 'newsml', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Export files by extension (lower case). An .xml file is a WordPress or NewsML export by its root
 * element; .docx is a draft, so it is not here (see exportFormatFor).
 */
export const EXPORT_EXTENSIONS: Readonly<Record<string, ExportFormat | 'xml'>> = {
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.csv': 'csv',
  '.xml': 'xml',
};

/**
 * Where a record's text, id, title and metadata are (dot paths: `body`, `meta.ai`), for JSON,
 * NDJSON and CSV exports. Unset parts fall back to common names.
 */
export interface FieldMapping {
  text?: string[];
  id?: string;
  title?: string;
  /** Metadata key (`ai`, `lang`, `genre` …) → dot path in the record. */
  meta?: Record<string, string>;
}

/** One record of an export: an article to check, or why it cannot be. */
export type ExportItem =
  | { article: Article }
  | {
      /** 1-based number of the record in the file (0: the file as a whole). */
      record: number;
      /** Where it is, for the message: `line 12`. */
      where?: string;
      message: string;
    };
