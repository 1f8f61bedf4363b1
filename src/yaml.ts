import { CORE_SCHEMA, load } from 'js-yaml';

/**
 * Parse YAML to plain data (packs, configs, front matter) with js-yaml's core schema, so that
 * dates stay text and `yes` stays `yes`. js-yaml is several times faster than a parser that keeps
 * source positions; positions are looked up only when a file has problems (src/packs/data-reader).
 */
export function loadYaml(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA, json: false });
}
