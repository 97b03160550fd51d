/** A change that does not fit the published plan (unknown patient, a late arrival after activities began, …). */
export class ReplanInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'ReplanInputError';
  }
}
