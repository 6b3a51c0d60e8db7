import { JSDOM } from 'jsdom'
import { readFileSync } from 'node:fs'
const p = process.argv[2]
const html = readFileSync(`../shared/corpus/html/${p}/expected.html`, 'utf8')
const doc = new JSDOM(html).window.document
for (const el of doc.querySelectorAll('p,h1,h2,h3,h4,li,br,div,figcaption,blockquote')) el.append('\n')
console.log(doc.body.textContent?.replace(/\n{2,}/g, '\n'))
