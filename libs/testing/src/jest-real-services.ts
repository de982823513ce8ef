// Integration and e2e tests wait on real services (PostgreSQL, a NestJS app starting, Temporal,
// SMTP). Jest's default of 5 s for a test or hook is a unit-test budget: on a busy 2-core CI
// machine an app's start-up alone can take longer. A test that needs more still says so itself.
jest.setTimeout(30_000);
