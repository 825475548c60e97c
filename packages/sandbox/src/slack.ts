/**
 * Slack incoming webhooks, as Slack answers them: `POST /services/T…/B…/<secret>` with a JSON
 * body (or a form with `payload=`), `200 ok` when taken, and Slack's plain-text error strings:
 * 400 `invalid_payload`, `no_text`, `invalid_blocks`, `invalid_blocks_format`,
 * `too_many_attachments`; 404 `no_service` for an unknown or revoked webhook; 429 `rate_limited`
 * with `Retry-After` past about one message a second (short bursts are allowed, as Slack does).
 */
import { randomBytes } from 'node:crypto';
import type { Emulator, Reply, SandboxRequest } from './server.ts';

export interface SlackMessage {
  webhook: string;
  payload: Record<string, unknown>;
  at: number;
}

interface RateLimit {
  perSecond: number;
  burst: number;
}

const BLOCK_TYPES = new Set([
  'section',
  'header',
  'context',
  'actions',
  'divider',
  'image',
  'rich_text',
  'markdown',
  'video',
  'file',
  'table',
]);

class BlockError extends Error {}

function textObject(value: unknown, where: string, max: number, plainOnly = false): void {
  const t = value as { type?: unknown; text?: unknown } | undefined;
  if (!t || typeof t !== 'object') throw new BlockError(`${where} must be a text object`);
  if (t.type !== 'plain_text' && (plainOnly || t.type !== 'mrkdwn'))
    throw new BlockError(`${where}.type must be ${plainOnly ? 'plain_text' : 'plain_text or mrkdwn'}`);
  if (typeof t.text !== 'string' || t.text.length === 0) throw new BlockError(`${where}.text must be a non-empty string`);
  if ([...t.text].length > max) throw new BlockError(`${where}.text must be at most ${max} characters`);
}

function checkElement(element: unknown, where: string): void {
  const e = element as Record<string, unknown>;
  if (!e || typeof e !== 'object' || typeof e.type !== 'string') throw new BlockError(`${where} must have a type`);
  if (e.type === 'button') {
    textObject(e.text, `${where}.text`, 75, true);
    if (e.url !== undefined && (typeof e.url !== 'string' || e.url.length > 3000))
      throw new BlockError(`${where}.url must be at most 3000 characters`);
  }
}

function checkBlocks(blocks: unknown, where: string): void {
  if (!Array.isArray(blocks)) throw new BlockError(`${where} must be an array`);
  if (blocks.length > 50) throw new BlockError(`${where} must hold at most 50 blocks`);
  blocks.forEach((block: Record<string, unknown>, i) => {
    const at = `${where}[${i}]`;
    if (!block || typeof block !== 'object' || !BLOCK_TYPES.has(block.type as string))
      throw new BlockError(`${at}.type is not a known block type`);
    switch (block.type) {
      case 'header':
        textObject(block.text, `${at}.text`, 150, true);
        break;
      case 'section': {
        if (block.text === undefined && block.fields === undefined) throw new BlockError(`${at} needs text or fields`);
        if (block.text !== undefined) textObject(block.text, `${at}.text`, 3000);
        if (block.fields !== undefined) {
          if (!Array.isArray(block.fields) || block.fields.length > 10)
            throw new BlockError(`${at}.fields must hold at most 10 items`);
          for (const [j, f] of block.fields.entries()) textObject(f, `${at}.fields[${j}]`, 2000);
        }
        break;
      }
      case 'context': {
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 10)
          throw new BlockError(`${at}.elements must hold 1 to 10 items`);
        block.elements.forEach((e, j) => {
          if ((e as { type?: string }).type !== 'image') textObject(e, `${at}.elements[${j}]`, 3000);
        });
        break;
      }
      case 'actions': {
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 25)
          throw new BlockError(`${at}.elements must hold 1 to 25 items`);
        for (const [j, e] of block.elements.entries()) checkElement(e, `${at}.elements[${j}]`);
        break;
      }
    }
  });
}

function plain(status: number, text: string, headers: Record<string, string> = {}): Reply {
  return { status, body: text, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } };
}

