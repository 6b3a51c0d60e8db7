import nlp from 'compromise'
const sents = [
 'The United States has “evidence” that North Korean troops have deployed to Russia, the U.S. defense secretary said Wednesday.',
 'Last week, South Korea’s National Intelligence Service said the North had already begun deploying four brigades totaling 12,000 troops, including special forces, for the war in Ukraine, with 1,500 special forces already in Russia.',
 'South Korean intelligence estimates suggest there are now about 3,000 Northern troops in Russia, but officials said the North could deploy more than 10,000 troops to Russia by the end of the year.',
 'Despite North Korea\'s large standing army of 1.2 million troops, experts are skeptical, said Mr Austin on Nov. 1 and October 23, 2024 and mid-October and three thousand soldiers.',
]
for (const s of sents) {
  const doc = nlp(s)
  doc.compute('root')
  const j = doc.json({ offset: true, terms: { offset: true } })
  for (const t of j[0].terms) console.log(JSON.stringify([t.text, t.pre, t.post, t.offset.start, t.offset.length, t.tags.join(','), t.root ?? '', t.normal, t.chunk]))
  console.log('people', doc.people().out('array'), 'orgs', doc.organizations().out('array'), 'places', doc.places().out('array'))
  console.log('numbers', JSON.stringify(doc.numbers().json({offset:true}).map(n=>[n.text, n.number, n.offset])))
}
