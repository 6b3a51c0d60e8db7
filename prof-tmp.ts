import { JSDOM } from 'jsdom'
import { addBlocks } from './src/main/core/import/html-blocks'
import { DocumentBuilder } from './src/main/core/import/extracted-document'
const n = 50000
const html = '<html><body>' + Array.from({ length: n / 10 }, (_, i) => '<div class="section">' + Array.from({ length: 10 }, (_, j) => `<p>Paragraph ${i}.${j} with some words in it, and a <a href="https://x.example/${j}">link</a>, to look like prose.</p>`).join('') + '</div>').join('') + '</body></html>'
let t = Date.now()
const dom = new JSDOM(html)
console.log('parse', Date.now() - t); t = Date.now()
const c = dom.window.document.cloneNode(true)
console.log('clone', Date.now() - t); t = Date.now()
const b = new DocumentBuilder()
addBlocks(dom.window.document.body, b)
console.log('walk', Date.now() - t); t = Date.now()
b.build()
console.log('build', Date.now() - t); t = Date.now()
dom.window.close()
console.log('close', Date.now() - t); t = Date.now()
