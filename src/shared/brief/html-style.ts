/**
 * The embedded stylesheet of the HTML brief: readable on screen, clean on paper, and inline so the
 * file needs nothing beyond itself (its CSP allows inline styles and nothing else).
 */
export const BRIEF_STYLESHEET = `
:root { color-scheme: light; }
body {
  margin: 0;
  color: #1a1a1a;
  background: #fff;
  font: 17px/1.6 Georgia, 'Times New Roman', serif;
}
main { max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
h1, h2 { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; line-height: 1.25; }
h1 { font-size: 1.9rem; margin: 0 0 0.4rem; }
h1 + p { color: #555; margin-top: 0; }
h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #ddd; padding-bottom: 0.25rem; }
ul { padding-left: 1.25rem; }
li { margin: 0.6rem 0; }
em { color: #555; }
a { color: #1f4e99; overflow-wrap: anywhere; }
sup { line-height: 0; }
sup a { text-decoration: none; padding: 0 0.1em; }
code { font: 0.8em/1.4 ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.footnotes { font-size: 0.92rem; }
.footnotes ol { padding-left: 1.5rem; }
.footnotes li:target { background: #fff6d6; }
[data-footnote-backref] { text-decoration: none; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; }
  h1, h2 { break-after: avoid; }
  li, p { break-inside: avoid; }
  [data-footnote-backref] { display: none; }
}
`
