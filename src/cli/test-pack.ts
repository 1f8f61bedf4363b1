import { Chalk } from 'chalk';
import { runExamples } from '../packs/examples.js';
import { parsePack } from '../packs/pack.js';
import { UsageError, type Terminal } from './terminal.js';

/**
 * `eindred test-pack <pack.yaml…>`: validate packs and run their examples, the test runner pack
 * authors need. Exit 0 when every example behaves, 1 when one does not, 2 for a broken pack (the
 * PackError goes up to main, which prints where and what).
 */
export async function runTestPack(files: string[], options: { color?: boolean }, terminal: Terminal): Promise<number> {
  const c = new Chalk({ level: (options.color ?? terminal.colorByDefault) ? 1 : 0 });
  let failed = 0;
  let checked = 0;
  for (const file of files) {
    const source = terminal.readFile(file);
    if (source === null) throw new UsageError(`no pack at ${file}`);
    const pack = await parsePack(source, file);
    const result = await runExamples(pack);
    checked += result.checked;
    failed += result.failures.length;
    const without = pack.rules.filter((rule) => rule.examples.flag.length === 0).map((rule) => rule.id);
    terminal.write(
      `${c.underline(file)}  ${pack.name} (${pack.language}): ${pack.rules.length} rules, ${result.checked} examples\n`,
    );
    for (const failure of result.failures) {
      terminal.write(`  ${c.red('✖')} ${failure.ruleId}  ${failure.kind}: “${failure.text}”\n      ${failure.problem}\n`);
    }
    if (without.length > 0) terminal.write(c.dim(`  rules without a flag example: ${without.join(', ')}\n`));
  }
  terminal.write(
    failed === 0
      ? `${c.green('✔')} all ${checked} examples behave\n`
      : `${c.red('✖')} ${failed} of ${checked} examples do not behave\n`,
  );
  return failed === 0 ? 0 : 1;
}