export class SlackEmulator implements Emulator {
  readonly name = 'slack';
  messages: SlackMessage[] = [];
  private webhooks = new Set<string>();
  private rate: RateLimit = { perSecond: 1, burst: 3 };
  private tokens = 3;
  private refilledAt = Date.now();
  rejected: Array<{ webhook: string; status: number; error: string }> = [];

  constructor() {
    this.reset();
  }

  /** The path of a new valid webhook; `base` is the server's URL. */
  createWebhook(): string {
    const path = `/services/T0SANDBOX/B${randomBytes(4).toString('hex').toUpperCase()}/${randomBytes(12).toString('hex')}`;
    this.webhooks.add(path);
    return path;
  }

  /** Registers a webhook at a path the test chose (a canary as its secret). */
  webhooksForTest(path: string): void {
    this.webhooks.add(path);
  }

  revokeWebhook(path: string): void {
    this.webhooks.delete(path);
  }

  reset(): void {
    this.messages = [];
    this.rejected = [];
    this.rate = { perSecond: 1, burst: 3 };
    this.tokens = this.rate.burst;
    this.refilledAt = Date.now();
  }

  state(): unknown {
    return { messages: this.messages, rejected: this.rejected, webhooks: [...this.webhooks] };
  }

  control(action: string, body: unknown): unknown {
    if (action === 'webhooks') return { path: this.createWebhook() };
    if (action === 'revoke') {
      this.revokeWebhook((body as { path: string }).path);
      return { revoked: true };
    }
    if (action === 'rate-limit') {
      const { perSecond = 1, burst = 3 } = body as Partial<RateLimit>;
      this.rate = { perSecond, burst };
      this.tokens = burst;
      return { rate: this.rate };
    }
    throw new Error(`unknown slack control '${action}'`);
  }

  errorReply(status: number): Reply {
    if (status === 429) return plain(429, 'rate_limited');
    if (status === 401) return plain(403, 'invalid_token');
    return plain(status, status >= 500 ? 'internal_error' : 'invalid_payload');
  }

  private takeToken(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.rate.perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private reject(webhook: string, status: number, error: string, headers?: Record<string, string>): Reply {
    this.rejected.push({ webhook, status, error });
    return plain(status, error, headers);
  }

  handle(req: SandboxRequest): Reply {
    if (req.method !== 'POST' || !req.path.startsWith('/services/')) return plain(404, 'not_found');
    if (!this.webhooks.has(req.path)) return this.reject(req.path, 404, 'no_service');
    if (!this.takeToken()) return this.reject(req.path, 429, 'rate_limited', { 'retry-after': '1' });

    let payload: unknown;
    try {
      const raw = req.body.toString('utf8');
      const type = req.headers['content-type'] ?? '';
      payload = JSON.parse(
        type.includes('application/x-www-form-urlencoded') ? (new URLSearchParams(raw).get('payload') ?? '') : raw,
      );
    } catch {
      return this.reject(req.path, 400, 'invalid_payload');
    }
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return this.reject(req.path, 400, 'invalid_payload');
    const message = payload as Record<string, unknown>;

    const attachments = message.attachments;
    if (attachments !== undefined && (!Array.isArray(attachments) || attachments.length > 100))
      return this.reject(req.path, 400, 'too_many_attachments');
    if (message.blocks !== undefined && !Array.isArray(message.blocks))
      return this.reject(req.path, 400, 'invalid_blocks_format');
    const hasText = typeof message.text === 'string' && message.text.trim() !== '';
    const hasBlocks = Array.isArray(message.blocks) && message.blocks.length > 0;
    const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
    if (!hasText && !hasBlocks && !hasAttachments) return this.reject(req.path, 400, 'no_text');

    try {
      if (message.blocks !== undefined) checkBlocks(message.blocks, 'blocks');
      (Array.isArray(attachments) ? attachments : []).forEach((a: Record<string, unknown>, i) => {
        if (a?.blocks !== undefined) checkBlocks(a.blocks, `attachments[${i}].blocks`);
      });
    } catch (error) {
      if (error instanceof BlockError) return this.reject(req.path, 400, 'invalid_blocks');
      throw error;
    }

    this.messages.push({ webhook: req.path, payload: message, at: Date.now() });
    return plain(200, 'ok');
  }
}
