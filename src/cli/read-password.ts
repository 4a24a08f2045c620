import readline from 'node:readline';

/**
 * Reads a password: the first line of standard input when it is piped, or a hidden prompt
 * (asked twice) on a terminal. Rejects when nothing was given or the two entries differ.
 */
export async function readPassword(stdin: NodeJS.ReadStream, err: (line: string) => void): Promise<string> {
  if (!stdin.isTTY) {
    const line = await firstLine(stdin);
    if (!line) throw new Error('No password on standard input; pipe it in, e.g. `echo "$PASSWORD" | broadside user create …`');
    return line;
  }
  const first = await prompt(stdin, 'Password: ', err);
  const second = await prompt(stdin, 'Repeat password: ', err);
  if (first !== second) throw new Error('The two passwords differ; nothing was created.');
  return first;
}

async function firstLine(stdin: NodeJS.ReadStream): Promise<string> {
  const rl = readline.createInterface({ input: stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

function prompt(stdin: NodeJS.ReadStream, question: string, err: (line: string) => void): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: stdin, output: process.stderr, terminal: true });
    // Echo nothing while the password is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => {
      if (s.includes(question)) process.stderr.write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      err('');
      resolve(answer);
    });
  });
}
