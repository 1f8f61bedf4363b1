import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/corpora-notice.ts'],
    // CLI tests spawn the built binary; the corpus tests read megabytes of text.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
