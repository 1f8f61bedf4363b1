import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** vitest globalSetup: one notice for the whole run when the corpus tests will be skipped. */
export default function setup(): void {
  const corpora = fileURLToPath(new URL('../../shared/corpora/', import.meta.url));
  if (!existsSync(corpora)) {
    console.warn(`\nSkipping the tests on real text: ${corpora} is absent (it sits beside a development checkout).\n`);
  }
}
