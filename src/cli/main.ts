import { Command, CommanderError, Option } from 'commander';
import { RULE_CATEGORIES } from '../finding.js';
import { PackError } from '../packs/issues.js';
import { FORMATS } from '../report/index.js';
import { VERSION } from '../version.js';
import { DEFAULT_MAX_FILE_MB, INPUT_FORMATS, runCheck, type CheckOptions } from './check.js';
import type { ExplainOptions } from './explain.js';
import { runRules, type RulesOptions } from './rules.js';
import { processTerminal, UsageError, type Terminal } from './terminal.js';

const CHECK_HELP = `
Paths are files, folders and globs such as 'drafts/**/*.md'. Folders are searched for drafts
(.md, .markdown, .txt, .html, .htm, .docx), skipping .git, node_modules and what .gitignore and
.eindredignore files list. Use - to read a draft from standard input. Without paths, the current
folder is checked.

CMS exports are checked when named (or matched by a glob); each article is reported as file#id,
with lines and columns inside the field it is in:
  .json  .ndjson  .jsonl  JSON records: IPTC ninjs and Arc XP ANS are recognised; other records
                          are read through --text-field, --id-field, --title-field, --meta-field
  .csv                    one article per row, with the same field options (column names)
  .xml                    WordPress WXR, IPTC NewsML-G2 (NITF or XHTML bodies)
  .docx                   a Word draft

Which rules run: the nearest .eindred.yaml above each file picks packs, switches rules off or
changes their severity, and lists paths to skip. Without one, all built-in packs run.

Exit codes:
  0  nothing at or above the fail level (errors; with --max-warnings also warnings)
  1  findings at or above the fail level
  2  a usage, config or pack error, or an input that could not be read
     (the other inputs are still checked and reported)

Examples:
  $ eindred check drafts/zwembad.md
  $ eindred check drafts --format json > report.json
  $ cat draft.md | eindred check - --stdin-filename draft.md
  $ eindred check --quiet $(git diff --cached --name-only -- '*.md')
  $ eindred check export.ndjson --text-field body --id-field id --meta-field ai=meta.ai
  $ eindred check wordpress.xml --format html --output report.html
  $ eindred check archive/ --format csv --output findings.csv --jobs 2
`;

