/**
 * What the mention tests expect in each seed report (resources/sample), read off the texts by hand.
 * Test data only: nothing in the app imports it.
 */

export type SeedId = '000' | '001' | '002' | '003' | '004'

export interface ExpectedCount {
  text: string
  value: number | null
  unit: string
  qualifier: string
}

/** Every troop count in each seed, in reading order, read off the texts by hand. */
export const TROOP_COUNTS: Record<SeedId, ExpectedCount[]> = {
  '000': [
    { text: '12,000 troops', value: 12000, unit: 'troops', qualifier: '' },
    { text: '1,500 special forces', value: 1500, unit: 'special forces', qualifier: '' },
    { text: '2,600 troops', value: 2600, unit: 'troops', qualifier: '' },
  ],
  '001': [
    { text: 'around 3,000 North Korean soldiers', value: 3000, unit: 'soldiers', qualifier: 'around' },
    { text: '1,500 North Korean special forces', value: 1500, unit: 'special forces', qualifier: '' },
    { text: 'up to 10,000 North Korean soldiers', value: 10000, unit: 'soldiers', qualifier: 'up to' },
    { text: '1,500 North Korean troops', value: 1500, unit: 'troops', qualifier: '' },
    { text: '10,000 troops', value: 10000, unit: 'troops', qualifier: '' },
    // The standing army, not the deployment: still a troop count.
    { text: '1.2 million troops', value: 1_200_000, unit: 'troops', qualifier: '' },
  ],
  '002': [
    { text: 'at least 3,000 soldiers', value: 3000, unit: 'soldiers', qualifier: 'at least' },
    { text: '10,000 troops', value: 10000, unit: 'troops', qualifier: '' },
  ],
  '003': [
    { text: 'thousands of Russian troops', value: null, unit: 'troops', qualifier: '' },
    { text: 'about 3,000 Northern troops', value: 3000, unit: 'troops', qualifier: 'about' },
    { text: 'more than 10,000 troops', value: 10000, unit: 'troops', qualifier: 'more than' },
  ],
  '004': [
    { text: 'Thousands of North Korean Troops', value: null, unit: 'troops', qualifier: '' },
    { text: 'around 3,000 troops', value: 3000, unit: 'troops', qualifier: 'around' },
    { text: '10,000 soldiers', value: 10000, unit: 'soldiers', qualifier: '' },
    { text: '1,500 special forces', value: 1500, unit: 'special forces', qualifier: '' },
  ],
}

/** The other counts: different categories, so they never join the troop group. */
export const OTHER_COUNTS: Record<SeedId, Array<[string, number, string]>> = {
  '000': [['four brigades', 4, 'brigades']],
  '001': [['over 13,000 containers', 13000, 'containers']],
  '002': [],
  '003': [['two major U.S. adversaries', 2, 'adversaries']],
  '004': [['two countries', 2, 'countries']],
}

/** The day each seed gives for Lloyd Austin's statement, and the verb it hangs on. */
export const AUSTIN_DAYS: Record<SeedId, Array<[string, string]>> = {
  '000': [['Wednesday', 'say']], // "the U.S. defense secretary said Wednesday"
  '001': [
    ['Monday', 'confirm'], // "Lloyd Austin confirmed Monday"
    ['Wednesday', 'speak'], // "Speaking to reporters on Wednesday, Austin said"
  ],
  '002': [], // "Defense Secretary Lloyd Austin confirmed the troop movement" (no day)
  '003': [['Tuesday', 'say']], // "Lloyd Austin said Tuesday"
  '004': [], // "during a press briefing in Rome" (no day)
}

/** The main speakers in each seed, with a cue each uses. */
export const SPEAKERS: Record<SeedId, Array<[string, string]>> = {
  '000': [
    ['Lloyd Austin', 'said'],
    ['South Korea’s National Intelligence Service', 'said'],
    ['Kyrylo Budanov', 'according to'],
    ['Kyrylo Budanov', 'added'],
    ['Dmitry Peskov', 'said'],
    ['Mark Rutte', 'said'],
  ],
  '001': [
    ['Lloyd Austin', 'confirmed'],
    ['Lloyd Austin', 'warned'], // "He warned", resolved to the last person quoted
    ['South Korea’s spy chief', 'informed'],
    ['Cho Tae-yong', 'informed'],
    ['Volodymyr Zelenskyy', 'claimed'],
    ['Park Sunwon', 'according to'],
    ['Lee Seong Kweun', 'noted'],
    ['North Korea and Russia', 'denied'],
  ],
  '002': [
    ['the Pentagon', 'confirmed'],
    ['Lloyd Austin', 'confirmed'],
    ['John Kirby', 'added'],
    ['John Kirby', 'told'],
    ['Cho Tae-yong', 'told'],
    ['Mark Rutte', 'said'],
    ['Russia and North Korea', 'denied'],
  ],
  '003': [
    ['Lloyd Austin', 'said'],
    ['Defense officials in Washington', 'told'],
    ['Moscow', 'dismissed'],
  ],
  '004': [
    ['The US', 'claimed'],
    ['John Kirby', 'stated'],
    ['The UK government, along with North Korea and Russia', 'denied'],
  ],
}
