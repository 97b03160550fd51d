// A compile-time guard that a zod schema and the TypeScript type it describes are the same
// document: both directions assignable and the same top-level keys (check nested objects'
// schemas too — mutual assignability alone lets an optional field slip through).
export type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? ([keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false) : false) : false;
