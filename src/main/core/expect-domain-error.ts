/** Test helper: awaits `promise`, asserts it rejected with a DomainError of `code`, and returns it. */
import { expect } from 'vitest'
import { DomainError } from './domain-error'

export async function expectDomainError(promise: Promise<unknown>, code: string): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DomainError)
  expect((error as DomainError).code).toBe(code)
  return error as DomainError
}