const RULES_HELP = `
Lists the rules that run on drafts in the current folder: the packs and severities of the
nearest .eindred.yaml (or --config, --pack), with what each rule looks for, better words and a
source.

Examples:
  $ eindred rules --category bias --lang nl
  $ eindred rules --format json > rules.json
`;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function buildProgram(terminal: Terminal, exit: { code: number }): Command {
  const program = new Command('eindred')
    .description(
      'A linter for news drafts written with the help of AI: undisclosed AI use, unverified claims, ' +
        'biased wording and personal data, in Dutch and English.',
    )
    .version(VERSION, '-v, --version', 'print the version')
    .addHelpText('after', '\nAdd --debug to any command to see the stack trace of an error.')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => terminal.write(text),
      writeErr: (text) => process.stderr.write(text),
    });

  program
    .command('check')
    .description('check drafts and report what an editor should look at')
    .argument('[paths...]', 'files, folders or globs to check (default: the current folder); - for standard input')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(FORMATS)).default('stylish'))
    .option('--lang <code>', 'language of drafts that do not declare one in front matter (nl, en); otherwise detected')
    .option('-c, --config <file>', 'use this config file instead of the nearest .eindred.yaml')
    .option('--no-config', 'ignore .eindred.yaml files: all built-in packs, no changes')
    .option(
      '-p, --pack <pack>',
      "use this pack instead of the config's (repeatable): a .yaml file, a folder of them, builtin, or builtin:<name>",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .addOption(
      new Option('--min-severity <level>', 'report only findings at or above this level')
        .choices(['info', 'warning', 'error'])
        .default('info'),
    )
    .option('-q, --quiet', 'report errors only, and print nothing when there are none (for git hooks)')
    .option('--max-warnings <n>', 'also fail (exit 1) when there are more than n warnings')
    .option('--stdin-filename <path>', 'name of the draft read from standard input: for the report, its format and config lookup')
    .option('--no-ignore', "also check files that the config's ignore list skips")
    .option('--max-file-size <MB>', 'report files larger than this instead of checking them', DEFAULT_MAX_FILE_MB)
    .option('-o, --output <file>', 'write the report to this file; the terminal gets the summary')
    .option(
      '-j, --jobs <n>',
      'check with n threads, this one and n - 1 workers (default: the number of cores; runs under 4 MB use one)',
    )
    .option('--no-progress', 'no progress bar (it is only drawn on a terminal, for runs longer than a second)')
    .option('--input-format <format>', `read every input as this format instead of by its extension: ${INPUT_FORMATS.join(', ')}`)
    .option('--text-field <path>', 'JSON/NDJSON/CSV exports: field with the article text, as a dot path (repeatable)', collect)
    .option('--id-field <path>', 'JSON/NDJSON/CSV exports: field with the article id (reported as file#id)')
    .option('--title-field <path>', 'JSON/NDJSON/CSV exports: field with the headline')
    .option(
      '--meta-field <key=path>',
      'JSON/NDJSON/CSV exports: read metadata such as ai=meta.ai or lang=locale (repeatable)',
      collect,
    )
    .option('--staged', 'check the staged versions of staged drafts (git’s index), for pre-commit hooks; paths narrow it down')
    .option('--baseline <file>', 'report only findings that this baseline file does not list')
    .option('--update-baseline', 'write every current finding to the baseline file (--baseline, default .eindred-baseline.json)')
    .option('--report-suppressed', 'also list findings that inline eindred-disable comments suppress, with their reasons')
    .option('--color', 'force coloured output')
    .option('--no-color', 'no colours (also when NO_COLOR is set)')
    .addHelpText('after', CHECK_HELP)
    .action(async (paths: string[], options: CheckOptions) => {
      exit.code = await runCheck(paths, options, terminal);
    });

  program
    .command('rules')
    .description('list the rules that run here: what they find, better words, sources')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--category <name>', 'only this category').choices([...RULE_CATEGORIES]))
    .option('--lang <code>', 'only rules for this language (nl, en)')
    .option('-c, --config <file>', 'use this config file instead of the nearest .eindred.yaml')
    .option('--no-config', 'ignore .eindred.yaml files: all built-in packs')
    .option(
      '-p, --pack <pack>',
      "list this pack instead of the config's (repeatable): a .yaml file, a folder of them, builtin, or builtin:<name>",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--color', 'force coloured output')
    .option('--no-color', 'no colours (also when NO_COLOR is set)')
    .addHelpText('after', RULES_HELP)
    .action(async (options: RulesOptions) => {
      exit.code = await runRules(options, terminal);
    });

  program
    .command('explain')
    .description('explain a rule: what it looks for, why, what to write instead, and its examples')
    .argument('<ruleId>', 'the id of a rule, as reports show it (nl.bias.allochtoon)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .option('-c, --config <file>', 'use this config file instead of the nearest .eindred.yaml')
    .option('--no-config', 'ignore .eindred.yaml files: all built-in packs')
    .option('-p, --pack <pack>', 'look in this pack instead of the config’s (repeatable)', collect)
    .option('--color', 'force coloured output')
    .option('--no-color', 'no colours (also when NO_COLOR is set)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ eindred explain nl.bias.allochtoon\n  $ eindred explain en.claims.unsourced-claim --format json\n',
    )
    .action(async (id: string, options: ExplainOptions) => {
      exit.code = await (await import('./explain.js')).runExplain(id, options, terminal);
    });

  program
    .command('init')
    .description('write a commented .eindred.yaml in this folder, with the schema line editors use')
    .option('--force', 'replace an existing .eindred.yaml')
    .action(async (options: { force?: boolean }) => {
      exit.code = (await import('./init.js')).runInit(options, terminal);
    });

  program
    .command('test-pack')
    .description("validate rule packs and run their examples: every 'flag' must be flagged, no 'pass' may be")
    .argument('<packs...>', 'pack files (.yaml)')
    .option('--color', 'force coloured output')
    .option('--no-color', 'no colours (also when NO_COLOR is set)')
    .addHelpText(
      'after',
      '\nExit codes: 0 every example behaves, 1 an example does not, 2 a pack is broken.\n\nExample:\n  $ eindred test-pack packs/huisstijl.yaml\n',
    )
    .action(async (files: string[], options: { color?: boolean }) => {
      exit.code = await (await import('./test-pack.js')).runTestPack(files, options, terminal);
    });

  return program;
}

/** Run the CLI; returns the exit code. The only place that turns errors into exit codes. */
/**
 * Run the CLI; returns the exit code. The only place that turns errors into exit codes. `--debug`
 * (anywhere on the command line, or EINDRED_DEBUG=1) adds the stack trace to any error.
 */
export async function main(args: readonly string[]): Promise<number> {
  const debug = args.includes('--debug') || Boolean(process.env.EINDRED_DEBUG);
  const argv = args.filter((arg) => arg !== '--debug');
  const terminal = processTerminal();
  terminal.handleSignals();
  const exit = { code: 0 };
  const program = buildProgram(terminal, exit);
  const stack = (error: unknown): string => (debug && error instanceof Error && error.stack ? `\n${error.stack}` : '');
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof PackError) {
      terminal.warn(
        `a rule pack or config has problems, so nothing was checked:\n${error.issues
          .map((issue) => `  ${PackError.format(issue)}`)
          .join('\n')}${stack(error)}`,
      );
      return 2;
    }
    if (error instanceof UsageError) {
      terminal.warn(`${error.message}\n(run eindred --help for usage)${stack(error)}`);
      return 2;
    }
    terminal.warn(
      `internal error: ${(error as Error).message}\n` +
        (debug ? `${(error as Error).stack}\n` : '(run again with --debug for the details) ') +
        'This is a bug in eindred: please report it to its maintainers, with the command you ran, the output of eindred --version and, if you can, the file it happened on.',
    );
    return 2;
  }
}
