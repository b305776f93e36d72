// A small well-formedness check for the report's HTML and SVG in tests: every tag closed in order,
// every attribute quoted, no stray `<` or bare `&` in text. Not a parser: enough to catch markup
// a user string broke out of.

const VOID_HTML = new Set(['meta', 'br', 'link', 'img', 'hr', 'input']);

const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/y;

/** What is wrong with the markup (empty when nothing): unclosed or crossed tags, stray < or &. */
export function markupProblems(markup: string, opts: { html: boolean }): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  let i = 0;
  while (i < markup.length) {
    const lt = markup.indexOf('<', i);
    const text = markup.slice(i, lt < 0 ? markup.length : lt);
    const bareAmp = /&(?!(?:amp|lt|gt|quot|#39|#\d+|#x[0-9a-f]+);)/i.exec(text);
    if (bareAmp) problems.push(`bare & at ${i + bareAmp.index}`);
    if (lt < 0) break;
    if (markup.startsWith('<!doctype', lt) || markup.startsWith('<!--', lt)) {
      i = markup.indexOf('>', lt) + 1;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(markup);
    if (m === null) {
      problems.push(`stray < at ${lt}: ${markup.slice(lt, lt + 30)}`);
      i = lt + 1;
      continue;
    }
    const [whole, closing, name = '', , selfClosing] = m;
    const tag = name.toLowerCase();
    if (closing) {
      const top = open.pop();
      if (top !== tag) problems.push(`</${tag}> closes <${top ?? 'nothing'}> at ${lt}`);
    } else if (!selfClosing && !(opts.html && VOID_HTML.has(tag))) {
      open.push(tag);
    }
    i = lt + whole.length;
  }
  if (open.length > 0) problems.push(`unclosed: ${open.join(', ')}`);
  return problems;
}
