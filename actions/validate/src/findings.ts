/**
 * What validate found, in one shape for the log (file/line annotations), the job summary (one
 * table, escaped) and the JSON report. A finding never carries a value: variable findings say
 * what is wrong, secret findings show the secret masked.
 */
import type { AnnotationProperties, Runner } from '@deploy-suite/core/runner';

export type Severity = 'error' | 'warning';
export type FindingKind = 'variable' | 'config' | 'secret';

export interface Finding {
  severity: Severity;
  kind: FindingKind;
  /** The rule that found it: `min-length`, `committed-env-file`, `@secretlint/secretlint-rule-aws`… */
  rule: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  variable?: string;
  service?: string;
  environment?: string;
  /** Where the value was read: `env`, `dotenv:.env.production`. */
  source?: string;
  /** A stable id of a found secret (a hash prefix), for the ignore file. */
  fingerprint?: string;
}

export function counts(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

/** Sorted for a stable report: errors first, then by file and line. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);
  return [...findings].sort(
    (a, b) => rank(a) - rank(b) || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0),
  );
}

/** The one-line text of a finding, as the log and the annotations show it. */
export function describe(f: Finding): string {
  const subject = f.variable
    ? `${f.variable}${f.service ? ` (service ${f.service})` : ''}${f.source ? ` from ${f.source}` : ''}: `
    : '';
  return `${subject}${f.message} [${f.rule}]`;
}

export function annotate(runner: Pick<Runner, 'error' | 'warning'>, f: Finding): void {
  const properties: AnnotationProperties = { title: `validate: ${f.kind}` };
  if (f.file) properties.file = f.file;
  if (f.line !== undefined) properties.startLine = f.line;
  if (f.column !== undefined) properties.startColumn = f.column;
  if (f.severity === 'error') runner.error(describe(f), properties);
  else runner.warning(describe(f), properties);
}
