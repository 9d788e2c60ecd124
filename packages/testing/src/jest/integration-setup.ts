// Integration specs drive real servers (and some kill and restart them): minutes, not seconds.
jest.setTimeout(240_000);
