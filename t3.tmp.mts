import nlp from 'compromise'
import { readFileSync, readdirSync } from 'node:fs'
const files = readdirSync('resources/sample').filter(f=>f.endsWith('.txt'))
for (const f of files) {
  const text = readFileSync('resources/sample/'+f,'utf8')
  const t0 = performance.now()
  const tok = nlp.tokenize(text).json({ offset: true })
  const t1 = performance.now()
  const full = nlp(text)
  const t2 = performance.now()
  console.log(f, 'tokenize', (t1-t0).toFixed(1), 'full', (t2-t1).toFixed(1), tok.length)
  let bad = 0
  for (const s of tok) { const sl = text.slice(s.offset.start, s.offset.start + s.offset.length); if (sl.trim() !== s.text.trim()) { bad++; console.log('MISMATCH', JSON.stringify(sl), JSON.stringify(s.text)) } }
  console.log('people', JSON.stringify(full.people().out('array')))
  console.log('orgs', JSON.stringify(full.organizations().out('array')))
}
