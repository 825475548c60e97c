/**
 * What a Railway deployment status means for a step waiting on it (see the design's API facts):
 * SUCCESS and SLEEPING (a serverless service asleep after a good deploy) succeed; FAILED and
 * CRASHED fail; REMOVED and SKIPPED end with nothing live from this deployment; anything else is
 * still on its way.
 */
export type Verdict = 'success' | 'failure' | 'gone' | 'pending';

export function classifyStatus(status: string): Verdict {
  switch (status) {
    case 'SUCCESS':
    case 'SLEEPING':
      return 'success';
    case 'FAILED':
    case 'CRASHED':
      return 'failure';
    case 'REMOVED':
    case 'SKIPPED':
      return 'gone';
    default:
      return 'pending';
  }
}

export function isFinal(status: string): boolean {
  return classifyStatus(status) !== 'pending';
}

/** The public URL of a domain; loopback hosts (the local sandbox) are served over plain http. */
export function urlOfDomain(domain: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain)) return domain;
  const host = domain.replace(/:\d+$/, '');
  return `${host === 'localhost' || host === '127.0.0.1' || host === '[::1]' ? 'http' : 'https'}://${domain}`;
}
