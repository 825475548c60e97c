/** The job summary: the counts, then one table of every finding (escaped by report.ts). */
import { code, Summary } from '@deploy-suite/core/report';
import type { Report } from './validate.ts';

const ICON = { error: '❌ error', warning: '⚠️ warning' } as const;

export function renderSummary(report: Report): Summary {
  const ok = report.errors === 0 && report.warnings === 0;
  const summary = new Summary().heading(
    `Validate${report.environment ? ` (${report.environment})` : ''}: ${ok ? 'ready ✅' : report.errors > 0 ? 'not ready ❌' : 'ready, with warnings ⚠️'}`,
    3,
  );
  const scan = report.checked.secretScan;
  summary.paragraph(
    `${report.errors} error(s), ${report.warnings} warning(s). Checked ${report.checked.variables} declared variable(s) from ${report.sources.join(', ')}` +
      `${report.checked.configFiles.length ? `, ${report.checked.configFiles.join(', ')}` : ''}` +
      `${scan ? `, ${scan.files} tracked file(s) for secrets${scan.commits ? ` and ${scan.commits} pull-request commit(s)` : ''}` : ''}.`,
  );
  if (report.healthcheckPath)
    summary.paragraph('Suggested health-gate path (Railway deploy.healthcheckPath):', code(report.healthcheckPath));
  if (report.findings.length > 0) {
    summary.table(
      ['severity', 'what', 'where', 'finding', 'rule'],
      report.findings.map((f) => [
        ICON[f.severity],
        f.variable ? `${f.variable}${f.service ? ` (${f.service})` : ''}` : f.kind,
        f.file ? `${f.file}${f.line !== undefined ? `:${f.line}` : ''}` : (f.source ?? ''),
        f.message,
        f.rule,
      ]),
    );
  }
  return summary;
}
