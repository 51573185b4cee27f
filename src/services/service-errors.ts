/** Failures a service reports to whoever called it, in words a user can act on. */

/** Someone else is changing the same thing at this moment: nothing was written; try again. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
