import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, type Terminal } from './terminal.js';

/** The JSON Schema editors use to complete and check .eindred.yaml (shipped in schemas/). */
function schemaReference(cwd: string): string {
  const schema = fileURLToPath(new URL('../schemas/config.schema.json', import.meta.url));
  const rel = relative(cwd, schema).split('\\').join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

const TEMPLATE = (schema: string) => `# yaml-language-server: $schema=${schema}
# eindred settings for the drafts in this folder and below. Run \`eindred rules\` to see what runs,
# \`eindred explain <rule id>\` to see why. The schema line above lets editors (VS Code with the
# YAML extension) complete and check this file.

# Rule packs: all built-in packs, or builtin:nl / builtin:en, or your own pack files.
packs:
  - builtin
#  - ./packs/huisstijl.yaml

# Switch rules off or change their severity, by id or id prefix (off, info, warning, error).
rules: {}
#  nl.bias.bejaarde: off
#  nl.claims: error

# Paths not to check (.gitignore syntax, relative to this file).
ignore: []
#  - archief/

# Language of drafts that do not say (front matter lang:); otherwise it is detected.
# language: nl

# Numbers and addresses that may be published, such as the newsroom's tip line.
# privacy:
#   allow: [020-1234567, '@omroep.example']

# Where your CMS export keeps an article's text, id, headline and metadata (JSON, NDJSON, CSV).
# fields:
#   text: [body]
#   id: id
#   title: title
#   meta: { ai: meta.ai }
`;

/** `eindred init`: write a commented .eindred.yaml here. */
export function runInit(options: { force?: boolean }, terminal: Terminal): number {
  const file = join(terminal.cwd, '.eindred.yaml');
  if (existsSync(file) && !options.force) throw new UsageError(`${file} exists already; use --force to replace it`);
  terminal.writeFile(file, TEMPLATE(schemaReference(terminal.cwd)));
  terminal.warn(`wrote ${file}`);
  return 0;
}
