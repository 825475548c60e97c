import { describe, expect, it } from 'vitest';
import { maskVariables, shouldMask } from '../../../packages/core/src/variable-masking.ts';
import { makeCanary } from '../../../packages/harness/src/canary.ts';
import { captureRunner } from '../../support/capture-runner.ts';

describe('which variable values are masked', () => {
  it.each([
    ['SECRET', 'production', 'the name says secret, whatever the value'],
    ['DJANGO_SECRET_KEY', 'django-insecure-abc', 'the name says secret'],
    ['PGPASSWORD', 'hunter2', 'the name says password'],
    ['API_KEY', 'abcd', 'the name says key'],
    ['SENTRY_DSN', 'https://abc@o1.ingest.sentry.io/1', 'the name says dsn'],
    ['SESSION_COOKIE_NAME', 'sid', 'the name says session, even for a short value'],
    ['RAILWAY_TOKEN', 'true', 'a Railway variable whose name says token'],
    ['VERCEL_AUTOMATION_BYPASS_SECRET', 'abc', 'a Vercel variable whose name says secret'],
    ['DB_PIN', '4821', 'pin as a word of the name'],
    ['DATABASE_URL', 'postgres://u:p@h/db', 'the URL carries credentials'],
    ['RAILWAY_DATABASE', 'postgres://u:p@h/db', 'a Railway variable carrying URL credentials'],
    ['STRIPE', 'sk_live_51Habc', 'a Stripe key prefix under a plain name'],
    ['GH', 'ghp_abcdefghijklmnop', 'a GitHub token prefix'],
    ['SLACK', 'xoxb-123-456-abc', 'a Slack token prefix'],
    ['VERCEL_SOMETHING', 'sk_live_51Habc', 'a token prefix under a Vercel name'],
    ['UPSTREAM', 'a8f3k29dmx74qpz1', '16 characters of letters and digits'],
    ['DEPLOY_HOOK', '3f2a9c1e-7b4d-4e8a-9c2f-0d1e2f3a4b5c', 'a UUID'],
    ['APP_NAME', 'shop', 'anything else: it could be a password'],
    ['MOTTO', 'debugging', 'anything else, even near a common word'],
    ['TAG', 'v1.2.3-secretsauce-of-the-day', 'not a release number past its suffix limit'],
    ['GREETING', 'hello world', 'anything else, even with spaces'],
    ['ACCOUNT_NUMBER', '12345678901', 'a number longer than 6 digits'],
    ['CANARY', makeCanary('canary'), 'a canary'],
    ['CANARY_SPACED', makeCanary('c', 'spaced'), 'a canary with spaces'],
    ['CANARY_HTML', makeCanary('c', 'html'), 'a canary with markup'],
  ])('masks %s=%s: %s', (name, value) => {
    expect(shouldMask(name, value)).toBe(true);
  });

  it.each([
    ['PORT', '8080', 'a number'],
    ['WEB_CONCURRENCY', '4', 'a number'],
    ['TIMEOUT', '2.5', 'a decimal'],
    ['NODE_ENV', 'production', 'an environment name'],
    ['APP_ENV', 'Staging', 'an environment name in any case'],
    ['VERCEL_ENV', 'preview', 'an environment name'],
    ['DEBUG', 'false', 'a boolean'],
    ['FEATURE_X', 'on', 'a boolean'],
    ['CI', '1', 'a boolean'],
    ['NEXT_PUBLIC_REGION', 'eu', 'under 4 characters'],
    ['EMPTY', '', 'empty'],
    ['RELEASE', '8.0.0', 'a release number'],
    ['APP_VERSION', 'v2.1.0-rc.1', 'a release number with a pre-release'],
    ['LOG_LEVEL', 'debug', 'a log level'],
    ['OUTPUT', 'JSON', 'a switch word'],
    ['RAILWAY_SERVICE_NAME', 'api', 'a Railway system variable'],
    ['RAILWAY_ENVIRONMENT_NAME', 'production', 'a Railway system variable'],
    ['RAILWAY_PUBLIC_DOMAIN', 'api-production.up.railway.app', 'a Railway system variable'],
    ['RAILWAY_PROJECT_ID', '3f2a9c1e-7b4d-4e8a-9c2f-0d1e2f3a4b5c', 'a Railway id, logged by later steps'],
    ['RAILWAY_GIT_COMMIT_SHA', '4b9df37aa8c1f0e2d3b4c5d6e7f8091a2b3c4d5e', 'the commit, logged by later steps'],
    ['VERCEL_URL', 'web-abc123.vercel.app', 'a Vercel system variable'],
  ])('leaves %s=%s readable: %s', (name, value) => {
    expect(shouldMask(name, value)).toBe(false);
  });
});

describe('masking a set of variables', () => {
  it('masks only the values that may be credentials and names the readable ones, never their values', () => {
    const c = captureRunner();
    const result = maskVariables(c.runner, [
      ['PORT', '8080'],
      ['RAILWAY_SERVICE_NAME', 'api'],
      ['RAILWAY_ENVIRONMENT_NAME', 'production'],
      ['DATABASE_URL', 'postgres://u:pw-x9@h/db'],
      ['STRIPE', 'sk_live_51Habc'],
      ['APP_NAME', 'shopfront'],
    ]);
    expect(result).toEqual({
      total: 6,
      masked: 3,
      readable: ['PORT', 'RAILWAY_ENVIRONMENT_NAME', 'RAILWAY_SERVICE_NAME'],
      line: 'Masked 3 of 6 variables; readable: PORT, RAILWAY_ENVIRONMENT_NAME, RAILWAY_SERVICE_NAME',
    });
    const masks = c
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('::add-mask::'));
    expect(masks).toContain('::add-mask::postgres://u:pw-x9@h/db');
    expect(masks).toContain('::add-mask::sk_live_51Habc');
    expect(masks).toContain('::add-mask::shopfront');
    for (const readable of ['8080', 'api', 'production']) expect(masks).not.toContain(`::add-mask::${readable}`);
  });

  it('says when nothing is left readable', () => {
    expect(maskVariables(captureRunner().runner, [['SECRET_KEY', 'x']]).line).toBe('Masked 1 of 1 variable; readable: none');
  });
});
