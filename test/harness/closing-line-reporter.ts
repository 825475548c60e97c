/**
 * Ends a test run with one plain line, `N passed, N failed` (and `, N skipped`), that any CI log
 * reader understands, after vitest's own summary.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { leftoverTempFolders } from '../support/temp-root.ts';

export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      // A file that failed to load counts as a failure even though it ran no test.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) counts.failed++;
    }
    counts.failed += unhandledErrors.length;
    const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
    // A warning, not a failure: the verdict stays the tests' own; printed here so the count stays last.
    const left = leftoverTempFolders();
    if (left) process.stdout.write(`\n⚠ temp folders left by tests: ${left}\n`);
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed${skipped}\n`);
  }
}
