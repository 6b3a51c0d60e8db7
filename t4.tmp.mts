import nlp from 'compromise'
import { readFileSync, readdirSync } from 'node:fs'
const re = new RegExp(process.argv[2])
const files = readdirSync('resources/sample').filter(f=>f.endsWith('.txt'))
for (const f of files) {
  const text = readFileSync('resources/sample/'+f,'utf8')
  for (const s of nlp.tokenize(text).json({ offset: true })) {
    if (!re.test(s.text)) continue
    const doc = nlp(s.text); doc.compute('root')
    const j = doc.json({ offset: true, terms: { offset: true } })
    console.log('##', f.slice(0,3), s.text.slice(0,100))
    console.log(j.flatMap(x=>x.terms).map(t=>`${t.pre}${t.text}${t.post.trimEnd()}[${t.tags.filter(x=>!['Noun','Singular'].includes(x)).join(',')}${t.root?'|'+t.root:''}]`).join(' '))
  }
}
