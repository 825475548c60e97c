/**
 * Starts the Vercel emulator on 127.0.0.1. Give it the world's fleet so deployments make the
 * same sample apps serve that the other emulators and the tests see; without one it owns a fleet
 * of its own and closes it with the server.
 */
import { AppFleet } from '../fleet.ts';
import { type SandboxServer, startServer } from '../server.ts';
import { VercelEmulator } from './emulator.ts';

export { DEFAULT_VERCEL_TOKEN, type SeedRequest, VercelEmulator, type VercelTiming } from './emulator.ts';

export interface VercelSandbox extends SandboxServer<VercelEmulator> {
  fleet: AppFleet;
}

export async function startVercelEmulator(options: { fleet?: AppFleet; port?: number } = {}): Promise<VercelSandbox> {
  const fleet = options.fleet ?? new AppFleet();
  const server = await startServer(new VercelEmulator(fleet), options.port === undefined ? {} : { port: options.port });
  const closeServer = server.close;
  const close = async () => {
    server.emulator.reset();
    await closeServer();
    if (!options.fleet) await fleet.close();
  };
  return Object.assign(server, { fleet, close });
}
