/**
 * Job summaries. Every piece of text is HTML-escaped on the way in (a commit message or a
 * server's error body is data, never markup); markup is only ever built here.
 */
import type { Runner } from './runner.ts';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Markup made by this module; plain strings are always escaped. */
export class Html {
  readonly markup: string;
  constructor(markup: string) {
    this.markup = markup;
  }
  toString(): string {
    return this.markup;
  }
}

export type Content = string | number | boolean | Html;

function render(content: Content): string {
  return content instanceof Html ? content.markup : escapeHtml(String(content));
}

export function link(text: string, href: string): Html {
  return /^https?:\/\//i.test(href)
    ? new Html(`<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`)
    : new Html(escapeHtml(text));
}

export function code(text: string): Html {
  return new Html(`<code>${escapeHtml(text)}</code>`);
}

export class Summary {
  private readonly parts: string[] = [];

  heading(text: Content, level: 1 | 2 | 3 | 4 = 2): this {
    this.parts.push(`<h${level}>${render(text)}</h${level}>`);
    return this;
  }

  paragraph(...content: Content[]): this {
    this.parts.push(`<p>${content.map(render).join(' ')}</p>`);
    return this;
  }

  table(headers: Content[], rows: Content[][]): this {
    const head = `<tr>${headers.map((h) => `<th>${render(h)}</th>`).join('')}</tr>`;
    const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${render(cell)}</td>`).join('')}</tr>`).join('');
    this.parts.push(`<table>${head}${body}</table>`);
    return this;
  }

  list(items: Content[]): this {
    this.parts.push(`<ul>${items.map((i) => `<li>${render(i)}</li>`).join('')}</ul>`);
    return this;
  }

  details(label: Content, body: Content | Summary): this {
    const inner = body instanceof Summary ? body.toString() : render(body);
    this.parts.push(`<details><summary>${render(label)}</summary>\n\n${inner}\n\n</details>`);
    return this;
  }

  codeBlock(text: string): this {
    this.parts.push(`<pre><code>${escapeHtml(text)}</code></pre>`);
    return this;
  }

  toString(): string {
    return `${this.parts.join('\n')}\n`;
  }

  write(runner: Pick<Runner, 'appendSummary'>): void {
    runner.appendSummary(this.toString());
  }
}
