/**
 * The secret detector: secretlint's recommended preset (AWS, GCP, GitHub, Slack, npm, OpenAI,
 * private keys, basic auth and database URLs with passwords, …) and, through secretlint's own
 * pattern rule, the live payment keys the preset does not cover. Loaded only when a scan runs.
 */
import type { lintSource } from '@secretlint/core';

export type SecretlintConfig = Parameters<typeof lintSource>[0]['options']['config'];

/**
 * Stripe's published key formats (live secret `sk_live_…`, restricted `rk_live_…` and webhook
 * signing secrets `whsec_…`), as gitleaks' `stripe-access-token` rule writes them. Test-mode keys
 * (`sk_test_…`) are not secrets of consequence and stay out.
 */
export const EXTRA_PATTERNS = [
  {
    name: 'Stripe live API key',
    patterns: ['/\\b(?:sk|rk)_live_[A-Za-z0-9]{10,99}\\b/'],
  },
  {
    name: 'Stripe webhook signing secret',
    patterns: ['/\\bwhsec_[A-Za-z0-9+/=]{24,}/'],
  },
];

export async function secretlintConfig(): Promise<SecretlintConfig> {
  const [{ creator: recommended }, { creator: pattern }, { secretLintProfiler }] = await Promise.all([
    import('@secretlint/secretlint-rule-preset-recommend'),
    import('@secretlint/secretlint-rule-pattern'),
    import('@secretlint/profiler'),
  ]);
  // secretlint's profiler keeps every performance mark of the process and, at each new one,
  // searches all it kept: quadratic in the files scanned (20,000 files took hours). Nothing here
  // reads its profile, so it records nothing.
  secretLintProfiler.mark = () => {};
  return {
    rules: [
      { id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended },
      { id: '@secretlint/secretlint-rule-pattern', rule: pattern, options: { patterns: EXTRA_PATTERNS } },
    ],
  };
}
