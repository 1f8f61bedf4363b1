import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';

/**
 * Parse YAML to plain data (packs, configs, front matter) with js-yaml's core schema, so that
 * dates stay text and `yes` stays `yes`. js-yaml is several times faster than a parser that keeps
 * source positions; positions are looked up only when a file has problems (src/packs/data-reader).
 *
 * Custom tags (`!include`) are errors, so YAML never reads another file. Aliases are followed
 * with a budget: a "billion laughs" file repeats a few anchors so that the data, walked, grows
 * exponentially; js-yaml shares the repeats, so only walking it would cost.
 */
export function loadYaml(text: string): unknown {
  const data = load(text, { schema: CORE_SCHEMA, json: false });
  if (text.includes('*')) assertBounded(data);
  return data;
}

/** Values a YAML file may expand to, aliases followed: far more than any pack or front matter. */
const MAX_YAML_VALUES = 1_000_000;

/** Walk the data as a reader would, aliases and all, and stop at an exponential expansion. */
function assertBounded(data: unknown): void {
  const stack: unknown[] = [data];
  let seen = 0;
  while (stack.length > 0) {
    const value = stack.pop();
    if (++seen > MAX_YAML_VALUES) {
      throw new YAMLException(
        `its aliases expand it to more than ${MAX_YAML_VALUES.toLocaleString('en')} values (an alias bomb?)`,
      );
    }
    if (Array.isArray(value)) stack.push(...value);
    else if (value && typeof value === 'object') stack.push(...Object.values(value));
  }
}
