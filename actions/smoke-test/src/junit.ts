/**
 * The JUnit XML report, in the shape test-report tools read (dorny/test-reporter,
 * mikepenz/action-junit-report, GitLab): one suite, one testcase per check, `<failure>` with the
 * failed assertion as its type, `<skipped>` for checks that did not run.
 */
import type { SecretRegistry } from '@deploy-suite/core/secrets';
import type { CheckResult } from './run-checks.ts';

/** Characters XML 1.0 cannot hold at all, even escaped. */
const INVALID_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(text: string): string {
  return escapeXml(text);
}

function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

export function renderJunit(
  results: readonly CheckResult[],
  options: { suite?: string; elapsed: number; timestamp: Date; secrets?: Pick<SecretRegistry, 'scrub'> },
): string {
  // Secrets are scrubbed before escaping: `p&ss<w>rd` escaped first would no longer match.
  const scrub = options.secrets?.scrub.bind(options.secrets) ?? ((text: string) => text);
  const xmlEscape = (text: string): string => escapeXml(scrub(text));
  const suite = options.suite ?? 'smoke-test';
  const failures = results.filter((r) => r.outcome === 'failed').length;
  const skipped = results.filter((r) => r.outcome === 'skipped').length;
  const counts = `tests="${results.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(options.elapsed)}"`;
  const stamp = options.timestamp.toISOString().replace(/\.\d+Z$/, '');
  const cases = results.map((r) => {
    const open = `    <testcase name="${xmlEscape(r.check.name)}" classname="${xmlEscape(suite)}" time="${seconds(r.duration)}">`;
    if (r.outcome === 'passed') return `${open}</testcase>`;
    if (r.outcome === 'skipped')
      return `${open}\n      <skipped message="${xmlEscape(r.skipped ?? 'skipped')}"/>\n    </testcase>`;
    const first = r.failures[0];
    const answered = r.status === undefined ? 'no answer' : `${r.status} in ${Math.round(r.latency ?? 0)}ms`;
    const detail = [
      `${r.method} ${r.url} → ${answered} (${r.attempts} attempt${r.attempts === 1 ? '' : 's'})`,
      ...r.failures.map((f) => `${f.assertion}: ${f.message}`),
    ].join('\n');
    return `${open}\n      <failure message="${xmlEscape(first?.message ?? 'failed')}" type="${xmlEscape(first?.assertion ?? 'failure')}">${xmlEscape(detail)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlEscape(suite)}" ${counts}>`,
    `  <testsuite name="${xmlEscape(suite)}" ${counts} timestamp="${stamp}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
