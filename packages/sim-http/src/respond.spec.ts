import { serve } from './__fixtures__/local-server';
import { corruptJson, writeJson } from './respond';

describe('corruptJson', () => {
  const text = JSON.stringify({ stat: 'OK', response: { items: [1, 2, 3] } });

  it('truncate keeps the first half, which no longer parses', () => {
    const cut = corruptJson(text, 'truncate');
    expect(text.startsWith(cut)).toBe(true);
    expect(cut.length).toBe(Math.floor(text.length / 2));
    expect(() => JSON.parse(cut) as unknown).toThrow(SyntaxError);
  });

  it('malformed keeps every character and adds a raw control character, which no JSON text may hold', () => {
    const bad = corruptJson(text, 'malformed');
    expect(bad.replace('\u0001', '')).toBe(text);
    expect(() => JSON.parse(bad) as unknown).toThrow(SyntaxError);
  });
});

describe('writeJson', () => {
  it('answers with the exact byte length, the given content type and headers, and only once', async () => {
    const server = await serve((_req, res) => {
      writeJson(res, 201, '{"name":"é"}', 'application/json', { 'api-current-version': '2025.1' });
      writeJson(res, 500, '{"second":true}', 'application/json');
    });
    try {
      const reply = await fetch(server.url);
      expect(reply.status).toBe(201);
      expect(reply.headers.get('content-type')).toBe('application/json');
      expect(reply.headers.get('content-length')).toBe(String(Buffer.byteLength('{"name":"é"}')));
      expect(reply.headers.get('api-current-version')).toBe('2025.1');
      expect(await reply.json()).toEqual({ name: 'é' });
    } finally {
      await server.close();
    }
  });
});
