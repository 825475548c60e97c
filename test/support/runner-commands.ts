/**
 * Which workflow commands the runner would execute in a step's output: a port of the rules of
 * the runner's command processor (actions/runner, ActionCommandManager and ActionCommand), so
 * tests can check that outside text never becomes a command.
 * - Lines end at `\n`, `\r\n` or `\r`.
 * - `::name props::data` is a command when the line starts with it, after leading whitespace.
 * - `##[name props]data` (the older form) is a command wherever it appears in the line.
 * - Only known command names count.
 * - After `::stop-commands::TOKEN` nothing is a command until `::TOKEN::`.
 */

const KNOWN = new Set([
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
]);

export interface RunnerCommand {
  name: string;
  properties: string;
  /** Still escaped, as the runner receives it. */
  data: string;
}

function parseV2(line: string, known: ReadonlySet<string>): RunnerCommand | undefined {
  const text = line.trimStart();
  if (!text.startsWith('::')) return undefined;
  const end = text.indexOf('::', 2);
  if (end === -1) return undefined;
  const info = text.slice(2, end);
  const space = info.indexOf(' ');
  const name = space === -1 ? info : info.slice(0, space);
  if (!known.has(name)) return undefined;
  return { name, properties: space === -1 ? '' : info.slice(space + 1), data: text.slice(end + 2) };
}

function parseV1(line: string, known: ReadonlySet<string>): RunnerCommand | undefined {
  const start = line.indexOf('##[');
  if (start === -1) return undefined;
  const close = line.indexOf(']', start);
  if (close === -1) return undefined;
  const info = line.slice(start + 3, close);
  const space = info.indexOf(' ');
  const name = space === -1 ? info : info.slice(0, space);
  if (!known.has(name)) return undefined;
  return { name, properties: space === -1 ? '' : info.slice(space + 1), data: line.slice(close + 1) };
}

/** The commands the runner executes, in order (stop and resume included). */
export function runnerCommands(log: string): RunnerCommand[] {
  const executed: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const line of log.split(/\r\n|\r|\n/)) {
    if (stopToken !== undefined) {
      const only = new Set([stopToken]);
      if (parseV2(line, only) ?? parseV1(line, only)) stopToken = undefined;
      continue;
    }
    const command = parseV2(line, KNOWN) ?? parseV1(line, KNOWN);
    if (!command) continue;
    executed.push(command);
    if (command.name === 'stop-commands') stopToken = command.data;
  }
  return executed;
}

/** The runner's unescaping of command data. */
export function unescapeData(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
