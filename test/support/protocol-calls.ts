/**
 * One script of runner-protocol calls, made through @actions/core (the oracle) or through our
 * Runner, in a process of its own: `node protocol-calls.ts core|runner`. The differential test
 * runs it both ways against fresh GITHUB_* files and compares stdout and every file byte for byte.
 * Both implementations write to process.stdout and read process.env, as a step does.
 */
import { Summary } from '../../packages/core/src/report.ts';
import { Runner } from '../../packages/core/src/runner.ts';

interface Annotation {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** What the script needs of an implementation; each method maps to one public call. */
interface Protocol {
  info(message: string): void;
  debug(message: string): void;
  setSecret(value: string): void;
  setOutput(name: string, value: string | number | boolean): void;
  exportVariable(name: string, value: string): void;
  saveState(name: string, value: string): void;
  addPath(path: string): void;
  warning(message: string, properties?: Annotation): void;
  error(message: string, properties?: Annotation): void;
  notice(message: string, properties?: Annotation): void;
  startGroup(name: string): void;
  endGroup(): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Heading, table, list and code block, then written to the summary file in one go. */
  summary(parts: { heading: string; table: string[][]; list: string[]; code: string; raw: string }): Promise<void>;
}

async function oracle(): Promise<Protocol> {
  const core = await import('@actions/core');
  return {
    info: core.info,
    debug: core.debug,
    setSecret: core.setSecret,
    setOutput: core.setOutput,
    exportVariable: core.exportVariable,
    saveState: core.saveState,
    addPath: core.addPath,
    warning: (m, p) => core.warning(m, p),
    error: (m, p) => core.error(m, p),
    notice: (m, p) => core.notice(m, p),
    startGroup: core.startGroup,
    endGroup: core.endGroup,
    group: core.group,
    summary: async (s) => {
      const [header = [], ...rows] = s.table;
      await core.summary
        .addHeading(s.heading, 2)
        .addTable([header.map((data) => ({ data, header: true })), ...rows])
        .addList(s.list)
        .addCodeBlock(s.code)
        .addRaw(s.raw)
        .write();
    },
  };
}

function ours(): Protocol {
  const runner = new Runner();
  return {
    info: (m) => runner.info(m),
    debug: (m) => runner.debug(m),
    setSecret: (v) => runner.setSecret(v),
    setOutput: (n, v) => runner.setOutput(n, v),
    exportVariable: (n, v) => runner.exportVariable(n, v),
    saveState: (n, v) => runner.saveState(n, v),
    addPath: (p) => runner.addPath(p),
    warning: (m, p) => runner.warning(m, p),
    error: (m, p) => runner.error(m, p),
    notice: (m, p) => runner.notice(m, p),
    startGroup: (n) => runner.startGroup(n),
    endGroup: () => runner.endGroup(),
    group: (n, fn) => runner.group(n, fn),
    summary: async (s) => {
      const [header = [], ...rows] = s.table;
      const summary = new Summary().heading(s.heading, 2).table(header, rows).list(s.list).codeBlock(s.code);
      summary.write(runner);
      runner.appendSummary(s.raw);
    },
  };
}

/** A token the script registers as a secret and then passes on through outputs and env. */
export const SECRET = 'tok-3f9a77c2e1d04b5c';

export async function script(p: Protocol): Promise<void> {
  p.info('Starting: 50% of "quotes", colons: and, commas');
  p.debug('a debug line\nwith a second line\r\nand a third % sign');
  p.setSecret(SECRET);
  p.setSecret('multi-line %\nkey: value, with colons');
  p.setOutput('report', '{"a":1}\nline two\r\nline three\n');
  p.setOutput('count', 3);
  p.setOutput('healthy', true);
  p.setOutput('empty', '');
  p.setOutput('unicode', 'café ☃ 💥');
  // Outputs and exported variables feed later steps: they carry real values, secrets included.
  p.setOutput('passed-on', `Bearer ${SECRET}`);
  p.exportVariable('DEPLOY_TOKEN', SECRET);
  p.exportVariable('MULTI_LINE', 'first\nsecond');
  p.saveState('cleanup-pid', '4242');
  p.saveState('note', 'a: b, c\n%');
  p.addPath('/opt/tool one/bin');
  p.warning('every property', {
    title: 'a: b, c % d\ne',
    file: 'src/a b.ts',
    startLine: 3,
    endLine: 5,
    startColumn: 7,
    endColumn: 9,
  });
  p.error('line only\nsecond line', { file: 'x.ts', startLine: 12 });
  p.notice('no properties');
  p.error('empty properties', {});
  p.startGroup('Phase: one, two');
  p.info('inside the group');
  p.endGroup();
  await p.group('Async phase', async () => p.info('inside the async group'));
  await p.summary({
    heading: 'Deploy summary',
    table: [
      ['check', 'result'],
      ['health', 'passed'],
      ['smoke', 'failed'],
    ],
    list: ['first', 'second'],
    code: 'npm test',
    raw: '<p>raw markup</p>\n',
  });
  p.info(`PATH now starts with ${process.env.PATH?.split(':')[0]}`);
  p.info(`DEPLOY_TOKEN is set: ${process.env.DEPLOY_TOKEN !== undefined}`);
}

if (import.meta.main) {
  const which = process.argv[2];
  await script(which === 'core' ? await oracle() : ours());
}
