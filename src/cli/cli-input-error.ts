/** Bad input to a CLI command: printed as a message (no stack) with exit code 2. */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}
