/**
 * The subset of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) that the
 * export writes. Property order here is the order in the JSON, so keep the builders in step.
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

/** The model's motivations that the export uses, as annotation `motivation` and body `purpose`. */
export type Motivation = 'assessing' | 'classifying' | 'commenting' | 'highlighting' | 'tagging'

export interface TextualBody {
  type: 'TextualBody'
  value: string
  format: 'text/plain'
  purpose: Motivation
}

export interface WebTextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix?: string
  suffix?: string
}

/** Unlike the notebook's own selector, `start` and `end` count Unicode code points (model 4.2.5). */
export interface WebTextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

export type WebSelector = WebTextQuoteSelector | WebTextPositionSelector

/** When the source was fetched, so a reader knows which version of a changing web page was quoted. */
export interface TimeState {
  type: 'TimeState'
  sourceDate: string
}

export interface WebAnnotationTarget {
  source: string
  state?: TimeState
  selector: WebSelector[]
}

export interface WebAnnotation {
  '@context': typeof ANNOTATION_CONTEXT
  id: string
  type: 'Annotation'
  motivation: Motivation
  created?: string
  modified?: string
  generated?: string
  body?: TextualBody[]
  target: WebAnnotationTarget
}

export interface AnnotationPage {
  id: string
  type: 'AnnotationPage'
  partOf: string
  startIndex: 0
  items: WebAnnotation[]
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT
  id: string
  type: 'AnnotationCollection'
  label?: string
  total: number
  /** Absent when there are no annotations: the model requires a first page only when there are some. */
  first?: AnnotationPage
  last?: string
}
