/** `npm run bench`: every benchmark, each printing its figures beside a baseline measured in the same run. */
import { benchBrief } from './brief.bench'
import { benchColdStart } from './cold-start.bench'
import { benchConflicts } from './conflicts.bench'
import { benchImport } from './import.bench'
import { benchSearch } from './search.bench'
import { benchStorage } from './storage.bench'

await benchImport()
await benchSearch()
await benchBrief()
await benchConflicts()
await benchColdStart()
await benchStorage()
