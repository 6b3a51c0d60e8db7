import { expect, it } from 'vitest'
import { DocumentBuilder } from './extracted-document'
it('builder', () => {
  const b = new DocumentBuilder()
  b.addBlock('heading', '  Big   title ', { level: 1 })
  b.addBlock('paragraph', ['Hello ', { text: ' the  world ', href: 'https://x' }, ' again\n'])
  b.addBlock('paragraph', '   ')
  const { text, structure } = b.build('en', 'ltr')
  expect(text).toBe('Big title\nHello the world again')
  const l = structure.links[0]!
  expect(text.slice(l.start, l.end)).toBe('the world')
  expect(structure.blocks.map((x) => text.slice(x.start, x.end))).toEqual([
    'Big title',
    'Hello the world again',
  ])
})
