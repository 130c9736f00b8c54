/**
 * The most subscriptions one listing call may name (validated in schemas.ts); the page sends "All
 * subscriptions" beyond that in several calls. Kept apart from the schemas so the browser bundle need not
 * load zod to know it.
 */
export const MAX_LISTED_SUBSCRIPTIONS = 500;
