/**
 * Runs the Python clients' unittest suite (clients/python/tests) under /usr/bin/python3, so that
 * `npm test` covers them: the suite starts real `rewards serve` processes (from dist/, which
 * `npm test`'s pretest builds) on ephemeral ports. The unittest output is printed; a failing or
 * erroring Python test fails this test.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tests = `${root}clients/python/tests`;

/** Run a command, collecting stdout and stderr together. */
function run(cmd: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('Python clients (clients/python)', () => {
  it('unittest discover passes under /usr/bin/python3', async () => {
    const { code, output } = await run('/usr/bin/python3', ['-m', 'unittest', 'discover', '-v', '-s', tests, '-t', tests]);
    console.log(output);
    expect(output).toMatch(/\nRan \d+ tests? in /);
    expect(code, `python unittest failed:\n${output.slice(-6000)}`).toBe(0);
  }, 600_000);
});
