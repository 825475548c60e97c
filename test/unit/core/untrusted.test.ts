import { describe, expect, it } from 'vitest';
import {
  excerpt,
  type LineWriter,
  quote,
  truncate,
  UntrustedStream,
  untrustedBlock,
} from '../../../packages/core/src/untrusted.ts';
import { captureRunner } from '../../support/capture-runner.ts';
import { runnerCommands } from '../../support/runner-commands.ts';

/** A scrubber that knows only the exact secret: it shows whether scrubbing came first. */
const exactly = (secret: string) => ({ scrub: (text: string) => text.split(secret).join('***') });

const HOSTILE = [
  '::set-output name=healthy::true',
  '  ::stop-commands::attacker',
  '::add-mask::nothing',
  'progress ##[set-output name=healthy;]true',
  '::endgroup::',
  '::error::spoofed',
];

describe('untrusted text', () => {
  it('cuts at most max characters, with an ellipsis, never inside a surrogate pair', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('ab😀cd', 5)).toBe('ab😀…');
  });

  it('scrubs an excerpt before folding its whitespace', () => {
    expect(excerpt('token: Canary  two  spaces\tend', exactly('Canary  two  spaces'))).toBe('token: *** end');
    expect(excerpt('tab:\tsec\t\tret', exactly('sec\t\tret'))).toBe('tab: ***');
  });

  it('scrubs an excerpt before cutting it, so no prefix of a secret shows', () => {
    const secret = 'S3cr3t-abcdefghijklmnop';
    const text = `${'x'.repeat(15)}${secret}${'y'.repeat(50)}`;
    expect(excerpt(text, exactly(secret), 25)).toBe(`${'x'.repeat(15)}***${'y'.repeat(6)}…`);
    expect(excerpt(text, exactly(secret), 25)).not.toContain('S3cr');
  });

  it('quotes outside text so no part of it is a command on any line', () => {
    const runner = captureRunner().runner;
    let out = '';
    for (const text of HOSTILE) out += `Served version: ${quote(`old\n${text}\r${text}`, runner.secrets)}\n`;
    expect(runnerCommands(out)).toEqual([]);
    expect(JSON.parse(quote('a ##[set-output]b', runner.secrets))).toBe('a ##[set-output]b');
  });

  it('writes outside lines inside a stop-commands block: none of them is a command', () => {
    const c = captureRunner();
    untrustedBlock(c.runner, HOSTILE);
    c.runner.warning('our own warning');
    const commands = runnerCommands(c.stdout());
    expect(commands.map((command) => command.name)).toEqual(['stop-commands', 'warning']);
    expect(commands[1]?.data).toBe('our own warning');
  });

  it('uses a fresh random token for every block', () => {
    const c = captureRunner();
    untrustedBlock(c.runner, ['one']);
    untrustedBlock(c.runner, ['two']);
    const tokens = runnerCommands(c.stdout()).map((command) => command.data);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokens[0]).not.toBe(tokens[1]);
  });

  it('closes a streamed block around our own commands, so a mask or warning issued meanwhile still works', () => {
    const c = captureRunner();
    const stream = new UntrustedStream(c.runner);
    stream.line('::set-output name=a::1');
    c.runner.setSecret('late-secret-value');
    stream.line('::set-output name=b::2 late-secret-value');
    c.runner.warning('halfway');
    stream.line('::set-output name=c::3');
    stream.close();
    stream.close();
    const names = runnerCommands(c.stdout())
      .map((command) => command.name)
      .filter((name, i, all) => name !== all[i - 1]);
    expect(names).toEqual(['stop-commands', 'add-mask', 'stop-commands', 'warning', 'stop-commands']);
    expect(c.stdout()).toContain('::set-output name=b::2 ***');
    expect(c.stdout().trimEnd().split('\n').at(-1)).toMatch(/^::[0-9a-f-]{36}::$/);
  });

  it('keeps a plain line writer safe too, with a token of its own', () => {
    let out = '';
    const writer: LineWriter = { info: (line) => (out += `${line}\n`) };
    untrustedBlock(writer, HOSTILE);
    expect(runnerCommands(out).map((command) => command.name)).toEqual(['stop-commands']);
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^::[0-9a-f-]{36}::$/);
  });
});
