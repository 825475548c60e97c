/** A secret made for one test run: it must never be readable anywhere the harness looks. */
import { randomBytes } from 'node:crypto';

export function makeCanary(label = 'canary'): string {
  return `${label}-${randomBytes(12).toString('hex')}`;
}
