/**
 * validate in the input fuzz test: a clean seed repository whose values file holds the canary as
 * a variable value. The harness allows exit 0 with no ::error:: or one clean ::error::, and every
 * finding is an annotation, so the fixture has none to find whatever the inputs: the values pass
 * every rule (the canary breaking a rule is tested in validate.test.ts), and `sources` stays on
 * the values file (its parsing is tested there too).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanValues, createSeedRepo, dotenvText } from '../fixtures/validate/seed-repo.ts';
import { describeInputFuzz } from '../harness/fuzz.ts';

describeInputFuzz({
  action: 'validate',
  async start(canary) {
    const repo = createSeedRepo({ planted: false });
    const key = `${canary}-${'k'.repeat(40)}`;
    writeFileSync(join(repo.dir, repo.valuesFile), dotenvText({ ...cleanValues(), DJANGO_SECRET_KEY: key }));
    return {
      valid: {
        'working-directory': repo.dir,
        schema: '.github/deploy-env.yml',
        'env-example': '.env.example',
        environment: 'production',
        services: 'backend, worker',
        'scan-secrets': 'true',
        'check-config': 'true',
        'fail-on': 'never',
      },
      secrets: [canary],
      close: async () => rmSync(repo.dir, { recursive: true, force: true }),
    };
  },
  // A random report path would write anywhere on the machine; its errors are covered in validate.test.ts.
  fixed: { report: '', sources: 'dotenv:deploy/production.env' },
});
