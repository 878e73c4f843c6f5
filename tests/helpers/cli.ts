import { main } from '../../lib/cli/main';

/** Runs the CLI in-process and captures what it writes to stdout and stderr. */
export async function runCli(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { write: (s: string) => ((out += s), true) } as never, { write: (s: string) => ((err += s), true) } as never);
  return { code, out, err };
}
