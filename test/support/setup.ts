// Integration tests drive real workflows over HTTP; a lifecycle takes seconds on a busy machine.
jest.setTimeout(60_000);
