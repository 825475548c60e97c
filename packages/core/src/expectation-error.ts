/** An expectation (a status range, a JSON assertion, a regex) that cannot be parsed: the caller names the input or field. */
export class ExpectationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpectationError';
  }
}
