/** @module Test helpers shared by the packages: fakes, builders and conformance suites. */
export * from './fakes.ts'
export * from './context.ts'
export * from './wait-for.ts'
export * from './tls-certificate.ts'
