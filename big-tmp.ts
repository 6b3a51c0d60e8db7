import { extractHtml } from './src/main/core/import/html'
for (const n of [5000, 20000, 50000]) {
  const html = '<html><body>' + Array.from({ length: n / 10 }, (_, i) => '<div class="section">' + Array.from({ length: 10 }, (_, j) => `<p>Paragraph ${i}.${j} with some words in it, and a <a href="https://x.example/${j}">link</a>, to look like prose.</p><!-- c -->`).join('') + '</div>').join('') + '</body></html>'
  const t = Date.now()
  const r = extractHtml(new TextEncoder().encode(html), 'big.html')
  console.log(n, (html.length / 1e6).toFixed(1) + 'MB', Date.now() - t, 'ms', r.structure.blocks.length, r.warnings)
}
