import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';

/**
 * Parse YAML to plain data (packs, configs, front matter) with js-yaml's core schema, so that
 * dates stay text and `yes` stays `yes`. js-yaml is several times faster than a parser that keeps
 * source positions; positions are looked up only when a file has problems (src/packs/data-reader).
 *
 * Custom tags (`!include`) are errors, so YAML never reads another file. Aliases are limited: a
 * "billion laughs" file repeats a few anchors so that the data, walked, grows exponentially.
 */
export const MAX_YAML_ALIASES = 100;
const ALIAS = /(?:^|[\s[{,:?-])\*[^\s,[\]{}]+/g;

export function loadYaml(text: string): unknown {
  if (text.includes('*')) {
    const aliases = text.match(ALIAS)?.length ?? 0;
    if (aliases > MAX_YAML_ALIASES) {
      throw new YAMLException(
        `it uses ${aliases} aliases (*name); eindred reads at most ${MAX_YAML_ALIASES}, so that a file cannot grow into an alias bomb`,
      );
    }
  }
  return load(text, { schema: CORE_SCHEMA, json: false });
}
