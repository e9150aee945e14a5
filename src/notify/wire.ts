/**
 * JSON as it goes on the wire: `<`, `>`, `&` and the two JavaScript line separators written as
 * `\uXXXX` escapes. Receivers parse the same values, and a payload that ends up inside an HTML page
 * or a log viewer can never close a `<script>` or open a tag.
 */
export function wireJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
