/**
 * Job summaries. Every piece of text is HTML-escaped (a commit message or a server's error body
 * is data, never markup); markup is only ever built here. Rendering is deferred to the moment the
 * summary is written, so each text is scrubbed of secrets before it is escaped: an escaped secret
 * (`p&amp;ss`) is a different string, which a scrubber run afterwards would miss.
 */
import type { Runner, SummaryContent } from './runner.ts';

type Scrub = (text: string) => string;
const asIs: Scrub = (text) => text;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Markup made by this module; plain strings are always escaped. */
export class Html implements SummaryContent {
  private readonly build: (scrub: Scrub) => string;
  constructor(build: (scrub: Scrub) => string) {
    this.build = build;
  }
  render(scrub: Scrub): string {
    return this.build(scrub);
  }
  /** The markup with nothing scrubbed (for tests and callers without secrets). */
  get markup(): string {
    return this.build(asIs);
  }
  toString(): string {
    return this.markup;
  }
}

export type Content = string | number | boolean | Html;

/** Scrub, then escape: the order that keeps a secret recognisable. */
function text(content: Content, scrub: Scrub): string {
  return content instanceof Html ? content.render(scrub) : escapeHtml(scrub(String(content)));
}

export function link(label: string, href: string): Html {
  return /^https?:\/\//i.test(href)
    ? new Html((s) => `<a href="${escapeHtml(s(href))}">${escapeHtml(s(label))}</a>`)
    : new Html((s) => escapeHtml(s(label)));
}

export function code(content: string): Html {
  return new Html((s) => `<code>${escapeHtml(s(content))}</code>`);
}

export class Summary implements SummaryContent {
  private readonly parts: Array<(scrub: Scrub) => string> = [];

  heading(content: Content, level: 1 | 2 | 3 | 4 = 2): this {
    this.parts.push((s) => `<h${level}>${text(content, s)}</h${level}>`);
    return this;
  }

  paragraph(...content: Content[]): this {
    this.parts.push((s) => `<p>${content.map((c) => text(c, s)).join(' ')}</p>`);
    return this;
  }

  table(headers: Content[], rows: Content[][]): this {
    this.parts.push((s) => {
      const head = `<tr>${headers.map((h) => `<th>${text(h, s)}</th>`).join('')}</tr>`;
      const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${text(cell, s)}</td>`).join('')}</tr>`).join('');
      return `<table>${head}${body}</table>`;
    });
    return this;
  }

  list(items: Content[]): this {
    this.parts.push((s) => `<ul>${items.map((i) => `<li>${text(i, s)}</li>`).join('')}</ul>`);
    return this;
  }

  details(label: Content, body: Content | Summary): this {
    this.parts.push((s) => {
      const inner = body instanceof Summary ? body.render(s) : text(body, s);
      return `<details><summary>${text(label, s)}</summary>\n\n${inner}\n\n</details>`;
    });
    return this;
  }

  codeBlock(content: string): this {
    this.parts.push((s) => `<pre><code>${escapeHtml(s(content))}</code></pre>`);
    return this;
  }

  render(scrub: Scrub): string {
    return `${this.parts.map((part) => part(scrub)).join('\n')}\n`;
  }

  toString(): string {
    return this.render(asIs);
  }

  /** Appends to the job summary; the runner scrubs each text before it is escaped. */
  write(runner: Pick<Runner, 'appendSummary'>): void {
    runner.appendSummary(this);
  }
}
