/**
 * URLs and e-mail addresses in plain text. Markdown runs never contain them (the parser makes them links),
 * but text from stdin does, and a term inside `https://example.com/ai/` is not an occurrence.
 * A URL ends at the first character that is not URL-safe ASCII, so `https://example.com/はこちら` stops
 * before は; trailing sentence punctuation is not part of it.
 */
const URL = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[\w\-.~:/?#[\]@!$&'()*+,;=%]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** [start, end) of every URL and e-mail address in `text`. */
export function urlSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const found of text.matchAll(URL)) {
    let end = found.index + found[0].length;
    while (end > found.index && /[.,;:!?)'\]]/.test(text[end - 1]!)) end--;
    spans.push([found.index, end]);
  }
  return spans;
}
