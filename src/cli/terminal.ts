/** What the CLI needs from the process; everything else in eindred stays free of it. */
export interface Terminal {
  cwd: string;
  /** Colours unless the output is not a terminal, NO_COLOR is set or TERM is dumb. */
  colorByDefault: boolean;
  write(text: string): void;
  warn(text: string): void;
  readStdin(): Promise<Uint8Array>;
}

/** A mistake in how eindred was called: one line of help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function processTerminal(): Terminal {
  const env = process.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const colorByDefault = forced || (Boolean(process.stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb');
  return {
    cwd: process.cwd(),
    colorByDefault: env.NO_COLOR !== undefined && env.NO_COLOR !== '' ? false : colorByDefault,
    write: (text) => {
      if (text) process.stdout.write(text);
    },
    warn: (text) => {
      process.stderr.write(`eindred: ${text}\n`);
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}
