/**
 * rollback in the fault matrix (both providers) and the input fuzz test. Each fault run starts
 * from v1 then v2 live; a success must really have brought v1 back. The token is the canary.
 */
import { describe } from 'vitest';
import { describeFaultMatrix } from '../harness/fault-matrix.ts';
import { describeInputFuzz } from '../harness/fuzz.ts';
import { startRailwayWorld, startVercelWorld } from '../unit/rollback/worlds.ts';

describe('Railway', () =>
  describeFaultMatrix({
    action: 'rollback',
    async start(canary) {
      const world = await startRailwayWorld(canary);
      return {
        inputs: {
          provider: 'railway',
          token: canary,
          'api-url': world.rw.url,
          services: 'api',
          reason: 'fault matrix',
          timeout: '30s',
          'request-timeout': '2s',
        },
        target: world.rw.server,
        path: '/graphql/v2',
        succeeded: async () => (await world.served('api')) === '1.0.0',
        reset: async () => {
          world.reset();
          await world.deploy('api', '1.0.0');
          await world.deploy('api', '2.0.0');
        },
        close: () => world.close(),
      };
    },
  }));

describe('Vercel', () =>
  describeFaultMatrix({
    action: 'rollback',
    async start(canary) {
      const world = await startVercelWorld(canary);
      let v1 = '';
      return {
        inputs: {
          provider: 'vercel',
          token: canary,
          'api-url': world.vercel.url,
          'team-id': 'team_acme',
          'project-id': 'web',
          timeout: '30s',
          'request-timeout': '2s',
        },
        target: world.vercel,
        path: '/v',
        succeeded: async () => (await world.production('web')) === v1 && (await world.served('prj_web')) === '1.0.0',
        reset: async () => {
          world.reset();
          v1 = await world.deploy('web', '1.0.0');
          await world.deploy('web', '2.0.0');
        },
        close: () => world.close(),
      };
    },
  }));

describeInputFuzz({
  action: 'rollback',
  async start(canary) {
    const world = await startRailwayWorld(canary);
    const v1 = await world.deploy('api', '1.0.0');
    await world.deploy('api', '2.0.0');
    return {
      valid: {
        provider: 'railway',
        token: canary,
        'api-url': world.rw.url,
        services: 'api',
        to: v1,
        environment: 'production',
        reason: 'fuzz',
        wait: 'true',
      },
      secrets: [canary],
      close: () => world.close(),
    };
  },
  fixed: { timeout: '10s', 'request-timeout': '2s' },
});
